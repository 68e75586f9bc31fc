//! Semantic tokens (full, range and delta). Tokens are computed per top node from the tree and
//! the model (stage parents, variable kinds) and encoded relative to the previous token; each
//! node's encoded block is cached (per node, per Stage object), so an edit re-encodes only the
//! nodes it touched. The delta is the common prefix/suffix diff against the last result.

import type { SemanticTokens, SemanticTokensDelta, SemanticTokensLegend } from 'vscode-languageserver-types';
import type { DockerfileDocument } from '../service/document';
import type { Instruction, Span, TopNode } from '../syntax/nodes';
import type { SemanticModel } from '../semantics/model';

export const TOKEN_TYPES = ['keyword', 'parameter', 'variable', 'string', 'comment', 'macro', 'property', 'class', 'number', 'operator', 'namespace'] as const;
export const TOKEN_MODIFIERS = ['declaration', 'readonly', 'defaultLibrary', 'deprecated'] as const;
export const LEGEND: SemanticTokensLegend = { tokenTypes: [...TOKEN_TYPES], tokenModifiers: [...TOKEN_MODIFIERS] };

type TT = (typeof TOKEN_TYPES)[number];
type TM = (typeof TOKEN_MODIFIERS)[number];
const T = Object.fromEntries(TOKEN_TYPES.map((t, i) => [t, i])) as Record<TT, number>;
const M = Object.fromEntries(TOKEN_MODIFIERS.map((t, i) => [t, 1 << i])) as Record<TM, number>;

/** Flat triples: start, end, type | (modifiers << 8). */
type Raw = number[];

function push(out: Raw, s: Span | null | undefined, type: TT, ...mods: TM[]): void {
  if (!s || s.end <= s.start) return;
  let m = 0;
  for (const x of mods) m |= M[x];
  out.push(s.start, s.end, T[type] | (m << 8));
}

function instructionTokens(ins: Instruction, model: SemanticModel, out: Raw): void {
  push(out, ins.keywordSpan, 'keyword', ...(ins.name === 'MAINTAINER' ? (['deprecated'] as TM[]) : []));
  for (const f of ins.flags) push(out, { start: f.start, end: f.nameSpan.end }, 'parameter');
  if (ins.from) {
    const st = model.stageOf(ins);
    if (ins.from.image && !ins.from.image.raw.includes('$')) push(out, ins.from.image, st?.parent ? 'class' : 'namespace');
    push(out, ins.from.asKeyword, 'keyword');
    push(out, ins.from.stageName, 'class', 'declaration');
  }
  if (ins.name === 'ARG' || ins.name === 'ENV' || ins.name === 'LABEL') {
    for (const kv of ins.keyValues) push(out, kv.keySpan, ins.name === 'LABEL' ? 'property' : 'variable', 'declaration', ...(ins.name === 'ARG' ? ([] as TM[]) : []));
  }
  if (ins.name === 'EXPOSE') for (const a of ins.args) if (/^\d/.test(a.raw)) push(out, a, 'number');
  const varRanges = ins.vars;
  const strings = ins.command?.json ?? ins.healthcheck?.command?.json ?? [];
  for (const j of strings) if (!varRanges.some((v) => v.start < j.end && j.start < v.end)) push(out, j, 'string');
  if (ins.healthcheck?.typeWord) push(out, ins.healthcheck.typeWord, 'keyword');
  for (const v of varRanges) {
    const def = model.resolveRef(v)?.def;
    push(out, v, 'variable', ...(def?.kind === 'predefined' ? (['defaultLibrary'] as TM[]) : []), ...(def?.kind === 'ARG' ? (['readonly'] as TM[]) : []));
  }
  for (const h of ins.heredocs) push(out, h.markerSpan, 'operator');
  for (const c of ins.comments) push(out, c, 'comment');
  if (ins.trigger) instructionTokens(ins.trigger, model, out);
}

function nodeTokens(n: TopNode, model: SemanticModel, out: Raw): void {
  if (n.kind === 'comment') push(out, n, 'comment');
  else if (n.kind === 'directive') {
    push(out, { start: n.start, end: n.nameSpan.start }, 'comment');
    push(out, n.nameSpan, 'macro');
    push(out, n.valueSpan, 'string');
  } else instructionTokens(n, model, out);
}

/** Appends one node's tokens to `out`, sorted by start (they are few) with overlaps dropped. */
function sortedNodeTokens(n: TopNode, model: SemanticModel, out: Raw): void {
  const tmp: Raw = [];
  nodeTokens(n, model, tmp);
  const idx: number[] = [];
  for (let i = 0; i < tmp.length; i += 3) idx.push(i);
  idx.sort((a, b) => tmp[a] - tmp[b] || tmp[b + 1] - tmp[a + 1]);
  let last = -1;
  for (const i of idx) {
    if (tmp[i] < last) continue;
    out.push(tmp[i], tmp[i + 1], tmp[i + 2]);
    last = tmp[i + 1];
  }
}

/** Sorted, non-overlapping raw tokens for the whole document. */
function rawTokens(doc: DockerfileDocument): Raw {
  const model = doc.model;
  const out: Raw = [];
  for (const n of doc.tree.nodes) sortedNodeTokens(n, model, out);
  return out;
}

/** LSP encoding of raw tokens; `lineHint` is a line at or before the first token (a search start). */
function encode(doc: DockerfileDocument, raw: Raw, from = 0, to = Number.MAX_SAFE_INTEGER, lineHint = 0): number[] {
  const { lineStarts, text } = doc.tree;
  const data: number[] = [];
  let line = lineHint;
  let prevLine = 0, prevChar = 0;
  for (let i = 0; i < raw.length; i += 3) {
    const s = raw[i], e = raw[i + 1];
    if (e < from || s > to) continue;
    line = lineOf(lineStarts, s, line);
    // Split tokens that cross line ends (continuations) into one token per line.
    let ls = line;
    let start = s;
    while (start < e) {
      const lineEnd = ls + 1 < lineStarts.length ? lineStarts[ls + 1] - 1 : text.length;
      const end = Math.min(e, lineEnd);
      if (end > start) {
        const ch = start - lineStarts[ls];
        data.push(ls - prevLine, ls === prevLine ? ch - prevChar : ch, end - start, raw[i + 2] & 0xff, raw[i + 2] >> 8);
        prevLine = ls;
        prevChar = ch;
      }
      if (end >= e) break;
      ls++;
      if (ls >= lineStarts.length) break;
      start = lineStarts[ls];
    }
  }
  return data;
}

/**
 * A top node's tokens, encoded once: the first token's line relative to the node's first line
 * and its absolute character, then the rest relative to each other (as LSP encodes them). Top
 * nodes start on their own line, so only the first token's line delta depends on what precedes.
 * Valid while the node is the same object (same text) and, for instructions, in the same Stage
 * object: a reused stage has the same parent and variable scopes, the model facts tokens use.
 */
interface NodeBlock {
  stage: unknown;
  firstLine: number;
  first: number[];
  rest: number[];
  lastLine: number;
}
const blocks = new WeakMap<TopNode, NodeBlock>();

function lineOf(lineStarts: number[], offset: number, hint: number): number {
  let l = hint;
  while (l + 1 < lineStarts.length && lineStarts[l + 1] <= offset) l++;
  return l;
}

function nodeBlock(doc: DockerfileDocument, n: TopNode, model: SemanticModel, nodeLine: number, stage: unknown): NodeBlock {
  const raw: Raw = [];
  sortedNodeTokens(n, model, raw);
  // Encoded from line 0, so the first token's line delta is its absolute line.
  const data = encode(doc, raw, 0, Number.MAX_SAFE_INTEGER, nodeLine);
  if (data.length === 0) return { stage, firstLine: 0, first: [], rest: [], lastLine: 0 };
  let lastAbs = 0;
  for (let k = 0; k < data.length; k += 5) lastAbs += data[k];
  return { stage, firstLine: data[0] - nodeLine, first: data.slice(0, 5), rest: data.slice(5), lastLine: lastAbs - nodeLine };
}

/** The whole document's encoded tokens from per-node blocks (recomputed only for new nodes or stages). */
function encodeAll(doc: DockerfileDocument): number[] {
  const model = doc.model;
  const { lineStarts } = doc.tree;
  const data: number[] = [];
  let prevLine = 0;
  let line = 0;
  for (const n of doc.tree.nodes) {
    line = lineOf(lineStarts, n.start, line);
    const stage = n.kind === 'instruction' ? model.stageOf(n) : null;
    let b = blocks.get(n);
    // Instructions before the first FROM depend on the global scope: never reused.
    if (!b || b.stage !== stage || (n.kind === 'instruction' && stage === null)) {
      b = nodeBlock(doc, n, model, line, stage);
      blocks.set(n, b);
    }
    if (b.first.length === 0) continue;
    const abs = line + b.firstLine;
    data.push(abs - prevLine, b.first[1], b.first[2], b.first[3], b.first[4]);
    for (let i = 0; i < b.rest.length; i++) data.push(b.rest[i]);
    prevLine = line + b.lastLine;
  }
  return data;
}

const last = new WeakMap<DockerfileDocument, { id: string; data: number[] }>();
let counter = 0;

/** The uncached encoder over the whole document (kept for range requests and as the test oracle). */
export function encodeUncached(doc: DockerfileDocument): number[] {
  return encode(doc, rawTokens(doc));
}

export function semanticTokensFull(doc: DockerfileDocument): SemanticTokens {
  const data = encodeAll(doc);
  const id = String(++counter);
  last.set(doc, { id, data });
  return { resultId: id, data };
}

export function semanticTokensRange(doc: DockerfileDocument, from: number, to: number): SemanticTokens {
  return { data: encode(doc, rawTokens(doc), from, to) };
}

export function semanticTokensDelta(doc: DockerfileDocument, previousResultId: string): SemanticTokens | SemanticTokensDelta {
  const prev = last.get(doc);
  const data = encodeAll(doc);
  const id = String(++counter);
  last.set(doc, { id, data });
  if (!prev || prev.id !== previousResultId) return { resultId: id, data };
  const a = prev.data;
  let p = 0;
  const max = Math.min(a.length, data.length);
  while (p < max && a[p] === data[p]) p++;
  let s = 0;
  while (s < max - p && a[a.length - 1 - s] === data[data.length - 1 - s]) s++;
  if (p === a.length && p === data.length) return { resultId: id, edits: [] };
  return { resultId: id, edits: [{ start: p, deleteCount: a.length - p - s, data: data.slice(p, data.length - s) }] };
}
