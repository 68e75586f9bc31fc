//! Semantic model of a Dockerfile: stages, ARG/ENV scopes, variable resolution, SHELL per
//! stage and `COPY --from` references. Built from a tree in one pass; pure, no I/O.
//!
//! Scope rules (Dockerfile reference, "ARG" and "ENV"):
//! * ARGs before the first FROM are *global*: usable in FROM lines; inside a stage only
//!   after `ARG NAME` re-declares them (the global default is then inherited).
//! * A stage's ARG/ENV are visible from the next instruction to the end of the stage, and
//!   are inherited by stages built `FROM <stage>` (docs.docker.com build variables).
//! * Within one ENV/ARG instruction, values are expanded with the scope *before* it.
//! * Predefined platform ARGs are in the global scope; inside a stage they need `ARG X`.
//!   Proxy ARGs and BuildKit's built-in ARGs need no declaration.

import type { DockerfileTree, Flag, Instruction, KeyValue, VarRef, Word } from '../syntax/nodes';
import { expandText } from './expand';
import { lineOfOffset } from '../syntax/lineIndex';
import { settleAll } from '../syntax/incremental';

export type VarKind = 'ARG' | 'ENV' | 'predefined';

export interface VarDef {
  name: string;
  kind: VarKind;
  /** Declaring instruction (null for predefined). */
  instruction: Instruction | null;
  keyValue: KeyValue | null;
  /** Owning stage; null for global ARGs and predefined ones. */
  stage: Stage | null;
  /** Value as declared, after expansion with the scope before the declaration; null if none. */
  value: string | null;
  /** For a stage ARG re-declaring a global ARG without a default: the global definition. */
  inheritsFrom: VarDef | null;
  /** For predefined args: how the value is set. */
  predefinedNote?: 'platform' | 'proxy' | 'buildkit';
}

export interface Stage {
  index: number;
  /** Stage name, lower-cased as BuildKit does (null without `AS`). */
  name: string | null;
  nameWord: Word | null;
  from: Instruction;
  /** Instructions of the stage, FROM first. */
  instructions: Instruction[];
  start: number;
  end: number;
  /** Image word as written (null if FROM has no argument). */
  imageRaw: string | null;
  /** Image after expanding global ARG defaults; null when it cannot be resolved. */
  image: string | null;
  /** Stage this one is built from (`FROM <earlier stage>`), if any. */
  parent: Stage | null;
  platform: string | null;
}

export interface ResolvedRef {
  ref: VarRef;
  instruction: Instruction;
  stage: Stage | null;
  def: VarDef | null;
}

export interface StageRef {
  instruction: Instruction;
  /** The `--from` flag (COPY/ADD/RUN --mount from= is reported with flag null). */
  flag: Flag | null;
  value: string;
  /** The referenced stage, when the value names or indexes one that precedes this one. */
  target: Stage | null;
  /** Numeric index form. */
  index: number | null;
  /** The named/indexed stage exists but is not earlier (forward or self reference). */
  forward: Stage | null;
}

export const PLATFORM_ARGS = [
  'TARGETPLATFORM', 'TARGETOS', 'TARGETARCH', 'TARGETVARIANT',
  'BUILDPLATFORM', 'BUILDOS', 'BUILDARCH', 'BUILDVARIANT',
];
export const PROXY_ARGS = [
  'HTTP_PROXY', 'http_proxy', 'HTTPS_PROXY', 'https_proxy', 'FTP_PROXY', 'ftp_proxy',
  'NO_PROXY', 'no_proxy', 'ALL_PROXY', 'all_proxy',
];
export const BUILDKIT_ARGS = [
  'BUILDKIT_CACHE_MOUNT_NS', 'BUILDKIT_CONTEXT_KEEP_GIT_DIR', 'BUILDKIT_INLINE_CACHE', 'BUILDKIT_MULTI_PLATFORM',
  'BUILDKIT_SANDBOX_HOSTNAME', 'BUILDKIT_SBOM_SCAN_CONTEXT', 'BUILDKIT_SBOM_SCAN_STAGE', 'BUILDKIT_SYNTAX',
  'BUILDKIT_DOCKERFILE_CHECK', 'SOURCE_DATE_EPOCH',
];
export const DEFAULT_SHELL = ['/bin/sh', '-c'];

export interface SemanticModel {
  tree: DockerfileTree;
  stages: Stage[];
  globalArgs: VarDef[];
  defs: VarDef[];
  refs: ResolvedRef[];
  stageRefs: StageRef[];
  predefined: Map<string, VarDef>;
  stageOf(ins: Instruction): Stage | null;
  stageByName(name: string): Stage | undefined;
  /** Variables visible just before `ins` (for completion and hover). Shared: do not mutate. */
  scopeAt(ins: Instruction): Map<string, VarDef>;
  /** SHELL in force for `ins` (the stage's SHELL, inherited through FROM <stage>). */
  shellOf(ins: Instruction): string[];
  /** Expand `$VAR` references in `text` with the scope before `ins` (unknown values stay as written). */
  expand(text: string, ins: Instruction | null): string;
  resolveRef(ref: VarRef): ResolvedRef | undefined;
  /** The definitions a stage makes (the prelude's global ARGs for null), without building `defs`. */
  defsIn(stage: Stage | null): VarDef[];
  /** The references resolved inside a stage's instructions (the prelude's for null). */
  refsIn(stage: Stage | null): ResolvedRef[];
  /**
   * Changes when the list of stage names changes (with a `ModelCache`; else always 0): results
   * that asked `stageByName` about any stage are keyed by it.
   */
  stageNamesVersion: number;
}

const predefinedDefs = (): Map<string, VarDef> => {
  const m = new Map<string, VarDef>();
  const add = (name: string, note: 'platform' | 'proxy' | 'buildkit') =>
    m.set(name, { name, kind: 'predefined', instruction: null, keyValue: null, stage: null, value: null, inheritsFrom: null, predefinedNote: note });
  PLATFORM_ARGS.forEach((n) => add(n, 'platform'));
  PROXY_ARGS.forEach((n) => add(n, 'proxy'));
  BUILDKIT_ARGS.forEach((n) => add(n, 'buildkit'));
  return m;
};

type Scope = Map<string, VarDef>;

const PREDEFINED = predefinedDefs();
const STAGE_PREDEFINED: Scope = new Map([...PREDEFINED].filter(([, v]) => v.predefinedNote !== 'platform'));

function valueOf(def: VarDef | undefined): string | null | undefined {
  if (!def) return undefined;
  if (def.value !== null) return def.value;
  if (def.inheritsFrom) return def.inheritsFrom.value;
  return null;
}

/**
 * Stage objects outlive the build that made them (the per-stage cache), so they must not be
 * closures over a build: a class keeps `start`/`end` live without pinning old trees.
 */
class StageImpl implements Stage {
  constructor(
    public index: number,
    public name: string | null,
    public nameWord: Word | null,
    public from: Instruction,
    public instructions: Instruction[],
    public imageRaw: string | null,
    public image: string | null,
    public parent: Stage | null,
    public platform: string | null,
  ) {}
  get start(): number { return this.from.start; }
  get end(): number { return this.instructions[this.instructions.length - 1].end; }
}

/** Per-stage results kept between builds, keyed by the stage's FROM node (reused by the incremental parser). */
interface StageMemo {
  instrs: Instruction[];
  globalsKey: Instruction[];
  parent: Stage | null;
  stage: Stage;
  defs: VarDef[];
  refs: ResolvedRef[];
  /** How many of `refs` come first from the FROM line (resolved in the global scope: stage null). */
  fromRefs: number;
  scopeStart: Scope;
  scopeEnd: Scope;
  shells: { ins: Instruction; shell: string[] }[];
  /** The image lower-cased (how a parent stage is looked up by name). */
  imageKey: string;
  /** `resolveRef` index of `refs`, built on first use. */
  refIndex: Map<VarRef, ResolvedRef> | null;
}

/** Opaque cache to pass from one build to the next of the same document. */
export class ModelCache {
  /** @internal */ memo = new WeakMap<Instruction, StageMemo>();
  /** @internal */ prelude: { key: Instruction[]; globalArgs: VarDef[]; globalRefs: ResolvedRef[]; scope: Scope } | null = null;
  /** @internal */ names: (string | null)[] = [];
  /** @internal The previous build: its instruction list, stages (with each FROM's index) and name map. */
  last: { all: Instruction[]; stages: Stage[]; memos: StageMemo[]; starts: number[]; stageNames: Map<string, Stage>; parents: Set<Stage>; globalsKey: Instruction[] } | null = null;
  /** @internal */ namesVersion = 0;
  reused = 0;
  computed = 0;
}

/** Whether `a` holds exactly the nodes `b[from..to)`. */
function sameRange(a: Instruction[], b: Instruction[], from: number, to: number): boolean {
  if (a.length !== to - from) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[from + i]) return false;
  return true;
}

function sameList(a: Instruction[], b: Instruction[]): boolean {
  return sameRange(a, b, 0, b.length);
}

type StageTarget = { flag: Flag | null; value: string };
const NO_TARGETS: readonly StageTarget[] = Object.freeze([]);
/** The stage an instruction's flags name, as written (`COPY --from=x`, `RUN --mount=…,from=x`). */
const stageTargetMemo = new WeakMap<Instruction, readonly StageTarget[]>();
function stageTargets(ins: Instruction): readonly StageTarget[] {
  // Depends on the node's flags only (reused nodes keep them; nothing here is an offset).
  let targets = stageTargetMemo.get(ins);
  if (targets) return targets;
  const found: StageTarget[] = [];
  if (ins.name === 'COPY' || ins.name === 'ADD') {
    for (const f of ins.flags) if (f.name === 'from' && f.value !== null) found.push({ flag: f, value: f.value });
  } else if (ins.name === 'RUN') {
    for (const f of ins.flags) {
      if (f.name !== 'mount' || !f.value) continue;
      const mm = /(?:^|,)from=([^,]*)/.exec(f.value);
      if (mm) found.push({ flag: f, value: mm[1] });
    }
  }
  targets = found.length ? found : NO_TARGETS;
  stageTargetMemo.set(ins, targets);
  return targets;
}

export function buildModel(tree: DockerfileTree, cache?: ModelCache): SemanticModel {
  const predefined = PREDEFINED;
  const stages: Stage[] = [];
  /** Per-stage results, parallel to `stages` (reused from `cache` when the stage is unchanged). */
  const memos: StageMemo[] = [];
  const globalArgs: VarDef[] = [];
  const globalRefs: ResolvedRef[] = [];
  let stageNames = new Map<string, Stage>();

  const globalScope: Scope = new Map();
  for (const [k, v] of predefined) globalScope.set(k, v);

  // Stage scopes hold only what the stage declares or inherits; predefined non-platform ARGs
  // are looked up as a fallback (copying them into every stage's map is measurably slow).
  const get = (scope: Scope, name: string): VarDef | undefined =>
    scope.get(name) ?? (scope === globalScope ? undefined : STAGE_PREDEFINED.get(name));
  const lookup = (scope: Scope) => (name: string): string | null | undefined => valueOf(get(scope, name));

  const resolveRefs = (ins: Instruction, sc: Scope, st: Stage | null, out: ResolvedRef[]) => {
    let i: Instruction | null = ins;
    while (i) {
      const vars = i.vars;
      for (let k = 0; k < vars.length; k++) {
        const ref = vars[k];
        out.push({ ref, instruction: ins, stage: st, def: get(sc, ref.name) ?? null });
      }
      i = i.trigger;
    }
  };

  const declare = (ins: Instruction, sc: Scope, stage: Stage | null, out: VarDef[]) => {
    // Values expand with the scope *before* this instruction: compute them all first.
    const look = lookup(sc);
    const values = ins.keyValues.map((kv) => (kv.value === null ? null : expandText(kv.value, look, { unknown: 'keep' })));
    ins.keyValues.forEach((kv, k) => {
      if (ins.name === 'ENV' && kv.value === null) return;
      const def: VarDef = { name: kv.key, kind: ins.name as 'ARG' | 'ENV', instruction: ins, keyValue: kv, stage, value: values[k], inheritsFrom: null };
      if (ins.name === 'ARG' && stage) {
        // `ARG NAME` without a default inherits the global ARG or predefined ARG of that name.
        const g = globalScope.get(kv.key);
        if (g && kv.value === null) def.inheritsFrom = g;
      }
      out.push(def);
      sc.set(kv.key, def);
    });
  };

  // Split into the global prelude and stage groups.
  const all = tree.instructions;
  let firstFrom = all.findIndex((i) => i.name === 'FROM');
  if (firstFrom < 0) firstFrom = all.length;
  let globalsKey = all.slice(0, firstFrom);
  const prelude = cache?.prelude;
  if (prelude && sameList(prelude.key, globalsKey)) {
    // The same prelude nodes: reuse its definitions, so that reused stages' `inheritsFrom`
    // and FROM-line references keep pointing at the current global definitions.
    globalsKey = prelude.key;
    globalArgs.push(...prelude.globalArgs);
    globalRefs.push(...prelude.globalRefs);
    for (const [k2, v] of prelude.scope) globalScope.set(k2, v);
  } else {
    settleAll(globalsKey);
    for (const ins of globalsKey) {
      if (ins.vars.length || ins.trigger) resolveRefs(ins, globalScope, null, globalRefs);
      if (ins.name === 'ARG') declare(ins, globalScope, null, globalArgs);
    }
    if (cache) cache.prelude = { key: globalsKey, globalArgs: globalArgs.slice(), globalRefs: globalRefs.slice(), scope: new Map(globalScope) };
  }

  /**
   * The stage whose FROM is `all[k]`, as stage number `index`: reused from its memo when its
   * instruction nodes, prelude and parent are unchanged, else computed. `names` maps a name to
   * the first stage of that name; only stages before `index` count as parents.
   */
  const stageFrom = (k: number, index: number, names: Map<string, Stage>): { m: StageMemo; e: number } => {
    const ins = all[k];
    const memo = cache?.memo.get(ins);
    // Where the stage ends: where it ended last time if its nodes are the same objects and the
    // next one is a FROM (pointer comparisons, no scan of every instruction's name).
    let e: number;
    const n = memo ? memo.instrs.length : 0;
    const sameNodes = !!memo && k + n <= all.length && (k + n === all.length || all[k + n].name === 'FROM') && sameRange(memo.instrs, all, k, k + n);
    if (sameNodes) {
      e = k + n;
    } else {
      e = k + 1;
      while (e < all.length && all[e].name !== 'FROM') e++;
    }
    const from = ins.from!;
    const sameGlobals = !!memo && sameList(memo.globalsKey, globalsKey);
    const imageRaw = from.image ? from.image.value : null;
    // With the same prelude and FROM node, the expanded image is the same as last time.
    const image = sameGlobals ? memo!.stage.image : imageRaw === null ? null : expandText(imageRaw, lookup(globalScope), { unknown: 'empty' });
    const cand = image !== null ? names.get(sameGlobals ? memo!.imageKey : image.toLowerCase()) : undefined;
    const parent = cand && cand.index < index ? cand : null;
    if (memo && sameGlobals && memo.parent === parent && sameNodes) {
      memo.stage.index = index;
      if (cache) cache.reused++;
      return { m: memo, e };
    }
    const instrs = all.slice(k, e);
    // Built from these nodes' inner spans too: catch them up (see `Instruction.lag`).
    settleAll(instrs);
    const nameWord = from.stageName && from.asKeyword && from.asKeyword.value.toLowerCase() === 'as' ? from.stageName : null;
    const platformFlag = ins.flags.find((f) => f.name === 'platform');
    const st: Stage = new StageImpl(index, nameWord ? nameWord.value.toLowerCase() : null, nameWord, ins, instrs, imageRaw, image, parent, platformFlag?.value ?? null);
    const stRefs: ResolvedRef[] = [];
    const stDefs: VarDef[] = [];
    if (ins.vars.length) resolveRefs(ins, globalScope, null, stRefs);
    const fromRefs = stRefs.length;
    // New stage scope: ARG and ENV inherited from the parent stage (docker/docs "build
    // variables": "Arguments and variables are inherited from parent stages").
    const scope: Scope = new Map();
    const pm = parent ? memos[parent.index] : undefined;
    if (pm) for (const [key, v] of pm.scopeEnd) scope.set(key, v);
    const scopeStart = new Map(scope);
    const parentShell = pm ? pm.shells : undefined;
    const shells = parentShell && parentShell.length ? [{ ins, shell: parentShell[parentShell.length - 1].shell }] : [];
    for (let j = 1; j < instrs.length; j++) {
      const x = instrs[j];
      if (x.vars.length || x.trigger) resolveRefs(x, scope, st, stRefs);
      if (x.name === 'ARG' || x.name === 'ENV') declare(x, scope, st, stDefs);
      else if (x.name === 'SHELL' && x.command?.form === 'exec') shells.push({ ins: x, shell: x.command.json.map((j2) => j2.value) });
    }
    const m: StageMemo = { instrs, globalsKey, parent, stage: st, defs: stDefs, refs: stRefs, fromRefs, scopeStart, scopeEnd: scope, shells, refIndex: null, imageKey: image === null ? '' : image.toLowerCase() };
    if (cache) { cache.memo.set(ins, m); cache.computed++; }
    return { m, e };
  };

  // A keystroke changes instructions inside one stage: when the previous build's instruction
  // list differs from this one only inside one stage (no FROM added or removed there, same
  // prelude) and no stage is built FROM it, that stage alone is looked at; the others are the
  // previous build's, without touching them.
  let starts: number[] = [];
  let parents: Set<Stage> | null = null;
  const last = cache?.last;
  let done = false;
  if (last && last.globalsKey === globalsKey) {
    const a = last.all;
    const lim = Math.min(a.length, all.length);
    let p = 0;
    while (p < lim && a[p] === all[p]) p++;
    let ea = a.length, eb = all.length;
    while (ea > p && eb > p && a[ea - 1] === all[eb - 1]) { ea--; eb--; }
    let ok = p > firstFrom && last.starts.length > 0;
    for (let i = p; ok && i < ea; i++) if (a[i].name === 'FROM') ok = false;
    for (let i = p; ok && i < eb; i++) if (all[i].name === 'FROM') ok = false;
    if (ok) {
      // The stage holding index p - 1 (an insertion at a stage's end belongs to that stage).
      const j = lineOfOffset(last.starts, p - 1);
      const unchanged = ea === p && eb === p;
      if (unchanged || !last.parents.has(last.stages[j])) {
        stages.push(...last.stages);
        memos.push(...last.memos);
        // Updated in place, not copied (540 entries per keystroke at 20,000 lines): the previous
        // model is not consulted after the next build, and its names map to equal stages.
        stageNames = last.stageNames;
        starts = last.starts;
        parents = last.parents;
        done = true;
        if (!unchanged) {
          const old = last.stages[j];
          const { m } = stageFrom(last.starts[j], j, stageNames);
          stages[j] = m.stage;
          memos[j] = m;
          if (m.stage.name && stageNames.get(m.stage.name) === old) stageNames.set(m.stage.name, m.stage);
          const delta = eb - ea;
          if (delta !== 0) starts = last.starts.map((x, i) => (i > j ? x + delta : x));
        }
        if (cache) cache.reused += stages.length - (unchanged ? 0 : 1);
      }
    }
  }
  if (!done) {
    parents = new Set();
    let k = firstFrom;
    while (k < all.length) {
      const { m, e } = stageFrom(k, stages.length, stageNames);
      starts.push(k);
      k = e;
      const st = m.stage;
      stages.push(st);
      memos.push(m);
      if (st.parent) parents.add(st.parent);
      if (st.name && !stageNames.has(st.name)) stageNames.set(st.name, st);
    }
  }
  if (cache) cache.last = { all, stages, memos, starts, stageNames, parents: parents!, globalsKey };

  let namesVersion = 0;
  // (The fast path above changed no FROM line, so no name.)
  if (cache && done) namesVersion = cache.namesVersion;
  else if (cache) {
    const prev = cache.names;
    let same = prev.length === stages.length;
    for (let i = 0; same && i < stages.length; i++) same = prev[i] === stages[i].name;
    if (!same) { cache.names = stages.map((st) => st.name); cache.namesVersion++; }
    namesVersion = cache.namesVersion;
  }

  // The whole-file lists are built on first use (most keystrokes never ask for them).
  let defs: VarDef[] | null = null;
  let refs: ResolvedRef[] | null = null;
  let stageRefs: StageRef[] | null = null;
  let globalRefIndex: Map<VarRef, ResolvedRef> | null = null;
  const refsInMemo = new Map<Stage | null, ResolvedRef[]>();

  // COPY --from / RUN --mount from= references.
  const computeStageRefs = (): StageRef[] => {
    const out: StageRef[] = [];
    for (const st of stages) {
      for (const ins of st.instructions) {
        if (ins.flags.length === 0) continue;
        const targets = stageTargets(ins);
        for (const t of targets) {
          const v = t.value.toLowerCase();
          let target: Stage | null = null;
          let forward: Stage | null = null;
          let index: number | null = null;
          if (/^\d+$/.test(v)) {
            index = Number(v);
            const s = stages[index];
            if (s && s.index < st.index) target = s; else if (s) forward = s;
          } else {
            const s = stageNames.get(v);
            if (s && s.index < st.index) target = s; else if (s) forward = s;
          }
          out.push({ instruction: ins, flag: t.flag, value: t.value, target, index, forward });
        }
      }
    }
    return out;
  };

  /** The stage whose FROM is the last one at or before `offset` (null before the first FROM). */
  function stageAt(offset: number): Stage | null {
    let lo = 0, hi = stages.length - 1, ans = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (stages[mid].start <= offset) { ans = mid; lo = mid + 1; } else hi = mid - 1;
    }
    return ans >= 0 ? stages[ans] : null;
  }

  const scopeMemo = new Map<Instruction, Map<string, VarDef>>();
  function scopeAtUncached(ins: Instruction): Map<string, VarDef> {
    const st = stageAt(ins.start);
    if (!st || ins === st.from) return new Map(globalScope);
    const m = memos[st.index];
    const sc = new Map(STAGE_PREDEFINED);
    for (const [k2, v] of m.scopeStart) sc.set(k2, v);
    for (const d of m.defs) {
      if (d.instruction!.start >= ins.start) break;
      sc.set(d.name, d);
    }
    return sc;
  }

  const model: SemanticModel = {
    tree, stages, globalArgs, predefined, stageNamesVersion: namesVersion,
    get defs() {
      if (!defs) {
        defs = globalArgs.slice();
        for (const m of memos) for (const d of m.defs) defs.push(d);
      }
      return defs;
    },
    get refs() {
      if (!refs) {
        refs = globalRefs.slice();
        for (const m of memos) for (const r of m.refs) refs.push(r);
      }
      return refs;
    },
    get stageRefs() { return (stageRefs ??= computeStageRefs()); },
    defsIn: (st) => (st ? (memos[st.index]?.stage === st ? memos[st.index].defs : []) : globalArgs),
    refsIn(st) {
      // A stage's FROM line resolves in the global scope: its references belong to `null`.
      let l = refsInMemo.get(st);
      if (!l) {
        if (st) l = memos[st.index]?.stage === st ? memos[st.index].refs.slice(memos[st.index].fromRefs) : [];
        else {
          // The prelude's and every FROM line's (without building the whole-file list).
          l = globalRefs.slice();
          for (const m of memos) for (let k = 0; k < m.fromRefs; k++) l.push(m.refs[k]);
        }
        refsInMemo.set(st, l);
      }
      return l;
    },
    stageOf: (ins) => stageAt(ins.start),
    stageByName: (name) => stageNames.get(name.toLowerCase()),
    scopeAt(ins) {
      // Shared per model (many rules ask about the same instruction): callers must not mutate it.
      let sc0 = scopeMemo.get(ins);
      if (!sc0) {
        sc0 = scopeAtUncached(ins);
        scopeMemo.set(ins, sc0);
      }
      return sc0;
    },
    shellOf(ins) {
      const st = stageAt(ins.start);
      if (!st) return DEFAULT_SHELL;
      let shell = DEFAULT_SHELL;
      for (const s of memos[st.index].shells) {
        if (s.ins.start >= ins.start && s.ins !== st.from) break;
        shell = s.shell;
      }
      return shell;
    },
    expand(text, ins) {
      const sc = ins ? model.scopeAt(ins) : globalScope;
      return expandText(text, lookup(sc), { unknown: 'keep' });
    },
    resolveRef: (ref) => {
      // Each stage indexes its own references once; the prelude's are indexed separately.
      const st = stageAt(ref.start);
      if (!st) {
        if (!globalRefIndex) {
          globalRefIndex = new Map();
          for (const r of globalRefs) globalRefIndex.set(r.ref, r);
        }
        return globalRefIndex.get(ref);
      }
      const m = memos[st.index];
      if (!m.refIndex) {
        m.refIndex = new Map();
        for (const r of m.refs) m.refIndex.set(r.ref, r);
      }
      return m.refIndex.get(ref);
    },
  };
  return model;
}
