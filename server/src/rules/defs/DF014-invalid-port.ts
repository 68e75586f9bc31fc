//! EXPOSE with a port outside 0–65535, a bad range, or an unknown protocol.
import { defineRule, type InstructionRuleContext } from '../defineRule';
import type { Instruction } from '../../syntax/nodes';

export const EXPOSE_PROTOCOLS = ['tcp', 'udp', 'sctp'];

/** The findings of one instruction (an ONBUILD and its trigger are checked apart). */
function check(i: Instruction, ctx: InstructionRuleContext): void {
  if (i.name !== 'EXPOSE') return;
  for (const a of i.args) {
    const v = a.value;
    if (v.includes('$') || v.includes(':')) continue; // variables; host mappings are DF015
    const m = /^(\d+)(?:-(\d+))?(?:\/(\w+))?$/.exec(v);
    const bad = (en: string, ko: string) => ctx.report({ span: a, message: { en, ko } });
    if (!m) { bad(`Invalid containerPort: ${v}`, `EXPOSE 값 ${v}은(는) 올바른 포트가 아닙니다`); continue; }
    const p1 = Number(m[1]);
    const p2 = m[2] !== undefined ? Number(m[2]) : p1;
    if (p1 > 65535 || p2 > 65535) { bad(`Port ${v} is outside 0-65535`, `포트 ${v}이(가) 0~65535 범위를 벗어납니다`); continue; }
    if (p2 < p1) { bad(`Invalid range ${v}: end is before start`, `포트 범위 ${v}의 끝이 시작보다 작습니다`); continue; }
    if (m[3] && !EXPOSE_PROTOCOLS.includes(m[3].toLowerCase())) bad(`Invalid proto: ${m[3]} (expected tcp, udp or sctp)`, `프로토콜 ${m[3]}은(는) 쓸 수 없습니다 (tcp, udp, sctp 중 하나)`);
  }
}

export default defineRule({
  id: 'DF014',
  name: 'invalid-port',
  category: 'error',
  severity: 'error',
  aliases: { hadolint: ['DL3011'] },
  fixable: false,
  docs: {
    en: { title: 'Invalid port or protocol', rationale: 'EXPOSE takes `port[/protocol]` or `start-end[/protocol]` with ports 0–65535 and the protocols tcp, udp or sctp.' },
    ko: { title: '잘못된 포트 또는 프로토콜', rationale: 'EXPOSE에는 `포트[/프로토콜]` 또는 `시작-끝[/프로토콜]`을 쓰며, 포트는 0~65535, 프로토콜은 tcp, udp, sctp만 됩니다.' },
  },
  scope: 'instruction',
  on: ['EXPOSE'],
  checkInstruction(ins, ctx) {
    check(ins, ctx);
    if (ins.trigger) check(ins.trigger, ctx);
  },
});
