//! Rule findings → LSP diagnostics (code = DFnnn, source = dockwise, docs link, data.name), as
//! objects or, for the stdio transport, directly as JSON with each finding's encoding cached.

import { DiagnosticSeverity, DiagnosticTag, type Diagnostic } from 'vscode-languageserver-types';
import type { Finding } from '../rules/engine';
import type { Rule } from '../rules/defineRule';
import type { Locale } from './locale';
import type { DockerfileDocument } from '../service/document';
import { positionAt } from '../syntax/lineIndex';

export const DOCS_BASE = 'https://github.com/dockwise/dockwise/blob/main/docs/rules/';

/** Key of a params object's pre-encoded JSON text (see `ServerOptions.rawJson`). */
export const RAW_JSON = Symbol.for('dockwise.rawJson');

/** One diagnostic's JSON: text, or its UTF-8 bytes (cached per finding). */
export type JsonPart = string | Uint8Array;
const NO_BYTES = new Uint8Array(0);

/** A rule's docs page, named by its stable id (a renamed rule keeps its links; and the link is
 * in every diagnostic of every publish, so its length counts). */
export function ruleDocUrl(rule: Pick<Rule, 'id'>): string {
  return `${DOCS_BASE}${rule.id}.md`;
}

export function toLspSeverity(s: Finding['severity']): DiagnosticSeverity {
  switch (s) {
    case 'error': return DiagnosticSeverity.Error;
    case 'warning': return DiagnosticSeverity.Warning;
    case 'info': return DiagnosticSeverity.Information;
    default: return DiagnosticSeverity.Hint;
  }
}

export function toDiagnostics(doc: DockerfileDocument, findings: Finding[], locale: Locale): Diagnostic[] {
  return findings.map((f) => ({
    range: { start: doc.positionAt(f.span.start), end: doc.positionAt(f.span.end) },
    ...body(f, locale),
    relatedInformation: f.related.length ? relatedOf(doc, f, locale) : undefined,
  }));
}

/** A diagnostic's members between the range and the related information (in that order). */
function body(f: Finding, locale: Locale) {
  return {
    severity: toLspSeverity(f.severity),
    code: f.rule.id,
    codeDescription: { href: ruleDocUrl(f.rule) },
    ...(f.rule.tags?.length ? { tags: tagsOf(f.rule) } : {}),
    source: 'dockwise',
    message: f.message[locale] || f.message.en,
    // The kebab-case name (rules.md §7.11): what settings, config files and pragmas may use.
    data: { name: f.rule.name },
  };
}

function tagsOf(rule: Rule): DiagnosticTag[] {
  return (rule.tags ?? []).map((t) => (t === 'deprecated' ? DiagnosticTag.Deprecated : DiagnosticTag.Unnecessary));
}

function relatedOf(doc: DockerfileDocument, f: Finding, locale: Locale) {
  return f.related.map((r) => ({
    location: {
      uri: r.uri ?? doc.uri,
      range: r.uri ? { start: { line: r.line ?? 0, character: 0 }, end: { line: r.line ?? 0, character: 0 } } : { start: doc.positionAt(r.span.start), end: doc.positionAt(r.span.end) },
    },
    message: r.message[locale] || r.message.en,
  }));
}

/**
 * The JSON text of `toDiagnostics(doc, findings, locale)` (same members in the same order, so
 * `JSON.parse` gives the same objects), one part per diagnostic: join with ',' inside
 * brackets. A part is cached on its finding, UTF-8 encoded, with the positions it was built
 * for (rule results are cached, so the same finding object comes back keystroke after
 * keystroke): publishing a big file's diagnostics costs a few comparisons and a copy per
 * finding, not a serialisation or an encoding. Findings with related information are text.
 */
export function diagnosticsJsonParts(doc: DockerfileDocument, findings: Finding[], locale: Locale): JsonPart[] {
  // Line starts and text length only: read without settling the tree (see `Instruction.lag`).
  const t = doc.unsettled().tree;
  const ls = t.lineStarts, len = t.text.length;
  const parts: JsonPart[] = new Array(findings.length);
  // Findings come sorted by start: walk the lines forward instead of searching for each one.
  let line = 0;
  const lineFrom = (from: number, o: number): number => {
    let l = from;
    if (l + 1 < ls.length && ls[l + 1] <= o) {
      // Far ahead: binary search; next line or two: step.
      if (l + 3 < ls.length && ls[l + 3] <= o) return positionAt(ls, len, o).line;
      while (l + 1 < ls.length && ls[l + 1] <= o) l++;
    }
    return l;
  };
  for (let i = 0; i < findings.length; i++) {
    const f = findings[i];
    const so = Math.max(0, Math.min(f.span.start, len)), eo = Math.max(0, Math.min(f.span.end, len));
    if (ls[line] > so) line = positionAt(ls, len, so).line;
    line = lineFrom(line, so);
    const el = eo >= so ? lineFrom(line, eo) : positionAt(ls, len, eo).line;
    const sc = so - ls[line], ec = eo - ls[el];
    // Kept on the finding itself: the engine reuses finding objects while their report is cached.
    let c = f.encoded;
    if (!c || c.locale !== locale || c.severity !== f.severity || c.rule !== f.rule) {
      c = { locale, severity: f.severity, rule: f.rule, tail: JSON.stringify(body(f, locale)).slice(1, -1), at: [-1, -1, -1, -1], bytes: NO_BYTES };
      f.encoded = c;
    }
    if (f.related.length) {
      parts[i] = `{"range":${rangeJson(line, sc, el, ec)},${c.tail},"relatedInformation":${JSON.stringify(relatedOf(doc, f, locale))}}`;
      continue;
    }
    const at = c.at;
    if (at[0] !== line || at[1] !== sc || at[2] !== el || at[3] !== ec) {
      at[0] = line; at[1] = sc; at[2] = el; at[3] = ec;
      c.bytes = Buffer.from(`{"range":${rangeJson(line, sc, el, ec)},${c.tail}}`);
    }
    parts[i] = c.bytes;
  }
  return parts;
}

function rangeJson(sl: number, sc: number, el: number, ec: number): string {
  return `{"start":{"line":${sl},"character":${sc}},"end":{"line":${el},"character":${ec}}}`;
}

/**
 * Pre-encoded JSON text for a transport (see `RAW_JSON`): `head`, then `parts` separated by
 * commas, then `tail`. The encoder writes the pieces straight into one buffer.
 */
export interface RawJson {
  head: string;
  parts: JsonPart[];
  tail: string;
}

/** UTF-8 bytes of a `RawJson` text, written piece by piece (no intermediate joined string). */
export function encodeRawJson(r: RawJson): Buffer {
  let n = Buffer.byteLength(r.head) + Buffer.byteLength(r.tail) + Math.max(0, r.parts.length - 1);
  const lens = new Array<number>(r.parts.length);
  for (let i = 0; i < r.parts.length; i++) {
    const p = r.parts[i];
    const l = typeof p === 'string' ? Buffer.byteLength(p) : p.length;
    lens[i] = l;
    n += l;
  }
  const buf = Buffer.allocUnsafe(n);
  let o = buf.write(r.head, 0);
  for (let i = 0; i < r.parts.length; i++) {
    if (i) buf[o++] = 0x2c; // ','
    const p = r.parts[i];
    if (typeof p === 'string') buf.write(p, o, lens[i]);
    else buf.set(p, o);
    o += lens[i];
  }
  buf.write(r.tail, o);
  return buf;
}
