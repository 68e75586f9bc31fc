//! Unpinned packages in `apk add` (hadolint DL3018), off by default: 13 of 29 sampled
//! `.hadolint.yaml` files disable it, because Alpine deletes old package versions from its
//! repositories (hadolint #204), so exact pins break builds.
//! Pinned means a constraint: `=`, `~` (hadolint), or `<`/`>` (apk also accepts these; hadolint
//! #782 asks for them). `.apk` files, the `-t`/`--virtual` name, `-X` repository URLs, provider
//! names (`so:…`, `cmd:…`) and words with variables are not checked.
import { defineRule } from '../defineRule';
import { apkAction, apkPackages, runScript } from '../util/packages';

export default defineRule({
  id: 'DF098',
  name: 'apk-version-pin',
  category: 'reproducibility',
  severity: 'off',
  aliases: { hadolint: ['DL3018'] },
  fixable: false,
  docs: {
    en: {
      title: 'Pin package versions in `apk add` (opt-in)',
      rationale: 'Without a version constraint (`pkg=1.2.3-r0` or `pkg~1.2`), a rebuild installs whatever version the repository has that day. Off by default: Alpine removes old package versions, so exact pins break builds; a fuzzy pin (`~`) or a pinned base image is usually more practical.',
    },
    ko: {
      title: '`apk add`에서 패키지 버전을 고정하세요(선택)',
      rationale: '버전 조건(`pkg=1.2.3-r0`나 `pkg~1.2`)이 없으면 다시 빌드할 때 그날 저장소에 있는 버전이 설치됩니다. 기본으로는 꺼져 있습니다. Alpine은 예전 패키지 버전을 지우므로 정확한 고정은 빌드를 깨뜨리기 쉽고, 느슨한 고정(`~`)이나 베이스 이미지 고정이 보통 더 현실적입니다.',
    },
  },
  scope: 'instruction',
  on: ['RUN'],
  checkInstruction(ins, ctx) {
    const script = runScript(ins, ctx.source, ctx.shell);
    if (!script) return;
    for (const cmd of script.commands) {
      const action = apkAction(cmd);
      if (!action || action.value !== 'add') continue;
      for (const w of apkPackages(cmd)) {
        const v = w.value;
        if (!v || w.expansion || /[=~<>]/.test(v) || /\.apk$/i.test(v) || v.includes(':') || v.startsWith('/') || v.startsWith('.')) continue;
        ctx.report({
          span: { start: w.start, end: w.end },
          message: {
            en: `\`${v}\` has no version constraint (\`${v}=<version>\` or \`${v}~<version>\`): a rebuild may install a different version`,
            ko: `\`${v}\`에 버전 조건이 없습니다(\`${v}=<버전>\`이나 \`${v}~<버전>\`). 다시 빌드하면 다른 버전이 설치될 수 있습니다`,
          },
        });
      }
    }
  },
});
