//! Helpers shared by the §7.4 "instruction semantics" rules (DF050–DF067) and others: stage
//! chains and whole-line deletion/insertion edits. RUN commands are read with the shared shell
//! parser (server/src/shell/commands.ts: `commandScript`).

import type { DockerfileTree, Instruction } from '../../syntax/nodes';
import type { SemanticModel, Stage } from '../../semantics/model';
import type { TextEditSpan } from '../defineRule';

/** The stage and its ancestors built `FROM <stage>`, nearest first (cycles are impossible, but guarded). */
export function stageChain(stage: Stage | null): Stage[] {
  const out: Stage[] = [];
  const seen = new Set<Stage>();
  for (let s = stage; s && !seen.has(s); s = s.parent) {
    seen.add(s);
    out.push(s);
  }
  return out;
}

/** Instructions of `stage` that come before `ins` (FROM excluded), plus all instructions of its parent stages. */
export function instructionsBefore(model: SemanticModel, ins: Instruction): Instruction[] {
  const st = model.stageOf(ins);
  if (!st) return [];
  const out: Instruction[] = [];
  for (const x of st.instructions) {
    if (x === st.from) continue;
    if (x.start >= ins.start) break;
    out.push(x);
  }
  for (const p of stageChain(st.parent)) for (const x of p.instructions) if (x !== p.from) out.push(x);
  return out;
}

/** True when a SHELL instruction is in force for `ins` (its stage or a parent stage set one). */
export function hasShellInstruction(model: SemanticModel, ins: Instruction): boolean {
  // shellOf returns the shared DEFAULT_SHELL array unless an (exec-form) SHELL was seen.
  const sh = model.shellOf(ins);
  if (sh.length !== 2 || sh[0] !== '/bin/sh' || sh[1] !== '-c') return true;
  // An explicit `SHELL ["/bin/sh", "-c"]` still sets the image's Shell (BuildKit then stays quiet).
  return instructionsBefore(model, ins).some((x) => x.name === 'SHELL');
}

/** Offset of the start of the line holding `offset`. */
export function lineStartOf(tree: DockerfileTree, offset: number): number {
  const ls = tree.lineStarts;
  let lo = 0, hi = ls.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (ls[mid] <= offset) lo = mid; else hi = mid - 1;
  }
  return ls[lo];
}

/** Offset just after the line break ending the line that holds `offset` (or the text end). */
export function lineEndAfter(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && text[i] !== '\n') i++;
  return i < text.length ? i + 1 : i;
}

/** An edit deleting the instruction's whole physical lines, continuation and heredoc lines included. */
export function deleteInstructionLines(tree: DockerfileTree, ins: Instruction): TextEditSpan {
  const start = lineStartOf(tree, ins.start);
  const last = Math.max(ins.start, ins.end - 1);
  let end = lineEndAfter(tree.text, last);
  // When the instruction is the last line without a trailing newline, eat the preceding one instead.
  if (end === tree.text.length && !tree.text.endsWith('\n') && start > 0) return { start: start - 1, end, newText: '' };
  if (end < ins.end) end = ins.end;
  return { start, end, newText: '' };
}

/** Leading whitespace of the line holding `offset`. */
export function indentAt(tree: DockerfileTree, offset: number): string {
  const s = lineStartOf(tree, offset);
  const m = /^[ \t]*/.exec(tree.text.slice(s, s + 200));
  return m ? m[0] : '';
}

/** An edit inserting `lines` (without trailing newline) as new lines before the line of `ins`. */
export function insertLinesBefore(tree: DockerfileTree, ins: Instruction, lines: string[]): TextEditSpan {
  const s = lineStartOf(tree, ins.start);
  const indent = indentAt(tree, ins.start);
  return { start: s, end: s, newText: lines.map((l) => indent + l + '\n').join('') };
}

/** An edit appending `lines` at the end of the document (adding a line break first if needed). */
export function appendLines(tree: DockerfileTree, lines: string[]): TextEditSpan {
  const t = tree.text;
  const pre = t.length === 0 || t.endsWith('\n') ? '' : '\n';
  return { start: t.length, end: t.length, newText: pre + lines.map((l) => l + '\n').join('') };
}
