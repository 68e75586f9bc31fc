//! Unpinned packages in `apt-get install` (hadolint DL3008), off by default: it is the rule
//! users disable most (20 of 29 sampled `.hadolint.yaml` files; hadolint PR #1253 proposes turning
//! it off), because Debian removes old versions from its mirrors and pins break builds.
//! Pinned means `name=version`; `name/release`, `.deb` files and paths are accepted like hadolint,
//! and the `-t`/`--target-release` value is not a package. Words with variables are skipped.
import { defineRule } from '../defineRule';
import { aptAction, aptPackages, runScript } from '../util/packages';

export default defineRule({
  id: 'DF096',
  name: 'apt-version-pin',
  category: 'reproducibility',
  severity: 'off',
  aliases: { hadolint: ['DL3008'] },
  fixable: false,
  docs: {
    en: {
      title: 'Pin package versions in `apt-get install` (opt-in)',
      rationale: 'Without `package=version`, a rebuild installs whatever version the mirror has that day. Off by default: Debian and Ubuntu drop old versions from their mirrors, so exact pins break builds; a snapshot mirror (snapshot.debian.org) or a pinned base image digest is usually the better tool.',
    },
    ko: {
      title: '`apt-get install`에서 패키지 버전을 고정하세요(선택)',
      rationale: '`패키지=버전`으로 고정하지 않으면 다시 빌드할 때 그날 미러에 있는 버전이 설치됩니다. 기본으로는 꺼져 있습니다. Debian과 Ubuntu는 미러에서 예전 버전을 지우므로 정확한 고정은 빌드를 깨뜨리기 쉽고, 보통은 스냅샷 미러(snapshot.debian.org)나 베이스 이미지 digest 고정이 더 나은 방법입니다.',
    },
  },
  scope: 'instruction',
  on: ['RUN'],
  checkInstruction(ins, ctx) {
    const script = runScript(ins, ctx.source, ctx.shell);
    if (!script) return;
    for (const cmd of script.commands) {
      const action = aptAction(cmd);
      if (!action || action.value !== 'install') continue;
      for (const w of aptPackages(cmd)) {
        const v = w.value;
        if (!v || w.expansion || v.includes('=') || v.includes('/') || /\.deb$/i.test(v)) continue;
        ctx.report({
          span: { start: w.start, end: w.end },
          message: {
            en: `\`${v}\` has no version pin (\`${v}=<version>\`): a rebuild may install a different version`,
            ko: `\`${v}\`의 버전이 고정되어 있지 않습니다(\`${v}=<버전>\`). 다시 빌드하면 다른 버전이 설치될 수 있습니다`,
          },
        });
      }
    }
  },
});
