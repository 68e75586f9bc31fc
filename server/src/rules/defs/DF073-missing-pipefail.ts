//! A pipe in a POSIX-shell RUN without `pipefail` (hadolint DL4006). A pipeline's exit status is
//! that of its last command, so `curl -fsSL url | tar -xz` succeeds when curl fails and the
//! layer is built from an empty download. Satisfied by a SHELL in force with `-o pipefail`
//! (any POSIX shell: Alpine's `/bin/sh` is BusyBox ash, which supports it — hadolint #250, #1084,
//! rules.md §2.4), or by `set -o pipefail` earlier in the same RUN.
//! Not reported: pipelines whose left-hand commands cannot fail (`echo`, `printf`, `true`), and
//! pipelines fed by `yes` (it is killed by SIGPIPE, so pipefail would make them fail).
//! Fixes (both unsafe, since pipefail also turns SIGPIPE exits of `… | head` into failures):
//! insert `SHELL ["/bin/bash", "-o", "pipefail", "-c"]` before the RUN (`/bin/ash` on Alpine; the
//! SHELL's own executable when one is set), or prefix `set -o pipefail && ` when the shell
//! supports it (bash/zsh/ksh/ash, or `sh` on Alpine/RHEL/SUSE where it is ash or bash; Debian's
//! and Ubuntu's `sh` is dash, which does not).
import { defineRule, type Fix } from '../defineRule';
import type { Heredoc, Instruction } from '../../syntax/nodes';
import type { ShCommand } from '../../shell/commands';
import { basename } from '../../shell/parser';
import { code, eolAt, indentOf, lineStart, POSIX_SHELLS, posixRunScript, runOf } from '../util/runShell';

const HARMLESS_LEFT = new Set(['echo', 'printf', 'true', ':']);
const PIPEFAIL_SHELLS = new Set(['bash', 'zsh', 'ksh', 'mksh', 'ash']);

/** Does an argument list (a SHELL array or `set` words) turn pipefail on? */
export function setsPipefail(args: readonly string[]): boolean {
  for (let i = 1; i < args.length; i++) {
    if (args[i] === 'pipefail' && /^-[a-zA-Z]*o$/.test(args[i - 1])) return true;
    if (/^-o\s*pipefail$/.test(args[i])) return true;
  }
  return false;
}

interface Pipeline {
  cmds: ShCommand[];
}

function pipelines(cmds: ShCommand[]): Pipeline[] {
  const out: Pipeline[] = [];
  let cur: ShCommand[] = [];
  for (const c of cmds) {
    if (c.substitution) continue;
    if (c.opAfter === '|' || c.opAfter === '|&') cur.push(c);
    else if (cur.length) {
      cur.push(c);
      out.push({ cmds: cur });
      cur = [];
    }
  }
  if (cur.length > 1) out.push({ cmds: cur });
  return out;
}

function shebangShell(body: string): string | null {
  if (!body.startsWith('#!')) return null;
  const nl = body.indexOf('\n');
  const parts = body.slice(2, nl < 0 ? body.length : nl).trim().split(/\s+/);
  let exe = basename(parts[0] ?? '');
  if (exe === 'env' && parts[1]) exe = basename(parts[1]);
  return exe;
}

export default defineRule({
  id: 'DF073',
  name: 'missing-pipefail',
  category: 'correctness',
  severity: 'warning',
  aliases: { hadolint: ['DL4006'] },
  fixable: true,
  docs: {
    en: {
      title: 'Set pipefail before using a pipe in RUN',
      rationale: 'The exit status of a pipeline is the status of its last command, so `RUN curl -fsSL https://… | tar -xz` succeeds even when the download fails, and the build goes on with a broken layer. Set `SHELL ["/bin/bash", "-o", "pipefail", "-c"]` (`/bin/ash` on Alpine, whose BusyBox `sh` also supports it) or start the RUN with `set -o pipefail &&` when the shell supports it (Debian and Ubuntu `/bin/sh` is dash, which does not). Pipelines fed only by `echo`/`printf` are not reported, nor those fed by `yes`, which pipefail would break. Beware that with pipefail `… | head -1` can fail when the writer gets SIGPIPE.',
    },
    ko: {
      title: 'RUN에서 파이프를 쓰기 전에 pipefail을 설정하세요',
      rationale: '파이프라인의 종료 상태는 마지막 명령의 상태이므로 `RUN curl -fsSL https://… | tar -xz`는 다운로드가 실패해도 성공으로 끝나고, 빌드는 망가진 레이어로 계속 진행됩니다. `SHELL ["/bin/bash", "-o", "pipefail", "-c"]`를 설정하거나(Alpine은 `/bin/ash`, BusyBox `sh`도 지원합니다) 셸이 지원한다면 RUN을 `set -o pipefail &&`로 시작하세요(Debian과 Ubuntu의 `/bin/sh`인 dash는 지원하지 않습니다). `echo`/`printf`만 앞에 있는 파이프라인은 보고하지 않고, pipefail을 켜면 오히려 실패하는 `yes` 파이프라인도 보고하지 않습니다. pipefail을 켜면 `… | head -1`처럼 앞 명령이 SIGPIPE를 받는 경우에도 실패할 수 있다는 점에 주의하세요.',
    },
  },
  scope: 'instruction',
  on: ['RUN'],
  checkInstruction(ins, ctx) {
    if (ctx.family === 'distroless' || ctx.family === 'scratch') return; // DF040
    const run = runOf(ins);
    if (!run || !run.command || run.command.form === 'exec') return;
    const script = posixRunScript(ins, ctx);
    if (!script) return;
    const cmds = script.commands;
    const pls = pipelines(cmds);
    if (pls.length === 0) return;
    const shellExe = basename(ctx.shell[0] ?? '/bin/sh');
    const shellProtects = setsPipefail(ctx.shell);
    // A heredoc body is run by its shebang, by the shell it is fed to (`RUN bash <<EOF`), or, for
    // `RUN <<EOF` without a shebang, by the SHELL in force.
    const feeder = cmds.find((c) => POSIX_SHELLS.has(c.name) && c.redirects.some((r) => r.op.startsWith('<<')));
    const bodyOf = (off: number) => run.heredocs.find((h) => off >= h.bodySpan.start && off < h.bodySpan.end) ?? null;
    const runnerOf = (off: number): { exe: string; viaShell: boolean; body: Heredoc | null } => {
      const h = bodyOf(off);
      if (!h) return { exe: shellExe, viaShell: true, body: null };
      const sb = shebangShell(h.content);
      if (sb) return { exe: sb, viaShell: false, body: h };
      if (script.form === 'heredoc') return { exe: shellExe, viaShell: true, body: h };
      return { exe: feeder?.name ?? 'sh', viaShell: false, body: h };
    };

    if (pls.some((p) => p.cmds.slice(0, -1).some((c) => c.name === 'yes'))) return;
    let target: { p: Pipeline; left: ShCommand } | null = null;
    for (const p of pls) {
      const left = p.cmds.slice(0, -1).find((c) => !HARMLESS_LEFT.has(c.name));
      if (!left) continue;
      const first = p.cmds[0];
      const r = runnerOf(first.start);
      if (r.viaShell && shellProtects) continue;
      const guarded = cmds.some(
        (s) =>
          s.start < first.start && s.name === 'set' && !s.substitution && s.subshell <= first.subshell &&
          bodyOf(s.start) === r.body && setsPipefail(s.argv.map((w) => w.value)),
      );
      if (guarded) continue;
      target = { p, left };
      break;
    }
    if (!target || !target.left.opAfterSpan) return;

    const fixes: Fix[] = [];
    const onbuild = ins !== run;
    const runner = runnerOf(target.p.cmds[0].start);
    if (runner.viaShell && !onbuild) {
      const current = ctx.shell;
      const custom = current.length >= 2 && PIPEFAIL_SHELLS.has(basename(current[0])) && current[current.length - 1] === '-c';
      const sh = custom ? [current[0], '-o', 'pipefail', ...current.slice(1)] : [ctx.family === 'alpine' ? '/bin/ash' : '/bin/bash', '-o', 'pipefail', '-c'];
      const line = `SHELL [${sh.map((x) => JSON.stringify(x)).join(', ')}]`;
      const at = lineStart(ctx.source, ins.start);
      fixes.push({
        title: { en: `Insert \`${line}\` before this RUN`, ko: `이 RUN 앞에 \`${line}\` 넣기` },
        edits: [{ start: at, end: at, newText: indentOf(ctx.source, ins.start) + line + eolAt(ctx.source, ins.start) }],
        safe: false,
      });
    }
    const exe = runner.exe;
    const supports = PIPEFAIL_SHELLS.has(exe) || ((exe === 'sh' || exe === 'busybox') && ['alpine', 'rhel', 'suse'].includes(ctx.family));
    if (supports) {
      const at = insertionPoint(run, ctx.source, runner.body);
      if (at !== null) {
        fixes.push({
          title: { en: 'Start the script with `set -o pipefail`', ko: '스크립트를 `set -o pipefail`로 시작하기' },
          edits: [{ start: at.offset, end: at.offset, newText: at.heredoc ? 'set -o pipefail' + eolAt(ctx.source, at.offset) : 'set -o pipefail && ' }],
          safe: false,
        });
      }
    }

    const { p, left } = target;
    const last = p.cmds[p.cmds.length - 1];
    const pipeText = `${left.name} … | ${last.name}`;
    ctx.report({
      span: left.opAfterSpan!,
      message: {
        en: `Pipe without pipefail: the status of ${code(pipeText)} is that of ${code(last.name)}, so a failure of ${code(left.name)} is ignored; use a SHELL with \`-o pipefail\` or \`set -o pipefail\` first`,
        ko: `pipefail 없이 파이프를 쓰고 있습니다. ${code(pipeText)}의 종료 상태는 ${code(last.name)}의 상태이므로 ${code(left.name)}이(가) 실패해도 무시됩니다. \`-o pipefail\`이 있는 SHELL을 쓰거나 먼저 \`set -o pipefail\`을 실행하세요`,
      },
      fixes,
    });
  },
});

/** Where `set -o pipefail` goes: the start of the shell-form script, or of the heredoc body (after a shebang). */
function insertionPoint(run: Instruction, source: string, body: Heredoc | null): { offset: number; heredoc: boolean } | null {
  if (body) {
    let off = body.bodySpan.start;
    if (body.content.startsWith('#!')) {
      const nl = source.indexOf('\n', off);
      if (nl < 0 || nl >= body.bodySpan.end) return null;
      off = nl + 1;
    }
    return { offset: off, heredoc: true };
  }
  const cmd = run.command;
  if (!cmd || run.heredocs.length) return null;
  let off = cmd.span.start;
  while (off < cmd.span.end && (source[off] === ' ' || source[off] === '\t')) off++;
  return { offset: off, heredoc: false };
}
