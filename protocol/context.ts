//! `dockwise/contextSummary`: the build context of a Dockerfile (what `docker build` sends),
//! computed by the server's context engine (server/src/context/scanner.ts).
import { RequestType } from 'vscode-languageserver-protocol';

export interface ContextSummaryParams {
  /** URI of a Dockerfile (or of a `.dockerignore`; then its directory is the context). */
  uri: string;
  /** Also return the included file list (can be large). */
  list?: boolean;
}

export interface ContextSizeEntry { path: string; bytes: number; files: number }
export interface ContextFileEntry { path: string; size: number }

export interface ContextPatternStat {
  index: number;
  /** 0-based line in the ignore file. */
  line: number;
  text: string;
  /** `!` line. */
  exclusion: boolean;
  /** Files and bytes this line decided (excluded, or re-included for `!`). */
  files: number;
  bytes: number;
  dirs: number;
  examples: string[];
}

export interface ContextIgnoreProblem {
  line: number;
  kind: 'read' | 'parse' | 'match' | 'transport' | 'quirk';
  fatal: boolean;
  message: string;
  reason: string;
  evaluated?: boolean;
}

export interface ContextScanError { path: string; code: string; message: string; excluded: boolean }

export interface ContextSummaryResult {
  /** Absolute context root (POSIX separators). */
  root: string;
  /** Absolute path of the ignore file that applies, or null. */
  ignoreFile: string | null;
  ignoreFileKind: 'dockerfile' | 'root' | null;
  dockerfile: string | null;
  /** Where the root came from. */
  rootSource?: 'default' | 'settings' | 'compose';
  includedFiles: number;
  includedBytes: number;
  includedDirs: number;
  includedOther: number;
  excludedFiles: number;
  excludedBytes: number;
  prunedDirs: number;
  excludedComplete: boolean;
  largestDirs: ContextSizeEntry[];
  largestFiles: ContextFileEntry[];
  largestExcludedDirs: ContextSizeEntry[];
  patterns: ContextPatternStat[];
  ignoreProblems: ContextIgnoreProblem[];
  errors: ContextScanError[];
  errorCount: number;
  cancelled: boolean;
  durationMs: number;
  /** With `list: true`: included regular files and symlinks, POSIX paths relative to the root. */
  files?: ContextFileEntry[];
}

export namespace ContextSummaryRequest {
  export const method = 'dockwise/contextSummary' as const;
  export const type = new RequestType<ContextSummaryParams, ContextSummaryResult | null, void>(method);
}
