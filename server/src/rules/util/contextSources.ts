//! The COPY/ADD sources that come from the build context (no `--from`, no URL, no heredoc),
//! with variables expanded the way BuildKit does for COPY. Shared by the context rules and by
//! the server/CLI, which ask the context engine about exactly these sources.

import type { DockerfileTree, Instruction, Word } from '../../syntax/nodes';
import type { SemanticModel } from '../../semantics/model';
import { settle } from '../../syntax/incremental';

/**
 * One source. Listing the sources reads values only, so it works on nodes whose inner spans
 * still lag (see `Instruction.lag`); reading `word` settles its instruction first, so the
 * rules that report on a source (and declare `touches: 'none'`) get its current offsets.
 */
export class ContextSource {
  constructor(readonly ins: Instruction, private readonly w: Word, /** Expanded source text. */ readonly source: string) {}
  get word(): Word {
    if (this.ins.lag !== 0) settle(this.ins);
    return this.w;
  }
}

const REMOTE = /^([a-z][a-z0-9+.-]*:\/\/|git@)/i;

export function contextSources(tree: DockerfileTree, model: SemanticModel): ContextSource[] {
  const out: ContextSource[] = [];
  // (The server lists the sources on every keystroke: no closures or sets per instruction.)
  const list = tree.instructions;
  for (let i = 0; i < list.length; i++) {
    const ins = list[i];
    if (ins.name !== 'COPY' && ins.name !== 'ADD') continue;
    if (hasFromFlag(ins)) continue;
    const words = ins.heredocs.length ? ins.args.filter((a) => !ins.heredocs.some((h) => h.markerSpan.start === a.start) && !a.raw.startsWith('<<')) : withoutHeredocWords(ins.args);
    if (words.length < 2) continue;
    for (let k = 0; k < words.length - 1; k++) {
      const w = words[k];
      if (!w.value || REMOTE.test(w.value)) continue;
      const source = w.raw.includes('$') ? model.expand(w.value, ins) : w.value;
      if (source.includes('$')) continue; // unresolved variable: unknown path
      out.push(new ContextSource(ins, w, source));
    }
  }
  return out;
}

function hasFromFlag(ins: Instruction): boolean {
  for (let i = 0; i < ins.flags.length; i++) if (ins.flags[i].name.toLowerCase() === 'from') return true;
  return false;
}

/** `args` without `<<` words (the list itself when there are none, the common case). */
function withoutHeredocWords(args: Word[]): Word[] {
  for (let i = 0; i < args.length; i++) if (args[i].raw.startsWith('<<')) return args.filter((a) => !a.raw.startsWith('<<'));
  return args;
}
