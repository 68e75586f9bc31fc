//! ARG or ENV whose key looks like a secret (BuildKit SecretsUsedInArgOrEnv; hadolint DL3064).
//! The test is BuildKit's, `getSecretsRegex` in frontend/dockerfile/dockerfile2llb/validations.go:
//! case-insensitive `(?:_|^)(?:apikey|auth|credential|credentials|key|password|pword|passwd|secret|token)(?:_|$)`
//! — a whole `_`-separated word — unless a word is `public`, `file` or `version`. hadolint's
//! substring match ("KEYBOARD", "TOKENIZER_PATH") is too noisy (jenkins-infra#1038).
//!
//! ENV values are stored in the image config; ARG values are recorded in the build history and
//! provenance. A secret mount (`RUN --mount=type=secret,id=…,env=NAME`, docker/docs "Build
//! secrets": the `env` option mounts the secret as an environment variable) keeps it out of both.
import { keyValueRemoval as removal } from '../util/variables';
import { defineRule } from '../defineRule';
import type { Fix } from '../defineRule';
import type { Instruction, KeyValue } from '../../syntax/nodes';
import type { SemanticModel, VarDef } from '../../semantics/model';
import { refsIn, shellSegments } from '../util/variables';

const DENY = /(?:_|^)(?:apikey|auth|credential|credentials|key|password|pword|passwd|secret|token)(?:_|$)/i;
const ALLOW = /(?:_|^)(?:public|file|version)(?:_|$)/i;

export function looksSecret(key: string): boolean {
  return DENY.test(key) && !ALLOW.test(key);
}

const secretId = (name: string) => name.toLowerCase().replace(/_/g, '-');


/**
 * For a stage ARG used only by RUN commands of its own stage: drop the ARG and give each of
 * those RUNs a secret mount exposing the secret under the same name.
 */
function secretMountFix(model: SemanticModel, def: VarDef): Fix | null {
  if (def.kind !== 'ARG' || !def.stage || !def.instruction || !def.keyValue || def.keyValue.value !== null) return null;
  const uses = model.refs.filter((r) => r.def === def);
  if (uses.length === 0) return null;
  const runs = new Set<Instruction>();
  for (const u of uses) {
    const ins = u.instruction;
    if (ins.name !== 'RUN' || u.stage !== def.stage || ins.trigger) return null;
    if (!shellSegments(ins).some((s) => refsIn(ins, s).includes(u.ref))) return null;
    runs.add(ins);
  }
  const name = def.name;
  const id = secretId(name);
  const edits = [removal(def.instruction, def.keyValue, model.tree.text)].map((r) => ({ ...r, newText: '' }));
  for (const run of runs) edits.push({ start: run.keywordSpan.end, end: run.keywordSpan.end, newText: ` --mount=type=secret,id=${id},env=${name}` });
  return {
    title: {
      en: `Use a secret mount instead (RUN --mount=type=secret,id=${id},env=${name}; build with --secret id=${id},env=${name})`,
      ko: `시크릿 마운트로 바꾸기 (RUN --mount=type=secret,id=${id},env=${name}; 빌드할 때 --secret id=${id},env=${name})`,
    },
    edits,
    safe: false,
  };
}

export default defineRule({
  id: 'DF045',
  name: 'secrets-in-arg-env',
  category: 'security',
  severity: 'warning',
  aliases: { buildkit: ['SecretsUsedInArgOrEnv'], hadolint: ['DL3064'] },
  fixable: true,
  docs: {
    en: {
      title: 'Secret passed through ARG or ENV',
      rationale: 'ENV values are stored in the image configuration and ARG values in the build history and provenance, so anyone who can pull the image can read them. Pass tokens, passwords and keys with a secret mount instead: `RUN --mount=type=secret,id=npm-token,env=NPM_TOKEN npm ci`, built with `docker build --secret id=npm-token,env=NPM_TOKEN`.',
    },
    ko: {
      title: 'ARG나 ENV로 비밀 값을 넘깁니다',
      rationale: 'ENV 값은 이미지 설정에, ARG 값은 빌드 기록과 provenance에 남기 때문에 이미지를 받을 수 있는 사람이면 누구나 읽을 수 있습니다. 토큰, 비밀번호, 키는 시크릿 마운트로 넘기세요: `RUN --mount=type=secret,id=npm-token,env=NPM_TOKEN npm ci`, 빌드는 `docker build --secret id=npm-token,env=NPM_TOKEN`.',
    },
  },
  scope: 'file',
  perStage: true,
  check(ctx) {
    const { model } = ctx;
    // Built when the first secret-looking key turns up (most stages have none).
    let defByKv: Map<KeyValue, VarDef> | null = null;
    const defOf = (kv: KeyValue): VarDef | undefined => {
      if (!defByKv) {
        defByKv = new Map();
        for (const d of model.defs) if (d.keyValue) defByKv.set(d.keyValue, d);
      }
      return defByKv.get(kv);
    };
    const visit = (i: Instruction) => {
      if (i.name !== 'ARG' && i.name !== 'ENV') return;
      for (const kv of i.keyValues) {
        if (!looksSecret(kv.key)) continue;
        const literal = i.name === 'ENV' && kv.value !== null && kv.value !== '' && !(kv.rawValue ?? '').includes('$');
        const where = i.name === 'ENV'
          ? { en: literal ? 'the value is stored in the image configuration (docker inspect shows it)' : 'ENV values are stored in the image configuration', ko: literal ? '값이 이미지 설정에 그대로 저장됩니다(docker inspect로 보입니다)' : 'ENV 값은 이미지 설정에 저장됩니다' }
          : { en: 'ARG values are recorded in the build history and provenance', ko: 'ARG 값은 빌드 기록과 provenance에 남습니다' };
        const def = defOf(kv);
        const fix = def ? secretMountFix(model, def) : null;
        ctx.report({
          span: kv.keySpan,
          message: {
            en: `${i.name} ${kv.key} looks like a secret: ${where.en}. Use a secret mount: RUN --mount=type=secret,id=${secretId(kv.key)},env=${kv.key}`,
            ko: `${i.name} ${kv.key}은(는) 비밀 값으로 보입니다. ${where.ko}. 시크릿 마운트를 쓰세요: RUN --mount=type=secret,id=${secretId(kv.key)},env=${kv.key}`,
          },
          fixes: fix ? [fix] : [],
        });
      }
    };
    for (const ins of model.tree.instructions) {
      visit(ins);
      if (ins.trigger) visit(ins.trigger);
    }
  },
});
