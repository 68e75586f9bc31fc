//! ENV/LABEL/ARG pairs BuildKit cannot parse: `ENV A=1 B` ("can't find = in"), empty keys,
//! unterminated quotes, invalid ARG names.
import { defineRule, type InstructionRuleContext } from '../defineRule';
import type { Instruction } from '../../syntax/nodes';

function unbalanced(raw: string, escape: string): string | null {
  let q = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (q === "'") { if (c === "'") q = ''; continue; }
    if (c === escape) { i++; continue; }
    if (q === '"') { if (c === '"') q = ''; continue; }
    if (c === '"' || c === "'") q = c;
  }
  return q || null;
}

/** The findings of one instruction (an ONBUILD and its trigger are checked apart). */
function check(i: Instruction, ctx: InstructionRuleContext): void {
  if (i.name !== 'ENV' && i.name !== 'LABEL' && i.name !== 'ARG') return;
  const kvs = i.keyValues;
  const newFormat = i.name === 'ARG' || (kvs.length > 0 && kvs[0].hasEquals);
  for (let idx = 0; idx < kvs.length; idx++) {
    const kv = kvs[idx];
    if (i.name !== 'ARG' && newFormat && !kv.hasEquals) {
      // `k= v` is reported by DF007 (spaces-around-equals) with a fix.
      const prev = kvs[idx - 1];
      if (prev && prev.hasEquals && prev.rawValue === '') continue;
      ctx.report({ span: kv, message: { en: `Syntax error - can't find = in "${kv.key}". Must be of the form: name=value`, ko: `문법 오류: "${kv.key}"에 =가 없습니다. 이름=값 형태로 써야 합니다` } });
      continue;
    }
    if (kv.hasEquals && kv.key === '') {
      ctx.report({ span: kv, message: { en: `${i.name} names can not be blank`, ko: `${i.name}의 이름이 비어 있습니다` } });
      continue;
    }
    if (i.name === 'ARG' && !/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(kv.key) && !kv.key.includes('$')) {
      ctx.report({ span: kv.keySpan, message: { en: `invalid ARG name "${kv.key}"`, ko: `ARG 이름 "${kv.key}"이(가) 올바르지 않습니다` } });
      continue;
    }
    const raw = kv.rawValue ?? '';
    // Only a quote can be left open.
    const q = raw.includes('"') || raw.includes("'") ? unbalanced(raw, i.escape) : null;
    if (q) {
      ctx.report({
        span: kv.valueSpan ?? kv,
        message: { en: `unexpected end of statement while looking for matching ${q === '"' ? 'double' : 'single'}-quote`, ko: `${q === '"' ? '큰' : '작은'}따옴표가 닫히지 않았습니다` },
      });
    }
  }
}

export default defineRule({
  id: 'DF006',
  name: 'invalid-key-value-syntax',
  category: 'error',
  severity: 'error',
  aliases: {},
  fixable: false,
  docs: {
    en: { title: 'Invalid key=value syntax', rationale: 'Once the first pair of ENV or LABEL uses `=`, every word must be `name=value`; BuildKit fails with "can\'t find = in …". Unterminated quotes and empty names fail too.' },
    ko: { title: '잘못된 key=value 문법', rationale: 'ENV나 LABEL의 첫 쌍에 `=`를 쓰면 모든 단어가 `이름=값` 형태여야 합니다. 아니면 BuildKit이 "can\'t find = in …" 오류를 냅니다. 닫히지 않은 따옴표나 빈 이름도 실패합니다.' },
  },
  scope: 'instruction',
  on: ['ENV', 'LABEL', 'ARG'],
  checkInstruction(ins, ctx) {
    check(ins, ctx);
    if (ins.trigger) check(ins.trigger, ctx);
  },
});
