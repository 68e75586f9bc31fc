//! A relative WORKDIR resolves against the previous WORKDIR, which for the first one is the base
//! image's (unknown here). hadolint DL3000 reports every relative WORKDIR; BuildKit
//! WorkdirRelativePath only the first one in a stage with no absolute WORKDIR before it.
//! Values that start with an unresolved variable (`$HOME/x`, `${DIR}`) are skipped.
import { defineRule, type Fix } from '../defineRule';
import type { Instruction, Word } from '../../syntax/nodes';
import type { SemanticModel, Stage } from '../../semantics/model';

/** Known absolute directory, `base` (the base image's, not set in this file) or `unknown`. */
type Cwd = { path: string; fromArgs: boolean } | 'base' | 'unknown';

const isAbs = (p: string) => p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p) || p.startsWith('\\');

/** POSIX `path.normalize` for an absolute path. */
export function normalizeAbs(p: string): string {
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return '/' + out.join('/');
}

const PLAIN = /^[A-Za-z0-9_./@:+,=-]+$/;

export default defineRule({
  id: 'DF053',
  name: 'workdir-relative',
  category: 'portability',
  severity: 'warning',
  aliases: { buildkit: ['WorkdirRelativePath'], hadolint: ['DL3000'] },
  fixable: true,
  docs: {
    en: {
      title: 'Use an absolute WORKDIR',
      rationale: 'A relative WORKDIR is resolved against the previous WORKDIR, and for the first one in a stage against the base image\'s WORKDIR, which can change when the base image is updated. An absolute path says exactly where commands run and files land.',
    },
    ko: {
      title: 'WORKDIR는 절대 경로로 쓰세요',
      rationale: '상대 경로 WORKDIR는 직전 WORKDIR를 기준으로, 스테이지의 첫 WORKDIR라면 베이스 이미지의 WORKDIR를 기준으로 해석됩니다. 베이스 이미지가 바뀌면 위치도 달라질 수 있습니다. 절대 경로를 쓰면 명령이 실행되고 파일이 놓이는 위치가 분명해집니다.',
    },
  },
  scope: 'file',
  perStage: true,
  check({ model, report }) {
    const endCwd = new Map<Stage, Cwd>();

    const visit = (ins: Instruction, cwd: Cwd, trigger: boolean): Cwd => {
      const word: Word | undefined = ins.args[0];
      if (!word || !word.value) return cwd;
      const expanded = (word.value.includes('$') ? model.expand(word.value, ins) : word.value).trim();
      // A value with variables is only known for the default build args (--build-arg may differ).
      const hasVars = word.value.includes('$');
      if (isAbs(expanded)) return expanded.includes('$') ? 'unknown' : { path: normalizeAbs(expanded), fromArgs: hasVars };
      if (expanded.startsWith('$')) return 'unknown'; // `$HOME/x`: the shell-less builder cannot tell
      const quoted = /^["']/.test(word.raw);
      const insertAt = word.start + (quoted ? 1 : 0);
      const fixes: Fix[] = [];
      const known = !trigger && typeof cwd === 'object' ? cwd.path : null;
      const safe = typeof cwd === 'object' && !cwd.fromArgs;
      let next: Cwd = 'unknown';
      if (known !== null) {
        const abs = normalizeAbs(known + '/' + expanded);
        next = expanded.includes('$') ? 'unknown' : { path: abs, fromArgs: !safe || hasVars };
        if (PLAIN.test(word.raw) && !word.raw.includes('$')) {
          fixes.push({ title: { en: `Use the absolute path ${abs}`, ko: `절대 경로 ${abs}(으)로 바꾸기` }, edits: [{ start: word.start, end: word.end, newText: abs }], safe });
        } else if (PLAIN.test(known)) {
          const prefix = known === '/' ? '/' : known + '/';
          fixes.push({ title: { en: `Prefix ${prefix}`, ko: `앞에 ${prefix} 붙이기` }, edits: [{ start: insertAt, end: insertAt, newText: prefix }], safe });
        }
      } else {
        fixes.push({ title: { en: 'Prefix /', ko: '앞에 / 붙이기' }, edits: [{ start: insertAt, end: insertAt, newText: '/' }], safe: false });
      }
      const shown = expanded !== word.value ? `${word.value}" (= "${expanded}")` : `${word.value}"`;
      const where = trigger
        ? { en: 'the WORKDIR of the image that triggers it', ko: '이 트리거를 실행하는 이미지의 WORKDIR' }
        : known !== null
          ? safe
            ? { en: `the previous WORKDIR ${known}`, ko: `직전 WORKDIR ${known}` }
            : { en: `the previous WORKDIR (${known} with the default build args)`, ko: `직전 WORKDIR(기본 빌드 인자로는 ${known})` }
          : cwd === 'base'
            ? { en: "the base image's WORKDIR", ko: '베이스 이미지의 WORKDIR' }
            : { en: 'a previous WORKDIR that cannot be resolved here', ko: '여기서 알 수 없는 직전 WORKDIR' };
      report({
        span: word,
        message: {
          en: `WORKDIR "${shown} is relative, so it depends on ${where.en}; use an absolute path`,
          ko: `WORKDIR "${shown}는 상대 경로라서 ${where.ko}에 따라 달라집니다. 절대 경로를 쓰세요`,
        },
        fixes,
      });
      return next;
    };

    for (const st of model.stages) {
      let cwd: Cwd = st.parent ? (endCwd.get(st.parent) ?? 'unknown') : 'base';
      for (const outer of st.instructions) {
        if (outer.name === 'WORKDIR') cwd = visit(outer, cwd, false);
        else if (outer.name === 'ONBUILD' && outer.trigger?.name === 'WORKDIR') visit(outer.trigger, 'unknown', true);
      }
      endCwd.set(st, cwd);
    }
  },
});
