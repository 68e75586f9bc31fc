//! USER with a user name instead of a numeric UID (hadolint DL3066, "Non-numeric user-id may not
//! be resolvable by host system"). Only the user part of `user[:group]` is checked, as hadolint
//! does. Off by default: names are fine for plain Docker and the rule is noisy (jenkins-infra#1038).
//! Values with variables are skipped.
import { defineRule, type InstructionRuleContext } from '../defineRule';
import type { Instruction } from '../../syntax/nodes';

/** The findings of one instruction (an ONBUILD and its trigger are checked apart). */
function check(i: Instruction, ctx: InstructionRuleContext): void {
  if (i.name !== 'USER' || !i.args[0]) return;
  const word = i.args[0];
  const value = word.value.trim();
  if (!value || value.includes('$')) return;
  const user = value.split(':')[0];
  if (/^\d+$/.test(user)) return;
  ctx.report({
    span: word,
    message: {
      en: `USER ${value} names the user "${user}" instead of a numeric UID, which tools outside the image (e.g. Kubernetes runAsNonRoot) cannot verify; use its UID, e.g. USER 10001${value.includes(':') ? ':10001' : ''}`,
      ko: `USER ${value}는 숫자 UID 대신 사용자 이름 "${user}"를 씁니다. 이미지 밖의 도구(예: Kubernetes runAsNonRoot)는 이를 확인할 수 없으니 USER 10001${value.includes(':') ? ':10001' : ''}처럼 UID를 쓰세요`,
    },
  });
}

export default defineRule({
  id: 'DF067',
  name: 'non-numeric-user',
  category: 'security',
  severity: 'off',
  aliases: { hadolint: ['DL3066'] },
  fixable: false,
  docs: {
    en: {
      title: 'USER should be a numeric UID',
      rationale: 'A user name is resolved through the image\'s /etc/passwd when the container starts, so tools outside the container cannot tell who it is. Kubernetes `runAsNonRoot` refuses to start an image whose USER is a name ("cannot verify user is non-root"), and host-side policies that match UIDs cannot check it. A numeric UID (e.g. `USER 10001:10001`) is unambiguous.',
    },
    ko: {
      title: 'USER는 숫자 UID로 쓰세요',
      rationale: '사용자 이름은 컨테이너가 시작될 때 이미지의 /etc/passwd로 해석되므로 컨테이너 밖의 도구는 실제로 누구인지 알 수 없습니다. Kubernetes의 `runAsNonRoot`는 USER가 이름인 이미지를 실행하지 않으며("cannot verify user is non-root"), UID로 판단하는 호스트 쪽 정책도 확인할 수 없습니다. `USER 10001:10001`처럼 숫자 UID를 쓰면 분명합니다.',
    },
  },
  scope: 'instruction',
  on: ['USER'],
  checkInstruction(ins, ctx) {
    check(ins, ctx);
    if (ins.trigger) check(ins.trigger, ctx);
  },
});
