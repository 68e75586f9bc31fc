//! Helpers shared by the §7.6 package-manager rules (DF090–DF107): which commands of a RUN are
//! apt/apk/yum/dnf/zypper/pip/yarn invocations and what they do, `RUN --mount` cache/tmpfs checks,
//! stage walks that carry state (e.g. "the apt lists are present") from a parent stage to its
//! children, and text edits for quick fixes (insert an option, append `&& cleanup` to the
//! command's `&&` chain, remove a command with its operator).

import type { Instruction } from '../../syntax/nodes';
import type { SemanticModel, Stage } from '../../semantics/model';
import { parseMountValue } from '../../semantics/instructionSpec';
import { commandScript, positionals, shellKind, subcommand, type CommandScript, type ShCommand, type ShWord } from '../../shell/commands';
import type { TextEditSpan } from '../defineRule';

// ---------------------------------------------------------------------------------------------
// RUN instructions and their scripts

/** The RUN an instruction stands for: itself, or the trigger of `ONBUILD RUN`. */
export function runOf(ins: Instruction): Instruction | null {
  const t = ins.name === 'ONBUILD' ? ins.trigger : ins;
  return t && t.name === 'RUN' ? t : null;
}

/**
 * The parsed script of a RUN (or `ONBUILD RUN`), or null when there is none or the shell in force
 * is not a POSIX shell (exec-form RUN runs without a shell and is always analysed).
 */
export function runScript(ins: Instruction, source: string, shell: readonly string[] | null): CommandScript | null {
  const run = runOf(ins);
  if (!run || !run.command) return null;
  const script = commandScript(ins, source);
  if (!script) return null;
  if (script.form !== 'exec' && shell && shellKind(shell) !== 'posix') return null;
  return script;
}

/** Text of a RUN that rules scan for configuration (`APT::Get::Assume-Yes`…): arguments and heredoc bodies. */
export function runText(run: Instruction): string {
  let t = run.argsText;
  for (const h of run.heredocs) t += '\n' + h.content;
  return t;
}

/**
 * Whether the text of one of the RUNs noted so far matches `pattern` (a setting an earlier RUN
 * wrote, such as `APT::Get::Assume-Yes "true"` in apt.conf.d). The texts are scanned only when
 * a rule needs the answer (for a command it would otherwise report), not for every RUN.
 */
export class RunTextFlag {
  private runs: Instruction[] = [];
  private found = false;
  constructor(private readonly pattern: RegExp) {}
  /** Notes a RUN (or `ONBUILD RUN`'s RUN) that has run. */
  add(run: Instruction): void {
    if (!this.found) this.runs.push(run);
  }
  get value(): boolean {
    if (!this.found && this.runs.length) {
      this.found = this.runs.some((r) => this.pattern.test(runText(r)));
      this.runs = [];
    }
    return this.found;
  }
  copy(): RunTextFlag {
    const c = new RunTextFlag(this.pattern);
    c.found = this.found;
    c.runs = this.runs.slice();
    return c;
  }
}

// ---------------------------------------------------------------------------------------------
// RUN --mount

export interface MountInfo {
  type: string;
  /** Normalised target path ('' when missing). */
  target: string;
  id: string | null;
}

export function normPath(p: string): string {
  let s = p.includes('//') ? p.replace(/\/{2,}/g, '/') : p;
  while (s.length > 1 && s.endsWith('/')) s = s.slice(0, -1);
  return s;
}

/** The `--mount` flags of a RUN (or of an ONBUILD's RUN trigger). */
export function mountsOf(ins: Instruction): MountInfo[] {
  const run = runOf(ins);
  if (!run) return [];
  const out: MountInfo[] = [];
  for (const f of run.flags) {
    if (f.name.toLowerCase() !== 'mount' || f.value === null) continue;
    let type = 'bind';
    let target = '';
    let id: string | null = null;
    for (const e of parseMountValue(f.value)) {
      const k = e.key.toLowerCase();
      if (k === 'type' && e.value) type = e.value.toLowerCase();
      else if ((k === 'target' || k === 'dst' || k === 'destination') && e.value) target = normPath(e.value);
      else if (k === 'id' && e.value) id = e.value;
    }
    out.push({ type, target, id });
  }
  return out;
}

/** Does a mount target hide `path` (the target is the path or one of its parent directories)? */
export function covers(target: string, path: string): boolean {
  if (!target) return false;
  const p = normPath(path);
  return target === '/' || target === p || p.startsWith(target + '/');
}

/** The cache or tmpfs mount that hides `path` from the layer, if any. */
export function cacheOrTmpfsMountOver(ins: Instruction, paths: readonly string[]): MountInfo | null {
  if (runOf(ins)?.flags.length === 0) return null; // most RUNs: no mounts to list
  for (const m of mountsOf(ins)) {
    if (m.type !== 'cache' && m.type !== 'tmpfs') continue;
    if (paths.some((p) => covers(m.target, p))) return m;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// apt / apt-get

export const APT_OPTS_WITH_ARG: ReadonlySet<string> = new Set([
  '-o', '-c', '-t', '-a', '-P', '--option', '--config-file', '--target-release', '--default-release',
  '--host-architecture', '--build-profiles',
]);

export function isApt(cmd: ShCommand): boolean {
  return cmd.name === 'apt-get' || cmd.name === 'apt';
}

/** `install` in `apt-get -y install x` (null when the command is not apt/apt-get or has no action). */
export function aptAction(cmd: ShCommand): ShWord | null {
  if (!isApt(cmd)) return null;
  return subcommand(cmd, APT_OPTS_WITH_ARG);
}

/** The package arguments after the action. */
export function aptPackages(cmd: ShCommand): ShWord[] {
  return positionals(cmd, APT_OPTS_WITH_ARG).slice(1);
}

/** Values of `-o KEY=value` / `-oKEY=value` / `--option KEY=value` options whose key matches (case-insensitive). */
export function aptConfigOption(cmd: ShCommand, key: string): string[] {
  const out: string[] = [];
  const a = cmd.argv;
  const lk = key.toLowerCase();
  const take = (kv: string) => {
    const eq = kv.indexOf('=');
    if (eq > 0 && kv.slice(0, eq).toLowerCase() === lk) out.push(kv.slice(eq + 1));
  };
  for (let i = 1; i < a.length; i++) {
    const v = a[i].value;
    if (v === '--') break;
    if (v === '-o' || v === '--option') take(a[i + 1]?.value ?? '');
    else if (v.startsWith('--option=')) take(v.slice(9));
    else if (v.startsWith('-o=')) take(v.slice(3));
    else if (v.startsWith('-o') && !v.startsWith('--')) take(v.slice(2));
  }
  return out;
}

const TRUE_WORDS = new Set(['1', 'true', 'yes', 'on', 'with', 'enable']);
const FALSE_WORDS = new Set(['0', 'false', 'no', 'off', 'without', 'disable']);

/** APT's boolean parsing (apt-pkg StringToBool): true/false/null when the text is not a boolean. */
export function aptBool(v: string): boolean | null {
  const s = v.trim().replace(/^["']|["']$/g, '').toLowerCase();
  if (TRUE_WORDS.has(s)) return true;
  if (FALSE_WORDS.has(s)) return false;
  return null;
}

/** Quiet level from `-q`, `-qq`, `-q=2`, `--quiet`, `--quiet=2` (each `-q` adds one). */
export function aptQuietLevel(cmd: ShCommand): number {
  let level = 0;
  const a = cmd.argv;
  for (let i = 1; i < a.length; i++) {
    const v = a[i].value;
    if (v === '--') break;
    if (v === '--quiet') level++;
    else if (v.startsWith('--quiet=') || v.startsWith('-q=')) {
      const n = parseInt(v.slice(v.indexOf('=') + 1), 10);
      if (!Number.isNaN(n)) level = n;
    } else if (/^-[A-Za-z]+$/.test(v)) {
      for (const ch of v.slice(1)) if (ch === 'q') level++;
    }
  }
  return level;
}

/** Unquoted `$VAR` words among the arguments: they may carry options we cannot see. */
export function hasOpaqueWord(cmd: ShCommand): boolean {
  return cmd.argv.slice(1).some((w) => w.expansion && !w.quoted && w.value.startsWith('$'));
}

/** `rm` of a path that empties `dir` (`dir`, `dir/`, `dir/*` or a parent directory), or `find dir … -delete`. */
export function removesDir(cmd: ShCommand, dir: string): boolean {
  if (cmd.name === 'rm') {
    for (const w of positionals(cmd)) if (pathEmpties(w.value, dir)) return true;
    return false;
  }
  if (cmd.name === 'find') {
    const a = cmd.argv.map((w) => w.value);
    return a.includes('-delete') && a.slice(1).some((v) => !v.startsWith('-') && pathEmpties(v, dir));
  }
  return false;
}

/** Does deleting `arg` (as `rm -rf arg` would) leave `dir` empty? */
export function pathEmpties(arg: string, dir: string): boolean {
  let v = arg.trim();
  if (!v.startsWith('/')) return false;
  if (v.endsWith('/*')) v = v.slice(0, -2);
  v = normPath(v);
  return covers(v, dir);
}

export const APT_LISTS = '/var/lib/apt/lists';

/** Commands that remove the apt lists: `rm -rf /var/lib/apt/lists/*`, `apt-get distclean` (apt ≥ 2.7.8). */
export function removesAptLists(cmd: ShCommand): boolean {
  if (!isApt(cmd)) return removesDir(cmd, APT_LISTS);
  const a = aptAction(cmd)?.value;
  return a === 'distclean' || a === 'dist-clean';
}

// ---------------------------------------------------------------------------------------------
// apk

export const APK_OPTS_WITH_ARG: ReadonlySet<string> = new Set([
  '-t', '--virtual', '-X', '--repository', '-p', '--root', '--arch', '--keys-dir', '--repositories-file',
  '--cache-dir', '--cache-max-age', '--timeout', '--progress-fd', '--wait',
]);

export function apkAction(cmd: ShCommand): ShWord | null {
  return cmd.name === 'apk' ? subcommand(cmd, APK_OPTS_WITH_ARG) : null;
}

export function apkPackages(cmd: ShCommand): ShWord[] {
  return positionals(cmd, APK_OPTS_WITH_ARG).slice(1);
}

// ---------------------------------------------------------------------------------------------
// yum / dnf / microdnf / zypper

export const RPM_OPTS_WITH_ARG: ReadonlySet<string> = new Set([
  '-c', '--config', '--installroot', '--releasever', '--setopt', '--enablerepo', '--disablerepo', '--repo', '--repoid',
  '-x', '--exclude', '-d', '--debuglevel', '-e', '--errorlevel', '--rpmverbosity', '--color', '--forcearch',
  '--downloaddir', '--destdir', '--comment', '--advisory', '--advisories', '--bz', '--cve', '--sec-severity',
  '--secseverity', '--module-platform-id', '--disableplugin', '--enableplugin', '--platform',
]);
export const ZYPPER_OPTS_WITH_ARG: ReadonlySet<string> = new Set([
  '-R', '--root', '-c', '--config', '-D', '--reposd-dir', '-C', '--cache-dir', '--raw-cache-dir', '--solv-cache-dir',
  '--pkg-cache-dir', '-p', '--plus-repo', '--userdata', '--installroot',
]);

export type RpmManager = 'yum' | 'dnf' | 'microdnf' | 'zypper';

/** Which RPM-family package manager a command runs (`dnf5` counts as dnf). */
export function rpmManager(cmd: ShCommand): RpmManager | null {
  const n = cmd.name;
  if (n === 'yum') return 'yum';
  if (n === 'dnf' || n === 'dnf5' || n === 'dnf-3') return 'dnf';
  if (n === 'microdnf') return 'microdnf';
  if (n === 'zypper') return 'zypper';
  return null;
}

// ---------------------------------------------------------------------------------------------
// pip

export const PIP_OPTS_WITH_ARG: ReadonlySet<string> = new Set([
  '-r', '--requirement', '-c', '--constraint', '-e', '--editable', '-t', '--target', '-i', '--index-url',
  '--extra-index-url', '-f', '--find-links', '--prefix', '--root', '--src', '--upgrade-strategy', '--python-version',
  '--platform', '--implementation', '--abi', '--no-binary', '--only-binary', '--progress-bar', '--log', '--proxy',
  '--retries', '--timeout', '--exists-action', '--trusted-host', '--cert', '--client-cert', '--cache-dir',
  '--global-option', '--config-settings', '-C', '--python', '--report', '--root-user-action',
]);
const PIP = /^pip(\d+(\.\d+)?)?$/;
const PYTHON = /^python(\d+(\.\d+)?)?$/;

/** The `install` word of `pip install …` / `python3 -m pip install …`, or null. */
export function pipInstallWord(cmd: ShCommand): ShWord | null {
  if (PIP.test(cmd.name)) {
    const sub = subcommand(cmd, PIP_OPTS_WITH_ARG);
    return sub && sub.value === 'install' ? sub : null;
  }
  if (PYTHON.test(cmd.name)) {
    const a = cmd.argv;
    for (let i = 1; i < a.length; i++) {
      if (a[i].value === '-m' && a[i + 1]?.value === 'pip') {
        // Skip pip's global options between `pip` and the subcommand.
        for (let j = i + 2; j < a.length; j++) {
          const v = a[j].value;
          if (v === 'install') return a[j];
          if (!v.startsWith('-')) return null;
          if (PIP_OPTS_WITH_ARG.has(v)) j++;
        }
        return null;
      }
      if (!a[i].value.startsWith('-') || a[i].value === '-m' || a[i].value === '-c') return null; // `python script.py …`
      if (a[i].value === '-W' || a[i].value === '-X') i++;
    }
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Shell text edits

/** The script command index list helpers need: position of `cmd` in `script.commands`. */
export function indexOf(script: CommandScript, cmd: ShCommand): number {
  return script.commands.indexOf(cmd);
}

/**
 * Source offset of the first character of `word.value` when the word is written plainly or
 * wholly inside one pair of quotes (so value offsets map 1:1 to the source), else null.
 */
export function valueStart(word: ShWord, source: string): number | null {
  const raw = word.raw;
  if (source.slice(word.start, word.end) !== raw) return null;
  if (raw === word.value) return word.start;
  if (raw.length >= 2 && (raw[0] === '"' || raw[0] === "'") && raw[raw.length - 1] === raw[0] && raw.slice(1, -1) === word.value) return word.start + 1;
  return null;
}

/** An edit inserting options right after `word` (` -y` in shell form, `, "-y"` in exec form). */
export function insertOptionsAfter(script: CommandScript, word: ShWord, options: string[]): TextEditSpan {
  const newText = script.form === 'exec' ? options.map((o) => `, ${JSON.stringify(o)}`).join('') : options.map((o) => ` ${o}`).join('');
  return { start: word.end, end: word.end, newText };
}

function sameLevel(a: ShCommand, b: ShCommand): boolean {
  return a.subshell === b.subshell && a.substitution === b.substitution && a.compound === b.compound;
}

/**
 * Offset at the end of the `&&` chain (and pipelines in it) that starts at command `i`: where
 * `&& cleanup` can be appended so that it runs right after the chain. Null when that is not
 * clearly right: the command is inside a loop/if body or a substitution, the chain is
 * backgrounded, or the script is exec form (no shell to run `&&`).
 */
export function chainEndOffset(script: CommandScript, i: number): number | null {
  if (script.form === 'exec') return null;
  const cmds = script.commands;
  const c0 = cmds[i];
  if (!c0 || c0.compound || c0.substitution) return null;
  let k = i;
  while (k + 1 < cmds.length && (cmds[k].opAfter === '&&' || cmds[k].opAfter === '|' || cmds[k].opAfter === '|&') && sameLevel(cmds[k + 1], c0)) k++;
  const op = cmds[k].opAfter;
  if (op === '&' || op === '|' || op === '|&') return null;
  return cmds[k].end;
}

/** Text between two offsets with Dockerfile line continuations (escape + newline) taken out. */
function separatorText(source: string, a: number, b: number, escape: string): string {
  const esc = escape === '`' ? '`' : '\\\\';
  return source.slice(a, b).replace(new RegExp(`${esc}[ \\t]*\\r?\\n`, 'g'), ' ');
}

/**
 * Edit that deletes command `i` together with the operator joining it to its neighbour
 * (`a && X && b` → `a && b`; `X && b` → `b`; `a; X` → `a`; a heredoc line with its newline). Null when the command is alone, or
 * the text around it is more than a plain `&&`/`;` (a subshell paren, `||`, a pipe, a keyword).
 */
export function removeCommandEdit(script: CommandScript, i: number, source: string, escape: string): TextEditSpan | null {
  if (script.form === 'exec') return null;
  const cmds = script.commands;
  const c = cmds[i];
  if (!c) return null;
  const prev = cmds[i - 1];
  const next = cmds[i + 1];
  const plainSep = (a: number, b: number) => /^\s*(&&|;)?\s*$/.test(separatorText(source, a, b, escape));
  if (prev && (c.opBefore === '&&' || c.opBefore === ';' || c.opBefore === '\n') && sameLevel(prev, c) && !c.compound && plainSep(prev.end, c.start) && c.opAfter !== '|' && c.opAfter !== '|&') {
    return { start: prev.end, end: c.end, newText: '' };
  }
  if (next && (c.opAfter === '&&' || c.opAfter === ';' || c.opAfter === '\n') && sameLevel(next, c) && !c.compound && plainSep(c.end, next.start) && c.opBefore !== '|' && c.opBefore !== '||') {
    return { start: c.start, end: next.start, newText: '' };
  }
  return null;
}

/** Span from the command name to its action word (`apt-get install`), for precise diagnostics. */
export function commandSpan(cmd: ShCommand, action: ShWord | null): { start: number; end: number } {
  const first = cmd.argv[0] ?? cmd.words[0];
  const start = first ? first.start : cmd.start;
  return { start, end: action ? action.end : first ? first.end : cmd.end };
}

// ---------------------------------------------------------------------------------------------
// Stage walks

/**
 * Visits every RUN (and `ONBUILD RUN`) stage by stage, parents before children: each stage starts
 * with a copy of its parent stage's final state (or `initial()`), its own RUNs are visited in
 * order, then its ONBUILD RUNs with a copy of the stage's final state (they run in a later build,
 * after the whole image). `visit` may mutate the state.
 */
export function walkRuns<S>(
  model: SemanticModel,
  initial: (stage: Stage) => S,
  clone: (s: S) => S,
  visit: (ins: Instruction, run: Instruction, stage: Stage, state: S, onbuild: boolean) => void,
): void {
  // (Per-stage rules call this once per stage with a one-stage model: no map then.)
  const stages = model.stages;
  const end = stages.length > 1 ? new Map<Stage, S>() : null;
  for (const st of stages) {
    const parentState = st.parent && end ? end.get(st.parent) : undefined;
    const state = parentState !== undefined ? clone(parentState) : initial(st);
    let onbuild: Instruction[] | null = null;
    for (const ins of st.instructions) {
      if (ins.name === 'ONBUILD') {
        if (runOf(ins)) (onbuild ??= []).push(ins);
        continue;
      }
      if (ins.name === 'RUN') visit(ins, ins, st, state, false);
    }
    end?.set(st, state);
    if (onbuild) {
      const later = clone(state);
      for (const ins of onbuild) visit(ins, runOf(ins)!, st, later, true);
    }
  }
}

const shippedMemo = new WeakMap<SemanticModel, ReadonlySet<Stage>>();

/**
 * Stages whose filesystem reaches an image that is kept: the last stage and every stage some
 * other stage is built FROM. Computed once per model (per-stage rules ask for every stage).
 */
export function shippedStages(model: SemanticModel): ReadonlySet<Stage> {
  let out = shippedMemo.get(model);
  if (!out) {
    const set = new Set<Stage>();
    const last = model.stages[model.stages.length - 1];
    if (last) set.add(last);
    for (const st of model.stages) if (st.parent) set.add(st.parent);
    shippedMemo.set(model, (out = set));
  }
  return out;
}
