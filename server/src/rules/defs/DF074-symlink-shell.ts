//! Replacing `/bin/sh` with a link (hadolint DL4005): `ln -sf /bin/bash /bin/sh`. It changes
//! the system shell for every later step, every `#!/bin/sh` script and the running container,
//! and breaks when a package update restores the link. SHELL changes the shell of RUN (and of
//! shell-form CMD/ENTRYPOINT) explicitly (Dockerfile reference, SHELL).
//! Fix (unsafe: scripts that relied on `/bin/sh` being bash are no longer covered): drop the
//! `ln` command and add `SHELL ["<target>", "-c"]` after the RUN.
import { defineRule, type Fix, type TextEditSpan } from '../defineRule';
import { positionals, type ShCommand } from '../../shell/commands';
import { code, eolAt, posixRunScript, runOf, skipBlanksAndContinuations } from '../util/runShell';

const SHELL_PATHS = new Set(['/bin/sh', '/usr/bin/sh']);
const LN_OPTS_WITH_ARG = new Set(['-t', '--target-directory', '-S', '--suffix']);

function shellLink(c: ShCommand): { src: string; link: string } | null {
  if (c.name !== 'ln') return null;
  if (c.argv.some((w) => /^--target-directory/.test(w.value) || w.value === '-t')) return null;
  const pos = positionals(c, LN_OPTS_WITH_ARG);
  if (pos.length !== 2) return null;
  const link = pos[1].value.replace(/\/+$/, '');
  if (!SHELL_PATHS.has(link)) return null;
  return { src: pos[0].value, link };
}

/** Does any command run `ln` (most RUNs do not: nothing to look at then)? */
function hasLn(cmds: readonly ShCommand[]): boolean {
  for (const c of cmds) if (c.name === 'ln') return true;
  return false;
}

export default defineRule({
  id: 'DF074',
  name: 'symlink-shell',
  category: 'portability',
  severity: 'warning',
  aliases: { hadolint: ['DL4005'] },
  fixable: true,
  docs: {
    en: {
      title: 'Use SHELL instead of replacing /bin/sh',
      rationale: 'Linking `/bin/sh` to another shell (`ln -sf /bin/bash /bin/sh`) silently changes the system shell for every later step, every `#!/bin/sh` script and the running container, and a package upgrade can restore the original link. To run RUN commands with bash, say so with `SHELL ["/bin/bash", "-c"]`.',
    },
    ko: {
      title: '/bin/sh를 바꾸지 말고 SHELL을 쓰세요',
      rationale: '`/bin/sh`를 다른 셸로 링크하면(`ln -sf /bin/bash /bin/sh`) 이후의 모든 단계, 모든 `#!/bin/sh` 스크립트, 실행 중인 컨테이너의 시스템 셸이 조용히 바뀌고, 패키지를 업그레이드하면 원래 링크로 되돌아갈 수도 있습니다. RUN 명령을 bash로 실행하려면 `SHELL ["/bin/bash", "-c"]`로 명시하세요.',
    },
  },
  scope: 'instruction',
  on: ['RUN'],
  checkInstruction(ins, ctx) {
    const script = posixRunScript(ins, ctx);
    if (!script || script.form === 'exec') return;
    if (!hasLn(script.commands)) return;
    const run = runOf(ins)!;
    const cmds = script.commands.filter((x) => !x.substitution);
    const src = ctx.source;
    for (let i = 0; i < cmds.length; i++) {
      const c = cmds[i];
      const sl = shellLink(c);
      if (!sl) continue;
      const target = sl.src.startsWith('/') ? sl.src : sl.link.replace(/[^/]*$/, '') + sl.src;
      const fixes: Fix[] = [];
      const plainTarget = /^\/[A-Za-z0-9_./+-]+$/.test(target) && !target.includes('..');
      // `rm /bin/sh && ln -s …`: dropping the ln would leave no /bin/sh at all.
      const touched = cmds.some((x) => x !== c && x.argv.some((w) => w.value.replace(/\/+$/, '') === sl.link));
      if (plainTarget && !touched && ins === run && !run.heredocs.length && script.form === 'shell' && !c.compound && c.subshell === 0 && !c.assigns.length && !c.redirects.length && c.words[0] === c.argv[0]) {
        const shellLine = `SHELL [${JSON.stringify(target)}, "-c"]`;
        let edits: TextEditSpan[] | null = null;
        if (cmds.length === 1) {
          edits = [{ start: ins.start, end: ins.end, newText: shellLine }];
        } else {
          let del: TextEditSpan | null = null;
          if (c.opAfter === '&&' && c.opAfterSpan && (i === 0 || cmds[i - 1].opAfter === '&&')) {
            const next = skipBlanksAndContinuations(src, c.opAfterSpan.end, run.end, ins.escape);
            if (next > 0) del = { start: c.start, end: next, newText: '' };
          } else if (c.opAfter === null && c.opBefore === '&&' && i > 0) {
            del = { start: cmds[i - 1].end, end: c.end, newText: '' };
          }
          if (del && !src.slice(del.start, del.end).includes('#')) {
            const nl = src.indexOf('\n', ins.end);
            const after = nl < 0 ? src.length : nl + 1;
            const eol = eolAt(src, ins.end);
            edits = [del, { start: after, end: after, newText: (nl < 0 ? eol : '') + shellLine + eol }];
          }
        }
        if (edits) {
          fixes.push({
            title: { en: `Use \`${shellLine}\` instead`, ko: `대신 \`${shellLine}\` 쓰기` },
            edits,
            safe: false,
          });
        }
      }
      const lnText = c.argv.map((w) => w.value).join(' ');
      ctx.report({
        span: { start: c.argv[0].start, end: c.argv[c.argv.length - 1].end },
        message: {
          en: `${code(lnText)} replaces ${code(sl.link)} for every later step, \`#!/bin/sh\` script and the container; set the shell of RUN with ${code(`SHELL ["${target}", "-c"]`)} instead`,
          ko: `${code(lnText)}는 이후 모든 단계와 \`#!/bin/sh\` 스크립트, 컨테이너의 ${code(sl.link)}를 바꿉니다. RUN의 셸은 대신 ${code(`SHELL ["${target}", "-c"]`)}로 정하세요`,
        },
        fixes,
      });
    }
  },
});
