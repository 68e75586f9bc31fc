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
  for (const ins of tree.instructions) {
    if (ins.name !== 'COPY' && ins.name !== 'ADD') continue;
    if (ins.flags.some((f) => f.name.toLowerCase() === 'from')) continue;
    const heredocStarts = new Set(ins.heredocs.map((h) => h.markerSpan.start));
    const words = ins.args.filter((a) => !heredocStarts.has(a.start) && !a.raw.startsWith('<<'));
    if (words.length < 2) continue;
    for (const w of words.slice(0, -1)) {
      if (!w.value || REMOTE.test(w.value)) continue;
      const source = w.raw.includes('$') ? model.expand(w.value, ins) : w.value;
      if (source.includes('$')) continue; // unresolved variable: unknown path
      out.push(new ContextSource(ins, w, source));
    }
  }
  return out;
}
