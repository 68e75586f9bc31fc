//! Formatting: upper-case instruction keywords, no indentation before the keyword,
//! continuation lines indented by one unit, trailing whitespace removed. Heredoc bodies are
//! never touched; multi-line instructions can be left alone (`ignoreMultilineInstructions`).

import type { Range, TextEdit } from 'vscode-languageserver-types';
import type { DockerfileDocument } from '../service/document';
import type { Instruction } from '../syntax/nodes';
import { lineOfOffset } from '../syntax/lineIndex';

export interface FormatOptions {
  tabSize: number;
  insertSpaces: boolean;
  ignoreMultilineInstructions?: boolean;
}

export function formatDocument(doc: DockerfileDocument, opts: FormatOptions, range?: Range): TextEdit[] {
  const tree = doc.tree;
  const { text, lineStarts } = tree;
  const edits: TextEdit[] = [];
  const indent = opts.insertSpaces ? ' '.repeat(Math.max(1, opts.tabSize || 4)) : '\t';
  const from = range ? doc.offsetAt(range.start) : 0;
  const to = range ? doc.offsetAt(range.end) : text.length;
  const lineEnd = (l: number) => {
    let e = l + 1 < lineStarts.length ? lineStarts[l + 1] - 1 : text.length;
    while (e > lineStarts[l] && text[e - 1] === '\r') e--;
    return e;
  };
  const edit = (s: number, e: number, newText: string) => {
    if (text.slice(s, e) !== newText) edits.push({ range: { start: doc.positionAt(s), end: doc.positionAt(e) }, newText });
  };
  const trimTrailing = (l: number) => {
    const e = lineEnd(l);
    let t = e;
    while (t > lineStarts[l] && (text[t - 1] === ' ' || text[t - 1] === '\t')) t--;
    if (t < e) edit(t, e, '');
  };
  for (const n of tree.nodes) {
    if (n.end < from || n.start > to) continue;
    const first = lineOfOffset(lineStarts, n.start);
    if (n.kind !== 'instruction') {
      if (n.start > lineStarts[first]) edit(lineStarts[first], n.start, '');
      trimTrailing(first);
      continue;
    }
    const ins: Instruction = n;
    const last = lineOfOffset(lineStarts, ins.headSpan.end);
    if (opts.ignoreMultilineInstructions && last > first) continue;
    if (ins.start > lineStarts[first]) edit(lineStarts[first], ins.start, '');
    if (ins.known && ins.keyword !== ins.name) edit(ins.keywordSpan.start, ins.keywordSpan.end, ins.name);
    if (ins.trigger?.known && ins.trigger.keyword !== ins.trigger.name) edit(ins.trigger.keywordSpan.start, ins.trigger.keywordSpan.end, ins.trigger.name);
    trimTrailing(first);
    // Leading whitespace of a continuation line inside an open quote is part of the value:
    // track the quote state line by line and leave such lines alone.
    let quote = quoteStateAfter(text, ins.start, lineEnd(first), ins.escape, '');
    for (let l = first + 1; l <= last; l++) {
      const s = lineStarts[l];
      const e = lineEnd(l);
      let q = s;
      while (q < e && (text[q] === ' ' || text[q] === '\t')) q++;
      if (q < e && text[q] === '#') { trimTrailing(l); continue; } // comment line inside the instruction
      if (quote === '') {
        if (q === e) { if (e > s) edit(s, e, ''); continue; } // blank continuation line: just empty it
        edit(s, q, indent);
        trimTrailing(l);
      }
      quote = quoteStateAfter(text, s, e, ins.escape, quote);
    }
    // Heredoc bodies and terminators: untouched.
  }
  return edits;
}

/** Quote state (`'`, `"` or none) after scanning `text[s, e)` starting in state `q`. */
function quoteStateAfter(text: string, s: number, e: number, escape: string, q: string): string {
  for (let i = s; i < e; i++) {
    const c = text[i];
    if (q === "'") { if (c === "'") q = ''; continue; }
    if (c === escape) { i++; continue; }
    if (q === '"') { if (c === '"') q = ''; continue; }
    if (c === '"' || c === "'") q = c;
  }
  return q;
}
