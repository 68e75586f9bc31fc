//! Small helpers shared by the build-context rules.
import type { ContextFacts } from '../../context/facts';
import type { Fix } from '../defineRule';

/** `file://` URI for an absolute POSIX path (for related locations in another file). */
export function fileUri(p: string): string {
  return 'file://' + p.split('/').map((s) => encodeURIComponent(s)).join('/');
}

export function baseName(p: string): string {
  return p.slice(p.lastIndexOf('/') + 1);
}

/** A fix appending `lines` to the ignore file in effect (creating `<root>/.dockerignore` when there is none). */
export function appendToIgnore(facts: ContextFacts, lines: string[], title: { en: string; ko: string }): Fix {
  const create = facts.ignorePath === null;
  return {
    title,
    edits: [],
    safe: false,
    otherFile: {
      path: facts.ignoreTarget,
      create,
      insertAt: create ? { line: 0, character: 0 } : facts.appendAt,
      text: (create ? '' : facts.appendPrefix) + lines.map((l) => l + '\n').join(''),
    },
  };
}
