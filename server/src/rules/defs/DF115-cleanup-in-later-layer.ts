//! A RUN that only cleans up (`rm -rf …`, `apt-get clean`, `apt-get purge/autoremove`,
//! `yum/dnf clean`, `apk del`) files that an earlier RUN or COPY of the same stage created.
//! Each instruction is a layer: deleting in a later layer only hides the files, the earlier
//! layer still ships them, so the image does not get smaller (Docker docs, "Best practices":
//! apt-get lists are removed in the same RUN; the ENV/unset example in "Dockerfile best
//! practices" shows the same layer effect). RUNs whose mounts (`--mount=type=cache|tmpfs|bind`)
//! hold the path did not write it to their layer and do not count (rules.md §7.9).
//! Fix (unsafe): append the cleanup to the RUN that created the files and delete this RUN,
//! when exactly one RUN created them and nothing runs in between.
import { defineRule, type Fix } from '../defineRule';
import type { DockerfileTree, Instruction } from '../../syntax/nodes';
import { positionals, subcommand, type ShCommand } from '../../shell/commands';
import {
  copiedPath, copyOperands, deleteLines, lineNumber, lineStart, mountTargets, normalizePath, resolvePath,
  runCommands, stageSequences, within, workdirAfter, type CPath, type Step,
} from '../util/buildCacheSize';

type Pm = 'apt' | 'yum' | 'apk' | 'pip' | 'npm';

/** What a cleanup command removes. */
interface Target {
  cmd: ShCommand;
  /** rm: resolved paths (globs kept) … */
  paths: { raw: string; path: CPath }[];
  /** … or the package manager whose cache/packages it removes, with package names (empty = any). */
  pm?: Pm;
  packages?: string[];
  what: 'cache' | 'packages' | 'paths';
}

/** Cache directories written by package managers (RUNs using them "create" these paths). */
const PM_DIRS: [string, Pm][] = [
  ['/var/lib/apt/lists', 'apt'], ['/var/cache/apt', 'apt'], ['/var/cache/debconf', 'apt'], ['/var/log/apt', 'apt'], ['/var/log/dpkg.log', 'apt'],
  ['/var/cache/yum', 'yum'], ['/var/cache/dnf', 'yum'], ['/var/lib/dnf', 'yum'], ['/var/log/dnf.log', 'yum'],
  ['/var/cache/apk', 'apk'], ['/etc/apk/cache', 'apk'],
  ['/root/.cache/pip', 'pip'], ['/root/.cache', 'pip'], ['/root/.npm', 'npm'], ['/root/.cache/npm', 'npm'],
];

const APT = new Set(['apt-get', 'apt', 'aptitude']);
const YUM = new Set(['yum', 'dnf', 'microdnf', 'tdnf']);
const PIP = /^pip[0-9.]*$/;
const RM_FLAGS = /^-(?:[rRfvdI]+|-recursive|-force|-verbose|-dir|-one-file-system|-preserve-root|-no-preserve-root)$/;
const APT_VALUE_OPTS = new Set(['-o', '-c', '-t', '--target-release', '--option', '--config-file']);
const YUM_VALUE_OPTS: ReadonlySet<string> = new Set(['--setopt', '-x', '--exclude', '--enablerepo', '--disablerepo', '--installroot']);
/** apk options with a value, for `apk del` (`apk add` also takes `-t`/`--virtual NAME`). */
const APK_DEL_VALUE_OPTS: ReadonlySet<string> = new Set(['--repository', '-X', '--root', '-p']);
const APK_VALUE_OPTS: ReadonlySet<string> = new Set([...APK_DEL_VALUE_OPTS, '-t', '--virtual']);

const stripVersion = (p: string) => p.replace(/[=~<>].*$/, '').replace(/:[a-z0-9]+$/, '');

/** The target of a cleanup-only command, or null when the command is anything else. */
function cleanupTarget(c: ShCommand, cwd: CPath): Target | null {
  if (c.name === 'rm') {
    const paths: Target['paths'] = [];
    let ended = false;
    for (let i = 1; i < c.argv.length; i++) {
      const v = c.argv[i].value;
      if (!ended && v === '--') { ended = true; continue; }
      if (!ended && v.startsWith('-')) { if (!RM_FLAGS.test(v)) return null; continue; }
      paths.push({ raw: v, path: v.includes('$') ? null : resolvePath(cwd, v) });
    }
    return paths.length ? { cmd: c, paths, what: 'paths' } : null;
  }
  if (APT.has(c.name)) {
    const sub = subcommand(c, APT_VALUE_OPTS)?.value;
    if (sub === 'clean' || sub === 'autoclean') return { cmd: c, paths: [], pm: 'apt', what: 'cache' };
    if (sub === 'purge' || sub === 'remove' || sub === 'autoremove' || sub === 'autopurge') {
      return { cmd: c, paths: [], pm: 'apt', packages: positionals(c, APT_VALUE_OPTS).slice(1).map((w) => stripVersion(w.value)), what: 'packages' };
    }
    return null;
  }
  if (YUM.has(c.name)) {
    const sub = subcommand(c, YUM_VALUE_OPTS)?.value;
    if (sub === 'clean') return { cmd: c, paths: [], pm: 'yum', what: 'cache' };
    if (sub === 'remove' || sub === 'erase' || sub === 'autoremove') return { cmd: c, paths: [], pm: 'yum', packages: positionals(c, YUM_VALUE_OPTS).slice(1).map((w) => w.value), what: 'packages' };
    return null;
  }
  if (c.name === 'apk') {
    const pos = positionals(c, APK_DEL_VALUE_OPTS);
    if (pos[0]?.value === 'del') return { cmd: c, paths: [], pm: 'apk', packages: pos.slice(1).map((w) => w.value), what: 'packages' };
    if (pos[0]?.value === 'cache' && pos[1]?.value === 'clean') return { cmd: c, paths: [], pm: 'apk', what: 'cache' };
    return null;
  }
  const a1 = c.argv[1]?.value, a2 = c.argv[2]?.value;
  if ((PIP.test(c.name) && a1 === 'cache' && (a2 === 'purge' || a2 === 'remove')) || (c.name === 'npm' && a1 === 'cache' && a2 === 'clean')) {
    return { cmd: c, paths: [], pm: c.name === 'npm' ? 'npm' : 'pip', what: 'cache' };
  }
  return null;
}

/** Glob-aware test: does rm's `pattern` (resolved) remove `p` (it equals or contains it, or the glob matches)? */
function removes(pattern: CPath, p: CPath): boolean {
  if (pattern === null || p === null) return false;
  if (!/[*?[]/.test(pattern)) return within(pattern, p) || within(p, pattern);
  const re = new RegExp('^' + pattern.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]').replace(/\[!/g, '[^') + '(/.*)?$');
  if (re.test(p)) return true;
  // `rm -rf /var/lib/apt/lists/*` vs a creator of `/var/lib/apt/lists`: the glob's fixed prefix lies inside p.
  const fixed = pattern.slice(0, pattern.search(/[*?[]/)).replace(/\/[^/]*$/, '');
  return fixed !== '' && within(p, fixed);
}

interface Facts {
  step: Step;
  /** Package managers the RUN installs/updates with (and so writes caches for). */
  pms: Set<Pm>;
  /** Packages it installs, per manager (apk `--virtual` names included). */
  packages: Map<Pm, Set<string>>;
  /** Paths mentioned in its words, resolved. */
  paths: CPath[];
  /** Paths it removes itself. */
  removed: CPath[];
  /** Paths under mounts (not written to the layer). */
  mounts: CPath[];
  /** Paths a COPY/ADD creates. */
  copied: CPath[];
  /** Package managers whose cache the RUN cleans itself (after installing). */
  cleaned: Set<Pm>;
  cmds: ShCommand[] | null;
}

function runFacts(step: Step, cmds: ShCommand[], cwd: CPath): Facts {
  const f: Facts = { step, pms: new Set(), packages: new Map(), paths: [], removed: [], mounts: mountTargets(step.ins, cwd).map((m) => m.target), copied: [], cmds, cleaned: new Set() };
  const add = (pm: Pm, names: string[]) => {
    f.pms.add(pm);
    const s = f.packages.get(pm) ?? new Set<string>();
    names.forEach((n) => s.add(n));
    f.packages.set(pm, s);
  };
  for (const c of cmds) {
    const a = c.argv.map((w) => w.value);
    if (APT.has(c.name)) {
      const pos = positionals(c, APT_VALUE_OPTS);
      if (['install', 'update', 'upgrade', 'dist-upgrade', 'full-upgrade', 'build-dep'].includes(pos[0]?.value ?? '')) add('apt', pos.slice(1).map((w) => stripVersion(w.value)));
    } else if (YUM.has(c.name)) {
      const pos = positionals(c, YUM_VALUE_OPTS);
      if (['install', 'update', 'upgrade', 'makecache', 'groupinstall', 'reinstall'].includes(pos[0]?.value ?? '')) add('yum', pos.slice(1).map((w) => w.value));
    } else if (c.name === 'apk') {
      const pos = positionals(c, APK_VALUE_OPTS);
      if (pos[0]?.value === 'add' || pos[0]?.value === 'update' || pos[0]?.value === 'upgrade') {
        const names = pos.slice(1).map((w) => stripVersion(w.value));
        for (let i = 1; i < a.length; i++) if ((a[i] === '-t' || a[i] === '--virtual') && a[i + 1]) names.push(a[i + 1]);
        for (const v of a) { const m = /^--virtual=(.+)$/.exec(v); if (m) names.push(m[1]); }
        if (a.includes('--no-cache')) { f.pms.add('apk'); const s = f.packages.get('apk') ?? new Set<string>(); names.forEach((n) => s.add(n)); f.packages.set('apk', s); f.removed.push('/var/cache/apk', '/etc/apk/cache'); }
        else add('apk', names);
      }
    } else if (PIP.test(c.name) && a[1] === 'install' && !a.includes('--no-cache-dir')) add('pip', []);
    else if (c.name === 'npm' && ['install', 'i', 'ci'].includes(a[1] ?? '')) add('npm', []);
    const t = cleanupTarget(c, cwd);
    if (t && t.what === 'paths') for (const p of t.paths) f.removed.push(p.path);
    if (t && t.what === 'cache' && t.pm) f.cleaned.add(t.pm);
    for (const w of c.argv.slice(1)) {
      for (const part of w.value.split('=')) {
        if (!part.includes('/') || part.includes('$') || /^[a-z][a-z0-9+.-]*:\/\//i.test(part) || part.startsWith('-')) continue;
        f.paths.push(resolvePath(cwd, part));
      }
    }
    for (const r of c.redirects) if (r.target && r.op.includes('>') && !r.target.value.includes('$')) f.paths.push(resolvePath(cwd, r.target.value));
  }
  return f;
}

/** A COPY/ADD or RUN before a cleanup, with the WORKDIR it ran in (and a RUN's commands); its facts once computed. */
interface Earlier {
  step: Step;
  cwd: CPath;
  cmds: ShCommand[] | null;
  facts: Facts | null;
}

function earlierFacts(e: Earlier): Facts {
  if (e.step.ins.name !== 'RUN') return copyFacts(e.step, e.cwd);
  const f = runFacts(e.step, e.cmds ?? [], e.cwd);
  if (!e.cmds) f.cmds = null;
  return f;
}

function copyFacts(step: Step, cwd: CPath): Facts {
  const ins = step.ins;
  const op = copyOperands(ins);
  const copied = op ? op.sources.map((s) => copiedPath(cwd, op, s)) : [];
  if (op && ins.name === 'ADD' && op.sources.some((s) => /\.(tar|tgz|tar\.\w+|tbz2?|txz)$/i.test(s.value))) copied.push(resolvePath(cwd, op.dest.value));
  return { step, pms: new Set(), packages: new Map(), paths: [], removed: [], mounts: [], copied, cmds: null, cleaned: new Set() };
}

/** Does this earlier instruction create what the cleanup removes? */
function creates(f: Facts, t: Target): boolean {
  if (t.what === 'paths') {
    return t.paths.some(({ path }) => {
      if (path === null) return false;
      if (f.mounts.some((m) => within(m, path))) return false;
      if (f.removed.some((r) => r !== null && (removes(r, path) && (within(r, path) || r === path)))) return false;
      if (f.copied.some((c) => removes(path, c))) return true;
      if (f.cmds === null) return false;
      for (const [dir, pm] of PM_DIRS) if (f.pms.has(pm) && (removes(path, dir) || within(dir, path))) return true;
      return f.paths.some((p) => p !== null && removes(path, p) && (within(path, p) || /[*?[]/.test(path)));
    });
  }
  if (!t.pm || !f.pms.has(t.pm)) return false;
  if (t.what === 'cache') {
    if (f.cleaned.has(t.pm) || (t.pm === 'apk' && f.removed.includes('/var/cache/apk'))) return false;
    if (f.mounts.some((m) => m !== null && PM_DIRS.some(([d, pm]) => pm === t.pm && within(m, d)))) return false;
    return true;
  }
  const installed = f.packages.get(t.pm);
  if (!installed || installed.size === 0) return false;
  return !t.packages?.length || t.packages.some((p) => installed.has(p));
}

function describe(t: Target): { en: string; ko: string } {
  if (t.what === 'paths') {
    const list = t.paths.map((p) => p.raw).join(' ');
    return { en: list, ko: list };
  }
  const tool = t.cmd.argv.slice(0, 2).map((w) => w.value).join(' ');
  return t.what === 'cache'
    ? { en: `the package cache (\`${tool}\`)`, ko: `패키지 캐시(\`${tool}\`)` }
    : { en: `packages (\`${tool}${t.packages?.length ? ' ' + t.packages.join(' ') : ''}\`)`, ko: `패키지(\`${tool}${t.packages?.length ? ' ' + t.packages.join(' ') : ''}\`)` };
}

const BLOCKERS = new Set(['RUN', 'WORKDIR', 'USER', 'SHELL', 'ONBUILD']);

/** Edit appending ` && cleanup` to a RUN (shell form, or the single `RUN <<EOF` heredoc body); null when unsafe. */
function appendEdit(tree: DockerfileTree, ins: Instruction, cmds: ShCommand[], cleanup: string): Fix['edits'][number] | null {
  const cmd = ins.command;
  if (!cmd || cmd.form !== 'shell' || !cmds.length) return null;
  const last = cmds[cmds.length - 1];
  if (ins.heredocs.length) {
    const h = ins.heredocs[0];
    const head = tree.text.slice(cmd.span.start, cmd.span.end).trim();
    if (ins.heredocs.length !== 1 || !h.terminatorSpan || !/^<<-?\s*["']?\w+["']?$/.test(head)) return null;
    return { start: h.terminatorSpan.start, end: h.terminatorSpan.start, newText: (h.chomp ? '\t' : '') + cleanup + '\n' };
  }
  if (last.opAfter !== null) return null;
  const tail = tree.text.slice(last.end, cmd.span.end);
  if (tail.includes('#')) return null;
  const text = tree.text.slice(cmd.span.start, cmd.span.end);
  if (!text.includes('\n')) return { start: cmd.span.end, end: cmd.span.end, newText: ` && ${cleanup}` };
  const ls = lineStart(tree, cmd.span.end - 1);
  const lastLine = tree.text.slice(ls, cmd.span.end);
  const indent = /^[ \t]*/.exec(lastLine)![0];
  const esc = ins.escape;
  return lastLine.trim().startsWith('&&')
    ? { start: cmd.span.end, end: cmd.span.end, newText: ` ${esc}\n${indent}&& ${cleanup}` }
    : { start: cmd.span.end, end: cmd.span.end, newText: ` && ${esc}\n${indent}${cleanup}` };
}

export default defineRule({
  id: 'DF115',
  name: 'cleanup-in-later-layer',
  category: 'image size',
  severity: 'info',
  aliases: {},
  fixable: true,
  docs: {
    en: {
      title: 'Clean up in the same RUN that created the files',
      rationale: 'Every RUN and COPY adds a layer. A later `RUN rm -rf …`, `apt-get clean` or `apt-get purge` only hides the files: the earlier layer still contains them, so the image is not smaller (and secrets deleted this way are still extractable). Delete temporary files, package lists and build dependencies in the same RUN that created them, or avoid storing them with `RUN --mount=type=cache|bind`.',
    },
    ko: {
      title: '파일을 만든 바로 그 RUN에서 정리하세요',
      rationale: 'RUN과 COPY는 각각 레이어를 하나씩 추가합니다. 나중 RUN에서 `rm -rf …`, `apt-get clean`, `apt-get purge`를 해도 파일이 가려질 뿐 앞 레이어에는 그대로 남아 있어 이미지가 작아지지 않습니다(이렇게 지운 비밀 정보도 꺼낼 수 있습니다). 임시 파일, 패키지 목록, 빌드 의존성은 그것을 만든 RUN 안에서 지우거나, `RUN --mount=type=cache|bind`로 아예 레이어에 남기지 마세요.',
    },
  },
  scope: 'file',
  perStage: true,
  citesLines: true,
  check({ tree, model, report }) {
    const source = tree.text;
    for (const stage of model.stages) {
      for (const seq of stageSequences(stage)) {
        // What each earlier step created, computed only when a later cleanup-only RUN asks.
        const history: Earlier[] = [];
        const fact = (k: number): Facts => {
          const h = history[k];
          return (h.facts ??= earlierFacts(h));
        };
        let cwd: CPath = '';
        for (let i = 0; i < seq.length; i++) {
          const step = seq[i];
          const ins = step.ins;
          if (ins.name === 'COPY' || ins.name === 'ADD') {
            history.push({ step, cwd, cmds: null, facts: null });
          } else if (ins.name === 'RUN') {
            const cmds = runCommands(model, step, source);
            if (cmds && cmds.length) {
              const targets: Target[] = [];
              let only = true;
              for (const c of cmds) {
                if (c.name === 'true' || c.name === ':' || (c.name === 'set' && c.argv.length >= 1)) continue;
                const t = c.substitution || c.subshell ? null : cleanupTarget(c, cwd);
                if (!t) { only = false; break; }
                targets.push(t);
              }
              if (only && targets.length) {
                const own = mountTargets(ins, cwd);
                const matched: { t: Target; creators: Facts[] }[] = [];
                for (const t of targets) {
                  // Paths under this RUN's own cache/tmpfs mounts are not in any layer.
                  if (t.what === 'paths' && t.paths.every((p) => p.path !== null && own.some((m) => within(m.target, p.path)))) continue;
                  const creators: Facts[] = [];
                  for (let k = 0; k < history.length; k++) if (creates(fact(k), t)) creators.push(fact(k));
                  if (creators.length) matched.push({ t, creators });
                }
                if (matched.length) reportCleanup(step, cmds, targets, matched, i);
              }
            }
            history.push({ step, cwd, cmds, facts: null });
          }
          cwd = workdirAfter(cwd, ins);
        }

        function reportCleanup(step: Step, cmds: ShCommand[], targets: Target[], matched: { t: Target; creators: Facts[] }[], index: number) {
          const all = new Set(matched.flatMap((m) => m.creators));
          // A COPY/ADD that put the file there is the layer that keeps it, even if a later RUN read it.
          const sorted = [...all].sort((a, b) => b.step.outer.start - a.step.outer.start);
          const latest = sorted.find((f) => f.step.ins.name !== 'RUN') ?? sorted[0];
          const creatorIns = latest.step.ins;
          const line = lineNumber(tree, latest.step.outer.start);
          const kind = creatorIns.name;
          const what = describe(matched[0].t);
          const verb = matched[0].t.what === 'packages' ? { en: 'installed', ko: '설치한' } : matched[0].t.what === 'cache' ? { en: 'filled', ko: '채운' } : { en: 'created', ko: '만든' };
          const first = cmds[0];
          const lastCmd = cmds[cmds.length - 1];
          const byCopy = kind !== 'RUN';
          const fixes: Fix[] = [];
          // Fix: one RUN created everything this RUN removes, nothing runs in between, plain `&&` script.
          const ins = step.ins;
          const runCreators = [...all].filter((f) => f.step.ins.name === 'RUN');
          if (!byCopy && all.size === 1 && runCreators.length === 1 && matched.length === targets.length && ins.command?.form === 'shell' && !ins.heredocs.length && !ins.flags.length
            && cmds.every((c, k) => k === cmds.length - 1 ? c.opAfter === null : c.opAfter === '&&')) {
            const between = seq.slice(seq.indexOf(latest.step) + 1, index);
            if (!between.some((s) => BLOCKERS.has(s.ins.name))) {
              const cleanup = source.slice(first.start, lastCmd.end).replace(/[ \t]*\\?\r?\n[ \t]*/g, ' ').replace(/\s+/g, ' ').trim();
              const plain = !/[\n#]/.test(source.slice(first.start, lastCmd.end)) || ins.escape === '\\';
              const edit = plain && latest.cmds ? appendEdit(tree, creatorIns, latest.cmds, cleanup) : null;
              if (edit) {
                fixes.push({
                  title: { en: `Move \`${cleanup}\` into the RUN on line ${line}`, ko: `\`${cleanup}\`을(를) ${line}번째 줄의 RUN으로 옮기기` },
                  edits: [edit, deleteLines(tree, step.outer)],
                  safe: false,
                });
              }
            }
          }
          report({
            span: { start: first.start, end: lastCmd.end },
            message: byCopy
              ? {
                  en: `this RUN only removes ${what.en}, which the ${kind} on line ${line} put in its own layer: deleting it later does not make the image smaller; avoid storing it (e.g. \`RUN --mount=type=bind\`) or remove it in the instruction that creates it`,
                  ko: `이 RUN은 ${line}번째 줄의 ${kind}가 자기 레이어에 넣은 ${what.ko}을(를) 지우기만 합니다. 나중에 지워도 이미지는 작아지지 않습니다. 아예 저장하지 않거나(예: \`RUN --mount=type=bind\`) 만드는 명령어 안에서 지우세요`,
                }
              : {
                  en: `this RUN only removes ${what.en}, ${verb.en} by the RUN on line ${line}: deleting it in a later layer does not make the image smaller; do the cleanup in that RUN`,
                  ko: `이 RUN은 ${line}번째 줄의 RUN이 ${verb.ko} ${what.ko}을(를) 지우기만 합니다. 다음 레이어에서 지워도 이미지는 작아지지 않으니 그 RUN 안에서 정리하세요`,
                },
            related: [{ span: { start: latest.step.outer.start, end: latest.step.ins.keywordSpan.end }, message: { en: `the ${kind} that created it`, ko: `파일을 만든 ${kind}` } }],
            fixes,
          });
        }
      }
    }
  },
});
