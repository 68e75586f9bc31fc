//! `FROM alpine AS scratch` / `AS context` (BuildKit ReservedStageName, hadolint DL3063):
//! `scratch` is the empty base image and `context` the build context name, so a stage with one
//! of these names makes `FROM scratch` / `--from=context` mean something else than readers expect.
import { defineRule } from '../defineRule';
import { lineNo, renameStageEdits, uniqueStageName } from '../util/images-stages';

const RESERVED = ['scratch', 'context'];

export default defineRule({
  id: 'DF027',
  name: 'reserved-stage-name',
  category: 'correctness',
  severity: 'warning',
  aliases: { buildkit: ['ReservedStageName'], hadolint: ['DL3063'] },
  fixable: true,
  docs: {
    en: {
      title: 'Reserved stage name',
      rationale: '`scratch` is the built-in empty image and `context` names the build context. A stage called `scratch` makes a later `FROM scratch` build on that stage instead of the empty image, which readers (and tools) do not expect.',
    },
    ko: {
      title: '예약된 스테이지 이름',
      rationale: '`scratch`는 내장된 빈 이미지이고 `context`는 빌드 컨텍스트를 가리키는 이름입니다. 스테이지 이름을 `scratch`로 지으면 뒤에 나오는 `FROM scratch`가 빈 이미지가 아니라 그 스테이지를 기반으로 하게 되어, 읽는 사람과 도구가 예상하지 못한 동작을 합니다.',
    },
  },
  scope: 'file',
  reads: 'outline',
  check({ model, tree, report }) {
    for (const st of model.stages) {
      if (!st.name || !st.nameWord || !RESERVED.includes(st.name)) continue;
      const w = st.nameWord;
      const rename = uniqueStageName(model, `${st.name}-stage`);
      const edits = renameStageEdits(model, st, rename);
      const meaning = st.name === 'scratch'
        ? { en: "'scratch' is the empty base image", ko: "'scratch'는 빈 베이스 이미지 이름입니다" }
        : { en: "'context' is the name of the build context", ko: "'context'는 빌드 컨텍스트를 가리키는 이름입니다" };
      const child = model.stages.find((s) => s.parent === st);
      const note = st.name === 'scratch' && child
        ? { en: `; 'FROM scratch' on line ${lineNo(tree, child.from.start)} builds on this stage, not on the empty image`, ko: ` ${lineNo(tree, child.from.start)}번째 줄의 'FROM scratch'는 빈 이미지가 아니라 이 스테이지를 기반으로 합니다` }
        : { en: '', ko: '' };
      report({
        span: { start: w.start, end: w.end },
        message: {
          en: `Stage name should not use the same name as reserved stage "${st.name}": ${meaning.en}${note.en}`,
          ko: `스테이지 이름으로 예약어 "${st.name}"을(를) 쓰면 안 됩니다. ${meaning.ko}.${note.ko}`,
        },
        fixes: edits.length ? [{ title: { en: `Rename the stage to '${rename}' (and its references)`, ko: `스테이지 이름을 '${rename}'(으)로 바꾸기(참조 포함)` }, edits, safe: false }] : [],
      });
    }
  },
});
