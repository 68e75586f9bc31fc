//! Shell analysis of Dockerfile instructions for rules: which script a RUN (or shell-form
//! CMD/ENTRYPOINT/HEALTHCHECK) runs, parsed once per instruction node, plus option helpers
//! shared by the package-manager rules. Pure.

import { detachStrings } from '../syntax/detach';
import { settle } from '../syntax/incremental';
import type { Instruction } from '../syntax/nodes';
import { basename, cleanContinuations, identityText, parseShellMapped, stripWrappers, type ShCommand, type ShError, type ShWord } from './parser';

export type ShellKind = 'posix' | 'powershell' | 'cmd' | 'other';

/** What kind of shell a SHELL array names (`["/bin/sh","-c"]` → posix). */
const kinds = new WeakMap<readonly string[], ShellKind>();
export function shellKind(shell: readonly string[]): ShellKind {
  let k = kinds.get(shell);
  if (k === undefined) {
    k = computeShellKind(shell);
    kinds.set(shell, k);
  }
  return k;
}

function computeShellKind(shell: readonly string[]): ShellKind {
  const exe = basename((shell[0] ?? '').replace(/\\/g, '/')).toLowerCase().replace(/\.exe$/, '');
  if (['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh', 'mksh', 'busybox'].includes(exe)) return 'posix';
  if (exe === 'powershell' || exe === 'pwsh') return 'powershell';
  if (exe === 'cmd') return 'cmd';
  return 'other';
}

export interface CommandScript {
  /** `shell`: shell-form text; `exec`: one command from the JSON array (no shell); `heredoc`: script bodies. */
  form: 'shell' | 'exec' | 'heredoc';
  commands: ShCommand[];
  errors: ShError[];
}

interface Cached {
  start: number;
  end: number;
  script: CommandScript | null;
}

const cache = new WeakMap<Instruction, Cached>();

const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh']);

function shebangIsShell(body: string): boolean {
  if (!body.startsWith('#!')) return true;
  const line = body.slice(2, body.indexOf('\n') < 0 ? body.length : body.indexOf('\n')).trim().split(/\s+/);
  let exe = basename(line[0] ?? '');
  if (exe === 'env' && line[1]) exe = basename(line[1]);
  return SHELLS.has(exe);
}

/**
 * The commands an instruction runs: RUN, CMD, ENTRYPOINT, HEALTHCHECK CMD (and an ONBUILD's
 * trigger). Null for other instructions. Cached per node (recomputed when the node moved).
 */
export function commandScript(ins: Instruction, source: string): CommandScript | null {
  // A node moved by a lazy reparse is read with its inner spans caught up (see `Instruction.lag`).
  if (ins.lag !== 0) settle(ins);
  const target = ins.name === 'ONBUILD' ? ins.trigger : ins;
  if (!target) return null;
  const c = cache.get(target);
  if (c && c.start === target.start && c.end === target.end) return c.script;
  if (c && c.end - c.start === target.end - target.start) {
    // The same node moved (the incremental parser reuses unchanged nodes): shift, do not re-parse.
    const d = target.start - c.start;
    c.script = c.script && shiftScript(c.script, d);
    c.start = target.start;
    c.end = target.end;
    return c.script;
  }
  const script = compute(target, source);
  // Cached with the node across edits: it must not pin this version of the text (detach.ts).
  detachStrings(script);
  cache.set(target, { start: target.start, end: target.end, script });
  return script;
}

function shiftScript(sc: CommandScript, d: number): CommandScript {
  const words = new Map<ShWord, ShWord>();
  const w = (x: ShWord): ShWord => {
    let y = words.get(x);
    if (!y) { y = { ...x, start: x.start + d, end: x.end + d }; words.set(x, y); }
    return y;
  };
  return {
    form: sc.form,
    errors: sc.errors.map((e) => ({ ...e, start: e.start + d, end: e.end + d })),
    commands: sc.commands.map((c) => ({
      ...c,
      words: c.words.map(w),
      assigns: c.assigns.map(w),
      argv: c.argv.map(w),
      sudo: c.sudo && w(c.sudo),
      redirects: c.redirects.map((r) => ({ ...r, target: r.target && w(r.target), start: r.start + d, end: r.end + d })),
      start: c.start + d,
      end: c.end + d,
      opAfterSpan: c.opAfterSpan && { start: c.opAfterSpan.start + d, end: c.opAfterSpan.end + d },
    })),
  };
}

function compute(ins: Instruction, source: string): CommandScript | null {
  const cmd = ins.name === 'HEALTHCHECK' ? ins.healthcheck?.command ?? null : ins.command;
  if (!cmd || (ins.name !== 'RUN' && ins.name !== 'CMD' && ins.name !== 'ENTRYPOINT' && ins.name !== 'HEALTHCHECK')) return null;
  if (cmd.form === 'exec') {
    const words: ShWord[] = cmd.json.map((j) => ({ raw: source.slice(j.start, j.end), value: j.value, start: j.start, end: j.end, quoted: true, expansion: false }));
    if (!words.length) return { form: 'exec', commands: [], errors: [] };
    // `["sh", "-c", "script"]`: the script is shell code.
    const exe = basename(words[0].value);
    if (SHELLS.has(exe) && words.length >= 3 && words[1].value === '-c') {
      const j = cmd.json[2];
      const inner = parseShellMapped(identityText(source, j.start + 1, j.end - 1));
      return { form: 'shell', commands: inner.commands, errors: inner.errors };
    }
    // Wrappers are stripped in exec form too: `["sudo", "apt-get", …]` runs apt-get.
    const { argv, sudo } = stripWrappers(words);
    const c: ShCommand = {
      words, assigns: [], redirects: [], argv, sudo, name: argv.length ? basename(argv[0].value) : '',
      start: words[0].start, end: words[words.length - 1].end, opBefore: null, opAfter: null, opAfterSpan: null,
      subshell: 0, substitution: false, compound: false,
    };
    return { form: 'exec', commands: [c], errors: [] };
  }
  const head = parseShellMapped(cleanContinuations(source, cmd.span.start, cmd.span.end, ins.escape));
  if (ins.heredocs.length === 0 || ins.name !== 'RUN') return { form: 'shell', commands: head.commands, errors: head.errors };
  // RUN with heredocs: `RUN <<EOF` runs the body as the script; `RUN bash <<EOF` feeds it to a shell.
  const onlyMarkers = head.commands.every((c) => c.words.length === 0 && c.assigns.length === 0);
  const feedsShell = head.commands.some((c) => SHELLS.has(c.name) && c.redirects.some((r) => r.op.startsWith('<<')));
  const commands = onlyMarkers ? [] : [...head.commands];
  const errors = [...head.errors];
  if (onlyMarkers || feedsShell) {
    for (const h of ins.heredocs) {
      if (!shebangIsShell(h.content)) continue;
      const body = parseShellMapped(identityText(source, h.bodySpan.start, h.bodySpan.end));
      commands.push(...body.commands);
      errors.push(...body.errors);
    }
  }
  return { form: onlyMarkers ? 'heredoc' : 'shell', commands, errors };
}

/** Does the command carry an option: a long name (`--yes`, `--yes=…`) or a short letter in a cluster (`-qy`)? */
export function hasOption(cmd: ShCommand, short: string | null, longs: readonly string[], from = 1): boolean {
  const a = cmd.argv;
  for (let i = from; i < a.length; i++) {
    const v = a[i].value;
    if (v === '--') break;
    if (v.startsWith('--')) {
      const name = v.slice(2).split('=')[0];
      if (longs.includes(name)) return true;
    } else if (short && /^-[A-Za-z0-9]+$/.test(v) && v.includes(short)) return true;
  }
  return false;
}

const NO_OPTIONS: ReadonlySet<string> = new Set();

/** Positional (non-option) arguments after argv[0]; `optsWithArg` lists options that take a value. */
export function positionals(cmd: ShCommand, optsWithArg: ReadonlySet<string> = NO_OPTIONS): ShWord[] {
  const out: ShWord[] = [];
  const a = cmd.argv;
  let ended = false;
  for (let i = 1; i < a.length; i++) {
    const v = a[i].value;
    if (!ended && v === '--') { ended = true; continue; }
    if (!ended && v.startsWith('-') && v.length > 1) {
      if (optsWithArg.has(v)) i++;
      continue;
    }
    out.push(a[i]);
  }
  return out;
}

/** The first positional argument (the subcommand of `apt-get install`, `apk add`, …); allocates nothing. */
export function subcommand(cmd: ShCommand, optsWithArg: ReadonlySet<string> = NO_OPTIONS): ShWord | null {
  const a = cmd.argv;
  for (let i = 1; i < a.length; i++) {
    const v = a[i].value;
    if (v === '--') return a[i + 1] ?? null;
    if (v.startsWith('-') && v.length > 1) {
      if (optsWithArg.has(v)) i++;
      continue;
    }
    return a[i];
  }
  return null;
}

export type { ShCommand, ShWord } from './parser';
