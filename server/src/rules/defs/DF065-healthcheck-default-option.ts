//! HEALTHCHECK options set to their default value. Dockerfile reference, HEALTHCHECK:
//! --interval=30s, --timeout=30s, --start-period=0s, --start-interval=5s, --retries=3
//! (the defaults are also in instructionSpec's `defaultValue`). Durations are compared by value,
//! so `30000ms` or `0.5m` count as 30s. The option is stored in the image config only when it is
//! non-zero, and the daemon applies the same default when it is absent, so removing it is safe.
import { defineRule, type InstructionRuleContext } from '../defineRule';
import type { Flag, Instruction } from '../../syntax/nodes';
import { flagsOf, parseGoDuration } from '../../semantics/instructionSpec';

/** The HEALTHCHECK flags that have a default, with the default parsed as a duration (ms) once. */
const DEFAULTS = flagsOf('HEALTHCHECK')
  .filter((f) => f.defaultValue !== undefined)
  .map((spec) => ({ spec, ms: parseGoDuration(spec.defaultValue!) }));

function isDefault(f: Flag): string | null {
  const name = f.name.toLowerCase();
  const d = DEFAULTS.find((x) => x.spec.name === name);
  if (!d || f.value === null || f.value.includes('$')) return null;
  const spec = d.spec;
  const v = f.value.trim();
  if (spec.kind === 'int') return /^\+?0*\d+$/.test(v) && Number(v) === Number(spec.defaultValue) ? spec.defaultValue! : null;
  const ms = parseGoDuration(v);
  return ms !== null && d.ms !== null && Math.abs(ms - d.ms) < 1e-9 ? spec.defaultValue! : null;
}

/** The findings of one instruction (an ONBUILD and its trigger are checked apart). */
function check(i: Instruction, ctx: InstructionRuleContext): void {
  if (i.name !== 'HEALTHCHECK' || i.healthcheck?.type === 'NONE') return;
  for (const f of i.flags) {
    const def = isDefault(f);
    if (def === null) continue;
    let start = f.start;
    let end = f.end;
    while (end < ctx.source.length && (ctx.source[end] === ' ' || ctx.source[end] === '\t')) end++;
    // A flag alone on a continuation line: delete the whole line, not just the flag.
    let ls = f.start;
    while (ls > i.start && (ctx.source[ls - 1] === ' ' || ctx.source[ls - 1] === '\t')) ls--;
    if (ls > i.start && ctx.source[ls - 1] === '\n' && ctx.source[end] === i.escape) {
      let e = end + 1;
      while (e < ctx.source.length && (ctx.source[e] === ' ' || ctx.source[e] === '\t' || ctx.source[e] === '\r')) e++;
      if (ctx.source[e] === '\n') { start = ls; end = e + 1; }
    }
    const same = f.value!.trim() === def ? '' : ` (${f.value} = ${def})`;
    ctx.report({
      span: f,
      message: {
        en: `--${f.name}=${f.value} is the default${same}; remove it`,
        ko: `--${f.name}=${f.value}은(는) 기본값입니다${same}. 지워도 됩니다`,
      },
      fixes: [{ title: { en: `Remove --${f.name}`, ko: `--${f.name} 제거` }, edits: [{ start, end, newText: '' }], safe: true }],
    });
  }
}

export default defineRule({
  id: 'DF065',
  name: 'healthcheck-default-option',
  category: 'style',
  severity: 'hint',
  aliases: {},
  fixable: true,
  docs: {
    en: {
      title: 'HEALTHCHECK option repeats the default',
      rationale: 'The HEALTHCHECK defaults are --interval=30s, --timeout=30s, --start-period=0s, --start-interval=5s and --retries=3. Spelling a default out adds noise and hides the options that were really tuned; often it means the author meant a different value (a 30 s timeout is rarely intended).',
    },
    ko: {
      title: 'HEALTHCHECK 옵션이 기본값과 같습니다',
      rationale: 'HEALTHCHECK의 기본값은 --interval=30s, --timeout=30s, --start-period=0s, --start-interval=5s, --retries=3입니다. 기본값을 굳이 적으면 실제로 조정한 옵션이 눈에 덜 띕니다. 다른 값을 쓰려다 실수한 경우도 많습니다(30초 timeout을 의도하는 경우는 드뭅니다).',
    },
  },
  scope: 'instruction',
  on: ['HEALTHCHECK'],
  checkInstruction(ins, ctx) {
    check(ins, ctx);
    if (ins.trigger) check(ins.trigger, ctx);
  },
});
