//! `sudo`/`doas` in RUN (hadolint DL3004). Build steps run as the USER in force, root unless a
//! USER instruction changed it, so `sudo` is at best a no-op; it is usually not even installed
//! in base images, and its behaviour (TTY, PAM, env reset) is unpredictable. Use `USER root` for
//! build steps and gosu/su-exec at run time.
//! The fix removes the wrapper and its options. It is safe only when the step already runs as
//! root (no USER, or USER root/0, on a known distribution base whose default user is root) and
//! the options do not change what runs (`-E`, `-H`, `-n`, `-u root`); otherwise it is offered
//! unsafe (`sudo -u app …` would then run as root, and a non-root USER would lose privileges).
import { defineRule, type Fix } from '../defineRule';
import type { Instruction } from '../../syntax/nodes';
import type { Stage } from '../../semantics/model';
import { commandScript, shellKind, type ShCommand } from '../../shell/commands';
import { stageFamily } from '../stageFacts';
import { code, runOf } from '../util/runShell';

const OPTS_WITH_ARG = new Set(['-u', '-g', '-C', '-D', '-h', '-p', '-r', '-t', '-U', '--user', '--group', '--chdir', '--prompt', '--role', '--type', '--other-user', '--close-from', '--host']);
const DISTRO = new Set(['alpine', 'debian', 'ubuntu', 'rhel', 'suse']);
const isRoot = (u: string) => /^(root|0)(:.*)?$/.test(u.trim());

/** End offset of the wrapper's own words and whether its options leave the command unchanged. */
function wrapperExtent(c: ShCommand): { next: number; neutral: boolean } | null {
  const w = c.words;
  let i = w.indexOf(c.sudo!);
  if (i < 0) return null;
  i++;
  let neutral = true;
  while (i < w.length && w[i].value.startsWith('-') && w[i].value.length > 1) {
    const o = w[i].value;
    i++;
    if (o === '--') break;
    if (OPTS_WITH_ARG.has(o)) {
      const arg = w[i]?.value ?? '';
      if (!((o === '-u' || o === '--user') && isRoot(arg))) neutral = false;
      i++;
      continue;
    }
    if (/^--user=/.test(o)) { if (!isRoot(o.slice(7))) neutral = false; continue; }
    if (!/^-[EHn]+$/.test(o) && !/^--(preserve-env(=.*)?|non-interactive)$/.test(o)) neutral = false;
  }
  if (i >= w.length) return null; // `sudo -s` alone: nothing left to run
  return { next: w[i].start, neutral };
}

export default defineRule({
  id: 'DF071',
  name: 'sudo',
  category: 'security',
  severity: 'warning',
  aliases: { hadolint: ['DL3004'] },
  fixable: true,
  docs: {
    en: {
      title: 'Do not use sudo in RUN',
      rationale: 'Build steps run as the user set by the last USER instruction, root by default, so `sudo` adds nothing: it is usually not installed in base images, asks for a terminal or password, and resets the environment in surprising ways. Run privileged steps before switching to a non-root USER (or switch back with `USER root`), and use gosu or su-exec when a container must drop privileges at run time.',
    },
    ko: {
      title: 'RUN에서 sudo를 쓰지 마세요',
      rationale: '빌드 단계는 마지막 USER 명령이 정한 사용자(기본값은 root)로 실행되므로 `sudo`는 아무것도 더해 주지 않습니다. 베이스 이미지에는 대개 설치되어 있지도 않고, 터미널이나 비밀번호를 요구하며, 환경 변수를 예상과 다르게 초기화합니다. 권한이 필요한 단계는 non-root USER로 바꾸기 전에 실행하거나 `USER root`로 되돌린 뒤 실행하고, 컨테이너 실행 시 권한을 낮춰야 하면 gosu나 su-exec를 쓰세요.',
    },
  },
  scope: 'file',
  perStage: true,
  check({ tree, model, report }) {
    // USER in force per stage as we walk in order (a child stage starts with its parent's last USER).
    const userAtEnd = new Map<Stage, { user: string | null; ins: Instruction | null }>();
    for (const st of model.stages) {
      let user = (st.parent && userAtEnd.get(st.parent)) ?? { user: null, ins: null };
      for (const ins of st.instructions) {
        if (ins.name === 'USER') user = { user: ins.args[0]?.value ?? '', ins };
        else checkRun(st, ins, user);
      }
      userAtEnd.set(st, user);
    }

    function checkRun(st: Stage, ins: Instruction, user: { user: string | null; ins: Instruction | null }) {
      const run = runOf(ins);
      if (!run) return;
      const family = stageFamily(st);
      if (family === 'windows') return;
      const script = commandScript(ins, tree.text);
      if (!script || script.form === 'exec') return;
      let posix: boolean | null = null;
      for (const c of script.commands) {
        if (!c.sudo) continue;
        posix ??= shellKind(model.shellOf(ins)) === 'posix';
        if (!posix) return;
        const tool = c.sudo.value.replace(/.*\//, '');
        const ext = wrapperExtent(c);
        const asRoot = user.user === null ? DISTRO.has(family) : isRoot(user.user) && !user.user.includes('$');
        const fixes: Fix[] = [];
        if (ext) {
          fixes.push({
            title: { en: `Remove \`${tool}\``, ko: `\`${tool}\` 지우기` },
            edits: [{ start: c.sudo.start, end: ext.next, newText: '' }],
            safe: ext.neutral && asRoot && ins === run,
          });
        }
        const nonRoot = user.user !== null && !isRoot(user.user);
        report({
          span: { start: c.sudo.start, end: c.sudo.end },
          message: nonRoot
            ? {
                en: `${code(tool)} in RUN: this step runs as user ${code(user.user!)}; run privileged commands before that USER instruction or switch with \`USER root\` instead of relying on ${code(tool)}`,
                ko: `RUN에서 ${code(tool)}를 쓰고 있습니다. 이 단계는 ${code(user.user!)} 사용자로 실행됩니다. ${code(tool)}에 기대지 말고 권한이 필요한 명령을 그 USER 명령보다 앞에서 실행하거나 \`USER root\`로 바꾸세요`,
              }
            : asRoot
              ? {
                  en: `${code(tool)} in RUN: the step already runs as root, and ${code(tool)} is usually not installed in the image; remove it`,
                  ko: `RUN에서 ${code(tool)}를 쓰고 있습니다. 이 단계는 이미 root로 실행되고, ${code(tool)}는 대개 이미지에 설치되어 있지도 않으니 지우세요`,
                }
              : {
                  en: `${code(tool)} in RUN: build steps run as the base image's default user (root for most images); use \`USER root\` for privileged steps instead of ${code(tool)}`,
                  ko: `RUN에서 ${code(tool)}를 쓰고 있습니다. 빌드 단계는 베이스 이미지의 기본 사용자(대부분 root)로 실행됩니다. 권한이 필요한 단계에는 ${code(tool)} 대신 \`USER root\`를 쓰세요`,
                },
          fixes,
        });
      }
    }
  },
});
