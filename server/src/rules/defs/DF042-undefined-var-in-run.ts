//! `$VAR` in shell-form RUN, CMD, ENTRYPOINT or HEALTHCHECK CMD (or exec form running `sh -c`)
//! that nothing defines: no ARG/ENV visible in this stage (or inherited from a parent stage),
//! not set by the base image's config, not set by the shell itself (HOME, PWD, …) and not
//! defined by the command (`X=…`, `export X`, `for X in`, `read X`, `--mount=…,env=X`). BuildKit
//! does not check these (UndefinedVar skips shell-expanded text); hadolint only via ShellCheck's
//! SC2153, which knows nothing about the Dockerfile's scopes.
//!
//! Precision over recall (information level): commands that source a file or use eval, a base
//! image whose env is unknown, and `${X:-default}` forms are only reported for likely typos (a
//! close defined name exists). Global ARGs used by RUN are DF043's; ARGs used by CMD are DF049's.
//! ONBUILD triggers run in another build and are skipped; so are non-POSIX SHELLs and Windows.
import { defineRule } from '../defineRule';
import type { Instruction } from '../../syntax/nodes';
import { suggest } from '../suggest';
import {
  PLATFORM_ARG_SET, SHELL_ENV, baseEnvOf, hasDefaultModifier, isShellProvided, isSpecialParam,
  posixShellAt, refsIn, shellDefinitions, shellSegments, variableCandidates,
} from '../util/variables';

/** Variables RUN's own flags define: `--mount=type=secret,…,env=NAME`, `--mount=type=ssh` (SSH_AUTH_SOCK). */
function mountDefinitions(ins: Instruction): string[] {
  const out: string[] = [];
  for (const f of ins.flags) {
    if (f.name !== 'mount' || !f.value) continue;
    for (const part of f.value.split(',')) {
      const m = /^env=([A-Za-z_][A-Za-z0-9_]*)$/.exec(part.trim());
      if (m) out.push(m[1]);
      if (/^type=ssh$/.test(part.trim())) out.push('SSH_AUTH_SOCK');
    }
  }
  return out;
}

export default defineRule({
  id: 'DF042',
  name: 'undefined-var-in-run',
  category: 'correctness',
  severity: 'info',
  aliases: {},
  fixable: true,
  docs: {
    en: {
      title: 'Undefined variable in a shell command',
      rationale: 'RUN, CMD and ENTRYPOINT in shell form are expanded by the shell, so BuildKit does not check them. A $NAME that no ARG or ENV of this stage defines, that the base image does not set and that the command does not assign is an empty string: usually a typo (did you mean …) or an ARG declared in another stage.',
    },
    ko: {
      title: '셸 명령의 정의되지 않은 변수',
      rationale: '셸 형식의 RUN, CMD, ENTRYPOINT는 셸이 변수를 치환하기 때문에 BuildKit이 검사하지 않습니다. 이 스테이지의 ARG나 ENV에도 없고, 베이스 이미지도 설정하지 않으며, 명령 안에서도 대입하지 않는 $NAME은 빈 문자열이 됩니다. 대개 오타이거나 다른 스테이지에서 선언한 ARG입니다.',
    },
  },
  scope: 'file',
  perStage: true,
  check(ctx) {
    const { model } = ctx;
    const globalNames = new Set(model.globalArgs.map((d) => d.name));
    for (const stage of model.stages) {
      for (const ins of stage.instructions) {
        if (ins.vars.length === 0) continue;
        if (ins.name !== 'RUN' && ins.name !== 'CMD' && ins.name !== 'ENTRYPOINT' && ins.name !== 'HEALTHCHECK') continue;
        const segs = shellSegments(ins);
        if (segs.length === 0 || !posixShellAt(model, ins)) continue;
        const envUnknown = baseEnvOf(stage).names === null;
        for (const seg of segs) {
          const refs = refsIn(ins, seg);
          if (refs.length === 0) continue;
          const defs = shellDefinitions(seg.text);
          const local = new Set([...defs.names, ...(seg.runtime ? [] : mountDefinitions(ins))]);
          let candidates: string[] | null = null;
          for (const v of refs) {
            if (isSpecialParam(v.name) || local.has(v.name)) continue;
            const r = model.resolveRef(v);
            if (!r || r.def) continue;
            if (!seg.runtime && (globalNames.has(v.name) || PLATFORM_ARG_SET.has(v.name))) continue; // DF043
            if (isShellProvided(v.name, stage)) continue;
            candidates ??= [...variableCandidates(model, ins, local), ...SHELL_ENV];
            const s = suggest(v.name, candidates, true);
            if (s === null && (defs.opaque || envUnknown || hasDefaultModifier(v))) continue;
            const img = baseEnvOf(stage).image;
            const by = img ? { en: ` and the base image ${img} does not set it`, ko: `, 베이스 이미지 ${img}도 설정하지 않으므로` } : { en: '', ko: '' };
            const hint = s ? { en: ` (did you mean $${s}?)`, ko: ` ($${s}을(를) 의도하셨나요?)` } : { en: '', ko: '' };
            const result = seg.runtime
              ? { en: `unless it is passed when the container starts (docker run -e ${v.name}=…), the shell expands it to an empty string`, ko: `컨테이너를 시작할 때(docker run -e ${v.name}=…) 넘겨주지 않으면 셸이 빈 문자열로 치환합니다` }
              : { en: 'the shell expands it to an empty string', ko: '셸이 빈 문자열로 치환합니다' };
            const where = globalNames.has(v.name) && seg.runtime ? { en: ' (a global ARG is never in the container\'s environment)', ko: ' (전역 ARG는 컨테이너 환경에 들어가지 않습니다)' } : { en: '', ko: '' };
            ctx.report({
              span: { start: v.start, end: v.end },
              message: {
                en: `$${v.name} is not defined: no ARG or ENV in this stage declares it${where.en}${by.en}, so ${result.en}${hint.en}`,
                ko: `$${v.name}은(는) 정의되지 않았습니다. 이 스테이지의 ARG나 ENV 어디에도 ${img ? `없고${where.ko}${by.ko}` : `없으므로${where.ko}`} ${result.ko}${hint.ko}`,
              },
              fixes: s
                ? [{ title: { en: `Change to $${s}`, ko: `$${s}(으)로 바꾸기` }, edits: [{ start: v.nameSpan.start, end: v.nameSpan.end, newText: s }], safe: false }]
                : [],
            });
          }
        }
      }
    }
  },
});
