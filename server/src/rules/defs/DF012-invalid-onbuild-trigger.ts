//! ONBUILD ONBUILD / ONBUILD FROM / ONBUILD MAINTAINER are rejected by BuildKit.
import { defineRule } from '../defineRule';

export default defineRule({
  id: 'DF012',
  name: 'invalid-onbuild-trigger',
  category: 'error',
  severity: 'error',
  aliases: { hadolint: ['DL3043'] },
  fixable: false,
  docs: {
    en: { title: 'Invalid ONBUILD trigger', rationale: 'ONBUILD cannot trigger ONBUILD, FROM or MAINTAINER; BuildKit fails with "… isn\'t allowed as an ONBUILD trigger".' },
    ko: { title: '잘못된 ONBUILD 트리거', rationale: 'ONBUILD 뒤에는 ONBUILD, FROM, MAINTAINER를 쓸 수 없습니다. BuildKit이 "… isn\'t allowed as an ONBUILD trigger" 오류를 냅니다.' },
  },
  scope: 'instruction',
  on: ['ONBUILD'],
  checkInstruction(ins, ctx) {
    const t = ins.trigger;
    if (ins.name !== 'ONBUILD' || !t) return;
    if (t.name === 'ONBUILD') {
      ctx.report({ span: t.keywordSpan, message: { en: 'Chaining ONBUILD via `ONBUILD ONBUILD` isn\'t allowed', ko: '`ONBUILD ONBUILD`처럼 ONBUILD를 연달아 쓸 수 없습니다' } });
    } else if (t.name === 'FROM' || t.name === 'MAINTAINER') {
      ctx.report({ span: t.keywordSpan, message: { en: `${t.name} isn't allowed as an ONBUILD trigger`, ko: `${t.name}은(는) ONBUILD 트리거로 쓸 수 없습니다` } });
    }
  },
});
