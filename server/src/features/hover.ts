//! Hover (Markdown): pure function `(doc, position, options) → Hover | null`.
//! Kinds: parser directives (and check names), instruction keywords, flags, RUN --mount keys
//! and types, CMD/ENTRYPOINT with the effective command of the stage, HEALTHCHECK with what
//! it will do, variables (`$X`, `${X}`, ARG/ENV keys), stage names (AS, FROM <stage>,
//! --from=, mount from=) and FROM images. Cost: binary search + the current instruction's
//! stage (never the whole file).

import { MarkupKind, type Hover, type Position } from 'vscode-languageserver-types';
import type { DockerfileDocument } from '../service/document';
import type { CommandData, Instruction, Span } from '../syntax/nodes';
import { MOUNT_KEYS, flagsOf, mountKey } from '../semantics/instructionSpec';
import type { SemanticModel, Stage, VarDef } from '../semantics/model';
import type { Locale } from './locale';
import { cursorAt, mountCursor, within } from './cursor';
import * as text from './featureText';
import { renderArgv as explainRenderArgv, type CommandValue } from '../docs/explain';

export interface HoverOptions {
  locale: Locale;
}

// ---- effective command (CMD / ENTRYPOINT) -------------------------------------------------------

/** One CMD or ENTRYPOINT setting as the image config stores it. */
export interface CommandSetting {
  instruction: Instruction;
  form: 'exec' | 'shell';
  /** Exec form: the JSON strings; shell form: `[...SHELL, text]`. */
  argv: string[];
}

export interface EffectiveCommand {
  stage: Stage;
  entrypoint: CommandSetting | null;
  cmd: CommandSetting | null;
  /** An ENTRYPOINT in the stage reset the CMD inherited from the parent (Dockerfile reference, ENTRYPOINT). */
  cmdReset: boolean;
  /** The chain ends in an external image, which may define ENTRYPOINT/CMD not known here. */
  externalBase: string | null;
  /** The command the container runs (`docker run IMAGE` without arguments); null when none is known. */
  argv: string[] | null;
}

function setting(model: SemanticModel, ins: Instruction): CommandSetting | null {
  const c: CommandData | null = ins.command;
  if (!c) return null;
  if (c.form === 'exec' && c.jsonProblem === null) return { instruction: ins, form: 'exec', argv: c.json.map((j) => j.value) };
  return { instruction: ins, form: 'shell', argv: [...model.shellOf(ins), c.text.trim()] };
}

interface ChainState { entrypoint: CommandSetting | null; cmd: CommandSetting | null; cmdReset: boolean; external: string | null }

function stateAtEnd(model: SemanticModel, stage: Stage, until: Instruction | null, depth = 0): ChainState {
  const st: ChainState = stage.parent && depth < 64
    ? { ...stateAtEnd(model, stage.parent, null, depth + 1), cmdReset: false }
    : { entrypoint: null, cmd: null, cmdReset: false, external: stage.image && stage.image.toLowerCase() !== 'scratch' ? stage.image : null };
  let cmdSet = false;
  for (const ins of stage.instructions) {
    if (until && ins.start > until.start) break;
    if (ins.name === 'CMD') { const s = setting(model, ins); if (s) { st.cmd = s; cmdSet = true; st.cmdReset = false; } }
    else if (ins.name === 'ENTRYPOINT') {
      const s = setting(model, ins);
      if (s) {
        st.entrypoint = s;
        // BuildKit dispatchEntrypoint: without a CMD in this stage, the inherited CMD is cleared.
        if (!cmdSet && st.cmd) { st.cmd = null; st.cmdReset = true; }
        else if (!cmdSet) st.cmdReset = true;
      }
    }
  }
  return st;
}

/** The ENTRYPOINT/CMD in force at the end of the stage containing `ins` (inherited through FROM <stage>). */
export function effectiveCommand(model: SemanticModel, ins: Instruction): EffectiveCommand | null {
  const stage = model.stageOf(ins);
  if (!stage) return null;
  const s = stateAtEnd(model, stage, null);
  // `ENTRYPOINT []` / `CMD []` clear the setting (Dockerfile reference, ENTRYPOINT/CMD).
  if (s.entrypoint && s.entrypoint.form === 'exec' && s.entrypoint.argv.length === 0) s.entrypoint = null;
  if (s.cmd && s.cmd.form === 'exec' && s.cmd.argv.length === 0) s.cmd = null;
  let argv: string[] | null = null;
  if (s.entrypoint) argv = s.entrypoint.form === 'shell' ? s.entrypoint.argv : [...s.entrypoint.argv, ...(s.cmd?.argv ?? [])];
  else if (s.cmd) argv = s.cmd.argv;
  return { stage, entrypoint: s.entrypoint, cmd: s.cmd, cmdReset: s.cmdReset, externalBase: s.external, argv };
}

/** Renders argv like a shell command line (`/bin/sh -c "npm start"`); docs/explain's quoting. */
export function renderArgv(argv: string[]): string {
  return explainRenderArgv(argv);
}

// ---- HEALTHCHECK ----------------------------------------------------------------------------------

export interface HealthcheckValues {
  none: boolean;
  /** The probe command (shell form shown with the stage's SHELL, as Docker runs it via CMD-SHELL). */
  command: string | null;
  interval: string; timeout: string; startPeriod: string; startInterval: string; retries: string;
  /** Which of the values were written in the file. */
  given: Set<string>;
}

export function healthcheckValues(model: SemanticModel, ins: Instruction): HealthcheckValues {
  const given = new Set<string>();
  const val = (name: string): string => {
    const f = ins.flags.find((x) => x.name.toLowerCase() === name);
    if (f && f.value !== null && f.value !== '') { given.add(name); return f.value; }
    return flagsOf('HEALTHCHECK').find((s) => s.name === name)?.defaultValue ?? '';
  };
  const hc = ins.healthcheck;
  let command: string | null = null;
  if (hc?.command) {
    const c = hc.command;
    command = c.form === 'exec' && c.jsonProblem === null ? renderArgv(c.json.map((j) => j.value)) : renderArgv([...model.shellOf(ins), c.text.trim()]);
  }
  return {
    none: hc?.type === 'NONE', command,
    interval: val('interval'), timeout: val('timeout'), startPeriod: val('start-period'), startInterval: val('start-interval'), retries: val('retries'),
    given,
  };
}

// ---- hover ----------------------------------------------------------------------------------------

const join = (parts: (string | undefined | null)[]) => parts.filter((p): p is string => !!p).join('\n\n---\n\n');

export function computeHover(doc: DockerfileDocument, position: Position, options: HoverOptions): Hover | null {
  const tree = doc.tree;
  const offset = doc.offsetAt(position);
  const loc = options.locale;
  const mk = (value: string | undefined, span: Span): Hover | null =>
    value ? { contents: { kind: MarkupKind.Markdown, value }, range: { start: doc.positionAt(span.start), end: doc.positionAt(span.end) } } : null;

  // Parser directives.
  for (const d of tree.directives) {
    if (offset < d.start || offset > d.end) continue;
    if (d.name === 'check' && within(d.valueSpan, offset)) {
      // A check name under the cursor.
      const rel = offset - d.valueSpan.start;
      const s = d.value.slice(0, rel).search(/[A-Za-z]*$/);
      const m = /^[A-Za-z]+/.exec(d.value.slice(s));
      if (m) {
        const doc2 = text.checkDoc(m[0], loc);
        if (doc2) return mk(doc2, { start: d.valueSpan.start + s, end: d.valueSpan.start + s + m[0].length });
      }
    }
    return mk(text.directiveDoc(d.name, loc), d);
  }

  const cur = cursorAt(tree, offset);
  if (!cur.ins || cur.inComment) return null;
  if (cur.heredocBody) return null;
  const ins = cur.inner!;
  const top = cur.ins;
  const model = doc.model;

  // Variables (`$X`, `${X}`) in the instruction and its trigger.
  for (const i of top.trigger ? [top, top.trigger] : [top]) {
    for (const v of i.vars) {
      if (offset < v.start || offset > v.end) continue;
      if (v.modifierSpan && offset > v.modifierSpan.start) continue;
      const r = model.resolveRef(v);
      return mk(variableHover(doc, model, v.name, r?.def ?? null, top, loc), v);
    }
  }
  // ARG / ENV keys.
  if (ins.name === 'ARG' || ins.name === 'ENV') {
    for (const kv of ins.keyValues) {
      if (!within(kv.keySpan, offset)) continue;
      const def = model.defs.find((d) => d.keyValue === kv) ?? null;
      return mk(variableHover(doc, model, kv.key, def, top, loc), kv.keySpan);
    }
  }

  // Keywords.
  if (within(ins.keywordSpan, offset)) return mk(keywordHover(doc, model, ins, loc), ins.keywordSpan);
  if (top !== ins && within(top.keywordSpan, offset)) return mk(keywordHover(doc, model, top, loc), top.keywordSpan);

  // Flags.
  for (const f of ins.flags) {
    if (offset < f.start || offset > f.end) continue;
    const name = f.name.toLowerCase();
    if (f.valueSpan && offset >= f.valueSpan.start) {
      if (name === 'mount' && f.value) {
        const raw = tree.text.slice(f.valueSpan.start, f.valueSpan.end);
        const mc = mountCursor(raw, f.valueSpan.start, offset);
        const key = mountKey(mc.key);
        const entry = { start: mc.entryStart, end: mc.entryEnd };
        if (key?.name === 'from' && mc.valueStart !== null) {
          const st = model.stageByName(raw.slice(mc.valueStart - f.valueSpan.start, mc.entryEnd - f.valueSpan.start)) ?? null;
          if (st) return mk(stageHover(doc, st, loc), entry);
        }
        if (key?.name === 'type' && mc.valueStart !== null) {
          const ty = raw.slice(mc.valueStart - f.valueSpan.start, mc.entryEnd - f.valueSpan.start).toLowerCase();
          const d = text.mountTypeDoc(ty, loc);
          if (d) return mk(d, entry);
        }
        if (key) return mk(text.mountKeyDoc(key.name, loc, mc.type) ?? mountKeyFallback(key.name), entry);
        return null;
      }
      if (name === 'from' && (ins.name === 'COPY' || ins.name === 'ADD') && f.value) {
        const st = /^\d+$/.test(f.value) ? model.stages[Number(f.value)] : model.stageByName(f.value);
        if (st) return mk(stageHover(doc, st, loc), f.valueSpan);
      }
    }
    return mk(flagHover(model, ins, name, f.value, loc), f);
  }

  // FROM image / stage name.
  if (ins.name === 'FROM' && ins.from) {
    const st = model.stageOf(ins);
    const fr = ins.from;
    if (fr.stageName && within(fr.stageName, offset) && st) return mk(stageHover(doc, st, loc), fr.stageName);
    if (fr.image && within(fr.image, offset)) {
      if (st?.parent) return mk(stageHover(doc, st.parent, loc), fr.image);
      const resolved = st?.image ?? null;
      return mk(text.imageHover(fr.image.value, resolved, loc) ?? imageFallback(fr.image.value, resolved), fr.image);
    }
  }
  // HEALTHCHECK CMD / NONE word.
  if (ins.name === 'HEALTHCHECK' && ins.healthcheck?.typeWord && within(ins.healthcheck.typeWord, offset)) {
    return mk(keywordHover(doc, model, ins, loc), ins.healthcheck.typeWord);
  }
  return null;
}

function commandValue(s: CommandSetting | null): CommandValue | null {
  if (!s) return null;
  return s.form === 'exec' ? { form: 'exec', args: s.argv, text: '' } : { form: 'shell', args: [], text: s.instruction.command?.text.trim() ?? '' };
}

function keywordHover(doc: DockerfileDocument, model: SemanticModel, ins: Instruction, loc: Locale): string | undefined {
  const base = text.instructionDoc(ins.name, loc);
  if (ins.name === 'CMD' || ins.name === 'ENTRYPOINT') {
    const eff = effectiveCommand(model, ins);
    const lineOf = (i: Instruction) => doc.positionAt(i.start).line + 1;
    // The file-specific answer first, then the interaction table and the reference text.
    return join([eff ? text.effectiveCommandSection({
      command: eff.argv ? renderArgv(eff.argv) : null,
      entrypointLine: eff.entrypoint ? lineOf(eff.entrypoint.instruction) : null,
      cmdLine: eff.cmd ? lineOf(eff.cmd.instruction) : null,
      entrypointShellForm: eff.entrypoint?.form === 'shell',
      cmdReset: eff.cmdReset,
      externalBase: eff.externalBase,
      thisOverridden: !((ins.name === 'CMD' ? eff.cmd : eff.entrypoint)?.instruction === ins),
      stageName: eff.stage.name, stageIndex: eff.stage.index,
      entrypoint: commandValue(eff.entrypoint), cmd: commandValue(eff.cmd),
      shell: model.shellOf((eff.cmd ?? eff.entrypoint)?.instruction ?? ins),
    }, loc) : undefined, text.cmdEntrypointTable(loc), base]);
  }
  if (ins.name === 'HEALTHCHECK') return join([text.healthcheckSection(healthcheckValues(model, ins), loc), base]);
  return base;
}

function flagHover(model: SemanticModel, ins: Instruction, name: string, value: string | null, loc: Locale): string | undefined {
  const spec = flagsOf(ins.name).find((s) => s.name === name);
  const d = text.flagDoc(ins.name, name, loc);
  if (!spec) return d;
  if (d) return join([d, ins.name === 'HEALTHCHECK' ? text.healthcheckSection(healthcheckValues(model, ins), loc) : undefined]);
  const facts: string[] = [];
  if (spec.values) facts.push(spec.values.map((v) => '`' + v + '`').join(' | '));
  if (spec.defaultValue !== undefined) facts.push(`${text.defaultLabel(loc) ?? 'default'}: \`${spec.defaultValue}\``);
  if (ins.name === 'HEALTHCHECK') facts.push(text.healthcheckSection(healthcheckValues(model, ins), loc) ?? '');
  void value;
  return join([d ?? `\`--${name}\``, facts.filter(Boolean).join('\n\n') || undefined]);
}

function mountKeyFallback(key: string): string {
  const k = MOUNT_KEYS.find((x) => x.name === key);
  return k ? `\`${k.name}\`${k.values ? ': ' + k.values.map((v) => '`' + v + '`').join(' | ') : ''} (${k.types.join(', ')})` : `\`${key}\``;
}

function imageFallback(raw: string, resolved: string | null): string {
  return '`' + (resolved ?? raw) + '`';
}

function stageHover(doc: DockerfileDocument, st: Stage, loc: Locale): string | undefined {
  return text.stageHover({
    name: st.name, index: st.index, base: st.imageRaw, resolvedBase: st.image,
    line: doc.positionAt(st.from.start).line + 1, parentName: st.parent ? st.parent.name ?? String(st.parent.index) : null,
  }, loc);
}

function variableHover(doc: DockerfileDocument, model: SemanticModel, name: string, def: VarDef | null, at: Instruction, loc: Locale): string | undefined {
  void model;
  const lineOf = (d: VarDef) => (d.instruction ? doc.positionAt((d.keyValue ?? d.instruction).start).line + 1 : null);
  const value = def ? def.value ?? def.inheritsFrom?.value ?? null : null;
  return text.variableHover({
    name, def, kind: def?.kind ?? null, line: def ? lineOf(def) : null,
    inheritedLine: def?.inheritsFrom ? lineOf(def.inheritsFrom) : null,
    value, predefinedNote: def?.predefinedNote ?? null,
    stageOfDef: def?.stage ? def.stage.name ?? `#${def.stage.index}` : null,
    inheritedThroughFrom: !!(def && def.kind === 'ENV' && def.stage && model.stageOf(at) !== def.stage),
  }, loc);
}
