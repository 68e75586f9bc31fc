//! Unknown flag on an instruction, or unknown key inside RUN --mount, with did-you-mean.
import { defineRule, type Fix, type InstructionRuleContext } from '../defineRule';
import type { Instruction } from '../../syntax/nodes';
import { flagsOf, MOUNT_KEYS, mountKey, parseMountValue } from '../../semantics/instructionSpec';
import { suggest } from '../suggest';

/** The findings of one instruction (an ONBUILD and its trigger are checked apart). */
function check(i: Instruction, ctx: InstructionRuleContext): void {
  if (!i.known || i.flags.length === 0) return;
  const specs = flagsOf(i.name);
  for (const f of i.flags) {
    const name = f.name.toLowerCase();
    const spec = specs.find((s) => s.name === name);
    if (!spec) {
      const s = suggest(f.name, specs.map((x) => x.name), true);
      const fixes: Fix[] = [];
      if (s) fixes.push({ title: { en: `Change flag name to --${s}`, ko: `플래그 이름을 --${s}(으)로 바꾸기` }, edits: [{ ...f.nameSpan, newText: s }], safe: true });
      let rmEnd = f.end;
      while (rmEnd < ctx.source.length && (ctx.source[rmEnd] === ' ' || ctx.source[rmEnd] === '\t')) rmEnd++;
      fixes.push({ title: { en: `Remove unrecognized flag --${f.name}`, ko: `알 수 없는 플래그 --${f.name} 제거` }, edits: [{ start: f.start, end: rmEnd, newText: '' }], safe: false });
      ctx.report({
        span: f.nameSpan.end > f.nameSpan.start ? { start: f.start, end: f.nameSpan.end } : f,
        message: {
          en: `unknown flag: --${f.name}${s ? ` (did you mean ${s}?)` : ''}${specs.length === 0 ? ` (${i.name} takes no flags)` : ''}`,
          ko: `알 수 없는 플래그입니다: --${f.name}${s ? ` (--${s}의 오타인가요?)` : ''}${specs.length === 0 ? ` (${i.name}에는 플래그가 없습니다)` : ''}`,
        },
        fixes,
      });
      continue;
    }
    if (spec.kind === 'mount' && f.value !== null && f.valueSpan) {
      const base = f.valueSpan.start;
      const rawLen = f.valueSpan.end - f.valueSpan.start;
      if (rawLen !== f.value.length) continue; // quoted or continued value: offsets would not map
      for (const e of parseMountValue(f.value)) {
        if (mountKey(e.key)) continue;
        const names = MOUNT_KEYS.flatMap((k) => [k.name, ...(k.aliases ?? [])]);
        const s = suggest(e.key, names, true);
        const span = { start: base + e.start, end: base + e.keyEnd };
        ctx.report({
          span,
          message: {
            en: `unexpected key '${e.key}' in '${f.value}'${s ? ` (did you mean ${s}?)` : ''}`,
            ko: `--mount에 알 수 없는 키 '${e.key}'가 있습니다${s ? ` (${s}의 오타인가요?)` : ''}`,
          },
          fixes: s ? [{ title: { en: `Change to ${s}`, ko: `${s}(으)로 바꾸기` }, edits: [{ ...span, newText: s }], safe: true }] : [],
        });
      }
    }
  }
}

export default defineRule({
  id: 'DF002',
  name: 'unknown-flag',
  category: 'error',
  severity: 'error',
  aliases: {},
  fixable: true,
  docs: {
    en: { title: 'Unknown flag', rationale: 'BuildKit rejects unknown flags ("unknown flag: --timout"), so the build stops. Typos are common in HEALTHCHECK, COPY and RUN --mount keys.' },
    ko: { title: '알 수 없는 플래그', rationale: 'BuildKit은 모르는 플래그("unknown flag: --timout")를 만나면 빌드를 멈춥니다. HEALTHCHECK, COPY, RUN --mount 키에서 오타가 자주 납니다.' },
  },
  scope: 'instruction',
  checkInstruction(ins, ctx) {
    check(ins, ctx);
    if (ins.trigger) check(ins.trigger, ctx);
  },
});
