//! COPY/ADD with several sources must copy into a directory (destination ending in `/`).
import { defineRule } from '../defineRule';

export default defineRule({
  id: 'DF019',
  name: 'multi-source-dest-not-dir',
  category: 'portability',
  severity: 'error',
  aliases: { hadolint: ['DL3021'] },
  fixable: true,
  docs: {
    en: { title: 'Several sources need a directory destination', rationale: 'With more than one source the destination must be a directory ending in `/` (Dockerfile reference, COPY). The classic builder fails; BuildKit\'s result depends on what exists at the destination.' },
    ko: { title: '원본이 여러 개면 대상은 디렉토리여야 합니다', rationale: '원본이 둘 이상이면 대상은 `/`로 끝나는 디렉토리여야 합니다(Dockerfile 레퍼런스, COPY). 기존 빌더는 실패하고, BuildKit은 대상 경로에 무엇이 있느냐에 따라 결과가 달라집니다.' },
  },
  scope: 'instruction',
  on: ['COPY', 'ADD'],
  checkInstruction(ins, ctx) {
    if (ins.name !== 'COPY' && ins.name !== 'ADD') return;
    if (ins.args.length < 3) return;
    const dest = ins.args[ins.args.length - 1];
    const d = dest.value;
    if (d.endsWith('/') || d === '.' || d === '..' || d.endsWith('/.') || d.includes('$') || d.startsWith('#')) return;
    if (ins.args.some((a) => a.value === '#')) return; // DF068 explains the real problem
    // In exec (JSON) form the slash goes inside the closing quote.
    const exec = ins.argsText.trimStart().startsWith('[') && dest.raw.length >= 2 && dest.raw.startsWith('"') && dest.raw.endsWith('"');
    ctx.report({
      span: dest,
      message: {
        en: `When using ${ins.name} with more than one source file, the destination must be a directory and end with a /`,
        ko: `${ins.name}에 원본이 여러 개면 대상은 /로 끝나는 디렉토리여야 합니다`,
      },
      fixes: [{ title: { en: `Change destination to ${d}/`, ko: `대상을 ${d}/(으)로 바꾸기` }, edits: [{ start: exec ? dest.end - 1 : dest.end, end: exec ? dest.end - 1 : dest.end, newText: '/' }], safe: true }],
    });
  },
});
