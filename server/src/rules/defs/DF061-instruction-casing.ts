//! Instruction keywords should share one case (BuildKit ConsistentInstructionCasing,
//! dockerfile2llb validations.go validateCommandCasing): the majority case is counted over the
//! self-consistent keywords (all-lower or all-upper); a tie counts as uppercase. A keyword that
//! differs from the majority, or has mixed case like `Run`, is reported. ONBUILD triggers are
//! checked against the same majority but, as in BuildKit, not counted.
import { defineRule } from '../defineRule';
import type { Instruction } from '../../syntax/nodes';

const LOWER = 1, UPPER = 2, MIXED = 0;
/** ASCII case class of a keyword without allocating (instruction keywords are ASCII letters). */
function caseClass(k: string): number {
  let lo = false, up = false;
  for (let i = 0; i < k.length; i++) {
    const c = k.charCodeAt(i);
    if (c >= 97 && c <= 122) lo = true;
    else if (c >= 65 && c <= 90) up = true;
  }
  return lo && up ? MIXED : lo ? LOWER : UPPER;
}

export default defineRule({
  id: 'DF061',
  name: 'instruction-casing',
  category: 'style',
  severity: 'hint',
  aliases: { buildkit: ['ConsistentInstructionCasing'] },
  fixable: true,
  docs: {
    en: {
      title: 'Write instruction keywords in one case',
      rationale: 'Keywords are case-insensitive, but mixing `RUN` and `run` (or writing `Run`) makes a Dockerfile harder to scan. The convention is uppercase; the rule follows whichever case most instructions in the file already use.',
    },
    ko: {
      title: '명령어 키워드의 대소문자를 통일하세요',
      rationale: '키워드는 대소문자를 구분하지 않지만 `RUN`과 `run`을 섞어 쓰거나 `Run`처럼 쓰면 Dockerfile을 훑어보기 어렵습니다. 관례는 대문자이며, 이 규칙은 파일 안에서 더 많이 쓰인 쪽을 따릅니다.',
    },
  },
  scope: 'file',
  reads: 'outline',
  check({ tree, report }) {
    let lower = 0, upper = 0;
    for (const ins of tree.instructions) {
      if (!ins.known) continue;
      const c = caseClass(ins.keyword);
      if (c === LOWER) lower++;
      else if (c === UPPER) upper++;
    }
    const majorityLower = lower > upper;
    const check = (ins: Instruction) => {
      if (!ins.known || !ins.keyword) return;
      const k = ins.keyword;
      if (caseClass(k) === (majorityLower ? LOWER : UPPER)) return; // runs for every node: no allocation
      const want = majorityLower ? k.toLowerCase() : k.toUpperCase();
      if (k === want) return;
      const mixed = k !== k.toLowerCase() && k !== k.toUpperCase();
      const caseEn = majorityLower ? 'lowercase' : 'uppercase';
      const caseKo = majorityLower ? '소문자' : '대문자';
      report({
        span: ins.keywordSpan,
        message: mixed
          ? {
              en: `"${k}" mixes upper and lower case; write ${want} (instructions in this file are ${caseEn})`,
              ko: `"${k}"에 대문자와 소문자가 섞여 있습니다. ${want}(으)로 쓰세요(이 파일의 명령어는 ${caseKo}입니다)`,
            }
          : {
              en: `"${k}" should be ${caseEn} like the other instructions (${majorityLower ? lower : upper} of ${lower + upper}): write ${want}`,
              ko: `"${k}"도 다른 명령어(${lower + upper}개 중 ${majorityLower ? lower : upper}개)처럼 ${caseKo}로 써야 합니다: ${want}`,
            },
        fixes: [{ title: { en: `Change to ${want}`, ko: `${want}(으)로 바꾸기` }, edits: [{ ...ins.keywordSpan, newText: want }], safe: true }],
      });
    };
    for (const ins of tree.instructions) {
      check(ins);
      if (ins.trigger) check(ins.trigger);
    }
  },
});
