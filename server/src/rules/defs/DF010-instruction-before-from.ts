//! Only ARG (plus comments and directives) may precede the first FROM; a file needs a FROM.
import { defineRule } from '../defineRule';

export default defineRule({
  id: 'DF010',
  name: 'instruction-before-from',
  category: 'error',
  severity: 'error',
  aliases: { hadolint: ['DL3061'] },
  fixable: false,
  docs: {
    en: { title: 'Instruction before the first FROM', rationale: 'A Dockerfile must start with FROM; only ARG, comments and parser directives may come before it. Without any FROM there is nothing to build.' },
    ko: { title: '첫 FROM보다 앞에 있는 명령어', rationale: 'Dockerfile은 FROM으로 시작해야 합니다. FROM 앞에는 ARG, 주석, 파서 지시어만 올 수 있습니다. FROM이 하나도 없으면 빌드할 것이 없습니다.' },
  },
  scope: 'file',
  touches: 'prelude',
  check(ctx) {
    let sawFrom = false;
    for (const ins of ctx.tree.instructions) {
      if (ins.name === 'FROM') { sawFrom = true; break; }
      if (ins.name === 'ARG' || !ins.known) continue;
      ctx.report({
        span: ins.keywordSpan,
        message: { en: `${ins.name} cannot come before the first FROM (only ARG can)`, ko: `${ins.name}은(는) 첫 FROM보다 앞에 올 수 없습니다 (ARG만 가능)` },
      });
    }
    if (!sawFrom && ctx.tree.instructions.some((i) => i.known)) {
      const first = ctx.tree.instructions[0];
      ctx.report({ span: first.keywordSpan, message: { en: 'The Dockerfile has no FROM instruction', ko: 'Dockerfile에 FROM 명령어가 없습니다' } });
    }
  },
});
