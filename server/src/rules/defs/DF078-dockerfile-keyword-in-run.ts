//! A Dockerfile instruction written inside a RUN's shell script: `RUN a && RUN b`,
//! `RUN make && COPY out /dst`, or a doubled `RUN RUN x` (hadolint #760: the linter passes it).
//! The shell looks for a program called `RUN`/`COPY` and the step fails with "not found".
//! Only upper-case instruction names written unquoted as a command word are reported (no Linux
//! program has such a name), after `&&`, `||`, `;`, or as the first word of the script.
//! Fix: split at the operator into a separate instruction line (safe after `&&` when the command
//! is plain: not in a subshell/`if`/substitution, no comment in between, and for `RUN` no
//! flags to carry over); a doubled `RUN RUN` loses its second `RUN` (safe).
import { defineRule, type Fix } from '../defineRule';
import { KNOWN_INSTRUCTIONS } from '../../syntax/nodes';
import { code, eolAt, indentOf, posixRunScript, runOf } from '../util/runShell';

const KEYWORDS = new Set<string>(KNOWN_INSTRUCTIONS.map((k) => k.toUpperCase()));

export default defineRule({
  id: 'DF078',
  name: 'dockerfile-keyword-in-run',
  category: 'correctness',
  severity: 'error',
  aliases: {},
  fixable: true,
  docs: {
    en: {
      title: 'Dockerfile instruction inside a RUN command',
      rationale: 'Everything after `RUN` is one shell script, so in `RUN apt-get update && RUN apt-get install -y curl` the shell tries to run a program called `RUN` and the build fails with "RUN: not found" (or, after `||`, silently skips it). The same happens with `&& COPY …`, `&& ENV …` and a doubled `RUN RUN`. Each instruction must start its own line.',
    },
    ko: {
      title: 'RUN 명령 안에 Dockerfile 명령어가 들어 있습니다',
      rationale: '`RUN` 뒤의 내용은 모두 하나의 셸 스크립트입니다. 그래서 `RUN apt-get update && RUN apt-get install -y curl`에서 셸은 `RUN`이라는 프로그램을 실행하려다 "RUN: not found" 오류로 빌드가 실패합니다(`||` 뒤라면 조용히 건너뜁니다). `&& COPY …`, `&& ENV …`, `RUN RUN`처럼 두 번 쓴 경우도 마찬가지입니다. 명령어는 각각 새 줄에서 시작해야 합니다.',
    },
  },
  scope: 'instruction',
  on: ['RUN'],
  checkInstruction(ins, ctx) {
    const run = runOf(ins);
    if (!run || !run.command || run.command.form === 'exec') return;
    const script = posixRunScript(ins, ctx);
    if (!script) return;
    const cmds = script.commands;
    const src = ctx.source;
    for (let i = 0; i < cmds.length; i++) {
      const c = cmds[i];
      // A keyword is never a wrapper (`sudo`, `env`…), so it is also the command's name.
      if (!KEYWORDS.has(c.name)) continue;
      const w = c.words[0];
      if (!w || c.assigns.length || w.quoted || w.expansion || !KEYWORDS.has(w.raw)) continue;
      if (c.opBefore === '|' || c.opBefore === '|&' || c.opBefore === '&' || c.opBefore === '\n') continue;
      const kw = w.raw;
      const fixes: Fix[] = [];
      const plain = !c.substitution && !c.compound && c.subshell === 0 && run.heredocs.length === 0 && script.form === 'shell';
      if (c.opBefore === null) {
        // `RUN RUN x` / `RUN COPY a b`: only the first command of the script.
        const first = cmds.findIndex((x) => !x.substitution) === i;
        if (!first || !plain) continue;
        if (kw === 'RUN') {
          let end = w.end;
          while (src[end] === ' ' || src[end] === '\t') end++;
          fixes.push({ title: { en: 'Remove the doubled `RUN`', ko: '두 번 쓴 `RUN` 지우기' }, edits: [{ start: w.start, end, newText: '' }], safe: true });
        } else if (c.opAfter === null && run.flags.length === 0) {
          fixes.push({
            title: { en: `Make this a ${kw} instruction`, ko: `${kw} 명령으로 바꾸기` },
            edits: [{ start: run.keywordSpan.start, end: w.start, newText: '' }],
            safe: false,
          });
        }
        ctx.report({
          span: { start: w.start, end: w.end },
          message: {
            en: `${code(kw)} is written after RUN, so the shell runs a program called ${code(kw)} and the step fails with "${kw}: not found"`,
            ko: `RUN 뒤에 ${code(kw)}를 써서 셸이 ${code(kw)}라는 프로그램을 실행하려 하고, 이 단계는 "${kw}: not found" 오류로 실패합니다`,
          },
          fixes,
        });
        continue;
      }
      // After an operator: split into its own instruction line.
      let p = i - 1;
      while (p >= 0 && cmds[p].substitution) p--;
      const prev = p >= 0 ? cmds[p] : null;
      if (plain && prev && prev.opAfter === c.opBefore && c.opBefore !== '||' && (kw === 'RUN' || c.opAfter === null)) {
        const between = src.slice(prev.end, w.start);
        if (!between.includes('#')) {
          const prefix = ins !== run ? 'ONBUILD ' : '';
          fixes.push({
            title: { en: `Split \`${kw}\` into a separate instruction`, ko: `\`${kw}\`를 별도의 명령으로 나누기` },
            edits: [{ start: prev.end, end: w.start, newText: eolAt(src, ins.start) + indentOf(src, ins.start) + prefix }],
            safe: c.opBefore === '&&' && (kw !== 'RUN' || run.flags.length === 0),
          });
        }
      }
      const op = c.opBefore!;
      ctx.report({
        span: { start: w.start, end: w.end },
        message: {
          en: `${code(kw)} after ${code(op)} is part of the RUN's shell script, not a new instruction: the shell looks for a program called ${code(kw)}${op === '||' ? ' (only when the previous command fails)' : ' and the step fails with "' + kw + ': not found"'}; start a new line with ${code(kw)}`,
          ko: `${code(op)} 뒤의 ${code(kw)}는 새 명령이 아니라 RUN 셸 스크립트의 일부입니다. 셸은 ${code(kw)}라는 프로그램을 찾으므로 ${op === '||' ? '앞 명령이 실패하면 오류가 납니다' : '"' + kw + ': not found" 오류로 실패합니다'}. ${code(kw)}는 새 줄에서 시작하세요`,
        },
        fixes,
      });
    }
  },
});
