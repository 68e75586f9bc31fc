//! `ENV A a \ B b` in the legacy (space-separated) form sets ONE variable: in that form the key
//! is the first word and the value is the whole rest of the instruction (Dockerfile reference,
//! ENV: "ENV MY_VAR my-value" — the alternative syntax "does not allow for multiple
//! environment-variables to be set in a single ENV instruction"). So `A` becomes `a B b` and `B`
//! is never set. Same for LABEL. DF008 (legacy-key-value-format) leaves these values to this rule
//! (`looksLikeSwallowedPairs`).
import { defineRule, type InstructionRuleContext } from '../defineRule';
import type { Instruction, KeyValue } from '../../syntax/nodes';
import { looksLikeSwallowedPairs } from './DF008-legacy-key-value-format';

/** Splits raw text into shell words, keeping quotes and escapes as written. */
function rawWords(raw: string, escape: string): string[] {
  const out: string[] = [];
  let cur = '';
  let q: string | null = null;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (q) {
      cur += c;
      if (c === escape && q === '"' && i + 1 < raw.length) cur += raw[++i];
      else if (c === q) q = null;
      continue;
    }
    if (c === '"' || c === "'") { q = c; cur += c; continue; }
    if (c === escape && i + 1 < raw.length) { cur += c + raw[++i]; continue; }
    if (/\s/.test(c)) { if (cur) out.push(cur); cur = ''; continue; }
    cur += c;
  }
  if (q) return []; // unbalanced quotes: do not guess
  if (cur) out.push(cur);
  return out;
}

const ENV_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;
const LABEL_KEY = /^[A-Za-z0-9_][A-Za-z0-9_.\-/]*$/;

function swallowed(i: Instruction): KeyValue | null {
  if (i.name !== 'ENV' && i.name !== 'LABEL') return null;
  const kvs = i.keyValues;
  if (kvs.length !== 1 || kvs[0].hasEquals || kvs[0].value === null || kvs[0].rawValue === null) return null;
  const kv = kvs[0];
  if (kv.rawValue!.startsWith('=')) return null; // DF007
  return looksLikeSwallowedPairs(kv.value!) ? kv : null;
}

/** The findings of `i`: the instruction `top` itself or, when `top` is an ONBUILD, its trigger. */
function check(i: Instruction, top: Instruction, ctx: InstructionRuleContext): void {
  const kv = swallowed(i);
  if (!kv || !kv.valueSpan) return;
  const words = rawWords(kv.rawValue!, i.escape);
  const keyRe = i.name === 'ENV' ? ENV_KEY : LABEL_KEY;
  const pairs: [string, string][] = [[kv.key, words[0] ?? '']];
  let ok = words.length >= 3 && words.length % 2 === 1;
  for (let k = 1; ok && k + 1 < words.length; k += 2) {
    if (!keyRe.test(words[k])) ok = false;
    else pairs.push([words[k], words[k + 1]]);
  }
  const keys = pairs.slice(1).map((p) => p[0]);
  // Span: from the first swallowed key to the end of the value.
  const v = kv.value!.trim().split(/\s+/);
  const src = ctx.source;
  let spanStart = kv.valueSpan.start;
  const firstKey = v[1];
  const at = src.indexOf(firstKey, kv.valueSpan.start + 1);
  if (at > 0 && at < kv.valueSpan.end) spanStart = at;
  const hasComments = i.comments.some((c) => c.start >= kv.start && c.end <= kv.end);
  let fixes;
  if (ok && !hasComments) {
    // Align continuation lines with the first key (when it is on the keyword's line).
    const before = src.slice(top.start, kv.keySpan.start);
    const indent = before.includes('\n') ? '    ' : ' '.repeat(before.length);
    const nl = src[top.end] === '\r' || src.slice(kv.start, kv.end).includes('\r\n') ? '\r\n' : '\n';
    const text = pairs.map(([k, val]) => `${k}=${val}`).join(` ${i.escape}${nl}${indent}`);
    fixes = [{
      title: { en: `Rewrite as ${pairs.length} KEY=value pairs`, ko: `KEY=value 쌍 ${pairs.length}개로 바꾸기` },
      edits: [{ start: kv.keySpan.start, end: kv.valueSpan.end, newText: text }],
      safe: false,
    }];
  }
  const shown = kv.value!.replace(/\s+/g, ' ').trim();
  ctx.report({
    span: { start: spanStart, end: kv.valueSpan.end },
    message: {
      en: `${i.name} in the legacy "key value" form sets only ${kv.key}, to "${shown}"; ${keys.length ? keys.join(', ') : firstKey} ${keys.length > 1 ? 'are' : 'is'} not set. Use ${kv.key}=… ${keys[0] ?? firstKey}=… pairs`,
      ko: `옛 "키 값" 형식의 ${i.name}은(는) ${kv.key} 하나만 "${shown}" 값으로 설정합니다. ${keys.length ? keys.join(', ') : firstKey}은(는) 설정되지 않습니다. ${kv.key}=… ${keys[0] ?? firstKey}=… 쌍으로 쓰세요`,
    },
    fixes,
  });
}

export default defineRule({
  id: 'DF048',
  name: 'legacy-env-swallows-pairs',
  category: 'correctness',
  severity: 'warning',
  aliases: {},
  fixable: true,
  docs: {
    en: {
      title: 'Legacy ENV/LABEL sets only the first key',
      rationale: 'In the legacy form without "=", `ENV A a B b C c` sets only A, to the value "a B b C c": the first word is the key and everything after it is the value. B and C are never set. Write KEY=value pairs to set several variables or labels in one instruction.',
    },
    ko: {
      title: '옛 형식 ENV/LABEL은 첫 키만 설정합니다',
      rationale: '"="가 없는 옛 형식에서 `ENV A a B b C c`는 A 하나만, 값 "a B b C c"로 설정합니다. 첫 단어가 키이고 나머지 전부가 값이기 때문입니다. B와 C는 설정되지 않습니다. 한 명령어로 여러 변수나 레이블을 설정하려면 KEY=value 쌍으로 쓰세요.',
    },
  },
  scope: 'instruction',
  on: ['ENV', 'LABEL'],
  checkInstruction(ins, ctx) {
    check(ins, ins, ctx);
    if (ins.trigger) check(ins.trigger, ins, ctx);
  },
});
