//! The final image runs as root because the last USER is an explicit `root` / `0` (hadolint DL3002).
//! Only the final stage matters (earlier stages do not ship). When the final stage has no USER of
//! its own, the USER inherited through `FROM <stage>` is the one in force, so that one is checked.
//! No USER at all is DF063's business.
import { defineRule } from '../defineRule';
import type { Instruction } from '../../syntax/nodes';
import { stageChain } from '../util/instructionSemantics';

/** True for `root`, `0`, `root:root`, `0:0`, `root:0`, … (the user part decides). */
export function isRootUser(v: string): boolean {
  const user = v.trim().split(':')[0];
  return user === 'root' || /^0+$/.test(user);
}

export default defineRule({
  id: 'DF062',
  name: 'last-user-root',
  category: 'security',
  severity: 'warning',
  aliases: { hadolint: ['DL3002'] },
  fixable: false,
  docs: {
    en: {
      title: 'The last USER should not be root',
      rationale: 'Switching to root for installation steps is fine, but if `USER root` is the last USER of the final stage, the container runs as root, so a compromised process has root inside the container and a much easier path out of it. Switch back to an unprivileged user after the steps that need root.',
    },
    ko: {
      title: '마지막 USER가 root이면 안 됩니다',
      rationale: '설치 단계에서 잠시 root로 바꾸는 것은 괜찮지만, 최종 스테이지의 마지막 USER가 `USER root`이면 컨테이너가 root로 실행됩니다. 프로세스가 탈취되면 컨테이너 안에서 root 권한을 갖게 되고 밖으로 빠져나가기도 훨씬 쉬워집니다. root가 필요한 단계가 끝나면 권한 없는 사용자로 다시 바꾸세요.',
    },
  },
  scope: 'file',
  touches: 'final',
  check({ model, report }) {
    const final = model.stages[model.stages.length - 1];
    if (!final) return;
    let last: Instruction | null = null;
    for (const st of stageChain(final)) {
      for (const ins of st.instructions) if (ins.name === 'USER') last = ins;
      if (last) break;
    }
    if (!last || !last.args[0]) return;
    const word = last.args[0];
    const value = word.value.includes('$') ? model.expand(word.value, last) : word.value;
    if (value.includes('$') || !isRootUser(value)) return;
    const lastStage = model.stageOf(last);
    const inherited = lastStage !== final;
    const via = value !== word.value ? ` (= ${value})` : '';
    const stageName = (s: typeof final | null) => (s?.name ? `"${s.name}"` : `#${s?.index ?? 0}`);
    report({
      span: word,
      message: inherited
        ? {
            en: `the final stage inherits USER ${word.value}${via} from stage ${stageName(lastStage)}, so the container runs as root; add a USER with an unprivileged user to the final stage`,
            ko: `최종 스테이지가 ${stageName(lastStage)} 스테이지의 USER ${word.value}${via}를 물려받아 컨테이너가 root로 실행됩니다. 최종 스테이지에 권한 없는 사용자로 USER를 추가하세요`,
          }
        : {
            en: `USER ${word.value}${via} is the last USER of the final stage, so the container runs as root; switch to an unprivileged user after the steps that need root`,
            ko: `USER ${word.value}${via}가 최종 스테이지의 마지막 USER라서 컨테이너가 root로 실행됩니다. root가 필요한 단계 뒤에 권한 없는 사용자로 바꾸세요`,
          },
    });
  },
});
