//! Helpers shared by the §7.5 "RUN and shell" rules (DF070–DF079) and DF039/DF040: the RUN a
//! node stands for (an ONBUILD's trigger included), its parsed commands when the shell is POSIX,
//! and small text helpers for edits (line starts, indentation, skipping an operator and the
//! line continuations after it).

import type { Instruction } from '../../syntax/nodes';
import { commandScript, type CommandScript, type ShCommand, type ShellKind } from '../../shell/commands';
import type { OsFamily } from '../../docs/images';

/** Shells that read a script (from stdin or `-c`). */
export const POSIX_SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh', 'mksh']);

/** The RUN instruction `ins` stands for: itself, or the trigger of `ONBUILD RUN …`; null otherwise. */
export function runOf(ins: Instruction): Instruction | null {
  const t = ins.name === 'ONBUILD' ? ins.trigger : ins;
  return t && t.name === 'RUN' ? t : null;
}

/**
 * Parsed commands of a RUN (or ONBUILD RUN) when the shell in force is POSIX and the base is not
 * Windows; null otherwise. `exec` RUNs are included (`form: 'exec'`), callers decide.
 */
export function posixRunScript(
  ins: Instruction,
  ctx: { source: string; shellKind: ShellKind; family: OsFamily },
): CommandScript | null {
  if (ctx.shellKind !== 'posix' || ctx.family === 'windows') return null;
  if (!runOf(ins)) return null;
  return commandScript(ins, ctx.source);
}

/** True for a RUN whose command is written in exec form without a `sh -c` script. */
export function isPlainExec(ins: Instruction): boolean {
  const r = ins.name === 'ONBUILD' ? ins.trigger : ins;
  return !!r?.command && r.command.form === 'exec';
}

/** Offset of the start of the line holding `offset`. */
export function lineStart(source: string, offset: number): number {
  const k = source.lastIndexOf('\n', Math.max(0, offset - 1));
  return k < 0 ? 0 : k + 1;
}

/** Leading blanks of the line holding `offset`. */
export function indentOf(source: string, offset: number): string {
  const s = lineStart(source, offset);
  const m = /^[ \t]*/.exec(source.slice(s, s + 200));
  return m ? m[0] : '';
}

/**
 * From `offset` (just after an operator), skips blanks and Dockerfile line continuations
 * (escape + blanks + newline) to the next text. Stops at a comment line (returns -1 then, so a
 * caller deleting up to here never swallows a comment).
 */
export function skipBlanksAndContinuations(source: string, offset: number, end: number, escape: string): number {
  let p = offset;
  for (let guard = 0; guard < 1000 && p < end; guard++) {
    const c = source[p];
    if (c === ' ' || c === '\t' || c === '\r') { p++; continue; }
    if (c === escape) {
      let q = p + 1;
      while (q < end && (source[q] === ' ' || source[q] === '\t' || source[q] === '\r')) q++;
      if (source[q] === '\n') {
        p = q + 1;
        let r = p;
        while (r < end && (source[r] === ' ' || source[r] === '\t')) r++;
        if (source[r] === '#') return -1;
        continue;
      }
    }
    break;
  }
  return p;
}

/** The word `name` as a quoted code span for messages. */
export const code = (s: string): string => '`' + s.replace(/`/g, "'") + '`';

/** A command's text (argv only) shortened for messages: `curl -fsSL https://…`. */
export function shortCommand(c: ShCommand, max = 40): string {
  const t = c.argv.map((w) => w.value).join(' ');
  return t.length > max ? t.slice(0, max - 1) + '…' : t;
}

/** Index of `c` in `cmds` (by identity). */
export function indexOfCommand(cmds: readonly ShCommand[], c: ShCommand): number {
  return cmds.indexOf(c);
}

/**
 * True when the command word is only looked up, not run: `command -v apt-get` (the shell parser
 * strips `command` as a wrapper, so argv[0] would be the looked-up name).
 */
export function isLookup(c: ShCommand): boolean {
  if (!c.argv.length) return false;
  const k = c.words.indexOf(c.argv[0]);
  for (let i = 0; i < k; i++) {
    if (c.words[i].value === 'command' || c.words[i].value === 'builtin') {
      for (let j = i + 1; j < k; j++) if (/^-[a-zA-Z]*[vV]/.test(c.words[j].value)) return true;
    }
  }
  return false;
}

/** Options (words starting with `-`) after argv[0], before `--`. */
export function optionWords(c: ShCommand): string[] {
  const out: string[] = [];
  for (let i = 1; i < c.argv.length; i++) {
    const v = c.argv[i].value;
    if (v === '--') break;
    if (v.startsWith('-') && v.length > 1) out.push(v);
  }
  return out;
}

/** The line break used by the line holding `offset` (`\r\n` in CRLF files), for inserted lines. */
export function eolAt(source: string, offset: number): string {
  let nl = source.indexOf('\n', offset);
  if (nl < 0) nl = source.indexOf('\n');
  return nl > 0 && source[nl - 1] === '\r' ? '\r\n' : '\n';
}
