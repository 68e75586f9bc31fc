//! The single bridge between completion/hover/signature help and the bilingual content in
//! `server/src/docs/`. Features call only these functions; when a docs entry is missing the
//! function returns `undefined` (structural facts such as values and line numbers are still
//! shown by the features themselves). Keep all text lookups here.

import type { Locale } from './locale';
import type { VarDef, VarKind } from '../semantics/model';

// NOTE: wired to server/src/docs once it lands (see the report); until then these return
// only structural text that is not prose (values, line numbers).

export function instructionSummary(_name: string, _loc: Locale): string | undefined { return undefined; }
export function instructionDoc(_name: string, _loc: Locale): string | undefined { return undefined; }
/** Snippet body after the keyword (tab stops `${1:x}`), or undefined. */
export function instructionSnippet(_name: string, _loc: Locale): string | undefined { return undefined; }
/** Signature forms of an instruction, e.g. `COPY [--from=<stage>] <src>... <dest>`. */
export function instructionSignatures(_name: string, _loc: Locale): { label: string; doc?: string }[] { return []; }

export function directiveDetail(_name: string, _loc: Locale): string | undefined { return undefined; }
export function directiveDoc(_name: string, _loc: Locale): string | undefined { return undefined; }
export function checkDoc(_name: string, _loc: Locale): string | undefined { return undefined; }

export function flagSummary(_ins: string, _flag: string, _loc: Locale): string | undefined { return undefined; }
export function flagDoc(_ins: string, _flag: string, _loc: Locale): string | undefined { return undefined; }
export function flagValueDetail(_ins: string, _flag: string, _value: string, _loc: Locale): string | undefined { return undefined; }
export function mountKeySummary(_key: string, _loc: Locale): string | undefined { return undefined; }
export function mountKeyDoc(_key: string, _loc: Locale): string | undefined { return undefined; }
export function mountTypeSummary(_type: string, _loc: Locale): string | undefined { return undefined; }
export function mountTypeDoc(_type: string, _loc: Locale): string | undefined { return undefined; }
export function mountValueDetail(_key: string, _value: string, _loc: Locale): string | undefined { return undefined; }

export function defaultLabel(_loc: Locale): string | undefined { return undefined; }
export function asDetail(_loc: Locale): string | undefined { return undefined; }
export function healthcheckTypeDetail(_t: string, _loc: Locale): string | undefined { return undefined; }
export function signalDetail(_s: string, _loc: Locale): string | undefined { return undefined; }
export function protocolDetail(_p: string, _loc: Locale): string | undefined { return undefined; }
export function predefinedDetail(_note: string, _loc: Locale): string | undefined { return undefined; }
export function predefinedDoc(_name: string, _loc: Locale): string | undefined { return undefined; }

export function stageDetail(base: string, line: number, _loc: Locale): string { return `FROM ${base} (${line})`; }
export function variableDetail(kind: VarKind, value: string | null, _note: string | undefined, _loc: Locale): string {
  return value === null ? kind : `${kind} = ${value}`;
}
export function variableDoc(_def: VarDef, _line: number | null, _loc: Locale): string | undefined { return undefined; }

export interface ImageEntry { name: string; detail?: string; doc?: string; hasTags: boolean }
export function imageNames(_loc: Locale): ImageEntry[] { return []; }
export function imageTags(_name: string, _loc: Locale): { tag: string; detail?: string; sort?: string }[] { return []; }

// ---- hover sections (structured facts in, Markdown out) ---------------------------------------

export function cmdEntrypointTable(_loc: Locale): string | undefined { return undefined; }

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
}
export function effectiveCommandSection(f: EffectiveCommandFacts, _loc: Locale): string | undefined {
  return f.command ? '```sh\n' + f.command + '\n```' : undefined;
}

export interface HealthcheckFacts {
  none: boolean; command: string | null;
  interval: string; timeout: string; startPeriod: string; startInterval: string; retries: string;
  given: Set<string>;
}
export function healthcheckSection(f: HealthcheckFacts, _loc: Locale): string | undefined {
  if (f.none) return '`NONE`';
  return `\`--interval=${f.interval} --timeout=${f.timeout} --start-period=${f.startPeriod} --start-interval=${f.startInterval} --retries=${f.retries}\`` + (f.command ? '\n\n```sh\n' + f.command + '\n```' : '');
}

export function imageHover(_raw: string, _resolved: string | null, _loc: Locale): string | undefined { return undefined; }

export interface StageFacts { name: string | null; index: number; base: string | null; resolvedBase: string | null; line: number; parentName: string | null }
export function stageHover(f: StageFacts, _loc: Locale): string | undefined {
  return `\`${f.name ?? f.index}\` — \`FROM ${f.base ?? ''}\` (${f.line})`;
}

export interface VariableFacts {
  name: string; def: VarDef | null; kind: VarKind | null; line: number | null; inheritedLine: number | null;
  value: string | null; predefinedNote: string | null; stageOfDef: string | null; inheritedThroughFrom: boolean;
}
export function variableHover(f: VariableFacts, _loc: Locale): string | undefined {
  return `\`${f.kind ?? '?'} ${f.name}${f.value !== null ? '=' + f.value : ''}\`` + (f.line ? ` (${f.line})` : '');
}
