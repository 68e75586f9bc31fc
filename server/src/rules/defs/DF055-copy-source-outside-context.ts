//! `COPY ../shared /x`: nothing outside the build context can be copied. BuildKit silently
//! cleans the path (`../shared` → `shared`, relative to the context root); the classic builder
//! fails with "forbidden path outside the build context". Text-only: needs no file system.
import { defineRule } from '../defineRule';
import { normalizeCopySource } from '../../context/copySources';

export default defineRule({
  id: 'DF055',
  name: 'copy-source-outside-context',
  category: 'correctness',
  severity: 'warning',
  aliases: {},
  fixable: true,
  docs: {
    en: { title: 'COPY source outside the build context', rationale: 'The builder only sees the build context (the directory given to `docker build`). `COPY ../x` cannot reach outside it: BuildKit silently copies `x` from the context root instead, and the classic builder fails. Move the file into the context or build from a parent directory with `-f`.' },
    ko: { title: '빌드 컨텍스트 밖의 COPY 원본', rationale: '빌더는 빌드 컨텍스트(`docker build`에 넘긴 디렉터리)만 볼 수 있습니다. `COPY ../x`로 그 밖에 닿을 수 없습니다. BuildKit은 말없이 컨텍스트 루트의 `x`를 복사하고, 예전 빌더는 실패합니다. 파일을 컨텍스트 안으로 옮기거나 상위 디렉터리를 컨텍스트로 하고 `-f`로 Dockerfile을 지정하세요.' },
  },
  scope: 'instruction',
  on: ['COPY', 'ADD'],
  checkInstruction(ins0, ctx) {
    const ins = ins0.name === 'ONBUILD' && ins0.trigger ? ins0.trigger : ins0;
    if (ins.name !== 'COPY' && ins.name !== 'ADD') return;
    if (ins.flags.some((f) => f.name.toLowerCase() === 'from')) return;
    // The sources: every word before the last one (the destination), heredoc markers aside.
    const args = ins.args;
    let dest = args.length - 1;
    while (dest >= 0 && args[dest].raw.startsWith('<<')) dest--;
    for (let k = 0; k < dest; k++) {
      const w = args[k];
      // Only a `..` element can climb out of the context.
      if (w.raw.startsWith('<<') || !w.value.includes('..')) continue;
      if (/^([a-z][a-z0-9+.-]*:\/\/|git@)/i.test(w.value)) continue;
      const n = normalizeCopySource(w.value);
      if (!n.outside) continue;
      const cleaned = n.normalized === '' ? '.' : n.normalized;
      ctx.report({
        span: { start: w.start, end: w.end },
        message: {
          en: `"${w.value}" points outside the build context; BuildKit copies "${cleaned}" from the context root instead (the classic builder fails)`,
          ko: `"${w.value}"는 빌드 컨텍스트 밖을 가리킵니다. BuildKit은 대신 컨텍스트 루트의 "${cleaned}"을(를) 복사합니다(예전 빌더는 실패합니다)`,
        },
        fixes: w.raw === w.value ? [{ title: { en: `Use "${cleaned}" (what BuildKit copies from the context root)`, ko: `"${cleaned}" 사용하기 (BuildKit이 컨텍스트 루트에서 복사하는 경로)` }, edits: [{ start: w.start, end: w.end, newText: cleaned }], safe: false }] : [],
      });
    }
  },
});
