//! ADD of plain local files (hadolint DL3020): ADD also extracts local tar archives and fetches
//! URLs and git repositories, so for ordinary files and directories COPY states the intent.
//! Sources that are archives (by extension), URLs, git references or unresolved variables are
//! exempt. The fix renames ADD to COPY; it keeps the flags COPY accepts (--chown, --chmod,
//! --link, --exclude) and is not offered with ADD-only flags (--checksum, --keep-git-dir, --unpack).
import { defineRule, type Fix, type InstructionRuleContext } from '../defineRule';
import type { Instruction, Word } from '../../syntax/nodes';
import { flagsOf } from '../../semantics/instructionSpec';

/**
 * Compressed/tar extensions ADD may unpack: hadolint's archive list plus zstd (BuildKit detects
 * tar, gzip, bzip2, xz and zstd by content; the extension is the best static guess).
 */
const ARCHIVE_EXT = /\.(tar|t?Z|bz2|gz|lz|lzma|tb2|tbz|tbz2|tgz|tlz|tpz|txz|xz|zst|tzst)$/i;

export function isRemoteSource(v: string): boolean {
  return /^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(v) || /^[A-Za-z0-9._-]+@[A-Za-z0-9.-]+:/.test(v);
}

export function isArchiveName(v: string): boolean {
  return ARCHIVE_EXT.test(v.replace(/\/+$/, ''));
}

export type SourceKind = 'plain' | 'archive' | 'remote' | 'unknown' | 'glob-any';

/** Classifies one COPY/ADD source word. */
export function sourceKind(w: Word): SourceKind {
  const v = w.value;
  if (w.raw.startsWith('<<')) return 'plain'; // heredoc: COPY makes the same file
  if (isRemoteSource(v)) return 'remote';
  if (v.includes('$')) return 'unknown';
  if (isArchiveName(v)) return 'archive';
  // `files*`, `dist/?`, `[ab]`: the last segment has no fixed extension, so it may match an archive.
  const last = v.replace(/\/+$/, '').split('/').pop() ?? '';
  if (/[*?[]/.test(last) && !/\.[A-Za-z0-9]+$/.test(last)) return 'glob-any';
  return 'plain';
}

const COPY_FLAGS = new Set(flagsOf('COPY').map((f) => f.name));

/** The findings of one instruction (an ONBUILD and its trigger are checked apart). */
function check(i: Instruction, ctx: InstructionRuleContext): void {
  if (i.name !== 'ADD' || i.args.length < 2) return;
  const sources = i.args.slice(0, -1);
  const kinds = sources.map(sourceKind);
  const plainIdx = kinds.map((k, n) => (k === 'plain' ? n : -1)).filter((n) => n >= 0);
  if (!plainIdx.length) return;
  const names = plainIdx.map((n) => (sources[n].raw.startsWith('<<') ? 'heredoc ' + sources[n].raw : sources[n].value || sources[n].raw));
  const shown = names.slice(0, 3).map((s) => `"${s}"`).join(', ') + (names.length > 3 ? ', …' : '');
  const others = kinds.filter((k) => k !== 'plain');
  const addOnly = i.flags.filter((f) => !COPY_FLAGS.has(f.name.toLowerCase()));
  const kw = i.keyword === i.keyword.toLowerCase() ? 'copy' : 'COPY';
  const fixes: Fix[] = [];
  if (!addOnly.length && !others.some((k) => k === 'archive' || k === 'remote')) {
    fixes.push({
      title: { en: `Change ${i.keyword} to ${kw}`, ko: `${i.keyword}를 ${kw}로 바꾸기` },
      edits: [{ ...i.keywordSpan, newText: kw }],
      // An unresolved `$SRC` or a glob like `pkg*` might still name an archive that ADD would unpack.
      safe: others.length === 0,
    });
  }
  const extra = addOnly.length
    ? { en: ` (keep ADD only for ${addOnly.map((f) => '--' + f.name).join(', ')}, which COPY lacks)`, ko: ` (COPY에는 없는 ${addOnly.map((f) => '--' + f.name).join(', ')} 때문이라면 ADD를 유지하세요)` }
    : others.some((k) => k === 'archive' || k === 'remote')
      ? { en: '; this ADD also has an archive or remote source, so split those into their own ADD', ko: '. 이 ADD에는 압축 파일이나 원격 소스도 있으니 그것들은 별도의 ADD로 나누세요' }
      : { en: '', ko: '' };
  ctx.report({
    span: i.keywordSpan,
    message: {
      en: `${i.keyword} copies the plain local ${names.length > 1 ? 'sources' : 'source'} ${shown}; use COPY, which does not unpack archives or fetch URLs${extra.en}`,
      ko: `${i.keyword}로 일반 로컬 파일 ${shown}을(를) 복사하고 있습니다. 압축 해제나 URL 다운로드를 하지 않는 COPY를 쓰세요${extra.ko}`,
    },
    fixes,
  });
}

export default defineRule({
  id: 'DF058',
  name: 'add-instead-of-copy',
  category: 'correctness',
  severity: 'warning',
  aliases: { hadolint: ['DL3020'] },
  fixable: true,
  docs: {
    en: {
      title: 'Use COPY instead of ADD for files and folders',
      rationale: 'ADD does more than copy: it unpacks local tar archives and downloads URLs and git repositories. For ordinary files and directories COPY does the same job without the surprises, and says what you mean. Keep ADD for archives you want extracted and for remote sources.',
    },
    ko: {
      title: '파일과 폴더에는 ADD 대신 COPY를 쓰세요',
      rationale: 'ADD는 복사 외에도 로컬 tar 압축 파일을 풀고 URL이나 git 저장소를 내려받습니다. 일반 파일과 디렉토리라면 COPY가 같은 일을 예상 밖의 동작 없이 하며 의도도 분명합니다. ADD는 압축을 풀어야 하는 아카이브나 원격 소스에만 쓰세요.',
    },
  },
  scope: 'instruction',
  on: ['ADD'],
  checkInstruction(ins, ctx) {
    check(ins, ctx);
    if (ins.trigger) check(ins.trigger, ctx);
  },
});
