//! Shared helpers for the "Base images and stages" rules (DF020–DF038): FROM image words,
//! ARG-default expansion of FROM lines as BuildKit does it, stage references and their spans.
//!
//! BuildKit facts used here (moby/buildkit frontend/dockerfile):
//! * FROM words are expanded with the global ARGs only (declared before the first FROM) plus
//!   the predefined platform ARGs (`dockerfile2llb/convert.go`, `buildMetaArgs`).
//! * `COPY --from` / `RUN --mount from=` names are looked up case-insensitively among all
//!   stages, earlier or later (`dispatchStates.findStateByName`); a numeric `--from` is an
//!   index (`findStateByIndex`: "invalid stage index N"); anything else is an image.
//! * `FROM <name>` resolves to an earlier stage only, and case-sensitively (`addState`;
//!   moby/buildkit#2003: `FROM TEST` after `AS TEST` fails with "repository name must be lowercase").

import type { DockerfileTree, Flag, Instruction, Span, VarRef, Word } from '../../syntax/nodes';
import type { SemanticModel, Stage, StageRef, VarDef } from '../../semantics/model';
import { PLATFORM_ARGS } from '../../semantics/model';
import { expandText } from '../../semantics/expand';
import { parseMountValue } from '../../semantics/instructionSpec';
import { lineOfOffset } from '../../syntax/lineIndex';

/** 1-based line number of an offset. */
export function lineNo(tree: DockerfileTree, offset: number): number {
  return lineOfOffset(tree.lineStarts, offset) + 1;
}

/** Plausible values of the platform ARGs, used only to decide whether a FROM word is valid. */
const PLATFORM_SAMPLE: Record<string, string> = {
  TARGETPLATFORM: 'linux/amd64', TARGETOS: 'linux', TARGETARCH: 'amd64', TARGETVARIANT: '',
  BUILDPLATFORM: 'linux/amd64', BUILDOS: 'linux', BUILDARCH: 'amd64', BUILDVARIANT: '',
};

/** The global ARG definitions by name (a later declaration wins, as in BuildKit's env list). */
export function globalArgMap(model: SemanticModel): Map<string, VarDef> {
  const m = new Map<string, VarDef>();
  for (const d of model.globalArgs) m.set(d.name, d);
  return m;
}

export interface FromExpansion {
  /** The text after expansion (undeclared and unset variables become empty, as in BuildKit). */
  value: string;
  /** Variables that are neither global ARGs nor predefined. */
  undeclared: string[];
  /** Global ARGs declared without a default (and not predefined): their value is unknown. */
  unset: string[];
  /** Predefined ARGs whose value is only known at build time (platform, proxy…). */
  runtime: string[];
}

/**
 * Expands text of a FROM line the way BuildKit does with only the ARG defaults. Platform ARGs
 * get sample values when `samplePlatform` is set (they always have a value at build time).
 */
export function expandFrom(model: SemanticModel, text: string, samplePlatform = true): FromExpansion {
  const globals = globalArgMap(model);
  const undeclared: string[] = [];
  const unset: string[] = [];
  const runtime: string[] = [];
  const add = (list: string[], n: string) => { if (!list.includes(n)) list.push(n); };
  const value = expandText(text, (name) => {
    const d = globals.get(name);
    if (d && d.value !== null) return d.value;
    if (PLATFORM_ARGS.includes(name)) {
      add(runtime, name);
      return samplePlatform ? PLATFORM_SAMPLE[name] : null;
    }
    if (d) { add(unset, name); return null; }
    if (model.predefined.has(name)) { add(runtime, name); return null; }
    add(undeclared, name);
    return undefined;
  }, { unknown: 'empty' });
  return { value, undeclared, unset, runtime };
}

/**
 * Removes shell quotes from a FROM word. The parser keeps FROM arguments as written (BuildKit
 * splits FROM on whitespace only), but the image word is later expanded by BuildKit's shell
 * lexer (`ProcessWordWithMatches`), which removes quotes: `FROM "alpine:3.20"` is `alpine:3.20`.
 */
const QUOTE = /["']/;

export function unquoteWord(raw: string): string {
  if (!QUOTE.test(raw)) return raw;
  let out = '';
  let q: string | null = null;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (q) { if (c === q) q = null; else out += c; continue; }
    if (c === '"' || c === "'") { q = c; continue; }
    if (c === '\\' && i + 1 < raw.length) { out += c + raw[i + 1]; i++; continue; }
    out += c;
  }
  return out;
}

/**
 * The FROM instructions of the file with their image word (triggers excluded: ONBUILD FROM is
 * invalid). The word's `value` is the unquoted text; `raw !== value` when quotes were removed.
 */
export function fromImages(model: SemanticModel): { stage: Stage; ins: Instruction; word: Word }[] {
  const out: { stage: Stage; ins: Instruction; word: Word }[] = [];
  for (const st of model.stages) {
    const w = st.from.from?.image;
    if (!w) continue;
    const value = unquoteWord(w.raw);
    if (value !== '') out.push({ stage: st, ins: st.from, word: value === w.value ? w : { ...w, value } });
  }
  return out;
}

/** True when the word's raw text equals its value, so value offsets map 1:1 to the source. */
export function mapsDirectly(w: { raw: string; value: string }): boolean {
  return w.raw === w.value;
}

/** Splits an image reference into name, tag and digest with offsets inside the string. */
export function splitImageRef(ref: string): { name: string; tag: string | null; tagStart: number; digest: string | null; digestStart: number } {
  let rest = ref;
  let digest: string | null = null;
  let digestStart = -1;
  const at = rest.indexOf('@');
  if (at >= 0) { digest = rest.slice(at + 1); digestStart = at + 1; rest = rest.slice(0, at); }
  let tag: string | null = null;
  let tagStart = -1;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) { tag = rest.slice(colon + 1); tagStart = colon + 1; rest = rest.slice(0, colon); }
  return { name: rest, tag, tagStart, digest, digestStart };
}

/**
 * Docker's `splitDockerDomain`: the first path component is a registry host when it contains
 * `.` or `:`, is `localhost`, or has upper-case letters. Returns the length of the host prefix
 * including the `/` (0 for Docker Hub), counting an upper-case first component as a path
 * component (the user meant a Docker Hub namespace) unless `dockerSemantics`.
 */
export function registryPrefixLength(name: string, dockerSemantics = false): number {
  const slash = name.indexOf('/');
  if (slash < 0) return 0;
  const first = name.slice(0, slash);
  if (first.includes('.') || first.includes(':') || first === 'localhost') return slash + 1;
  if (dockerSemantics && first.toLowerCase() !== first) return slash + 1;
  return 0;
}

/** The image name with the repository part lower-cased (registry host and tag kept). */
export function lowercaseRepository(ref: string): string {
  const { name } = splitImageRef(ref);
  const p = registryPrefixLength(name);
  return name.slice(0, p) + name.slice(p).toLowerCase() + ref.slice(name.length);
}

/** The stage a stage is ultimately built on (follows `FROM <stage>`), and that root's image. */
export function rootImage(stage: Stage): string | null {
  let s: Stage = stage;
  const seen = new Set<Stage>();
  while (s.parent && !seen.has(s)) { seen.add(s); s = s.parent; }
  return s.image;
}

/** The latest stage before `before` named `name` in any casing (what FROM would mean), or null. */
export function earlierStageNamed(model: SemanticModel, name: string, before: Stage): Stage | null {
  const n = name.toLowerCase();
  let found: Stage | null = null;
  for (const s of model.stages) {
    if (s.index >= before.index) break;
    if (s.name === n) found = s;
  }
  return found;
}

// ---- stage references -------------------------------------------------------------------------

export interface RefSite {
  ref: StageRef;
  ins: Instruction;
  kind: 'copy' | 'mount';
  /** The reference as written (quotes removed). */
  value: string;
  /** Source span of the value, when it maps 1:1 (null for quoted or continued values). */
  span: Span | null;
  /** Span to report on (the value when known, else the whole flag). */
  reportSpan: Span;
}

/** `COPY --from=` and `RUN --mount=…,from=` references with the span of their value. */
const refSitesMemo = new WeakMap<SemanticModel, RefSite[]>();
/** Memoised per model: several rules (DF030, DF031, DF032, DF038) walk the same sites. */
export function refSites(model: SemanticModel): RefSite[] {
  let r = refSitesMemo.get(model);
  if (!r) {
    r = refSitesUncached(model);
    refSitesMemo.set(model, r);
  }
  return r;
}

function refSitesUncached(model: SemanticModel): RefSite[] {
  const out: RefSite[] = [];
  const mountSeen = new Map<object, number>();
  for (const ref of model.stageRefs) {
    const ins = ref.instruction;
    const f = ref.flag;
    if (!f) continue;
    if (ins.name === 'COPY' && f.name === 'from') {
      const vs = f.valueSpan;
      const span = vs && vs.end - vs.start === ref.value.length ? { start: vs.start, end: vs.end } : null;
      out.push({ ref, ins, kind: 'copy', value: ref.value, span, reportSpan: span ?? { start: f.start, end: f.end } });
    } else if (ins.name === 'RUN' && f.name === 'mount' && f.value !== null) {
      let span: Span | null = null;
      const vs = f.valueSpan;
      if (vs && vs.end - vs.start === f.value.length) {
        const from = parseMountValue(f.value).filter((e) => e.key.toLowerCase() === 'from' && e.value === ref.value);
        const k = mountSeen.get(f) ?? 0;
        mountSeen.set(f, k + 1);
        const e = from[k] ?? from[0];
        if (e) span = { start: vs.start + e.keyEnd + 1, end: vs.start + e.end };
      }
      out.push({ ref, ins, kind: 'mount', value: ref.value, span, reportSpan: span ?? { start: f.start, end: f.end } });
    }
  }
  return out;
}

export type RefResolution =
  | { kind: 'stage'; stage: Stage; relation: 'earlier' | 'self' | 'later'; name: string }
  | { kind: 'index-out-of-range'; index: number }
  | { kind: 'unknown-name'; name: string }
  | { kind: 'image'; name: string }
  | { kind: 'unresolved' };

/** What a `--from` / `from=` value refers to, from the point of view of the stage that uses it. */
export function resolveRef(model: SemanticModel, site: RefSite): RefResolution {
  let v = site.value;
  if (v.includes('$')) {
    v = model.expand(v, site.ins);
    if (v.includes('$')) return { kind: 'unresolved' };
  }
  const own = model.stageOf(site.ins);
  if (v === '') return { kind: 'unresolved' };
  if (/^\d+$/.test(v)) {
    if (site.kind !== 'copy') return { kind: 'image', name: v };
    const index = Number(v);
    const s = model.stages[index];
    if (!s) return { kind: 'index-out-of-range', index };
    return { kind: 'stage', stage: s, relation: !own || s.index < own.index ? 'earlier' : s === own ? 'self' : 'later', name: v };
  }
  const s = model.stageByName(v);
  if (s) return { kind: 'stage', stage: s, relation: !own || s.index < own.index ? 'earlier' : s === own ? 'self' : 'later', name: v };
  if (/[/:.@]/.test(v)) return { kind: 'image', name: v };
  return { kind: 'unknown-name', name: v };
}

/** A name based on `base` that no stage uses yet. */
export function uniqueStageName(model: SemanticModel, base: string): string {
  const taken = new Set(model.stages.map((s) => s.name).filter((n): n is string => !!n));
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
}

/**
 * Edits that rename a stage: its `AS` word, every later literal `FROM <name>` that resolves
 * to it, and every literal `COPY --from` / `RUN --mount from=` naming it.
 */
export function renameStageEdits(model: SemanticModel, stage: Stage, newName: string): { start: number; end: number; newText: string }[] {
  const edits: { start: number; end: number; newText: string }[] = [];
  if (stage.nameWord && mapsDirectly(stage.nameWord)) edits.push({ start: stage.nameWord.start, end: stage.nameWord.end, newText: newName });
  const name = stage.name;
  if (!name) return edits;
  for (const s of model.stages) {
    if (s.index <= stage.index) continue;
    const w = s.from.from?.image;
    if (w && mapsDirectly(w) && !w.value.includes('$') && w.value.toLowerCase() === name && s.parent === stage) {
      edits.push({ start: w.start, end: w.end, newText: newName });
    }
  }
  for (const site of refSites(model)) {
    if (!site.span || site.value.includes('$') || /^\d+$/.test(site.value)) continue;
    const r = model.stageByName(site.value);
    if (r === stage) edits.push({ ...site.span, newText: newName });
  }
  return edits;
}

/** The var references of an instruction that lie inside a span. */
export function varsIn(ins: Instruction, span: Span): VarRef[] {
  return ins.vars.filter((v) => v.start >= span.start && v.end <= span.end);
}

/** A regular expression matching every value text could take, with variables as wildcards. */
export function wildcardPattern(text: string): RegExp {
  const parts = text.split(/(\$\{[^}]*\}|\$[A-Za-z_][A-Za-z0-9_]*)/);
  let re = '';
  parts.forEach((p, i) => {
    re += i % 2 ? '.*' : p.replace(/[\\^$.|+?*()[\]{}]/g, '\\$&');
  });
  return new RegExp(`^${re}$`, 'i');
}

export interface ResolvedFromImage {
  /** The image reference after expanding ARG defaults. */
  ref: string;
  /** True when the word contained variables (all of them resolved from global ARG defaults). */
  fromVars: boolean;
}

/**
 * The image a FROM pulls, when it is statically known: not a stage, not `scratch`, every
 * variable resolved from a global ARG default, and a syntactically valid reference.
 */
export function resolvedFromImage(model: SemanticModel, stage: Stage, word: Word, isValid: (ref: string) => boolean): ResolvedFromImage | null {
  let ref = word.value;
  const fromVars = ref.includes('$');
  if (fromVars) {
    const e = expandFrom(model, ref, false);
    if (e.undeclared.length || e.unset.length || e.runtime.length) return null;
    ref = e.value;
    if (ref.includes('$')) return null;
  }
  if (ref === '' || ref.toLowerCase() === 'scratch') return null;
  if (stage.parent || earlierStageNamed(model, ref, stage) || model.stageByName(ref)) return null;
  if (!isValid(ref)) return null;
  return { ref, fromVars };
}

/** When a FROM word is exactly one `$X` / `${X}` reference: that global ARG's definition. */
export function soleGlobalArg(model: SemanticModel, ins: Instruction, word: Word): VarDef | null {
  const vars = varsIn(ins, word);
  if (vars.length !== 1 || vars[0].modifier !== null || vars[0].start !== word.start || vars[0].end !== word.end) return null;
  return globalArgMap(model).get(vars[0].name) ?? null;
}

/** Deletes a flag and the blanks after it. */
export function removeFlagEdit(source: string, f: Flag): { start: number; end: number; newText: string } {
  let end = f.end;
  while (end < source.length && (source[end] === ' ' || source[end] === '\t')) end++;
  return { start: f.start, end, newText: '' };
}
