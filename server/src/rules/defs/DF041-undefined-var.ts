//! `$VAR` in an instruction that BuildKit expands itself (ENV, ARG, COPY, ADD, WORKDIR, LABEL,
//! EXPOSE, USER, VOLUME, STOPSIGNAL, RUN flags) where no ARG or ENV of that name is in scope:
//! BuildKit substitutes an empty string (BuildKit check UndefinedVar, `reportUnmatchedVariables`
//! in dockerfile2llb/validations.go; candidates for the suggestion are the env and ARG keys, matched
//! case-sensitively). FROM is DF035's; shell-expanded text (RUN, CMD, ENTRYPOINT) is DF042's;
//! global ARGs used without `ARG NAME` in the stage are DF043's; `ENV A=1 B=$A` is DF044's.
//!
//! Differences from BuildKit, which knows the real base-image config: names the base image
//! is known to set (util/variables.ts) count as defined, and for an unknown base image (whose env
//! we cannot see) and for `${X:-default}`-style references only likely typos (with a suggestion)
//! are reported. ONBUILD triggers are expanded in the downstream build, so they are skipped.
import { defineRule } from '../defineRule';
import type { Instruction, VarRef } from '../../syntax/nodes';
import type { SemanticModel } from '../../semantics/model';
import { suggest } from '../suggest';
import { PLATFORM_ARG_SET, SHELL_ENV, baseEnvOf, hasDefaultModifier, isSpecialParam, variableCandidates } from '../util/variables';

const BUILDER_EXPANDED = new Set(['ENV', 'ARG', 'COPY', 'ADD', 'WORKDIR', 'LABEL', 'EXPOSE', 'USER', 'VOLUME', 'STOPSIGNAL']);

/** Whether BuildKit (not a shell) expands reference `v` of `ins`. */
function builderExpanded(ins: Instruction, v: VarRef): boolean {
  if (BUILDER_EXPANDED.has(ins.name)) return true;
  if (ins.name === 'RUN' && ins.command) {
    const c = ins.command.span;
    return v.end <= c.start || v.start >= c.end; // --mount=…,target=$X etc.
  }
  return false;
}

/** `ENV A=1 B=$A`: A is defined earlier in the same ENV (DF044 explains that case). */
function definedEarlierInSameEnv(ins: Instruction, v: VarRef): boolean {
  return ins.name === 'ENV' && ins.keyValues.some((kv) => kv.key === v.name && kv.end <= v.start);
}

export function undefinedBuilderRefs(model: SemanticModel, cb: (ins: Instruction, v: VarRef, suggestion: string | null) => void): void {
  // The resolved references of the model's instructions (a per-stage view lists the global
  // ones first: FROM lines, and the prelude before the first FROM, whose references are skipped
  // when the view's instructions do not include the prelude). Only unresolved ones matter;
  // those of ONBUILD triggers have the ONBUILD instruction, which is not builder-expanded.
  const first = model.tree.instructions[0];
  if (!first) return;
  let globalNames: Set<string> | null = null;
  let candidatesFor: Instruction | null = null;
  let candidates: string[] = [];
  for (const r of model.refs) {
    if (r.def) continue;
    const ins = r.instruction, v = r.ref;
    if (ins.name === 'FROM' || ins.start < first.start || !builderExpanded(ins, v)) continue;
    if (v.name === 'PATH' || isSpecialParam(v.name)) continue;
    const stage = r.stage;
    globalNames ??= new Set(model.globalArgs.map((d) => d.name));
    if (stage && (globalNames.has(v.name) || PLATFORM_ARG_SET.has(v.name))) continue; // DF043
    if (definedEarlierInSameEnv(ins, v)) continue; // DF044
    const env = stage ? baseEnvOf(stage) : null;
    if (env?.names?.has(v.name)) continue;
    if (candidatesFor !== ins) {
      candidatesFor = ins;
      candidates = stage ? variableCandidates(model, ins) : [...globalNames, ...PLATFORM_ARG_SET];
    }
    const s = suggest(v.name, candidates, true);
    const envUnknown = stage !== null && env !== null && env.names === null;
    if (s === null && (hasDefaultModifier(v) || envUnknown)) continue;
    cb(ins, v, s);
  }
}

export default defineRule({
  id: 'DF041',
  name: 'undefined-var',
  category: 'correctness',
  severity: 'warning',
  aliases: { buildkit: ['UndefinedVar'] },
  fixable: true,
  docs: {
    en: {
      title: 'Undefined variable',
      rationale: 'BuildKit expands $VAR in ENV, ARG, COPY, ADD, WORKDIR, LABEL, EXPOSE, USER, VOLUME and STOPSIGNAL itself. A name that no ARG or ENV in scope defines (and the base image does not set) silently becomes an empty string, so a typo such as $NODE_VESION turns a path or version into nothing.',
    },
    ko: {
      title: '정의되지 않은 변수',
      rationale: 'ENV, ARG, COPY, ADD, WORKDIR, LABEL, EXPOSE, USER, VOLUME, STOPSIGNAL의 $VAR는 BuildKit이 직접 치환합니다. 범위 안의 ARG나 ENV(또는 베이스 이미지의 환경 변수)에 없는 이름은 조용히 빈 문자열이 되므로, $NODE_VESION 같은 오타 하나로 경로나 버전 값이 사라집니다.',
    },
  },
  scope: 'file',
  perStage: true,
  check(ctx) {
    undefinedBuilderRefs(ctx.model, (ins, v, s) => {
      const hintEn = s ? ` (did you mean $${s}?)` : '';
      const hintKo = s ? ` ($${s}을(를) 의도하셨나요?)` : '';
      const shellEn = SHELL_ENV.has(v.name) ? ` (a shell sets ${v.name} for RUN, but BuildKit's own expansion does not see it)` : '';
      const shellKo = SHELL_ENV.has(v.name) ? ` (${v.name}은(는) RUN의 셸이 설정할 뿐, BuildKit의 자체 치환에는 보이지 않습니다)` : '';
      ctx.report({
        span: { start: v.start, end: v.end },
        message: {
          en: `Usage of undefined variable '$${v.name}'${hintEn}: no ARG or ENV named ${v.name} is in scope here, so ${ins.name} gets an empty string${shellEn}`,
          ko: `정의되지 않은 변수 '$${v.name}'이(가) 쓰였습니다${hintKo}. 여기서 보이는 ARG나 ENV 중 ${v.name}이(가) 없으므로 ${ins.name}에는 빈 문자열이 들어갑니다${shellKo}`,
        },
        fixes: s
          ? [{ title: { en: `Change to $${s}`, ko: `$${s}(으)로 바꾸기` }, edits: [{ start: v.nameSpan.start, end: v.nameSpan.end, newText: s }], safe: false }]
          : [],
      });
    });
  },
});
