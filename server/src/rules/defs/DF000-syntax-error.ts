//! Structural parse errors (unterminated heredoc, exec form that is not an array of strings,
//! a heredoc marker BuildKit does not recognise). The build fails on each of them.
import { defineRule, type Fix, type InstructionRuleContext } from '../defineRule';
import type { Instruction, ParseError } from '../../syntax/nodes';

const KO: Record<string, string> = {
  'unterminated-heredoc': '히어독(heredoc)이 끝나지 않았습니다: 종료 구분자만 있는 줄이 없습니다',
  'json-not-strings': 'exec 형식(JSON 배열)의 항목은 모두 문자열이어야 합니다',
  'heredoc-space': 'BuildKit은 `<<` 뒤에 공백이 있으면 히어독으로 인식하지 않습니다. 구분자를 바로 붙여 쓰세요 (`<<EOF`, `<<"EOF"`)',
};

/** Reports a parse error of `ins` (or of its ONBUILD trigger). */
function report(e: ParseError, ins: Instruction, ctx: InstructionRuleContext): void {
  const fixes: Fix[] = [];
  if (e.code === 'heredoc-space') {
    let j = e.end;
    while (j < ins.headSpan.end && (ctx.source[j] === ' ' || ctx.source[j] === '\t')) j++;
    if (j > e.end) {
      fixes.push({ title: { en: 'Remove the space after <<', ko: '<< 뒤의 공백 제거' }, edits: [{ start: e.end, end: j, newText: '' }], safe: true });
    }
  }
  ctx.report({ span: e, message: { en: e.message, ko: KO[e.code] ?? e.message }, fixes });
}

export default defineRule({
  id: 'DF000',
  name: 'syntax-error',
  category: 'error',
  severity: 'error',
  aliases: {},
  fixable: true,
  docs: {
    en: { title: 'Dockerfile syntax error', rationale: 'The Dockerfile frontend rejects this text, so the build fails before any step runs.' },
    ko: { title: 'Dockerfile 문법 오류', rationale: 'Dockerfile 프런트엔드가 이 부분을 해석하지 못해 빌드가 시작되기 전에 실패합니다.' },
  },
  scope: 'instruction',
  checkInstruction(ins, ctx) {
    for (const e of ins.errors) report(e, ins, ctx);
    if (ins.trigger) for (const e of ins.trigger.errors) report(e, ins, ctx);
  },
});
