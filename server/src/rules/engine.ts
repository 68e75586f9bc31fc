//! Runs the rule catalogue over an analysed document. Instruction-scoped rules are cached
//! per instruction node (reports stored with the node's start offset and shifted when the
//! node is reused at another offset); file-scoped rules run every time.

import type { DockerfileTree, Instruction, Span } from '../syntax/nodes';
import { DEFAULT_SHELL, type ResolvedRef, type SemanticModel, type Stage, type StageRef, type VarDef } from '../semantics/model';
import { shellKind } from '../shell/commands';
import { stageFamily, WHOLE_MODEL } from './stageFacts';
import { Suppressions, instructionAt } from './suppress';
import { commandScript } from '../shell/commands';
import type { Bilingual, ExternalFacts, Fix, Report, Rule, Severity } from './defineRule';
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

interface CachedReports {
  start: number;
  key: string;
  items: { rule: Rule; report: Report }[];
}

function shiftReport(r: Report, d: number): Report {
  if (d === 0) return r;
  const sp = (s: Span): Span => ({ start: s.start + d, end: s.end + d });
  return {
    ...r,
    span: sp(r.span),
    fixes: r.fixes?.map((f) => ({ ...f, edits: f.edits.map((e) => ({ ...e, start: e.start + d, end: e.end + d })) })),
    related: r.related?.map((x) => (x.uri ? x : { ...x, span: sp(x.span) })),
  };
}

/**
 * Cached reports of a node or stage now at `start`. Nodes stay where the incremental parser
 * moved them, so a shifted copy replaces the entry: the next keystroke is a plain hit.
 */
function reuseAt(c: { start: number; items: { rule: Rule; report: Report }[] }, start: number): { rule: Rule; report: Report }[] {
  const d = start - c.start;
  if (d !== 0) {
    c.items = c.items.map((x) => ({ rule: x.rule, report: shiftReport(x.report, d) }));
    c.start = start;
  }
  return c.items;
}

/** Per-document cache of instruction-rule results, keyed by node identity. */
export class RuleCache {
  private map = new WeakMap<Instruction, CachedReports>();
  hits = 0;
  misses = 0;
  get(ins: Instruction, key: string, compute: () => { rule: Rule; report: Report }[]): { rule: Rule; report: Report }[] {
    const c = this.map.get(ins);
    if (c && c.key === key) {
      this.hits++;
      return reuseAt(c, ins.start);
    }
    this.misses++;
    const items = compute();
    this.map.set(ins, { start: ins.start, key, items });
    return items;
  }
}

export interface RunOptions {
  severities?: Map<Rule, Severity>;
  cache?: RuleCache;
  stageCache?: StageRuleCache;
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
  start: number;
  index: number;
  key: string;
  items: { rule: Rule; report: Report }[];
}

/** Per-document cache of per-stage rule results, keyed by the model's (reused) Stage objects. */
export class StageRuleCache {
  private map = new WeakMap<Stage, StageCached>();
  private blocks = new WeakMap<Stage, StageCached>();
  hits = 0;
  misses = 0;
  get(st: Stage, key: string, compute: () => { rule: Rule; report: Report }[]): { rule: Rule; report: Report }[] {
    return this.lookup(this.map, st, key, compute);
  }
  /** The instruction-rule results of all of a stage's instructions, as one block. */
  getInstructions(st: Stage, key: string, compute: () => { rule: Rule; report: Report }[]): { rule: Rule; report: Report }[] {
    return this.lookup(this.blocks, st, key, compute);
  }
  private lookup(map: WeakMap<Stage, StageCached>, st: Stage, key: string, compute: () => { rule: Rule; report: Report }[]): { rule: Rule; report: Report }[] {
    const c = map.get(st);
    if (c && c.index === st.index && c.key === key) {
      this.hits++;
      return reuseAt(c, st.start);
    }
    this.misses++;
    const items = compute();
    map.set(st, { start: st.start, index: st.index, key, items });
    return items;
  }
}

interface Groups {
  readonly defs: Map<Stage | null, VarDef[]>;
  readonly refs: Map<Stage | null, ResolvedRef[]>;
  readonly stageRefs: Map<Stage | null, StageRef[]>;
}
const groupMemo = new WeakMap<SemanticModel, Groups>();
function groupBy<T>(list: readonly T[], key: (x: T) => Stage | null): Map<Stage | null, T[]> {
  const m = new Map<Stage | null, T[]>();
  for (const x of list) { const k = key(x); const l = m.get(k); if (l) l.push(x); else m.set(k, [x]); }
  return m;
}
/** The model's definitions and references grouped by stage, once per model and only the lists asked for. */
function groupsOf(model: SemanticModel): Groups {
  let g = groupMemo.get(model);
  if (!g) {
    let defs: Map<Stage | null, VarDef[]> | undefined, refs: Map<Stage | null, ResolvedRef[]> | undefined, stageRefs: Map<Stage | null, StageRef[]> | undefined;
    g = {
      get defs() { return (defs ??= groupBy(model.defs, (d) => d.stage)); },
      get refs() { return (refs ??= groupBy(model.refs, (r) => r.stage)); },
      get stageRefs() { return (stageRefs ??= groupBy(model.stageRefs, (r) => model.stageOf(r.instruction))); },
    };
    groupMemo.set(model, g);
  }
  return g;
}

/** The view a per-stage rule sees: the stage's parent chain and the stage itself. */
function stageView(tree: DockerfileTree, model: SemanticModel, st: Stage): { tree: DockerfileTree; model: SemanticModel } {
  const chain: Stage[] = [st];
  for (let p = st.parent, n = 0; p && n < 32; p = p.parent, n++) chain.unshift(p);
  // The first stage's view also holds the global prelude (ARGs before the first FROM), so
  // per-stage rules report on global ARGs exactly once; a prelude edit invalidates every stage.
  const prelude = st.index === 0 ? tree.instructions.slice(0, tree.instructions.indexOf(st.from)) : [];
  const own = chain.length === 1 ? st.instructions : chain.flatMap((c) => c.instructions);
  const instructions = prelude.length ? [...prelude, ...own] : own;
  const vt = Object.create(tree) as DockerfileTree;
  Object.defineProperty(vt, 'instructions', { value: instructions });
  Object.defineProperty(vt, 'nodes', { get: () => tree.nodes.filter((n) => chain.some((c) => n.start >= c.start && n.start <= c.end)) });
  const vm = Object.create(model) as SemanticModel;
  const g = groupsOf(model);
  const pick = <T>(m: Map<Stage | null, T[]>, withGlobal: boolean): T[] => {
    const out: T[] = withGlobal ? [...(m.get(null) ?? [])] : [];
    for (const c of chain) { const l = m.get(c); if (l) out.push(...l); }
    return out;
  };
  Object.defineProperty(vm, 'tree', { value: vt });
  Object.defineProperty(vm, WHOLE_MODEL, { value: model });
  Object.defineProperty(vm, 'stages', { value: chain });
  Object.defineProperty(vm, 'defs', { get: () => pick(g.defs, true) });
  Object.defineProperty(vm, 'refs', { get: () => pick(g.refs, true) });
  Object.defineProperty(vm, 'stageRefs', { get: () => pick(g.stageRefs, false) });
  return { tree: vt, model: vm };
}

interface Enabled {
  key: string;
  instruction: Extract<Rule, { scope: 'instruction' }>[];
  stage: Extract<Rule, { scope: 'file' }>[];
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
      stage: stageRules.filter(on),
      file: fileRules.filter(on),
    };
    enabledMemo.set(sev, e);
  }
  return e;
}

/** Whether a node's shell command fails to parse: depends on the node's text only. */
const brokenMemo = new WeakMap<Instruction, boolean>();

export function runRules(tree: DockerfileTree, model: SemanticModel, opts: RunOptions = {}): Finding[] {
  const sev = opts.severities ?? defaultSeverities();
  const enabled = enabledRules(sev);
  const cache = opts.cache ?? new RuleCache();
  const out: Finding[] = [];
  const sup = opts.pragmas === false ? null : new Suppressions(tree, model);
  const shellBroken = (offset: number): boolean => {
    const ins = instructionAt(tree.instructions, offset);
    if (!ins) return false;
    let b = brokenMemo.get(ins);
    if (b === undefined) {
      const target = ins.name === 'ONBUILD' ? ins.trigger : ins;
      const runs = !!target && (target.name === 'RUN' || target.name === 'CMD' || target.name === 'ENTRYPOINT' || target.name === 'HEALTHCHECK');
      const sc = runs ? commandScript(ins, tree.text) : null;
      b = !!sc && sc.errors.length > 0;
      brokenMemo.set(ins, b);
    }
    return b;
  };
  const brokenHeredocs: Span[] = [];
  for (const ins of tree.instructions) if (ins.errors.length && ins.errors.some((e) => e.code === 'unterminated-heredoc')) brokenHeredocs.push(ins);
  const push = (rule: Rule, r: Report) => {
    const s = sev.get(rule) ?? rule.severity;
    if (s === 'off') return;
    if (sup && sup.suppresses(rule, r.span, r.subcode)) return;
    // A per-finding severity (e.g. an escalation) applies unless the user changed the rule's level.
    const severity: EffectiveSeverity = r.severity && s === rule.severity ? r.severity : (s as EffectiveSeverity);
    let fixes = r.fixes ?? [];
    // Fix-all never edits an instruction whose heredoc is unterminated or whose shell command
    // does not parse (unbalanced quotes, `${`, `$(`): where a command ends is a guess there.
    if (fixes.some((x) => x.safe) && (
      (brokenHeredocs.length && brokenHeredocs.some((b) => r.span.start >= b.start && r.span.start <= b.end)) ||
      shellBroken(r.span.start)
    )) {
      fixes = fixes.map((x) => ({ ...x, safe: false }));
    }
    const f: Finding = { rule, severity, span: r.span, message: r.message, fixes, related: r.related ?? [] };
    if (r.subcode) f.subcode = r.subcode;
    if (opts.suppressed && opts.suppressed(f)) return;
    out.push(f);
  };
  const source = tree.text;
  // Family and SHELL only change at FROM and SHELL: compute the cache key once per run of them.
  const instructionItems = (list: readonly Instruction[]): { rule: Rule; report: Report }[] => {
    const all: { rule: Rule; report: Report }[] = [];
    let lastStage: Stage | null | undefined;
    let lastShell: string[] | null = null;
    let family: ReturnType<typeof stageFamily> = 'unknown';
    let key = '';
    let kind: ReturnType<typeof shellKind> = 'posix';
    for (const ins of list) {
      const st = model.stageOf(ins);
      const shell = model.shellOf(ins);
      if (st !== lastStage || shell !== lastShell) {
        lastStage = st;
        lastShell = shell;
        family = stageFamily(st);
        kind = shellKind(shell);
        key = (shell === DEFAULT_SHELL ? family : family + '\0' + shell.join('\0')) + '\0' + enabled.key;
      }
      const items = cache.get(ins, key, () => {
        const acc: { rule: Rule; report: Report }[] = [];
        let current: Rule = enabled.instruction[0];
        const ctx = { escape: ins.escape, source, family, shell, shellKind: kind, report: (report: Report) => { acc.push({ rule: current, report }); } };
        for (const rule of enabled.instruction) {
          current = rule;
          try {
            rule.checkInstruction(ins, ctx);
          } catch (e) {
            // A rule bug must not hide the other diagnostics.
            acc.push({ rule, report: { span: ins.keywordSpan, message: { en: `internal error in rule ${rule.id}: ${(e as Error).message}`, ko: `규칙 ${rule.id} 내부 오류: ${(e as Error).message}` }, severity: 'hint' } });
          }
        }
        return acc;
      });
      for (const it of items) all.push(it);
    }
    return all;
  };
  // Instructions before the first FROM (few), then each stage's instruction results as one
  // cached block: an unchanged stage (same Stage object) costs one lookup, not one per node.
  const firstFrom = model.stages.length ? tree.instructions.indexOf(model.stages[0].from) : tree.instructions.length;
  for (const it of instructionItems(tree.instructions.slice(0, firstFrom < 0 ? tree.instructions.length : firstFrom))) push(it.rule, it.report);
  const blockCache = opts.stageCache ?? new StageRuleCache();
  for (const st of model.stages) {
    for (const it of blockCache.getInstructions(st, enabled.key, () => instructionItems(st.instructions))) push(it.rule, it.report);
  }
  if (enabled.stage.length) {
    const stageCache = opts.stageCache ?? new StageRuleCache();
    // Whether a stage is shipped (the last one, or built FROM by another) is part of the key.
    const shipped = new Set<Stage>();
    if (model.stages.length) shipped.add(model.stages[model.stages.length - 1]);
    for (const st of model.stages) if (st.parent) shipped.add(st.parent);
    for (const st of model.stages) {
      const items = stageCache.get(st, shipped.has(st) ? enabled.key + '\0shipped' : enabled.key, () => {
        const acc: { rule: Rule; report: Report }[] = [];
        const view = stageView(tree, model, st);
        const lo = st.index === 0 ? 0 : st.start, hi = st.end;
        for (const rule of enabled.stage) {
          try {
            rule.check({ tree: view.tree, model: view.model, external: {}, report: (report) => { if (report.span.start >= lo && report.span.start <= hi) acc.push({ rule, report }); } });
          } catch (e) {
            acc.push({ rule, report: { span: st.from.keywordSpan, message: { en: `internal error in rule ${rule.id}: ${(e as Error).message}`, ko: `규칙 ${rule.id} 내부 오류: ${(e as Error).message}` }, severity: 'hint' } });
          }
        }
        return acc;
      });
      for (const it of items) push(it.rule, it.report);
    }
  }
  for (const rule of enabled.file) {
    try {
      rule.check({ tree, model, external: opts.external ?? {}, report: (r) => push(rule, r) });
    } catch (e) {
      push(rule, { span: { start: 0, end: 0 }, message: { en: `internal error in rule ${rule.id}: ${(e as Error).message}`, ko: `규칙 ${rule.id} 내부 오류: ${(e as Error).message}` }, severity: 'hint' });
    }
  }
  out.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || a.rule.id.localeCompare(b.rule.id));
  return out;
}
