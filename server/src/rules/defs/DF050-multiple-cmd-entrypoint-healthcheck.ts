//! More than one CMD, ENTRYPOINT or HEALTHCHECK in a stage: only the last one takes effect
//! (BuildKit MultipleInstructionsDisallowed, reported on the earlier, ignored instruction;
//! hadolint DL4003/DL4004/DL3012). `HEALTHCHECK … CMD` does not count as a CMD.
//! ONBUILD triggers are grouped separately: only the last `ONBUILD CMD` wins downstream too.
import { defineRule } from '../defineRule';
import type { Instruction } from '../../syntax/nodes';
import { lineOfOffset } from '../../syntax/lineIndex';
import { deleteInstructionLines } from '../util/instructionSemantics';

const NAMES = new Set(['CMD', 'ENTRYPOINT', 'HEALTHCHECK']);

export default defineRule({
  id: 'DF050',
  name: 'multiple-cmd-entrypoint-healthcheck',
  category: 'correctness',
  severity: 'warning',
  aliases: { buildkit: ['MultipleInstructionsDisallowed'], hadolint: ['DL4003', 'DL4004', 'DL3012'] },
  fixable: true,
  tags: ['unnecessary'],
  docs: {
    en: {
      title: 'Only the last CMD, ENTRYPOINT or HEALTHCHECK of a stage takes effect',
      rationale: 'A stage keeps a single CMD, ENTRYPOINT and HEALTHCHECK: each one replaces the previous, so the earlier instructions are dead code that misleads readers (often a leftover from debugging or a copy-paste). BuildKit warns on the ignored instruction.',
    },
    ko: {
      title: '스테이지에서는 마지막 CMD, ENTRYPOINT, HEALTHCHECK만 적용됩니다',
      rationale: '한 스테이지에는 CMD, ENTRYPOINT, HEALTHCHECK가 하나씩만 남습니다. 뒤의 것이 앞의 것을 덮어쓰므로 앞쪽 명령어는 아무 효과 없이 읽는 사람만 헷갈리게 합니다(디버깅 흔적이나 복사·붙여넣기 실수인 경우가 많습니다). BuildKit도 무시되는 명령어에 경고를 냅니다.',
    },
  },
  scope: 'file',
  perStage: true,
  citesLines: true,
  check({ tree, model, report }) {
    for (const st of model.stages) {
      const groups = new Map<string, { outer: Instruction; ins: Instruction }[]>();
      for (const outer of st.instructions) {
        const ins = outer.name === 'ONBUILD' && outer.trigger ? outer.trigger : outer;
        if (!NAMES.has(ins.name)) continue;
        const key = (ins === outer ? '' : 'ONBUILD ') + ins.name;
        let g = groups.get(key);
        if (!g) groups.set(key, (g = []));
        g.push({ outer, ins });
      }
      for (const [key, g] of groups) {
        if (g.length < 2) continue;
        const winner = g[g.length - 1];
        const winnerLine = lineOfOffset(tree.lineStarts, winner.outer.start) + 1;
        for (const { outer, ins } of g.slice(0, -1)) {
          const stageLabel = st.name ? `stage "${st.name}"` : `stage ${st.index}`;
          const stageLabelKo = st.name ? `"${st.name}" 스테이지` : `${st.index}번 스테이지`;
          report({
            span: { start: outer.keywordSpan.start, end: ins.keywordSpan.end },
            message: {
              en: `this ${key} is ignored: the ${key} on line ${winnerLine} replaces it (only the last ${key} of ${stageLabel} takes effect)`,
              ko: `이 ${key}는 무시됩니다. ${winnerLine}번째 줄의 ${key}가 덮어씁니다(${stageLabelKo}에서는 마지막 ${key}만 적용됩니다)`,
            },
            related: [{ span: { start: winner.outer.keywordSpan.start, end: winner.ins.keywordSpan.end }, message: { en: `the ${key} that takes effect`, ko: `실제로 적용되는 ${key}` } }],
            fixes: [{
              title: { en: `Delete the ignored ${key}`, ko: `무시되는 ${key} 삭제` },
              edits: [deleteInstructionLines(tree, outer)],
              safe: true,
            }],
          });
        }
      }
    }
  },
});
