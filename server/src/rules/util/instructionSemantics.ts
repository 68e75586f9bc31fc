//! Helpers shared by the §7.4 "instruction semantics" rules (DF050–DF067): stage chains,
//! whole-line deletion/insertion edits, and a small shell-word tokeniser for RUN commands.
//! The RUN tokeniser is a stop-gap until the shared shell parser (server/src/shell/) exists.

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

/** A word of a shell command with its offsets inside the command text. */
export interface ShellWord {
  /** Word after quote removal (escapes processed, variables kept as written). */
  value: string;
  raw: string;
  start: number;
  end: number;
}

/** A simple command: its words, split at `&&`, `||`, `;`, `|`, `&`, newlines and parentheses. */
export type SimpleCommand = ShellWord[];

/**
 * Splits shell text into simple commands of words. Understands single/double quotes, backslash
 * escapes and the control operators; redirections stay words (`>`, `2>&1` …). Heredoc bodies and
 * `$(…)` contents are not parsed. Good enough to spot `tar -xzf f.tgz` or `useradd -u 1000 x`.
 * TODO: move DF059/DF066 to the shared shell parser (server/src/shell/) once it lands.
 */
export function splitShellCommands(text: string): SimpleCommand[] {
  const cmds: SimpleCommand[] = [];
  let cur: SimpleCommand = [];
  let i = 0;
  const n = text.length;
  const endCmd = () => {
    if (cur.length) cmds.push(cur);
    cur = [];
  };
  while (i < n) {
    const c = text[i];
    if (c === ' ' || c === '\t' || c === '\r') { i++; continue; }
    if (c === '\n' || c === ';' || c === '|' || c === '&' || c === '(' || c === ')') {
      endCmd();
      i++;
      continue;
    }
    if (c === '#' ) {
      // Comment to the end of the line (only at a word start).
      while (i < n && text[i] !== '\n') i++;
      continue;
    }
    const start = i;
    let value = '';
    while (i < n) {
      const d = text[i];
      if (d === ' ' || d === '\t' || d === '\n' || d === '\r' || d === ';' || d === '|' || d === '&' || d === '(' || d === ')') break;
      if (d === '\\' && i + 1 < n) { value += text[i + 1]; i += 2; continue; }
      if (d === "'") {
        const j = text.indexOf("'", i + 1);
        const e = j < 0 ? n : j;
        value += text.slice(i + 1, e);
        i = e + 1;
        continue;
      }
      if (d === '"') {
        i++;
        while (i < n && text[i] !== '"') {
          if (text[i] === '\\' && i + 1 < n && '"\\$`'.includes(text[i + 1])) { value += text[i + 1]; i += 2; continue; }
          value += text[i++];
        }
        i++;
        continue;
      }
      value += d;
      i++;
    }
    cur.push({ value, raw: text.slice(start, Math.min(i, n)), start, end: Math.min(i, n) });
  }
  endCmd();
  return cmds;
}

/** Drops leading `VAR=value` assignments and wrappers like `sudo`/`env`/`exec`, returning the command proper. */
export function commandWords(cmd: SimpleCommand): SimpleCommand {
  let k = 0;
  while (k < cmd.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(cmd[k].value)) k++;
  while (k < cmd.length && ['sudo', 'exec', 'env', 'command', 'nice', 'nohup', 'time'].includes(cmd[k].value)) {
    k++;
    while (k < cmd.length && cmd[k].value.startsWith('-')) k++;
    while (k < cmd.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(cmd[k].value)) k++;
  }
  return cmd.slice(k);
}

/**
 * Maps offsets of `command.text` (continuations and comment lines removed) back to document
 * offsets, by matching the text as a subsequence of the source span. Returns null when the text
 * cannot be matched (then callers should not offer edits).
 */
export function textOffsetMapper(source: string, span: { start: number; end: number }, text: string): ((i: number) => number) | null {
  const map = new Array<number>(text.length + 1);
  let s = span.start;
  for (let i = 0; i < text.length; i++) {
    while (s < span.end && source[s] !== text[i]) s++;
    if (s >= span.end) return null;
    map[i] = s++;
  }
  map[text.length] = s;
  return (i) => (i <= 0 ? (text.length ? map[0] : span.start) : i >= text.length ? map[text.length] : map[i]);
}
