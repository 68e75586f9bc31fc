//! A suppression naming a rule that does not exist suppresses nothing, silently:
//! `# check=skip=JsonArgsRecommended` (BuildKit names are case-sensitive), `# hadolint ignore=DL9999`,
//! `# dockwise ignore=latest-tags`. The file-level `# check=` directive is DF011's.
import { defineRule, type Fix } from '../defineRule';
import { collectPragmas, KNOWN_HADOLINT_NAMES } from '../suppress';
import { BUILDKIT_CHECKS } from '../../semantics/instructionSpec';
import { ALL_RULES } from '../registry.generated';
import { suggest } from '../suggest';

export default defineRule({
  id: 'DF120',
  name: 'unknown-rule-in-suppression',
  category: 'correctness',
  severity: 'warning',
  aliases: {},
  fixable: true,
  docs: {
    en: { title: 'Suppression names an unknown rule', rationale: '`# check=skip=JsonArgsRecommended` (wrong case: BuildKit check names are case-sensitive) or `# hadolint ignore=DL9999` suppresses nothing, and nobody notices. The quick fix offers the closest real name.' },
    ko: { title: '억제 주석에 없는 규칙 이름', rationale: '`# check=skip=JsonArgsRecommended`(BuildKit 검사 이름은 대소문자를 구분합니다)나 `# hadolint ignore=DL9999`는 아무것도 억제하지 못하는데 아무도 알아차리지 못합니다. 빠른 수정으로 가장 가까운 실제 이름을 제안합니다.' },
  },
  scope: 'file',
  touches: 'none',
  check(ctx) {
    for (const p of collectPragmas(ctx.tree, ctx.model)) {
      if (p.kind === 'buildkit' && p.scope === 'file') continue; // DF011 checks the directive
      for (const n of p.names) {
        if (n.rules.length) continue;
        let candidates: string[];
        let caseSensitive = false;
        if (p.kind === 'buildkit') {
          if (BUILDKIT_CHECKS.includes(n.name)) continue; // a real check Dockwise does not implement
          candidates = BUILDKIT_CHECKS;
        } else if (p.kind === 'hadolint') {
          if (/^SC\d{4}$/i.test(n.name)) continue; // ShellCheck codes are valid hadolint names
          candidates = KNOWN_HADOLINT_NAMES();
          caseSensitive = false;
        } else {
          candidates = ALL_RULES.flatMap((r) => [r.id, r.name]);
        }
        if (candidates.includes(n.name)) continue; // a real name Dockwise does not map
        const exactCase = candidates.find((c) => c.toLowerCase() === n.name.toLowerCase());
        const s = exactCase ?? suggest(n.name, candidates, caseSensitive);
        const fixes: Fix[] = s ? [{ title: { en: `Change to ${s}`, ko: `${s}(으)로 바꾸기` }, edits: [{ ...n.span, newText: s }], safe: false }] : [];
        const tool = p.kind === 'buildkit' ? 'BuildKit check' : p.kind === 'hadolint' ? 'hadolint rule' : 'Dockwise rule';
        const toolKo = p.kind === 'buildkit' ? 'BuildKit 검사가' : p.kind === 'hadolint' ? 'hadolint 규칙이' : 'Dockwise 규칙이';
        ctx.report({
          span: n.span,
          message: {
            en: `"${n.name}" is not a ${tool}, so this suppression has no effect${s ? ` (did you mean ${s}?)` : ''}`,
            ko: `"${n.name}"은(는) ${toolKo} 아니어서 이 억제는 효과가 없습니다${s ? ` (${s}을(를) 의도했나요?)` : ''}`,
          },
          fixes,
        });
      }
    }
  },
});
