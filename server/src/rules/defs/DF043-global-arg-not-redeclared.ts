//! A global ARG (declared before the first FROM) used inside a stage without `ARG NAME` in that
//! stage. Dockerfile reference, "Understand how ARG and FROM interact": "An ARG declared before a
//! FROM is outside of a build stage, so it can't be used in any instruction after a FROM. To use
//! the default value of an ARG declared before the first FROM use an ARG instruction without a
//! value inside of a build stage". The same holds for the predefined platform ARGs
//! (TARGETPLATFORM, TARGETARCH, BUILDPLATFORM …): they are in the global scope and need
//! `ARG TARGETARCH` inside a stage ("Automatic platform ARGs in the global scope").
//!
//! Covers build-time uses: the instructions BuildKit expands (BuildKit reports them as a generic
//! UndefinedVar) and RUN (which BuildKit does not check). CMD/ENTRYPOINT run in the container,
//! where a re-declared ARG would not help either; DF042/DF049 cover those.
import { defineRule } from '../defineRule';
import type { Instruction, VarRef } from '../../syntax/nodes';
import { PLATFORM_ARG_SET, isSpecialParam, refsIn, shellDefinitions, shellSegments } from '../util/variables';

const BUILDER_EXPANDED = new Set(['ENV', 'ARG', 'COPY', 'ADD', 'WORKDIR', 'LABEL', 'EXPOSE', 'USER', 'VOLUME', 'STOPSIGNAL']);

/** Build-time references of `ins`, with the names its own shell command defines (RUN). */
function buildTimeRefs(ins: Instruction): { refs: VarRef[]; shellDefined: Set<string> | null } {
  if (BUILDER_EXPANDED.has(ins.name)) return { refs: ins.vars, shellDefined: null };
  if (ins.name !== 'RUN' || !ins.command) return { refs: [], shellDefined: null };
  const segs = shellSegments(ins);
  const c = ins.command.span;
  const refs = ins.vars.filter((v) => v.end <= c.start || v.start >= c.end); // flags
  const defined = new Set<string>();
  for (const s of segs) {
    refs.push(...refsIn(ins, s));
    for (const n of shellDefinitions(s.text).names) defined.add(n);
  }
  return { refs, shellDefined: defined };
}

/** Whether `ins` refers to a name that a global or platform ARG has. */
function namesGlobal(ins: Instruction, globals: ReadonlyMap<string, unknown>): boolean {
  for (const v of ins.vars) if (globals.has(v.name) || PLATFORM_ARG_SET.has(v.name)) return true;
  return false;
}

export default defineRule({
  id: 'DF043',
  name: 'global-arg-not-redeclared',
  category: 'correctness',
  severity: 'warning',
  aliases: { buildkit: ['UndefinedVar'] },
  fixable: true,
  docs: {
    en: {
      title: 'Global ARG used in a stage without re-declaring it',
      rationale: 'An ARG before the first FROM is only visible to FROM lines. Inside a stage it is unset until the stage declares it again with `ARG NAME` (no value needed: the global default is inherited), so `RUN echo $VERSION` prints nothing. The same applies to the automatic platform ARGs such as TARGETARCH.',
    },
    ko: {
      title: '전역 ARG를 스테이지에서 다시 선언하지 않고 사용합니다',
      rationale: '첫 FROM 앞의 ARG는 FROM 줄에서만 보입니다. 스테이지 안에서는 `ARG NAME`으로 다시 선언하기 전까지 값이 없으므로(값은 적지 않아도 전역 기본값을 물려받습니다) `RUN echo $VERSION`은 아무것도 출력하지 않습니다. TARGETARCH 같은 자동 플랫폼 ARG도 마찬가지입니다.',
    },
  },
  scope: 'file',
  perStage: true,
  citesLines: true,
  check(ctx) {
    const { model, tree } = ctx;
    const globals = new Map(model.globalArgs.map((d) => [d.name, d] as const));
    if (model.stages.length === 0) return;
    const lineOf = (off: number) => {
      let lo = 0, hi = tree.lineStarts.length - 1;
      while (lo < hi) { const mid = (lo + hi + 1) >> 1; if (tree.lineStarts[mid] <= off) lo = mid; else hi = mid - 1; }
      return lo + 1;
    };
    for (const stage of model.stages) {
      for (const ins of stage.instructions) {
        if (ins === stage.from || !namesGlobal(ins, globals)) continue;
        const { refs, shellDefined } = buildTimeRefs(ins);
        for (const v of refs) {
          const g = globals.get(v.name);
          const platform = !g && PLATFORM_ARG_SET.has(v.name);
          if ((!g && !platform) || isSpecialParam(v.name)) continue;
          const r = model.resolveRef(v);
          if (!r || r.def) continue;
          if (shellDefined?.has(v.name) && v.start >= ins.command!.span.start) continue;
          const gets = ins.name === 'RUN' && ins.command && v.start >= ins.command.span.start ? { en: 'the shell sees an empty value', ko: '셸에는 빈 값이 보입니다' } : { en: `${ins.name} gets an empty string`, ko: `${ins.name}에는 빈 문자열이 들어갑니다` };
          const what = g
            ? { en: `the global ARG ${v.name} (line ${lineOf(g.instruction!.start)})`, ko: `전역 ARG ${v.name}(${lineOf(g.instruction!.start)}번째 줄)` }
            : { en: `the automatic platform ARG ${v.name}`, ko: `자동 플랫폼 ARG ${v.name}` };
          ctx.report({
            span: { start: v.start, end: v.end },
            message: {
              en: `$${v.name} refers to ${what.en}, which is not visible inside a stage until the stage declares \`ARG ${v.name}\`: ${gets.en}`,
              ko: `$${v.name}은(는) ${what.ko}을(를) 가리키지만, 스테이지 안에서 \`ARG ${v.name}\`(으)로 다시 선언하기 전에는 보이지 않습니다. ${gets.ko}`,
            },
            fixes: [{
              title: { en: `Add ARG ${v.name} after FROM`, ko: `FROM 다음에 ARG ${v.name} 추가` },
              edits: [{ start: stage.from.end, end: stage.from.end, newText: `${tree.text[stage.from.end] === '\r' ? '\r\n' : '\n'}ARG ${v.name}` }],
              safe: true,
            }],
          });
        }
      }
    }
  },
});
