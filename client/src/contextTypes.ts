// Shape of the `dockwise/contextSummary` request (server → client data).
// The authoritative type lives in protocol/context.ts (owned by the context engine); this local
// copy mirrors the agreed shape so the client compiles before that file lands. Keep in sync.

export const ContextSummaryMethod = 'dockwise/contextSummary';
export const ContextChangedNotification = 'dockwise/contextChanged';

export interface ContextSummaryParams {
  /** URI of the Dockerfile whose build context is wanted. */
  uri: string;
  /** Ask for complete file lists instead of the top-N summary. */
  list?: boolean;
}

export interface SizeEntry {
  /** Path relative to the context root, '/'-separated. */
  path: string;
  bytes: number;
  files?: number;
}

export interface PatternSummary {
  /** Line of the pattern in the ignore file (1-based). */
  line: number;
  pattern: string;
  files: number;
  bytes: number;
  examples: string[];
}

export interface ContextSummary {
  root: string;
  ignoreFile: string | null;
  includedFiles: number;
  includedBytes: number;
  excludedFiles: number;
  excludedBytes: number;
  largestDirectories: SizeEntry[];
  largestFiles: SizeEntry[];
  patterns: PatternSummary[];
  errors: Array<string | { path?: string; message: string }>;
}
