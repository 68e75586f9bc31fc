//! The build-context scanner: walks a context directory the way BuildKit's client does
//! (fsutil `filter.go` over `filepath.WalkDir`: lstat semantics, symlinks never followed,
//! excluded directories pruned when no exception can re-include anything below them, see
//! docs/dockerignore.md §6) and aggregates what `docker build` would send.
//!
//! The result is a `ContextIndex`: a compact in-memory tree (per directory: child dirs, file
//! names, sizes, kinds and the deciding pattern) with per-directory direct and recursive
//! totals. Summaries, the file list, per-pattern stats, incremental updates
//! (`applyChanges`) and `.dockerignore` edits (`setIgnoreText`, re-evaluated from memory)
//! all work on that index. Never throws for file-system problems: they are listed in `errors`.

import { IgnoreFile, IgnoreProblem, matchWithParent, parseDockerignore, shouldDescend } from './dockerignore';
import { basenamePosix, dirnamePosix, errorCode, FileSystem, joinPath, relativeTo, toPosix } from './fileSystem';

export interface ScanProgress {
  /** Directory entries seen so far. */
  entries: number;
  includedFiles: number;
  includedBytes: number;
  /** Current directory (relative). */
  dir: string;
}

export interface CancelToken { readonly isCancellationRequested: boolean }

export interface ScanOptions {
  /** Context root (absolute; `/` or native separators). */
  root: string;
  /** Absolute path of the Dockerfile: `<Dockerfile>.dockerignore` next to it replaces `<root>/.dockerignore`. */
  dockerfile?: string;
  /** Use this ignore-file text instead of reading it (e.g. an unsaved editor buffer). `null` = no ignore file. */
  ignoreText?: string | null;
  /** Walk pruned (excluded) directories to count what they exclude (default true). */
  countExcluded?: boolean;
  onProgress?: (p: ScanProgress) => void;
  /** Milliseconds between progress reports (default 200). */
  progressIntervalMs?: number;
  token?: CancelToken;
  isCancelled?: () => boolean;
}

export interface ScanError {
  /** Path relative to the root ('' = the root itself). */
  path: string;
  code: string;
  message: string;
  /** True if the entry is excluded anyway (BuildKit ignores errors on excluded entries). */
  excluded: boolean;
}

export interface PatternStat {
  index: number;
  /** 0-based line in the ignore file. */
  line: number;
  text: string;
  exclusion: boolean;
  /** Files (regular, symlinks, other non-directories) this line decided: excluded for a plain line, re-included for `!`. */
  files: number;
  bytes: number;
  /** Directory entries this line decided (pruned dirs count once). */
  dirs: number;
  /** A few example paths (sorted walk order); a pruned directory shows as `dir/`. */
  examples: string[];
}

export interface SizeEntry { path: string; bytes: number; files: number }
export interface FileEntry { path: string; size: number }

export interface ContextSummary {
  root: string;
  /** The ignore file that applies (absolute), or null. */
  ignoreFile: string | null;
  ignoreFileKind: 'dockerfile' | 'root' | null;
  dockerfile: string | null;
  /** Regular files and symlinks sent. */
  includedFiles: number;
  /** Sum of their lstat sizes. */
  includedBytes: number;
  includedDirs: number;
  /** FIFOs, sockets, devices sent (no data). */
  includedOther: number;
  /** Non-directory entries excluded (only counted inside pruned dirs when countExcluded). */
  excludedFiles: number;
  excludedBytes: number;
  /** Excluded directories not walked (pruned). */
  prunedDirs: number;
  /** False if pruned directories were not counted (countExcluded: false). */
  excludedComplete: boolean;
  largestDirs: SizeEntry[];
  largestFiles: FileEntry[];
  /** Largest excluded directories (pruned or fully excluded), by bytes. */
  largestExcludedDirs: SizeEntry[];
  patterns: PatternStat[];
  ignoreProblems: (IgnoreProblem & { evaluated?: boolean })[];
  errors: ScanError[];
  errorCount: number;
  cancelled: boolean;
  durationMs: number;
  files?: FileEntry[];
}

const KIND_FILE = 1;
const KIND_LINK = 2;
const KIND_OTHER = 3;
/** Vanished between readdir and lstat (or unreadable): not sent, not counted. */
const KIND_GONE = 4;
const MAX_ERRORS = 200;

class Cancelled extends Error {}

/** One directory of the index. */
export class DirNode {
  loaded = false;
  dirs: DirNode[] = [];
  fileNames: string[] = [];
  fileSizes: number[] = [];
  fileKinds: Uint8Array = new Uint8Array(0);
  /** Per file: deciding pattern index + 1 (0 = none), negative when excluded: -(index+1). */
  fileDecision: Int32Array = new Int32Array(0);
  /** Excluded (this entry is not sent). */
  excluded = false;
  /** Excluded and not walked: every entry below is excluded by `decidedBy`. */
  pruned = false;
  decidedBy = -1;
  /** MatchInfo for children (null when there are no patterns). */
  info: Uint8Array | null = null;
  // direct totals (files directly in this dir; for a pruned dir: the whole subtree)
  dIncFiles = 0; dIncBytes = 0; dIncOther = 0; dExcFiles = 0; dExcBytes = 0; dExcDirs = 0;
  /** Per-pattern direct contributions: flat [pattern, files, bytes, dirs]*. */
  dPat: number[] = [];
  // recursive totals (this dir and everything below)
  sIncFiles = 0; sIncBytes = 0; sIncOther = 0; sExcFiles = 0; sExcBytes = 0; sIncDirs = 0; sPruned = 0;
  constructor(public name: string, public parent: DirNode | null, public path: string) {}
}

interface Totals { incFiles: number; incBytes: number; incOther: number; excFiles: number; excBytes: number; incDirs: number; pruned: number }

export interface ChangeEvent {
  /** Absolute path. */
  path: string;
  type: 'created' | 'changed' | 'deleted';
}

function decodeText(b: Uint8Array): string {
  // keep the BOM: ReadAll strips it from the first line only
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(b);
}

export interface ResolvedIgnore {
  path: string | null;
  kind: 'dockerfile' | 'root' | null;
  text: string | null;
  error?: ScanError;
}

/**
 * Which ignore file applies (docs/dockerignore.md §1, BuildKit): `<Dockerfile-name>.dockerignore`
 * next to the Dockerfile replaces `<root>/.dockerignore`; a missing file means no patterns.
 */
export function resolveIgnoreFile(fs: FileSystem, root: string, dockerfile?: string | null): ResolvedIgnore {
  const candidates: { path: string; kind: 'dockerfile' | 'root' }[] = [];
  if (dockerfile) {
    const df = toPosix(dockerfile);
    candidates.push({ path: joinPath(dirnamePosix(df), basenamePosix(df) + '.dockerignore'), kind: 'dockerfile' });
  }
  candidates.push({ path: joinPath(toPosix(root).replace(/\/+$/, ''), '.dockerignore'), kind: 'root' });
  for (const c of candidates) {
    try {
      return { path: c.path, kind: c.kind, text: decodeText(fs.readFile(c.path)) };
    } catch (e) {
      const code = errorCode(e);
      if (code === 'ENOENT' || code === 'ENOTDIR') continue;
      const message = code === 'EISDIR' ? `${basenamePosix(c.path)} is a directory, not a file; it is ignored` : `cannot read ${basenamePosix(c.path)}: ${code}`;
      return { path: c.path, kind: c.kind, text: null, error: { path: c.path, code, message, excluded: false } };
    }
  }
  return { path: null, kind: null, text: null };
}

export class ContextIndex {
  readonly root: string;
  readonly dockerfile: string | null;
  ignore: IgnoreFile;
  ignorePath: string | null;
  ignoreKind: 'dockerfile' | 'root' | null;
  ignoreText: string | null;
  rootNode: DirNode;
  errors: ScanError[] = [];
  errorCount = 0;
  cancelled = false;
  durationMs = 0;
  readonly countExcluded: boolean;
  /** Per pattern: [files, bytes, dirs]. */
  patFiles: number[] = [];
  patBytes: number[] = [];
  patDirs: number[] = [];
  /** Patterns whose evaluation failed (the build fails). */
  evaluatedErrors = new Set<number>();
  private ignoreError: ScanError | undefined;
  private rootError: ScanError | undefined;
  private seen = 0;
  /** Pruned directories whose counting was deferred (scan({deferCounting: true})). */
  private deferred: DirNode[] | null = null;
  /** Walked directories holding excluded files whose sizes were deferred. */
  private deferredSizes: DirNode[] = [];
  private lastProgress = 0;
  private opts: ScanOptions;

  constructor(private fs: FileSystem, opts: ScanOptions) {
    this.opts = opts;
    this.countExcluded = opts.countExcluded !== false;
    let root = toPosix(opts.root).replace(/(.)\/+$/, '$1');
    this.dockerfile = opts.dockerfile ? toPosix(opts.dockerfile) : null;
    const ig = opts.ignoreText !== undefined ? { path: null, kind: null, text: opts.ignoreText } as ResolvedIgnore : resolveIgnoreFile(fs, root, this.dockerfile);
    this.ignorePath = ig.path;
    this.ignoreKind = ig.kind;
    this.ignoreText = ig.text;
    this.ignoreError = ig.error;
    this.ignore = parseDockerignore(ig.text ?? '');
    // BuildKit resolves a symlinked context dir (filepath.EvalSymlinks).
    try {
      const st = fs.lstat(root);
      if (st.isSymbolicLink() && fs.realpath) root = toPosix(fs.realpath(root));
      else if (!st.isDirectory() && !st.isSymbolicLink()) this.rootError = { path: '', code: 'ENOTDIR', message: `context root is not a directory: ${root}`, excluded: false };
    } catch (e) {
      const code = errorCode(e);
      this.rootError = { path: '', code, message: code === 'ENOENT' ? `context root does not exist: ${root}` : code === 'ELOOP' ? `context root is a symlink loop: ${root}` : `cannot open context root ${root}: ${code}`, excluded: false };
    }
    this.root = root;
    this.rootNode = new DirNode('', null, '');
  }

  private absPath(rel: string): string {
    return rel === '' ? this.root : this.root + '/' + rel;
  }

  private isCancelled(): boolean {
    return !!(this.opts.token?.isCancellationRequested || this.opts.isCancelled?.());
  }

  private addError(path: string, e: unknown, excluded: boolean, what: string) {
    this.errorCount++;
    if (this.errors.length >= MAX_ERRORS) return;
    const code = errorCode(e);
    const message = code === 'ENOENT' ? `${what} vanished during the scan` : code === 'EACCES' || code === 'EPERM' ? `permission denied: cannot ${what === 'directory' ? 'list' : 'stat'} ${path}${excluded ? ' (excluded, so Docker ignores it)' : ' (docker build fails on it)'}` : `${code} on ${what} ${path}`;
    this.errors.push({ path, code, message, excluded });
  }

  private tick(dir: string, n: number) {
    this.seen += n;
    if (this.isCancelled()) throw new Cancelled();
    if ((this.seen & 0x3ff) < n || n > 1024) {
      if (this.opts.onProgress) {
        const now = Date.now();
        if (now - this.lastProgress >= (this.opts.progressIntervalMs ?? 200)) {
          this.lastProgress = now;
          this.opts.onProgress({ entries: this.seen, includedFiles: this.rootNode.sIncFiles, includedBytes: this.rootNode.sIncBytes, dir });
        }
      }
    }
  }

  /** Read a directory's entries into the node (no matching, no lstat: sizes are read lazily). Returns false on error. */
  private load(node: DirNode, excluded: boolean): boolean {
    node.loaded = true;
    let list;
    try {
      list = this.fs.readdir(this.absPath(node.path));
    } catch (e) {
      if (node.parent !== null || !this.rootError) this.addError(node.path, e, excluded, 'directory');
      node.dirs = [];
      node.fileNames = [];
      node.fileSizes = [];
      node.fileKinds = new Uint8Array(0);
      node.fileDecision = new Int32Array(0);
      return false;
    }
    this.tick(node.path, list.length);
    const dirNames: string[] = [];
    const files: { name: string; kind: number }[] = [];
    for (let i = 0; i < list.length; i++) {
      const d = list[i];
      if (d.isDirectory()) dirNames.push(d.name);
      else files.push({ name: d.name, kind: d.isFile() ? KIND_FILE : d.isSymbolicLink() ? KIND_LINK : KIND_OTHER });
    }
    if (dirNames.length > 1) dirNames.sort(byteOrder);
    if (files.length > 1) files.sort((a, b) => byteOrder(a.name, b.name));
    node.dirs = dirNames.map((n) => new DirNode(n, node, joinPath(node.path, n)));
    const n = files.length;
    node.fileNames = new Array(n);
    node.fileSizes = new Array(n);
    node.fileKinds = new Uint8Array(n);
    node.fileDecision = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      node.fileNames[i] = files[i].name;
      node.fileKinds[i] = files[i].kind;
      node.fileSizes[i] = files[i].kind === KIND_OTHER ? 0 : -1;
    }
    return true;
  }

  /** The lstat size of file i of node (read once); -1 if it vanished or cannot be read. */
  private sizeOf(node: DirNode, i: number, excluded: boolean): number {
    let size = node.fileSizes[i];
    if (size >= 0 || node.fileKinds[i] === KIND_GONE) return size;
    const rel = joinPath(node.path, node.fileNames[i]);
    try {
      const st = this.fs.lstat(this.absPath(rel));
      size = st.isDirectory() ? -1 : st.size; // replaced by a directory: picked up by the next refresh
    } catch (e) {
      this.addError(rel, e, excluded, 'file');
      size = -1;
    }
    if (size < 0) node.fileKinds[i] = KIND_GONE;
    node.fileSizes[i] = size;
    return size;
  }

  /**
   * Run the full scan. With `deferCounting`, pruned directories are not walked yet: the
   * included totals are final, and `countDeferred()` then fills in what they exclude.
   */
  scan(opts: { deferCounting?: boolean } = {}): this {
    this.deferred = opts.deferCounting && this.countExcluded ? [] : null;
    this.deferredSizes = [];
    const t0 = Date.now();
    this.errors = [];
    this.errorCount = 0;
    if (this.ignoreError) this.errors.push(this.ignoreError), this.errorCount++;
    if (this.rootError) {
      this.errors.push(this.rootError);
      this.errorCount++;
      this.rootNode.loaded = true;
      this.durationMs = Date.now() - t0;
      return this;
    }
    this.resetPatternStats();
    this.evaluateFromRoot(t0);
    return this;
  }

  /** Re-evaluates every path from the root (a cancelled scan keeps what it has), timed from `t0`. */
  private evaluateFromRoot(t0: number): void {
    try {
      this.evalDir(this.rootNode, null);
    } catch (e) {
      if (!(e instanceof Cancelled)) throw e;
      this.cancelled = true;
    }
    this.durationMs = Date.now() - t0;
  }

  private resetPatternStats() {
    const n = this.ignore.patterns.length;
    this.patFiles = new Array(n).fill(0);
    this.patBytes = new Array(n).fill(0);
    this.patDirs = new Array(n).fill(0);
    this.evaluatedErrors.clear();
  }

  private addPat(flat: number[], sign: number) {
    for (let k = 0; k < flat.length; k += 4) {
      this.patFiles[flat[k]] += sign * flat[k + 1];
      this.patBytes[flat[k]] += sign * flat[k + 2];
      this.patDirs[flat[k]] += sign * flat[k + 3];
    }
  }

  /**
   * Evaluate a directory that is walked (included, or excluded but descended): match its
   * files and subdirectories, recurse, and compute its totals. Loads from the FS if needed.
   */
  private evalDir(node: DirNode, parentInfo: Uint8Array | null): void {
    if (!node.loaded) this.load(node, node.excluded);
    const ig = this.ignore;
    const np = ig.patterns.length;
    this.computeDirect(node);
    let t = this.zero();
    for (const child of node.dirs) {
      child.pruned = false;
      if (np === 0) {
        child.excluded = false;
        child.decidedBy = -1;
        child.info = null;
      } else {
        const info = new Uint8Array(np);
        const r = matchWithParent(ig, child.path, node.parent === null ? null : parentInfo, info);
        if (r.errorPattern >= 0) this.evaluatedErrors.add(r.errorPattern);
        child.excluded = r.excluded;
        child.decidedBy = r.decidedBy;
        child.info = info;
        child.pruned = r.excluded && !shouldDescend(ig, child.path);
      }
      if (child.pruned) this.evalPruned(child);
      else this.evalDir(child, child.info);
      this.addTotals(t, child);
    }
    this.setSub(node, t);
  }

  private zero(): Totals {
    return { incFiles: 0, incBytes: 0, incOther: 0, excFiles: 0, excBytes: 0, incDirs: 0, pruned: 0 };
  }
  private addTotals(t: Totals, c: DirNode) {
    t.incFiles += c.sIncFiles; t.incBytes += c.sIncBytes; t.incOther += c.sIncOther;
    t.excFiles += c.sExcFiles; t.excBytes += c.sExcBytes; t.incDirs += c.sIncDirs; t.pruned += c.sPruned;
  }
  private setSub(node: DirNode, t: Totals) {
    node.sIncFiles = node.dIncFiles + t.incFiles;
    node.sIncBytes = node.dIncBytes + t.incBytes;
    node.sIncOther = node.dIncOther + t.incOther;
    node.sExcFiles = node.dExcFiles + t.excFiles;
    node.sExcBytes = node.dExcBytes + t.excBytes;
    node.sIncDirs = (node.excluded || node.parent === null ? 0 : 1) + t.incDirs;
    node.sPruned = (node.pruned ? 1 : 0) + t.pruned;
  }

  /** Match the files directly in `node` (its info is the parent info for them). */
  private computeDirect(node: DirNode) {
    const ig = this.ignore;
    const np = ig.patterns.length;
    let incF = 0, incB = 0, incO = 0, excF = 0, excB = 0;
    const pat = new Map<number, [number, number, number]>();
    const parentInfo = node.parent === null ? null : node.info;
    let deferMarked = false;
    for (let i = 0; i < node.fileNames.length; i++) {
      if (node.fileKinds[i] === KIND_GONE) continue;
      let excluded = false;
      let decided = -1;
      if (np > 0) {
        const r = matchWithParent(ig, joinPath(node.path, node.fileNames[i]), parentInfo, null);
        if (r.errorPattern >= 0) this.evaluatedErrors.add(r.errorPattern);
        excluded = r.excluded;
        decided = r.decidedBy;
      }
      node.fileDecision[i] = decided < 0 ? 0 : excluded ? -(decided + 1) : decided + 1;
      let size = 0;
      if (excluded && this.deferred && this.countExcluded) {
        if (!deferMarked) {
          deferMarked = true;
          this.deferredSizes.push(node);
        }
      } else if (!excluded || this.countExcluded) {
        size = this.sizeOf(node, i, excluded);
        if (size < 0) {
          node.fileDecision[i] = 0;
          continue;
        }
      }
      const kind = node.fileKinds[i];
      if (excluded) {
        excF++;
        excB += size;
      } else if (kind === KIND_OTHER) incO++;
      else {
        incF++;
        incB += size;
      }
      if (decided >= 0) {
        const e = pat.get(decided);
        if (e) { e[0]++; e[1] += size; } else pat.set(decided, [1, size, 0]);
      }
    }
    // this directory entry itself
    if (node.parent !== null && node.decidedBy >= 0) {
      const e = pat.get(node.decidedBy);
      if (e) e[2]++; else pat.set(node.decidedBy, [0, 0, 1]);
    }
    this.addPat(node.dPat, -1);
    node.dPat = [];
    for (const [k, v] of pat) node.dPat.push(k, v[0], v[1], v[2]);
    this.addPat(node.dPat, +1);
    node.dIncFiles = incF; node.dIncBytes = incB; node.dIncOther = incO; node.dExcFiles = excF; node.dExcBytes = excB;
  }

  /** A pruned directory: everything below is excluded by node.decidedBy. Counts it if asked. */
  private evalPruned(node: DirNode) {
    let files = 0, bytes = 0;
    if (this.deferred) this.deferred.push(node);
    else if (this.countExcluded) {
      const c = this.countTree(node);
      files = c[0];
      bytes = c[1];
    }
    this.addPat(node.dPat, -1);
    node.dPat = node.decidedBy >= 0 ? [node.decidedBy, files, bytes, 1] : [];
    this.addPat(node.dPat, +1);
    node.dIncFiles = 0; node.dIncBytes = 0; node.dIncOther = 0;
    node.dExcFiles = files; node.dExcBytes = bytes;
    node.sIncFiles = 0; node.sIncBytes = 0; node.sIncOther = 0; node.sIncDirs = 0;
    node.sExcFiles = files; node.sExcBytes = bytes; node.sPruned = 1;
  }

  /** Files and bytes below a node (loads from the FS when needed, no matching). */
  private countTree(node: DirNode): [number, number] {
    if (!node.loaded) this.load(node, true);
    let files = 0;
    let bytes = 0;
    for (let i = 0; i < node.fileSizes.length; i++) {
      const size = this.sizeOf(node, i, true);
      if (size < 0) continue;
      files++;
      bytes += size;
    }
    for (const d of node.dirs) {
      const c = this.countTree(d);
      files += c[0];
      bytes += c[1];
    }
    return [files, bytes];
  }

  /** Second phase of scan({deferCounting: true}): count the pruned directories. */
  countDeferred(): this {
    const list = this.deferred;
    this.deferred = null;
    if (!list) return this;
    const t0 = Date.now();
    const sized = this.deferredSizes;
    this.deferredSizes = [];
    try {
      for (const node of sized) {
        if (this.findNode(node.path) !== node) continue;
        const before = snapshot(node);
        const d0 = { incFiles: node.dIncFiles, incBytes: node.dIncBytes, incOther: node.dIncOther, excFiles: node.dExcFiles, excBytes: node.dExcBytes };
        this.computeDirect(node);
        node.sIncFiles += node.dIncFiles - d0.incFiles;
        node.sIncBytes += node.dIncBytes - d0.incBytes;
        node.sIncOther += node.dIncOther - d0.incOther;
        node.sExcFiles += node.dExcFiles - d0.excFiles;
        node.sExcBytes += node.dExcBytes - d0.excBytes;
        this.propagate(node, before);
      }
      for (const node of list) {
        if (!node.pruned || this.findNode(node.path) !== node) continue;
        const before = snapshot(node);
        this.evalPruned(node);
        this.propagate(node, before);
      }
    } catch (e) {
      if (!(e instanceof Cancelled)) throw e;
      this.cancelled = true;
    }
    this.durationMs += Date.now() - t0;
    return this;
  }

  /** True once excluded counts are complete (countExcluded and no deferred work left). */
  get excludedComplete(): boolean {
    return this.countExcluded && this.deferred === null;
  }

  private propagate(target: DirNode, before: Totals) {
    const after = snapshot(target);
    for (let a = target.parent; a; a = a.parent) {
      a.sIncFiles += after.incFiles - before.incFiles;
      a.sIncBytes += after.incBytes - before.incBytes;
      a.sIncOther += after.incOther - before.incOther;
      a.sExcFiles += after.excFiles - before.excFiles;
      a.sExcBytes += after.excBytes - before.excBytes;
      a.sIncDirs += after.incDirs - before.incDirs;
      a.sPruned += after.pruned - before.pruned;
    }
  }

  // ---- incremental ---------------------------------------------------------------------------

  /**
   * Use new ignore-file text (or re-read it when `text` is undefined). Re-evaluates the index
   * from memory; reads the FS only for directories that were pruned and not counted before.
   * Returns true if anything changed.
   */
  setIgnoreText(text?: string | null): boolean {
    let ig: ResolvedIgnore;
    if (text === undefined) ig = resolveIgnoreFile(this.fs, this.root, this.dockerfile);
    else ig = { path: this.ignorePath, kind: this.ignoreKind, text };
    if (ig.text === this.ignoreText && ig.path === this.ignorePath) return false;
    this.ignorePath = ig.path;
    this.ignoreKind = ig.kind;
    this.ignoreText = ig.text;
    this.ignoreError = ig.error;
    this.ignore = parseDockerignore(ig.text ?? '');
    if (this.rootError) return true;
    this.resetPatternStats();
    clearDPat(this.rootNode);
    const t0 = Date.now();
    this.evaluateFromRoot(t0);
    return true;
  }

  /** Is this absolute path one of the ignore files that could apply? */
  isIgnoreFileCandidate(abs: string): boolean {
    const p = toPosix(abs);
    if (p === this.root + '/.dockerignore') return true;
    if (this.dockerfile && p === this.dockerfile + '.dockerignore') return true;
    return false;
  }

  /**
   * Apply file-watcher events without a full rescan: each affected directory is re-read
   * (one readdir + lstat of its files), re-matched, and the totals of its ancestors adjusted.
   * Events for an ignore file re-evaluate the patterns from memory.
   */
  applyChanges(events: ChangeEvent[]): void {
    let ignoreChanged = false;
    const dirs = new Set<string>();
    for (const ev of events) {
      if (this.isIgnoreFileCandidate(ev.path)) ignoreChanged = true; // and it is a context file too
      const rel = relativeTo(this.root, toPosix(ev.path));
      if (rel === null || rel === '') {
        if (rel === '') this.rescanAll();
        continue;
      }
      dirs.add(dirnamePosix(rel));
      // a deleted or created directory: its parent is re-read; a changed dir itself needs nothing
    }
    if (ignoreChanged) this.setIgnoreText(undefined);
    // parents first so that a new directory is found before its own children
    for (const d of [...dirs].sort((a, b) => a.length - b.length)) this.refreshDir(d);
  }

  private rescanAll() {
    this.rootNode = new DirNode('', null, '');
    this.scan();
  }

  private findNode(rel: string): DirNode | null {
    let n: DirNode = this.rootNode;
    if (rel === '') return n;
    for (const part of rel.split('/')) {
      if (!n.loaded) return null;
      const c = n.dirs.find((d) => d.name === part);
      if (!c) return null;
      n = c;
    }
    return n;
  }

  /** Re-read one directory and fix the totals up the tree. */
  refreshDir(rel: string): void {
    const node = this.findNode(rel);
    if (!node || !node.loaded) return; // not in the index (below an uncounted pruned dir or unknown)
    // inside a pruned subtree: recount the pruned ancestor's subtree entry for this dir only
    let prunedAnc: DirNode | null = null;
    for (let a: DirNode | null = node; a; a = a.parent) if (a.pruned) prunedAnc = a;
    const before = snapshot(prunedAnc ?? node);
    const oldDirs = new Map(node.dirs.map((d) => [d.name, d]));
    this.load(node, node.excluded || !!prunedAnc);
    // keep the subtrees of directories that still exist
    node.dirs = node.dirs.map((d) => {
      const old = oldDirs.get(d.name);
      return old ?? d;
    });
    for (const [name, old] of oldDirs) if (!node.dirs.includes(old)) removeSubtreePat(this, old), void name;
    if (prunedAnc) {
      this.evalPruned(prunedAnc);
    } else {
      // re-match direct files, evaluate new child dirs, recompute this node's totals
      this.computeDirect(node);
      const np = this.ignore.patterns.length;
      const t = this.zero();
      for (const child of node.dirs) {
        if (!oldDirs.has(child.name) || oldDirs.get(child.name) !== child) {
          if (np === 0) { child.excluded = false; child.decidedBy = -1; child.info = null; child.pruned = false; }
          else {
            const info = new Uint8Array(np);
            const r = matchWithParent(this.ignore, child.path, node.parent === null ? null : node.info, info);
            if (r.errorPattern >= 0) this.evaluatedErrors.add(r.errorPattern);
            child.excluded = r.excluded; child.decidedBy = r.decidedBy; child.info = info;
            child.pruned = r.excluded && !shouldDescend(this.ignore, child.path);
          }
          if (child.pruned) this.evalPruned(child); else this.evalDir(child, child.info);
        }
        this.addTotals(t, child);
      }
      this.setSub(node, t);
    }
    this.propagate(prunedAnc ?? node, before);
  }

  // ---- queries -------------------------------------------------------------------------------

  /** Walk the index: included files (regular + symlinks) in byte order of their paths. */
  *includedFiles(): Generator<FileEntry> {
    yield* walkFiles(this.rootNode, false);
  }

  /** The node for a directory (relative path), when walked. */
  dirNode(rel: string): DirNode | null {
    return this.findNode(rel);
  }

  /**
   * Look up one entry: kind, size and whether it is excluded (and by which pattern).
   * `inPruned` names the pruned ancestor when the entry lies in an excluded, unwalked directory.
   */
  lookup(rel: string): { kind: 'file' | 'symlink' | 'other' | 'dir'; size: number; excluded: boolean; decidedBy: number; node?: DirNode; inPruned?: string } | null {
    if (rel === '' ) return { kind: 'dir', size: 0, excluded: false, decidedBy: -1, node: this.rootNode };
    const parts = rel.split('/');
    let n: DirNode = this.rootNode;
    for (let k = 0; k < parts.length; k++) {
      if (n.pruned) {
        // entries below a pruned dir: excluded by its pattern; look up existence in the counted tree
        const rest = parts.slice(k);
        const hit = lookupLoaded(n, rest);
        if (!hit) return null;
        return { ...hit, excluded: true, decidedBy: n.decidedBy, inPruned: n.path };
      }
      const part = parts[k];
      const last = k === parts.length - 1;
      const d = n.dirs.find((x) => x.name === part);
      if (d) {
        if (last) return { kind: 'dir', size: 0, excluded: d.excluded, decidedBy: d.decidedBy, node: d, inPruned: d.pruned ? d.path : undefined };
        n = d;
        continue;
      }
      if (!last) return null;
      const i = n.fileNames.indexOf(part);
      if (i < 0 || n.fileKinds[i] === KIND_GONE) return null;
      const dec = n.fileDecision[i];
      return { kind: kindName(n.fileKinds[i]), size: n.fileSizes[i], excluded: dec < 0, decidedBy: dec === 0 ? -1 : Math.abs(dec) - 1 };
    }
    return null;
  }

  summary(opts: { list?: boolean; topN?: number; examples?: number } = {}): ContextSummary {
    const topN = opts.topN ?? 10;
    const nEx = opts.examples ?? 3;
    const r = this.rootNode;
    const largestDirs = new TopN<SizeEntry>(topN);
    const largestExcl = new TopN<SizeEntry>(topN);
    const largestFiles = new TopN<FileEntry>(topN);
    const examples: string[][] = this.ignore.patterns.map(() => []);
    const stack: DirNode[] = [r];
    while (stack.length) {
      const n = stack.pop() as DirNode;
      if (n.parent !== null) {
        if (n.pruned) {
          largestExcl.add(n.sExcBytes, { path: n.path, bytes: n.sExcBytes, files: n.sExcFiles });
          if (n.decidedBy >= 0 && examples[n.decidedBy].length < nEx) examples[n.decidedBy].push(n.path + '/');
          continue;
        }
        if (!n.excluded) largestDirs.add(n.sIncBytes, { path: n.path, bytes: n.sIncBytes, files: n.sIncFiles });
        else if (n.decidedBy >= 0 && examples[n.decidedBy].length < nEx) examples[n.decidedBy].push(n.path + '/');
      }
      for (let i = 0; i < n.fileNames.length; i++) {
        const dec = n.fileDecision[i];
        if (dec !== 0) {
          const p = Math.abs(dec) - 1;
          if (examples[p].length < nEx) examples[p].push(joinPath(n.path, n.fileNames[i]));
        }
        if (dec >= 0 && (n.fileKinds[i] === KIND_FILE || n.fileKinds[i] === KIND_LINK)) largestFiles.add(n.fileSizes[i], { path: joinPath(n.path, n.fileNames[i]), size: n.fileSizes[i] });
      }
      for (let i = n.dirs.length - 1; i >= 0; i--) stack.push(n.dirs[i]);
    }
    const problems: (IgnoreProblem & { evaluated?: boolean })[] = this.ignore.problems.map((p) => {
      if (p.kind !== 'match') return p;
      const idx = this.ignore.patterns.findIndex((q) => q.line === p.line);
      const evaluated = this.evaluatedErrors.has(idx);
      return { ...p, evaluated, fatal: evaluated };
    });
    const s: ContextSummary = {
      root: this.root,
      ignoreFile: this.ignorePath,
      ignoreFileKind: this.ignoreKind,
      dockerfile: this.dockerfile,
      includedFiles: r.sIncFiles,
      includedBytes: r.sIncBytes,
      includedDirs: r.sIncDirs,
      includedOther: r.sIncOther,
      excludedFiles: r.sExcFiles,
      excludedBytes: r.sExcBytes,
      prunedDirs: r.sPruned,
      excludedComplete: this.excludedComplete,
      largestDirs: largestDirs.sorted(),
      largestFiles: largestFiles.sorted(),
      largestExcludedDirs: largestExcl.sorted(),
      patterns: this.ignore.patterns.map((p, i) => ({
        index: i,
        line: p.line,
        text: p.text,
        exclusion: p.exclusion,
        files: this.patFiles[i] ?? 0,
        bytes: this.patBytes[i] ?? 0,
        dirs: this.patDirs[i] ?? 0,
        examples: examples[i],
      })),
      ignoreProblems: problems,
      errors: this.errors.slice(),
      errorCount: this.errorCount,
      cancelled: this.cancelled,
      durationMs: this.durationMs,
    };
    if (opts.list) s.files = [...this.includedFiles()];
    return s;
  }
}

function kindName(k: number): 'file' | 'symlink' | 'other' {
  return k === KIND_FILE ? 'file' : k === KIND_LINK ? 'symlink' : 'other';
}

function lookupLoaded(n: DirNode, parts: string[]): { kind: 'file' | 'symlink' | 'other' | 'dir'; size: number } | null {
  for (let k = 0; k < parts.length; k++) {
    if (!n.loaded) return null;
    const last = k === parts.length - 1;
    const d = n.dirs.find((x) => x.name === parts[k]);
    if (d) {
      if (last) return { kind: 'dir', size: 0 };
      n = d;
      continue;
    }
    if (!last) return null;
    const i = n.fileNames.indexOf(parts[k]);
    return i < 0 || n.fileKinds[i] === KIND_GONE ? null : { kind: kindName(n.fileKinds[i]), size: n.fileSizes[i] };
  }
  return null;
}

function* walkFiles(n: DirNode, _x: boolean): Generator<FileEntry> {
  // merge files and dirs in byte order of names
  let fi = 0, di = 0;
  while (fi < n.fileNames.length || di < n.dirs.length) {
    const useFile = di >= n.dirs.length || (fi < n.fileNames.length && byteOrder(n.fileNames[fi], n.dirs[di].name) < 0);
    if (useFile) {
      if (n.fileDecision[fi] >= 0 && (n.fileKinds[fi] === KIND_FILE || n.fileKinds[fi] === KIND_LINK)) yield { path: joinPath(n.path, n.fileNames[fi]), size: n.fileSizes[fi] };
      fi++;
    } else {
      const d = n.dirs[di++];
      if (!d.pruned) yield* walkFiles(d, _x);
    }
  }
}

function snapshot(n: DirNode): Totals {
  return { incFiles: n.sIncFiles, incBytes: n.sIncBytes, incOther: n.sIncOther, excFiles: n.sExcFiles, excBytes: n.sExcBytes, incDirs: n.sIncDirs, pruned: n.sPruned };
}

function clearDPat(n: DirNode) {
  n.dPat = [];
  for (const d of n.dirs) clearDPat(d);
}

function removeSubtreePat(ix: ContextIndex, n: DirNode) {
  // subtract the per-pattern contributions of a removed subtree
  const stack = [n];
  while (stack.length) {
    const x = stack.pop() as DirNode;
    for (let k = 0; k < x.dPat.length; k += 4) {
      ix.patFiles[x.dPat[k]] -= x.dPat[k + 1];
      ix.patBytes[x.dPat[k]] -= x.dPat[k + 2];
      ix.patDirs[x.dPat[k]] -= x.dPat[k + 3];
    }
    x.dPat = [];
    if (!x.pruned) stack.push(...x.dirs);
  }
}

/** Byte order of UTF-8 names (Go's lexical WalkDir order) for BMP text; UTF-16 order otherwise. */
export function byteOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

class TopN<T> {
  private items: { k: number; v: T }[] = [];
  constructor(private n: number) {}
  add(k: number, v: T) {
    if (this.n <= 0) return;
    if (this.items.length < this.n) {
      this.items.push({ k, v });
      if (this.items.length === this.n) this.items.sort((a, b) => a.k - b.k);
      return;
    }
    if (k <= this.items[0].k) return;
    this.items[0] = { k, v };
    // keep ascending: bubble up
    for (let i = 0; i + 1 < this.items.length && this.items[i].k > this.items[i + 1].k; i++) {
      const t = this.items[i];
      this.items[i] = this.items[i + 1];
      this.items[i + 1] = t;
    }
  }
  sorted(): T[] {
    return this.items.slice().sort((a, b) => b.k - a.k).map((x) => x.v);
  }
}

/** Scan a context (synchronously; run it in a worker for big trees). Never throws for FS problems. */
export function scanContext(fs: FileSystem, opts: ScanOptions): ContextIndex {
  return new ContextIndex(fs, opts).scan();
}
