//! `FROM debian:12 as builder` (BuildKit FromAsCasing): the `AS` keyword should have the same
//! case as `FROM`. As in BuildKit (`doesFromCaseMatchAsCase`), nothing is reported when FROM
//! itself is mixed case (that is ConsistentInstructionCasing's business).
import { defineRule } from '../defineRule';

export default defineRule({
  id: 'DF029',
  name: 'from-as-casing',
  category: 'style',
  severity: 'hint',
  aliases: { buildkit: ['FromAsCasing'] },
  fixable: true,
  docs: {
    en: {
      title: "'AS' casing does not match 'FROM'",
      rationale: 'Write `FROM … AS name` or `from … as name`, not a mix: keywords in one case are easier to tell apart from image and stage names. BuildKit warns about the mismatch (FromAsCasing).',
    },
    ko: {
      title: "'AS'의 대소문자가 'FROM'과 다름",
      rationale: '`FROM … AS name` 또는 `from … as name`처럼 한 가지로 쓰세요. 키워드의 대소문자가 같아야 이미지 이름이나 스테이지 이름과 구분하기 쉽습니다. BuildKit도 이 불일치를 경고합니다(FromAsCasing).',
    },
  },
  scope: 'instruction',
  on: ['FROM'],
  checkInstruction(ins, ctx) {
    if (ins.name !== 'FROM' || !ins.from || ins.args.length !== 3) return;
    const as = ins.from.asKeyword;
    if (!as || as.value.toLowerCase() !== 'as') return;
    const kw = ins.keyword;
    const lower = kw === kw.toLowerCase();
    const upper = kw === kw.toUpperCase();
    if (!lower && !upper) return;
    const want = lower ? 'as' : 'AS';
    if (as.value === want) return;
    ctx.report({
      span: { start: as.start, end: as.end },
      message: {
        en: `'${as.value}' and '${kw}' keywords' casing do not match: write '${kw} … ${want}'`,
        ko: `'${as.value}'와 '${kw}' 키워드의 대소문자가 다릅니다. '${kw} … ${want}'처럼 맞춰 쓰세요`,
      },
      fixes: as.raw === as.value ? [{ title: { en: `Change to '${want}'`, ko: `'${want}'(으)로 바꾸기` }, edits: [{ start: as.start, end: as.end, newText: want }], safe: true }] : [],
    });
  },
});
