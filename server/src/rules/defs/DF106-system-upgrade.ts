//! Whole-system upgrades in RUN, off by default (formerly hadolint DL3005 `apt-get upgrade`,
//! DL3017 `apk upgrade`, DL3031 `yum update`, DL3039 `dnf update`, all removed from hadolint —
//! #677 "Allow upgrades", #964; Trivy keeps `run_apt_get_dist_upgrade`). The catalogue lists
//! DL3005 and DL3017 as aliases: this rule means exactly what they meant, so an old
//! `# hadolint ignore=DL3005` keeps allowing the upgrade; no other rule uses those codes. An upgrade makes the image depend on the day it was built instead of
//! on the base image tag; refreshing the base image is the reproducible way to get fixes. Some
//! teams deliberately upgrade for security patches, hence opt-in.
//! Reported: `apt-get|apt upgrade|dist-upgrade|full-upgrade`, `apk upgrade` without package names,
//! `yum|dnf|microdnf update|upgrade|distro-sync` without package names, `zypper update|up|patch`
//! without package names. (`zypper dist-upgrade` is DF099's.)
import { defineRule } from '../defineRule';
import { positionals } from '../../shell/commands';
import { RPM_OPTS_WITH_ARG, ZYPPER_OPTS_WITH_ARG, apkAction, apkPackages, aptAction, commandSpan, rpmManager, runScript } from '../util/packages';

export default defineRule({
  id: 'DF106',
  name: 'system-upgrade',
  category: 'reproducibility',
  severity: 'off',
  aliases: { hadolint: ['DL3005', 'DL3017'] },
  fixable: false,
  docs: {
    en: {
      title: 'Avoid upgrading all packages in a RUN (opt-in)',
      rationale: '`apt-get upgrade`, `apk upgrade`, `dnf upgrade` and similar make the image contents depend on the day of the build rather than on the base image tag, and can pull in changes the base image maintainers have not shipped yet. Rebuilding on a newer base image tag is the reproducible way to get security fixes. Off by default, since some teams upgrade on purpose.',
    },
    ko: {
      title: 'RUN에서 전체 패키지를 업그레이드하지 마세요(선택)',
      rationale: '`apt-get upgrade`, `apk upgrade`, `dnf upgrade` 같은 명령은 이미지 내용을 베이스 이미지 태그가 아니라 빌드한 날짜에 따라 달라지게 하고, 베이스 이미지 관리자가 아직 내놓지 않은 변경까지 가져올 수 있습니다. 보안 수정은 더 새로운 베이스 이미지 태그로 다시 빌드해서 받는 편이 재현 가능합니다. 일부러 업그레이드하는 팀도 있어 기본으로는 꺼져 있습니다.',
    },
  },
  scope: 'instruction',
  on: ['RUN'],
  checkInstruction(ins, ctx) {
    const script = runScript(ins, ctx.source, ctx.shell);
    if (!script) return;
    for (const cmd of script.commands) {
      let action = aptAction(cmd);
      let hit = !!action && ['upgrade', 'dist-upgrade', 'full-upgrade'].includes(action.value);
      if (!hit) {
        const apk = apkAction(cmd);
        if (apk && apk.value === 'upgrade' && apkPackages(cmd).length === 0) { action = apk; hit = true; }
      }
      if (!hit) {
        const mgr = rpmManager(cmd);
        if (mgr) {
          const pos = positionals(cmd, mgr === 'zypper' ? ZYPPER_OPTS_WITH_ARG : RPM_OPTS_WITH_ARG);
          const verbs = mgr === 'zypper' ? ['update', 'up', 'patch'] : ['update', 'upgrade', 'distro-sync', 'distrosync'];
          if (pos[0] && verbs.includes(pos[0].value) && pos.length === 1) { action = pos[0]; hit = true; }
        }
      }
      if (!hit || !action) continue;
      const what = `${cmd.name} ${action.value}`;
      ctx.report({
        span: commandSpan(cmd, action),
        message: {
          en: `\`${what}\` upgrades every installed package, so the image depends on the build date; prefer a newer base image tag`,
          ko: `\`${what}\`은(는) 설치된 모든 패키지를 업그레이드하므로 이미지가 빌드 날짜에 따라 달라집니다. 더 새로운 베이스 이미지 태그를 쓰세요`,
        },
      });
    }
  },
});
