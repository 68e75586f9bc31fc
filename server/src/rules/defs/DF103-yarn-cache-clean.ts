//! `yarn install` (or a bare `yarn`, which installs) without `yarn cache clean` later in the same
//! RUN (hadolint DL3060): Yarn 1 keeps a copy of every package tarball in its global cache
//! (/usr/local/share/.cache/yarn in the official node images, ~/.cache/yarn otherwise), which then
//! stays in the layer next to node_modules.
//! Accepted: `yarn cache clean` after the install, an `rm -rf` of the yarn cache, and a
//! `RUN --mount=type=cache|tmpfs` on the yarn cache (a target naming `yarn`, the default cache
//! directories, or the `--cache-folder`/`YARN_CACHE_FOLDER` of the command).
//! Yarn 2+ ("Berry") is skipped: its cache is what Plug'n'Play loads packages from at run time, so
//! `yarn cache clean` there can break the app. Berry is recognised by its options (`--immutable`,
//! `--immutable-cache`, `--check-cache`, `--mode`, `--inline-builds`) or by `corepack`,
//! `yarn set version`, `.yarnrc.yml` or `yarn workspaces focus` in the RUN.
import { defineRule, type Fix } from '../defineRule';
import { positionals, type ShCommand } from '../../shell/commands';
import { chainEndOffset, commandSpan, covers, mountsOf, normPath, runScript, runText } from '../util/packages';

const YARN_OPTS_WITH_ARG: ReadonlySet<string> = new Set([
  '--cache-folder', '--modules-folder', '--network-timeout', '--mutex', '--registry', '--cwd', '--global-folder',
  '--link-folder', '--preferred-cache-folder', '--network-concurrency', '--use-yarnrc', '--https-proxy', '--proxy',
]);
const BERRY_FLAGS = /^--(immutable|immutable-cache|check-cache|mode|inline-builds)(=|$)/;
const BERRY_TEXT = /\bcorepack\b|yarn\s+set\s+version|\.yarnrc\.yml|yarn\s+workspaces\s+focus/;
const DEFAULT_CACHES = ['/usr/local/share/.cache/yarn', '/root/.cache/yarn'];

function yarnArgs(cmd: ShCommand): string[] {
  return positionals(cmd, YARN_OPTS_WITH_ARG).map((w) => w.value);
}

function isInstall(cmd: ShCommand): boolean {
  if (cmd.name !== 'yarn') return false;
  const p = yarnArgs(cmd);
  return p.length === 0 || p[0] === 'install';
}

function optionValue(cmd: ShCommand, name: string): string | null {
  const a = cmd.argv;
  for (let i = 1; i < a.length; i++) {
    if (a[i].value === name) return a[i + 1]?.value ?? null;
    if (a[i].value.startsWith(name + '=')) return a[i].value.slice(name.length + 1);
  }
  return null;
}

function cleansCache(cmd: ShCommand): boolean {
  if (cmd.name === 'yarn') {
    const p = yarnArgs(cmd);
    return p[0] === 'cache' && p[1] === 'clean';
  }
  if (cmd.name === 'rm') return positionals(cmd).some((w) => /(^|\/)\.?(cache\/)?yarn(-cache)?(\/\*?)?$/.test(w.value) || DEFAULT_CACHES.some((d) => w.value.startsWith(d)));
  return false;
}

export default defineRule({
  id: 'DF103',
  name: 'yarn-cache-clean',
  category: 'image-size',
  severity: 'info',
  aliases: { hadolint: ['DL3060'] },
  fixable: true,
  docs: {
    en: {
      title: 'Run `yarn cache clean` after `yarn install`',
      rationale: 'Yarn 1 stores a copy of every downloaded package in its global cache (/usr/local/share/.cache/yarn in the official node images). Unless the same RUN ends with `yarn cache clean` (or uses a BuildKit cache mount on that directory), the cache is saved in the layer next to node_modules, often doubling its size. Yarn 2+ (Berry) is not reported: its cache is used at run time by Plug\'n\'Play.',
    },
    ko: {
      title: '`yarn install` 뒤에 `yarn cache clean`을 실행하세요',
      rationale: 'Yarn 1은 내려받은 모든 패키지의 사본을 전역 캐시(공식 node 이미지에서는 /usr/local/share/.cache/yarn)에 저장합니다. 같은 RUN 끝에서 `yarn cache clean`을 실행하지 않으면(또는 그 디렉터리에 BuildKit 캐시 마운트를 쓰지 않으면) 캐시가 node_modules 옆에 그대로 레이어에 저장되어 크기가 두 배 가까이 되기도 합니다. Yarn 2 이상(Berry)은 Plug\'n\'Play가 실행 중에 캐시를 쓰므로 보고하지 않습니다.',
    },
  },
  scope: 'instruction',
  on: ['RUN'],
  checkInstruction(ins, ctx) {
    const script = runScript(ins, ctx.source, ctx.shell);
    if (!script) return;
    const cmds = script.commands;
    let last = -1;
    for (let i = 0; i < cmds.length; i++) if (isInstall(cmds[i])) last = i;
    if (last < 0) return;
    const run = ins.name === 'ONBUILD' ? ins.trigger! : ins;
    if (BERRY_TEXT.test(runText(run))) return;
    if (cmds.some((c) => c.name === 'yarn' && c.argv.some((w) => BERRY_FLAGS.test(w.value)))) return;
    if (cmds.slice(last + 1).some(cleansCache)) return;
    const cmd = cmds[last];
    const folders = [...DEFAULT_CACHES];
    const own = optionValue(cmd, '--cache-folder');
    if (own) folders.push(normPath(own));
    for (const a of cmd.assigns) if (a.value.startsWith('YARN_CACHE_FOLDER=')) folders.push(normPath(a.value.slice(18)));
    const mounted = mountsOf(ins).some((m) => (m.type === 'cache' || m.type === 'tmpfs') && (/(^|\/|\.)yarn/i.test(m.target) || folders.some((f) => covers(m.target, f))));
    if (mounted) return;
    const at = chainEndOffset(script, last);
    const fixes: Fix[] = at === null ? [] : [{
      title: { en: 'Append `&& yarn cache clean`', ko: '끝에 `&& yarn cache clean` 붙이기' },
      edits: [{ start: at, end: at, newText: ` && ${cmd.sudo ? 'sudo ' : ''}yarn cache clean` }],
      safe: true,
    }];
    const p = yarnArgs(cmd);
    const what = p[0] === 'install' ? 'yarn install' : 'yarn';
    ctx.report({
      span: commandSpan(cmd, p[0] === 'install' ? positionals(cmd, YARN_OPTS_WITH_ARG)[0] : null),
      message: {
        en: `\`${what}\` is not followed by \`yarn cache clean\` in this RUN: Yarn's package cache stays in the layer next to node_modules`,
        ko: `이 RUN에서 \`${what}\` 뒤에 \`yarn cache clean\`이 없습니다. Yarn 패키지 캐시가 node_modules 옆에 그대로 레이어에 남습니다`,
      },
      fixes,
    });
  },
});
