//! COPY of something `.dockerignore` excludes: it is not in the context, so the build fails
//! (BuildKit CopyIgnoredFile, extended: points at the pattern line and understands `!`
//! exceptions, which BuildKit's check skips). Fix: add a `!path` exception.
import { defineRule } from '../defineRule';
import { contextSources } from '../util/contextSources';
import { appendToIgnore, baseName, fileUri } from '../util/contextFacts';

export default defineRule({
  id: 'DF057',
  name: 'copy-ignored-file',
  category: 'correctness',
  severity: 'warning',
  aliases: { buildkit: ['CopyIgnoredFile'] },
  fixable: true,
  docs: {
    en: { title: 'COPY source excluded by .dockerignore', rationale: 'Files excluded by `.dockerignore` are never sent to the builder, so copying them fails with "not found". The diagnostic links to the pattern that excluded the file; the fix adds a `!path` exception after it (the last matching line wins).' },
    ko: { title: '.dockerignore가 제외한 COPY 원본', rationale: '`.dockerignore`로 제외된 파일은 빌더에 전달되지 않으므로 복사하면 "not found"로 실패합니다. 진단은 파일을 제외한 패턴으로 연결되고, 빠른 수정은 그 뒤에 `!경로` 예외를 추가합니다(마지막으로 일치한 줄이 이깁니다).' },
  },
  scope: 'file',
  // Reads source values; a source's `word` settles its instruction (util/contextSources.ts).
  touches: 'none',
  // COPY/ADD outlines, ARG/ENV values and the build-context facts: kept across keystrokes in commands.
  reads: 'outline',
  check(ctx) {
    const facts = ctx.external.context;
    if (!facts || !facts.ignorePath) return;
    const ignoreName = baseName(facts.ignorePath);
    for (const s of contextSources(ctx.tree, ctx.model)) {
      const info = facts.sources[s.source];
      if (!info || info.status !== 'excluded' || !info.excludedBy) continue;
      const by = info.excludedBy;
      ctx.report({
        span: { start: s.word.start, end: s.word.end },
        message: {
          en: `"${s.source}" is excluded by ${ignoreName} line ${by.line + 1} ("${by.text}"), so it is not in the build context`,
          ko: `"${s.source}"은(는) ${ignoreName} ${by.line + 1}번째 줄("${by.text}")에서 제외되어 빌드 컨텍스트에 없습니다`,
        },
        related: [{ span: { start: 0, end: 0 }, uri: fileUri(facts.ignorePath), line: by.line, message: { en: `excluded by "${by.text}"`, ko: `"${by.text}" 패턴이 제외함` } }],
        fixes: info.normalized ? [appendToIgnore(facts, ['!' + info.normalized], { en: `Add "!${info.normalized}" to ${ignoreName}`, ko: `${ignoreName}에 "!${info.normalized}" 추가하기` })] : [],
      });
    }
  },
});
