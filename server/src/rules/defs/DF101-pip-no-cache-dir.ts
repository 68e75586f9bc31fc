//! `pip install` without `--no-cache-dir` (hadolint DL3042): pip keeps downloaded wheels and
//! built packages in ~/.cache/pip, which then stays in the layer.
//! Like hadolint, `PIP_NO_CACHE_DIR` counts when set by ENV (or ARG, which RUN also sees as an
//! environment variable) in the stage or a parent stage, or inside the RUN
//! (`PIP_NO_CACHE_DIR=1 pip install …`, `export PIP_NO_CACHE_DIR=1`). pip's `_handle_no_cache_dir`
//! disables the cache for *any* valid boolean value ("we disable the cache directory not just on
//! values that parse to True, but … also on values that parse to False"), so `off`/`0` count too,
//! where hadolint accepts only truthy values.
//! **ext** (hadolint #497, #983): a `RUN --mount=type=cache|tmpfs` on the pip cache
//! (`/root/.cache/pip`, any `…/.cache/pip` or `…/.cache`, `$PIP_CACHE_DIR`, or the `--cache-dir`
//! of the command) keeps the cache out of the layer and is accepted. `pip install -e .` is reported
//! like any install, as hadolint does (the wheel built for it is cached too).
import { defineRule } from '../defineRule';
import type { ShCommand, ShWord } from '../../shell/commands';
import { commandSpan, covers, insertOptionsAfter, mountsOf, normPath, pipInstallWord, runScript, runText, walkRuns } from '../util/packages';
import type { Instruction } from '../../syntax/nodes';
import type { SemanticModel } from '../../semantics/model';

const BOOL_VALUES = new Set(['y', 'yes', 't', 'true', 'on', '1', 'n', 'no', 'f', 'false', 'off', '0']);

function isBool(v: string | null | undefined): boolean {
  return v != null && BOOL_VALUES.has(v.trim().toLowerCase());
}

/** PIP_NO_CACHE_DIR / PIP_CACHE_DIR as visible to the RUN from ENV and ARG. */
function envOf(model: SemanticModel, ins: Instruction, onbuild: boolean): { noCache: boolean; cacheDir: string | null } {
  let noCache = false;
  let cacheDir: string | null = null;
  const look = (name: string, value: string | null) => {
    if (name === 'PIP_NO_CACHE_DIR' && isBool(value)) noCache = true;
    if (name === 'PIP_CACHE_DIR' && value) cacheDir = value;
  };
  for (const [name, def] of model.scopeAt(ins)) if (def.kind !== 'predefined') look(name, def.value ?? def.inheritsFrom?.value ?? null);
  if (onbuild) {
    // ONBUILD triggers run after the whole image: ENV lines after the ONBUILD count too.
    const st = model.stageOf(ins);
    for (const x of st?.instructions ?? []) if (x.name === 'ENV') for (const kv of x.keyValues) look(kv.key, kv.value);
  }
  return { noCache, cacheDir };
}

export default defineRule({
  id: 'DF101',
  name: 'pip-no-cache-dir',
  category: 'image-size',
  severity: 'info',
  aliases: { hadolint: ['DL3042'] },
  fixable: true,
  docs: {
    en: {
      title: 'Use `pip install --no-cache-dir`',
      rationale: 'pip keeps every downloaded wheel and locally built package in `~/.cache/pip`, so the layer carries a second copy of the installed packages (often tens or hundreds of MB). `--no-cache-dir`, `ENV PIP_NO_CACHE_DIR=1`, or a BuildKit cache mount on the pip cache (`RUN --mount=type=cache,target=/root/.cache/pip`) avoids it.',
    },
    ko: {
      title: '`pip install --no-cache-dir`를 쓰세요',
      rationale: 'pip는 내려받은 wheel과 직접 빌드한 패키지를 모두 `~/.cache/pip`에 보관하므로, 레이어에 설치된 패키지의 사본이 하나 더 들어갑니다(수십~수백 MB인 경우가 많습니다). `--no-cache-dir`, `ENV PIP_NO_CACHE_DIR=1`, 또는 pip 캐시에 BuildKit 캐시 마운트(`RUN --mount=type=cache,target=/root/.cache/pip`)를 쓰면 피할 수 있습니다.',
    },
  },
  scope: 'file',
  perStage: true,
  check({ tree, model, report }) {
    const source = tree.text;
    walkRuns(model, () => null, () => null, (ins, run, _stage, _state, onbuild) => {
      const script = runScript(ins, source, model.shellOf(ins));
      if (!script) return;
      let pips: { cmd: ShCommand; install: ShWord }[] | null = null;
      for (const cmd of script.commands) {
        const install = pipInstallWord(cmd);
        if (!install) continue;
        if (cmd.argv.some((w) => w.value === '--no-cache-dir' || w.value.startsWith('--no-cache-dir='))) continue;
        if (cmd.assigns.some((a) => /^PIP_NO_CACHE_DIR=/.test(a.value) && isBool(a.value.slice(17)))) continue;
        (pips ??= []).push({ cmd, install });
      }
      if (!pips) return;
      const exported = /(?:^|[\s;&|])(?:export\s+)?PIP_NO_CACHE_DIR=["']?(\w+)/.exec(runText(run));
      if (exported && isBool(exported[1])) return;
      const env = envOf(model, ins, onbuild);
      if (env.noCache) return;
      const mounts = mountsOf(ins).filter((m) => m.type === 'cache' || m.type === 'tmpfs');
      for (const { cmd, install } of pips) {
        const k = cmd.argv.findIndex((w) => w.value === '--cache-dir' || w.value.startsWith('--cache-dir='));
        const own = k < 0 ? null : cmd.argv[k].value.includes('=') ? cmd.argv[k].value.split('=').slice(1).join('=') : cmd.argv[k + 1]?.value ?? null;
        const cacheDir = own ?? env.cacheDir;
        const mounted = mounts.some((m) =>
          covers(m.target, '/root/.cache/pip') || /(^|\/)\.cache(\/pip)?$/.test(m.target) || (cacheDir !== null && covers(m.target, normPath(cacheDir))));
        if (mounted) continue;
        const what = cmd.name.startsWith('python') ? `${cmd.name} -m pip install` : `${cmd.name} install`;
        report({
          span: commandSpan(cmd, install),
          message: {
            en: `\`${what}\` without \`--no-cache-dir\` stores the downloaded wheels in ~/.cache/pip in this layer; add \`--no-cache-dir\` (or set PIP_NO_CACHE_DIR, or use a cache mount)`,
            ko: `\`--no-cache-dir\` 없는 \`${what}\`은(는) 내려받은 wheel을 ~/.cache/pip에 남겨 이 레이어에 저장합니다. \`--no-cache-dir\`를 붙이세요(또는 PIP_NO_CACHE_DIR를 설정하거나 캐시 마운트를 쓰세요)`,
          },
          fixes: [{
            title: { en: 'Insert `--no-cache-dir`', ko: '`--no-cache-dir` 넣기' },
            edits: [insertOptionsAfter(script, install, ['--no-cache-dir'])],
            safe: true,
          }],
        });
      }
    });
  },
});
