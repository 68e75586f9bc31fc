//! `apt-get clean` on a Debian or Ubuntu base. Docker's best-practices guide: "Official Debian and
//! Ubuntu images automatically run `apt-get clean`, so explicit invocation is not required"
//! (docker/docs content/manuals/build/building/best-practices.md; the images ship
//! /etc/apt/apt.conf.d/docker-clean, which deletes downloaded .deb files after every install).
//! Not reported when the Dockerfile turns that hook off earlier in the stage chain or in the same
//! RUN (`rm /etc/apt/apt.conf.d/docker-clean`, `Binary::apt::APT::Keep-Downloaded-Packages`, as
//! the cache-mount recipes do), nor on other or unknown base images.
import { defineRule, type Fix } from '../defineRule';
import { stageFamily } from '../stageFacts';
import { deleteInstructionLines } from '../util/instructionSemantics';
import { aptAction, commandSpan, isApt, removeCommandEdit, runScript, RunTextFlag, walkRuns } from '../util/packages';

const DISABLES_DOCKER_CLEAN = /docker-clean|Keep-Downloaded-Packages/;

export default defineRule({
  id: 'DF105',
  name: 'redundant-apt-get-clean',
  category: 'style',
  severity: 'hint',
  aliases: {},
  fixable: true,
  docs: {
    en: {
      title: '`apt-get clean` is redundant on official Debian and Ubuntu images',
      rationale: 'Official Debian and Ubuntu images (and images built on them, such as `node`, `python` or `openjdk`) ship `/etc/apt/apt.conf.d/docker-clean`, which deletes the downloaded `.deb` files after every install, so `apt-get clean` has nothing left to do. What does shrink the layer is `rm -rf /var/lib/apt/lists/*` in the same RUN. Keep `apt-get clean` only if you removed that hook.',
    },
    ko: {
      title: '공식 Debian·Ubuntu 이미지에서는 `apt-get clean`이 필요 없습니다',
      rationale: '공식 Debian·Ubuntu 이미지(그리고 `node`, `python`, `openjdk`처럼 그 위에 만든 이미지)에는 `/etc/apt/apt.conf.d/docker-clean`이 들어 있어 설치할 때마다 내려받은 `.deb` 파일을 지웁니다. 그래서 `apt-get clean`은 할 일이 없습니다. 레이어를 실제로 줄이는 것은 같은 RUN의 `rm -rf /var/lib/apt/lists/*`입니다. 이 설정을 직접 지운 경우에만 `apt-get clean`을 남기세요.',
    },
  },
  scope: 'file',
  perStage: true,
  check({ tree, model, report }) {
    const source = tree.text;
    // Whether this RUN or an earlier one changed the docker-clean hook.
    walkRuns(model, () => new RunTextFlag(DISABLES_DOCKER_CLEAN), (s) => s.copy(), (ins, run, stage, hookOff) => {
      hookOff.add(run);
      const family = stageFamily(stage);
      if (family !== 'debian' && family !== 'ubuntu') return;
      const script = runScript(ins, source, model.shellOf(ins));
      if (!script) return;
      const cmds = script.commands;
      for (let i = 0; i < cmds.length; i++) {
        const cmd = cmds[i];
        if (!isApt(cmd)) continue;
        const action = aptAction(cmd);
        if (!action || action.value !== 'clean') continue;
        if (hookOff.value) return;
        const fixes: Fix[] = [];
        const alone = cmds.length === 1 && script.form === 'shell' && !run.heredocs.length;
        const edit = alone ? deleteInstructionLines(tree, ins) : removeCommandEdit(script, i, source, run.escape);
        if (edit) {
          fixes.push({
            title: alone
              ? { en: 'Delete this RUN', ko: '이 RUN 삭제' }
              : { en: `Remove \`${cmd.name} clean\``, ko: `\`${cmd.name} clean\` 제거` },
            edits: [edit],
            safe: true,
          });
        }
        report({
          span: commandSpan(cmd, action),
          message: {
            en: `\`${cmd.name} clean\` is redundant: the ${family === 'ubuntu' ? 'Ubuntu' : 'Debian'} base image already deletes downloaded packages after each install (/etc/apt/apt.conf.d/docker-clean)`,
            ko: `\`${cmd.name} clean\`은 필요 없습니다. ${family === 'ubuntu' ? 'Ubuntu' : 'Debian'} 베이스 이미지가 설치할 때마다 내려받은 패키지를 이미 지웁니다(/etc/apt/apt.conf.d/docker-clean)`,
          },
          fixes,
        });
      }
    });
  },
});
