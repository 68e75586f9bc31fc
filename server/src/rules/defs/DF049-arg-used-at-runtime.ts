//! `ARG db_name` + `CMD db_start.sh -d ${db_name}`: shell-form CMD, ENTRYPOINT and HEALTHCHECK
//! CMD are expanded by the shell when the container starts, and ARG values are not in the
//! image's environment ("ARG variables are not persisted into the built image as ENV variables
//! are", Dockerfile reference, "Using ARG variables" / "ENV"). Only an ENV of the same name (in
//! the stage, a parent stage, or the base image config) makes the value available at run time.
import { defineRule } from '../defineRule';
import type { Instruction } from '../../syntax/nodes';
import type { Stage } from '../../semantics/model';
import { baseEnvOf, isSpecialParam, refsIn, shellDefinitions, shellSegments } from '../util/variables';

/** ENV names the image config of `stage` has at the end of the build (own ENV plus parent stages). */
function envNamesOf(stage: Stage): Set<string> {
  const out = new Set<string>();
  const seen = new Set<Stage>();
  for (let s: Stage | null = stage; s && !seen.has(s); s = s.parent) {
    seen.add(s);
    for (const i of s.instructions) if (i.name === 'ENV') for (const kv of i.keyValues) out.add(kv.key);
  }
  return out;
}

/** Instructions whose command runs in the container. */
function runsAtRuntime(ins: Instruction): boolean {
  return ins.name === 'CMD' || ins.name === 'ENTRYPOINT' || ins.name === 'HEALTHCHECK';
}

export default defineRule({
  id: 'DF049',
  name: 'arg-used-at-runtime',
  category: 'correctness',
  severity: 'warning',
  aliases: {},
  fixable: true,
  docs: {
    en: {
      title: 'ARG used by a command that runs in the container',
      rationale: 'ARG values exist only while the image is built. Shell-form CMD, ENTRYPOINT and HEALTHCHECK CMD are expanded by the shell when the container starts, so `CMD db_start.sh -d ${db_name}` with only `ARG db_name` runs with an empty db_name. Copy the value into the image with `ENV db_name=$db_name`.',
    },
    ko: {
      title: '컨테이너 실행 시점의 명령어가 ARG를 사용합니다',
      rationale: 'ARG 값은 이미지를 빌드하는 동안에만 존재합니다. 셸 형식의 CMD, ENTRYPOINT, HEALTHCHECK CMD는 컨테이너가 시작될 때 셸이 변수를 치환하므로, `ARG db_name`만 있는 상태에서 `CMD db_start.sh -d ${db_name}`는 빈 db_name으로 실행됩니다. `ENV db_name=$db_name`으로 값을 이미지에 남기세요.',
    },
  },
  scope: 'file',
  perStage: true,
  check(ctx) {
    const { model } = ctx;
    const envCache = new Map<Stage, Set<string>>();
    for (const stage of model.stages) for (const ins of stage.instructions) {
      if (!runsAtRuntime(ins)) continue;
      for (const seg of shellSegments(ins)) {
        const refs = refsIn(ins, seg);
        if (refs.length === 0) continue;
        let defs: Set<string> | null = null;
        for (const v of refs) {
          if (isSpecialParam(v.name)) continue;
          const r = model.resolveRef(v);
          const def = r?.def;
          if (!def || def.kind !== 'ARG' || !def.instruction) continue;
          let env = envCache.get(stage);
          if (!env) { env = envNamesOf(stage); envCache.set(stage, env); }
          if (env.has(v.name) || baseEnvOf(stage).names?.has(v.name)) continue;
          defs ??= shellDefinitions(seg.text).names;
          if (defs.has(v.name)) continue;
          const argIns = def.instruction;
          const where = ins.name === 'HEALTHCHECK' ? 'HEALTHCHECK CMD' : ins.name;
          ctx.report({
            span: { start: v.start, end: v.end },
            message: {
              en: `${where} runs in the container, where the ARG ${v.name} no longer exists: the shell expands $${v.name} to an empty string. Add \`ENV ${v.name}=$${v.name}\` after the ARG to keep the value in the image`,
              ko: `${where}는 컨테이너 안에서 실행되는데, 그때는 ARG ${v.name}이(가) 더 이상 존재하지 않아 셸이 $${v.name}을(를) 빈 문자열로 치환합니다. 값을 이미지에 남기려면 ARG 다음에 \`ENV ${v.name}=$${v.name}\`을(를) 추가하세요`,
            },
            fixes: [{
              title: { en: `Add ENV ${v.name}=$${v.name} after the ARG`, ko: `ARG 다음에 ENV ${v.name}=$${v.name} 추가` },
              edits: [{ start: argIns.end, end: argIns.end, newText: `${model.tree.text[argIns.end] === '\r' ? '\r\n' : '\n'}ENV ${v.name}=$${v.name}` }],
              safe: false,
            }],
          });
        }
      }
    }
  },
});
