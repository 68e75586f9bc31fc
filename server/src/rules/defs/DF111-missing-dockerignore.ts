//! `COPY . .` with no `.dockerignore`: the whole directory — `.git`, `node_modules`, `.env` —
//! is sent to the builder and baked into the image.
import { defineRule } from '../defineRule';
import { contextSources } from '../util/contextSources';
import { appendToIgnore } from '../util/contextFacts';

export const DEFAULT_IGNORE = ['.git', 'node_modules', '.env', '*.log', 'Dockerfile*', '.dockerignore'];

export default defineRule({
  id: 'DF111',
  name: 'missing-dockerignore',
  category: 'performance',
  severity: 'info',
  aliases: {},
  fixable: true,
  docs: {
    en: { title: 'Whole context copied without .dockerignore', rationale: '`COPY . .` or `ADD .` without a `.dockerignore` sends everything to the builder and into the image: `.git`, `node_modules`, local `.env` secrets, logs. Builds get slower and images leak files. The fix creates a `.dockerignore` with the usual entries.' },
    ko: { title: '.dockerignore 없이 컨텍스트 전체 복사', rationale: '`.dockerignore` 없이 `COPY . .`이나 `ADD .`을 쓰면 `.git`, `node_modules`, 로컬 `.env` 비밀 값, 로그까지 모두 빌더로 보내고 이미지에 들어갑니다. 빌드가 느려지고 파일이 새어 나갑니다. 빠른 수정이 흔히 쓰는 항목으로 `.dockerignore`를 만듭니다.' },
  },
  scope: 'file',
  // Reads source values; a source's `word` settles its instruction (util/contextSources.ts).
  touches: 'none',
  // COPY/ADD outlines, ARG/ENV values and the build-context facts: kept across keystrokes in commands.
  reads: 'outline',
  check(ctx) {
    const facts = ctx.external.context;
    if (!facts || facts.ignorePath) return;
    for (const s of contextSources(ctx.tree, ctx.model)) {
      const info = facts.sources[s.source];
      if (!info || !info.isRoot) continue;
      const extra = facts.heavy.map((h) => h.suggestedPattern).filter((p) => !DEFAULT_IGNORE.includes(p));
      ctx.report({
        span: { start: s.word.start, end: s.word.end },
        message: {
          en: `"${s.word.value}" copies the whole build context (${info.files} files), and there is no .dockerignore to keep out .git, node_modules or secrets`,
          ko: `"${s.word.value}"는 빌드 컨텍스트 전체(파일 ${info.files}개)를 복사하는데, .git, node_modules, 비밀 파일을 막아 줄 .dockerignore가 없습니다`,
        },
        fixes: [appendToIgnore(facts, [...DEFAULT_IGNORE, ...extra], { en: 'Create .dockerignore with the usual entries', ko: '흔히 쓰는 항목으로 .dockerignore 만들기' })],
      });
      return; // once per file
    }
  },
});
