//! The final stage never sets USER (neither itself nor a stage it is built `FROM`), so the
//! container runs as the base image's user, which is root for almost all images (Trivy DS002).
//! Bases that already run unprivileged are skipped: `:nonroot` tags (distroless), images named
//! `*-unprivileged`/`*rootless*`, Bitnami and Chainguard images (non-root by default), and
//! Windows images (USER means something else there).
//! The fix is a snippet: create a system user and switch to it before CMD/ENTRYPOINT (or at the
//! end); for scratch/distroless bases there is no shell, so it is a numeric `USER 10001:10001`.
import { defineRule, type Fix } from '../defineRule';
import type { Instruction } from '../../syntax/nodes';
import { describeImageRef } from '../../docs/images';
import { appendLines, insertLinesBefore, stageChain } from '../util/instructionSemantics';

function runsUnprivileged(familiarName: string, tag: string | null): boolean {
  const t = (tag ?? '').toLowerCase();
  const n = familiarName.toLowerCase();
  if (/(^|[-_.])(nonroot|non-root)([-_.]|$)/.test(t)) return true;
  if (/unprivileged|rootless|nonroot/.test(n)) return true;
  if (n.startsWith('bitnami/') || n.startsWith('cgr.dev/chainguard/')) return true;
  return false;
}

export default defineRule({
  id: 'DF063',
  name: 'no-non-root-user',
  category: 'security',
  severity: 'info',
  aliases: {},
  fixable: true,
  docs: {
    en: {
      title: 'The final stage never switches to a non-root user',
      rationale: 'Without a USER instruction the container runs as the base image\'s user, which is root for nearly every image. A process compromised through the application then has root inside the container, which makes escapes and tampering with mounted files much easier. Create an unprivileged user and switch to it.',
    },
    ko: {
      title: '최종 스테이지가 root가 아닌 사용자로 바꾸지 않습니다',
      rationale: 'USER 명령어가 없으면 컨테이너는 베이스 이미지의 사용자로 실행되는데, 거의 모든 이미지에서 그것은 root입니다. 애플리케이션을 통해 프로세스가 탈취되면 컨테이너 안에서 root 권한을 갖게 되어 탈출이나 마운트된 파일 변조가 훨씬 쉬워집니다. 권한 없는 사용자를 만들어 그 사용자로 바꾸세요.',
    },
  },
  scope: 'file',
  touches: 'final',
  check({ tree, model, report }) {
    const final = model.stages[model.stages.length - 1];
    if (!final) return;
    const chain = stageChain(final);
    if (chain.some((st) => st.instructions.some((i) => i.name === 'USER'))) return;
    const root = chain[chain.length - 1];
    const image = root.image ?? root.imageRaw;
    if (!image) return;
    const ref = describeImageRef(image);
    if (ref.hasVariables && root.image === null) return; // base chosen at build time: cannot tell
    if (ref.family === 'windows' || runsUnprivileged(ref.familiarName, ref.tag)) return;

    const noShell = ref.family === 'scratch' || ref.family === 'distroless';
    const lines = noShell
      ? ['USER 10001:10001']
      : ref.family === 'alpine'
        ? ['RUN adduser -D -u 10001 app', 'USER app']
        : ['RUN useradd -r -u 10001 app', 'USER app'];
    const startCmd: Instruction | undefined = final.instructions.find((i) => i.name === 'CMD' || i.name === 'ENTRYPOINT');
    const fix: Fix = {
      title: { en: `Add ${lines.join(' + ')}`, ko: `${lines.join(' + ')} 추가` },
      edits: [startCmd ? insertLinesBefore(tree, startCmd, lines) : appendLines(tree, lines)],
      safe: false,
    };
    const fromWord = final.from.from?.image ?? final.from.keywordSpan;
    const imageShown = final === root ? image : `${final.imageRaw} → ${image}`;
    report({
      span: { start: final.from.keywordSpan.start, end: fromWord.end },
      message: {
        en: `the final stage (FROM ${imageShown}) has no USER instruction, so the container runs as the base image's user, usually root; add an unprivileged user and USER`,
        ko: `최종 스테이지(FROM ${imageShown})에 USER 명령어가 없어 컨테이너가 베이스 이미지의 사용자, 보통 root로 실행됩니다. 권한 없는 사용자를 만들고 USER로 바꾸세요`,
      },
      fixes: [fix],
    });
  },
});
