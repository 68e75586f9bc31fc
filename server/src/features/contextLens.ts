//! CodeLenses from the build context: above each FROM the size of what `docker build` sends,
//! above each COPY/ADD from the context what it copies ("copies 1,204 files, 34.1 MB").
//! Pure: the caller supplies the context summary and the analysis of each COPY/ADD source.

import type { CodeLens } from 'vscode-languageserver-types';
import type { DockerfileDocument } from '../service/document';
import type { Instruction } from '../syntax/nodes';
import type { Locale } from './locale';
import { formatBytes } from '../../../protocol/size';

export interface SourceInfo {
  status: 'ok' | 'excluded' | 'not-found' | 'invalid-pattern' | 'remote';
  files: number;
  bytes: number;
}

const count = (n: number, locale: Locale) => n.toLocaleString(locale === 'ko' ? 'ko-KR' : 'en-US');

/** COPY/ADD instructions that read from the build context, with their source words. */
export function contextCopies(doc: DockerfileDocument): { ins: Instruction; sources: string[] }[] {
  const out: { ins: Instruction; sources: string[] }[] = [];
  for (const ins of doc.tree.instructions) {
    if (ins.name !== 'COPY' && ins.name !== 'ADD') continue;
    if (ins.flags.some((f) => f.name === 'from')) continue;
    const heredocNames = new Set(ins.heredocs.map((h) => h.markerSpan.start));
    const words = ins.args.filter((a) => !heredocNames.has(a.start));
    if (words.length < 2) continue;
    const sources = words.slice(0, -1).map((w) => w.value).filter((v) => v && !/^[a-z][a-z0-9+.-]*:\/\//i.test(v) && !v.startsWith('git@'));
    if (sources.length) out.push({ ins, sources });
  }
  return out;
}

export function contextLenses(
  doc: DockerfileDocument,
  summary: { includedFiles: number; includedBytes: number; excludedFiles: number; excludedBytes: number } | null,
  copies: { ins: Instruction; infos: SourceInfo[] }[],
  locale: Locale,
): CodeLens[] {
  const lenses: CodeLens[] = [];
  const at = (ins: Instruction) => ({ start: doc.positionAt(ins.start), end: doc.positionAt(ins.keywordSpan.end) });
  const show = (title: string) => ({ title, command: 'dockwise.showContextReport' });
  if (summary) {
    const title = locale === 'ko'
      ? `빌드 컨텍스트: 파일 ${count(summary.includedFiles, locale)}개, ${formatBytes(summary.includedBytes)} 전송 (.dockerignore로 ${count(summary.excludedFiles, locale)}개 제외)`
      : `Build context: ${count(summary.includedFiles, locale)} files, ${formatBytes(summary.includedBytes)} sent (${count(summary.excludedFiles, locale)} excluded by .dockerignore)`;
    for (const ins of doc.tree.instructions) if (ins.name === 'FROM') lenses.push({ range: at(ins), command: show(title) });
  }
  for (const c of copies) {
    const files = c.infos.reduce((n, i) => n + i.files, 0);
    const bytes = c.infos.reduce((n, i) => n + i.bytes, 0);
    const excluded = c.infos.filter((i) => i.status === 'excluded').length;
    const missing = c.infos.filter((i) => i.status === 'not-found').length;
    let title = locale === 'ko' ? `파일 ${count(files, locale)}개, ${formatBytes(bytes)} 복사` : `copies ${count(files, locale)} file${files === 1 ? '' : 's'}, ${formatBytes(bytes)}`;
    if (excluded) title += locale === 'ko' ? ` · 원본 ${excluded}개가 .dockerignore로 제외됨` : ` · ${excluded} source${excluded === 1 ? '' : 's'} excluded by .dockerignore`;
    if (missing) title += locale === 'ko' ? ` · 원본 ${missing}개가 컨텍스트에 없음` : ` · ${missing} source${missing === 1 ? '' : 's'} not in the context`;
    lenses.push({ range: at(c.ins), command: show(title) });
  }
  return lenses;
}
