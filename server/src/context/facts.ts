//! What the context-aware rules (DF056, DF057, DF111, DF112, DF116) need to know about the
//! build context, computed in one go from a scanned index for the COPY/ADD sources of one
//! Dockerfile. Plain data, so it crosses the worker boundary and is cheap for rules to read.

import type { ContextIndex } from './scanner';
import { analyzeCopySource, heavyDirectories, sensitiveFilesCopied, type CopySourceInfo, type HeavyDir } from './copySources';

export interface ContextFacts {
  /** Absolute context root. */
  root: string;
  /** The ignore file in effect (absolute), or null when there is none. */
  ignorePath: string | null;
  /** Where new ignore lines go: the file in effect, or `<root>/.dockerignore` to create. */
  ignoreTarget: string;
  /** Insert position for appending a line to `ignoreTarget`, and the prefix it needs. */
  appendAt: { line: number; character: number };
  appendPrefix: string;
  includedFiles: number;
  includedBytes: number;
  /** Per COPY/ADD source (as expanded), what it copies. */
  sources: Record<string, CopySourceInfo>;
  /** Per source, sensitive files it would copy (first few). */
  sensitive: Record<string, string[]>;
  /** Heavy directories sent with the context. */
  heavy: HeavyDir[];
}

export function computeContextFacts(ix: ContextIndex, sources: readonly string[]): ContextFacts {
  const text = ix.ignoreText ?? '';
  const lines = text.length ? text.split('\n') : [];
  const endsWithNewline = text.length === 0 || text.endsWith('\n');
  const appendAt = endsWithNewline ? { line: Math.max(0, lines.length - (text.length ? 1 : 0)), character: 0 } : { line: lines.length - 1, character: lines[lines.length - 1].length };
  const root = ix.root;
  const out: ContextFacts = {
    root,
    ignorePath: ix.ignorePath,
    ignoreTarget: ix.ignorePath ?? (root.endsWith('/') ? root : root + '/') + '.dockerignore',
    appendAt,
    appendPrefix: endsWithNewline ? '' : '\n',
    includedFiles: ix.rootNode.sIncFiles,
    includedBytes: ix.rootNode.sIncBytes,
    sources: {},
    sensitive: {},
    heavy: heavyDirectories(ix),
  };
  for (const s of new Set(sources)) {
    out.sources[s] = analyzeCopySource(ix, s);
    const sens = sensitiveFilesCopied(ix, s, 5);
    if (sens.length) out.sensitive[s] = sens;
  }
  return out;
}
