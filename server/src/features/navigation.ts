//! Go to definition, find references, document highlight and rename for stage names,
//! ARG/ENV variables and heredoc delimiters (pure; LSP value types only).

import { DocumentHighlightKind, type DocumentHighlight, type Location, type Range, type WorkspaceEdit } from 'vscode-languageserver-types';
import type { DockerfileDocument } from '../service/document';
import type { Span } from '../syntax/nodes';
import { symbolAt } from './symbolsAt';

const range = (doc: DockerfileDocument, s: Span): Range => ({ start: doc.positionAt(s.start), end: doc.positionAt(s.end) });

export function findDefinition(doc: DockerfileDocument, offset: number): Location[] {
  const t = symbolAt(doc.model, offset);
  if (!t) return [];
  return t.occurrences.filter((o) => o.isDefinition).map((o) => ({ uri: doc.uri, range: range(doc, o.span) }));
}

export function findReferences(doc: DockerfileDocument, offset: number, includeDeclaration: boolean): Location[] {
  const t = symbolAt(doc.model, offset);
  if (!t) return [];
  return t.occurrences.filter((o) => includeDeclaration || !o.isDefinition).map((o) => ({ uri: doc.uri, range: range(doc, o.span) }));
}

export function documentHighlights(doc: DockerfileDocument, offset: number): DocumentHighlight[] {
  const t = symbolAt(doc.model, offset);
  if (!t) return [];
  return t.occurrences.map((o) => ({ range: range(doc, o.span), kind: o.isDefinition ? DocumentHighlightKind.Write : DocumentHighlightKind.Read }));
}

export function prepareRename(doc: DockerfileDocument, offset: number): { range: Range; placeholder: string } | null {
  const t = symbolAt(doc.model, offset);
  if (!t || !t.occurrences.some((o) => o.isDefinition)) return null;
  return { range: range(doc, t.at), placeholder: doc.text.slice(t.at.start, t.at.end) };
}

const VALID: Record<string, RegExp> = {
  stage: /^[a-zA-Z][a-zA-Z0-9_.-]*$/,
  variable: /^[A-Za-z_][A-Za-z0-9_]*$/,
  heredoc: /^[A-Za-z_][A-Za-z0-9_.-]*$/,
};

export class RenameError extends Error {}

export function rename(doc: DockerfileDocument, offset: number, newName: string): WorkspaceEdit | null {
  const t = symbolAt(doc.model, offset);
  if (!t || !t.occurrences.some((o) => o.isDefinition)) return null;
  if (!VALID[t.kind].test(newName)) throw new RenameError(`'${newName}' is not a valid ${t.kind === 'stage' ? 'stage' : t.kind === 'variable' ? 'variable' : 'heredoc delimiter'} name`);
  // Stage names are case-insensitive for BuildKit, but lower case avoids StageNameCasing.
  const text = t.kind === 'stage' ? newName : newName;
  return { changes: { [doc.uri]: t.occurrences.map((o) => ({ range: range(doc, o.span), newText: text })) } };
}
