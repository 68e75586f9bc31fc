//! A COPY/ADD source that names nothing in the build context (typo, wrong directory, or a glob
//! that matches nothing) fails the build with "not found". Needs the scanned context.
import { defineRule } from '../defineRule';
import { contextSources } from '../util/contextSources';

export default defineRule({
  id: 'DF056',
  name: 'copy-source-not-found',
  category: 'correctness',
  severity: 'error',
  aliases: {},
  fixable: true,
  docs: {
    en: { title: 'COPY source not found in the build context', rationale: 'The source path does not exist in the build context (or the glob matches nothing), so the build stops with "not found". Usually a typo or a path relative to the wrong directory; the quick fix offers the closest existing path.' },
    ko: { title: '빌드 컨텍스트에 없는 COPY 원본', rationale: '원본 경로가 빌드 컨텍스트에 없거나 글롭이 아무것도 찾지 못해 빌드가 "not found"로 멈춥니다. 대개 오타이거나 다른 디렉터리 기준의 경로입니다. 빠른 수정이 가장 비슷한 실제 경로를 제안합니다.' },
  },
  scope: 'file',
  // Reads source values; a source's `word` settles its instruction (util/contextSources.ts).
  touches: 'none',
  // COPY/ADD outlines, ARG/ENV values and the build-context facts: kept across keystrokes in commands.
  reads: 'outline',
  check(ctx) {
    const facts = ctx.external.context;
    if (!facts) return;
    for (const s of contextSources(ctx.tree, ctx.model)) {
      const info = facts.sources[s.source];
      if (!info) continue;
      if (info.status === 'not-found') {
        const sug = info.suggestion;
        ctx.report({
          span: { start: s.word.start, end: s.word.end },
          message: {
            en: `"${s.source}" ${info.isGlob ? 'matches nothing' : 'does not exist'} in the build context (${facts.root})${sug ? `; did you mean "${sug}"?` : ''}`,
            ko: `"${s.source}"은(는) 빌드 컨텍스트(${facts.root})에 ${info.isGlob ? '일치하는 파일이 없습니다' : '없습니다'}${sug ? `. "${sug}"을(를) 의도했나요?` : ''}`,
          },
          fixes: sug && s.word.raw === s.word.value ? [{ title: { en: `Change to ${sug}`, ko: `${sug}(으)로 바꾸기` }, edits: [{ start: s.word.start, end: s.word.end, newText: sug }], safe: false }] : [],
        });
      } else if (info.status === 'invalid-pattern') {
        ctx.report({
          span: { start: s.word.start, end: s.word.end },
          message: { en: `"${s.source}" is not a valid path pattern; the build fails`, ko: `"${s.source}"은(는) 올바른 경로 패턴이 아니어서 빌드가 실패합니다` },
        });
      }
    }
  },
});
