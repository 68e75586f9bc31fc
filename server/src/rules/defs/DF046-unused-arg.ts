//! An ARG that nothing uses, taking scope into account:
//! * a global ARG (before the first FROM) is used when a FROM line or another global ARG
//!   references it, or when a stage re-declares it (`ARG NAME` without a value) and that stage
//!   ARG is used;
//! * a stage ARG is used when a later instruction of the stage, or of a stage built
//!   `FROM <this stage>`, references it (also inside COPY/ADD heredocs, which BuildKit expands).
//!
//! Design choice: an ARG is part of the environment of every later RUN of its stage (Dockerfile
//! reference, ARG: "the variable is … available to RUN instructions as an environment
//! variable"), so a script started by RUN may read it without any `$NAME` in the Dockerfile.
//! A stage ARG followed by any RUN (in the stage or a stage built from it) therefore counts as
//! possibly used and is not reported. ARGs that BuildKit itself consumes by name (BUILDKIT_*,
//! SOURCE_DATE_EPOCH, the platform and proxy ARGs) are never reported.
import { keyValueRemoval as removal } from '../util/variables';
import { defineRule } from '../defineRule';
import type { Instruction } from '../../syntax/nodes';
import { BUILDKIT_ARGS, PLATFORM_ARGS, PROXY_ARGS, type Stage, type VarDef } from '../../semantics/model';

const CONSUMED = new Set([...BUILDKIT_ARGS, ...PLATFORM_ARGS, ...PROXY_ARGS]);


function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export default defineRule({
  id: 'DF046',
  name: 'unused-arg',
  category: 'style',
  severity: 'hint',
  aliases: {},
  fixable: true,
  tags: ['unnecessary'],
  docs: {
    en: {
      title: 'Unused ARG',
      rationale: 'An ARG that no instruction in its scope references only adds a build argument that does nothing. A global ARG is only seen by FROM lines and by stages that declare it again; a stage ARG only by the rest of its stage and stages built from it. ARGs followed by a RUN are kept, since scripts can read them from the environment.',
    },
    ko: {
      title: '사용하지 않는 ARG',
      rationale: '범위 안의 어떤 명령어도 참조하지 않는 ARG는 아무 일도 하지 않는 빌드 인자일 뿐입니다. 전역 ARG는 FROM 줄과 다시 선언한 스테이지에서만, 스테이지 ARG는 그 스테이지의 나머지와 그 스테이지에서 파생된 스테이지에서만 보입니다. 뒤에 RUN이 있는 ARG는 스크립트가 환경 변수로 읽을 수 있으므로 보고하지 않습니다.',
    },
  },
  scope: 'file',
  reads: 'outline',
  check(ctx) {
    const { model, tree } = ctx;
    const refCount = new Map<VarDef, number>();
    for (const r of model.refs) if (r.def) refCount.set(r.def, (refCount.get(r.def) ?? 0) + 1);
    // Descendant stages (built FROM a stage), for inherited ARGs.
    const children = new Map<Stage, Stage[]>();
    for (const s of model.stages) if (s.parent) {
      const l = children.get(s.parent) ?? [];
      l.push(s);
      children.set(s.parent, l);
    }
    const laterInstructions = (def: VarDef): Instruction[] => {
      const out: Instruction[] = [];
      const own = def.stage!;
      for (const i of own.instructions) if (i.start > def.instruction!.start) out.push(i);
      const stack = [...(children.get(own) ?? [])];
      const seen = new Set<Stage>();
      while (stack.length) {
        const s = stack.pop()!;
        if (seen.has(s)) continue;
        seen.add(s);
        out.push(...s.instructions);
        stack.push(...(children.get(s) ?? []));
      }
      return out;
    };
    const heredocUses = (name: string, instrs: Instruction[]) => {
      const re = new RegExp(`\\$(\\{)?${escapeRe(name)}(?![A-Za-z0-9_])`);
      return instrs.some((i) => (i.name === 'COPY' || i.name === 'ADD') && i.heredocs.some((h) => h.expand && re.test(h.content)));
    };
    const stageUsed = new Map<VarDef, boolean>();
    const isStageArgUsed = (def: VarDef): boolean => {
      let u = stageUsed.get(def);
      if (u !== undefined) return u;
      if ((refCount.get(def) ?? 0) > 0) u = true;
      else {
        const later = laterInstructions(def);
        u = later.some((i) => i.name === 'RUN') || heredocUses(def.name, later);
      }
      stageUsed.set(def, u);
      return u;
    };
    const stageArgs = model.defs.filter((d) => d.kind === 'ARG' && d.stage && d.instruction && d.keyValue);
    for (const def of model.defs) {
      if (def.kind !== 'ARG' || !def.instruction || !def.keyValue) continue;
      if (CONSUMED.has(def.name) || def.name.startsWith('BUILDKIT_')) continue;
      let used: boolean;
      if (!def.stage) {
        used = (refCount.get(def) ?? 0) > 0 || stageArgs.some((s) => s.inheritsFrom === def && isStageArgUsed(s));
      } else {
        used = isStageArgUsed(def);
      }
      if (used) continue;
      const kv = def.keyValue;
      const st = def.stage;
      const stageName = st ? (st.name ? `stage "${st.name}"` : `stage ${st.index} (FROM ${st.imageRaw ?? ''})`) : '';
      const stageKo = st ? (st.name ? `"${st.name}" 스테이지` : `${st.index}번 스테이지(FROM ${st.imageRaw ?? ''})`) : '';
      ctx.report({
        span: kv.keySpan,
        message: def.stage
          ? {
            en: `ARG ${def.name} is never used: nothing later in ${stageName} (or a stage built from it) references $${def.name}, and no RUN follows that could read it`,
            ko: `ARG ${def.name}은(는) 쓰이지 않습니다. ${stageKo}의 뒤쪽(또는 그 스테이지에서 파생된 스테이지)에서 $${def.name}을(를) 참조하지 않고, 환경 변수로 읽을 RUN도 없습니다`,
          }
          : {
            en: `global ARG ${def.name} is never used: no FROM line references $${def.name} and no stage declares \`ARG ${def.name}\` to use it`,
            ko: `전역 ARG ${def.name}은(는) 쓰이지 않습니다. $${def.name}을(를) 참조하는 FROM 줄이 없고, \`ARG ${def.name}\`(으)로 다시 선언해 사용하는 스테이지도 없습니다`,
          },
        fixes: [{
          title: { en: `Remove ARG ${def.name}`, ko: `ARG ${def.name} 삭제` },
          edits: [{ ...removal(def.instruction, kv, tree.text), newText: '' }],
          safe: false,
        }],
      });
    }
  },
});
