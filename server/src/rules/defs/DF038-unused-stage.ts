//! A stage that nothing uses (new rule): it is not the last stage, and no other stage names it
//! in `FROM`, `COPY --from=` or `RUN --mount=…,from=` (by name or index). BuildKit only builds
//! the stages the target needs, so such a stage is skipped by a plain `docker build` — dead
//! code, or a stage meant for `--target` that deserves a comment. References through variables
//! count as uses of every stage they could name (`FROM build_${TARGETARCH}` uses `build_amd64`
//! and `build_arm64`); forward references count too, since BuildKit resolves them.
import { defineRule } from '../defineRule';
import type { Stage } from '../../semantics/model';
import { expandFrom, fromImages, refSites, wildcardPattern } from '../util/images-stages';

export default defineRule({
  id: 'DF038',
  name: 'unused-stage',
  category: 'performance',
  severity: 'hint',
  aliases: {},
  fixable: false,
  tags: ['unnecessary'],
  docs: {
    en: {
      title: 'Stage is never used',
      rationale: 'BuildKit builds only the stages the final (or `--target`) stage depends on. A stage that is not the last one and is never referenced by `FROM`, `COPY --from` or `RUN --mount from=` is skipped by a plain `docker build`: either dead code to delete, or a stage meant to be built with `--target <name>`.',
    },
    ko: {
      title: '쓰이지 않는 스테이지',
      rationale: 'BuildKit은 마지막 스테이지(또는 `--target`으로 고른 스테이지)에 필요한 스테이지만 빌드합니다. 마지막 스테이지도 아니고 `FROM`, `COPY --from`, `RUN --mount from=` 어디에서도 참조하지 않는 스테이지는 평범한 `docker build`에서 건너뜁니다. 지워도 되는 죽은 코드이거나, `--target <이름>`으로만 빌드하려는 스테이지입니다.',
    },
  },
  scope: 'file',
  reads: 'outline',
  check({ model, report }) {
    const stages = model.stages;
    if (stages.length < 2) return;
    const used = new Set<Stage>([stages[stages.length - 1]]);
    const byName = new Map<string, Stage[]>();
    for (const s of stages) if (s.name) { const l = byName.get(s.name); if (l) l.push(s); else byName.set(s.name, [s]); }
    const markName = (name: string, from: Stage | null, onlyEarlier: boolean) => {
      for (const s of byName.get(name.toLowerCase()) ?? []) if (s !== from && (!onlyEarlier || !from || s.index < from.index)) used.add(s);
    };
    const markPattern = (re: RegExp, from: Stage | null, onlyEarlier: boolean, indexes: boolean) => {
      for (const s of stages) {
        if (s === from || (onlyEarlier && from && s.index >= from.index)) continue;
        if ((s.name && re.test(s.name)) || (indexes && re.test(String(s.index)))) used.add(s);
      }
    };
    for (const st of stages) if (st.parent && st.parent !== st) used.add(st.parent);
    for (const { stage: st, word: w } of fromImages(model)) {
      if (!w.value.includes('$')) { markName(w.value, st, true); continue; }
      const e = expandFrom(model, w.value, false);
      if (!e.undeclared.length && !e.unset.length && !e.runtime.length) markName(e.value, st, true);
      else markPattern(wildcardPattern(w.value), st, true, false);
    }
    for (const site of refSites(model)) {
      const own = model.stageOf(site.ins);
      let v = site.value;
      if (v.includes('$')) v = model.expand(v, site.ins);
      if (v.includes('$')) { markPattern(wildcardPattern(v), own, false, site.kind === 'copy'); continue; }
      if (/^\d+$/.test(v)) {
        const s = stages[Number(v)];
        if (s && s !== own && site.kind === 'copy') used.add(s);
        continue;
      }
      markName(v, own, false);
    }
    for (const st of stages) {
      if (used.has(st)) continue;
      const w = st.nameWord;
      if (st.name && w) {
        report({
          span: { start: w.start, end: w.end },
          message: {
            en: `Stage '${st.name}' is never used (no FROM, --from or from= names it) and is not the last stage: 'docker build' skips it unless given '--target ${st.name}'`,
            ko: `스테이지 '${st.name}'은(는) 쓰이지 않습니다(FROM, --from, from= 어디서도 참조하지 않음). 마지막 스테이지도 아니라서 '--target ${st.name}' 없이는 'docker build'가 건너뜁니다`,
          },
        });
      } else {
        const img = st.from.from?.image;
        const span = img ? { start: img.start, end: img.end } : st.from.keywordSpan;
        const what = st.imageRaw ?? '';
        report({
          span: { start: span.start, end: span.end },
          message: {
            en: `Stage ${st.index} (FROM ${what}) is never used: it has no name, no --from=${st.index} refers to it and it is not the last stage, so BuildKit skips it`,
            ko: `${st.index}번 스테이지(FROM ${what})는 쓰이지 않습니다. 이름이 없고 --from=${st.index}로 참조하는 곳도 없으며 마지막 스테이지도 아니어서 BuildKit이 건너뜁니다`,
          },
        });
      }
    }
  },
});
