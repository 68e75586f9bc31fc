//! Parser directive problems: duplicates, invalid escape, non-lowercase names, `# check=`
//! options, unknown check names, and directive-looking comments that come too late
//! ("Once a comment, empty line or builder instruction has been processed, BuildKit no
//! longer looks for parser directives" — Dockerfile reference, Parser directives).
import { defineRule } from '../defineRule';
import { BUILDKIT_CHECKS } from '../../semantics/instructionSpec';
import { suggest } from '../suggest';

const DIRECTIVE_RE = /^#[ \t]*([a-zA-Z][a-zA-Z0-9]*)[ \t]*=[ \t]*(.+?)[ \t]*$/;

export default defineRule({
  id: 'DF011',
  name: 'parser-directive-problem',
  category: 'error',
  severity: 'error',
  aliases: {},
  fixable: true,
  docs: {
    en: { title: 'Parser directive problem', rationale: 'Directives (`# syntax=`, `# escape=`, `# check=`) only work in the first lines, once each, with valid values. A directive after a comment, an empty line or an instruction is just a comment.' },
    ko: { title: '파서 지시어 문제', rationale: '지시어(`# syntax=`, `# escape=`, `# check=`)는 파일 맨 앞 줄들에서만, 각각 한 번만, 올바른 값으로 써야 동작합니다. 주석, 빈 줄, 명령어 다음에 오면 그냥 주석이 됩니다.' },
  },
  scope: 'file',
  touches: 'none',
  reads: 'comments',
  check(ctx) {
    const { tree } = ctx;
    const seen = new Set<string>();
    for (const d of tree.directives) {
      const text = tree.text.slice(d.nameSpan.start, d.nameSpan.end);
      if (seen.has(d.name)) {
        ctx.report({ span: d, message: { en: `only one ${d.name} parser directive can be used`, ko: `${d.name} 지시어는 한 번만 쓸 수 있습니다` } });
      }
      seen.add(d.name);
      if (text !== d.name) {
        ctx.report({
          span: d.nameSpan, severity: 'warning',
          message: { en: `Parser directive names should be lowercase: ${d.name}`, ko: `지시어 이름은 소문자로 쓰세요: ${d.name}` },
          fixes: [{ title: { en: `Lowercase to ${d.name}`, ko: `${d.name}(으)로 소문자 변경` }, edits: [{ ...d.nameSpan, newText: d.name }], safe: true }],
        });
      }
      if (d.name === 'escape' && d.value !== '\\' && d.value !== '`') {
        ctx.report({ span: d.valueSpan, message: { en: `invalid escape token '${d.value}' does not match \` or \\`, ko: `escape 값 '${d.value}'은(는) 쓸 수 없습니다 (\\ 또는 \` 만 가능)` } });
      }
      if (d.name === 'check') {
        let off = d.valueSpan.start;
        for (const part of d.value.split(';')) {
          const eq = part.indexOf('=');
          const key = (eq >= 0 ? part.slice(0, eq) : part).trim().toLowerCase();
          const val = eq >= 0 ? part.slice(eq + 1) : '';
          if (!['skip', 'error', 'experimental'].includes(key)) {
            ctx.report({ span: { start: off, end: off + part.length }, message: { en: `invalid check option "${part}" (expected skip, error or experimental)`, ko: `check 옵션 "${part}"은(는) 올바르지 않습니다 (skip, error, experimental 중 하나)` } });
          } else if (key === 'error' && !/^(true|false)$/i.test(val.trim())) {
            ctx.report({ span: { start: off, end: off + part.length }, message: { en: `check=error expects true or false, not "${val}"`, ko: `check=error 값은 true 또는 false여야 합니다 (현재: "${val}")` } });
          } else if (key === 'skip' || key === 'experimental') {
            let o = off + eq + 1;
            for (const name of val.split(',')) {
              const n = name.trim();
              if (n && n !== 'all' && !BUILDKIT_CHECKS.includes(n)) {
                const s = suggest(n, BUILDKIT_CHECKS, false);
                const exact = BUILDKIT_CHECKS.find((c) => c.toLowerCase() === n.toLowerCase());
                const sug = exact ?? s;
                const at = o + name.indexOf(n);
                ctx.report({
                  span: { start: at, end: at + n.length }, severity: 'warning',
                  message: { en: `unknown build check "${n}" in check=${key}: it suppresses nothing${sug ? ` (did you mean ${sug}?)` : ''}`, ko: `check=${key}에 알 수 없는 검사 이름 "${n}"이(가) 있어 아무것도 끄지 못합니다${sug ? ` (${sug}의 오타인가요?)` : ''}` },
                  fixes: sug ? [{ title: { en: `Change to ${sug}`, ko: `${sug}(으)로 바꾸기` }, edits: [{ start: at, end: at + n.length, newText: sug }], safe: true }] : [],
                });
              }
              o += name.length + 1;
            }
          }
          off += part.length + 1;
        }
      }
    }
    // Directive-looking comments after the prelude are plain comments.
    for (const n of tree.nodes) {
      if (n.kind !== 'comment') continue;
      const m = DIRECTIVE_RE.exec(tree.text.slice(n.start, n.end));
      if (!m || !['syntax', 'escape', 'check'].includes(m[1].toLowerCase())) continue;
      ctx.report({
        span: n, severity: 'warning',
        message: {
          en: `"# ${m[1]}=" is ignored here: parser directives must come before any comment, empty line or instruction`,
          ko: `여기 있는 "# ${m[1]}="는 무시됩니다. 파서 지시어는 주석, 빈 줄, 명령어보다 앞에 있어야 합니다`,
        },
      });
    }
  },
});
