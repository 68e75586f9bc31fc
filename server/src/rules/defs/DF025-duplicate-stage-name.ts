//! Two stages with the same `AS` name (BuildKit DuplicateStageName, hadolint DL3024). Names are
//! compared lower-cased, as BuildKit stores them. BuildKit resolves `COPY --from=<name>` to the
//! *last* stage of that name and `FROM <name>` to the latest one defined before it, so the
//! references silently point at different stages. Reported on every repeat, not the first.
import { defineRule } from '../defineRule';
import { lineNo, mapsDirectly, uniqueStageName } from '../util/images-stages';
import type { Stage } from '../../semantics/model';

export default defineRule({
  id: 'DF025',
  name: 'duplicate-stage-name',
  category: 'error',
  severity: 'error',
  aliases: { buildkit: ['DuplicateStageName'], hadolint: ['DL3024'] },
  fixable: true,
  docs: {
    en: {
      title: 'Duplicate stage name',
      rationale: 'Stage names must be unique (compared case-insensitively). With two `AS builder` stages, `COPY --from=builder` resolves to the last one while `FROM builder` resolves to the latest one before it, so references become ambiguous and easy to get wrong.',
    },
    ko: {
      title: '스테이지 이름 중복',
      rationale: '스테이지 이름은 대소문자 구분 없이 유일해야 합니다. `AS builder` 스테이지가 두 개 있으면 `COPY --from=builder`는 마지막 스테이지를, `FROM builder`는 그 줄 앞의 가장 가까운 스테이지를 가리키게 되어 참조가 모호해지고 실수하기 쉽습니다.',
    },
  },
  scope: 'file',
  reads: 'outline',
  check({ model, tree, report }) {
    const first = new Map<string, Stage>();
    for (const st of model.stages) {
      if (!st.name || !st.nameWord) continue;
      const prev = first.get(st.name);
      if (!prev) { first.set(st.name, st); continue; }
      const line = lineNo(tree, prev.from.start);
      const w = st.nameWord;
      const rename = uniqueStageName(model, `${st.name}-2`);
      report({
        span: { start: w.start, end: w.end },
        message: {
          en: `Duplicate stage name "${st.name}", stage names should be unique: it is already used on line ${line}`,
          ko: `스테이지 이름 "${st.name}"이(가) 중복됩니다. ${line}번째 줄에서 이미 쓰고 있으니 스테이지 이름은 서로 달라야 합니다`,
        },
        related: prev.nameWord ? [{ span: { start: prev.nameWord.start, end: prev.nameWord.end }, message: { en: `"${st.name}" first defined here`, ko: `"${st.name}"이(가) 처음 정의된 곳` } }] : [],
        fixes: mapsDirectly(w) ? [{ title: { en: `Rename this stage to '${rename}'`, ko: `이 스테이지 이름을 '${rename}'(으)로 바꾸기` }, edits: [{ start: w.start, end: w.end, newText: rename }], safe: false }] : [],
      });
    }
  },
});
