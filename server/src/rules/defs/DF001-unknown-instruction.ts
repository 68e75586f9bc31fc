//! Unknown instruction keyword, with BuildKit's did-you-mean (case-insensitive, case kept).
import { defineRule, type InstructionRuleContext } from '../defineRule';
import type { Instruction } from '../../syntax/nodes';
import { KNOWN_INSTRUCTIONS } from '../../syntax/nodes';
import { suggest } from '../suggest';

/** The findings of one instruction (an ONBUILD and its trigger are checked apart). */
function check(i: Instruction, ctx: InstructionRuleContext): void {
  if (i.known || i.keyword === '') return;
  const s = suggest(i.keyword, KNOWN_INSTRUCTIONS, false);
  const hint = s ? ` (did you mean ${s}?)` : '';
  ctx.report({
    span: i.keywordSpan,
    message: {
      en: `unknown instruction: ${i.keyword}${hint}`,
      ko: `알 수 없는 명령어입니다: ${i.keyword}${s ? ` (${s}의 오타인가요?)` : ''}`,
    },
    fixes: s ? [{ title: { en: `Change to ${s}`, ko: `${s}(으)로 바꾸기` }, edits: [{ ...i.keywordSpan, newText: s }], safe: true }] : [],
  });
}

export default defineRule({
  id: 'DF001',
  name: 'unknown-instruction',
  category: 'error',
  severity: 'error',
  aliases: {},
  fixable: true,
  docs: {
    en: { title: 'Unknown instruction', rationale: 'BuildKit stops at parse time with "unknown instruction".' },
    ko: { title: '알 수 없는 명령어', rationale: 'BuildKit은 파싱 단계에서 "unknown instruction" 오류로 빌드를 멈춥니다.' },
  },
  scope: 'instruction',
  checkInstruction(ins, ctx) {
    check(ins, ctx);
    if (ins.trigger) check(ins.trigger, ctx);
  },
});
