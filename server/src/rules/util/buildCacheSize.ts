//! Helpers shared by the §7.7 "build cache, context and image size" rules (DF110, DF113–DF117):
//! a stage's instruction sequences (ONBUILD triggers kept apart, they run in the downstream
//! build), COPY/ADD operands, container-path arithmetic with WORKDIR and `cd`, the RUN script
//! of an instruction (POSIX shells only), and line edits for fixes.

import type { DockerfileTree, Instruction, Word } from '../../syntax/nodes';
import type { SemanticModel, Stage } from '../../semantics/model';
import { commandScript, shellKind, type ShCommand, type ShWord } from '../../shell/commands';
import { parseMountValue } from '../../semantics/instructionSpec';
import type { TextEditSpan } from '../defineRule';

/** One step of a stage: `ins` is the instruction itself or an ONBUILD's trigger (`outer` is the ONBUILD). */
export interface Step {
  outer: Instruction;
  ins: Instruction;
  onbuild: boolean;
}

/** The stage's own instructions (FROM excluded) and, separately, its ONBUILD triggers, in order. */
export function stageSequences(stage: Stage): [Step[], Step[]] {
  const own: Step[] = [];
  const trig: Step[] = [];
  for (const outer of stage.instructions) {
    if (outer === stage.from) continue;
    if (outer.name === 'ONBUILD') {
      if (outer.trigger) trig.push({ outer, ins: outer.trigger, onbuild: true });
    } else own.push({ outer, ins: outer, onbuild: false });
  }
  return [own, trig];
}

export interface CopyOperands {
  sources: Word[];
  dest: Word;
}

/** Sources and destination of a COPY/ADD (heredoc copies and bad argument counts give null). */
export function copyOperands(ins: Instruction): CopyOperands | null {
  if (ins.name !== 'COPY' && ins.name !== 'ADD') return null;
  if (ins.heredocs.length) return null;
  const a = ins.args;
  if (a.length < 2) return null;
  if (a.some((w) => w.value === '#' || w.value === '')) return null; // DF068's territory
  return { sources: a.slice(0, -1), dest: a[a.length - 1] };
}

export function flag(ins: Instruction, name: string) {
  return ins.flags.find((f) => f.name.toLowerCase() === name);
}

/** `.` / `./` / `.//`: the whole build context (or the whole `--from` stage root when a --from is set). */
const WHOLE_CONTEXT = /^\.\/*$/;

export function isWholeContext(w: Word): boolean {
  return WHOLE_CONTEXT.test(w.value);
}

// ---- container paths -----------------------------------------------------------------------------

/**
 * A container path known relative to the stage's starting WORKDIR: absolute ones start with `/`;
 * relative ones (no leading `/`) are relative to the unknown base-image WORKDIR. `null` = unknown.
 */
export type CPath = string | null;

/** Normalises `a/./b//c/../d` (keeps a leading `/`); null when `..` climbs out of a relative path or variables are used. */
export function normalizePath(p: string): CPath {
  if (p.includes('$')) return null;
  const abs = p.startsWith('/');
  const out: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (out.length) out.pop();
      else if (!abs) return null;
      continue;
    }
    out.push(seg);
  }
  return (abs ? '/' : '') + out.join('/');
}

/** `p` resolved against `cwd` (null when either is unknown). */
export function resolvePath(cwd: CPath, p: string): CPath {
  if (p.startsWith('/')) return normalizePath(p);
  if (cwd === null) return null;
  return normalizePath(cwd === '' ? p : cwd === '/' ? '/' + p : cwd + '/' + p);
}

/** `child` relative to `parent` ('' when equal), or null when it is not inside it. */
export function relativeTo(parent: CPath, child: CPath): string | null {
  if (parent === null || child === null) return null;
  if (parent === child) return '';
  if (parent === '/' && child.startsWith('/')) return child.slice(1);
  if (parent === '' && !child.startsWith('/')) return child;
  if (child.startsWith(parent + '/')) return child.slice(parent.length + 1);
  return null;
}

/** WORKDIR after `ins` (unchanged for other instructions). */
export function workdirAfter(cwd: CPath, ins: Instruction): CPath {
  if (ins.name !== 'WORKDIR') return cwd;
  const v = ins.args.map((w) => w.value).join(' ');
  if (!v) return cwd;
  return resolvePath(cwd, v);
}

/**
 * Container path of what one COPY source lands at: `dest/<basename>` when dest is a directory,
 * dest itself otherwise; a source directory (`dir/`, `.`) copies its *contents* into dest.
 */
export function copiedPath(cwd: CPath, op: CopyOperands, src: Word): CPath {
  const d = op.dest.value;
  if (src.value.endsWith('/') || isWholeContext(src)) return /[*?[\\]/.test(src.value) ? null : resolvePath(cwd, d);
  const destDir = d.endsWith('/') || d === '.' || d === '..' || d.endsWith('/.') || op.sources.length > 1;
  const base = src.value.replace(/\/+$/, '').split('/').pop() ?? '';
  if (!base || base === '.' || base === '..' || /[*?[\\]/.test(src.value) || /^[a-z][a-z0-9+.-]*:\/\//i.test(src.value)) {
    return destDir ? null : resolvePath(cwd, d);
  }
  if (!destDir) return resolvePath(cwd, d);
  const dir = resolvePath(cwd, d);
  return dir === null ? null : resolvePath(dir, base);
}

// ---- RUN scripts ---------------------------------------------------------------------------------

/** Shell commands of a RUN step when the stage's shell is POSIX (exec form included); null otherwise. */
export function runCommands(model: SemanticModel, step: Step, source: string): ShCommand[] | null {
  if (step.ins.name !== 'RUN') return null;
  const cmd = step.ins.command;
  if (!cmd) return null;
  if (cmd.form === 'shell' && shellKind(model.shellOf(step.outer)) !== 'posix') return null;
  const sc = commandScript(step.outer, source);
  return sc ? sc.commands : null;
}

/** Mount targets of `RUN --mount=type=cache|tmpfs|bind|secret…` (their contents never land in the layer). */
export function mountTargets(ins: Instruction, cwd: CPath): { type: string; target: CPath }[] {
  const out: { type: string; target: CPath }[] = [];
  for (const f of ins.flags) {
    if (f.name.toLowerCase() !== 'mount' || !f.value) continue;
    let type = 'bind';
    let target: string | null = null;
    for (const e of parseMountValue(f.value)) {
      const k = e.key.toLowerCase();
      if (k === 'type' && e.value) type = e.value.toLowerCase();
      if ((k === 'target' || k === 'dst' || k === 'destination') && e.value) target = e.value;
    }
    if (target) out.push({ type, target: resolvePath(cwd, target) });
  }
  return out;
}

/** Is `p` equal to `root` or inside it? */
export function within(root: CPath, p: CPath): boolean {
  return relativeTo(root, p) !== null;
}

/** Words after a command's name, as values. */
export const argValues = (c: ShCommand): string[] => c.argv.slice(1).map((w) => w.value);

/** `python -m pip …` / `python3 -m pip …` → the module's argv (`pip …`); otherwise the argv itself. */
export function unwrapModule(c: ShCommand): ShWord[] {
  const a = c.argv;
  if (/^python[0-9.]*$/.test(c.name) && a.length >= 3 && a[1].value === '-m') return a.slice(2);
  return a;
}

// ---- edits ---------------------------------------------------------------------------------------

export function lineStart(tree: DockerfileTree, offset: number): number {
  const ls = tree.lineStarts;
  let lo = 0, hi = ls.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (ls[mid] <= offset) lo = mid; else hi = mid - 1;
  }
  return ls[lo] ?? 0;
}

/** Deletes the whole physical lines of `ins` (heredoc bodies included). */
export function deleteLines(tree: DockerfileTree, ins: Instruction): TextEditSpan {
  const text = tree.text;
  const start = lineStart(tree, ins.start);
  let end = Math.max(ins.end, ins.start);
  while (end < text.length && text[end] !== '\n') end++;
  if (end < text.length) return { start, end: end + 1, newText: '' };
  // Last line without a trailing newline: eat the preceding line break instead.
  return { start: start > 0 ? start - 1 : start, end, newText: '' };
}

/** Inserts `lines` before the line of `ins`, with that line's indentation. */
export function insertBefore(tree: DockerfileTree, ins: Instruction, lines: string[]): TextEditSpan {
  const s = lineStart(tree, ins.start);
  const indent = /^[ \t]*/.exec(tree.text.slice(s, s + 200))?.[0] ?? '';
  return { start: s, end: s, newText: lines.map((l) => indent + l + '\n').join('') };
}

/** Line number (1-based) of an offset. */
export function lineNumber(tree: DockerfileTree, offset: number): number {
  const ls = tree.lineStarts;
  let lo = 0, hi = ls.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (ls[mid] <= offset) lo = mid; else hi = mid - 1;
  }
  return lo + 1;
}

/** Quotes a word for a Dockerfile/shell line when it needs it. */
export function shQuote(v: string): string {
  return /^[A-Za-z0-9_./:@%+,=*?-]+$/.test(v) ? v : `"${v.replace(/(["\\$`])/g, '\\$1')}"`;
}
