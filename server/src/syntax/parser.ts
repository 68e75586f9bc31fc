//! Full Dockerfile parser, following BuildKit's `frontend/dockerfile/parser` line model:
//! directives prelude → logical lines (escape-char continuations, comment and empty lines
//! skipped inside them) → heredoc bodies → per-instruction argument parsing.
//! Never throws: `parse` returns `{tree, errors}`.

import type {
  CommandData, Comment, Directive, DockerfileTree, EscapeChar, Flag, FromData, HealthcheckData,
  Heredoc, Instruction, JsonString, KeyValue, ParseError, ParseResult, Span, TopNode, VarRef, Word,
} from './nodes';
import { KNOWN_INSTRUCTIONS } from './nodes';
import { flatCopy } from './detach';

/**
 * The known instruction names, each mapped to itself: a node's `name` is this (internalized)
 * string, so the many `ins.name === 'RUN'` tests in rules compare pointers, not characters.
 */
const KNOWN = new Map<string, string>(KNOWN_INSTRUCTIONS.map((n) => [n, n]));
const HEREDOC_INSTRUCTIONS = new Set(['RUN', 'COPY', 'ADD']);
const DIRECTIVE_RE = /^#[ \t]*([a-zA-Z][a-zA-Z0-9]*)[ \t]*=[ \t]*(.+?)[ \t]*$/;
const VALID_DIRECTIVES = new Set(['syntax', 'escape', 'check']);

/** Go's unicode.IsSpace for the characters that matter in Dockerfiles. */
export function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0x85 || c === 0xa0;
}
/** BuildKit's reWhitespace `[\t\v\f\r ]+` (used to split the keyword). */
function isKwSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 11 || c === 12 || c === 13;
}

export function computeLineStarts(text: string): number[] {
  const starts = [0];
  let i = text.indexOf('\n');
  while (i !== -1) {
    starts.push(i + 1);
    i = text.indexOf('\n', i + 1);
  }
  return starts;
}

/** End of line `i`'s content: before `\n` and any `\r` right before it. */
export function lineContentEnd(text: string, lineStarts: number[], i: number): number {
  let e = i + 1 < lineStarts.length ? lineStarts[i + 1] - 1 : text.length;
  while (e > lineStarts[i] && text.charCodeAt(e - 1) === 13) e--;
  return e;
}

// ---------------------------------------------------------------------------------------------
// Prelude

interface Prelude {
  directives: Directive[];
  escape: EscapeChar;
  /** First line index that is not part of the directive prelude. */
  endLine: number;
  errors: ParseError[];
}

export function parsePrelude(text: string, lineStarts: number[], bom: boolean): Prelude {
  const directives: Directive[] = [];
  const errors: ParseError[] = [];
  let escape: EscapeChar = '\\';
  const seen = new Set<string>();
  let line = 0;
  for (; line < lineStarts.length; line++) {
    let s = lineStarts[line];
    if (line === 0 && bom) s++;
    const e = lineContentEnd(text, lineStarts, line);
    let p = s;
    while (p < e && isSpace(text.charCodeAt(p))) p++;
    const content = text.slice(p, e);
    const m = DIRECTIVE_RE.exec(content);
    if (!m) break;
    const name = m[1].toLowerCase();
    if (!VALID_DIRECTIVES.has(name)) break;
    const nameStart = p + content.indexOf(m[1]);
    const valueStart = p + content.lastIndexOf(m[2]);
    const d: Directive = {
      kind: 'directive', start: p, end: e, name,
      nameSpan: { start: nameStart, end: nameStart + m[1].length },
      value: m[2],
      valueSpan: { start: valueStart, end: valueStart + m[2].length },
    };
    directives.push(d);
    if (seen.has(name)) {
      errors.push({ start: p, end: e, code: 'duplicate-directive', message: `only one ${name} parser directive can be used` });
    } else {
      seen.add(name);
      if (name === 'escape') {
        if (m[2] === '\\' || m[2] === '`') escape = m[2];
        else errors.push({ start: d.valueSpan.start, end: d.valueSpan.end, code: 'invalid-escape', message: `invalid escape token '${m[2]}' does not match \` or \\` });
      }
    }
  }
  return { directives, escape, endLine: line, errors };
}

// ---------------------------------------------------------------------------------------------
// Logical lines

/** Maps offsets of a logical line (continuations removed) back to source offsets. */
export class SegMap {
  /** Pairs: logical start, source start (flattened). */
  private readonly l: number[] = [];
  private readonly s: number[] = [];
  text = '';
  /** Source offset used when the logical line is empty (a line holding only the escape char). */
  constructor(private readonly fallback = 0) {}
  /** Appends `text[srcStart - base, srcEnd - base)`, recording `srcStart` as its source offset. */
  add(text: string, srcStart: number, srcEnd: number, base = 0): void {
    if (srcEnd <= srcStart) return;
    this.l.push(this.text.length);
    this.s.push(srcStart);
    this.text += text.slice(srcStart - base, srcEnd - base);
  }
  /** Makes the logical text a flat copy (see `flatCopy`). */
  seal(): void {
    this.text = flatCopy(this.text);
  }
  private idx(l: number): number {
    const a = this.l;
    let lo = 0, hi = a.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (a[mid] <= l) lo = mid; else hi = mid - 1;
    }
    return lo;
  }
  /** Source offset of logical offset `l` (a start position). */
  start(l: number): number {
    if (this.l.length === 0) return this.fallback;
    const k = this.idx(l);
    return this.s[k] + (l - this.l[k]);
  }
  /** Source offset just after logical offset `l - 1` (an exclusive end). */
  end(l: number): number {
    if (this.l.length === 0) return this.fallback;
    if (l <= 0) return this.start(0);
    return this.start(l - 1) + 1;
  }
  span(ls: number, le: number): Span {
    const start = this.start(ls);
    return { start, end: le > ls ? this.end(le) : start };
  }
}

interface LexCtx {
  text: string;
  lineStarts: number[];
  escape: EscapeChar;
  bom: boolean;
}

/** Where the escape char ends a line as a continuation: index of the escape char, or -1. */
function continuationAt(text: string, s: number, e: number, escape: EscapeChar): number {
  let q = e;
  while (q > s && (text.charCodeAt(q - 1) === 32 || text.charCodeAt(q - 1) === 9)) q--;
  if (q > s && text[q - 1] === escape) return q - 1;
  return -1;
}

export interface LexResult {
  node: TopNode | null;
  /** Index of the first line after the node. */
  next: number;
}

/** Lexes the top node starting at line `line` (a line outside any instruction). */
export function lexNode(ctx: LexCtx, line: number): LexResult {
  const { text, lineStarts } = ctx;
  let s = lineStarts[line];
  if (line === 0 && ctx.bom) s++;
  const e = lineContentEnd(text, lineStarts, line);
  let p = s;
  while (p < e && isSpace(text.charCodeAt(p))) p++;
  if (p === e) return { node: null, next: line + 1 };
  if (text.charCodeAt(p) === 35 /* # */) {
    const c: Comment = { kind: 'comment', start: p, end: e, text: text.slice(p + 1, e).trim() };
    return { node: c, next: line + 1 };
  }
  return lexInstruction(ctx, line, p);
}

function lexInstruction(ctx: LexCtx, line: number, p: number): LexResult {
  const { text, lineStarts, escape } = ctx;
  // A final `\n` does not start a real line (BuildKit's scanner yields no empty last line).
  const n = text.length > 0 && text.charCodeAt(text.length - 1) === 10 ? lineStarts.length - 1 : lineStarts.length;
  const seg = new SegMap(p);
  const comments: Comment[] = [];
  const empties: Span[] = [];
  let e = lineContentEnd(text, lineStarts, line);
  let c = continuationAt(text, p, e, escape);
  seg.add(text, p, c >= 0 ? c : e);
  let headEnd = e;
  let cur = line + 1;
  let cont = c >= 0;
  while (cont && cur < n) {
    const s = lineStarts[cur];
    e = lineContentEnd(text, lineStarts, cur);
    let q = s;
    while (q < e && isSpace(text.charCodeAt(q))) q++;
    if (q < e && text.charCodeAt(q) === 35) {
      comments.push({ kind: 'comment', start: q, end: e, text: text.slice(q + 1, e).trim() });
    } else if (q === e) {
      empties.push({ start: s, end: e });
    } else {
      c = continuationAt(text, s, e, escape);
      seg.add(text, s, c >= 0 ? c : e);
      cont = c >= 0;
    }
    headEnd = e;
    cur++;
  }
  seg.seal();
  const ins = buildInstruction(seg, 0, escape);
  ins.start = p;
  ins.end = headEnd;
  ins.headSpan = { start: p, end: headEnd };
  ins.comments = comments;
  ins.emptyContinuationLines = empties;
  if (HEREDOC_INSTRUCTIONS.has(ins.name) && seg.text.includes('<<')) {
    const spaced: Span[] = [];
    const markers = heredocMarkers(seg, spaced);
    for (const sp of spaced) {
      ins.errors.push({ ...sp, code: 'heredoc-space', message: 'BuildKit does not start a heredoc when a space follows `<<`: write the delimiter right after it (`<<EOF`, `<<"EOF"`)' });
    }
    for (const mk of markers) {
      const bodyStartLine = cur;
      let terminated = false;
      let content = '';
      let termSpan: Span | null = null;
      while (cur < n) {
        const s = lineStarts[cur];
        const le = lineContentEnd(text, lineStarts, cur);
        let t = s;
        if (mk.chomp) while (t < le && text.charCodeAt(t) === 9) t++;
        cur++;
        if (text.slice(t, le) === mk.name) {
          terminated = true;
          termSpan = { start: s, end: le };
          break;
        }
        content += text.slice(s, le) + '\n';
      }
      const bodyEndLine = terminated ? cur - 2 : cur - 1;
      const bodyStart = bodyStartLine < n ? lineStarts[bodyStartLine] : text.length;
      const bodyEnd = bodyEndLine >= bodyStartLine ? lineContentEnd(text, lineStarts, bodyEndLine) : bodyStart;
      const hd: Heredoc = {
        start: mk.markerSpan.start,
        end: termSpan ? termSpan.end : bodyEnd,
        name: mk.name, markerSpan: mk.markerSpan, nameSpan: mk.nameSpan, chomp: mk.chomp, expand: mk.expand,
        content, bodySpan: { start: bodyStart, end: bodyEnd }, terminatorSpan: termSpan,
      };
      ins.heredocs.push(hd);
      ins.end = Math.max(ins.end, hd.end, bodyEnd);
      if (!terminated) {
        ins.errors.push({ start: mk.markerSpan.start, end: mk.markerSpan.end, code: 'unterminated-heredoc', message: `unterminated heredoc '${mk.name}': no line '${mk.name}' ends it` });
        break;
      }
    }
  }
  return { node: ins, next: cur };
}

interface Marker { name: string; chomp: boolean; expand: boolean; markerSpan: Span; nameSpan: Span }

/** Heredoc markers on a RUN/COPY/ADD line (BuildKit `heredocsFromLine` + `ParseHeredoc`). */
function heredocMarkers(seg: SegMap, spaced: Span[]): Marker[] {
  const t = seg.text;
  const out: Marker[] = [];
  // Shell-like word split with raw quotes; BuildKit uses `\` here regardless of the escape directive.
  for (const [ws, i] of shellWordSpans(t)) {
    const word = t.slice(ws, i);
    const m = /^(\d*)<<(-?)([^<]*)$/.exec(word);
    if (!m) continue;
    if (m[3].length === 0) {
      // BuildKit needs the delimiter glued to `<<`: `<< "EOF"` is not a heredoc for it.
      spaced.push(seg.span(ws, i));
      continue;
    }
    const rest = m[3];
    const words = splitShellWords(rest);
    if (words.length !== 1) continue;
    const name = unquoteShell(words[0], '\\');
    const expand = !/['"]/.test(words[0]);
    const restStart = ws + m[1].length + 2 + m[2].length;
    // The name span covers the delimiter including its quotes.
    out.push({
      name, chomp: m[2] === '-', expand,
      markerSpan: seg.span(ws, i),
      nameSpan: seg.span(restStart, restStart + rest.length),
    });
  }
  return out;
}

/** `[start, end)` of each shell word of `s` (whitespace outside quotes separates; `\` escapes). */
function shellWordSpans(s: string): [number, number][] {
  const out: [number, number][] = [];
  let i = 0;
  while (i < s.length) {
    while (i < s.length && isSpace(s.charCodeAt(i))) i++;
    if (i >= s.length) break;
    const ws = i;
    let q = 0;
    while (i < s.length) {
      const ch = s.charCodeAt(i);
      if (q === 0 && isSpace(ch)) break;
      if (ch === 92 && q !== 39 && i + 1 < s.length) { i += 2; continue; }
      if (q === 0 && (ch === 39 || ch === 34)) q = ch;
      else if (q !== 0 && ch === q) q = 0;
      i++;
    }
    out.push([ws, Math.min(i, s.length)]);
  }
  return out;
}

function splitShellWords(s: string): string[] {
  return shellWordSpans(s).map(([a, b]) => s.slice(a, b));
}

/** Quote removal and escape processing as the shell lexer does it (no variable expansion). */
export function unquoteShell(raw: string, escape: string): string {
  let out = '';
  let i = 0;
  const n = raw.length;
  while (i < n) {
    const ch = raw[i];
    if (ch === "'") {
      const j = raw.indexOf("'", i + 1);
      if (j < 0) { out += raw.slice(i + 1); break; }
      out += raw.slice(i + 1, j);
      i = j + 1;
    } else if (ch === '"') {
      i++;
      while (i < n && raw[i] !== '"') {
        if (raw[i] === escape && i + 1 < n && (raw[i + 1] === '"' || raw[i + 1] === '$' || raw[i + 1] === escape || raw[i + 1] === '`')) {
          out += raw[i + 1];
          i += 2;
        } else {
          out += raw[i];
          i++;
        }
      }
      i++;
    } else if (ch === escape && i + 1 < n) {
      out += raw[i + 1];
      i += 2;
    } else if (ch === escape) {
      i++;
    } else {
      out += ch;
      i++;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Instruction arguments

function emptyInstruction(escape: EscapeChar): Instruction {
  return {
    kind: 'instruction', start: 0, end: 0, keyword: '', name: '', keywordSpan: { start: 0, end: 0 }, known: false,
    flags: [], args: [], argsText: '', argsSpan: null, vars: [], comments: [], emptyContinuationLines: [],
    heredocs: [], headSpan: { start: 0, end: 0 }, command: null, from: null, keyValues: [], healthcheck: null,
    trigger: null, escape, errors: [], lag: 0,
  };
}

interface LWord { ls: number; le: number; raw: string }

/** BuildKit `parseWords`: whitespace outside quotes separates words; quotes and escapes are kept. */
function parseWordsL(t: string, from: number, to: number, escape: string): LWord[] {
  const out: LWord[] = [];
  let i = from;
  while (i < to) {
    while (i < to && isSpace(t.charCodeAt(i))) i++;
    if (i >= to) break;
    const ws = i;
    let q = '';
    while (i < to) {
      const ch = t[i];
      if (q === '') {
        if (isSpace(t.charCodeAt(i))) break;
        if (ch === escape) { i += i + 1 < to ? 2 : 1; continue; }
        if (ch === "'" || ch === '"') q = ch;
        i++;
      } else {
        if (ch === escape && q !== "'") { i += i + 1 < to ? 2 : 1; continue; }
        if (ch === q) q = '';
        i++;
      }
    }
    out.push({ ls: ws, le: i, raw: t.slice(ws, i) });
  }
  return out;
}

/** BuildKit `parseStringsWhitespaceDelimited`: plain whitespace split, no quote grouping. */
function splitWhitespaceL(t: string, from: number, to: number): LWord[] {
  const out: LWord[] = [];
  let i = from;
  while (i < to) {
    while (i < to && isKwSpace(t.charCodeAt(i))) i++;
    if (i >= to) break;
    const ws = i;
    while (i < to && !isKwSpace(t.charCodeAt(i))) i++;
    out.push({ ls: ws, le: i, raw: t.slice(ws, i) });
  }
  return out;
}

function toWord(seg: SegMap, w: LWord, escape: string, unquote = true): Word {
  const sp = seg.span(w.ls, w.le);
  return { start: sp.start, end: sp.end, raw: w.raw, value: unquote ? unquoteShell(w.raw, escape) : w.raw };
}

/** BuildKit `extractBuilderFlags`: leading `--flag` words (quotes removed); `--` ends them. */
function extractFlags(t: string, from: number, to: number): { words: LWord[]; values: string[]; argsStart: number } {
  const words: LWord[] = [];
  const values: string[] = [];
  let i = from;
  for (;;) {
    while (i < to && isSpace(t.charCodeAt(i))) i++;
    if (i >= to) return { words, values, argsStart: to };
    if (!(t[i] === '-' && i + 1 < to && t[i + 1] === '-')) return { words, values, argsStart: i };
    const ws = i;
    let v = '';
    let q = '';
    while (i < to) {
      const ch = t[i];
      if (q === '') {
        if (isSpace(t.charCodeAt(i))) break;
        if (ch === "'" || ch === '"') { q = ch; i++; continue; }
        if (ch === '\\') { if (i + 1 < to) { v += t[i + 1]; } i += 2; continue; }
        v += ch; i++;
      } else {
        if (ch === q) { q = ''; i++; continue; }
        if (ch === '\\') { if (i + 1 < to) { v += t[i + 1]; } i += 2; continue; }
        v += ch; i++;
      }
    }
    if (i > to) i = to;
    if (v === '--') {
      while (i < to && isSpace(t.charCodeAt(i))) i++;
      return { words, values, argsStart: i };
    }
    words.push({ ls: ws, le: i, raw: t.slice(ws, i) });
    values.push(v);
  }
}

function buildFlag(seg: SegMap, w: LWord, value: string): Flag {
  const sp = seg.span(w.ls, w.le);
  const eq = w.raw.indexOf('=');
  const nameEndL = eq >= 0 ? w.ls + eq : w.le;
  const vEq = value.indexOf('=');
  return {
    start: sp.start, end: sp.end,
    name: vEq >= 0 ? value.slice(2, vEq) : value.slice(2),
    nameSpan: seg.span(w.ls + 2, nameEndL),
    value: vEq >= 0 ? value.slice(vEq + 1) : null,
    valueSpan: eq >= 0 ? seg.span(w.ls + eq + 1, w.le) : null,
  };
}

/** Parses a JSON array of strings at logical offset `from`. */
function parseJsonArray(seg: SegMap, from: number, to: number): { strings: JsonString[]; problem: 'invalid-json' | 'not-strings' | null } {
  const t = seg.text;
  const src = t.slice(from, to);
  let parsed: unknown;
  try {
    parsed = JSON.parse(src);
  } catch {
    return { strings: [], problem: 'invalid-json' };
  }
  if (!Array.isArray(parsed)) return { strings: [], problem: 'invalid-json' };
  if (!parsed.every((x) => typeof x === 'string')) return { strings: [], problem: 'not-strings' };
  const strings: JsonString[] = [];
  let i = from;
  let k = 0;
  while (i < to && k < parsed.length) {
    if (t[i] === '"') {
      const qs = i;
      i++;
      while (i < to && t[i] !== '"') i += t[i] === '\\' ? 2 : 1;
      i++;
      const sp = seg.span(qs, i);
      strings.push({ start: sp.start, end: sp.end, value: parsed[k++] as string });
    } else i++;
  }
  return { strings, problem: null };
}

function buildCommand(seg: SegMap, from: number, to: number): CommandData {
  const t = seg.text;
  const span = seg.span(from, to);
  if (from < to && t[from] === '[') {
    const r = parseJsonArray(seg, from, to);
    if (r.problem === null) return { form: 'exec', json: r.strings, text: t.slice(from, to), span, jsonProblem: null };
    return { form: 'shell', json: [], text: t.slice(from, to), span, jsonProblem: r.problem };
  }
  return { form: 'shell', json: [], text: t.slice(from, to), span, jsonProblem: null };
}

const NAME_START = /[A-Za-z_]/;
const NAME_CHAR = /[A-Za-z0-9_]/;

/** Variable references in logical text `[from, to)` (BuildKit shell lexer rules, no expansion). */
function scanVars(seg: SegMap, from: number, to: number, escape: string, out: VarRef[]): void {
  const t = seg.text;
  let i = from;
  let inSingle = false;
  let inDouble = false;
  while (i < to) {
    const ch = t[i];
    if (inSingle) { if (ch === "'") inSingle = false; i++; continue; }
    if (ch === escape) { i += 2; continue; }
    if (ch === "'" && !inDouble) { inSingle = true; i++; continue; }
    if (ch === '"') { inDouble = !inDouble; i++; continue; }
    if (ch !== '$' || i + 1 >= to) { i++; continue; }
    const next = t[i + 1];
    if (next === '{') {
      const r = scanBraced(seg, i, to, escape, out);
      i = r;
      continue;
    }
    if (NAME_START.test(next)) {
      let j = i + 2;
      while (j < to && NAME_CHAR.test(t[j])) j++;
      const sp = seg.span(i, j);
      out.push({ start: sp.start, end: sp.end, name: t.slice(i + 1, j), nameSpan: seg.span(i + 1, j), braced: false, modifier: null, modifierWord: null, modifierSpan: null });
      i = j;
      continue;
    }
    i++;
  }
}

/** Scans `${…}` starting at `$` (offset i); returns the offset after it. */
function scanBraced(seg: SegMap, i: number, to: number, escape: string, out: VarRef[]): number {
  const t = seg.text;
  let j = i + 2;
  const ns = j;
  while (j < to && NAME_CHAR.test(t[j])) j++;
  const name = t.slice(ns, j);
  let modifier: string | null = null;
  let wordStart = -1;
  if (j < to && t[j] !== '}') {
    const c = t[j];
    if (c === ':') {
      modifier = j + 1 < to ? ':' + t[j + 1] : ':';
      j += modifier.length;
    } else if (c === '#' || c === '%' || c === '/') {
      modifier = t[j + 1] === c ? c + c : c;
      j += modifier.length;
    } else {
      modifier = c;
      j++;
    }
    wordStart = j;
  }
  // Find the matching `}`, honouring nesting, quotes and escapes.
  let depth = 1;
  let q = '';
  while (j < to) {
    const c = t[j];
    if (q) {
      if (c === escape && q === '"') { j += 2; continue; }
      if (c === q) q = '';
      j++;
      continue;
    }
    if (c === escape) { j += 2; continue; }
    if (c === "'" || c === '"') { q = c; j++; continue; }
    if (c === '$' && t[j + 1] === '{') { depth++; j += 2; continue; }
    if (c === '}') { depth--; if (depth === 0) break; }
    j++;
  }
  const closed = j < to && t[j] === '}';
  const end = closed ? j + 1 : to;
  if (name.length > 0 && NAME_START.test(name[0])) {
    const sp = seg.span(i, end);
    const ref: VarRef = {
      start: sp.start, end: sp.end, name, nameSpan: seg.span(ns, ns + name.length), braced: true,
      modifier, modifierWord: wordStart >= 0 ? t.slice(wordStart, closed ? j : to) : null,
      modifierSpan: wordStart >= 0 ? seg.span(wordStart, closed ? j : to) : null,
    };
    out.push(ref);
  }
  if (wordStart >= 0) scanVars(seg, wordStart, closed ? j : to, escape, out);
  return end;
}

function keyValuesNameVal(seg: SegMap, words: LWord[], from: number, to: number, escape: string): KeyValue[] {
  const t = seg.text;
  if (words.length === 0) return [];
  if (!words[0].raw.includes('=')) {
    // Legacy `KEY name value`: split the rest at the first whitespace run.
    let k = from;
    while (k < to && !isKwSpace(t.charCodeAt(k))) k++;
    let v = k;
    while (v < to && isKwSpace(t.charCodeAt(v))) v++;
    const keyRaw = t.slice(from, k);
    const all = seg.span(from, to);
    const hasValue = v < to;
    const rawValue = hasValue ? t.slice(v, to) : null;
    return [{
      start: all.start, end: all.end, key: keyRaw, keySpan: seg.span(from, k),
      value: rawValue === null ? null : unquoteShell(rawValue, escape), rawValue,
      valueSpan: hasValue ? seg.span(v, to) : null, hasEquals: false,
    }];
  }
  return words.map((w) => kvFromWord(seg, w, escape));
}

function kvFromWord(seg: SegMap, w: LWord, escape: string): KeyValue {
  const sp = seg.span(w.ls, w.le);
  const eq = w.raw.indexOf('=');
  if (eq < 0) {
    return { start: sp.start, end: sp.end, key: unquoteShell(w.raw, escape), keySpan: sp, value: null, rawValue: null, valueSpan: null, hasEquals: false };
  }
  const rawKey = w.raw.slice(0, eq);
  const rawValue = w.raw.slice(eq + 1);
  return {
    start: sp.start, end: sp.end, key: unquoteShell(rawKey, escape), keySpan: seg.span(w.ls, w.ls + eq),
    value: unquoteShell(rawValue, escape), rawValue, valueSpan: seg.span(w.ls + eq + 1, w.le), hasEquals: true,
  };
}

/** Builds an instruction from the logical text of `seg` starting at logical offset `off`. */
export function buildInstruction(seg: SegMap, off: number, escape: EscapeChar): Instruction {
  const t = seg.text;
  const ins = emptyInstruction(escape);
  let i = off;
  while (i < t.length && isSpace(t.charCodeAt(i))) i++;
  const ks = i;
  while (i < t.length && !isKwSpace(t.charCodeAt(i))) i++;
  const ke = i;
  ins.keyword = t.slice(ks, ke);
  const upper = ins.keyword.toUpperCase();
  const known = KNOWN.get(upper);
  ins.name = known ?? upper;
  ins.known = known !== undefined;
  ins.keywordSpan = seg.span(ks, ke);
  let to = t.length;
  while (to > ke && isSpace(t.charCodeAt(to - 1))) to--;
  const fl = extractFlags(t, ke, to);
  ins.flags = fl.words.map((w, k) => buildFlag(seg, w, fl.values[k]));
  const as = fl.argsStart;
  ins.argsText = t.slice(as, to);
  ins.argsSpan = as < to ? seg.span(as, to) : null;
  const name = ins.name;
  switch (name) {
    case 'RUN': case 'CMD': case 'ENTRYPOINT': case 'SHELL': {
      ins.command = buildCommand(seg, as, to);
      // Shell form keeps `args` empty: the shell parser analyses `command.text` instead.
      if (ins.command.form === 'exec') ins.args = jsonWords(seg, as, to, ins.command.json);
      if (ins.command.jsonProblem === 'not-strings') {
        ins.errors.push({ ...ins.command.span, code: 'json-not-strings', message: `${name} exec form must be a JSON array of strings` });
      }
      break;
    }
    case 'COPY': case 'ADD': case 'VOLUME': {
      if (as < to && t[as] === '[') {
        const r = parseJsonArray(seg, as, to);
        if (r.problem === null) {
          ins.args = jsonWords(seg, as, to, r.strings);
          break;
        }
        if (r.problem === 'not-strings') ins.errors.push({ ...seg.span(as, to), code: 'json-not-strings', message: `${name} exec form must be a JSON array of strings` });
      }
      ins.args = splitWhitespaceL(t, as, to).map((w) => toWord(seg, w, escape));
      break;
    }
    case 'FROM': case 'EXPOSE': {
      ins.args = splitWhitespaceL(t, as, to).map((w) => toWord(seg, w, escape, false));
      if (name === 'FROM') {
        const a = ins.args;
        const from: FromData = { image: a[0] ?? null, asKeyword: a[1] ?? null, stageName: a[2] ?? null };
        ins.from = from;
      }
      break;
    }
    case 'WORKDIR': case 'USER': case 'MAINTAINER': case 'STOPSIGNAL': {
      if (as < to) ins.args = [toWord(seg, { ls: as, le: to, raw: t.slice(as, to) }, escape)];
      break;
    }
    case 'ENV': case 'LABEL': {
      const words = parseWordsL(t, as, to, escape);
      ins.args = words.map((w) => toWord(seg, w, escape));
      ins.keyValues = keyValuesNameVal(seg, words, as, to, escape);
      break;
    }
    case 'ARG': {
      const words = parseWordsL(t, as, to, escape);
      ins.args = words.map((w) => toWord(seg, w, escape));
      ins.keyValues = words.map((w) => kvFromWord(seg, w, escape));
      break;
    }
    case 'HEALTHCHECK': {
      const words = parseWordsL(t, as, to, escape);
      const first = words[0];
      const hc: HealthcheckData = { type: null, typeWord: null, command: null };
      if (first) {
        const tw = toWord(seg, first, escape);
        hc.typeWord = tw;
        const up = first.raw.toUpperCase();
        if (up === 'CMD' || up === 'NONE') hc.type = up;
        ins.args = [tw];
        if (hc.type === 'CMD') {
          let cs = first.le;
          while (cs < to && isSpace(t.charCodeAt(cs))) cs++;
          hc.command = buildCommand(seg, cs, to);
          if (hc.command.form === 'exec') ins.args.push(...jsonWords(seg, cs, to, hc.command.json));
          if (hc.command.jsonProblem === 'not-strings') ins.errors.push({ ...hc.command.span, code: 'json-not-strings', message: 'HEALTHCHECK CMD exec form must be a JSON array of strings' });
        } else if (hc.type === 'NONE') {
          ins.args.push(...words.slice(1).map((w) => toWord(seg, w, escape)));
        }
      }
      ins.healthcheck = hc;
      break;
    }
    case 'ONBUILD': {
      if (as < to) {
        ins.trigger = buildInstruction(seg, as, escape);
        const tr = ins.trigger;
        tr.start = tr.keywordSpan.start;
        tr.end = seg.end(to);
        tr.headSpan = { start: tr.start, end: tr.end };
        ins.args = parseWordsL(t, as, to, escape).map((w) => toWord(seg, w, escape));
      }
      return ins;
    }
    default: {
      ins.args = parseWordsL(t, as, to, escape).map((w) => toWord(seg, w, escape));
    }
  }
  const vars: VarRef[] = [];
  for (let k = 0; k < fl.words.length; k++) {
    const w = fl.words[k];
    const eq = w.raw.indexOf('=');
    if (eq >= 0) scanVars(seg, w.ls + eq + 1, w.le, escape, vars);
  }
  scanVars(seg, as, to, escape, vars);
  ins.vars = vars;
  return ins;
}

function jsonWords(seg: SegMap, from: number, to: number, strings: JsonString[]): Word[] {
  const t = seg.text;
  // Recover each string literal's raw text from its span in logical coordinates.
  const out: Word[] = [];
  let i = from;
  let k = 0;
  while (i < to && k < strings.length) {
    if (t[i] === '"') {
      const qs = i;
      i++;
      while (i < to && t[i] !== '"') i += t[i] === '\\' ? 2 : 1;
      i++;
      const s = strings[k++];
      out.push({ start: s.start, end: s.end, raw: t.slice(qs, i), value: s.value });
    } else i++;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Whole file

export function collectErrors(preludeErrors: ParseError[], nodes: TopNode[]): ParseError[] {
  const errors = preludeErrors.slice();
  for (const n of nodes) {
    if (n.kind === 'instruction') {
      if (n.errors.length) errors.push(...n.errors);
      if (n.trigger && n.trigger.errors.length) errors.push(...n.trigger.errors);
    }
  }
  return errors;
}

let generations = 0;
/**
 * Gives a tree a fresh `generation` and records the one it was derived from. Non-enumerable:
 * they identify a parse, they are not part of what was parsed (equal texts give deep-equal trees).
 */
export function stampGeneration(tree: DockerfileTree, base: number): void {
  Object.defineProperty(tree, 'generation', { value: ++generations, enumerable: false });
  Object.defineProperty(tree, 'baseGeneration', { value: base, enumerable: false });
}

/** Parses a whole Dockerfile. Never throws. */
export function parse(text: string): ParseResult {
  try {
    return parseUnsafe(text);
  } catch (e) {
    // Defensive: a bug must not take the server down. Report it as a parse error.
    const lineStarts = computeLineStarts(text);
    return {
      tree: { text, nodes: [], instructions: [], directives: [], escape: '\\', preludeEnd: 0, bom: false, lineStarts },
      errors: [{ start: 0, end: 0, code: 'internal', message: `internal parser error: ${(e as Error).message}` }],
    };
  }
}

function parseUnsafe(text: string): ParseResult {
  const lineStarts = computeLineStarts(text);
  const bom = text.charCodeAt(0) === 0xfeff;
  const prelude = parsePrelude(text, lineStarts, bom);
  const nodes: TopNode[] = [...prelude.directives];
  const ctx: LexCtx = { text, lineStarts, escape: prelude.escape, bom };
  let line = prelude.endLine;
  while (line < lineStarts.length) {
    const r = lexNode(ctx, line);
    if (r.node) nodes.push(r.node);
    line = r.next;
  }
  const tree: DockerfileTree = {
    text, nodes,
    instructions: nodes.filter((n): n is Instruction => n.kind === 'instruction'),
    directives: prelude.directives,
    escape: prelude.escape,
    preludeEnd: prelude.endLine < lineStarts.length ? lineStarts[prelude.endLine] : text.length,
    bom, lineStarts,
  };
  stampGeneration(tree, -1);
  (tree as TreeInternal).preludeErrors = prelude.errors;
  (tree as TreeInternal).preludeEndLine = prelude.endLine;
  return { tree, errors: collectErrors(prelude.errors, nodes) };
}

/** Fields the incremental parser keeps on the tree object (not part of the public shape). */
export interface TreeInternal extends DockerfileTree {
  preludeErrors: ParseError[];
  preludeEndLine: number;
  /** Index in `nodes` from which instructions may lag (see `Instruction.lag`); absent when none do. */
  lagFrom?: number;
}
