//! `COPY --from=builder / /` (hadolint DL3067): copies the whole filesystem of another stage —
//! its OS, toolchain and caches — into this one. Not reported when the source stage is built
//! `FROM scratch` (directly or through its parents): copying such an "export" stage whole is
//! the usual way to collect build outputs. Images (`--from=nginx:1.27`) are not reported.
import { defineRule } from '../defineRule';
import { lineNo, refSites, resolveRef, rootImage } from '../util/images-stages';

function isRoot(p: string): boolean {
  // Cheap rejection first (runs for every COPY --from source): the root is `/`, `/.`, `/*`, `//`, …
  if (p.length > 8 || (p[0] !== '/' && p[0] !== '.')) return false;
  const n = p.replace(/\/+/g, '/').replace(/(^|\/)\.(?=\/|$)/g, '$1').replace(/\/+/g, '/');
  return n === '/' || n === '/*';
}

export default defineRule({
  id: 'DF032',
  name: 'copy-whole-fs-from-stage',
  category: 'performance',
  severity: 'warning',
  aliases: { hadolint: ['DL3067'] },
  fixable: false,
  docs: {
    en: {
      title: 'COPY copies the whole filesystem of a stage',
      rationale: '`COPY --from=builder / /` drags the builder\'s entire OS, compilers, package caches and sources into the final image, undoing the point of a multi-stage build (and may overwrite the final base\'s own files). Copy only the build output, e.g. `COPY --from=builder /app/bin/server /usr/local/bin/`. Stages built `FROM scratch` are exempt: they contain only what was put there.',
    },
    ko: {
      title: '스테이지의 파일 시스템 전체를 COPY함',
      rationale: '`COPY --from=builder / /`는 빌더 스테이지의 OS, 컴파일러, 패키지 캐시, 소스까지 모두 최종 이미지로 가져와 멀티 스테이지 빌드의 의미를 없애고, 최종 베이스 이미지의 파일을 덮어쓸 수도 있습니다. `COPY --from=builder /app/bin/server /usr/local/bin/`처럼 빌드 결과만 복사하세요. `FROM scratch`로 만든 스테이지는 넣은 파일만 있으므로 예외입니다.',
    },
  },
  scope: 'file',
  reads: 'outline',
  check({ model, tree, report }) {
    for (const site of refSites(model)) {
      if (site.kind !== 'copy') continue;
      const r = resolveRef(model, site);
      if (r.kind !== 'stage' || r.relation === 'self') continue;
      const root = rootImage(r.stage);
      if (root !== null && root.toLowerCase() === 'scratch') continue;
      const args = site.ins.args;
      if (args.length < 2) continue;
      const src = args.slice(0, -1).find((w) => isRoot(w.value));
      if (!src) continue;
      const label = r.stage.name ?? String(r.stage.index);
      const base = root ? ` (based on ${root})` : '';
      const baseKo = root ? `(${root} 기반)` : '';
      report({
        span: { start: src.start, end: src.end },
        message: {
          en: `'COPY --from=${site.value} ${src.value}' copies the whole filesystem of stage '${label}'${base}, line ${lineNo(tree, r.stage.from.start)}: its OS, toolchain and caches end up in this image; copy only the files you need`,
          ko: `'COPY --from=${site.value} ${src.value}'는 ${lineNo(tree, r.stage.from.start)}번째 줄의 스테이지 '${label}'${baseKo}의 파일 시스템 전체를 복사합니다. 그 OS와 툴체인, 캐시까지 이 이미지에 들어오니 필요한 파일만 복사하세요`,
        },
      });
    }
  },
});
