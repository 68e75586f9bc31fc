//! Signature help: pure function `(doc, position, options) → SignatureHelp | null`.
//! Instruction forms (from docs/, e.g. `COPY [--from=<stage>] <src>... <dest>`) with the
//! active parameter chosen by the cursor (flag under the cursor, n-th argument, n-th exec-form
//! string); inside a flag value, the flag's own signature (`--mount=type=cache,target=…`,
//! `--network=default|none|host`, `--interval=<duration>`).

import { MarkupKind, type ParameterInformation, type Position, type SignatureHelp, type SignatureInformation } from 'vscode-languageserver-types';
import type { DockerfileDocument } from '../service/document';
import type { Instruction } from '../syntax/nodes';
import { MOUNT_KEYS, flagsOf, type FlagSpec } from '../semantics/instructionSpec';
import type { Locale } from './locale';
import { argIndexAt, cursorAt, flagAt, inFlagArea, mountCursor } from './cursor';
import * as text from './featureText';

export interface SignatureOptions {
  locale: Locale;
}

/** Splits a signature label into parameter ranges (tokens after the keyword; brackets and `<…>` kept together; exec-form strings one by one). */
export function parameterRanges(label: string): [number, number][] {
  const out: [number, number][] = [];
  const sp = label.indexOf(' ');
  if (sp < 0) return out;
  let i = sp + 1;
  // Exec form: `KEYWORD ["executable", "param1", ...]` → one parameter per quoted string.
  const rest = label.slice(i);
  const ex = rest.indexOf('["');
  if (ex >= 0) {
    // Flags before the JSON array are parameters too.
    out.push(...parameterRanges(label.slice(0, i + ex).trimEnd()));
    const re = /"[^"]*"(?:\s*\.\.\.)?/g;
    let m: RegExpExecArray | null;
    re.lastIndex = i + ex;
    while ((m = re.exec(label))) out.push([m.index, m.index + m[0].length]);
    return out;
  }
  while (i < label.length) {
    while (i < label.length && label[i] === ' ') i++;
    if (i >= label.length) break;
    const s = i;
    let depth = 0;
    while (i < label.length) {
      const c = label[i];
      if (c === '[' || c === '<' || c === '{' || c === '(') depth++;
      else if (c === ']' || c === '>' || c === '}' || c === ')') depth = Math.max(0, depth - 1);
      else if (c === ' ' && depth === 0) break;
      i++;
    }
    out.push([s, i]);
  }
  return out;
}

const isFlagParam = (p: string) => /^\[?--/.test(p);
const flagParamName = (p: string) => /^\[?--([a-z-]+)/.exec(p)?.[1] ?? null;

export function computeSignatureHelp(doc: DockerfileDocument, position: Position, options: SignatureOptions): SignatureHelp | null {
  const tree = doc.tree;
  const offset = doc.offsetAt(position);
  const cur = cursorAt(tree, offset);
  if (!cur.ins || cur.inComment || cur.heredocBody) return null;
  // ONBUILD: its own form up to the trigger keyword, the trigger's forms after it.
  const top = cur.ins;
  const ins = top.trigger && offset > top.trigger.keywordSpan.end ? top.trigger : top;
  if (offset <= ins.keywordSpan.end || !ins.known) return null;
  const loc = options.locale;

  // Inside a flag value: the flag's own signature.
  const flag = flagAt(ins, offset);
  if (flag && flag.valueSpan && offset >= flag.valueSpan.start) {
    const spec = flagsOf(ins.name).find((f) => f.name === flag.name.toLowerCase());
    if (spec) return flagSignature(tree.text, ins, spec, flag.valueSpan.start, flag.valueSpan.end, offset, loc);
  }

  const forms = text.instructionSignatures(ins.name, loc);
  const sigs: SignatureInformation[] = forms.map((f) => {
    const ranges = parameterRanges(f.label);
    return {
      label: f.label,
      documentation: f.doc ? { kind: MarkupKind.Markdown, value: f.doc } : undefined,
      parameters: ranges.map((r): ParameterInformation => {
        const p = f.label.slice(r[0], r[1]);
        const name = flagParamName(p);
        const d = f.params.find((x) => x.label === p)?.doc ?? (name ? text.flagSummary(ins.name, name, loc) : undefined);
        return { label: r, documentation: d ? { kind: MarkupKind.Markdown, value: d } : undefined };
      }),
    };
  });
  if (!sigs.length) return null;

  // Which form: exec (JSON array) vs shell.
  let active = 0;
  const isExec = (s: SignatureInformation) => s.label.includes('["');
  const c = ins.command ?? ins.healthcheck?.command ?? null;
  const argText = ins.argsSpan ? tree.text.slice(ins.argsSpan.start, offset) : '';
  const execTyped = c ? c.form === 'exec' || /^\s*(?:(?:CMD|cmd)\s+)?\[/.test(argText) : false;
  if (sigs.some(isExec) && sigs.some((s) => !isExec(s))) active = Math.max(0, sigs.findIndex((s) => isExec(s) === execTyped));

  const sig = sigs[active];
  const params = (sig.parameters ?? []).map((p) => sig.label.slice((p.label as [number, number])[0], (p.label as [number, number])[1]));
  let activeParameter = -1;
  if (flag) {
    activeParameter = params.findIndex((p) => flagParamName(p) === flag.name.toLowerCase());
  } else if (inFlagArea(ins, offset) && !cur.word.prefix) {
    // Another flag or the first argument may follow: point at the first argument.
    activeParameter = params.findIndex((p) => !isFlagParam(p));
  } else if (execTyped && ins.argsSpan) {
    // n-th JSON string: commas before the cursor inside the array.
    const arr = argText.slice(argText.indexOf('['));
    const n = (arr.match(/,/g) ?? []).length;
    const strs = params.map((p, k) => [p, k] as const).filter(([p]) => p.startsWith('"'));
    if (strs.length) activeParameter = strs[Math.min(n, strs.length - 1)][1];
  } else {
    const positional = params.map((p, k) => [p, k] as const).filter(([p]) => !isFlagParam(p));
    if (positional.length) {
      let k = argIndexAt(ins, cur.word.start);
      const cmd = ins.command ?? ins.healthcheck?.command ?? null;
      if (cmd && cmd.form === 'shell' && cur.word.start > cmd.span.start) {
        // Shell-form words before the cursor (the HEALTHCHECK `CMD` keyword counts as one).
        const before = tree.text.slice(cmd.span.start, cur.word.start).trim();
        k = (before ? before.split(/\s+/).length : 0) + (ins.name === 'HEALTHCHECK' ? 1 : 0);
      } else if (cmd && cmd.form === 'shell' && ins.name === 'HEALTHCHECK' && cur.word.start >= cmd.span.start) k = 1;
      const total = Math.max(ins.args.length, k + 1);
      const v = positional.findIndex(([p]) => p.includes('...'));
      let idx: number;
      if (v < 0) idx = Math.min(k, positional.length - 1);
      else {
        const tail = positional.length - 1 - v;
        if (tail > 0 && k >= total - tail && k > v) idx = v + 1 + (k - (total - tail));
        else idx = Math.min(k, v);
      }
      activeParameter = positional[Math.min(idx, positional.length - 1)][1];
    }
  }
  return { signatures: sigs, activeSignature: active, activeParameter: activeParameter < 0 ? undefined : activeParameter };
}

function flagSignature(t: string, ins: Instruction, spec: FlagSpec, vstart: number, vend: number, offset: number, loc: Locale): SignatureHelp {
  let label: string;
  let ranges: [number, number][] = [];
  let activeParameter: number | undefined;
  const docs: (string | undefined)[] = [];
  if (spec.kind === 'mount') {
    const mc = mountCursor(t.slice(vstart, Math.max(vend, offset)), vstart, offset);
    const keys = MOUNT_KEYS.filter((k) => k.types.includes(mc.type as never));
    label = '--mount=';
    keys.forEach((k, i) => {
      const v = k.name === 'type' ? mc.type : k.values ? k.values.join('|') : k.kind === 'bool' ? 'true|false' : `<${k.name}>`;
      const part = `${k.name}=${v}`;
      if (i) label += ',';
      ranges.push([label.length, label.length + part.length]);
      label += part;
      docs.push(text.mountKeySummary(k.name, loc));
    });
    const ai = keys.findIndex((k) => k.name === mc.key || k.aliases?.includes(mc.key));
    activeParameter = ai >= 0 ? ai : undefined;
  } else {
    const v = spec.values ? spec.values.join('|') : `<${spec.kind}>`;
    label = `--${spec.name}=${v}`;
    ranges = [[2 + spec.name.length + 1, label.length]];
    docs.push(text.flagSummary(ins.name, spec.name, loc));
    activeParameter = 0;
  }
  const d = text.flagDoc(ins.name, spec.name, loc);
  const dflt = spec.defaultValue !== undefined ? `${text.defaultLabel(loc) ?? 'default'}: \`${spec.defaultValue}\`` : undefined;
  const docValue = [d, dflt].filter(Boolean).join('\n\n');
  return {
    signatures: [{
      label,
      documentation: docValue ? { kind: MarkupKind.Markdown, value: docValue } : undefined,
      parameters: ranges.map((r, i) => ({ label: r, documentation: docs[i] })),
    }],
    activeSignature: 0,
    activeParameter,
  };
}
