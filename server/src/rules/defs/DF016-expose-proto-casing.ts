//! EXPOSE protocol not lowercase (BuildKit ExposeProtoCasing).
import { defineRule } from '../defineRule';

export default defineRule({
  id: 'DF016',
  name: 'expose-proto-casing',
  category: 'style',
  severity: 'hint',
  aliases: { buildkit: ['ExposeProtoCasing'] },
  fixable: true,
  docs: {
    en: { title: 'Lowercase the EXPOSE protocol', rationale: 'Protocols are written in lowercase (`80/tcp`); BuildKit warns about other casings.' },
    ko: { title: 'EXPOSE 프로토콜은 소문자로', rationale: '프로토콜은 `80/tcp`처럼 소문자로 씁니다. 다른 대소문자는 BuildKit이 경고합니다.' },
  },
  scope: 'instruction',
  on: ['EXPOSE'],
  checkInstruction(ins, ctx) {
    if (ins.name !== 'EXPOSE') return;
    for (const a of ins.args) {
      const slash = a.raw.lastIndexOf('/');
      if (slash < 0) continue;
      const proto = a.raw.slice(slash + 1);
      if (!proto || proto === proto.toLowerCase() || proto.includes('$')) continue;
      const span = { start: a.start + slash + 1, end: a.end };
      ctx.report({
        span,
        message: { en: `Defined protocol '${proto}' in EXPOSE should be lowercase`, ko: `EXPOSE의 프로토콜 '${proto}'은(는) 소문자로 써야 합니다` },
        fixes: a.end - a.start === a.raw.length ? [{ title: { en: `Change to ${proto.toLowerCase()}`, ko: `${proto.toLowerCase()}(으)로 바꾸기` }, edits: [{ ...span, newText: proto.toLowerCase() }], safe: true }] : [],
      });
    }
  },
});
