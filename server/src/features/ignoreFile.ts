//! `.dockerignore` editing: diagnostics (patterns that fail the build, Go-regexp quirks,
//! lines made redundant by a later one, patterns that match nothing in the scanned context)
//! and hovers (what the line means, and what it excludes right now: counts, bytes, examples).
//! Pure: the text, plus the per-line analysis of a scanned context when there is one.

import { parseDockerignore, type IgnoreProblem } from '../context/dockerignore';
import { findRedundancy, type IgnorePatternAnalysis } from '../context/copySources';
import type { Bilingual } from '../rules/defineRule';
import type { Locale } from './locale';
import { formatBytes } from '../../../protocol/size';

export interface IgnoreDiag {
  line: number;
  startChar: number;
  endChar: number;
  severity: 'error' | 'warning' | 'info' | 'hint';
  code: string;
  message: Bilingual;
  unnecessary?: boolean;
}

function lineSpan(lines: string[], line: number): { startChar: number; endChar: number } {
  const raw = (lines[line] ?? '').replace(/\r$/, '');
  const lead = raw.length - raw.trimStart().length;
  return { startChar: lead, endChar: Math.max(lead, raw.trimEnd().length) };
}

function problemMessage(p: IgnoreProblem): Bilingual {
  switch (p.kind) {
    case 'parse':
    case 'read':
      return { en: `${p.message}: ${p.reason} docker build fails before sending the context.`, ko: `${p.message}: docker build가 컨텍스트를 보내기 전에 실패합니다. (${p.reason})` };
    case 'match':
      return { en: `${p.message}: ${p.reason}`, ko: `패턴이 Go 정규식으로 컴파일되지 않아, 이 패턴을 평가하는 순간 빌드가 실패합니다. (${p.reason})` };
    case 'quirk':
      return { en: `${p.message}: ${p.reason}`, ko: `와일드카드 패턴 속 \`|\`, \`{\`, \`}\`는 Go 정규식 의미(선택, 반복)를 가지며 글자 그대로가 아닙니다. (${p.reason})` };
    default:
      return { en: `${p.message}: ${p.reason}`, ko: `${p.message}: ${p.reason}` };
  }
}

export function ignoreDiagnostics(text: string, analysis: readonly IgnorePatternAnalysis[] | null): IgnoreDiag[] {
  const ig = parseDockerignore(text);
  const lines = text.split('\n');
  const out: IgnoreDiag[] = [];
  for (const p of ig.problems) {
    out.push({
      line: p.line,
      ...lineSpan(lines, p.line),
      severity: p.fatal || p.kind === 'match' ? 'error' : p.kind === 'quirk' ? 'warning' : 'warning',
      code: p.kind === 'quirk' ? 'ignore-regexp-quirk' : 'ignore-invalid-pattern',
      message: problemMessage(p),
    });
  }
  const red = findRedundancy(ig);
  for (const [i, byLine] of red) {
    const p = ig.patterns[i];
    out.push({
      line: p.line,
      ...lineSpan(lines, p.line),
      severity: 'hint',
      code: 'ignore-redundant',
      unnecessary: true,
      message: {
        en: `"${p.text}" is redundant: line ${byLine + 1} ("${lines[byLine]?.trim()}") ${p.exclusion ? 'excludes' : 're-includes'} everything it matches, and the last matching line wins`,
        ko: `"${p.text}"는 불필요합니다: ${byLine + 1}번째 줄("${lines[byLine]?.trim()}")이 이 패턴이 찾는 모든 것을 ${p.exclusion ? '제외' : '다시 포함'}하고, 마지막으로 일치한 줄이 이깁니다`,
      },
    });
  }
  if (analysis) {
    for (const a of analysis) {
      if (!a.matchesNothing || red.has(a.index) || ig.problems.some((x) => x.line === a.line && x.kind !== 'quirk')) continue;
      out.push({
        line: a.line,
        ...lineSpan(lines, a.line),
        severity: 'info',
        code: 'ignore-matches-nothing',
        unnecessary: true,
        message: {
          en: `"${a.text}" matches nothing in the build context right now (patterns are relative to the context root; use **/ to match at any depth)`,
          ko: `"${a.text}"는 지금 빌드 컨텍스트의 어떤 파일과도 일치하지 않습니다(패턴은 컨텍스트 루트 기준입니다. 어느 깊이에서나 찾으려면 **/를 쓰세요)`,
        },
      });
    }
  }
  return out.sort((x, y) => x.line - y.line || x.startChar - y.startChar);
}

/** What a pattern means, in words (the rules of ../shared/docs/dockerignore.md). */
function explain(pattern: string, exclusion: boolean, locale: Locale): string {
  const en: string[] = [];
  const ko: string[] = [];
  en.push(exclusion ? '`!` makes this an **exception**: paths it matches are sent again, if an earlier line excluded them.' : 'Paths matching this pattern are **not sent** to the builder.');
  ko.push(exclusion ? '`!`로 시작하므로 **예외**입니다: 앞 줄에서 제외된 경로 중 이 패턴과 일치하는 것을 다시 보냅니다.' : '이 패턴과 일치하는 경로는 빌더로 **보내지 않습니다**.');
  en.push('Matched from the context root (a leading `/` changes nothing); a match on a directory covers everything below it.');
  ko.push('컨텍스트 루트 기준으로 일치를 봅니다(앞의 `/`는 의미가 없습니다). 디렉터리와 일치하면 그 아래 전부가 해당됩니다.');
  if (pattern.includes('**')) {
    en.push('`**` matches any number of directories, including none.');
    ko.push('`**`는 0개 이상의 디렉터리와 일치합니다.');
  } else if (pattern.includes('*') && !pattern.includes('/')) {
    en.push('`*` does not cross `/`: this matches at the root only — write `**/' + pattern + '` for any depth.');
    ko.push('`*`는 `/`를 넘지 않으므로 루트에서만 일치합니다. 어느 깊이에서나 찾으려면 `**/' + pattern + '`라고 쓰세요.');
  }
  return (locale === 'ko' ? ko : en).map((l) => `- ${l}`).join('\n');
}

export function ignoreHover(text: string, line: number, analysis: readonly IgnorePatternAnalysis[] | null, locale: Locale): string | null {
  const ig = parseDockerignore(text);
  const p = ig.patterns.find((x) => x.line === line);
  if (!p) {
    const prob = ig.problems.find((x) => x.line === line);
    if (prob) return problemMessage(prob)[locale];
    const raw = (text.split('\n')[line] ?? '').trim();
    if (raw.startsWith('#')) return locale === 'ko' ? '주석입니다(`#`는 줄의 맨 앞에 있을 때만 주석입니다).' : 'A comment (`#` starts a comment only at the beginning of a line).';
    return null;
  }
  const parts: string[] = [`**\`${p.text}\`**${p.pattern !== p.text.replace(/^!/, '') ? ` → \`${p.exclusion ? '!' : ''}${p.pattern}\`` : ''}`, '', explain(p.pattern, p.exclusion, locale)];
  const a = analysis?.find((x) => x.line === line);
  if (a) {
    parts.push('');
    const n = a.files.toLocaleString('en-US');
    if (a.matchesNothing) parts.push(locale === 'ko' ? '지금 컨텍스트에서 **일치하는 것이 없습니다**.' : 'Right now it **matches nothing** in the context.');
    else if (a.exclusion) parts.push(locale === 'ko' ? `지금 **파일 ${n}개(${formatBytes(a.bytes)})**를 다시 포함시킵니다.` : `Right now it **re-includes ${n} file${a.files === 1 ? '' : 's'} (${formatBytes(a.bytes)})**.`);
    else parts.push(locale === 'ko' ? `지금 **파일 ${n}개(${formatBytes(a.bytes)})**를 제외합니다${a.dirs ? ` (디렉터리 ${a.dirs}개 포함)` : ''}.` : `Right now it **excludes ${n} file${a.files === 1 ? '' : 's'} (${formatBytes(a.bytes)})**${a.dirs ? ` in ${a.dirs} director${a.dirs === 1 ? 'y' : 'ies'}` : ''}.`);
    if (a.examples.length) parts.push((locale === 'ko' ? '예: ' : 'For example: ') + a.examples.map((e) => `\`${e}\``).join(', '));
    if (a.redundantBy !== undefined) parts.push(locale === 'ko' ? `${a.redundantBy + 1}번째 줄 때문에 불필요합니다.` : `Made redundant by line ${a.redundantBy + 1}.`);
  }
  return parts.join('\n');
}
