//! yum, dnf, microdnf and zypper hygiene in RUN (hadolint DL3030, DL3032, DL3034, DL3035, DL3036,
//! DL3038, DL3040; microdnf as in DL3038/DL3040 and Trivy):
//! * A non-interactive switch on commands that ask "Is this ok [y/N]": `-y`/`--assumeyes` for
//!   yum/dnf/microdnf (microdnf prompts too since it gained `assumeyes` — RHEL 9's microdnf needs
//!   `-y`, oracle/weblogic-image-tool#434), `-n`/`--non-interactive` (global) or `-y`/`--no-confirm`
//!   for zypper. hadolint's DL3034 accepts only `-y`/`--no-confirm`; the global `-n` is just as
//!   non-interactive, so it is accepted here. `assumeyes=1` written into dnf.conf/yum.conf by an
//!   earlier RUN, or `--setopt=assumeyes=1`, counts.
//! * A cache cleanup in the same RUN after installing: `yum|dnf|microdnf clean all` (or `rm -rf` of
//!   /var/cache/yum, /var/cache/dnf, /var/cache/libdnf5), `zypper clean`/`zypper cc` (or `rm -rf
//!   /var/cache/zypp`); otherwise repository metadata and packages stay in the layer. A
//!   `RUN --mount=type=cache|tmpfs` over those directories is accepted. The fix appends
//!   `&& <mgr> clean all`, and `&& zypper clean --all` for zypper (plain `zypper clean` removes only
//!   downloaded packages, not the repository metadata; zypper(8) "clean: … -a, --all").
//! * `zypper dist-upgrade`/`dup` (DL3035, kept in hadolint when the other upgrade rules were removed
//!   in #677): on Leap/SLE it can switch the whole distribution. Not reported on Tumbleweed images,
//!   where `zypper dup` is the documented way to update.
import { defineRule, type Fix } from '../defineRule';
import type { Instruction } from '../../syntax/nodes';
import { hasOption, positionals, type ShCommand, type ShWord } from '../../shell/commands';
import { stageFamily } from '../stageFacts';
import { RPM_OPTS_WITH_ARG, ZYPPER_OPTS_WITH_ARG, cacheOrTmpfsMountOver, chainEndOffset, commandSpan, hasOpaqueWord, insertOptionsAfter, removesDir, rpmManager, runScript, RunTextFlag, walkRuns, type RpmManager } from '../util/packages';
import { stageChain } from '../util/instructionSemantics';

type Mgr = RpmManager;

/** Actions that ask for confirmation. */
const RPM_PROMPTING = new Set([
  'install', 'groupinstall', 'localinstall', 'reinstall', 'remove', 'erase', 'update', 'upgrade', 'downgrade',
  'distro-sync', 'distrosync', 'autoremove', 'upgrade-minimal', 'update-minimal', 'swap', 'group', 'groups', 'module',
]);
const RPM_GROUP_SUB = new Set(['install', 'remove', 'upgrade', 'update', 'mark']);
const RPM_MODULE_SUB = new Set(['enable', 'install', 'reset', 'disable', 'remove', 'switch-to', 'update', 'upgrade']);
/** Actions that download metadata and packages into the cache. */
const RPM_FETCHING = new Set([
  'install', 'groupinstall', 'localinstall', 'reinstall', 'update', 'upgrade', 'downgrade', 'distro-sync', 'distrosync',
  'upgrade-minimal', 'update-minimal', 'swap', 'makecache',
]);
const ZYPPER_PROMPTING = new Set(['install', 'in', 'remove', 'rm', 'source-install', 'si', 'patch', 'update', 'up', 'dist-upgrade', 'dup', 'install-new-recommends', 'inr']);
const ZYPPER_Y = new Set(['install', 'in', 'remove', 'rm', 'patch', 'update', 'up', 'dist-upgrade', 'dup']);
const ZYPPER_FETCHING = new Set(['install', 'in', 'source-install', 'si', 'patch', 'update', 'up', 'dist-upgrade', 'dup', 'install-new-recommends', 'inr', 'refresh', 'ref']);

const CACHE_DIRS: Record<'rpm' | 'zypper', string[]> = {
  rpm: ['/var/cache/yum', '/var/cache/dnf', '/var/cache/libdnf5'],
  zypper: ['/var/cache/zypp'],
};
const ASSUMEYES_CONF = /assumeyes\s*=\s*(?:1|true|yes|on)\b/i;
const SETOPT_ASSUMEYES = /^--setopt=assumeyes=(1|true|yes)$/i;

const mgrOf = rpmManager;

/** The action words: `install`, or `module enable` (the last one is where `-y` goes). */
function actionOf(cmd: ShCommand, mgr: Mgr): ShWord[] {
  const pos = positionals(cmd, mgr === 'zypper' ? ZYPPER_OPTS_WITH_ARG : RPM_OPTS_WITH_ARG);
  if (!pos.length) return [];
  const first = pos[0];
  if (mgr !== 'zypper' && (first.value === 'group' || first.value === 'groups' || first.value === 'module') && pos[1]) return [first, pos[1]];
  return [first];
}

function isClean(cmd: ShCommand, family: 'rpm' | 'zypper'): boolean {
  if (CACHE_DIRS[family].some((d) => removesDir(cmd, d))) return true;
  const m = mgrOf(cmd);
  if (!m) return false;
  const words = actionOf(cmd, m).map((w) => w.value);
  if (family === 'zypper') return m === 'zypper' && (words[0] === 'clean' || words[0] === 'cc');
  if (m === 'zypper' || words[0] !== 'clean') return false;
  return positionals(cmd, RPM_OPTS_WITH_ARG).slice(1).some((w) => w.value === 'all');
}

function stageIsTumbleweed(stage: import('../../semantics/model').Stage): boolean {
  return stageChain(stage).some((s) => /tumbleweed/i.test(s.image ?? s.imageRaw ?? ''));
}

export default defineRule({
  id: 'DF099',
  name: 'rpm-zypper-hygiene',
  category: 'correctness',
  severity: 'warning',
  aliases: { hadolint: ['DL3030', 'DL3032', 'DL3034', 'DL3035', 'DL3036', 'DL3038', 'DL3040'] },
  fixable: true,
  docs: {
    en: {
      title: 'Non-interactive yum/dnf/microdnf/zypper with cache cleanup',
      rationale: 'yum, dnf and microdnf ask "Is this ok [y/N]" and zypper asks "Continue? [y/n/v/...]"; a build cannot answer, so the command aborts unless it runs with `-y` (zypper: `-n` or `-y`). After installing, the repository metadata and downloaded packages stay in /var/cache/{yum,dnf,zypp} and in the layer unless the same RUN ends with `yum|dnf|microdnf clean all` or `zypper clean --all` (or uses a cache mount). `zypper dist-upgrade` can switch a Leap/SLE image to another distribution release.',
    },
    ko: {
      title: 'yum/dnf/microdnf/zypper는 비대화형으로 실행하고 캐시를 정리하세요',
      rationale: 'yum, dnf, microdnf는 "Is this ok [y/N]", zypper는 "Continue? [y/n/v/...]"라고 묻는데 빌드에서는 대답할 수 없으므로 `-y`(zypper는 `-n`이나 `-y`) 없이 실행하면 중단됩니다. 설치 뒤에는 저장소 메타데이터와 내려받은 패키지가 /var/cache/{yum,dnf,zypp}에 남아 레이어에 저장되므로, 같은 RUN 끝에서 `yum|dnf|microdnf clean all`이나 `zypper clean --all`을 실행하세요(캐시 마운트를 써도 됩니다). `zypper dist-upgrade`는 Leap/SLE 이미지를 다른 배포판 릴리스로 바꿀 수 있습니다.',
    },
  },
  scope: 'file',
  perStage: true,
  check({ tree, model, report }) {
    const source = tree.text;
    // Whether an earlier RUN wrote `assumeyes=1` into dnf.conf/yum.conf.
    walkRuns(model, () => new RunTextFlag(ASSUMEYES_CONF), (s) => s.copy(), (ins: Instruction, run, stage, assumeYes) => {
      const family = stageFamily(stage);
      const skip = family === 'alpine' || family === 'debian' || family === 'ubuntu'; // DF039's business
      const script = skip ? null : runScript(ins, source, model.shellOf(ins));
      if (script) {
        const cmds = script.commands;
        const lastFetch: Partial<Record<'rpm' | 'zypper', number>> = {};
        for (let i = 0; i < cmds.length; i++) {
          const cmd = cmds[i];
          const mgr = mgrOf(cmd);
          if (!mgr) continue;
          const words = actionOf(cmd, mgr);
          if (!words.length) continue;
          const action = words[0].value;
          const last = words[words.length - 1];
          const shown = `${cmd.name} ${words.map((w) => w.value).join(' ')}`;
          const span = commandSpan(cmd, last);
          const fam = mgr === 'zypper' ? 'zypper' : 'rpm';
          // 1. Non-interactive switch.
          const prompting = mgr === 'zypper'
            ? ZYPPER_PROMPTING.has(action)
            : RPM_PROMPTING.has(action) && (action === 'group' || action === 'groups' ? RPM_GROUP_SUB.has(words[1]?.value ?? '') : action === 'module' ? RPM_MODULE_SUB.has(words[1]?.value ?? '') : true);
          const yes = () => mgr === 'zypper'
            ? hasOption(cmd, 'n', ['non-interactive']) || hasOption(cmd, 'y', ['no-confirm'])
            : hasOption(cmd, 'y', ['assumeyes', 'assumeno']) || cmd.argv.some((w) => SETOPT_ASSUMEYES.test(w.value)) || assumeYes.value;
          if (prompting && !yes() && !hasOpaqueWord(cmd)) {
            const useY = mgr !== 'zypper' || ZYPPER_Y.has(action);
            const fixes: Fix[] = [{
              title: useY
                ? { en: `Insert \`-y\` after \`${last.value}\``, ko: `\`${last.value}\` 뒤에 \`-y\` 넣기` }
                : { en: 'Insert `-n` (non-interactive)', ko: '`-n`(비대화형) 넣기' },
              edits: [useY ? insertOptionsAfter(script, last, ['-y']) : insertOptionsAfter(script, cmd.argv[0], ['-n'])],
              safe: true,
            }];
            report({
              span,
              message: {
                en: `\`${shown}\` has no ${mgr === 'zypper' ? '`-n`/`-y`' : '`-y`'}: it asks for confirmation, the build cannot answer, and the command aborts`,
                ko: `\`${shown}\`에 ${mgr === 'zypper' ? '`-n`/`-y`' : '`-y`'}가 없습니다. 확인을 묻는데 빌드에서는 대답할 수 없어 명령이 중단됩니다`,
              },
              fixes,
            });
          }
          // 2. zypper dist-upgrade.
          if (mgr === 'zypper' && (action === 'dist-upgrade' || action === 'dup') && !stageIsTumbleweed(stage)) {
            report({
              span,
              message: {
                en: `\`${shown}\` can move the image to another distribution release; use \`zypper update\` or \`zypper patch\`, or a newer base image`,
                ko: `\`${shown}\`은(는) 이미지를 다른 배포판 릴리스로 바꿀 수 있습니다. \`zypper update\`나 \`zypper patch\`를 쓰거나 더 새로운 베이스 이미지를 쓰세요`,
              },
            });
          }
          // 3. Remember the last fetching command per family for the cleanup check.
          const fetching = mgr === 'zypper'
            ? ZYPPER_FETCHING.has(action)
            : RPM_FETCHING.has(action) || ((action === 'group' || action === 'groups') && words[1]?.value === 'install') || (action === 'module' && words[1]?.value === 'install');
          if (fetching) lastFetch[fam] = i;
        }
        for (const fam of ['rpm', 'zypper'] as const) {
          const i = lastFetch[fam];
          if (i === undefined) continue;
          if (cacheOrTmpfsMountOver(ins, CACHE_DIRS[fam])) continue;
          if (cmds.slice(i + 1).some((c) => isClean(c, fam))) continue;
          const cmd = cmds[i];
          const mgr = mgrOf(cmd)!;
          const words = actionOf(cmd, mgr);
          const shown = `${cmd.name} ${words.map((w) => w.value).join(' ')}`;
          const clean = mgr === 'zypper' ? 'zypper clean --all' : `${cmd.name === 'dnf5' || cmd.name === 'dnf-3' ? 'dnf' : cmd.name} clean all`;
          const dir = mgr === 'zypper' ? '/var/cache/zypp' : mgr === 'yum' ? '/var/cache/yum' : mgr === 'dnf' ? '/var/cache/dnf' : '/var/cache/{yum,dnf}';
          const at = chainEndOffset(script, i);
          const fixes: Fix[] = at === null ? [] : [{
            title: { en: `Append \`&& ${clean}\``, ko: `끝에 \`&& ${clean}\` 붙이기` },
            edits: [{ start: at, end: at, newText: ` && ${cmd.sudo ? 'sudo ' : ''}${clean}` }],
            safe: true,
          }];
          report({
            span: commandSpan(cmd, words[words.length - 1] ?? null),
            message: {
              en: `\`${shown}\` is not followed by \`${clean}\` in this RUN: repository metadata and packages in ${dir} stay in the layer`,
              ko: `이 RUN에서 \`${shown}\` 뒤에 \`${clean}\`이(가) 없습니다. ${dir}의 저장소 메타데이터와 패키지가 레이어에 남습니다`,
            },
            fixes,
          });
        }
      }
      assumeYes.add(run);
    });
  },
});
