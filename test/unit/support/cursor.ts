//! `$0` cursor markers for data-driven feature tests: exactly one marker, or the test throws.
import { DockerfileDocument } from '../../../server/src/service/document';
import type { Position } from 'vscode-languageserver-types';

export interface Marked {
  doc: DockerfileDocument;
  offset: number;
  position: Position;
  /** The text without the marker. */
  text: string;
}

export function marked(src: string, uri = 'file:///Dockerfile'): Marked {
  const i = src.indexOf('$0');
  if (i < 0) throw new Error('no $0 cursor marker in fixture');
  if (src.indexOf('$0', i + 1) >= 0) throw new Error('more than one $0 cursor marker in fixture');
  const text = src.slice(0, i) + src.slice(i + 2);
  const doc = new DockerfileDocument(uri, 1, text);
  return { doc, offset: i, position: doc.positionAt(i), text };
}
