//! STOPSIGNAL with an unknown signal (moby's signal.ParseSignal: name with or without SIG, or a number).
import { defineRule } from '../defineRule';
import { SIGNALS } from '../../semantics/instructionSpec';

export function isValidSignal(v: string): boolean {
  if (/^\d+$/.test(v)) return Number(v) > 0 && Number(v) <= 64;
  const name = v.toUpperCase().replace(/^SIG/, '');
  if (SIGNALS.includes(name)) return true;
  const rt = /^RTM(IN|AX)([+-])(\d+)$/.exec(name);
  return !!rt && Number(rt[3]) <= 30;
}

export default defineRule({
  id: 'DF017',
  name: 'invalid-stopsignal',
  category: 'error',
  severity: 'error',
  aliases: {},
  fixable: false,
  docs: {
    en: { title: 'Unknown stop signal', rationale: 'STOPSIGNAL takes a signal name such as SIGTERM or SIGINT, or a signal number; Docker rejects anything else when the container is stopped.' },
    ko: { title: '알 수 없는 종료 시그널', rationale: 'STOPSIGNAL에는 SIGTERM, SIGINT 같은 시그널 이름이나 번호를 씁니다. 그 밖의 값은 Docker가 받아들이지 않습니다.' },
  },
  scope: 'instruction',
  on: ['STOPSIGNAL'],
  checkInstruction(ins, ctx) {
    if (ins.name !== 'STOPSIGNAL' || ins.args.length === 0) return;
    const a = ins.args[0];
    if (a.value.includes('$') || isValidSignal(a.value)) return;
    ctx.report({ span: a, message: { en: `Invalid signal: ${a.value}`, ko: `올바르지 않은 시그널입니다: ${a.value} (예: SIGTERM, SIGINT, SIGQUIT)` } });
  },
});
