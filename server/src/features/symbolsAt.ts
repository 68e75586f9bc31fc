//! Named things in a Dockerfile and their occurrences: stage names, ARG/ENV variables and
//! heredoc delimiters. Shared by definition, references, highlight and rename.

import type { Instruction, Span } from '../syntax/nodes';
import type { SemanticModel, Stage, VarDef } from '../semantics/model';
import { parseMountValue } from '../semantics/instructionSpec';

export type SymbolKind = 'stage' | 'variable' | 'heredoc';

export interface Occurrence {
  span: Span;
  /** A definition site (FROM … AS x, ARG/ENV key, heredoc marker). */
  isDefinition: boolean;
}

export interface SymbolTarget {
  kind: SymbolKind;
  name: string;
  occurrences: Occurrence[];
  /** The span under the cursor. */
  at: Span;
}

const inside = (s: Span, off: number) => off >= s.start && off <= s.end;

/** Binary search: the instruction whose span contains `offset`, or null. */
export function instructionAt(instructions: Instruction[], offset: number): Instruction | null {
  let lo = 0, hi = instructions.length - 1, ans = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (instructions[mid].start <= offset) { ans = mid; lo = mid + 1; } else hi = mid - 1;
  }
  if (ans < 0) return null;
  const ins = instructions[ans];
  return offset <= ins.end ? ins : null;
}

/** Occurrences of a stage name: its `AS` word, `FROM <stage>`, `COPY --from=`, `RUN --mount=from=`. */
export function stageOccurrences(model: SemanticModel, stage: Stage): Occurrence[] {
  const out: Occurrence[] = [];
  if (stage.nameWord) out.push({ span: { start: stage.nameWord.start, end: stage.nameWord.end }, isDefinition: true });
  for (const st of model.stages) {
    if (st.parent === stage && st.from.from?.image) {
      const w = st.from.from.image;
      if (w.raw.toLowerCase() === stage.name) out.push({ span: { start: w.start, end: w.end }, isDefinition: false });
    }
  }
  for (const r of model.stageRefs) {
    if (r.target !== stage && r.forward !== stage) continue;
    if (r.index !== null || !r.flag || !r.flag.valueSpan) continue;
    const f = r.flag;
    const vs = f.valueSpan!;
    if (vs.end - vs.start !== (f.value ?? '').length) continue; // quoted: cannot map
    if (f.name === 'from') out.push({ span: { ...vs }, isDefinition: false });
    else {
      for (const e of parseMountValue(f.value ?? '')) {
        if (e.key === 'from' && e.value !== null) out.push({ span: { start: vs.start + e.keyEnd + 1, end: vs.start + e.end }, isDefinition: false });
      }
    }
  }
  return out.sort((a, b) => a.span.start - b.span.start);
}

/** The definitions linked to `def` (a global ARG, its re-declarations in stages, and vice versa). */
function relatedDefs(model: SemanticModel, def: VarDef): Set<VarDef> {
  const root = def.inheritsFrom && def.inheritsFrom.kind !== 'predefined' ? def.inheritsFrom : def;
  const set = new Set<VarDef>([root]);
  for (const d of model.defs) if (d.inheritsFrom === root) set.add(d);
  if (def.kind === 'predefined') set.add(def);
  return set;
}

export function variableOccurrences(model: SemanticModel, def: VarDef): Occurrence[] {
  const defs = relatedDefs(model, def);
  const out: Occurrence[] = [];
  for (const d of defs) if (d.keyValue) out.push({ span: { ...d.keyValue.keySpan }, isDefinition: true });
  for (const r of model.refs) if (r.def && defs.has(r.def)) out.push({ span: { ...r.ref.nameSpan }, isDefinition: false });
  return out.sort((a, b) => a.span.start - b.span.start);
}

/** What named thing is at `offset`, with all its occurrences. */
export function symbolAt(model: SemanticModel, offset: number): SymbolTarget | null {
  const ins = instructionAt(model.tree.instructions, offset);
  if (!ins) return null;
  // Variables (also inside ONBUILD triggers).
  for (const i of ins.trigger ? [ins, ins.trigger] : [ins]) {
    for (const v of i.vars) {
      if (!inside(v.nameSpan, offset) && !inside({ start: v.start, end: v.start + 1 }, offset)) continue;
      const r = model.resolveRef(v);
      if (!r || !r.def) return { kind: 'variable', name: v.name, occurrences: [{ span: { ...v.nameSpan }, isDefinition: false }], at: v.nameSpan };
      return { kind: 'variable', name: v.name, occurrences: variableOccurrences(model, r.def), at: v.nameSpan };
    }
  }
  if (ins.name === 'ARG' || ins.name === 'ENV') {
    for (const kv of ins.keyValues) {
      if (!inside(kv.keySpan, offset)) continue;
      const def = model.defs.find((d) => d.keyValue === kv);
      if (def) return { kind: 'variable', name: def.name, occurrences: variableOccurrences(model, def), at: kv.keySpan };
    }
  }
  // Stage names.
  const stageTarget = (st: Stage | null | undefined, at: Span): SymbolTarget | null =>
    st && st.name ? { kind: 'stage', name: st.name, occurrences: stageOccurrences(model, st), at } : null;
  if (ins.name === 'FROM' && ins.from) {
    const st = model.stageOf(ins);
    if (ins.from.stageName && inside(ins.from.stageName, offset)) return stageTarget(st, ins.from.stageName);
    if (ins.from.image && inside(ins.from.image, offset) && st?.parent) return stageTarget(st.parent, ins.from.image);
  }
  for (const r of model.stageRefs) {
    if (r.instruction !== ins || !r.flag?.valueSpan || !inside(r.flag.valueSpan, offset)) continue;
    const st = r.target ?? r.forward;
    if (st) return stageTarget(st, r.flag.valueSpan);
  }
  // Heredoc delimiters: the marker and the terminator line.
  for (const h of ins.heredocs) {
    const term = h.terminatorSpan ? { start: h.terminatorSpan.end - h.name.length, end: h.terminatorSpan.end } : null;
    const nameOnly = nameInMarker(h.nameSpan, h.name);
    if (inside(h.nameSpan, offset) || (term && inside(term, offset))) {
      const occ: Occurrence[] = [{ span: nameOnly, isDefinition: true }];
      if (term) occ.push({ span: term, isDefinition: false });
      return { kind: 'heredoc', name: h.name, occurrences: occ, at: inside(h.nameSpan, offset) ? nameOnly : term! };
    }
  }
  return null;
}

/** The delimiter name inside a possibly quoted marker name span (`"EOF"` → `EOF`). */
function nameInMarker(span: Span, name: string): Span {
  const len = span.end - span.start;
  if (len === name.length + 2) return { start: span.start + 1, end: span.end - 1 };
  return { start: span.start, end: span.end };
}
