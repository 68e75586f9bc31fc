//! `LABEL version = '1.0'` is legacy format: the label `version` gets the value `= 1.0`.
import { defineRule, type InstructionRuleContext } from '../defineRule';
import type { Instruction } from '../../syntax/nodes';

/** The findings of one instruction (an ONBUILD and its trigger are checked apart). */
function check(i: Instruction, ctx: InstructionRuleContext): void {
  if (i.name !== 'ENV' && i.name !== 'LABEL') return;
  const kvs = i.keyValues;
  if (kvs.length === 1 && !kvs[0].hasEquals && kvs[0].rawValue !== null && kvs[0].rawValue.startsWith('=') && kvs[0].valueSpan) {
    const kv = kvs[0];
    const rest = kv.rawValue!.slice(1).replace(/^[ \t]+/, '');
    const mapped = kv.valueSpan!.end - kv.valueSpan!.start === kv.rawValue!.length;
    ctx.report({
      span: { start: kv.keySpan.end, end: kv.valueSpan!.start + 1 },
      message: {
        en: `"${kv.key} = …" sets ${kv.key} to "${kv.value}"; remove the spaces around = to set it to "${rest.replace(/^['"]|['"]$/g, '')}"`,
        ko: `"${kv.key} = …"는 ${kv.key}의 값을 "${kv.value}"(으)로 만듭니다. = 양쪽 공백을 지워야 값이 "${rest.replace(/^['"]|['"]$/g, '')}"이(가) 됩니다`,
      },
      fixes: mapped ? [{ title: { en: 'Remove the spaces around =', ko: '= 양쪽 공백 제거' }, edits: [{ start: kv.keySpan.end, end: kv.valueSpan!.end, newText: '=' + rest }], safe: true }] : [],
    });
    return;
  }
  for (let k = 0; k + 1 < kvs.length; k++) {
    const a = kvs[k], b = kvs[k + 1];
    if (a.hasEquals && a.rawValue === '' && !b.hasEquals && a.valueSpan) {
      ctx.report({
        span: { start: a.start, end: b.end },
        message: { en: `"${a.key}= ${b.key}": the space after = leaves ${a.key} empty and makes "${b.key}" a syntax error`, ko: `"${a.key}= ${b.key}": = 뒤의 공백 때문에 ${a.key}는 빈 값이 되고 "${b.key}"는 문법 오류가 됩니다` },
        fixes: [{ title: { en: 'Remove the space after =', ko: '= 뒤 공백 제거' }, edits: [{ start: a.end, end: b.start, newText: '' }], safe: true }],
      });
    }
  }
}

export default defineRule({
  id: 'DF007',
  name: 'spaces-around-equals',
  category: 'correctness',
  severity: 'warning',
  aliases: { buildkit: ['LegacyKeyValueFormat'] },
  fixable: true,
  docs: {
    en: { title: 'Spaces around = change the meaning', rationale: "`LABEL version = '1.0'` is parsed as the legacy `key value` form: the key is `version` and the value is `= 1.0`, not `1.0`. For ENV, a later `$X` then expands to the wrong text. BuildKit only says \"legacy format\"." },
    ko: { title: '= 양쪽의 공백이 의미를 바꿉니다', rationale: "`LABEL version = '1.0'`은 옛 `키 값` 형식으로 해석됩니다. 키는 `version`, 값은 `1.0`이 아니라 `= 1.0`이 됩니다. ENV라면 나중에 `$X`가 엉뚱한 값으로 치환됩니다. BuildKit은 \"legacy format\"이라고만 알려 줍니다." },
  },
  scope: 'instruction',
  on: ['ENV', 'LABEL'],
  checkInstruction(ins, ctx) {
    check(ins, ctx);
    if (ins.trigger) check(ins.trigger, ctx);
  },
});
