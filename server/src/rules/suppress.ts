//! Suppressions people already write, honoured through each rule's aliases:
//! * BuildKit: `# check=skip=A,B` (file-level parser directive, or `all`) and the same comment
//!   directly above an instruction (per-instruction form, dockerfile/1.21; text after the first
//!   space is ignored). Names are BuildKit check names, matched case-sensitively as BuildKit does.
//! * hadolint: `# hadolint ignore=DL3008,SC2046` directly above an instruction,
//!   `# hadolint global ignore=…` anywhere (whole file), `# hadolint stage ignore=…` (rest of
//!   the stage the comment is in).
//! * Dockwise's own: `# dockwise ignore=DF077,consecutive-run` (next instruction) and
//!   `# dockwise global ignore=…` (whole file); `dockerfile-lint` is accepted as a synonym.
//! Pure; also exposes the parsed pragmas for DF120 (unknown names) and the "ignore" quick fix.

import type { Comment, DockerfileTree, Instruction, Span } from '../syntax/nodes';
import type { SemanticModel } from '../semantics/model';
import type { Rule } from './defineRule';
import { ALL_RULES } from './registry.generated';

export type PragmaKind = 'buildkit' | 'hadolint' | 'dockwise';
export type PragmaScope = 'file' | 'stage' | 'instruction';

export interface PragmaName {
  name: string;
  span: Span;
  /** Rules the name resolves to (empty when unknown). */
  rules: Rule[];
}

export interface Pragma {
  kind: PragmaKind;
  scope: PragmaScope;
  /** The comment or directive carrying it. */
  span: Span;
  names: PragmaName[];
  /** `skip=all`. */
  all: boolean;
  /** For instruction scope: the instruction it applies to (null when nothing follows). */
  target: Instruction | null;
  /** For stage scope: the span it covers. */
  covers: Span | null;
}

const byBuildkit = new Map<string, Rule[]>();
const byHadolint = new Map<string, Rule[]>();
const byOwn = new Map<string, Rule>();
for (const r of ALL_RULES) {
  for (const n of r.aliases?.buildkit ?? []) byBuildkit.set(n, [...(byBuildkit.get(n) ?? []), r]);
  for (const n of r.aliases?.hadolint ?? []) byHadolint.set(n, [...(byHadolint.get(n) ?? []), r]);
  byOwn.set(r.id.toLowerCase(), r);
  byOwn.set(r.name.toLowerCase(), r);
}

export function rulesForName(kind: PragmaKind, name: string): Rule[] {
  if (kind === 'buildkit') return byBuildkit.get(name) ?? [];
  if (kind === 'hadolint') {
    // hadolint pragma names are made of `DLSC0-9` only: `dl3008` is not DL3008.
    const h = byHadolint.get(name);
    if (h) return h;
    // ShellCheck codes are handled per finding (see `subcode`), not as whole rules.
    return [];
  }
  const r = byOwn.get(name.toLowerCase());
  return r ? [r] : [];
}

export const KNOWN_BUILDKIT_NAMES = (): string[] => [...byBuildkit.keys()];
/** Every hadolint DL rule of v2.15.1 (rules.md §2.1), valid in pragmas whether or not Dockwise maps it. */
export const HADOLINT_CODES: readonly string[] = [
  'DL1001', 'DL3000', 'DL3001', 'DL3002', 'DL3003', 'DL3004', 'DL3006', 'DL3007', 'DL3008', 'DL3009',
  'DL3010', 'DL3011', 'DL3012', 'DL3013', 'DL3014', 'DL3015', 'DL3016', 'DL3018', 'DL3019', 'DL3020',
  'DL3021', 'DL3022', 'DL3023', 'DL3024', 'DL3025', 'DL3026', 'DL3027', 'DL3028', 'DL3029', 'DL3030',
  'DL3032', 'DL3033', 'DL3034', 'DL3035', 'DL3036', 'DL3037', 'DL3038', 'DL3040', 'DL3041', 'DL3042',
  'DL3043', 'DL3044', 'DL3045', 'DL3046', 'DL3047', 'DL3048', 'DL3049', 'DL3050', 'DL3051', 'DL3052',
  'DL3053', 'DL3054', 'DL3055', 'DL3056', 'DL3057', 'DL3058', 'DL3059', 'DL3060', 'DL3061', 'DL3062',
  'DL3063', 'DL3064', 'DL3065', 'DL3066', 'DL3067', 'DL4000', 'DL4001', 'DL4003', 'DL4004', 'DL4005',
  'DL4006',
];
export const KNOWN_HADOLINT_NAMES = (): string[] => [...new Set([...HADOLINT_CODES, ...byHadolint.keys()])];

const PRAGMA_WORD = /^(check|hadolint|dockwise|dockerfile-lint)\b/i;
const CHECK_RE = /^#\s*check\s*=\s*(\S*)/i;
const HADOLINT_RE = /^#\s*hadolint\s+(?:(global|stage)\s+)?ignore\s*=\s*(\S*)/i;
const OWN_RE = /^#\s*(?:dockwise|dockerfile-lint)\s+(?:(global)\s+)?ignore\s*=\s*(\S*)/i;

function names(kind: PragmaKind, list: string, listStart: number): PragmaName[] {
  const out: PragmaName[] = [];
  let off = listStart;
  for (const part of list.split(',')) {
    const n = part.trim();
    if (n) {
      const s = off + part.indexOf(n);
      out.push({ name: n, span: { start: s, end: s + n.length }, rules: rulesForName(kind, n) });
    }
    off += part.length + 1;
  }
  return out;
}

/** `skip=a,b;error=true` → the `skip` list (with its offset). */
function skipList(value: string, valueStart: number): { list: string; start: number } | null {
  let off = valueStart;
  for (const part of value.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim().toLowerCase() === 'skip') {
      const raw = part.slice(eq + 1);
      const lead = raw.length - raw.trimStart().length;
      return { list: raw.trim(), start: off + eq + 1 + lead };
    }
    off += part.length + 1;
  }
  return null;
}

/** True when `a` ends on the line just before `b` starts (no blank line between). */
function adjacent(text: string, a: Span, b: Span): boolean {
  let nl = 0;
  for (let i = a.end; i < b.start; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) { if (++nl > 1) return false; }
    else if (c !== 32 && c !== 9 && c !== 13) return false;
  }
  return nl === 1;
}

const pragmaMemo = new WeakMap<DockerfileTree, Pragma[]>();
/** Every suppression pragma in the file (memoised per tree: the engine and DF120/DF121 share it). */
export function collectPragmas(tree: DockerfileTree, model: SemanticModel | null): Pragma[] {
  let p = pragmaMemo.get(tree);
  if (!p) {
    p = collectPragmasUncached(tree, model);
    pragmaMemo.set(tree, p);
  }
  return p;
}

/** Records the pragmas of a tree known without a scan (the engine: none, see runRules). */
export function notePragmas(tree: DockerfileTree, pragmas: Pragma[]): void {
  pragmaMemo.set(tree, pragmas);
}

function collectPragmasUncached(tree: DockerfileTree, model: SemanticModel | null): Pragma[] {
  const out: Pragma[] = [];
  const text = tree.text;
  for (const d of tree.directives) {
    if (d.name !== 'check') continue;
    const sl = skipList(d.value, d.valueSpan.start);
    if (!sl) continue;
    const ns = names('buildkit', sl.list, sl.start);
    out.push({ kind: 'buildkit', scope: 'file', span: { start: d.start, end: d.end }, names: ns.filter((n) => n.name.toLowerCase() !== 'all'), all: ns.some((n) => n.name.toLowerCase() === 'all'), target: null, covers: null });
  }
  const nodes = tree.nodes;
  for (let i = 0; i < nodes.length; i++) {
    const c = nodes[i];
    if (c.kind !== 'comment') continue;
    // Cheap test on the comment's own text first: most comments are not pragmas.
    if (!PRAGMA_WORD.test(c.text)) continue;
    const line = text.slice(c.start, c.end);
    if (!/^#\s*(check|hadolint|dockwise|dockerfile-lint)\b/i.test(line)) continue;
    // The instruction this comment block sits directly above.
    let target: Instruction | null = null;
    let prev: Span = c;
    for (let j = i + 1; j < nodes.length; j++) {
      const n = nodes[j];
      if (!adjacent(text, prev, n)) break;
      if (n.kind === 'instruction') { target = n; break; }
      if (n.kind !== 'comment') break;
      prev = n;
    }
    let m: RegExpExecArray | null;
    if ((m = CHECK_RE.exec(line))) {
      const valueStart = c.start + line.indexOf(m[1], line.indexOf('=') + 1);
      const sl = skipList(m[1], valueStart);
      if (!sl) continue;
      const ns = names('buildkit', sl.list, sl.start);
      out.push({ kind: 'buildkit', scope: 'instruction', span: c, names: ns.filter((n) => n.name.toLowerCase() !== 'all'), all: ns.some((n) => n.name.toLowerCase() === 'all'), target, covers: null });
    } else if ((m = HADOLINT_RE.exec(line))) {
      const scope: PragmaScope = m[1]?.toLowerCase() === 'global' ? 'file' : m[1]?.toLowerCase() === 'stage' ? 'stage' : 'instruction';
      const listStart = c.start + m[0].length - m[2].length;
      let covers: Span | null = null;
      if (scope === 'stage') {
        const st = model?.stages.find((s) => s.start <= c.start && c.start <= s.end) ?? model?.stages.find((s) => s.start >= c.end) ?? null;
        covers = st ? { start: c.start, end: st.end } : { start: c.start, end: text.length };
      }
      out.push({ kind: 'hadolint', scope, span: c, names: names('hadolint', m[2], listStart), all: false, target, covers });
    } else if ((m = OWN_RE.exec(line))) {
      const scope: PragmaScope = m[1] ? 'file' : 'instruction';
      const listStart = c.start + m[0].length - m[2].length;
      out.push({ kind: 'dockwise', scope, span: c, names: names('dockwise', m[2], listStart), all: false, target, covers: null });
    }
  }
  return out;
}

/** Decides, per finding, whether a pragma suppresses it. */
export class Suppressions {
  private fileRules = new Set<Rule>();
  private fileAll = false;
  private byInstruction = new Map<Instruction, { rules: Set<Rule>; all: boolean }>();
  private stageSpans: { span: Span; rules: Set<Rule>; sc: Set<string> }[] = [];
  private fileSc = new Set<string>();
  private byInstructionSc = new Map<Instruction, Set<string>>();
  readonly pragmas: Pragma[];

  constructor(private tree: DockerfileTree, model: SemanticModel | null) {
    this.pragmas = collectPragmas(tree, model);
    for (const p of this.pragmas) {
      const rules = new Set<Rule>();
      for (const n of p.names) for (const r of n.rules) rules.add(r);
      const sc = new Set(p.kind === 'hadolint' ? p.names.map((n) => n.name).filter((n) => /^SC\d{4}$/.test(n)) : []);
      if (p.scope === 'file') {
        if (p.all) this.fileAll = true;
        for (const r of rules) this.fileRules.add(r);
        for (const c of sc) this.fileSc.add(c);
      } else if (p.scope === 'stage' && p.covers) {
        this.stageSpans.push({ span: p.covers, rules, sc });
      } else if (p.scope === 'instruction' && p.target) {
        if (sc.size) {
          const e = this.byInstructionSc.get(p.target) ?? new Set<string>();
          for (const c of sc) e.add(c);
          this.byInstructionSc.set(p.target, e);
        }
        const e = this.byInstruction.get(p.target) ?? { rules: new Set<Rule>(), all: false };
        for (const r of rules) e.rules.add(r);
        if (p.all) e.all = true;
        this.byInstruction.set(p.target, e);
      }
    }
  }

  get empty(): boolean {
    return this.pragmas.length === 0;
  }

  /** A `check=skip=all` only affects rules that are BuildKit checks (it is BuildKit's switch). */
  suppresses(rule: Rule, span: Span, subcode?: string): boolean {
    if (this.empty) return false;
    if (this.fileRules.has(rule)) return true;
    if (subcode) {
      if (this.fileSc.has(subcode)) return true;
      for (const s of this.stageSpans) if (s.sc.has(subcode) && span.start >= s.span.start && span.start <= s.span.end) return true;
      const ins = instructionAt(this.tree.instructions, span.start);
      if (ins && this.byInstructionSc.get(ins)?.has(subcode)) return true;
    }
    if (this.fileAll && (rule.aliases?.buildkit?.length ?? 0) > 0) return true;
    for (const s of this.stageSpans) if (s.rules.has(rule) && span.start >= s.span.start && span.start <= s.span.end) return true;
    if (this.byInstruction.size) {
      const ins = instructionAt(this.tree.instructions, span.start);
      const e = ins && this.byInstruction.get(ins);
      if (e && (e.rules.has(rule) || (e.all && (rule.aliases?.buildkit?.length ?? 0) > 0))) return true;
    }
    return false;
  }
}

export function instructionAt(list: Instruction[], offset: number): Instruction | null {
  let lo = 0, hi = list.length - 1, ans = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].start <= offset) { ans = mid; lo = mid + 1; } else hi = mid - 1;
  }
  if (ans < 0) return null;
  const ins = list[ans];
  return offset <= ins.end ? ins : null;
}

/** The comment lines (if any) directly above an instruction, for the "ignore" quick fix. */
export function commentsAbove(tree: DockerfileTree, ins: Instruction): Comment[] {
  const idx = tree.nodes.indexOf(ins);
  const out: Comment[] = [];
  let next: Span = ins;
  for (let j = idx - 1; j >= 0; j--) {
    const n = tree.nodes[j];
    if (n.kind !== 'comment' || !adjacent(tree.text, n, next)) break;
    out.unshift(n);
    next = n;
  }
  return out;
}

/** Text edits for "ignore this rule" quick fixes. */
export interface IgnoreFix {
  title: { en: string; ko: string };
  edits: { start: number; end: number; newText: string }[];
}

function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/**
 * "Ignore" quick fixes for a finding of `rule` at `span`: for this instruction, and for the
 * whole file. BuildKit checks use `# check=skip=` — merged into an existing `# check=` line
 * (BuildKit rejects a second one); hadolint rules use `# hadolint ignore=`; the rest use
 * `# dockwise ignore=`. Existing lists are extended, never duplicated.
 */
export function ignoreFixes(tree: DockerfileTree, rule: Rule, span: Span, subcode?: string): IgnoreFix[] {
  const text = tree.text;
  const out: IgnoreFix[] = [];
  const bk = rule.aliases?.buildkit?.[0];
  const hl = subcode ?? rule.aliases?.hadolint?.[0];
  const kind: PragmaKind = bk ? 'buildkit' : hl ? 'hadolint' : 'dockwise';
  const name = bk ?? hl ?? rule.id;
  const ins = instructionAt(tree.instructions, span.start);
  if (ins) {
    const above = commentsAbove(tree, ins);
    const re = kind === 'buildkit' ? /^(#\s*check\s*=\s*(?:[^;\s]*;)*\s*skip\s*=\s*)(\S*)/i : kind === 'hadolint' ? /^(#\s*hadolint\s+ignore\s*=\s*)(\S*)/i : /^(#\s*(?:dockwise|dockerfile-lint)\s+ignore\s*=\s*)(\S*)/i;
    const existing = above.map((c) => ({ c, m: re.exec(text.slice(c.start, c.end)) })).find((x) => x.m);
    const pragmaText = kind === 'buildkit' ? `# check=skip=${name}` : kind === 'hadolint' ? `# hadolint ignore=${name}` : `# dockwise ignore=${name}`;
    const title = { en: `Ignore ${rule.name} for this instruction (${pragmaText})`, ko: `이 명령어에서 ${rule.name} 무시하기 (${pragmaText})` };
    if (existing && existing.m) {
      const list = existing.m[2];
      if (!list.split(',').includes(name)) {
        const at = existing.c.start + existing.m[1].length + list.length;
        out.push({ title, edits: [{ start: at, end: at, newText: (list ? ',' : '') + name }] });
      }
    } else {
      const ls = lineStartOf(text, ins.start);
      const indent = text.slice(ls, ins.start).match(/^[ \t]*/)?.[0] ?? '';
      const pragma = kind === 'buildkit' ? `# check=skip=${name}` : kind === 'hadolint' ? `# hadolint ignore=${name}` : `# dockwise ignore=${name}`;
      out.push({ title, edits: [{ start: ls, end: ls, newText: `${indent}${pragma}\n` }] });
    }
  }
  const filePragma = kind === 'buildkit' ? `# check=skip=${name}` : kind === 'hadolint' ? `# hadolint global ignore=${name}` : `# dockwise global ignore=${name}`;
  const fileTitle = { en: `Ignore ${rule.name} in this file (${filePragma})`, ko: `이 파일 전체에서 ${rule.name} 무시하기 (${filePragma})` };
  if (kind === 'buildkit') {
    const d = tree.directives.find((x) => x.name === 'check');
    if (d) {
      const sl = skipList(d.value, d.valueSpan.start);
      if (sl) {
        if (!sl.list.split(',').map((s) => s.trim()).includes(name)) {
          const at = sl.start + sl.list.length;
          out.push({ title: fileTitle, edits: [{ start: at, end: at, newText: (sl.list ? ',' : '') + name }] });
        }
      } else {
        out.push({ title: fileTitle, edits: [{ start: d.valueSpan.end, end: d.valueSpan.end, newText: `${d.value.trim() ? ';' : ''}skip=${name}` }] });
      }
    } else {
      const at = tree.directives.length ? lineStartOf(text, tree.preludeEnd) : tree.bom ? 1 : 0;
      out.push({ title: fileTitle, edits: [{ start: at, end: at, newText: `# check=skip=${name}\n` }] });
    }
  } else {
    const prefix = kind === 'hadolint' ? '# hadolint global ignore=' : '# dockwise global ignore=';
    const re = kind === 'hadolint' ? /^(#\s*hadolint\s+global\s+ignore\s*=\s*)(\S*)/i : /^(#\s*(?:dockwise|dockerfile-lint)\s+global\s+ignore\s*=\s*)(\S*)/i;
    const existing = tree.nodes.filter((n): n is Comment => n.kind === 'comment').map((c) => ({ c, m: re.exec(text.slice(c.start, c.end)) })).find((x) => x.m);
    if (existing && existing.m) {
      if (!existing.m[2].split(',').includes(name)) {
        const at = existing.c.start + existing.m[1].length + existing.m[2].length;
        out.push({ title: fileTitle, edits: [{ start: at, end: at, newText: (existing.m[2] ? ',' : '') + name }] });
      }
    } else {
      // After the parser directives, so they stay directives.
      const at = tree.directives.length ? lineStartOf(text, tree.preludeEnd) : tree.bom ? 1 : 0;
      out.push({ title: fileTitle, edits: [{ start: at, end: at, newText: `${prefix}${name}\n` }] });
    }
  }
  return out;
}
