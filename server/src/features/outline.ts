//! Document symbols (stages → instructions), folding ranges, document links for images and
//! inlay hints with the resolved values of variables in FROM.

import { FoldingRangeKind, SymbolKind, type DocumentLink, type DocumentSymbol, type FoldingRange, type InlayHint, type Range } from 'vscode-languageserver-types';
import type { DockerfileDocument } from '../service/document';
import type { Instruction, Span } from '../syntax/nodes';

const range = (doc: DockerfileDocument, s: Span): Range => ({ start: doc.positionAt(s.start), end: doc.positionAt(s.end) });

function instructionSymbol(doc: DockerfileDocument, ins: Instruction): DocumentSymbol {
  const detail = ins.argsText.length > 60 ? ins.argsText.slice(0, 57).replace(/\s+/g, ' ') + '…' : ins.argsText.replace(/\s+/g, ' ');
  const kind = ins.name === 'ARG' || ins.name === 'ENV' ? SymbolKind.Variable : ins.name === 'LABEL' ? SymbolKind.Property : SymbolKind.Function;
  const children: DocumentSymbol[] = [];
  if (ins.name === 'ARG' || ins.name === 'ENV') {
    for (const kv of ins.keyValues) {
      if (!kv.key) continue;
      children.push({ name: kv.key, detail: kv.value ?? '', kind: SymbolKind.Variable, range: range(doc, kv), selectionRange: range(doc, kv.keySpan) });
    }
  }
  return {
    name: ins.keyword || ins.name, detail, kind, range: range(doc, ins), selectionRange: range(doc, ins.keywordSpan),
    children: children.length ? children : undefined,
  };
}

export function documentSymbols(doc: DockerfileDocument): DocumentSymbol[] {
  const model = doc.model;
  const out: DocumentSymbol[] = [];
  const first = model.stages[0];
  for (const ins of doc.tree.instructions) {
    if (first && ins.start >= first.start) break;
    out.push(instructionSymbol(doc, ins));
  }
  for (const st of model.stages) {
    const label = st.name ?? `stage ${st.index}`;
    const sel = st.nameWord ?? st.from.from?.image ?? st.from.keywordSpan;
    out.push({
      name: label,
      detail: `FROM ${st.imageRaw ?? ''}`.trim(),
      kind: SymbolKind.Class,
      range: range(doc, { start: st.start, end: st.end }),
      selectionRange: range(doc, sel),
      children: st.instructions.slice(1).map((i) => instructionSymbol(doc, i)),
    });
  }
  return out;
}

export function foldingRanges(doc: DockerfileDocument): FoldingRange[] {
  const out: FoldingRange[] = [];
  const line = (o: number) => doc.positionAt(o).line;
  for (const st of doc.model.stages) {
    const a = line(st.start), b = line(st.end);
    if (b > a) out.push({ startLine: a, endLine: b, kind: FoldingRangeKind.Region });
  }
  let commentStart = -1, commentEnd = -1;
  const flushComments = () => {
    if (commentStart >= 0 && commentEnd > commentStart) out.push({ startLine: commentStart, endLine: commentEnd, kind: FoldingRangeKind.Comment });
    commentStart = commentEnd = -1;
  };
  for (const n of doc.tree.nodes) {
    if (n.kind === 'comment') {
      const l = line(n.start);
      if (commentStart >= 0 && l === commentEnd + 1) commentEnd = l;
      else { flushComments(); commentStart = commentEnd = l; }
      continue;
    }
    flushComments();
    if (n.kind !== 'instruction') continue;
    const a = line(n.headSpan.start), b = line(n.headSpan.end);
    if (b > a) out.push({ startLine: a, endLine: b });
    for (const h of n.heredocs) {
      const hs = line(h.markerSpan.start), he = line(h.end);
      if (he > hs) out.push({ startLine: hs, endLine: he });
    }
  }
  flushComments();
  return out.sort((x, y) => x.startLine - y.startLine || y.endLine - x.endLine);
}

/** Registry web page for an image reference (Docker Hub, ghcr.io, mcr.microsoft.com, quay.io). */
export function imageUrl(ref: string): string | null {
  if (!ref || ref.includes('$')) return null;
  const noDigest = ref.split('@')[0];
  const slash = noDigest.indexOf('/');
  const first = slash >= 0 ? noDigest.slice(0, slash) : '';
  const hasRegistry = slash >= 0 && (first.includes('.') || first.includes(':') || first === 'localhost');
  const path = hasRegistry ? noDigest.slice(slash + 1) : noDigest;
  const lastColon = path.lastIndexOf(':');
  const repo = lastColon > path.lastIndexOf('/') ? path.slice(0, lastColon) : path;
  if (!repo || !/^[a-z0-9]+([._/-][a-z0-9]+)*$/.test(repo)) return null;
  if (!hasRegistry || first === 'docker.io' || first === 'index.docker.io') {
    const r = repo.startsWith('library/') ? repo.slice(8) : repo;
    return r.includes('/') ? `https://hub.docker.com/r/${r}` : `https://hub.docker.com/_/${r}`;
  }
  if (first === 'ghcr.io') return `https://ghcr.io/${repo}`;
  if (first === 'mcr.microsoft.com') return `https://mcr.microsoft.com/artifact/mar/${repo}`;
  if (first === 'quay.io') return `https://quay.io/repository/${repo}`;
  return null;
}

export function documentLinks(doc: DockerfileDocument): DocumentLink[] {
  const out: DocumentLink[] = [];
  for (const st of doc.model.stages) {
    const w = st.from.from?.image;
    if (!w || st.parent || w.raw.toLowerCase() === 'scratch') continue;
    const url = imageUrl(w.raw);
    if (url) out.push({ range: range(doc, w), target: url, tooltip: url });
  }
  return out;
}

/** `FROM node:${NODE_VERSION}` → an inlay hint `= 20` after each variable. */
export function inlayHints(doc: DockerfileDocument, r: Range | null): InlayHint[] {
  const model = doc.model;
  const out: InlayHint[] = [];
  const from = r ? doc.offsetAt(r.start) : 0;
  const to = r ? doc.offsetAt(r.end) : Number.MAX_SAFE_INTEGER;
  for (const st of model.stages) {
    const ins = st.from;
    if (ins.end < from || ins.start > to) continue;
    for (const v of ins.vars) {
      const res = model.resolveRef(v);
      const def = res?.def;
      let value: string | null | undefined = !def ? undefined : def.value !== null ? def.value : def.inheritsFrom ? def.inheritsFrom.value : null;
      if (def?.kind === 'predefined') value = null;
      const label = value === undefined ? '= (undefined)' : value === null ? (def?.kind === 'predefined' ? '= (set by the builder)' : '= (no default)') : `= ${JSON.stringify(value)}`;
      out.push({ position: doc.positionAt(v.end), label, paddingLeft: true, tooltip: def?.instruction ? `${def.kind} ${def.name}` : undefined });
    }
    if (ins.vars.length && st.image !== null) {
      const w = ins.from?.image;
      if (w && w.raw.includes('$')) out.push({ position: doc.positionAt(w.end), label: `→ ${st.image}`, paddingLeft: true });
    }
  }
  return out;
}
