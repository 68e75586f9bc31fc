//! `CMD ['node', 'a.js']`: single quotes are not JSON, so Docker silently uses shell form.
import { defineRule, type InstructionRuleContext } from '../defineRule';
import type { CommandData, Instruction } from '../../syntax/nodes';

export function singleQuotedJson(text: string): string | null {
  const t = text.trim();
  if (!t.startsWith('[') || !t.endsWith(']') || !t.includes("'")) return null;
  // Swap quote kinds: single → double, and escape any double quotes inside the strings.
  let out = '';
  let inS = false;
  for (const c of t) {
    if (c === "'") { inS = !inS; out += '"'; }
    else if (c === '"' && inS) out += '\\"';
    else out += c;
  }
  try {
    const v = JSON.parse(out);
    if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return out;
  } catch { /* not fixable */ }
  return null;
}

/** Reports `c`, the command of `i` (or of its HEALTHCHECK), when it is single-quoted "JSON". */
function check(i: Instruction, c: CommandData | null, ctx: InstructionRuleContext): void {
  if (!c || c.form !== 'shell' || c.jsonProblem !== 'invalid-json') return;
  const fixed = singleQuotedJson(c.text);
  if (fixed === null) return;
  ctx.report({
    span: c.span,
    message: {
      en: `${i.name} uses single quotes inside [ ]: this is not JSON, so Docker runs it in shell form`,
      ko: `${i.name}의 [ ] 안에 작은따옴표를 썼습니다. JSON이 아니므로 Docker는 이를 셸 형식으로 실행합니다`,
    },
    fixes: c.span.end - c.span.start === c.text.length
      ? [{ title: { en: 'Use double quotes (JSON exec form)', ko: '큰따옴표로 바꾸기 (JSON exec 형식)' }, edits: [{ ...c.span, newText: fixed }], safe: true }]
      : [],
  });
}

/** The command of `i` and that of its HEALTHCHECK. */
function checkCommands(i: Instruction, ctx: InstructionRuleContext): void {
  check(i, i.command, ctx);
  if (i.healthcheck) check(i, i.healthcheck.command, ctx);
}

export default defineRule({
  id: 'DF005',
  name: 'exec-form-single-quotes',
  category: 'correctness',
  severity: 'error',
  aliases: {},
  fixable: true,
  docs: {
    en: { title: 'Exec form needs double quotes', rationale: "The exec form is a JSON array, and JSON strings use double quotes. With single quotes Docker falls back to shell form and runs `/bin/sh -c \"['node', 'a.js']\"`, which fails when the container starts." },
    ko: { title: 'exec 형식에는 큰따옴표를 쓰세요', rationale: "exec 형식은 JSON 배열이라 문자열에 큰따옴표를 써야 합니다. 작은따옴표를 쓰면 Docker가 조용히 셸 형식으로 바꿔 `/bin/sh -c \"['node', 'a.js']\"`를 실행하고, 컨테이너가 시작될 때 실패합니다." },
  },
  scope: 'instruction',
  checkInstruction(ins, ctx) {
    checkCommands(ins, ctx);
    if (ins.trigger) checkCommands(ins.trigger, ctx);
  },
});
