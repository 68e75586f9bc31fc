//! COPY/ADD source analysis and `.dockerignore` analysis over a scanned context
//! (a ContextIndex). Pure functions over the in-memory index; no file-system access.
//! They feed DF055 (outside the context), DF056 (not found, did-you-mean), DF057 (excluded
//! by .dockerignore, with the pattern line), DF111/DF112 (heavy directories), DF116
//! (sensitive files) and the COPY/FROM CodeLenses.
//!
//! COPY source semantics (BuildKit): the source is normalized with `path.Join("/", src)`
//! (dockerfile2llb), so `../x` silently becomes `x` (the classic builder fails instead);
//! wildcards are resolved per path component with Go `filepath.Match` (fsutil copy
//! `ResolveWildcards`), over what was *sent*: excluded files are not in the context, so a
//! COPY of an excluded file fails with "not found".

import { goClean, goMatch, hasGlobMeta, BadPatternError } from './goPath';
import { patternMatches, type IgnoreFile } from './dockerignore';
import type { ContextIndex, DirNode } from './scanner';

export interface PatternRef { index: number; line: number; text: string }

export interface CopySourceInfo {
  /** The source as written. */
  source: string;
  /** Context-relative path BuildKit uses ('' = the root). */
  normalized: string;
  /** `../` climbs above the context root (DF055): BuildKit uses `normalized` instead; the classic builder fails. */
  outside: boolean;
  isGlob: boolean;
  /** `.`/`/`: the whole context. */
  isRoot: boolean;
  /** A remote URL (ADD) or otherwise not a context path. */
  remote: boolean;
  status: 'ok' | 'excluded' | 'not-found' | 'invalid-pattern' | 'remote';
  /** Included files (regular + symlinks) the source copies, and their bytes. */
  files: number;
  bytes: number;
  /** Entries the source names (up to 20), context-relative. */
  matches: string[];
  /** For `excluded`: the pattern that excluded it (first one for a glob). */
  excludedBy?: PatternRef;
  /** Files under the source that .dockerignore excluded (directories: partially excluded). */
  excludedFiles: number;
  /** For `not-found`: a did-you-mean path. */
  suggestion?: string;
}

function patRef(ig: IgnoreFile, i: number): PatternRef | undefined {
  const p = ig.patterns[i];
  return p ? { index: i, line: p.line, text: p.text } : undefined;
}

/** BuildKit's normalization of a COPY source and whether `..` escaped the root. */
export function normalizeCopySource(src: string): { normalized: string; outside: boolean } {
  const rel = goClean(src.replace(/^\/+/, ''));
  const outside = rel === '..' || rel.startsWith('../');
  const joined = goClean('/' + src); // path.Join("/", src)
  return { normalized: joined === '/' ? '' : joined.slice(1), outside };
}

export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  const m = a.length, n = b.length;
  if (!m) return n;
  if (!n) return m;
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  let cur = new Array<number>(n + 1);
  for (let i = 1; i <= m; i++) {
    cur[0] = i;
    for (let j = 1; j <= n; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    [prev, cur] = [cur, prev];
  }
  return prev[n];
}

function closest(name: string, options: string[]): string | undefined {
  let best: string | undefined;
  let bestD = 3; // BuildKit's did-you-mean: distance < 3
  for (const o of options) {
    const d = levenshtein(name, o);
    if (d > 0 && d < bestD) {
      bestD = d;
      best = o;
    }
  }
  // a case-only difference is a good suggestion too
  if (!best) best = options.find((o) => o.toLowerCase() === name.toLowerCase() && o !== name);
  return best;
}

function includedNames(n: DirNode): string[] {
  const out: string[] = [];
  for (const d of n.dirs) if (!d.pruned) out.push(d.name);
  for (let i = 0; i < n.fileNames.length; i++) if (n.fileDecision[i] >= 0 && n.fileKinds[i] !== 4) out.push(n.fileNames[i]);
  return out;
}

/** Analyze one COPY/ADD source against the index. */
export function analyzeCopySource(ix: ContextIndex, source: string): CopySourceInfo {
  const base: CopySourceInfo = { source, normalized: '', outside: false, isGlob: false, isRoot: false, remote: false, status: 'ok', files: 0, bytes: 0, matches: [], excludedFiles: 0 };
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(source) || source.startsWith('git@')) return { ...base, remote: true, status: 'remote' };
  const { normalized, outside } = normalizeCopySource(source);
  const info: CopySourceInfo = { ...base, normalized, outside, isGlob: hasGlobMeta(normalized), isRoot: normalized === '' };
  if (info.isRoot) {
    const r = ix.rootNode;
    return { ...info, files: r.sIncFiles, bytes: r.sIncBytes, excludedFiles: r.sExcFiles, matches: [''] };
  }
  if (!info.isGlob) {
    const hit = ix.lookup(normalized);
    if (!hit) return { ...info, status: 'not-found', suggestion: suggestPath(ix, normalized) };
    if (hit.kind === 'dir' && hit.node && !hit.inPruned) {
      const n = hit.node;
      if (n.sIncFiles === 0 && n.excluded) return { ...info, status: 'excluded', excludedBy: patRef(ix.ignore, n.decidedBy), excludedFiles: n.sExcFiles, matches: [normalized] };
      return { ...info, files: n.sIncFiles, bytes: n.sIncBytes, excludedFiles: n.sExcFiles, matches: [normalized] };
    }
    if (hit.excluded) {
      const count = hit.kind === 'dir' && hit.node ? hit.node.sExcFiles : 1;
      return { ...info, status: 'excluded', excludedBy: patRef(ix.ignore, hit.decidedBy), excludedFiles: count, matches: [normalized] };
    }
    const counted = hit.kind === 'file' || hit.kind === 'symlink';
    return { ...info, files: counted ? 1 : 0, bytes: counted ? hit.size : 0, matches: [normalized] };
  }
  // wildcards: per component, filepath.Match, over the index
  const parts = normalized.split('/');
  let frontier: DirNode[] = [ix.rootNode];
  let firstExcluded = -1;
  let excludedCount = 0;
  const out = { ...info };
  try {
    for (let k = 0; k < parts.length; k++) {
      const comp = parts[k];
      const last = k === parts.length - 1;
      const next: DirNode[] = [];
      const glob = hasGlobMeta(comp);
      for (const n of frontier) {
        if (!n.loaded) continue;
        for (const d of n.dirs) {
          if (!(glob ? goMatch(comp, d.name) : comp === d.name)) continue;
          const excludedWhole = d.pruned || (d.excluded && d.sIncFiles === 0);
          if (excludedWhole) {
            excludedCount += d.sExcFiles || 1;
            if (firstExcluded < 0) firstExcluded = d.decidedBy;
            continue;
          }
          if (last) {
            out.files += d.sIncFiles;
            out.bytes += d.sIncBytes;
            out.excludedFiles += d.sExcFiles;
            if (out.matches.length < 20) out.matches.push(d.path);
          } else next.push(d);
        }
        if (!last) continue;
        for (let i = 0; i < n.fileNames.length; i++) {
          const name = n.fileNames[i];
          if (!(glob ? goMatch(comp, name) : comp === name)) continue;
          const dec = n.fileDecision[i];
          if (n.fileKinds[i] === 4) continue; // vanished
          if (dec < 0) {
            excludedCount++;
            if (firstExcluded < 0) firstExcluded = -dec - 1;
            continue;
          }
          const kind = n.fileKinds[i];
          if (kind === 1 || kind === 2) {
            out.files++;
            out.bytes += n.fileSizes[i];
          }
          if (out.matches.length < 20) out.matches.push(n.path ? n.path + '/' + name : name);
        }
      }
      frontier = next;
    }
  } catch (e) {
    if (e instanceof BadPatternError) return { ...info, status: 'invalid-pattern' };
    throw e;
  }
  if (out.matches.length === 0) {
    if (excludedCount > 0) return { ...out, status: 'excluded', excludedBy: patRef(ix.ignore, firstExcluded), excludedFiles: excludedCount };
    return { ...out, status: 'not-found' };
  }
  out.excludedFiles += excludedCount;
  return out;
}

/** Did-you-mean for a missing path: fix the first missing component among its included siblings. */
export function suggestPath(ix: ContextIndex, rel: string): string | undefined {
  const parts = rel.split('/');
  let n = ix.rootNode;
  for (let k = 0; k < parts.length; k++) {
    const names = includedNames(n);
    if (names.includes(parts[k])) {
      const d = n.dirs.find((x) => x.name === parts[k]);
      if (!d) return undefined;
      n = d;
      continue;
    }
    const fix = closest(parts[k], names);
    if (!fix) return undefined;
    const fixed = [...parts.slice(0, k), fix, ...parts.slice(k + 1)].join('/');
    // only suggest when the rest exists too (or this was the last component)
    if (k === parts.length - 1 || ix.lookup(fixed)) return fixed;
    return undefined;
  }
  return undefined;
}

// ---- sensitive files (DF116) --------------------------------------------------------------------

const SENSITIVE_NAMES = [
  /^\.env$/, /^\.env\.(?!example$|sample$|template$|dist$).+/, /^id_(rsa|dsa|ecdsa|ed25519)$/, /\.pem$/, /\.key$/, /\.p12$/, /\.pfx$/,
  /^\.npmrc$/, /^\.pypirc$/, /^\.netrc$/, /^\.git-credentials$/, /^\.dockercfg$/, /^credentials(\.json)?$/, /^secrets?\.(ya?ml|json)$/,
];
const SENSITIVE_DIRS = new Set(['.aws', '.ssh', '.gnupg', '.docker']);

export function isSensitiveName(name: string): boolean {
  return SENSITIVE_NAMES.some((re) => re.test(name));
}

/**
 * Included files a COPY source would copy that look like secrets (`.env`, private keys,
 * `.npmrc`, `.aws/`…). `source` is analyzed like analyzeCopySource; at most `limit` paths.
 */
export function sensitiveFilesCopied(ix: ContextIndex, source: string, limit = 20): string[] {
  const info = analyzeCopySource(ix, source);
  if (info.status !== 'ok') return [];
  const out: string[] = [];
  for (const m of info.matches) {
    const hit = ix.lookup(m);
    if (!hit) continue;
    if (hit.kind === 'dir' && hit.node) collectSensitive(hit.node, out, limit, SENSITIVE_DIRS.has(hit.node.name));
    else if (isSensitiveName(m.slice(m.lastIndexOf('/') + 1))) out.push(m);
    if (out.length >= limit) break;
  }
  return out.slice(0, limit);
}

function collectSensitive(n: DirNode, out: string[], limit: number, inSensitiveDir: boolean) {
  if (n.pruned) return;
  for (let i = 0; i < n.fileNames.length && out.length < limit; i++) {
    if (n.fileDecision[i] < 0 || n.fileKinds[i] === 4) continue;
    if (inSensitiveDir || isSensitiveName(n.fileNames[i])) out.push(n.path ? n.path + '/' + n.fileNames[i] : n.fileNames[i]);
  }
  for (const d of n.dirs) if (out.length < limit) collectSensitive(d, out, limit, inSensitiveDir || SENSITIVE_DIRS.has(d.name));
}

// ---- heavy directories (DF111 / DF112) ------------------------------------------------------------

export const HEAVY_DIR_NAMES = ['.git', 'node_modules', 'dist', 'build', 'target', '.venv', 'venv', '__pycache__', '.next', '.cache', 'coverage', '.terraform', 'vendor'];

export interface HeavyDir {
  /** Context-relative path of the directory. */
  path: string;
  name: string;
  files: number;
  bytes: number;
  /** Share of the context's included bytes (0..1). */
  share: number;
  /** The line to append to .dockerignore (`node_modules` at the root, `**\/node_modules` nested). */
  suggestedPattern: string;
}

/**
 * Included directories that usually should not be sent (VCS data, dependencies, build
 * output), largest first. `.git` and `node_modules` at any depth; the rest only at the root.
 */
export function heavyDirectories(ix: ContextIndex, minBytes = 0): HeavyDir[] {
  const total = ix.rootNode.sIncBytes || 1;
  const found: HeavyDir[] = [];
  const visit = (n: DirNode, depth: number) => {
    for (const d of n.dirs) {
      if (d.pruned) continue;
      const heavy = HEAVY_DIR_NAMES.includes(d.name) && (depth === 0 || d.name === '.git' || d.name === 'node_modules');
      if (heavy && d.sIncFiles > 0 && d.sIncBytes >= minBytes) {
        found.push({ path: d.path, name: d.name, files: d.sIncFiles, bytes: d.sIncBytes, share: d.sIncBytes / total, suggestedPattern: depth === 0 ? d.name : '**/' + d.name });
        continue; // do not report nested ones inside
      }
      visit(d, depth + 1);
    }
  };
  visit(ix.rootNode, 0);
  return found.sort((a, b) => b.bytes - a.bytes);
}

// ---- .dockerignore analysis ---------------------------------------------------------------------

export interface IgnorePatternAnalysis extends PatternRef {
  exclusion: boolean;
  /** Files/bytes this line decides now (excluded; re-included for `!`). */
  files: number;
  bytes: number;
  dirs: number;
  examples: string[];
  /** The pattern matches no path in the context. */
  matchesNothing: boolean;
  /** A later line with the same polarity matches everything this one does (its 0-based line). */
  redundantBy?: number;
}

/** Does this pattern match any path in the index (entry or ancestor, as Docker tests it)? */
export function patternMatchesAnything(ix: ContextIndex, index: number): boolean {
  const p = ix.ignore.patterns[index];
  if (!p) return false;
  const stack: DirNode[] = [ix.rootNode];
  while (stack.length) {
    const n = stack.pop() as DirNode;
    if (n.parent && patternMatches(p, n.path) === true) return true;
    if (!n.loaded) continue;
    for (const f of n.fileNames) if (patternMatches(p, n.path ? n.path + '/' + f : f) === true) return true;
    for (const d of n.dirs) stack.push(d);
  }
  return false;
}

/** Static: a later line `j` with the same polarity that matches everything line `i` matches. */
export function findRedundancy(ig: IgnoreFile): Map<number, number> {
  const out = new Map<number, number>();
  const ps = ig.patterns;
  for (let i = 0; i < ps.length; i++) {
    const a = ps[i];
    for (let j = ps.length - 1; j > i; j--) {
      const b = ps[j];
      if (b.exclusion !== a.exclusion) continue;
      let covers = a.pattern === b.pattern || (b.matchType === 'suffix' && b.pattern === '**');
      if (!covers && a.matchType === 'exact') {
        // a literal path: covered if b matches it or one of its ancestors (parent-directory matching)
        const parts = a.pattern.split('/');
        for (let k = 1; k <= parts.length && !covers; k++) covers = patternMatches(b, parts.slice(0, k).join('/')) === true;
      }
      if (!covers && a.matchType === 'prefix' && a.pattern.endsWith('/**')) {
        const dir = a.pattern.slice(0, -3);
        const parts = dir.split('/');
        for (let k = 1; k <= parts.length && !covers; k++) covers = patternMatches(b, parts.slice(0, k).join('/')) === true;
      }
      if (covers) {
        out.set(i, ps[j].line);
        break;
      }
    }
  }
  return out;
}

/** Per-line hover data and diagnostics input for the ignore file of a scanned context. */
export function analyzeIgnoreFile(ix: ContextIndex, examples = 3): IgnorePatternAnalysis[] {
  const s = ix.summary({ examples, topN: 0 });
  const red = findRedundancy(ix.ignore);
  return s.patterns.map((p) => {
    const decided = p.files + p.dirs > 0;
    return {
      index: p.index,
      line: p.line,
      text: p.text,
      exclusion: p.exclusion,
      files: p.files,
      bytes: p.bytes,
      dirs: p.dirs,
      examples: p.examples,
      matchesNothing: !decided && !patternMatchesAnything(ix, p.index),
      redundantBy: red.get(p.index),
    };
  });
}
