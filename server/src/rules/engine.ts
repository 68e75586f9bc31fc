//! Runs the rule catalogue over an analysed document. Results are cached per instruction node
//! (instruction rules), per Stage object (per-stage rules, and each stage's block of instruction
//! results) and, for file rules that declare what they read, across edits that leave that
//! unchanged; cached reports follow their nodes when the incremental parser moves them
//! (`reanchor`). Other file rules run every time.

import type { DockerfileTree, Instruction, Span, TopNode, VarRef } from '../syntax/nodes';
import { lineOfOffset } from '../syntax/lineIndex';
import { detachStrings } from '../syntax/detach';
import { replacedInstruction, settle, settleAll, settleTree } from '../syntax/incremental';
import { DEFAULT_SHELL, type ResolvedRef, type SemanticModel, type Stage, type StageRef, type VarDef } from '../semantics/model';
import { commandScript, shellKind } from '../shell/commands';
import { stageFamily, WHOLE_MODEL } from './stageFacts';
import { Suppressions, instructionAt, notePragmas } from './suppress';
import type { Bilingual, ExternalFacts, Fix, InstructionRuleContext, Report, Rule, Severity } from './defineRule';
import { ALL_RULES } from './registry.generated';

export { ALL_RULES };

export type EffectiveSeverity = Exclude<Severity, 'off'>;

export interface Finding {
  rule: Rule;
  /** Finer code within the rule (ShellCheck's SCnnnn for DF080). */
  subcode?: string;
  severity: EffectiveSeverity;
  span: Span;
  message: Bilingual;
  fixes: Fix[];
  related: NonNullable<Report['related']>;
  /** Cache of the diagnostics JSON encoder (features/diagnostics); not part of the finding. */
  encoded?: EncodedFinding;
}

/** A finding's diagnostic as UTF-8 JSON, and what it was built for. */
export interface EncodedFinding {
  locale: string;
  severity: EffectiveSeverity;
  rule: Rule;
  /** Everything after the range, without braces. */
  tail: string;
  /** Positions `bytes` was built with: start line/character, end line/character. */
  at: number[];
  /** The diagnostic's JSON text, encoded (a publish copies it; it does not encode it again). */
  bytes: Uint8Array;
}

const byKey = new Map<string, Rule>();
for (const r of ALL_RULES) {
  byKey.set(r.id.toLowerCase(), r);
  byKey.set(r.name.toLowerCase(), r);
}

/** Finds a rule by id (`DF023`) or name (`latest-tag`), case-insensitively. */
export function findRule(key: string): Rule | undefined {
  return byKey.get(key.trim().toLowerCase());
}

export type SeverityOverrides = Record<string, Severity | string | boolean | undefined>;

/**
 * Effective severities: the defaults, changed only for the rules a (partial) overrides object
 * names, by id or by name. `true` enables a rule at its default (or warning if off), `false` disables it.
 */
export function resolveSeverities(...layers: (SeverityOverrides | undefined)[]): Map<Rule, Severity> {
  const m = new Map<Rule, Severity>();
  for (const r of ALL_RULES) m.set(r, r.severity);
  for (const layer of layers) {
    if (!layer) continue;
    for (const [k, v] of Object.entries(layer)) {
      const r = findRule(k);
      if (!r || v === undefined) continue;
      if (v === true) m.set(r, r.severity === 'off' ? 'warning' : r.severity);
      else if (v === false) m.set(r, 'off');
      else if (typeof v === 'string') {
        const s = normalizeSeverity(v);
        if (s) m.set(r, s);
      }
    }
  }
  return m;
}

let defaultSev: Map<Rule, Severity> | null = null;
/** The default severities (one shared map, so its enabled-rule set is computed once). */
export function defaultSeverities(): Map<Rule, Severity> {
  return (defaultSev ??= resolveSeverities());
}

export function normalizeSeverity(v: string): Severity | null {
  switch (v.toLowerCase()) {
    case 'error': return 'error';
    case 'warning': case 'warn': return 'warning';
    case 'info': case 'information': return 'info';
    case 'hint': case 'style': return 'hint';
    case 'off': case 'ignore': case 'none': return 'off';
  }
  return null;
}

/** A span-like part of a cached report (its span, a fix edit, a related span). */
type Slot = { start: number; end: number };
/** Something whose `start` the incremental parser keeps current: a node, or a stage. */
type Anchor = { readonly start: number };
const FILE_START: Anchor = { start: 0 };

/**
 * A rule report kept between runs. Its span-like parts are copies owned by the cache; each of
 * their offsets follows a node of the tree (`anchors`) at a fixed distance (`rels`). Reused
 * nodes are moved in place by the incremental parser, so `reanchor` moves the report with
 * them — in place, without copying, and idempotently (one item can sit in a node's cache and
 * in its stage's block).
 */
interface Item {
  rule: Rule;
  report: Report;
  slots: Slot[];
  anchors: Anchor[];
  rels: number[];
  /** The finding last made of this report (reused while its severity and fix safety hold). */
  finding?: Finding;
  /** Whether fix-all must skip its fixes (unterminated heredoc, shell that does not parse); computed once. */
  unsafe?: boolean;
}

function own(rule: Rule, report: Report, anchorOf: (pos: number) => Anchor): Item {
  const slots: Slot[] = [];
  const span = { start: report.span.start, end: report.span.end };
  slots.push(span);
  const r: Report = { ...report, span };
  if (report.fixes) {
    r.fixes = report.fixes.map((f) => ({ ...f, edits: f.edits.map((e) => { const c = { ...e }; slots.push(c); return c; }) }));
  }
  if (report.related) {
    r.related = report.related.map((x) => {
      if (x.uri) return x;
      const c = { ...x, span: { start: x.span.start, end: x.span.end } };
      slots.push(c.span);
      return c;
    });
  }
  // Cached across edits: its messages and fix texts must not pin this version of the text.
  detachStrings(r);
  const anchors: Anchor[] = new Array(slots.length * 2);
  const rels: number[] = new Array(slots.length * 2);
  for (let j = 0; j < slots.length; j++) {
    const a = anchorOf(slots[j].start), b = anchorOf(slots[j].end);
    anchors[2 * j] = a; rels[2 * j] = slots[j].start - a.start;
    anchors[2 * j + 1] = b; rels[2 * j + 1] = slots[j].end - b.start;
  }
  return { rule, report: r, slots, anchors, rels };
}

function reanchor(it: Item): void {
  const { slots, anchors, rels } = it;
  for (let j = 0; j < slots.length; j++) {
    const sl = slots[j];
    sl.start = anchors[2 * j].start + rels[2 * j];
    sl.end = anchors[2 * j + 1].start + rels[2 * j + 1];
  }
}

/**
 * The node an offset follows: the node containing it or ending just before it (the line break
 * after a node is always there), else the next node (an insertion point before a line belongs
 * with that line: an edit on that line re-lexes the node), else the last one. `list` is sorted
 * by start. Not the other way round: a comment between two nodes can be edited while both stay.
 */
function anchorIn(list: readonly (Anchor & { end: number })[], pos: number): Anchor {
  let lo = 0, hi = list.length - 1, ans = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].start <= pos) { ans = mid; lo = mid + 1; } else hi = mid - 1;
  }
  if (ans >= 0 && pos <= list[ans].end + 1) return list[ans];
  if (ans + 1 < list.length) return list[ans + 1];
  return ans >= 0 ? list[ans] : FILE_START;
}

/** Shared by every instruction without reports (never mutated). */
const NO_ITEMS = Object.freeze([]) as unknown as Item[];

/**
 * One list of instructions (a stage, or those before the first FROM) as the last run saw it:
 * its nodes and, in parallel, each node's cache key and rule results.
 */
interface CachedList {
  instrs: readonly Instruction[];
  keys: string[];
  items: Item[][];
}

/**
 * Per-document cache of instruction-rule results, keyed by node identity: per list, keyed by
 * its first node (a stage's FROM). A node is looked up in its list's previous run a little
 * ahead of the last match (reused nodes keep their order), not in a map per node: one WeakMap
 * entry per stage instead of one per instruction.
 */
export class RuleCache {
  private lists = new WeakMap<Instruction, CachedList>();
  hits = 0;
  misses = 0;
  /** @internal The previous run of the list whose first node is `head`. */
  previous(head: Instruction): CachedList | undefined {
    return this.lists.get(head);
  }
  /** @internal */
  remember(head: Instruction, list: CachedList): void {
    this.lists.set(head, list);
  }
}

/** How far ahead of the last match a node is looked for (past a longer deleted run, nodes are checked again). */
const SCAN_AHEAD = 64;

export interface RunOptions {
  severities?: Map<Rule, Severity>;
  cache?: RuleCache;
  stageCache?: StageRuleCache;
  fileCache?: FileRuleCache;
  external?: ExternalFacts;
  /** Returns true when a finding is suppressed (an extra hook; pragmas are handled below). */
  suppressed?: (f: Finding) => boolean;
  /** Honour `# check=skip`, `# hadolint ignore` and `# dockwise ignore` pragmas (default true). */
  pragmas?: boolean;
}

const instructionRules = ALL_RULES.filter((r): r is Extract<Rule, { scope: 'instruction' }> => r.scope === 'instruction');
const fileRules = ALL_RULES.filter((r): r is Extract<Rule, { scope: 'file' }> => r.scope === 'file' && !r.perStage);
const stageRules = ALL_RULES.filter((r): r is Extract<Rule, { scope: 'file' }> => r.scope === 'file' && !!r.perStage);

interface StageCached {
  index: number;
  key: number;
  items: Item[];
  /** For per-stage rules: the rules that asked `stageByName` (their answer depends on other stages' names), their items and the name version they saw. */
  asked?: { rules: FileRule[]; items: Item[]; names: number };
  /** The other rules' items. */
  plain?: Item[];
}

type FileRule = Extract<Rule, { scope: 'file' }>;

/** Everything cached for one stage: one map lookup per stage and run. */
interface StageEntry {
  stage?: StageCached;
  block?: StageCached;
  citing?: StageCached;
}

/** Results of per-stage rules run on one stage, split by whether each rule asked about stage names. */
export interface StageRun {
  plain: Item[];
  asked: { rules: FileRule[]; items: Item[] };
}

/** Per-document cache of per-stage rule results, keyed by the model's (reused) Stage objects. */
export class StageRuleCache {
  private map = new WeakMap<Stage, StageEntry>();
  hits = 0;
  misses = 0;
  /** The entry of a stage (created empty); `key`s are small numbers (see `keyId`). */
  entry(st: Stage): StageEntry {
    let e = this.map.get(st);
    if (!e) { e = {}; this.map.set(st, e); }
    return e;
  }
  /** The instruction-rule results of a stage's instructions, as one block. */
  block(e: StageEntry, st: Stage, key: number, compute: (st: Stage) => Item[]): Item[] {
    const c = e.block;
    if (c && c.index === st.index && c.key === key) {
      this.hits++;
      return c.items;
    }
    this.misses++;
    const items = compute(st);
    e.block = { index: st.index, key, items };
    return items;
  }
  /**
   * Per-stage rule results (`which`: the stage rules or those that quote line numbers). When
   * only the stage-name list changed (`names`), only the rules that asked about names run again.
   */
  rules(e: StageEntry, which: 'stage' | 'citing', st: Stage, key: number, names: number, rules: readonly FileRule[], run: (st: Stage, rules: readonly FileRule[]) => StageRun): Item[] {
    const c = e[which];
    if (c && c.index === st.index && c.key === key && c.asked && c.plain) {
      if (c.asked.names === names || c.asked.rules.length === 0) {
        this.hits++;
        return c.items;
      }
      this.misses++;
      // Rules that stop asking stay in the group (they are re-run on name changes; harmless).
      const again = run(st, c.asked.rules);
      c.asked = { rules: c.asked.rules, items: again.plain.concat(again.asked.items), names };
      c.items = c.plain.concat(c.asked.items);
      return c.items;
    }
    this.misses++;
    const r = run(st, rules);
    const items = r.plain.concat(r.asked.items);
    e[which] = { index: st.index, key, items, plain: r.plain, asked: { rules: r.asked.rules, items: r.asked.items, names } };
    return items;
  }
  /** Forgets a stage's results (text inside it changed without changing its instructions: a comment). */
  invalidate(st: Stage): void {
    this.map.delete(st);
  }
}

const keyIds = new Map<string, number>();
/** A process-wide number for a cache key string. */
function keyId(k: string): number {
  let n = keyIds.get(k);
  if (n === undefined) { n = keyIds.size + 1; keyIds.set(k, n); }
  return n;
}

/**
 * Per-document results of file rules that declare `reads: 'outline'`, and what the last run
 * saw (to tell which nodes an edit replaced). Such a rule is not run again when the replaced
 * instructions have the same outline and lines and none of its reports follows one of them.
 */
export class FileRuleCache {
  /** @internal The last run's tree (not its text: a version of a big file that outlives its edit is expensive). */
  seen: { generation: number; nodes: TopNode[]; lines: number } | null = null;
  /** @internal The external facts are part of the key (the same object while they hold: see the server's `docOptions`). */
  results = new Map<Rule, { key: string; generation: number; external: ExternalFacts | undefined; items: Item[] }>();
  /** @internal Whether the last run's tree had no suppression comments or directives. */ noPragmas = false;
  reused = 0;
  ran = 0;
}

/**
 * What file rules with `reads: 'outline'` may read of an instruction: all of it, except the
 * command text of RUN/CMD/ENTRYPOINT, of which only the keyword as written, the flags and the
 * variable references count; and whether its line ends with CRLF.
 */
export function outline(ins: Instruction, text: string, base = 0): string {
  // `text` starts at offset `base` of the document. The line ending after the node counts too
  // (a fix inserting a line next to it copies it).
  const eol = text.charCodeAt(ins.end - base) === 13 ? '\r' : '';
  if (ins.name === 'RUN' || ins.name === 'CMD' || ins.name === 'ENTRYPOINT') {
    let o = ins.name + '\0' + text.slice(ins.keywordSpan.start - base, ins.keywordSpan.end - base);
    for (const f of ins.flags) o += '\0' + text.slice(f.start - base, f.end - base);
    for (const v of ins.vars) o += '\0' + text.slice(v.start - base, v.end - base);
    return o + eol;
  }
  return text.slice(ins.start - base, ins.end - base) + eol;
}


/** `a[from..oldEnd)` was replaced by `b[from..newEnd)`; the rest are the same node objects. */
interface NodeDiff { from: number; oldEnd: number; newEnd: number }
function onlyInstructions(list: readonly TopNode[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (list[i].kind !== 'instruction') return false;
  return true;
}

function diffNodes(a: readonly TopNode[], b: readonly TopNode[]): NodeDiff {
  let i = 0;
  const n = Math.min(a.length, b.length);
  while (i < n && a[i] === b[i]) i++;
  let ea = a.length, eb = b.length;
  while (ea > i && eb > i && a[ea - 1] === b[eb - 1]) { ea--; eb--; }
  return { from: i, oldEnd: ea, newEnd: eb };
}

/**
 * The nodes one incremental reparse replaced since `seen`, when every replacement is an
 * instruction with the same outline on the same line (and the line count is the same): then
 * outline rules' results still hold. Null when anything else changed.
 */
function outlineUnchanged(seen: NonNullable<FileRuleCache['seen']>, tree: DockerfileTree, d: NodeDiff): Set<TopNode> | null {
  if (tree.generation === seen.generation) return new Set();
  if (tree.baseGeneration !== seen.generation || d.oldEnd !== d.newEnd) return null;
  if (seen.lines !== tree.lineStarts.length) return null;
  const a = seen.nodes, b = tree.nodes;
  const removed = new Set<TopNode>();
  if (d.from === d.oldEnd) return removed;
  // One reparse replaced a[from..oldEnd); it noted each replaced instruction's text and line.
  for (let k = d.from; k < d.oldEnd; k++) {
    const x = a[k], y = b[k];
    if (x.kind !== 'instruction' || y.kind !== 'instruction') return null;
    const was = replacedInstruction(x);
    if (!was || was.line !== lineOfOffset(tree.lineStarts, y.start)) return null;
    if (outline(x, was.text, was.base) !== outline(y, tree.text)) return null;
    removed.add(x);
  }
  return removed;
}

/** The nodes replaced since `seen` when none of them (old or new) is a comment or directive. */
function commentsUnchanged(seen: NonNullable<FileRuleCache['seen']>, tree: DockerfileTree, d: NodeDiff): Set<TopNode> | null {
  if (tree.generation === seen.generation) return new Set();
  const removed = new Set<TopNode>();
  for (let k = d.from; k < d.oldEnd; k++) {
    if (seen.nodes[k].kind !== 'instruction') return null;
    removed.add(seen.nodes[k]);
  }
  for (let k = d.from; k < d.newEnd; k++) if (tree.nodes[k].kind !== 'instruction') return null;
  return removed;
}

const stageRefGroups = new WeakMap<SemanticModel, Map<Stage | null, StageRef[]>>();
/** The model's `COPY --from`-style references grouped by stage, once per model and only when asked for. */
function stageRefsByStage(model: SemanticModel): Map<Stage | null, StageRef[]> {
  let g = stageRefGroups.get(model);
  if (!g) {
    g = new Map();
    for (const r of model.stageRefs) {
      const k = model.stageOf(r.instruction);
      const l = g.get(k);
      if (l) l.push(r); else g.set(k, [r]);
    }
    stageRefGroups.set(model, g);
  }
  return g;
}

/**
 * The views per-stage rules see: the stage's parent chain and the stage itself, as a tree and a
 * model that answer like the whole document's for everything else. Two classes made once per
 * process: every view of every run has the same hidden class, so the rules' property accesses
 * stay monomorphic across runs (per-run prototypes inheriting from that run's tree and model
 * gave each run new hidden classes, and the rules' code kept deoptimising on them).
 */
class TreeView implements DockerfileTree {
  private nodeList: TopNode[] | null = null;
  constructor(readonly whole: DockerfileTree, readonly chain: Stage[], readonly instructions: Instruction[]) {}
  get text(): string { return this.whole.text; }
  get nodes(): TopNode[] {
    return (this.nodeList ??= this.whole.nodes.filter((n) => this.chain.some((c) => n.start >= c.start && n.start <= c.end)));
  }
  get directives() { return this.whole.directives; }
  get escape() { return this.whole.escape; }
  get preludeEnd(): number { return this.whole.preludeEnd; }
  get bom(): boolean { return this.whole.bom; }
  get lineStarts(): number[] { return this.whole.lineStarts; }
  get generation(): number | undefined { return this.whole.generation; }
  get baseGeneration(): number | undefined { return this.whole.baseGeneration; }
}

class ModelView implements SemanticModel {
  private defList: VarDef[] | null = null;
  private refList: ResolvedRef[] | null = null;
  private stageRefList: StageRef[] | null = null;
  constructor(readonly whole: SemanticModel, readonly tree: TreeView, private readonly onStageByName: () => void) {}
  get [WHOLE_MODEL](): SemanticModel { return this.whole; }
  get stages(): Stage[] { return this.tree.chain; }
  get globalArgs(): VarDef[] { return this.whole.globalArgs; }
  // Built once per view (several rules read them; the global part has every FROM line's references).
  get defs(): VarDef[] { return (this.defList ??= pick(this.tree.chain, this.whole.defsIn, true)); }
  get refs(): ResolvedRef[] { return (this.refList ??= pick(this.tree.chain, this.whole.refsIn, true)); }
  get stageRefs(): StageRef[] {
    if (!this.stageRefList) {
      const groups = stageRefsByStage(this.whole);
      this.stageRefList = pick(this.tree.chain, (st) => groups.get(st) ?? [], false);
    }
    return this.stageRefList;
  }
  get predefined(): Map<string, VarDef> { return this.whole.predefined; }
  get stageNamesVersion(): number { return this.whole.stageNamesVersion; }
  stageOf(ins: Instruction): Stage | null { return this.whole.stageOf(ins); }
  /** Per-stage rules see every stage's name; the engine notes that this rule asked. */
  stageByName(name: string): Stage | undefined {
    this.onStageByName();
    const st = this.whole.stageByName(name);
    // The rule may read that stage (and its chain): settle them (see `Instruction.lag`).
    if (st) settleChain(st);
    return st;
  }
  scopeAt(ins: Instruction): Map<string, VarDef> { return this.whole.scopeAt(ins); }
  shellOf(ins: Instruction): string[] { return this.whole.shellOf(ins); }
  expand(text: string, ins: Instruction | null): string { return this.whole.expand(text, ins); }
  resolveRef(ref: VarRef): ResolvedRef | undefined { return this.whole.resolveRef(ref); }
  defsIn(stage: Stage | null): VarDef[] { if (stage) settleChain(stage); return this.whole.defsIn(stage); }
  refsIn(stage: Stage | null): ResolvedRef[] { if (stage) settleChain(stage); return this.whole.refsIn(stage); }
}

/** Settles a stage's instructions and those of the stages it is built FROM. */
function settleChain(st: Stage): void {
  for (let p: Stage | null = st, n = 0; p && n < 64; p = p.parent, n++) settleAll(p.instructions);
}

/**
 * What a file rule without `touches` gets: the whole tree is settled the first time the rule
 * reads the tree or the model (rules that need only external facts return before that).
 */
class SettlingContext {
  constructor(private readonly t: DockerfileTree, private readonly m: SemanticModel, readonly external: ExternalFacts, readonly report: (r: Report) => void) {}
  get tree(): DockerfileTree { settleTree(this.t); return this.t; }
  get model(): SemanticModel { settleTree(this.t); return this.m; }
}

function pick<T>(chain: Stage[], get: (s: Stage | null) => T[], withGlobal: boolean): T[] {
  const out: T[] = withGlobal ? [...get(null)] : [];
  for (const c of chain) { const l = get(c); if (l.length) out.push(...l); }
  return out;
}

/**
 * `prelude`: the instructions before the first FROM. `onStageByName` is called when a rule asks
 * about stage names (its answer depends on other stages).
 */
function stageViews(tree: DockerfileTree, model: SemanticModel, prelude: Instruction[], onStageByName: () => void): (st: Stage) => { tree: DockerfileTree; model: SemanticModel } {
  // Every view reads the global prelude's ARGs; each reads its own chain (see `Instruction.lag`).
  let preludeSettled = false;
  return (st) => {
    if (!preludeSettled) {
      settleAll(prelude);
      preludeSettled = true;
    }
    settleChain(st);
    const chain: Stage[] = [st];
    for (let p = st.parent, n = 0; p && n < 32; p = p.parent, n++) chain.unshift(p);
    // The first stage's view also holds the global prelude (ARGs before the first FROM), so
    // per-stage rules report on global ARGs exactly once; a prelude edit invalidates every stage.
    const own = chain.length === 1 ? st.instructions : chain.flatMap((c) => c.instructions);
    const vt = new TreeView(tree, chain, st.index === 0 && prelude.length ? [...prelude, ...own] : own);
    return { tree: vt, model: new ModelView(model, vt, onStageByName) };
  };
}

interface Enabled {
  key: string;
  instruction: Extract<Rule, { scope: 'instruction' }>[];
  /** `instruction` narrowed per instruction name (and ONBUILD trigger name), built on demand. */
  byName: Map<string, Extract<Rule, { scope: 'instruction' }>[]>;
  stage: Extract<Rule, { scope: 'file' }>[];
  citing: Extract<Rule, { scope: 'file' }>[];
  file: Extract<Rule, { scope: 'file' }>[];
}
const enabledMemo = new WeakMap<Map<Rule, Severity>, Enabled>();
/** Rules that are not off: the others are not run at all. Cached results are keyed by this set. */
function enabledRules(sev: Map<Rule, Severity>): Enabled {
  let e = enabledMemo.get(sev);
  if (!e) {
    const on = (r: Rule) => (sev.get(r) ?? r.severity) !== 'off';
    e = {
      key: ALL_RULES.filter((r) => !on(r)).map((r) => r.id).join(','),
      instruction: instructionRules.filter(on),
      byName: new Map(),
      stage: stageRules.filter((r) => on(r) && !r.citesLines),
      citing: stageRules.filter((r) => on(r) && !!r.citesLines),
      file: fileRules.filter(on),
    };
    enabledMemo.set(sev, e);
  }
  return e;
}

/** The enabled instruction rules that look at `ins` (its name, or its ONBUILD trigger's), in catalogue order. */
function rulesFor(enabled: Enabled, ins: Instruction): Extract<Rule, { scope: 'instruction' }>[] {
  const k = ins.trigger ? ins.name + ' ' + ins.trigger.name : ins.name;
  let l = enabled.byName.get(k);
  if (!l) {
    const names = ins.trigger ? [ins.name, ins.trigger.name] : [ins.name];
    l = enabled.instruction.filter((r) => !r.on || names.some((n) => r.on!.includes(n)));
    enabled.byName.set(k, l);
  }
  return l;
}

/** Whether a node's heredoc is unterminated or its shell command fails to parse: depends on the node's text only. */
const brokenMemo = new WeakMap<Instruction, boolean>();

export function runRules(tree: DockerfileTree, model: SemanticModel, opts: RunOptions = {}): Finding[] {
  const sev = opts.severities ?? defaultSeverities();
  const enabled = enabledRules(sev);
  const cache = opts.cache ?? new RuleCache();
  const out: Finding[] = [];
  // What changed since the last run (node identity: reused nodes are the same objects).
  const fc = opts.fileCache;
  const diff = fc?.seen ? diffNodes(fc.seen.nodes, tree.nodes) : null;
  // A file without suppression comments keeps none while one reparse replaced only
  // instructions: skip the scan of every comment (20,000 nodes) on such keystrokes.
  if (fc?.seen && diff && fc.noPragmas && tree.baseGeneration === fc.seen.generation &&
      onlyInstructions(fc.seen.nodes, diff.from, diff.oldEnd) && onlyInstructions(tree.nodes, diff.from, diff.newEnd)) {
    notePragmas(tree, []);
  }
  const sup = opts.pragmas === false ? null : new Suppressions(tree, model);
  if (fc) fc.noPragmas = sup ? sup.pragmas.length === 0 : false;
  // Fix-all never edits an instruction whose heredoc is unterminated or whose shell command
  // does not parse (unbalanced quotes, `${`, `$(`): where a command ends is a guess there.
  const unsafeAt = (offset: number): boolean => {
    const ins = instructionAt(tree.instructions, offset);
    if (!ins) return false;
    let b = brokenMemo.get(ins);
    if (b === undefined) {
      // (commandScript is null for instructions that run no command; it settles the node.)
      b = ins.errors.some((e) => e.code === 'unterminated-heredoc') || (commandScript(ins, tree.text)?.errors.length ?? 0) > 0;
      brokenMemo.set(ins, b);
    }
    return b;
  };
  const pushItem = (it: Item) => {
    const rule = it.rule, r = it.report;
    const s = sev.get(rule) ?? rule.severity;
    if (s === 'off') return;
    if (sup && sup.suppresses(rule, r.span, r.subcode)) return;
    // A per-finding severity (e.g. an escalation) applies unless the user changed the rule's level.
    const severity: EffectiveSeverity = r.severity && s === rule.severity ? r.severity : (s as EffectiveSeverity);
    // A cached item's instruction is the same node for as long as the item lives: check once.
    if (it.unsafe === undefined) it.unsafe = !!r.fixes && r.fixes.some((x) => x.safe) && unsafeAt(r.span.start);
    let f = it.finding;
    if (!f || f.severity !== severity) {
      const fixes = it.unsafe ? r.fixes!.map((x) => ({ ...x, safe: false })) : r.fixes ?? [];
      f = { rule, severity, span: r.span, message: r.message, fixes, related: r.related ?? [] };
      if (r.subcode) f.subcode = r.subcode;
      it.finding = f;
    }
    if (opts.suppressed && opts.suppressed(f)) return;
    out.push(f);
  };
  const pushItems = (items: Item[]) => {
    for (let i = 0; i < items.length; i++) {
      const it = items[i];
      reanchor(it);
      pushItem(it);
    }
  };
  const internalError = (rule: Rule, span: Span, e: unknown): Report =>
    ({ span: { start: span.start, end: span.end }, message: { en: `internal error in rule ${rule.id}: ${(e as Error).message}`, ko: `규칙 ${rule.id} 내부 오류: ${(e as Error).message}` }, severity: 'hint' });
  const source = tree.text;
  // One context for every instruction of the run, updated before each (rules do not keep it).
  const acc: { rule: Rule; report: Report }[] = [];
  let current: Rule | null = null;
  const ctx: InstructionRuleContext = { escape: '\\', source, family: 'unknown', shell: DEFAULT_SHELL, shellKind: 'posix', report: (report: Report) => { acc.push({ rule: current!, report }); } };
  const checkInstruction = (ins: Instruction): { rule: Rule; report: Report }[] => {
    acc.length = 0;
    const rules = rulesFor(enabled, ins);
    // The rules read the node's inner spans: catch them up (see `Instruction.lag`).
    if (rules.length && ins.lag !== 0) settle(ins);
    for (const rule of rules) {
      current = rule;
      try {
        rule.checkInstruction(ins, ctx);
      } catch (e) {
        // A rule bug must not hide the other diagnostics.
        acc.push({ rule, report: internalError(rule, ins.keywordSpan, e) });
      }
    }
    return acc;
  };
  // The instructions of one stage (or, with `st` null, those before the first FROM). Family
  // is the stage's; the shell only changes after a SHELL instruction (model.ts: only SHELL
  // adds to a stage's shells), so the shell and the cache key are looked up again only there.
  const instructionItems = (list: readonly Instruction[], st: Stage | null): Item[] => {
    const all: Item[] = [];
    if (list.length === 0) return all;
    const family = stageFamily(st);
    let shell: string[] | null = null;
    let key = '';
    let kind: ReturnType<typeof shellKind> = 'posix';
    const prev = cache.previous(list[0]);
    const keys = new Array<string>(list.length);
    const itemsOf = new Array<Item[]>(list.length);
    let j = 0;
    for (let i = 0; i < list.length; i++) {
      const ins = list[i];
      if (shell === null || list[i - 1].name === 'SHELL') {
        const s = model.shellOf(ins);
        if (s !== shell) {
          shell = s;
          kind = shellKind(s);
          key = (s === DEFAULT_SHELL ? family : family + '\0' + s.join('\0')) + '\0' + enabled.key;
        }
      }
      let items: Item[] | null = null;
      if (prev) {
        const end = Math.min(prev.instrs.length, j + SCAN_AHEAD);
        for (let k = j; k < end; k++) {
          if (prev.instrs[k] === ins) {
            if (prev.keys[k] === key) items = prev.items[k];
            j = k + 1;
            break;
          }
        }
      }
      if (items) {
        cache.hits++;
      } else {
        cache.misses++;
        ctx.escape = ins.escape; ctx.family = family; ctx.shell = shell; ctx.shellKind = kind;
        const reports = checkInstruction(ins);
        items = NO_ITEMS;
        if (reports.length) {
          const anchor = () => ins;
          items = reports.map((x) => own(x.rule, x.report, anchor));
        }
      }
      keys[i] = key;
      itemsOf[i] = items;
      for (let k = 0; k < items.length; k++) all.push(items[k]);
    }
    cache.remember(list[0], { instrs: list, keys, items: itemsOf });
    return all;
  };
  // A comment edited inside a stage leaves its Stage object (same instructions) but per-stage
  // rules may read it (DF077 moves comments into the merged RUN): forget that stage's results.
  if (diff && opts.stageCache && (diff.from < diff.oldEnd || diff.from < diff.newEnd)) {
    const nodes = tree.nodes;
    const lo = diff.from > 0 ? nodes[diff.from - 1].end : 0;
    const hi = diff.newEnd < nodes.length ? nodes[diff.newEnd].start : tree.text.length;
    for (const st of model.stages) if (st.start <= hi && st.end >= lo) opts.stageCache.invalidate(st);
  }
  // Instructions before the first FROM (few), then each stage's instruction results as one
  // cached block: an unchanged stage (same Stage object) costs one lookup, not one per node.
  const firstFrom = model.stages.length ? tree.instructions.indexOf(model.stages[0].from) : tree.instructions.length;
  const preludeInstructions = tree.instructions.slice(0, firstFrom < 0 ? tree.instructions.length : firstFrom);
  pushItems(instructionItems(preludeInstructions, null));
  const blockCache = opts.stageCache ?? new StageRuleCache();
  const blockKey = keyId(enabled.key);
  const stages = model.stages;
  // (No closures or sets per stage below: this loop runs on every keystroke over every stage.)
  const entries = stages.map((st) => blockCache.entry(st));
  const stageInstructionItems = (st: Stage) => instructionItems(st.instructions, st);
  for (let i = 0; i < stages.length; i++) pushItems(blockCache.block(entries[i], stages[i], blockKey, stageInstructionItems));
  if (enabled.stage.length || enabled.citing.length) {
    const stageCache = blockCache;
    // Whether a stage is shipped (the last one, or built FROM by another) is part of the key.
    const shipped = new Uint8Array(stages.length);
    if (stages.length) shipped[stages.length - 1] = 1;
    for (const st of stages) if (st.parent) shipped[st.parent.index] = 1;
    // One view per stage and run, shared by the two groups of per-stage rules. The view's
    // `stageByName` notes which rule asked (its answer depends on other stages' names).
    let viewOf: Stage | null = null;
    let view: { tree: DockerfileTree; model: SemanticModel } | null = null;
    let asked = false;
    const viewFor = stageViews(tree, model, preludeInstructions, () => { asked = true; });
    // Offsets follow the document's instructions (a fix may edit a global ARG above the stage;
    // such a stage is rebuilt when the prelude changes). Not comments: they change under a
    // reused stage.
    const anchor = (pos: number) => anchorIn(tree.instructions, pos);
    // One context per stage, shared by its rules (they do not keep it): reports of the rule
    // running go to `plain`, and move to `asked` if it asked about stage names.
    let out: StageRun = { plain: [], asked: { rules: [], items: [] } };
    let current: FileRule | null = null;
    let lo = 0, hi = 0;
    const report = (r: Report) => { if (r.span.start >= lo && r.span.start <= hi) out.plain.push(own(current!, r, anchor)); };
    const noExternal: ExternalFacts = {};
    const run = (st: Stage, rules: readonly FileRule[]): StageRun => {
      out = { plain: [], asked: { rules: [], items: [] } };
      if (viewOf !== st) {
        view = viewFor(st);
        viewOf = st;
      }
      lo = st.index === 0 ? 0 : st.start;
      hi = st.end;
      const ctx = { tree: view!.tree, model: view!.model, external: noExternal, report };
      for (const rule of rules) {
        const mark = out.plain.length;
        current = rule;
        asked = false;
        try {
          rule.check(ctx);
        } catch (e) {
          out.plain.push(own(rule, internalError(rule, st.from.keywordSpan, e), anchor));
        }
        if (asked) {
          out.asked.rules.push(rule);
          for (let k = mark; k < out.plain.length; k++) out.asked.items.push(out.plain[k]);
          out.plain.length = mark;
        }
      }
      return out;
    };
    const plain = keyId(enabled.key), shippedKey = keyId(enabled.key + '\0shipped');
    for (let i = 0; i < stages.length; i++) {
      const st = stages[i];
      const key = shipped[i] ? shippedKey : plain;
      const e = entries[i];
      // Per-stage rules see the stage's chain, but `stageByName` answers about every stage.
      pushItems(stageCache.rules(e, 'stage', st, key, model.stageNamesVersion, enabled.stage, run));
      // Rules quoting line numbers are also keyed by the line the stage starts on.
      if (enabled.citing.length) pushItems(stageCache.rules(e, 'citing', st, key * 0x100000 + lineOfOffset(tree.lineStarts, st.start), model.stageNamesVersion, enabled.citing, run));
    }
  }
  // File rules. Those that read only instruction outlines keep their results across edits that
  // leave every outline (and line) as it was — most keystrokes inside a command.
  const removed = fc?.seen && diff ? outlineUnchanged(fc.seen, tree, diff) : null;
  const noComments = fc?.seen && diff ? commentsUnchanged(fc.seen, tree, diff) : null;
  const nodeAnchor = (pos: number) => anchorIn(tree.nodes, pos);
  for (const rule of enabled.file) {
    const cached = fc && rule.reads ? fc.results.get(rule) : undefined;
    const gone = rule.reads === 'outline' ? removed : rule.reads === 'comments' ? noComments : null;
    if (cached && gone && cached.key === enabled.key && cached.generation === fc!.seen!.generation && cached.external === opts.external &&
        !cached.items.some((it) => it.anchors.some((x) => gone.has(x as TopNode)))) {
      fc!.reused++;
      cached.generation = tree.generation ?? -1;
      pushItems(cached.items);
      continue;
    }
    const items: Item[] = [];
    const report = (r: Report) => { items.push(own(rule, r, nodeAnchor)); };
    const external = opts.external ?? {};
    // Settle what the rule reads (see `Instruction.lag`): what it declares, or all of it.
    if (rule.touches === 'final') { if (stages.length) settleChain(stages[stages.length - 1]); }
    else if (rule.touches === 'prelude') settleAll(preludeInstructions);
    try {
      rule.check(rule.touches ? { tree, model, external, report } : new SettlingContext(tree, model, external, report));
    } catch (e) {
      items.push(own(rule, internalError(rule, { start: 0, end: 0 }, e), nodeAnchor));
    }
    if (fc) {
      fc.ran++;
      if (rule.reads) fc.results.set(rule, { key: enabled.key, generation: tree.generation ?? -1, external: opts.external, items });
    }
    for (const it of items) pushItem(it);
  }
  if (fc) fc.seen = tree.generation === undefined ? null : { generation: tree.generation, nodes: tree.nodes, lines: tree.lineStarts.length };
  out.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || a.rule.id.localeCompare(b.rule.id));
  return out;
}
