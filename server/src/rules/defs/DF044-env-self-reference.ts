//! `ENV A=1 B=$A`: all values of one ENV instruction are expanded with the environment from
//! before the instruction (Dockerfile reference, "Environment replacement": `ENV abc=bye
//! def=$abc` gives def the previous value of abc, "hello", not "bye"). hadolint DL3044.
//! A pair referencing its own key (`ENV PATH=/x:$PATH`) is the normal way to extend a value
//! and is not reported.
import { defineRule } from '../defineRule';
import type { Instruction } from '../../syntax/nodes';
import type { InstructionRuleContext } from '../defineRule';

function checkOne(i: Instruction, top: Instruction, ctx: InstructionRuleContext): void {
  if (i.name !== 'ENV' || i.keyValues.length < 2 || i.vars.length === 0) return;
  const kvs = i.keyValues;
  for (const v of i.vars) {
    const j = kvs.findIndex((kv) => kv.valueSpan !== null && v.start >= kv.valueSpan.start && v.end <= kv.valueSpan.end);
    if (j <= 0) continue;
    const i0 = kvs.findIndex((kv, k) => k < j && kv.key === v.name);
    if (i0 < 0) continue;
    const prev = kvs[j - 1], cur = kvs[j];
    const keyword = i === top ? i.keyword : `${top.keyword} ${i.keyword}`;
    ctx.report({
      span: { start: v.start, end: v.end },
      message: {
        en: `$${v.name} in ${cur.key}=… does not see ${v.name}=${kvs[i0].rawValue ?? ''} from this same ENV: values are expanded with the environment from before the instruction, so ${cur.key} gets the earlier value of ${v.name} (empty if there is none)`,
        ko: `${cur.key}=…의 $${v.name}에는 같은 ENV의 ${v.name}=${kvs[i0].rawValue ?? ''} 값이 보이지 않습니다. 값은 이 명령어 이전의 환경으로 치환되므로 ${cur.key}에는 ${v.name}의 이전 값(없으면 빈 값)이 들어갑니다`,
      },
      fixes: i.comments.some((c) => c.start >= prev.end && c.end <= cur.start) ? [] : [{
        title: { en: `Split into two ENV instructions before ${cur.key}`, ko: `${cur.key} 앞에서 ENV 두 개로 나누기` },
        edits: [{ start: prev.end, end: cur.start, newText: `${ctx.source.slice(prev.end, cur.start).includes('\r\n') || ctx.source[top.end] === '\r' ? '\r\n' : '\n'}${keyword} ` }],
        safe: false,
      }],
    });
  }
}

export default defineRule({
  id: 'DF044',
  name: 'env-self-reference',
  category: 'correctness',
  severity: 'warning',
  aliases: { hadolint: ['DL3044'] },
  fixable: true,
  docs: {
    en: {
      title: 'ENV refers to a variable set in the same ENV',
      rationale: 'All values of one ENV instruction are expanded with the environment from before it. In `ENV A=1 B=$A`, B gets the old value of A (or an empty string), not 1. Split the instruction so that the second ENV sees the new value.',
    },
    ko: {
      title: '같은 ENV에서 설정한 변수를 참조합니다',
      rationale: '한 ENV 명령어의 값들은 모두 그 명령어 이전의 환경으로 치환됩니다. `ENV A=1 B=$A`에서 B는 1이 아니라 A의 이전 값(없으면 빈 문자열)을 받습니다. 명령어를 둘로 나눠야 두 번째 ENV가 새 값을 봅니다.',
    },
  },
  scope: 'instruction',
  on: ['ENV'],
  checkInstruction(ins, ctx) {
    checkOne(ins, ins, ctx);
    if (ins.trigger) checkOne(ins.trigger, ins, ctx);
  },
});
