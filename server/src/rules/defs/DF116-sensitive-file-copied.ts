//! COPY that puts secrets into the image: `.env`, private keys (`id_rsa`, `*.pem`, `*.key`),
//! `.npmrc`/`.pypirc` with tokens, cloud credentials (`.aws/`, `.ssh/`). Anything copied stays
//! in the image history even if a later layer deletes it.
import { defineRule } from '../defineRule';
import { contextSources } from '../util/contextSources';
import { appendToIgnore, baseName } from '../util/contextFacts';

export default defineRule({
  id: 'DF116',
  name: 'sensitive-file-copied',
  category: 'security',
  severity: 'warning',
  aliases: {},
  fixable: true,
  docs: {
    en: { title: 'Secrets copied into the image', rationale: 'This COPY puts files that usually hold secrets (`.env`, `id_rsa`, `*.pem`, `.npmrc`, `.aws/`) into a layer. Anyone who can pull the image can read them, even if a later instruction deletes them. Exclude them in `.dockerignore` and pass secrets at build time with `RUN --mount=type=secret`.' },
    ko: { title: '비밀 파일이 이미지에 복사됨', rationale: '이 COPY는 보통 비밀 값이 담긴 파일(`.env`, `id_rsa`, `*.pem`, `.npmrc`, `.aws/`)을 레이어에 넣습니다. 나중에 지워도 이미지를 받을 수 있는 사람은 누구나 읽을 수 있습니다. `.dockerignore`로 제외하고 빌드 중 비밀 값은 `RUN --mount=type=secret`으로 전달하세요.' },
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
      const files = facts.sensitive[s.source];
      if (!files || !files.length) continue;
      const shown = files.slice(0, 3).join(', ') + (files.length > 3 ? ', …' : '');
      const name = facts.ignorePath ? baseName(facts.ignorePath) : '.dockerignore';
      // Named explicitly: ignoring it would only break the COPY; the secret should come from a secret mount.
      const explicit = files.length === 1 && files[0] === facts.sources[s.source]?.normalized;
      ctx.report({
        span: { start: s.word.start, end: s.word.end },
        message: explicit
          ? { en: `"${s.word.value}" puts a secret into an image layer; pass it at build time with RUN --mount=type=secret instead`, ko: `"${s.word.value}"는 비밀 파일을 이미지 레이어에 넣습니다. 대신 빌드 중에 RUN --mount=type=secret으로 전달하세요` }
          : { en: `"${s.word.value}" copies files that usually hold secrets into the image: ${shown}`, ko: `"${s.word.value}"가 보통 비밀 값이 담긴 파일을 이미지에 복사합니다: ${shown}` },
        fixes: explicit ? [] : [appendToIgnore(facts, files, { en: `Add ${files.length === 1 ? files[0] : `these ${files.length} files`} to ${name}`, ko: `${name}에 ${files.length === 1 ? files[0] : `파일 ${files.length}개`} 추가하기` })],
      });
    }
  },
});
