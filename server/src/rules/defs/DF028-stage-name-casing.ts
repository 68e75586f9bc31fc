//! `FROM alpine AS BuilderBase` (BuildKit StageNameCasing): stage names should be lowercase.
//! BuildKit lower-cases the name, and `FROM BuilderBase` later fails because FROM looks stages
//! up case-sensitively (moby/buildkit#2003). The fix lower-cases the name and every reference
//! (`FROM`, `COPY --from=`, `RUN --mount from=`), unlike docker-language-server's fix which
//! only changes the FROM line.
import { defineRule } from '../defineRule';
import { lineNo, renameStageEdits } from '../util/images-stages';

const VALID = /^[a-z][a-z0-9\-_.]*$/;

export default defineRule({
  id: 'DF028',
  name: 'stage-name-casing',
  category: 'style',
  severity: 'warning',
  aliases: { buildkit: ['StageNameCasing'] },
  fixable: true,
  docs: {
    en: {
      title: 'Stage name is not lowercase',
      rationale: 'BuildKit lower-cases stage names. Writing them in lowercase keeps them distinct from instruction keywords and avoids a real failure: `FROM BuilderBase` after `AS BuilderBase` is looked up case-sensitively and fails as an image name (moby/buildkit#2003). The fix renames the stage and all its references.',
    },
    ko: {
      title: '스테이지 이름이 소문자가 아님',
      rationale: 'BuildKit은 스테이지 이름을 소문자로 바꿔 저장합니다. 소문자로 쓰면 명령어 키워드와 구분하기 쉽고 실제 오류도 막을 수 있습니다. `AS BuilderBase` 뒤의 `FROM BuilderBase`는 대소문자를 구분해 찾기 때문에 이미지 이름으로 처리되어 실패합니다(moby/buildkit#2003). 빠른 수정은 스테이지 이름과 모든 참조를 함께 바꿉니다.',
    },
  },
  scope: 'file',
  reads: 'outline',
  check({ model, tree, report }) {
    for (const st of model.stages) {
      const w = st.nameWord;
      if (!st.name || !w || w.value === st.name || !VALID.test(st.name)) continue;
      const edits = renameStageEdits(model, st, st.name);
      const refs = edits.length - 1;
      const failing = model.stages.find((s) => s.parent === st && s.from.from?.image && s.from.from.image.value !== st.name);
      const fw = failing?.from.from?.image?.value;
      const message = failing
        ? {
          en: `Stage name '${w.value}' should be lowercase: BuildKit stores it as '${st.name}', so 'FROM ${fw}' on line ${lineNo(tree, failing.from.start)} fails as an image name (moby/buildkit#2003)`,
          ko: `스테이지 이름 '${w.value}'은(는) 소문자로 써야 합니다. BuildKit은 이를 '${st.name}'(으)로 저장하므로 ${lineNo(tree, failing.from.start)}번째 줄의 'FROM ${fw}'는 이미지 이름으로 처리되어 실패합니다(moby/buildkit#2003)`,
        }
        : {
          en: `Stage name '${w.value}' should be lowercase: BuildKit stores it as '${st.name}', and a later 'FROM ${w.value}' would fail (moby/buildkit#2003)`,
          ko: `스테이지 이름 '${w.value}'은(는) 소문자로 써야 합니다. BuildKit은 이를 '${st.name}'(으)로 저장하므로 뒤에서 'FROM ${w.value}'로 참조하면 실패합니다(moby/buildkit#2003)`,
        };
      report({
        span: { start: w.start, end: w.end },
        message,
        fixes: edits.length ? [{
          title: refs > 0
            ? { en: `Rename to '${st.name}' and update ${refs} reference${refs > 1 ? 's' : ''}`, ko: `'${st.name}'(으)로 바꾸고 참조 ${refs}곳도 수정` }
            : { en: `Rename to '${st.name}'`, ko: `'${st.name}'(으)로 바꾸기` },
          edits,
          safe: true,
        }] : [],
      });
    }
  },
});
