//! SHELL accepts only the JSON (exec) form.
import { defineRule } from '../defineRule';

export default defineRule({
  id: 'DF013',
  name: 'shell-not-json',
  category: 'error',
  severity: 'error',
  aliases: {},
  fixable: true,
  docs: {
    en: { title: 'SHELL must use JSON form', rationale: 'SHELL takes a JSON array such as `SHELL ["/bin/bash", "-c"]`; BuildKit rejects the shell form.' },
    ko: { title: 'SHELL은 JSON 형식이어야 합니다', rationale: 'SHELL에는 `SHELL ["/bin/bash", "-c"]`처럼 JSON 배열을 써야 합니다. 셸 형식은 BuildKit이 거부합니다.' },
  },
  scope: 'instruction',
  on: ['SHELL'],
  checkInstruction(ins, ctx) {
    for (const i of ins.trigger ? [ins, ins.trigger] : [ins]) {
      if (i.name !== 'SHELL' || !i.command || i.argsSpan === null) continue;
      const c = i.command;
      if (c.form === 'exec') {
        if (c.json.length === 0) ctx.report({ span: c.span, message: { en: 'SHELL requires at least one argument', ko: 'SHELL에는 인자가 최소 하나 필요합니다' } });
        continue;
      }
      if (c.jsonProblem === 'not-strings') continue; // DF000
      const words = c.text.trim().split(/\s+/);
      const json = '[' + words.map((w) => JSON.stringify(w)).join(', ') + ']';
      ctx.report({
        span: c.span,
        message: { en: 'SHELL requires the arguments to be in JSON form', ko: 'SHELL의 인자는 JSON 배열 형식이어야 합니다' },
        fixes: c.span.end - c.span.start === c.text.length && !c.text.trim().startsWith('[')
          ? [{ title: { en: `Convert to ${json}`, ko: `${json}(으)로 바꾸기` }, edits: [{ ...c.span, newText: json }], safe: true }]
          : [],
      });
    }
  },
});
