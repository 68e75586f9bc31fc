//! The single bridge between completion/hover/signature help and the bilingual content in
//! `server/src/docs/`. Features call only these functions; when a docs entry is missing the
//! function returns `undefined` (structural facts such as values and line numbers are still
//! shown by the features themselves). Keep all text lookups here.

import type { Locale } from './locale';
import type { VarDef, VarKind } from '../semantics/model';
import { msg, type MessageKey } from '../docs/messages';
import { pick } from '../docs/locale';
import {
  cmdEntrypointTable as explainTable, describeHealthcheck, effectiveCommand as explainEffective, predefinedArgDoc, variableHoverText,
  type CommandValue,
} from '../docs/explain';
import { FAMILY_NAMES, KNOWN_IMAGES, describeImageRef, knownImage, variantNotes } from '../docs/images';
import { buildCheckDoc } from '../docs/checks';
import { EXPOSE_PROTOCOLS, STOP_SIGNALS, flagDoc as flagData, mountKeyDoc as mountKeyData, mountTypeDoc as mountTypeData, signalDoc } from '../docs/flags';
import { directiveDoc as directiveData, instructionDoc as instructionData, instructionSnippetBody } from '../docs/instructions';


export function instructionSummary(name: string, loc: Locale): string | undefined {
  const d = instructionData(name);
  return d ? pick(d.summary, loc) : msg(loc, 'completion.instruction');
}
const LAYER_KEY: Record<string, MessageKey> = { layer: 'layer.creates', metadata: 'layer.metadata', 'build-only': 'layer.buildOnly', base: 'layer.base' };
/** Instruction hover/completion documentation: summary, details, forms, layer effect, example, reference link. */
export function instructionDoc(name: string, loc: Locale): string | undefined {
  const d = instructionData(name);
  if (!d) return undefined;
  const out = [`**${d.name}** — ${pick(d.summary, loc)}`];
  if (d.deprecated) out.push(`*${msg(loc, 'label.deprecated')}*`);
  out.push(pick(d.details, loc));
  out.push(`${msg(loc, 'label.forms')}:\n\n` + '```dockerfile\n' + d.forms.join('\n') + '\n```');
  out.push(msg(loc, LAYER_KEY[d.layer]) + (d.layerNote ? ' ' + pick(d.layerNote, loc) : ''));
  out.push(`${msg(loc, 'label.example')}:\n\n` + '```dockerfile\n' + d.example + '\n```');
  out.push(`[${msg(loc, 'label.reference')}](${d.url})`);
  return out.join('\n\n');
}
/** Snippet body after the keyword (tab stops `${1:x}`), or undefined. */
export function instructionSnippet(name: string, _loc: Locale): string | undefined { return instructionSnippetBody(name); }
/** Other forms as snippet bodies after the keyword (`… AS ${3:name}`, exec form, cache mount). */
export function instructionAltSnippets(name: string): string[] {
  const d = instructionData(name);
  return (d?.altSnippets ?? []).map((x) => x.slice(d!.name.length).replace(/^\s+/, ''));
}
/** Signature forms of an instruction, e.g. `COPY [--from=<stage>] <src>... <dest>`. */
export function instructionSignatures(name: string, loc: Locale): { label: string; doc?: string; params: { label: string; doc: string }[] }[] {
  const d = instructionData(name);
  if (!d) return [];
  return d.signatures.map((s) => ({ label: s.label, doc: pick(s.doc, loc), params: s.params.map((p) => ({ label: p.label, doc: pick(p.doc, loc) })) }));
}

export function directiveDetail(_name: string, loc: Locale): string | undefined { return msg(loc, 'completion.directive'); }
export function directiveDoc(name: string, loc: Locale): string | undefined {
  const d = directiveData(name);
  if (!d) return undefined;
  const out = [`**# ${d.name}** — ${pick(d.summary, loc)}`, pick(d.details, loc)];
  if (d.values.length) out.push(`${msg(loc, 'label.values')}:\n\n` + d.values.map((v) => `- \`${v.value}\` — ${pick(v.doc, loc)}`).join('\n'));
  out.push(`${msg(loc, 'label.example')}:\n\n` + '```dockerfile\n' + d.example + '\n```');
  out.push(`[${msg(loc, 'label.reference')}](${d.url})`);
  return out.join('\n\n');
}
/** Typical values of a directive (completion). */
export function directiveValues(name: string, loc: Locale): { value: string; doc: string }[] {
  return (directiveData(name)?.values ?? []).map((v) => ({ value: v.value, doc: pick(v.doc, loc) }));
}
export function checkDoc(name: string, loc: Locale): string | undefined {
  const d = buildCheckDoc(name);
  return d ? `**${d.name}** — ${pick(d.summary, loc)}\n\n[${d.url}](${d.url})` : undefined;
}

export function flagSummary(ins: string, flag: string, loc: Locale): string | undefined {
  const d = flagData(ins, flag);
  return d ? pick(d.summary, loc) : msg(loc, 'completion.flag', ins);
}
/** Flag hover/completion documentation. */
export function flagDoc(ins: string, flag: string, loc: Locale): string | undefined {
  const d = flagData(ins, flag);
  if (!d) return undefined;
  const out = [`**${d.instruction} --${d.name}=${d.placeholder}** — ${pick(d.summary, loc)}`.replace(/=\*\*/, '**'), pick(d.doc, loc)];
  if (d.values?.length) out.push(`${msg(loc, d.valuesAreExamples ? 'label.examples' : 'label.values')}:\n\n` + d.values.map((v) => `- \`${v.value}\` — ${pick(v.doc, loc)}`).join('\n'));
  if (d.defaultValue !== undefined) out.push(msg(loc, 'label.defaultValue', '`' + d.defaultValue + '`'));
  if (d.multiple) out.push(msg(loc, 'label.repeatable'));
  if (d.since) out.push(msg(loc, 'label.since', d.since));
  out.push(`[${msg(loc, 'label.reference')}](${d.url})`);
  return out.join('\n\n');
}
export function flagValueDetail(ins: string, flag: string, value: string, loc: Locale): string | undefined {
  const v = flagData(ins, flag)?.values?.find((x) => x.value === value);
  return v ? pick(v.doc, loc) : undefined;
}
export function mountKeySummary(key: string, loc: Locale): string | undefined {
  const d = mountKeyData(key);
  return d ? pick(d.summary, loc) : msg(loc, 'completion.mountKey');
}
/** Mount key documentation; `type` adds the per-type sentence when known. */
export function mountKeyDoc(key: string, loc: Locale, type?: string): string | undefined {
  const d = mountKeyData(key);
  if (!d) return undefined;
  const out = [`**--mount ${d.name}=** — ${pick(d.summary, loc)}`, pick(d.doc, loc)];
  const pt = type ? d.perType?.[type as keyof typeof d.perType] : undefined;
  if (pt) out.push(pick(pt, loc));
  if (d.values?.length) out.push(`${msg(loc, 'label.values')}:\n\n` + d.values.map((v) => `- \`${v.value}\` — ${pick(v.doc, loc)}`).join('\n'));
  const dflt = type ? d.defaults?.[type as keyof typeof d.defaults] : undefined;
  if (dflt !== undefined) out.push(msg(loc, 'label.defaultValue', '`' + dflt + '`'));
  if (d.aliases.length) out.push(`${msg(loc, 'label.aliases')}: ${d.aliases.map((a) => '`' + a + '`').join(', ')}`);
  out.push(msg(loc, 'label.usedWith', d.types.join(', ')));
  return out.join('\n\n');
}
export function mountTypeSummary(type: string, loc: Locale): string | undefined {
  const d = mountTypeData(type);
  return d ? pick(d.summary, loc) : msg(loc, 'completion.mountType');
}
export function mountTypeDoc(type: string, loc: Locale): string | undefined {
  const d = mountTypeData(type);
  if (!d) return undefined;
  return [`**--mount type=${d.type}** — ${pick(d.summary, loc)}`, pick(d.doc, loc), `${msg(loc, 'label.example')}:\n\n` + '```dockerfile\n' + d.example + '\n```', `[${msg(loc, 'label.reference')}](${d.url})`].join('\n\n');
}
export function mountValueDetail(key: string, value: string, loc: Locale): string | undefined {
  const v = mountKeyData(key)?.values?.find((x) => x.value === value);
  return v ? pick(v.doc, loc) : undefined;
}

export function defaultLabel(loc: Locale): string | undefined { return msg(loc, 'label.default'); }
export function asDetail(loc: Locale): string | undefined { return msg(loc, 'stage.asDetail'); }
export function healthcheckTypeDetail(t: string, loc: Locale): string | undefined { return msg(loc, t === 'NONE' ? 'hc.typeNone' : 'hc.typeCmd'); }
export function signalDetail(s: string, loc: Locale): string | undefined {
  const d = signalDoc(s);
  return d ? pick(d.doc, loc) : msg(loc, 'completion.signal');
}
/** STOPSIGNAL names, common ones first. */
export function signalNames(): string[] { return STOP_SIGNALS.map((x) => x.name); }
export function protocolDetail(p: string, loc: Locale): string | undefined {
  const d = EXPOSE_PROTOCOLS.find((x) => x.name === p);
  return d ? pick(d.doc, loc) : msg(loc, 'completion.protocol');
}
export function predefinedDetail(_note: string, loc: Locale): string | undefined { return msg(loc, 'var.kind.predefined'); }
export function predefinedDoc(name: string, loc: Locale): string | undefined {
  const d = predefinedArgDoc(name);
  return d ? pick(d.doc, loc) : msg(loc, 'var.predefinedPlatform', name);
}

export function stageDetail(base: string, line: number, loc: Locale): string { return msg(loc, 'stage.detail', base, line); }
export function variableDetail(kind: VarKind, value: string | null, _note: string | undefined, loc: Locale): string {
  const label = msg(loc, `var.kind.${kind}`);
  if (value !== null) return `${label}: ${value}`;
  return kind === 'ARG' ? `${label} — ${msg(loc, 'var.setWithBuildArg')}` : label;
}
export function variableDoc(def: VarDef, line: number | null, loc: Locale): string | undefined {
  return variableHover({
    name: def.name, def, kind: def.kind, line, inheritedLine: null, value: def.value ?? def.inheritsFrom?.value ?? null,
    predefinedNote: def.predefinedNote ?? null, stageOfDef: def.stage?.name ?? null, inheritedThroughFrom: false,
  }, loc);
}

export interface ImageEntry { name: string; detail?: string; doc?: string; hasTags: boolean }
export function imageNames(loc: Locale): ImageEntry[] {
  return KNOWN_IMAGES.map((i) => ({
    name: i.name, detail: pick(i.description, loc),
    doc: (i.deprecated ? '⚠️ ' + pick(i.deprecated, loc) + '\n\n' : '') + `${msg(loc, 'completion.tag')}: ` + i.tags.map((t) => '`' + t + '`').join(', '),
    hasTags: i.tags.length > 0,
  }));
}
export function imageTags(name: string, loc: Locale): { tag: string; detail?: string; sort?: string }[] {
  const i = knownImage(name);
  if (!i) return [];
  return i.tags.map((tag, k) => {
    const notes = variantNotes(tag).map((n) => pick(n, loc));
    return { tag, detail: notes[0] ?? msg(loc, 'completion.tag'), sort: String(k).padStart(3, '0') };
  });
}

// ---- hover sections (structured facts in, Markdown out) ---------------------------------------

export function cmdEntrypointTable(loc: Locale): string | undefined {
  return `**${msg(loc, 'cmd.table')}**\n\n` + explainTable(loc);
}

export interface EffectiveCommandFacts {
  /** Rendered command (`python runapp.py`, `/bin/sh -c "npm start"`), null when none is known. */
  command: string | null;
  entrypointLine: number | null;
  cmdLine: number | null;
  entrypointShellForm: boolean;
  cmdReset: boolean;
  externalBase: string | null;
  /** The hovered instruction is not the one in force (a later one wins). */
  thisOverridden: boolean;
  stageName: string | null;
  stageIndex: number;
  /** The ENTRYPOINT/CMD in force, as the image config stores them, and the SHELL they were written under. */
  entrypoint: CommandValue | null;
  cmd: CommandValue | null;
  shell: string[];
}
export function effectiveCommandSection(f: EffectiveCommandFacts, loc: Locale): string | undefined {
  const out: string[] = [];
  out.push('**' + (f.stageName ? msg(loc, 'cmd.effectiveOfStage', f.stageName) : msg(loc, 'cmd.effective')) + '**');
  // `command` is computed from the file (per-instruction SHELL, inheritance); docs/explain words it.
  const ex = explainEffective({ entrypoint: f.entrypoint, cmd: f.cmd, shell: f.shell, baseImage: f.externalBase });
  if (f.command) out.push('```sh\n' + f.command + '\n```');
  const src: string[] = [];
  if (f.entrypointLine) src.push(`ENTRYPOINT: ${msg(loc, 'label.line', f.entrypointLine)}`);
  if (f.cmdLine) src.push(`CMD: ${msg(loc, 'label.line', f.cmdLine)}`);
  if (src.length) out.push(src.join(' · '));
  if (f.thisOverridden) out.push('⚠️ ' + msg(loc, 'cmd.overridden'));
  out.push(pick(ex.explanation, loc));
  if (f.cmdReset && f.entrypointLine && !f.cmdLine) out.push(msg(loc, 'cmd.reset'));
  if (f.command && f.externalBase && !f.entrypointLine && !f.entrypointShellForm) out.push(msg(loc, 'cmd.fromBase', f.externalBase));
  return out.join('\n\n');
}

export interface HealthcheckFacts {
  none: boolean; command: string | null;
  interval: string; timeout: string; startPeriod: string; startInterval: string; retries: string;
  given: Set<string>;
}
export function healthcheckSection(f: HealthcheckFacts, loc: Locale): string | undefined {
  const out: string[] = ['**' + msg(loc, 'hc.title') + '**'];
  if (!f.none && f.command) out.push('```sh\n' + f.command + '\n```');
  const g = (k: string, v: string) => (f.given.has(k) ? v : null);
  out.push(pick(describeHealthcheck({
    none: f.none, command: f.command,
    interval: g('interval', f.interval), timeout: g('timeout', f.timeout), startPeriod: g('start-period', f.startPeriod),
    startInterval: g('start-interval', f.startInterval), retries: g('retries', f.retries),
  }), loc));
  out.push(msg(loc, 'hc.onlyLast'));
  return out.join('\n\n');
}

/** FROM image hover: registry/repository, what the tag means (no tag → latest), variants, family. */
export function imageHover(raw: string, resolved: string | null, loc: Locale): string | undefined {
  const ref = resolved && resolved !== raw ? resolved : raw;
  const info = describeImageRef(ref);
  const out = [`**${msg(loc, 'image.title', info.familiarName || ref)}**`];
  if (resolved && resolved !== raw) out.push(msg(loc, 'image.resolved', resolved));
  if (info.familiarName === 'scratch') { out.push(msg(loc, 'image.scratch')); return out.join('\n\n'); }
  if (!info.valid && info.error) out.push('⚠️ ' + msg(loc, 'image.invalid', pick(info.error, loc)));
  if (info.known) out.push(pick(info.known.description, loc));
  if (info.known?.deprecated) out.push('⚠️ ' + pick(info.known.deprecated, loc));
  const facts = [msg(loc, 'image.registry', info.registry), msg(loc, 'image.repository', info.repository)];
  if (info.tag !== null) facts.push(msg(loc, 'image.tag', info.tag));
  if (info.digest !== null) facts.push(msg(loc, 'image.digest', info.digest));
  out.push(facts.map((f) => '- ' + f).join('\n'));
  if (info.impliedLatest) out.push(msg(loc, 'image.impliedLatest'));
  if (info.variantNotes.length) out.push(info.variantNotes.map((n) => '- ' + pick(n, loc)).join('\n'));
  if (info.family !== 'unknown') out.push(msg(loc, 'image.family', pick(FAMILY_NAMES[info.family], loc)));
  if (info.known && info.known.variants.length) out.push(`${msg(loc, 'completion.tag')}: ` + info.known.tags.slice(0, 8).map((t) => '`' + t + '`').join(', '));
  return out.join('\n\n');
}

export interface StageFacts { name: string | null; index: number; base: string | null; resolvedBase: string | null; line: number; parentName: string | null }
export function stageHover(f: StageFacts, loc: Locale): string | undefined {
  const out = ['**' + (f.name ? msg(loc, 'stage.title', f.name) : msg(loc, 'stage.titleIndex', f.index)) + '**'];
  out.push(msg(loc, 'stage.base', f.base ?? '', f.line) + (f.resolvedBase && f.resolvedBase !== f.base ? ' — ' + msg(loc, 'image.resolved', f.resolvedBase) : ''));
  if (f.parentName) out.push(msg(loc, 'stage.parent', f.parentName));
  return out.join('\n\n');
}

export interface VariableFacts {
  name: string; def: VarDef | null; kind: VarKind | null; line: number | null; inheritedLine: number | null;
  value: string | null; predefinedNote: string | null; stageOfDef: string | null; inheritedThroughFrom: boolean;
}
export function variableHover(f: VariableFacts, loc: Locale): string | undefined {
  if (!f.def || !f.kind) return `\`${f.name}\`\n\n` + msg(loc, 'var.undefined', f.name);
  if (f.kind === 'predefined') {
    const d = predefinedArgDoc(f.name);
    return `\`${f.name}\` — ${msg(loc, 'var.kind.predefined')}\n\n` + (d ? pick(d.doc, loc) : msg(loc, 'var.predefined'));
  }
  const out = [pick(variableHoverText({
    name: f.name, kind: f.kind, definedAtLine: f.line, value: f.value,
    fromBuildArg: f.kind === 'ARG' && f.value === null, stage: f.stageOfDef, global: f.kind === 'ARG' && !f.def.stage,
  }), loc)];
  if (f.inheritedThroughFrom && f.stageOfDef) out.push(msg(loc, 'var.inheritedThroughFrom', f.stageOfDef));
  if (f.inheritedLine) out.push(msg(loc, 'var.inheritedFrom', f.inheritedLine));
  return out.join('\n\n');
}
export function checkDetail(loc: Locale): string { return msg(loc, 'completion.check'); }
