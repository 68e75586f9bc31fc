//! `cd` in RUN (hadolint DL3003, downgraded to information). WORKDIR is the explicit way to set
//! the working directory, and it carries over to the next instructions. Relaxed after hadolint
//! #422 and the §2.4 evidence ("scoped `cd` inside one RUN is fine"): a `cd` inside a subshell
//! `( … )` or `$( … )`, inside `if`/loops, to a computed target (`cd "$dir"`, `cd -`), or in a
//! stage with a single RUN is not reported.
//! Fix (unsafe: WORKDIR also applies to every later instruction of the stage, and creates the
//! directory): a leading `cd X && rest` becomes `WORKDIR X` + `RUN rest`.
import { defineRule, type Fix } from '../defineRule';
import { commandScript, positionals, shellKind, type ShCommand } from '../../shell/commands';
import type { Instruction } from '../../syntax/nodes';
import { stageFamily } from '../stageFacts';
import { code, eolAt, indentOf, lineStart, runOf, skipBlanksAndContinuations } from '../util/runShell';

function eligible(c: ShCommand): boolean {
  if (c.name !== 'cd' || c.subshell > 0 || c.substitution || c.compound) return false;
  const pos = positionals(c);
  if (pos.length !== 1) return false;
  const t = pos[0];
  return !t.expansion && t.value !== '-' && !t.value.startsWith('~');
}

export default defineRule({
  id: 'DF070',
  name: 'run-cd',
  category: 'style',
  severity: 'info',
  aliases: { hadolint: ['DL3003'] },
  fixable: true,
  docs: {
    en: {
      title: 'Prefer WORKDIR to cd in RUN',
      rationale: 'A `cd` in RUN lasts only for that step, so the next RUN starts again in the WORKDIR, which is easy to forget; WORKDIR states the directory once and applies to RUN, CMD, ENTRYPOINT, COPY and ADD. A `cd` that is meant to be scoped is fine: inside a subshell `( cd x && make )`, in a loop or condition, to a computed directory, or in a stage with a single RUN is not reported.',
    },
    ko: {
      title: 'RUN 안의 cd 대신 WORKDIR을 쓰세요',
      rationale: 'RUN 안의 `cd`는 그 단계에서만 유효해서 다음 RUN은 다시 WORKDIR에서 시작하는데, 이를 잊기 쉽습니다. WORKDIR은 디렉터리를 한 번 명시하고 RUN, CMD, ENTRYPOINT, COPY, ADD에 모두 적용됩니다. 범위를 일부러 좁힌 `cd`는 괜찮습니다. 서브셸 `( cd x && make )`, 반복문이나 조건문 안, 계산된 디렉터리로의 이동, RUN이 하나뿐인 스테이지는 보고하지 않습니다.',
    },
  },
  scope: 'file',
  perStage: true,
  check({ tree, model, report }) {
    for (const st of model.stages) {
      let runs = 0;
      for (const x of st.instructions) if (x.name === 'RUN') runs++;
      if (runs <= 1 || stageFamily(st) === 'windows') continue;
      for (const ins of st.instructions) checkRun(ins);
    }

    function checkRun(ins: Instruction) {
      const run = runOf(ins);
      if (!run || !run.command || run.command.form === 'exec') return;
      const script = commandScript(ins, tree.text);
      if (!script) return;
      const cmds = script.commands;
      const c = cmds.find(eligible);
      if (!c || shellKind(model.shellOf(ins)) !== 'posix') return;
      const target = positionals(c)[0];
      const dir = target.value;
      const fixes: Fix[] = [];
      const first = cmds.find((x) => !x.substitution);
      if (
        first === c && c.opAfter === '&&' && c.opAfterSpan && c.argv.length === 2 && c.words.length === 2 &&
        !c.assigns.length && !c.redirects.length && !run.heredocs.length && script.form === 'shell' &&
        /^[A-Za-z0-9_./@+:-]+$/.test(target.raw)
      ) {
        const next = skipBlanksAndContinuations(tree.text, c.opAfterSpan.end, run.end, ins.escape);
        if (next > 0) {
          const at = lineStart(tree.text, ins.start);
          const prefix = ins !== run ? 'ONBUILD ' : '';
          fixes.push({
            title: { en: `Move \`cd ${dir}\` into \`WORKDIR ${dir}\``, ko: `\`cd ${dir}\`를 \`WORKDIR ${dir}\`로 옮기기` },
            edits: [
              { start: at, end: at, newText: `${indentOf(tree.text, ins.start)}${prefix}WORKDIR ${dir}${eolAt(tree.text, ins.start)}` },
              { start: c.words[0].start, end: next, newText: '' },
            ],
            safe: false,
          });
        }
      }
      report({
        span: { start: c.words[0].start, end: target.end },
        message: {
          en: `${code('cd ' + dir)} changes the directory for this RUN only; prefer ${code('WORKDIR ' + dir)}, or scope it in a subshell \`( cd ${dir} && … )\``,
          ko: `${code('cd ' + dir)}는 이 RUN 안에서만 디렉터리를 바꿉니다. ${code('WORKDIR ' + dir)}을 쓰거나 서브셸 \`( cd ${dir} && … )\`로 범위를 드러내세요`,
        },
        fixes,
      });
    }
  },
});
