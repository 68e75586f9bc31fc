//! `COPY --from=<this stage>` (hadolint DL3023): a stage cannot copy from itself; BuildKit stops
//! with "circular dependency detected on stage: <name>" (dockerfile2llb/convert.go). Covers the
//! stage name (any casing), its numeric index and `RUN --mount=…,from=<this stage>`.
import { defineRule } from '../defineRule';
import { lineNo, refSites, resolveRef } from '../util/images-stages';

export default defineRule({
  id: 'DF031',
  name: 'copy-from-self',
  category: 'error',
  severity: 'error',
  aliases: { hadolint: ['DL3023'] },
  fixable: false,
  docs: {
    en: {
      title: '--from refers to its own stage',
      rationale: 'A stage cannot copy from, or mount, the stage that is being built: BuildKit stops with "circular dependency detected on stage". Usually the stage name was copied from the previous stage\'s COPY line, or stages were reordered.',
    },
    ko: {
      title: '--from이 자기 스테이지를 가리킴',
      rationale: '빌드 중인 스테이지 자신에서 복사하거나 마운트할 수는 없습니다. BuildKit은 "circular dependency detected on stage" 오류로 멈춥니다. 대개 앞 스테이지의 COPY 줄을 복사해 오면서 이름을 그대로 두었거나 스테이지 순서를 바꾼 경우입니다.',
    },
  },
  scope: 'file',
  reads: 'outline',
  check({ model, tree, report }) {
    for (const site of refSites(model)) {
      const r = resolveRef(model, site);
      if (r.kind !== 'stage' || r.relation !== 'self') continue;
      const st = r.stage;
      const label = st.name ?? `stage-${st.index}`;
      const flag = site.kind === 'copy' ? `--from=${site.value}` : `from=${site.value}`;
      report({
        span: site.reportSpan,
        message: {
          en: `'${flag}' refers to the stage it is in ('${label}', started on line ${lineNo(tree, st.from.start)}): BuildKit fails with "circular dependency detected on stage: ${label}"`,
          ko: `'${flag}'는 자신이 속한 스테이지('${label}', ${lineNo(tree, st.from.start)}번째 줄에서 시작)를 가리킵니다. BuildKit은 "circular dependency detected on stage: ${label}" 오류로 실패합니다`,
        },
      });
    }
  },
});
