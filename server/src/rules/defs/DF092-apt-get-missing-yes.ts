//! `apt-get install` (and the other actions that ask "Do you want to continue? [Y/n]") without
//! `-y` (hadolint DL3014). A build has no terminal: apt reads EOF at the prompt, prints "Abort."
//! and exits 1, so the RUN fails.
//! Accepted like apt itself: `-y`, `--yes`, `--assume-yes`, quiet level 2 (`-qq`, `-q -q`, `-q=2`,
//! `--quiet=2`; apt-get(8): "quiet level 2 implies -y"; hadolint's DL3014Spec agrees for `-qq`
//! and still reports a single `-q`), `-o APT::Get::Assume-Yes=true`, `--assume-no`,
//! simulation (`-s` and its aliases), and `APT::Get::Assume-Yes "true"` written into apt.conf
//! by an earlier RUN of the stage (or a parent stage). `DEBIAN_FRONTEND=noninteractive` does not
//! answer this prompt (it only affects debconf questions).
import { defineRule } from '../defineRule';
import { hasOption } from '../../shell/commands';
import { aptAction, aptBool, aptConfigOption, aptQuietLevel, commandSpan, hasOpaqueWord, insertOptionsAfter, isApt, runScript, RunTextFlag, walkRuns } from '../util/packages';

/** Actions that install or remove packages and therefore may prompt. */
const PROMPTING = new Set(['install', 'reinstall', 'remove', 'purge', 'autoremove', 'autopurge', 'upgrade', 'dist-upgrade', 'full-upgrade', 'build-dep', 'satisfy']);
const SIMULATE = ['simulate', 'just-print', 'dry-run', 'recon', 'no-act', 'assume-no', 'print-uris'];
const ASSUME_YES_CONF = /APT::Get::Assume-Yes\s*"?\s*(?:1|true|yes|on)\b/i;

export default defineRule({
  id: 'DF092',
  name: 'apt-get-missing-yes',
  category: 'correctness',
  severity: 'warning',
  aliases: { hadolint: ['DL3014'] },
  fixable: true,
  docs: {
    en: {
      title: 'Use `-y` with `apt-get install`',
      rationale: 'Without `-y`, apt asks "Do you want to continue? [Y/n]" whenever it installs extra dependencies or removes anything. A build has no terminal to answer, so apt reads end-of-input, prints "Abort." and the RUN fails. `DEBIAN_FRONTEND=noninteractive` does not answer this prompt; it only silences debconf questions. Quiet level 2 (`-qq`) also implies `-y`.',
    },
    ko: {
      title: '`apt-get install`에는 `-y`를 붙이세요',
      rationale: '`-y`가 없으면 apt는 의존 패키지를 추가로 설치하거나 무언가를 제거할 때 "Do you want to continue? [Y/n]"라고 묻습니다. 빌드에는 대답할 터미널이 없으므로 apt는 입력 끝(EOF)을 읽고 "Abort."를 출력하며 RUN이 실패합니다. `DEBIAN_FRONTEND=noninteractive`는 debconf 질문만 없앨 뿐 이 확인 질문에는 답하지 않습니다. 조용함 수준 2(`-qq`)도 `-y`를 뜻합니다.',
    },
  },
  scope: 'file',
  perStage: true,
  check({ tree, model, report }) {
    const source = tree.text;
    // Whether an earlier RUN wrote `APT::Get::Assume-Yes "true";` (it answers for later RUNs).
    walkRuns(model, () => new RunTextFlag(ASSUME_YES_CONF), (s) => s.copy(), (ins, run, _st, assumeYes) => {
      const script = runScript(ins, source, model.shellOf(ins));
      if (script) {
        for (const cmd of script.commands) {
          if (!isApt(cmd)) continue;
          const action = aptAction(cmd);
          if (!action || !PROMPTING.has(action.value)) continue;
          if (hasOption(cmd, 'y', ['yes', 'assume-yes'])) continue;
          if (hasOption(cmd, 's', SIMULATE)) continue;
          if (aptQuietLevel(cmd) >= 2) continue;
          if (aptConfigOption(cmd, 'APT::Get::Assume-Yes').some((v) => aptBool(v) === true)) continue;
          if (hasOpaqueWord(cmd)) continue;
          if (assumeYes.value) continue;
          const tool = cmd.name;
          const what = `${tool} ${action.value}`;
          report({
            span: commandSpan(cmd, action),
            message: {
              en: `\`${what}\` has no \`-y\`: apt asks "Do you want to continue? [Y/n]", the build cannot answer, and the RUN fails with "Abort."`,
              ko: `\`${what}\`에 \`-y\`가 없습니다. apt가 "Do you want to continue? [Y/n]"라고 묻는데 빌드에서는 대답할 수 없어 RUN이 "Abort."로 실패합니다`,
            },
            fixes: [{
              title: { en: `Insert \`-y\` after \`${action.value}\``, ko: `\`${action.value}\` 뒤에 \`-y\` 넣기` },
              edits: [insertOptionsAfter(script, action, ['-y'])],
              safe: true,
            }],
          });
        }
      }
      assumeYes.add(run);
    });
  },
});
