//! `apt-get install` without `--no-install-recommends` (hadolint DL3015). APT installs the
//! "Recommends" of every package by default (APT::Install-Recommends defaults to true), which
//! pulls in packages the image does not need.
//! Accepted: `--no-install-recommends`, `--install-recommends=no` (apt's boolean options take
//! `--no-X` and `--X=false`), an explicit `--install-recommends` (a deliberate choice),
//! `-o APT::Install-Recommends=false|0|no|off`, and `APT::Install-Recommends "false";` written into
//! apt.conf by an earlier RUN of the stage or a parent stage.
//! Note for the fix: some recommended packages matter at run time (for example `curl` only
//! recommends `ca-certificates`), so list those explicitly after applying it.
import { defineRule } from '../defineRule';
import { stageFamily } from '../stageFacts';
import { aptAction, aptBool, aptConfigOption, commandSpan, hasOpaqueWord, insertOptionsAfter, isApt, runScript, RunTextFlag, walkRuns } from '../util/packages';

const NO_RECOMMENDS_CONF = /APT::Install-Recommends\s*"?\s*(?:0|false|no|off)\b/i;
const RECOMMENDS_OPTION = /^--(no-)?install-recommends(=|$)/;
const APT_FAMILIES = new Set(['debian', 'ubuntu', 'unknown']);

export default defineRule({
  id: 'DF093',
  name: 'apt-no-install-recommends',
  category: 'image-size',
  severity: 'info',
  aliases: { hadolint: ['DL3015'] },
  fixable: true,
  docs: {
    en: {
      title: 'Use `--no-install-recommends` with `apt-get install`',
      rationale: 'By default APT also installs every package that the requested packages merely "recommend", which often adds documentation tools, GUI libraries or whole language runtimes the image never uses. `--no-install-recommends` installs only the real dependencies. If the program needs a recommended package at run time (for example `ca-certificates` for `curl` over HTTPS), name it explicitly.',
    },
    ko: {
      title: '`apt-get install`에 `--no-install-recommends`를 쓰세요',
      rationale: 'APT는 기본적으로 요청한 패키지가 "권장(Recommends)"하는 패키지까지 모두 설치합니다. 그래서 이미지에서 쓰지 않는 문서 도구, GUI 라이브러리, 언어 런타임이 통째로 들어오기도 합니다. `--no-install-recommends`를 쓰면 실제 의존 패키지만 설치됩니다. 실행할 때 권장 패키지가 필요하다면(예: HTTPS로 `curl`을 쓸 때의 `ca-certificates`) 직접 이름을 적어 설치하세요.',
    },
  },
  scope: 'file',
  perStage: true,
  check({ tree, model, report }) {
    const source = tree.text;
    // Whether an earlier RUN wrote `APT::Install-Recommends "false";` (it answers for later RUNs).
    walkRuns(model, () => new RunTextFlag(NO_RECOMMENDS_CONF), (s) => s.copy(), (ins, run, stage, off) => {
      const script = !APT_FAMILIES.has(stageFamily(stage)) ? null : runScript(ins, source, model.shellOf(ins));
      if (script) {
        for (const cmd of script.commands) {
          if (!isApt(cmd)) continue;
          const action = aptAction(cmd);
          if (!action || action.value !== 'install') continue;
          if (cmd.argv.some((w) => RECOMMENDS_OPTION.test(w.value))) continue;
          if (aptConfigOption(cmd, 'APT::Install-Recommends').some((v) => aptBool(v) === false)) continue;
          if (hasOpaqueWord(cmd)) continue;
          if (off.value) break;
          const what = `${cmd.name} install`;
          report({
            span: commandSpan(cmd, action),
            message: {
              en: `\`${what}\` also pulls in the packages that the requested ones merely recommend; add \`--no-install-recommends\` to keep the image small`,
              ko: `\`${what}\`은(는) 권장(Recommends) 패키지까지 함께 설치합니다. 이미지를 작게 유지하려면 \`--no-install-recommends\`를 붙이세요`,
            },
            fixes: [{
              title: { en: 'Insert `--no-install-recommends`', ko: '`--no-install-recommends` 넣기' },
              edits: [insertOptionsAfter(script, action, ['--no-install-recommends'])],
              // Not for fix-all: dropping recommended packages can break the program at run time
              // (e.g. curl only recommends ca-certificates, so HTTPS downloads fail).
              safe: false,
            }],
          });
        }
      }
      off.add(run);
    });
  },
});
