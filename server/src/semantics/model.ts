//! Semantic model of a Dockerfile: stages, ARG/ENV scopes, variable resolution, SHELL per
//! stage and `COPY --from` references. Built from a tree in one pass; pure, no I/O.
//!
//! Scope rules (Dockerfile reference, "ARG" and "ENV"):
//! * ARGs before the first FROM are *global*: usable in FROM lines; inside a stage only
//!   after `ARG NAME` re-declares them (the global default is then inherited).
//! * A stage's ARG/ENV are visible from the next instruction to the end of the stage.
//!   ENV (image config) is inherited by stages built `FROM <stage>`; ARG is not.
//! * Within one ENV/ARG instruction, values are expanded with the scope *before* it.
//! * Predefined platform ARGs are in the global scope; inside a stage they need `ARG X`.
//!   Proxy ARGs and BuildKit's built-in ARGs need no declaration.

import type { DockerfileTree, Flag, Instruction, KeyValue, VarRef, Word } from '../syntax/nodes';
import { expandText } from './expand';

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
  /** Variables visible just before `ins` (for completion and hover). */
  scopeAt(ins: Instruction): Map<string, VarDef>;
  /** SHELL in force for `ins` (the stage's SHELL, inherited through FROM <stage>). */
  shellOf(ins: Instruction): string[];
  /** Expand `$VAR` references in `text` with the scope before `ins` (unknown values stay as written). */
  expand(text: string, ins: Instruction | null): string;
  resolveRef(ref: VarRef): ResolvedRef | undefined;
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

function valueOf(def: VarDef | undefined): string | null | undefined {
  if (!def) return undefined;
  if (def.value !== null) return def.value;
  if (def.inheritsFrom) return def.inheritsFrom.value;
  return null;
}

export function buildModel(tree: DockerfileTree): SemanticModel {
  const predefined = predefinedDefs();
  const stages: Stage[] = [];
  const globalArgs: VarDef[] = [];
  const defs: VarDef[] = [];
  const refs: ResolvedRef[] = [];
  const refIndex = new Map<VarRef, ResolvedRef>();
  const stageOfIns = new Map<Instruction, Stage>();
  const stageNames = new Map<string, Stage>();
  const stageShell = new Map<Stage, { ins: Instruction; shell: string[] }[]>();
  const stageEnvAtEnd = new Map<Stage, Scope>();
  // Per-stage ordered definitions, used to answer scopeAt lazily.
  const stageScopeStart = new Map<Stage, Scope>();
  const stageDefs = new Map<Stage, VarDef[]>();

  const globalScope: Scope = new Map();
  for (const [k, v] of predefined) globalScope.set(k, v);

  const lookup = (scope: Scope) => (name: string): string | null | undefined => valueOf(scope.get(name));

  let scope: Scope = globalScope;
  let stage: Stage | null = null;

  const resolveRefs = (ins: Instruction, sc: Scope, st: Stage | null) => {
    const collect = (i: Instruction) => {
      for (const ref of i.vars) {
        const r: ResolvedRef = { ref, instruction: ins, stage: st, def: sc.get(ref.name) ?? null };
        refs.push(r);
        refIndex.set(ref, r);
      }
      if (i.trigger) collect(i.trigger);
    };
    collect(ins);
  };

  for (const ins of tree.instructions) {
    if (ins.name === 'FROM') {
      // FROM lines see the global scope only.
      resolveRefs(ins, globalScope, null);
      const from = ins.from!;
      const imageRaw = from.image ? from.image.value : null;
      const image = imageRaw === null ? null : expandText(imageRaw, lookup(globalScope), { unknown: 'empty' });
      const nameWord = from.stageName && from.asKeyword && from.asKeyword.value.toLowerCase() === 'as' ? from.stageName : null;
      const name = nameWord ? nameWord.value.toLowerCase() : null;
      const platformFlag = ins.flags.find((f) => f.name === 'platform');
      const st: Stage = {
        index: stages.length, name, nameWord, from: ins, instructions: [ins], start: ins.start, end: ins.end,
        imageRaw, image, parent: null, platform: platformFlag?.value ?? null,
      };
      if (image !== null) {
        const p = stageNames.get(image.toLowerCase());
        if (p) st.parent = p;
      }
      stages.push(st);
      if (name && !stageNames.has(name)) stageNames.set(name, st);
      stageOfIns.set(ins, st);
      stage = st;
      // New stage scope: predefined non-platform args, plus ENV inherited from the parent stage.
      scope = new Map();
      for (const [k, v] of predefined) if (v.predefinedNote !== 'platform') scope.set(k, v);
      if (st.parent) {
        const penv = stageEnvAtEnd.get(st.parent);
        if (penv) for (const [k, v] of penv) if (v.kind === 'ENV') scope.set(k, v);
      }
      stageScopeStart.set(st, new Map(scope));
      stageDefs.set(st, []);
      const parentShell = st.parent ? stageShell.get(st.parent) : undefined;
      stageShell.set(st, parentShell && parentShell.length ? [{ ins, shell: parentShell[parentShell.length - 1].shell }] : []);
      continue;
    }
    if (stage) {
      stage.instructions.push(ins);
      stage.end = ins.end;
      stageOfIns.set(ins, stage);
    }
    const sc = stage ? scope : globalScope;
    resolveRefs(ins, sc, stage);
    if (ins.name === 'ARG' || ins.name === 'ENV') {
      const before = new Map(sc);
      const look = lookup(before);
      for (const kv of ins.keyValues) {
        if (ins.name === 'ENV' && kv.value === null) continue;
        const value = kv.value === null ? null : expandText(kv.value, look, { unknown: 'keep' });
        const def: VarDef = { name: kv.key, kind: ins.name, instruction: ins, keyValue: kv, stage, value, inheritsFrom: null };
        if (ins.name === 'ARG' && stage) {
          const g = globalScope.get(kv.key);
          if (g && g.kind === 'ARG' && kv.value === null) def.inheritsFrom = g;
          if (kv.value === null && !g) {
            const p = predefined.get(kv.key);
            if (p) def.inheritsFrom = p;
          }
        }
        defs.push(def);
        if (!stage) globalArgs.push(def);
        else stageDefs.get(stage)!.push(def);
        sc.set(kv.key, def);
      }
    } else if (ins.name === 'SHELL' && stage && ins.command?.form === 'exec') {
      stageShell.get(stage)!.push({ ins, shell: ins.command.json.map((j) => j.value) });
    }
    if (stage) stageEnvAtEnd.set(stage, scope);
  }
  for (const st of stages) if (!stageEnvAtEnd.has(st)) stageEnvAtEnd.set(st, scope);

  // COPY --from / RUN --mount from= references.
  const stageRefs: StageRef[] = [];
  for (const st of stages) {
    for (const ins of st.instructions) {
      const targets: { flag: Flag | null; value: string }[] = [];
      if (ins.name === 'COPY' || ins.name === 'ADD') {
        for (const f of ins.flags) if (f.name === 'from' && f.value !== null) targets.push({ flag: f, value: f.value });
      } else if (ins.name === 'RUN') {
        for (const f of ins.flags) {
          if (f.name !== 'mount' || !f.value) continue;
          const m = /(?:^|,)from=([^,]*)/.exec(f.value);
          if (m) targets.push({ flag: f, value: m[1] });
        }
      }
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
        stageRefs.push({ instruction: ins, flag: t.flag, value: t.value, target, index, forward });
      }
    }
  }

  const model: SemanticModel = {
    tree, stages, globalArgs, defs, refs, stageRefs, predefined,
    stageOf: (ins) => stageOfIns.get(ins) ?? null,
    stageByName: (name) => stageNames.get(name.toLowerCase()),
    scopeAt(ins) {
      const st = stageOfIns.get(ins);
      if (!st || ins === st.from) return new Map(globalScope);
      const sc = new Map(stageScopeStart.get(st)!);
      for (const d of stageDefs.get(st)!) {
        if (d.instruction!.start >= ins.start) break;
        sc.set(d.name, d);
      }
      return sc;
    },
    shellOf(ins) {
      const st = stageOfIns.get(ins);
      if (!st) return DEFAULT_SHELL;
      let shell = DEFAULT_SHELL;
      for (const s of stageShell.get(st)!) {
        if (s.ins.start >= ins.start && s.ins !== st.from) break;
        shell = s.shell;
      }
      return shell;
    },
    expand(text, ins) {
      const sc = ins ? model.scopeAt(ins) : globalScope;
      return expandText(text, lookup(sc), { unknown: 'keep' });
    },
    resolveRef: (ref) => refIndex.get(ref),
  };
  return model;
}
