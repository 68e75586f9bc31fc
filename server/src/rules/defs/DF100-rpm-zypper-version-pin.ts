//! Unpinned packages in `yum|dnf|microdnf install` and `zypper install` (hadolint DL3033, DL3041,
//! DL3037), off by default like the other pin rules.
//! RPM names carry the version after a dash (`nginx-1.24.0`, `bash-5.2.26-3.fc40`). A dash alone is
//! not a version (`python3-devel`), so, as hadolint's DL3041 does for dnf, the text after some dash
//! must look like a version (version characters only, one part starting with a digit); the same
//! test is used for yum, where hadolint's DL3033 accepts any dash. Module streams need `:`
//! (`nodejs:20`). zypper takes `=`, `<`, `>` constraints (`curl=8.6.0`, `curl>=8`). `.rpm` files,
//! paths, `@group` names, provides such as `pkgconfig(x)` and words with variables are skipped.
import { defineRule } from '../defineRule';
import { positionals } from '../../shell/commands';
import { RPM_OPTS_WITH_ARG, ZYPPER_OPTS_WITH_ARG, rpmManager, runScript } from '../util/packages';

function versionLike(parts: string[]): boolean {
  return parts.length > 0 && parts.every((p) => /^[A-Za-z0-9.~^_:+]+$/.test(p)) && parts.some((p) => /^\d/.test(p));
}

/** hadolint DL3041's test: some dash-separated tail of the name is a version. */
function rpmPinned(v: string): boolean {
  const parts = v.split('-');
  for (let i = 1; i < parts.length; i++) if (versionLike(parts.slice(i))) return true;
  return false;
}

export default defineRule({
  id: 'DF100',
  name: 'rpm-zypper-version-pin',
  category: 'reproducibility',
  severity: 'off',
  aliases: { hadolint: ['DL3033', 'DL3037', 'DL3041'] },
  fixable: false,
  docs: {
    en: {
      title: 'Pin package versions in yum, dnf and zypper installs (opt-in)',
      rationale: 'Without a version (`nginx-1.24.0` for yum/dnf, `nginx=1.24.0` for zypper, `nodejs:20` for a module stream), a rebuild installs whatever the repositories have that day. Off by default: repositories drop old builds, so exact pins need maintenance; a pinned base image digest is often enough.',
    },
    ko: {
      title: 'yum, dnf, zypper 설치에서 패키지 버전을 고정하세요(선택)',
      rationale: '버전(yum/dnf는 `nginx-1.24.0`, zypper는 `nginx=1.24.0`, 모듈 스트림은 `nodejs:20`)을 적지 않으면 다시 빌드할 때 그날 저장소에 있는 것이 설치됩니다. 기본으로는 꺼져 있습니다. 저장소가 예전 빌드를 지우므로 정확한 고정은 관리가 필요하고, 베이스 이미지 digest 고정으로 충분한 경우가 많습니다.',
    },
  },
  scope: 'instruction',
  on: ['RUN'],
  checkInstruction(ins, ctx) {
    const script = runScript(ins, ctx.source, ctx.shell);
    if (!script) return;
    for (const cmd of script.commands) {
      const mgr = rpmManager(cmd);
      if (!mgr) continue;
      const pos = positionals(cmd, mgr === 'zypper' ? ZYPPER_OPTS_WITH_ARG : RPM_OPTS_WITH_ARG);
      if (!pos.length) continue;
      let module = false;
      let args = pos.slice(1);
      if (mgr === 'zypper') {
        if (pos[0].value !== 'install' && pos[0].value !== 'in') continue;
      } else if (pos[0].value === 'module' && pos[1]?.value === 'install') {
        module = true;
        args = pos.slice(2);
      } else if (pos[0].value !== 'install') continue;
      for (const w of args) {
        const v = w.value;
        if (!v || w.expansion || /\.rpm$/i.test(v) || /[/()*?]/.test(v) || v.startsWith('@') || v.startsWith('.')) continue;
        const pinned = module ? v.includes(':') : mgr === 'zypper' ? /[=<>]/.test(v) : rpmPinned(v);
        if (pinned) continue;
        const hint = module ? `${v}:<stream>` : mgr === 'zypper' ? `${v}=<version>` : `${v}-<version>`;
        ctx.report({
          span: { start: w.start, end: w.end },
          message: {
            en: `\`${v}\` has no version (\`${hint}\`): a rebuild may install a different version`,
            ko: `\`${v}\`에 버전이 없습니다(\`${hint}\`). 다시 빌드하면 다른 버전이 설치될 수 있습니다`,
          },
        });
      }
    }
  },
});
