//! Instruction-level incremental reparse. An edit re-lexes from the top node before the one
//! containing it up to the first line boundary, after the edit, where the old tree has a
//! top node starting (the lexer state between top nodes is always clean, so that node and
//! everything after it parse the same). Reused nodes are the same objects, shifted in place.
//! Edits touching the directive prelude (or the line right after it) fall back to a full parse.

import type { DockerfileTree, Instruction, ParseResult, Span, TopNode, Word, VarRef, Flag, KeyValue, Heredoc, CommandData } from './nodes';
import { detachStrings, flatCopy } from './detach';
import { collectErrors, lexNode, lineContentEnd, parse, stampGeneration, type TreeInternal } from './parser';

/** A text replacement in offsets of the text it applies to. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

export interface ReparseResult extends ParseResult {
  /** Index in `tree.nodes` of the first re-lexed node. */
  changedFrom: number;
  /** Number of new nodes produced by re-lexing (they replace `removed` old nodes). */
  changedCount: number;
  removed: number;
  /** True when the whole file was parsed again. */
  full: boolean;
}

function shiftSpan(s: Span | null, d: number): void {
  if (s) { s.start += d; s.end += d; }
}
function shiftList(list: Span[], d: number): void {
  for (let i = 0; i < list.length; i++) { list[i].start += d; list[i].end += d; }
}
function shiftVars(list: VarRef[], d: number): void {
  for (const v of list) { v.start += d; v.end += d; shiftSpan(v.nameSpan, d); shiftSpan(v.modifierSpan, d); }
}
function shiftFlags(list: Flag[], d: number): void {
  for (const f of list) { f.start += d; f.end += d; shiftSpan(f.nameSpan, d); shiftSpan(f.valueSpan, d); }
}
function shiftKvs(list: KeyValue[], d: number): void {
  for (const k of list) { k.start += d; k.end += d; shiftSpan(k.keySpan, d); shiftSpan(k.valueSpan, d); }
}
function shiftHeredocs(list: Heredoc[], d: number): void {
  for (const h of list) {
    h.start += d; h.end += d;
    shiftSpan(h.markerSpan, d); shiftSpan(h.nameSpan, d); shiftSpan(h.bodySpan, d); shiftSpan(h.terminatorSpan, d);
  }
}
function shiftCommand(c: CommandData | null, d: number): void {
  if (!c) return;
  shiftSpan(c.span, d);
  shiftList(c.json, d);
}
function shiftWords(list: Word[], d: number): void {
  shiftList(list, d);
}

/** Moves every offset of an instruction by `d`, in place. */
export function shiftInstruction(n: Instruction, d: number): void {
  n.start += d; n.end += d;
  shiftInner(n, d);
}

/** Moves every offset of an instruction except its own `start` and `end`, in place. */
function shiftInner(n: Instruction, d: number): void {
  shiftSpan(n.keywordSpan, d);
  shiftSpan(n.headSpan, d);
  shiftSpan(n.argsSpan, d);
  shiftFlags(n.flags, d);
  // Exec-form args share no objects with `command.json` (they are separate Word objects).
  shiftWords(n.args, d);
  shiftVars(n.vars, d);
  shiftList(n.comments, d);
  shiftList(n.emptyContinuationLines, d);
  shiftHeredocs(n.heredocs, d);
  shiftCommand(n.command, d);
  shiftKvs(n.keyValues, d);
  if (n.from) {
    // from.image / asKeyword / stageName are the same objects as args[0..2]: already shifted.
  }
  if (n.healthcheck) {
    // typeWord is args[0]; only the command needs shifting.
    shiftCommand(n.healthcheck.command, d);
  }
  if (n.trigger) shiftInstruction(n.trigger, d);
  shiftList(n.errors, d);
}

export function shiftNode(n: TopNode, d: number): void {
  if (d === 0) return;
  if (n.kind === 'instruction') shiftInstruction(n, d);
  else if (n.kind === 'comment') { n.start += d; n.end += d; }
  else { n.start += d; n.end += d; shiftSpan(n.nameSpan, d); shiftSpan(n.valueSpan, d); }
}

/**
 * Moves a node by `d` lazily: an instruction's own `start` and `end` now, its inner spans
 * when it is settled (its `lag` grows by `d`). Comments and directives have no inner lag.
 */
function shiftNodeLazily(n: TopNode, d: number): void {
  if (n.kind === 'instruction') { n.start += d; n.end += d; n.lag += d; }
  else shiftNode(n, d);
}

/** Catches an instruction's inner spans up with its `start` and `end` (see `Instruction.lag`). */
export function settle(n: Instruction): void {
  const d = n.lag;
  if (d !== 0) {
    n.lag = 0;
    shiftInner(n, d);
  }
}

/** Settles every instruction of `list` (a stage's, say). */
export function settleAll(list: readonly Instruction[]): void {
  for (let i = 0; i < list.length; i++) if (list[i].lag !== 0) settle(list[i]);
}

/** Whether some instruction of the tree may lag (a lazy reparse moved it and nothing settled it yet). */
export function hasLag(tree: DockerfileTree): boolean {
  return (tree as TreeInternal).lagFrom !== undefined;
}

/** Settles every instruction of the tree; then its nodes read as a full parse's would. */
export function settleTree(tree: DockerfileTree): void {
  const t = tree as TreeInternal;
  if (t.lagFrom === undefined) return;
  const nodes = t.nodes;
  for (let i = t.lagFrom; i < nodes.length; i++) {
    const n = nodes[i];
    if (n.kind === 'instruction' && n.lag !== 0) settle(n);
  }
  t.lagFrom = undefined;
}

/**
 * Line starts after an edit. With `inPlace`, an edit that keeps the number of lines (a
 * keystroke) updates `old` itself instead of copying it — for a caller that owns `old` (the
 * array of a tree that is being replaced: see `reparse`).
 */
export function updateLineStarts(old: number[], e: TextEdit, inPlace = false): number[] {
  const d = e.text.length - (e.end - e.start);
  // First index with old[i] > e.start, and first with old[i] > e.end (binary searches).
  const firstAfter = (pos: number): number => {
    let lo = 0, hi = old.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (old[mid] <= pos) lo = mid + 1; else hi = mid;
    }
    return lo;
  };
  const a = firstAfter(e.start);
  const b = firstAfter(e.end);
  let nl = 0;
  for (let k = e.text.indexOf('\n'); k !== -1; k = e.text.indexOf('\n', k + 1)) nl++;
  if (nl === b - a) {
    // The common case (a keystroke): same number of lines, copy once and adjust in place.
    const out = inPlace ? old : old.slice();
    let i = a;
    for (let k = e.text.indexOf('\n'); k !== -1; k = e.text.indexOf('\n', k + 1)) out[i++] = e.start + k + 1;
    if (d !== 0) for (let j = b; j < out.length; j++) out[j] += d;
    return out;
  }
  const out = old.slice(0, a);
  let k = e.text.indexOf('\n');
  while (k !== -1) {
    out.push(e.start + k + 1);
    k = e.text.indexOf('\n', k + 1);
  }
  for (let i = b; i < old.length; i++) out.push(old[i] + d);
  return out;
}

function hasLineBreak(text: string, from: number, to: number): boolean {
  const i = text.indexOf('\n', from);
  return i !== -1 && i < to;
}

/**
 * What an instruction replaced by a reparse looked like: its text from its start through the
 * character after its end (`base` = its start), and its line. Lets a consumer compare old and
 * new nodes (the rules engine's outline check) without keeping the old text alive.
 */
export interface ReplacedInstruction {
  text: string;
  base: number;
  line: number;
}
const replacedMemo = new WeakMap<Instruction, ReplacedInstruction>();
/** See `ReplacedInstruction`: known for the instructions the last reparse of their tree replaced. */
export function replacedInstruction(n: Instruction): ReplacedInstruction | undefined {
  return replacedMemo.get(n);
}

/** `list` with `[from, to)` replaced by `middle`, as one new array. */
function spliced<T>(list: readonly T[], from: number, to: number, middle: readonly T[]): T[] {
  const out = new Array<T>(from + middle.length + list.length - to);
  let k = 0;
  for (let i = 0; i < from; i++) out[k++] = list[i];
  for (let i = 0; i < middle.length; i++) out[k++] = middle[i];
  for (let i = to; i < list.length; i++) out[k++] = list[i];
  return out;
}

/** First index `i` with `list[i].start >= pos` (list sorted by start). */
function firstAtOrAfter(list: { start: number }[], pos: number): number {
  let lo = 0, hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].start >= pos) hi = mid; else lo = mid + 1;
  }
  return lo;
}

/** Last index `i` with `nodes[i].start <= pos`, or -1. */
function nodeAtOrBefore(nodes: TopNode[], pos: number): number {
  let lo = 0, hi = nodes.length - 1, ans = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (nodes[mid].start <= pos) { ans = mid; lo = mid + 1; } else hi = mid - 1;
  }
  return ans;
}
/** First index `i` with `nodes[i].start >= pos`, or nodes.length. */
function nodeAtOrAfter(nodes: TopNode[], pos: number): number {
  let lo = 0, hi = nodes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (nodes[mid].start >= pos) hi = mid; else lo = mid + 1;
  }
  return lo;
}
function lineOf(lineStarts: number[], pos: number): number {
  let lo = 0, hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid] <= pos) lo = mid; else hi = mid - 1;
  }
  return lo;
}

function fullResult(text: string): ReparseResult {
  const r = parse(text);
  return { ...r, changedFrom: 0, changedCount: r.tree.nodes.length, removed: -1, full: true };
}

/**
 * Applies one edit to a previous parse. The previous tree must not be used afterwards:
 * its reused nodes now carry the new offsets (and its line starts may be the new ones, updated
 * in place by the caller). `after`, when given, must be exactly the text with the edit applied
 * and its line starts.
 *
 * With `lazy`, the instructions after the edit move only their own `start` and `end`; their
 * inner spans lag until `settle` / `settleTree` (a 20,000-line file has ~60,000 inner spans,
 * and moving them all is most of a keystroke's reparse). Lags add up over edits until then.
 * The caller then owns the promise that nothing reads an inner span of a lagging node: see
 * `Instruction.lag`.
 */
export function reparse(prev: ParseResult, edit: TextEdit, after?: { text: string; lineStarts: number[] }, lazy = false): ReparseResult {
  const old = prev.tree as TreeInternal;
  // An eager reparse leaves no lag: it starts from a settled tree.
  if (!lazy) settleTree(old);
  const oldText = old.text;
  const start = Math.max(0, Math.min(edit.start, oldText.length));
  const end = Math.max(start, Math.min(edit.end, oldText.length));
  // The caller may already hold the edited text and its line starts (the document does).
  const newText = after ? after.text : oldText.slice(0, start) + edit.text + oldText.slice(end);
  try {
    if (old.preludeEndLine === undefined) return fullResult(newText);
    // The prelude, and the first line after it (which could become a directive), reparse fully.
    // In new coordinates when the caller gave them (its line starts may be `old.lineStarts`
    // updated in place): the guard line ends after `start` exactly when it did before the edit.
    const guardLine = Math.min(old.preludeEndLine, old.lineStarts.length - 1);
    const guardEnd = after
      ? lineContentEnd(newText, after.lineStarts, Math.min(guardLine, after.lineStarts.length - 1)) + 1
      : lineContentEnd(oldText, old.lineStarts, guardLine) + 1;
    if (start <= guardEnd || start === 0) return fullResult(newText);

    const e: TextEdit = { start, end, text: edit.text };
    const delta = edit.text.length - (end - start);
    const lineStarts = after ? after.lineStarts : updateLineStarts(old.lineStarts, e);
    const nodes = old.nodes;
    const firstBody = old.directives.length;
    const k = nodeAtOrBefore(nodes, start);
    const r = Math.max(firstBody, k - 1);
    const restartLine = r < nodes.length && nodes[r].start <= start ? lineOf(lineStarts, nodes[r].start) : old.preludeEndLine;
    const ctx = { text: newText, lineStarts, escape: old.escape, bom: old.bom };
    const newEditEnd = start + edit.text.length;
    const mid: TopNode[] = [];
    let line = restartLine;
    let syncIndex = nodes.length;
    while (line < lineStarts.length) {
      const p = lineStarts[line];
      if (p >= newEditEnd && line > restartLine) {
        const oldP = p - delta;
        if (oldP >= end) {
          const j = nodeAtOrAfter(nodes, oldP);
          if (j < nodes.length && j >= r) {
            const ns = nodes[j].start;
            // Node j must start on the line that begins at oldP.
            const nl = oldText.lastIndexOf('\n', ns - 1) + 1;
            if (nl === oldP) { syncIndex = j; break; }
          }
          // Beyond the last old node: nothing more can sync, keep lexing to the end.
        }
      }
      const res = lexNode(ctx, line);
      // Fresh nodes outlive this version of the text: they must not pin it (see detach.ts).
      if (res.node) { detachStrings(res.node); mid.push(res.node); }
      line = res.next;
    }
    // Instructions: keep the old list's head and tail (found before shifting), splice in the new ones.
    const oldIns = old.instructions;
    const insHead = r < nodes.length ? firstAtOrAfter(oldIns, nodes[r].start) : oldIns.length;
    const insTail = syncIndex < nodes.length ? firstAtOrAfter(oldIns, nodes[syncIndex].start) : oldIns.length;
    // The node re-lexed before the edited one (the restart point) comes out the same when it
    // ends before the edit: its text is unchanged and the lexer state at a top node's start is
    // clean. Keep the old object (settled first), so that everything cached by node identity
    // — rule results, model memos, file-rule outlines — still holds for it. Only when the edit
    // adds or removes no line break: a blank line typed between two nodes would otherwise
    // leave every node object as it was while the lines after it move, and caches keyed by
    // nodes (per-stage results quoting line numbers) rely on some node changing then.
    if (mid.length && r < syncIndex && edit.text.indexOf('\n') < 0 && !hasLineBreak(oldText, start, end)) {
      const o = nodes[r], n = mid[0];
      if (o.kind === n.kind && o.start === n.start && o.end === n.end && o.end < start) {
        if (o.kind === 'instruction' && o.lag !== 0) settle(o);
        mid[0] = o;
      }
    }
    // What the replaced instructions looked like (small copies: the old text is not kept).
    if (r < syncIndex && nodes[r].start <= start) {
      let line = restartLine, at = nodes[r].start;
      for (let i = r; i < syncIndex; i++) {
        const n = nodes[i];
        if (n.kind !== 'instruction' || mid[i - r] === n) continue;
        for (let q = oldText.indexOf('\n', at); q !== -1 && q < n.start; q = oldText.indexOf('\n', q + 1)) line++;
        at = n.start;
        replacedMemo.set(n, { text: flatCopy(oldText.slice(n.start, Math.min(oldText.length, n.end + 1))), base: n.start, line });
      }
    }
    // New index of old node `syncIndex`, and from where the new tree's nodes may lag.
    const kept = r + mid.length;
    let lagFrom: number | undefined;
    if (lazy) {
      // The replaced nodes are read as they were (the rules engine compares their outlines).
      for (let i = r; i < syncIndex; i++) { const n = nodes[i]; if (n.kind === 'instruction' && n.lag !== 0) settle(n); }
      if (delta !== 0) {
        for (let i = syncIndex; i < nodes.length; i++) shiftNodeLazily(nodes[i], delta);
        if (syncIndex < nodes.length) lagFrom = kept;
      }
      // Lags of earlier edits stay until something settles them.
      const was = old.lagFrom;
      if (was !== undefined) {
        const at = was < r ? was : was < syncIndex ? kept : was - syncIndex + kept;
        if (at < kept + nodes.length - syncIndex) lagFrom = lagFrom === undefined ? at : Math.min(lagFrom, at);
      }
    } else {
      for (let i = syncIndex; i < nodes.length; i++) shiftNode(nodes[i], delta);
    }
    // Both lists are built at their final size (no intermediate slices: they are long).
    const newNodes = spliced(nodes, r, syncIndex, mid);
    let midIns = 0;
    for (const n of mid) if (n.kind === 'instruction') midIns++;
    const instructions = spliced(oldIns, insHead, insTail, midIns === mid.length ? mid as Instruction[] : mid.filter((n): n is Instruction => n.kind === 'instruction'));
    const tree: TreeInternal = {
      text: newText,
      nodes: newNodes,
      instructions,
      directives: old.directives,
      escape: old.escape,
      preludeEnd: old.preludeEnd,
      bom: old.bom,
      lineStarts,
      preludeErrors: old.preludeErrors,
      preludeEndLine: old.preludeEndLine,
    };
    stampGeneration(tree, old.generation ?? -1);
    // Not enumerable (like `generation`): a settled tree compares equal to a full parse's.
    if (lagFrom !== undefined) Object.defineProperty(tree, 'lagFrom', { value: lagFrom, writable: true, enumerable: false, configurable: true });
    // The error list is collected when asked for (the server reads errors per node).
    const result = { tree: tree as DockerfileTree, changedFrom: r, changedCount: mid.length, removed: syncIndex - r, full: false } as ReparseResult;
    // Not a closure over `old`: that would pin the previous text.
    const preludeErrors = old.preludeErrors;
    let errors: ReparseResult['errors'] | undefined;
    Object.defineProperty(result, 'errors', { enumerable: true, get: () => (errors ??= (settleTree(tree), collectErrors(preludeErrors, newNodes))) });
    return result;
  } catch {
    return fullResult(newText);
  }
}

/** Applies several edits in order (as LSP `contentChanges` are applied). */
export function reparseAll(prev: ParseResult, edits: TextEdit[]): ReparseResult {
  let cur: ReparseResult | null = null;
  let p = prev;
  for (const e of edits) {
    cur = reparse(p, e);
    p = cur;
  }
  return cur ?? { ...prev, changedFrom: 0, changedCount: 0, removed: 0, full: false };
}
