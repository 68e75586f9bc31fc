//! Empty lines inside a continued instruction (BuildKit NoEmptyContinuation; will become an error).
import { defineRule } from '../defineRule';

export default defineRule({
  id: 'DF009',
  name: 'empty-continuation-line',
  category: 'correctness',
  severity: 'warning',
  aliases: { buildkit: ['NoEmptyContinuation'] },
  fixable: true,
  docs: {
    en: { title: 'Empty line inside a continued instruction', rationale: 'An empty line after a line ending in `\\` is skipped today, with a warning; BuildKit plans to make it an error. Comment lines are allowed.' },
    ko: { title: '이어지는 명령어 안의 빈 줄', rationale: '`\\`로 끝나는 줄 다음의 빈 줄은 지금은 경고와 함께 무시되지만, BuildKit은 이를 오류로 바꿀 예정입니다. 주석 줄은 괜찮습니다.' },
  },
  scope: 'instruction',
  checkInstruction(ins, ctx) {
    for (const e of ins.emptyContinuationLines) {
      let end = e.end;
      if (ctx.source[end] === '\r') end++;
      if (ctx.source[end] === '\n') end++;
      ctx.report({
        span: e,
        message: { en: 'Empty continuation line: remove it (BuildKit NoEmptyContinuation)', ko: '이어지는 명령어 안에 빈 줄이 있습니다. 지워 주세요 (BuildKit NoEmptyContinuation)' },
        fixes: [{ title: { en: 'Delete the empty line', ko: '빈 줄 삭제' }, edits: [{ start: e.start, end, newText: '' }], safe: true }],
      });
    }
  },
});
