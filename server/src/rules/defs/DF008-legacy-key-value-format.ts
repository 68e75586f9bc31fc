//! `ENV key value` (no `=`) is the deprecated legacy form (BuildKit LegacyKeyValueFormat).
import { defineRule, type InstructionRuleContext } from '../defineRule';
import type { Instruction } from '../../syntax/nodes';

function quote(v: string): string {
  if (/^[A-Za-z0-9_./:@%+,-]*$/.test(v)) return v;
  return '"' + v.replace(/(["\\$`])/g, '\\$1') + '"';
}

/** True for `ENV A a B b`-style values that DF048 (legacy-env-swallows-pairs) explains better. */
export function looksLikeSwallowedPairs(value: string): boolean {
  const words = value.trim().split(/\s+/);
  return words.length >= 3 && words.length % 2 === 1 && /^[A-Z_][A-Z0-9_]*$/.test(words[1]);
}

/** The findings of one instruction (an ONBUILD and its trigger are checked apart). */
function check(i: Instruction, ctx: InstructionRuleContext): void {
  if (i.name !== 'ENV' && i.name !== 'LABEL') return;
  const kvs = i.keyValues;
  if (kvs.length !== 1 || kvs[0].hasEquals || kvs[0].value === null) return;
  const kv = kvs[0];
  if (kv.rawValue!.startsWith('=')) return; // DF007 explains this case
  if (looksLikeSwallowedPairs(kv.value!)) return; // DF048
  const mapped = kv.valueSpan && kv.valueSpan.end - kv.valueSpan.start === kv.rawValue!.length;
  ctx.report({
    span: { start: i.keywordSpan.start, end: kv.end },
    message: {
      en: `"${i.name} key value" should be written "${i.name} key=value" (legacy whitespace-separated format)`,
      ko: `"${i.name} 키 값" 대신 "${i.name} 키=값" 형식으로 쓰세요 (공백으로 구분하는 옛 형식)`,
    },
    fixes: mapped
      ? [{ title: { en: `Rewrite as ${kv.key}=…`, ko: `${kv.key}=… 형식으로 바꾸기` }, edits: [{ start: kv.keySpan.start, end: kv.valueSpan!.end, newText: `${kv.key}=${/^["']/.test(kv.rawValue!) && kv.rawValue!.trim().split(/\s+/).length === 1 ? kv.rawValue : quote(kv.value!)}` }], safe: true }]
      : [],
  });
}

export default defineRule({
  id: 'DF008',
  name: 'legacy-key-value-format',
  category: 'style',
  severity: 'warning',
  aliases: { buildkit: ['LegacyKeyValueFormat'] },
  fixable: true,
  docs: {
    en: { title: 'Use key=value', rationale: '"ENV key value" is deprecated; BuildKit warns "Legacy key/value format with whitespace separator should not be used". The = form also allows several pairs per instruction.' },
    ko: { title: 'key=value 형식을 쓰세요', rationale: '"ENV key value" 형식은 더 이상 권장되지 않으며 BuildKit이 경고를 냅니다. = 형식은 한 명령어에 여러 쌍을 쓸 수도 있습니다.' },
  },
  scope: 'instruction',
  on: ['ENV', 'LABEL'],
  checkInstruction(ins, ctx) {
    check(ins, ctx);
    if (ins.trigger) check(ins.trigger, ctx);
  },
});
