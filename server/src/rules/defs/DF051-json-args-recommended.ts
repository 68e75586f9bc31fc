//! Shell-form CMD/ENTRYPOINT (BuildKit JSONArgsRecommended, hadolint DL3025). With shell form
//! the container's PID 1 is `/bin/sh -c`, which does not forward SIGTERM to the program.
//! Docker's build-check page: "the executable runs as a child process to a shell, which doesn't pass
//! signals" (docs.docker.com/reference/build-checks/json-args-recommended).
//! BuildKit stays quiet when the image config has a Shell (a SHELL instruction), see
//! buildkit frontend/dockerfile/dockerfile2llb/convert.go dispatchCmd/dispatchEntrypoint.
import { defineRule, type Fix } from '../defineRule';
import { hasShellInstruction, instructionsBefore } from '../util/instructionSemantics';
import { singleQuotedJson } from './DF005-exec-form-single-quotes';

/** Shell keywords and builtins that have no executable, so exec form could not run them. */
const SHELL_ONLY = new Set([
  '.', ':', '!', 'break', 'continue', 'eval', 'exit', 'export', 'readonly', 'return', 'set', 'shift', 'times',
  'trap', 'unset', 'cd', 'alias', 'unalias', 'umask', 'ulimit', 'wait', 'read', 'source', 'local', 'type',
  'command', 'hash', 'jobs', 'fg', 'bg', 'getopts', 'if', 'then', 'else', 'elif', 'fi', 'case', 'esac', 'for',
  'while', 'until', 'do', 'done', 'function', 'select', 'time', 'declare', 'typeset', 'let', 'builtin',
]);

/**
 * The exec-form words for a shell-form command made of plain words only, or null when the text
 * uses any shell syntax (expansion, quoting, operators, globs, redirection, comments, escapes).
 * A leading `exec` is dropped: `sh -c "exec x"` and `["x"]` run the same process as PID 1.
 */
export function plainWords(text: string): string[] | null {
  const t = text.trim();
  if (!t) return null;
  if (/[$`'"|&;<>*?[\]~(){}#\n\r\\!]/.test(t)) return null;
  let words = t.split(/[ \t]+/);
  if (words[0] === 'exec') words = words.slice(1);
  if (!words.length) return null;
  if (SHELL_ONLY.has(words[0])) return null;
  if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(words[0])) return null; // `FOO=1 node x` sets env through the shell
  return words;
}

export function execForm(words: string[]): string {
  return '[' + words.map((w) => JSON.stringify(w)).join(', ') + ']';
}

export default defineRule({
  id: 'DF051',
  name: 'json-args-recommended',
  category: 'correctness',
  severity: 'warning',
  aliases: { buildkit: ['JSONArgsRecommended'], hadolint: ['DL3025'] },
  fixable: true,
  docs: {
    en: {
      title: 'Use exec (JSON) form for CMD and ENTRYPOINT',
      rationale: 'In shell form the command runs as `/bin/sh -c "…"`, so PID 1 is the shell: `docker stop` sends SIGTERM to `sh`, which does not forward it, and the container is killed after the timeout. Exec form (`CMD ["node", "server.js"]`) runs the program directly. Not reported when the stage sets SHELL, as BuildKit does.',
    },
    ko: {
      title: 'CMD와 ENTRYPOINT는 exec(JSON) 형식으로 쓰세요',
      rationale: '셸 형식은 `/bin/sh -c "…"`로 실행되므로 PID 1이 셸이 됩니다. `docker stop`의 SIGTERM이 `sh`에게 가고 프로그램에는 전달되지 않아, 제한 시간이 지나면 컨테이너가 강제로 종료됩니다. exec 형식(`CMD ["node", "server.js"]`)은 프로그램을 직접 실행합니다. BuildKit처럼 스테이지에 SHELL이 설정되어 있으면 보고하지 않습니다.',
    },
  },
  scope: 'file',
  perStage: true,
  check({ tree, model, report }) {
    for (const outer of tree.instructions) {
      const ins = outer.name === 'ONBUILD' && outer.trigger ? outer.trigger : outer;
      if (ins.name !== 'CMD' && ins.name !== 'ENTRYPOINT') continue;
      const cmd = ins.command;
      if (!cmd || cmd.form !== 'shell' || !cmd.text.trim()) continue;
      if (cmd.jsonProblem === 'not-strings') continue; // a build error, reported elsewhere
      if (cmd.jsonProblem === 'invalid-json' && singleQuotedJson(cmd.text) !== null) continue; // DF005 explains it
      if (!model.stageOf(outer)) continue; // before FROM: DF010
      if (hasShellInstruction(model, outer)) continue;

      const words = plainWords(cmd.text);
      const program = words ? words[0] : cmd.text.trim().split(/\s+/)[0];
      const fixes: Fix[] = [];
      if (words && ins.comments.every((c) => c.end <= cmd.span.start || c.start >= cmd.span.end)) {
        // Behaviour changes when CMD and ENTRYPOINT combine: an exec-form ENTRYPOINT receives CMD as
        // arguments (shell-form ENTRYPOINT ignores them), and a shell-form CMD reaches an ENTRYPOINT
        // as `/bin/sh -c "…"`. Keep the fix safe only when no such partner is visible.
        let safe = ins === outer;
        if (safe) {
          const st = model.stageOf(outer)!;
          if (ins.name === 'ENTRYPOINT') {
            safe = !st.instructions.some((x) => x.name === 'CMD');
          } else {
            const before = instructionsBefore(model, outer);
            const after = st.instructions.filter((x) => x.start > outer.start);
            safe = ![...before, ...after].some((x) => x.name === 'ENTRYPOINT');
          }
        }
        fixes.push({
          title: { en: 'Convert to exec form', ko: 'exec 형식으로 바꾸기' },
          edits: [{ start: cmd.span.start, end: cmd.span.end, newText: execForm(words) }],
          safe,
        });
      }
      const hasExec = /^exec[ \t]/.test(cmd.text.trim());
      const suggestion = words ? ` ${ins.name} ${execForm(words)}` : '';
      report({
        span: cmd.span,
        message: hasExec
          ? {
              en: `${ins.name} uses shell form: \`${program}\` starts under \`/bin/sh -c\` and relies on \`exec\` to become PID 1; exec form${suggestion || ` (${ins.name} ["executable", "arg", …])`} runs it directly`,
              ko: `${ins.name} 명령이 셸 형식입니다. \`${program}\` 프로그램은 \`/bin/sh -c\` 아래에서 시작되어 \`exec\`에 기대어 PID 1이 됩니다. exec 형식${suggestion || `(${ins.name} ["실행 파일", "인자", …])`}으로 쓰면 바로 실행됩니다`,
            }
          : {
              en: `${ins.name} uses shell form: \`${program}\` runs as a child of \`/bin/sh -c\`, which does not pass signals such as SIGTERM; use exec form${suggestion || ` (${ins.name} ["executable", "arg", …])`}`,
              ko: `${ins.name} 명령이 셸 형식입니다. \`${program}\` 프로그램이 \`/bin/sh -c\`의 자식 프로세스로 실행되는데, 셸은 SIGTERM 같은 시그널을 전달하지 않습니다. exec 형식${suggestion || `(${ins.name} ["실행 파일", "인자", …])`}으로 쓰세요`,
            },
        fixes,
      });
    }
  },
});
