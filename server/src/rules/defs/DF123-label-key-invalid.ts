//! Label keys should follow Docker's label-key guidelines, as hadolint DL3048 checks them
//! (src/Hadolint/Rule/DL3048.hs): the key starts with a lowercase letter, ends with a
//! lowercase letter or digit, uses only `[a-z0-9.-]`, has no `..` or `--`, and does not use
//! the reserved namespaces `com.docker.`, `io.docker.` and `org.dockerproject.`.
//! Docker itself accepts any key; this is a style rule. Keys with variables are skipped.
import { defineRule, type InstructionRuleContext } from '../defineRule';
import type { Instruction } from '../../syntax/nodes';

const RESERVED = ['com.docker.', 'io.docker.', 'org.dockerproject.'];
/** Keys made only of these characters (most keys) need no list of the others. */
const ALLOWED = /^[a-z0-9.-]*$/;

/** Why the key breaks DL3048's definition (first reason found), or null when it is fine. */
export function labelKeyProblem(key: string): { en: string; ko: string } | null {
  if (!ALLOWED.test(key)) {
    const bad = [...new Set(key.replace(/[a-z0-9.-]/g, ''))];
    const list = bad.map((c) => (c === ' ' ? 'space' : `\`${c}\``)).join(', ');
    const listKo = bad.map((c) => (c === ' ' ? '공백' : `\`${c}\``)).join(', ');
    return /[A-Z]/.test(key) && bad.every((c) => /[A-Z]/.test(c))
      ? { en: `it contains upper-case letters (${list}); use lower case`, ko: `대문자(${listKo})가 들어 있습니다. 소문자를 쓰세요` }
      : { en: `it contains ${list}; use only lower-case letters, digits, \`.\` and \`-\``, ko: `${listKo} 문자가 들어 있습니다. 소문자, 숫자, \`.\`, \`-\`만 쓰세요` };
  }
  if (!/^[a-z]/.test(key)) return { en: `it must start with a lower-case letter, not \`${key[0]}\``, ko: `소문자로 시작해야 하는데 \`${key[0]}\`(으)로 시작합니다` };
  if (!/[a-z0-9]$/.test(key)) return { en: `it must end with a lower-case letter or digit, not \`${key[key.length - 1]}\``, ko: `소문자나 숫자로 끝나야 하는데 \`${key[key.length - 1]}\`(으)로 끝납니다` };
  const sep = /\.\.|--/.exec(key);
  if (sep) return { en: `it contains consecutive separators \`${sep[0]}\``, ko: `구분자가 연달아 나옵니다(\`${sep[0]}\`)` };
  const ns = RESERVED.find((p) => key.startsWith(p));
  if (ns) return { en: `the namespace \`${ns.slice(0, -1)}\` is reserved for Docker`, ko: `\`${ns.slice(0, -1)}\` 네임스페이스는 Docker 전용으로 예약되어 있습니다` };
  return null;
}

/** The findings of one instruction (an ONBUILD and its trigger are checked apart). */
function check(i: Instruction, ctx: InstructionRuleContext): void {
  if (i.name !== 'LABEL') return;
  for (const kv of i.keyValues) {
    if (kv.value === null || !kv.key || kv.key.includes('$')) continue;
    const why = labelKeyProblem(kv.key);
    if (!why) continue;
    ctx.report({
      span: kv.keySpan,
      message: {
        en: `label key "${kv.key}" is not a valid lower-case reverse-DNS key: ${why.en}`,
        ko: `레이블 키 "${kv.key}"는 소문자 역DNS 형식이 아닙니다. ${why.ko}`,
      },
    });
  }
}

export default defineRule({
  id: 'DF123',
  name: 'label-key-invalid',
  category: 'style',
  severity: 'hint',
  aliases: { hadolint: ['DL3048'] },
  fixable: false,
  docs: {
    en: {
      title: 'Label keys should be lower-case reverse-DNS names',
      rationale: 'Docker recommends label keys in reverse-DNS notation (`com.example.some-label`) made of lower-case letters, digits, `.` and `-`, starting with a letter and ending with a letter or digit, without repeated separators; the `com.docker.*`, `io.docker.*` and `org.dockerproject.*` namespaces are reserved for Docker. Consistent keys are easier to query with `--filter label=…` (hadolint DL3048).',
    },
    ko: {
      title: '레이블 키는 소문자 역DNS 형식으로 쓰세요',
      rationale: 'Docker는 레이블 키를 역DNS 표기(`com.example.some-label`)로, 소문자·숫자·`.`·`-`만 써서 문자로 시작하고 문자나 숫자로 끝나며 구분자를 연달아 쓰지 않도록 권장합니다. `com.docker.*`, `io.docker.*`, `org.dockerproject.*` 네임스페이스는 Docker 전용입니다. 키가 일관되어야 `--filter label=…`로 찾기도 쉽습니다(hadolint DL3048).',
    },
  },
  scope: 'instruction',
  on: ['LABEL'],
  checkInstruction(ins, ctx) {
    check(ins, ctx);
    if (ins.trigger) check(ins.trigger, ctx);
  },
});
