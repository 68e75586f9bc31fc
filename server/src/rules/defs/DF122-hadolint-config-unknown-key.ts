//! hadolint reads only the keys it knows and silently ignores the rest, so `ignore:` (instead
//! of `ignored:`) or `overrides:` (instead of `override:`) turn a config into a no-op (rules.md
//! §2.3: 4 of 29 sampled public configs). Reported on the Dockerfile the config applies to, with
//! a fix that renames the key in the config file.
import { defineRule, type Fix } from '../defineRule';

export default defineRule({
  id: 'DF122',
  name: 'hadolint-config-unknown-key',
  category: 'correctness',
  severity: 'warning',
  aliases: {},
  fixable: true,
  docs: {
    en: { title: 'Unknown key in .hadolint.yaml', rationale: 'hadolint ignores unknown configuration keys without a word, so `ignore:` instead of `ignored:` or `overrides:` instead of `override:` silently disables the whole setting. The fix renames the key.' },
    ko: { title: '.hadolint.yaml의 알 수 없는 키', rationale: 'hadolint는 모르는 설정 키를 아무 말 없이 무시합니다. 그래서 `ignored:` 대신 `ignore:`, `override:` 대신 `overrides:`라고 쓰면 설정 전체가 조용히 적용되지 않습니다. 빠른 수정이 키 이름을 고칩니다.' },
  },
  scope: 'file',
  touches: 'none',
  check(ctx) {
    const problems = ctx.external.config?.problems ?? [];
    const first = ctx.tree.nodes[0];
    const span = first ? { start: first.start, end: first.start + Math.max(0, Math.min(first.end - first.start, ctx.tree.text.indexOf('\n', first.start) < 0 ? first.end - first.start : ctx.tree.text.indexOf('\n', first.start) - first.start)) } : { start: 0, end: 0 };
    for (const p of problems) {
      if (!p.key || !/hadolint\.ya?ml$/.test(p.file)) continue;
      const fixes: Fix[] = p.suggestion && p.line >= 0
        ? [{
            title: { en: `Rename "${p.key}" to "${p.suggestion}" in ${p.file.split(/[\\/]/).pop()}`, ko: `${p.file.split(/[\\/]/).pop()}에서 "${p.key}"를 "${p.suggestion}"(으)로 바꾸기` },
            edits: [], safe: false,
            otherFile: { path: p.file, insertAt: { line: p.line, character: p.column }, replaceTo: { line: p.line, character: p.column + p.key.length }, text: p.suggestion },
          }]
        : [];
      ctx.report({ span, message: p.message, fixes });
    }
  },
});
