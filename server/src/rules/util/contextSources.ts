//! The COPY/ADD sources that come from the build context (no `--from`, no URL, no heredoc),
//! with variables expanded the way BuildKit does for COPY. Shared by the context rules and by
//! the server/CLI, which ask the context engine about exactly these sources.

import type { DockerfileTree, Instruction, Word } from '../../syntax/nodes';
import type { SemanticModel } from '../../semantics/model';

export interface ContextSource {
  ins: Instruction;
  word: Word;
  /** Expanded source text. */
  source: string;
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
      out.push({ ins, word: w, source });
    }
  }
  return out;
}
