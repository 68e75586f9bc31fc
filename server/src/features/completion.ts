//! Completion: pure function `(doc, position, options) → CompletionItem[]`.
//! Contexts: parser directives on the leading comment lines, instruction keywords (snippets),
//! flags of every instruction (RUN --mount keys/values, --network, --security, …), flag
//! values, stage names and indices, variables after `$`/`${`, FROM images and tags, AS,
//! HEALTHCHECK CMD/NONE, STOPSIGNAL signals, EXPOSE protocols, ONBUILD triggers.
//! Cost: a binary search for the instruction plus work on the current line.

import {
  CompletionItemKind, InsertTextFormat, MarkupKind,
  type CompletionItem, type MarkupContent, type Position, type Range,
} from 'vscode-languageserver-types';
import type { DockerfileDocument } from '../service/document';
import type { DockerfileTree, Instruction } from '../syntax/nodes';
import { KNOWN_INSTRUCTIONS } from '../syntax/nodes';
import { BUILDKIT_CHECKS, MOUNT_KEYS, MOUNT_TYPES, SIGNALS, flagsOf, type FlagSpec } from '../semantics/instructionSpec';
import { PLATFORM_ARGS, type SemanticModel, type VarDef } from '../semantics/model';
import type { Locale } from './locale';
import { argIndexAt, cursorAt, flagAt, inFlagArea, mountCursor, varPrefixAt, type Cursor } from './cursor';
import * as text from './featureText';

export interface CompletionOptions {
  locale: Locale;
}

const RETRIGGER = { title: 'suggest', command: 'editor.action.triggerSuggest' };

/** Instructions not allowed as ONBUILD triggers (Dockerfile reference, ONBUILD). */
const NOT_TRIGGERS = new Set(['ONBUILD', 'FROM', 'MAINTAINER']);

interface Ctx {
  doc: DockerfileDocument;
  tree: DockerfileTree;
  cur: Cursor;
  loc: Locale;
  model: () => SemanticModel;
  out: CompletionItem[];
}

const md = (value: string | undefined): MarkupContent | undefined => (value ? { kind: MarkupKind.Markdown, value } : undefined);

function rangeOf(ctx: Ctx, start: number, end: number): Range {
  return { start: ctx.doc.positionAt(start), end: ctx.doc.positionAt(end) };
}

function push(ctx: Ctx, item: Omit<CompletionItem, 'textEdit'>, start: number, end: number, newText?: string, snippet = false): void {
  const it: CompletionItem = { ...item, textEdit: { range: rangeOf(ctx, start, end), newText: newText ?? item.label } };
  if (snippet) it.insertTextFormat = InsertTextFormat.Snippet;
  ctx.out.push(it);
}

// ---- keyword casing (memoised per tree) ------------------------------------------------------
const casingMemo = new WeakMap<DockerfileTree, 'upper' | 'lower'>();
/** The file's majority keyword casing (upper when tied or empty). */
export function keywordCasing(tree: DockerfileTree): 'upper' | 'lower' {
  const m = casingMemo.get(tree);
  if (m) return m;
  let up = 0, low = 0;
  for (const i of tree.instructions) {
    if (!i.known) continue;
    if (i.keyword === i.keyword.toUpperCase()) up++;
    else if (i.keyword === i.keyword.toLowerCase()) low++;
  }
  const r = low > up ? 'lower' : 'upper';
  casingMemo.set(tree, r);
  return r;
}

// ---- entry point ----------------------------------------------------------------------------
export function computeCompletion(doc: DockerfileDocument, position: Position, options: CompletionOptions): CompletionItem[] {
  const tree = doc.tree;
  const offset = doc.offsetAt(position);
  const cur = cursorAt(tree, offset);
  let memo: SemanticModel | null = null;
  const ctx: Ctx = { doc, tree, cur, loc: options.locale, model: () => (memo ??= doc.model), out: [] };

  if (cur.directiveLine) { directives(ctx); return ctx.out; }
  if (cur.inComment) return [];
  if (cur.heredocBody) {
    if (cur.heredocBody.expand) variables(ctx);
    return ctx.out;
  }
  if (variables(ctx)) return ctx.out;

  const ins = cur.ins;
  if (!ins || offset <= ins.keywordSpan.end) { keywords(ctx, ins, false); return ctx.out; }
  let inner = cur.inner!;
  if (ins.name === 'ONBUILD' && inner === ins) {
    // `ONBUILD |` or `ONBUILD RU|`: the trigger keyword.
    if (!ins.trigger || offset <= ins.trigger.keywordSpan.end) { keywords(ctx, ins.trigger, true); return ctx.out; }
    inner = ins.trigger;
  }
  if (offset <= inner.keywordSpan.end) { keywords(ctx, inner, ins !== inner); return ctx.out; }
  instructionArgs(ctx, inner);
  return ctx.out;
}

// ---- directives ---------------------------------------------------------------------------
function directives(ctx: Ctx): void {
  const { cur, tree } = ctx;
  const m = /^(\s*#\s*)([a-zA-Z]*)(=?)(.*)$/.exec(cur.linePrefix);
  if (!m) return;
  const nameStart = cur.lineStart + m[1].length;
  const lineEnd = lineEndOf(tree.text, cur.offset);
  if (!m[3]) {
    const have = new Set(tree.directives.filter((d) => d.start < cur.lineStart || d.start > lineEnd).map((d) => d.name));
    for (const name of ['syntax', 'escape', 'check']) {
      if (have.has(name)) continue;
      push(ctx, { label: name, kind: CompletionItemKind.Property, detail: text.directiveDetail(name, ctx.loc), documentation: md(text.directiveDoc(name, ctx.loc)), command: RETRIGGER },
        nameStart, cur.offset, `${name}=`);
    }
    return;
  }
  const name = m[2].toLowerCase();
  const valueStart = nameStart + m[2].length + 1;
  const value = m[4];
  if (name === 'escape' || name === 'syntax') {
    for (const v of text.directiveValues(name, ctx.loc)) push(ctx, { label: v.value, kind: CompletionItemKind.Value, detail: v.doc, documentation: md(text.directiveDoc(name, ctx.loc)) }, valueStart, lineEnd, v.value);
  } else if (name === 'check') {
    // `# check=skip=A,B;error=true;experimental=all`
    const segStart = value.lastIndexOf(';') + 1;
    const seg = value.slice(segStart);
    const segAbs = valueStart + segStart;
    const eq = seg.indexOf('=');
    if (eq < 0) {
      for (const k of ['skip', 'error', 'experimental']) {
        push(ctx, { label: k, kind: CompletionItemKind.Property, detail: text.directiveDetail('check', ctx.loc), command: RETRIGGER }, segAbs + (seg.length - seg.trimStart().length), cur.offset, `${k}=`);
      }
      return;
    }
    const key = seg.slice(0, eq).trim().toLowerCase();
    const vals = seg.slice(eq + 1);
    const itemStart = segAbs + eq + 1 + vals.lastIndexOf(',') + 1;
    if (key === 'skip') {
      const used = new Set(vals.split(',').map((s) => s.trim()));
      const list = ['all', ...BUILDKIT_CHECKS];
      for (const c of list) {
        if (used.has(c)) continue;
        push(ctx, { label: c, kind: CompletionItemKind.EnumMember, detail: text.checkDetail(ctx.loc), documentation: md(text.checkDoc(c, ctx.loc)) }, itemStart, cur.offset);
      }
    } else if (key === 'error') {
      for (const v of ['true', 'false']) push(ctx, { label: v, kind: CompletionItemKind.Value }, itemStart, cur.offset);
    } else if (key === 'experimental') {
      push(ctx, { label: 'all', kind: CompletionItemKind.Value }, itemStart, cur.offset);
    }
  }
}

function lineEndOf(t: string, offset: number): number {
  let e = offset;
  while (e < t.length && t[e] !== '\n' && t[e] !== '\r') e++;
  return e;
}

// ---- keywords -------------------------------------------------------------------------------
function keywords(ctx: Ctx, at: Instruction | null, trigger: boolean): void {
  const { cur, tree } = ctx;
  const start = at ? at.keywordSpan.start : cur.word.start;
  const end = at ? at.keywordSpan.end : cur.word.end;
  if (!at && cur.word.prefix && !/^[A-Za-z]+$/.test(cur.word.prefix)) return;
  const first = ctx.model().stages[0];
  const beforeFirstFrom = !trigger && (!first || first.start >= (at ? at.start : cur.offset));
  const casing = keywordCasing(tree);
  for (const name of KNOWN_INSTRUCTIONS) {
    if (trigger && NOT_TRIGGERS.has(name)) continue;
    if (beforeFirstFrom && name !== 'FROM' && name !== 'ARG') continue;
    const kw = casing === 'lower' ? name.toLowerCase() : name;
    const snip = text.instructionSnippet(name, ctx.loc);
    const item: Omit<CompletionItem, 'textEdit'> = {
      label: kw, kind: CompletionItemKind.Keyword,
      detail: text.instructionSummary(name, ctx.loc),
      documentation: md(text.instructionDoc(name, ctx.loc)),
      sortText: (name === 'FROM' || (beforeFirstFrom && name === 'ARG') ? '0' : '1') + name,
    };
    if (snip) push(ctx, item, start, end, `${kw} ${snip}`, true);
    else push(ctx, item, start, end, `${kw} `);
    // Other forms as snippets (label shows the form with the placeholders' default text).
    for (const alt of text.instructionAltSnippets(name)) {
      const label = `${kw} ${alt.replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$\{\d+\|([^,|]*)[^}]*\}/g, '$1')}`;
      push(ctx, { ...item, label, kind: CompletionItemKind.Snippet, filterText: kw, sortText: item.sortText + '~' + label }, start, end, `${kw} ${alt}`, true);
    }
  }
}

// ---- instruction arguments ------------------------------------------------------------------
function instructionArgs(ctx: Ctx, ins: Instruction): void {
  const { cur } = ctx;
  const off = cur.offset;
  const flag = flagAt(ins, off);
  const word = cur.word;
  const flagArea = inFlagArea(ins, off);
  if (flag || (flagArea && word.prefix.startsWith('-'))) {
    flagCompletion(ctx, ins, flag);
    return;
  }
  const argIdx = argIndexAt(ins, word.start);
  const atFirstArg = flagArea || (ins.argsSpan !== null && ins.argsSpan.start >= word.start);
  switch (ins.name) {
    case 'FROM':
      if (atFirstArg && !word.prefix) flagNames(ctx, ins, null, word.start, word.end);
      if (atFirstArg || argIdx === 0) fromImage(ctx, ins);
      else if (argIdx === 1) {
        const kw = keywordCasing(ctx.tree) === 'lower' ? 'as' : 'AS';
        push(ctx, { label: kw, kind: CompletionItemKind.Keyword, detail: text.asDetail(ctx.loc) }, word.start, word.end, `${kw} `);
      }
      return;
    case 'HEALTHCHECK': {
      const hc = ins.healthcheck;
      const beforeType = !hc?.typeWord || hc.typeWord.start >= word.start;
      if (!beforeType) return;
      if (!word.prefix) flagNames(ctx, ins, null, word.start, word.end);
      const casing = keywordCasing(ctx.tree);
      for (const t of ['CMD', 'NONE']) {
        const label = casing === 'lower' ? t.toLowerCase() : t;
        push(ctx, { label, kind: CompletionItemKind.Keyword, detail: text.healthcheckTypeDetail(t, ctx.loc), sortText: '0' + t }, word.start, word.end, t === 'CMD' ? `${label} ` : label);
      }
      return;
    }
    case 'STOPSIGNAL':
      if (argIdx > 0) return;
      // Common signals first (docs order), then every other name moby accepts (instructionSpec).
      {
        const names = text.signalNames();
        for (const s of SIGNALS) if (!names.includes('SIG' + s)) names.push('SIG' + s);
        names.forEach((label, k) => push(ctx, { label, kind: CompletionItemKind.Constant, detail: text.signalDetail(label, ctx.loc), sortText: String(k).padStart(3, '0') }, word.start, word.end));
      }
      return;
    case 'EXPOSE': {
      const slash = word.prefix.indexOf('/');
      if (slash < 0) return;
      const s = word.start + slash + 1;
      for (const p of ['tcp', 'udp', 'sctp']) push(ctx, { label: p, kind: CompletionItemKind.EnumMember, detail: text.protocolDetail(p, ctx.loc) }, s, word.end);
      return;
    }
    case 'ARG':
      if (word.prefix.includes('=')) return;
      for (const a of PLATFORM_ARGS) push(ctx, { label: a, kind: CompletionItemKind.Variable, detail: text.predefinedDetail('platform', ctx.loc), documentation: md(text.predefinedDoc(a, ctx.loc)) }, word.start, word.end);
      return;
    default:
      if (flagArea && !word.prefix && flagsOf(ins.name).length) flagNames(ctx, ins, null, word.start, word.end);
  }
}

function flagCompletion(ctx: Ctx, ins: Instruction, flag: ReturnType<typeof flagAt>): void {
  const off = ctx.cur.offset;
  const word = ctx.cur.word;
  // Typing the name: `--ch|` (no `=` before the cursor).
  if (!flag || flag.valueSpan === null || off <= flag.nameSpan.end) {
    const start = flag ? flag.start : word.start;
    const end = flag ? (flag.valueSpan ? flag.nameSpan.end : flag.end) : word.end;
    flagNames(ctx, ins, flag, start, end, !!(flag && flag.valueSpan));
    return;
  }
  const spec = flagsOf(ins.name).find((f) => f.name === flag.name.toLowerCase());
  if (!spec) return;
  const vs = flag.valueSpan;
  // Values are completed up to the end of the word (quoted values are left alone).
  if (ctx.tree.text[vs.start] === '"' || ctx.tree.text[vs.start] === "'") return;
  flagValues(ctx, ins, spec, vs.start, Math.max(vs.end, off));
}

function flagNames(ctx: Ctx, ins: Instruction, current: ReturnType<typeof flagAt>, start: number, end: number, keepValue = false): void {
  const present = new Set(ins.flags.filter((f) => f !== current).map((f) => f.name.toLowerCase()));
  for (const spec of flagsOf(ins.name)) {
    if (present.has(spec.name) && !spec.multiple) continue;
    const label = `--${spec.name}`;
    const takesValue = spec.kind !== 'bool';
    const item: Omit<CompletionItem, 'textEdit'> = {
      label, kind: CompletionItemKind.Property,
      detail: text.flagSummary(ins.name, spec.name, ctx.loc),
      documentation: md(text.flagDoc(ins.name, spec.name, ctx.loc)),
      sortText: '0' + spec.name,
    };
    if (keepValue) { push(ctx, item, start, end, label); continue; }
    if (takesValue) push(ctx, { ...item, command: RETRIGGER }, start, end, `${label}=`);
    else push(ctx, item, start, end, label);
  }
}

function flagValues(ctx: Ctx, ins: Instruction, spec: FlagSpec, vstart: number, vend: number): void {
  const off = ctx.cur.offset;
  const val = (label: string, detail?: string, doc?: string, kind: CompletionItemKind = CompletionItemKind.Value) =>
    push(ctx, { label, kind, detail, documentation: md(doc) }, vstart, vend);
  switch (spec.kind) {
    case 'enum':
      for (const v of spec.values ?? []) val(v, text.flagValueDetail(ins.name, spec.name, v, ctx.loc) ?? (v === spec.defaultValue ? 'default' : undefined), undefined, CompletionItemKind.EnumMember);
      return;
    case 'bool':
      val('true'); val('false');
      return;
    case 'duration':
      for (const v of durationSuggestions(spec)) val(v, v === spec.defaultValue ? text.defaultLabel(ctx.loc) : undefined);
      return;
    case 'int':
      if (spec.defaultValue) val(spec.defaultValue, text.defaultLabel(ctx.loc));
      return;
    case 'platform':
      for (const v of ['linux/amd64', 'linux/arm64', 'linux/arm/v7', 'windows/amd64', '$BUILDPLATFORM', '$TARGETPLATFORM']) val(v);
      return;
    case 'chmod':
      for (const v of ['755', '644', '0755', '0644', 'u+x']) val(v);
      return;
    case 'mount':
      mountValues(ctx, ins, vstart, vend, off);
      return;
    default:
      if (spec.name === 'from') stageItems(ctx, ins, vstart, vend, true);
  }
}

function durationSuggestions(spec: FlagSpec): string[] {
  const base = ['5s', '10s', '30s', '1m', '5m'];
  if (spec.defaultValue && !base.includes(spec.defaultValue)) base.unshift(spec.defaultValue);
  return base;
}

function mountValues(ctx: Ctx, ins: Instruction, vstart: number, vend: number, off: number): void {
  const t = ctx.tree.text.slice(vstart, vend);
  const mc = mountCursor(t, vstart, off);
  const loc = ctx.loc;
  if (mc.value === null) {
    // Keys valid for the mount type (type= first when not given).
    for (const k of MOUNT_KEYS) {
      if (mc.present.has(k.name) || k.aliases?.some((a) => mc.present.has(a))) continue;
      if (k.name !== 'type' && !k.types.includes(mc.type as (typeof MOUNT_TYPES)[number])) continue;
      const isBool = k.kind === 'bool';
      push(ctx, {
        label: k.name, kind: CompletionItemKind.Property,
        detail: text.mountKeySummary(k.name, loc),
        documentation: md(text.mountKeyDoc(k.name, loc)),
        sortText: (k.name === 'type' && !mc.typeGiven ? '0' : k.name === 'target' ? '1' : '2') + k.name,
        command: isBool ? undefined : RETRIGGER,
      }, mc.entryStart, mc.entryEnd, isBool ? k.name : `${k.name}=`);
    }
    return;
  }
  const key = MOUNT_KEYS.find((k) => k.name === mc.key || k.aliases?.includes(mc.key));
  if (!key) return;
  const s = mc.valueStart!;
  const e = mc.entryEnd;
  const v = (label: string, detail?: string, doc?: string) => push(ctx, { label, kind: CompletionItemKind.EnumMember, detail, documentation: md(doc) }, s, e);
  if (key.name === 'type') {
    for (const ty of MOUNT_TYPES) v(ty, text.mountTypeSummary(ty, loc), text.mountTypeDoc(ty, loc));
  } else if (key.kind === 'enum') {
    for (const x of key.values ?? []) v(x, text.mountValueDetail(key.name, x, loc));
  } else if (key.kind === 'bool') {
    v('true'); v('false');
  } else if (key.name === 'from') {
    stageItems(ctx, ins, s, e, true);
  } else if (key.kind === 'octal') {
    v('0755'); v('0644'); v('0400');
  } else if (key.name === 'uid' || key.name === 'gid') {
    v('0'); v('1000');
  }
}

// ---- stages and images ------------------------------------------------------------------------
function stageItems(ctx: Ctx, ins: Instruction, start: number, end: number, withIndex: boolean): void {
  const model = ctx.model();
  const here = model.stageOf(ins);
  for (const st of model.stages) {
    if (here && st.index >= here.index) break;
    if (!here) break;
    const base = st.imageRaw ?? '';
    const line = ctx.doc.positionAt(st.from.start).line + 1;
    const detail = text.stageDetail(base, line, ctx.loc);
    if (st.name) push(ctx, { label: st.nameWord?.value ?? st.name, kind: CompletionItemKind.Reference, detail, sortText: '0' + String(st.index).padStart(4, '0') }, start, end);
    if (withIndex) push(ctx, { label: String(st.index), kind: CompletionItemKind.Reference, detail, sortText: '1' + String(st.index).padStart(4, '0') }, start, end);
  }
}

function fromImage(ctx: Ctx, ins: Instruction): void {
  const w = ctx.cur.word;
  const colon = w.prefix.lastIndexOf(':');
  if (colon >= 0 && !w.prefix.slice(colon).includes('/')) {
    const name = w.prefix.slice(0, colon);
    for (const t of text.imageTags(name, ctx.loc)) {
      push(ctx, { label: t.tag, kind: CompletionItemKind.Value, detail: t.detail, sortText: t.sort }, w.start + colon + 1, w.end);
    }
    return;
  }
  stageItems(ctx, ins, w.start, w.end, false);
  for (const im of text.imageNames(ctx.loc)) {
    push(ctx, { label: im.name, kind: CompletionItemKind.Module, detail: im.detail, documentation: md(im.doc), sortText: '5' + im.name, command: im.hasTags ? RETRIGGER : undefined }, w.start, w.end, im.hasTags ? `${im.name}:` : im.name);
  }
}

// ---- variables --------------------------------------------------------------------------------
function variables(ctx: Ctx): boolean {
  const { cur, tree } = ctx;
  const vp = varPrefixAt(tree.text, cur.lineStart, cur.offset);
  if (!vp) return false;
  const model = ctx.model();
  const ins = cur.ins;
  let scope: Map<string, VarDef>;
  if (ins) scope = model.scopeAt(ins);
  else {
    // A blank/new line: the scope at the end of the previous instruction.
    const prev = cur.index >= 0 ? tree.instructions[cur.index] : null;
    scope = prev ? new Map(model.scopeAt(prev)) : new Map(model.predefined);
    if (prev) for (const d of model.defs) if (d.instruction === prev) scope.set(d.name, d);
  }
  const here = ins ? ins.start : cur.offset;
  for (const [name, def] of scope) {
    if (def.instruction && def.instruction.start >= here) continue;
    const value = def.value ?? def.inheritsFrom?.value ?? null;
    const line = def.instruction ? ctx.doc.positionAt(def.keyValue?.start ?? def.instruction.start).line + 1 : null;
    const detail = text.variableDetail(def.kind, value, def.predefinedNote, ctx.loc);
    const end = vp.braced ? vp.nameEnd : vp.nameEnd;
    const newText = vp.braced && !vp.closed ? `${name}}` : name;
    push(ctx, {
      label: name, kind: CompletionItemKind.Variable, detail,
      documentation: md(text.variableDoc(def, line, ctx.loc)),
      sortText: (def.kind === 'predefined' ? '9' : '0') + name,
    }, vp.nameStart, end, newText);
  }
  return true;
}

/** One `kind label` line per item (for snapshots). */
export function renderCompletions(items: CompletionItem[]): string {
  const kindName = (k: CompletionItemKind | undefined) => {
    for (const [n, v] of Object.entries(CompletionItemKind)) if (v === k) return n.toLowerCase();
    return '?';
  };
  return items.map((i) => `${kindName(i.kind)} ${i.label}`).join('\n') + (items.length ? '\n' : '');
}
