//! "What is at this offset": the shared cursor analysis of completion, hover and signature
//! help. Everything here is O(log n) in the number of instructions (binary search over
//! `tree.instructions`, sorted by `start`) plus O(line length); nothing scans the file.

import type { DockerfileTree, Flag, Heredoc, Instruction, Span, Word } from '../syntax/nodes';

/** Index of the last instruction whose `start` ≤ `offset`, or -1. */
export function instructionIndexBefore(instructions: Instruction[], offset: number): number {
  let lo = 0, hi = instructions.length - 1, ans = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (instructions[mid].start <= offset) { ans = mid; lo = mid + 1; } else hi = mid - 1;
  }
  return ans;
}

/** The instruction whose span contains `offset` (end inclusive), or null. */
export function instructionContaining(instructions: Instruction[], offset: number): Instruction | null {
  const i = instructionIndexBefore(instructions, offset);
  if (i < 0) return null;
  const ins = instructions[i];
  return offset <= ins.end ? ins : null;
}

export const within = (s: Span | null | undefined, off: number): boolean => !!s && off >= s.start && off <= s.end;

const isSpace = (c: string) => c === ' ' || c === '\t';

export interface CursorWord extends Span {
  /** Text from `start` to the cursor. */
  prefix: string;
  /** The whole word (`start` to `end`). */
  text: string;
}

export interface Cursor {
  tree: DockerfileTree;
  offset: number;
  /** Start offset of the physical line. */
  lineStart: number;
  /** Text of the physical line before the cursor. */
  linePrefix: string;
  /** The top-level instruction whose span contains the cursor. */
  ins: Instruction | null;
  /** `ins`, or its ONBUILD trigger when the cursor is inside the trigger. */
  inner: Instruction | null;
  /** Index of the last instruction starting at or before the cursor (-1 if none). */
  index: number;
  /** The heredoc whose body (or terminator) holds the cursor. */
  heredocBody: Heredoc | null;
  /** Inside a comment line (top-level or inside a continued instruction). */
  inComment: boolean;
  /** The whitespace-delimited word around the cursor (on the physical line). */
  word: CursorWord;
  /** The line may hold a parser directive (top of the file, directives only before it). */
  directiveLine: boolean;
}

/** Analyses the cursor position. */
export function cursorAt(tree: DockerfileTree, offset: number): Cursor {
  const text = tree.text;
  offset = Math.max(0, Math.min(offset, text.length));
  // Line start by binary search over lineStarts.
  const ls = tree.lineStarts;
  let lo = 0, hi = ls.length - 1, li = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (ls[mid] <= offset) { li = mid; lo = mid + 1; } else hi = mid - 1;
  }
  const lineStart = ls[li];
  const linePrefix = text.slice(lineStart, offset);
  let ws = offset;
  while (ws > lineStart && !isSpace(text[ws - 1])) ws--;
  let we = offset;
  while (we < text.length && !isSpace(text[we]) && text[we] !== '\n' && text[we] !== '\r') we++;
  const word: CursorWord = { start: ws, end: we, prefix: text.slice(ws, offset), text: text.slice(ws, we) };

  const index = instructionIndexBefore(tree.instructions, offset);
  let ins: Instruction | null = index >= 0 ? tree.instructions[index] : null;
  if (ins && offset > ins.end) ins = null;
  let heredocBody: Heredoc | null = null;
  let inComment = false;
  let inner: Instruction | null = ins;
  if (ins) {
    for (const h of ins.heredocs) {
      if (offset >= h.bodySpan.start && offset <= (h.terminatorSpan?.end ?? h.bodySpan.end) && offset > h.markerSpan.end) heredocBody = h;
    }
    for (const c of ins.comments) if (offset >= c.start && offset <= c.end) inComment = true;
    if (ins.trigger && offset >= ins.trigger.keywordSpan.start) inner = ins.trigger;
  } else if (/^\s*#/.test(linePrefix)) {
    inComment = true;
  }
  const directiveLine = lineStart <= tree.preludeEnd && /^\s*#/.test(linePrefix) && (tree.instructions.length === 0 || tree.instructions[0].start >= lineStart);
  return { tree, offset, lineStart, linePrefix, ins, inner, index, heredocBody, inComment, word, directiveLine };
}

/** The flag of `ins` under the cursor (from `--` to the end of its value). */
export function flagAt(ins: Instruction, offset: number): Flag | null {
  for (const f of ins.flags) if (offset >= f.start && offset <= f.end) return f;
  return null;
}

/** Arguments of `ins` that end before `offset` (the index of the argument being typed). */
export function argIndexAt(ins: Instruction, offset: number): number {
  let n = 0;
  for (const a of ins.args) if (a.end < offset) n++;
  return n;
}

/** The argument word containing `offset`, if any. */
export function argAt(ins: Instruction, offset: number): Word | null {
  for (const a of ins.args) if (offset >= a.start && offset <= a.end) return a;
  return null;
}

/** True when the cursor is still in the flag area (no argument starts before it). */
export function inFlagArea(ins: Instruction, offset: number): boolean {
  if (offset <= ins.keywordSpan.end) return false;
  if (ins.name === 'RUN' || ins.name === 'CMD' || ins.name === 'ENTRYPOINT' || ins.name === 'SHELL') {
    const c = ins.command;
    return !c || c.span.start >= offset || (ins.argsSpan === null || ins.argsSpan.start >= offset);
  }
  return ins.argsSpan === null || ins.argsSpan.start >= offset;
}

/** A `--mount` value entry at a position relative to the value start. */
export interface MountCursor {
  /** Keys already present (lower-cased), other than the one under the cursor. */
  present: Set<string>;
  /** Mount type given (`bind` by default, as BuildKit). */
  type: string;
  typeGiven: boolean;
  /** Entry under the cursor: key, and value (null while typing the key). */
  key: string;
  value: string | null;
  /** Offsets (absolute) of the entry's key/value parts. */
  entryStart: number;
  entryEnd: number;
  valueStart: number | null;
}

/** Analyses a `--mount=` CSV value: `valueText` starts at absolute `valueStart`. */
export function mountCursor(valueText: string, valueStart: number, offset: number): MountCursor {
  const rel = offset - valueStart;
  let s = valueText.lastIndexOf(',', rel - 1) + 1;
  if (rel === 0) s = 0;
  let e = valueText.indexOf(',', rel);
  if (e < 0) e = valueText.length;
  const entry = valueText.slice(s, e);
  const eq = entry.indexOf('=');
  const present = new Set<string>();
  let type = 'bind';
  let typeGiven = false;
  let pos = 0;
  for (const part of valueText.split(',')) {
    const ps = pos;
    pos += part.length + 1;
    const k = part.split('=')[0].trim().toLowerCase();
    if (k === 'type') { const v = part.slice(part.indexOf('=') + 1).trim().toLowerCase(); if (part.includes('=') && v) { type = v; typeGiven = true; } }
    if (ps === s) continue;
    if (k) present.add(k);
  }
  const inValue = eq >= 0 && rel > s + eq;
  return {
    present, type, typeGiven,
    key: (eq >= 0 ? entry.slice(0, eq) : entry).toLowerCase(),
    value: inValue ? entry.slice(eq + 1, rel - s) : null,
    entryStart: valueStart + s,
    entryEnd: valueStart + e,
    valueStart: inValue ? valueStart + s + eq + 1 : null,
  };
}

/** A variable reference being typed just before the cursor: `$NA|` or `${NA|`. */
export interface VarPrefix {
  /** Offset of the `$`. */
  dollar: number;
  braced: boolean;
  /** Name typed so far. */
  prefix: string;
  /** Offset where the name starts. */
  nameStart: number;
  /** End of the name after the cursor (the rest of the identifier). */
  nameEnd: number;
  /** A `}` already follows the name. */
  closed: boolean;
}

export function varPrefixAt(text: string, lineStart: number, offset: number): VarPrefix | null {
  let i = offset;
  while (i > lineStart && /[A-Za-z0-9_]/.test(text[i - 1])) i--;
  let braced = false;
  let d = i - 1;
  if (d >= lineStart && text[d] === '{') { braced = true; d--; }
  if (d < lineStart || text[d] !== '$') return null;
  if (d > lineStart && text[d - 1] === '\\') return null; // `\$` is a literal dollar
  const prefix = text.slice(i, offset);
  if (/^[0-9]/.test(prefix)) return null;
  let e = offset;
  while (e < text.length && /[A-Za-z0-9_]/.test(text[e])) e++;
  return { dollar: d, braced, prefix, nameStart: i, nameEnd: e, closed: braced && text[e] === '}' };
}
