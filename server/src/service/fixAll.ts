//! Applies every safe fix until none is left (so applying fix-all twice changes nothing).

import { parse } from '../syntax/parser';
import { buildModel } from '../semantics/model';
import { runRules, type Finding, type RunOptions } from '../rules/engine';
import type { TextEditSpan } from '../rules/defineRule';

/** Applies non-overlapping edits (sorted) to text. */
export function applyEdits(text: string, edits: TextEditSpan[]): string {
  const sorted = edits.slice().sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let pos = 0;
  for (const e of sorted) {
    if (e.start < pos) continue;
    out += text.slice(pos, e.start) + e.newText;
    pos = e.end;
  }
  return out + text.slice(pos);
}

/** Picks the safe fixes of `findings` whose edits do not overlap each other. */
export function nonOverlappingSafeEdits(findings: Finding[]): TextEditSpan[] {
  const chosen: TextEditSpan[] = [];
  const taken: { start: number; end: number }[] = [];
  const overlaps = (e: TextEditSpan) => taken.some((t) => e.start < t.end && t.start < e.end || (e.start === e.end && e.start === t.start) || (t.start === t.end && t.start === e.start));
  for (const f of findings) {
    const fix = f.fixes.find((x) => x.safe && !x.otherFile && !x.disabled && x.edits.length > 0);
    if (!fix || fix.edits.length === 0) continue;
    if (fix.edits.some(overlaps)) continue;
    for (const e of fix.edits) { chosen.push(e); taken.push({ start: e.start, end: e.end }); }
  }
  return chosen;
}

export function fixAllText(text: string, opts: RunOptions = {}, maxRounds = 10): { text: string; rounds: number; applied: number } {
  let cur = text;
  let applied = 0;
  for (let round = 0; round < maxRounds; round++) {
    const { tree } = parse(cur);
    const findings = runRules(tree, buildModel(tree), opts);
    const edits = nonOverlappingSafeEdits(findings);
    if (edits.length === 0) return { text: cur, rounds: round, applied };
    const next = applyEdits(cur, edits);
    if (next === cur) return { text: cur, rounds: round, applied };
    applied += edits.length;
    cur = next;
  }
  return { text: cur, rounds: maxRounds, applied };
}

/** One minimal replacement turning `a` into `b` (common prefix and suffix kept). */
export function minimalEdit(a: string, b: string): TextEditSpan | null {
  if (a === b) return null;
  let p = 0;
  const max = Math.min(a.length, b.length);
  while (p < max && a.charCodeAt(p) === b.charCodeAt(p)) p++;
  let s = 0;
  while (s < max - p && a.charCodeAt(a.length - 1 - s) === b.charCodeAt(b.length - 1 - s)) s++;
  return { start: p, end: a.length - s, newText: b.slice(p, b.length - s) };
}
