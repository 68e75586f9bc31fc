//! `.dockerignore` reading, compiling and matching, exactly as Docker/BuildKit do it.
//! Written from the spec in docs/dockerignore.md (sources: moby/patternmatcher
//! `ignorefile/ignorefile.go` ReadAll, `patternmatcher.go` New / Pattern.compile /
//! Pattern.match / MatchesOrParentMatches / MatchesUsingParentResults; tonistiigi/fsutil
//! `filter.go` for the walk and the pruning rule). No npm ignore library is used.
//! Pure: no file system access.

import { goClean, goMatchSyntaxOk, goTrimSpace } from './goPath';
import { compileGoRegexp, GoRegexpError } from './goRegexp';

export type MatchType = 'exact' | 'prefix' | 'suffix' | 'regexp';

export interface IgnorePattern {
  /** 0-based line in the ignore file. */
  line: number;
  /** The raw line as written (without the line terminator). */
  raw: string;
  /** What ReadAll returns for this line (`!` kept), e.g. `!inverted/abs/path`. */
  text: string;
  /** The cleaned pattern without `!` (patternmatcher `cleanedPattern`). */
  pattern: string;
  exclusion: boolean;
  matchType: MatchType;
  /** For regexp type: the Go regexp source patternmatcher builds. */
  goRegexp?: string;
  /** Set when the Go regexp does not compile: the build fails when this pattern is first evaluated. */
  compileError?: string;
  /** Index in IgnoreFile.patterns. */
  index: number;
  /** @internal */ re?: RegExp | null;
}

export type IgnoreProblemKind = 'read' | 'parse' | 'match' | 'transport' | 'quirk';

export interface IgnoreProblem {
  line: number;
  kind: IgnoreProblemKind;
  /** True when it fails `docker build` (always for read/parse; for match only if evaluated). */
  fatal: boolean;
  /** The message Docker prints (or our explanation for quirks). */
  message: string;
  /** Human explanation of why. */
  reason: string;
}

export interface IgnoreFile {
  patterns: IgnorePattern[];
  /** Problems found while reading/compiling, in line order. */
  problems: IgnoreProblem[];
  /** True if any `read`/`parse` problem exists: the build fails before anything is sent. */
  fatal: boolean;
  /** Some pattern is an exception (`!…`). */
  hasExceptions: boolean;
  /** fsutil `onlyPrefixExcludeExceptions`: every exception is a literal path (trailing `/**`, `/*` aside). */
  onlyPrefixExceptions: boolean;
  /** Exception patterns + '/' (for the pruning check). */
  exceptionPrefixes: string[];
}

const MAX_LINE_BYTES = 64 * 1024;

function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** One line through ReadAll (after comment/BOM handling): the normalized pattern or null when skipped. */
function readAllLine(line: string): string | null {
  if (line.startsWith('#')) return null;
  let p = goTrimSpace(line);
  if (p === '') return null;
  const invert = p[0] === '!';
  if (invert) p = goTrimSpace(p.slice(1));
  if (p.length > 0) {
    p = goClean(p);
    if (p.length > 1 && p[0] === '/') p = p.slice(1);
  }
  return invert ? '!' + p : p;
}

/** patternmatcher `shouldEscape`: only bytes < 64 fit its bitmap, so `|{}` are passed raw. */
function shouldEscape(ch: string): boolean {
  return ch === '.' || ch === '+' || ch === '(' || ch === ')' || ch === '$';
}

/** patternmatcher Pattern.compile with separator `/`: match type and Go regexp source. */
export function compilePatternType(pattern: string): { matchType: MatchType; goRegexp: string } {
  let re = '^';
  let type: MatchType = 'exact';
  const chars = Array.from(pattern);
  let k = 0;
  for (let i = 0; k < chars.length; i++) {
    const ch = chars[k++];
    if (ch === '*') {
      if (chars[k] === '*') {
        k++;
        if (chars[k] === '/') k++;
        if (k >= chars.length) {
          if (type === 'exact') type = 'prefix';
          else {
            re += '.*';
            type = 'regexp';
          }
        } else {
          re += '(.*/)?';
          type = 'regexp';
        }
        if (i === 0) type = 'suffix';
      } else {
        re += '[^/]*';
        type = 'regexp';
      }
    } else if (ch === '?') {
      re += '[^/]';
      type = 'regexp';
    } else if (shouldEscape(ch)) {
      re += '\\' + ch;
    } else if (ch === '\\') {
      if (k < chars.length) {
        re += '\\' + chars[k++];
        type = 'regexp';
      } else re += '\\';
    } else if (ch === '[' || ch === ']') {
      re += ch;
      type = 'regexp';
    } else re += ch;
  }
  return { matchType: type, goRegexp: re + '$' };
}

function hasControlChar(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) return true;
  }
  return false;
}
function hasNonAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return true;
  return false;
}

/** Read and compile an ignore file's text. Never throws. */
export function parseDockerignore(text: string): IgnoreFile {
  const problems: IgnoreProblem[] = [];
  const patterns: IgnorePattern[] = [];
  // bufio.ScanLines: split on \n, drop one trailing \r, no empty token after a final newline.
  const lines = text.split('\n');
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  let fatal = false;
  for (let ln = 0; ln < lines.length; ln++) {
    let raw = lines[ln];
    if (raw.endsWith('\r')) raw = raw.slice(0, -1);
    if (utf8Length(raw) >= MAX_LINE_BYTES) {
      problems.push({ line: ln, kind: 'read', fatal: true, message: 'error reading .dockerignore: bufio.Scanner: token too long', reason: 'A line of 64 KiB or more cannot be read; the build fails.' });
      fatal = true;
      break; // the scanner stops
    }
    const line = ln === 0 && raw.startsWith('\ufeff') ? raw.slice(1) : raw;
    const read = readAllLine(line);
    if (read === null) continue;
    // patternmatcher.New
    let p = goTrimSpace(read);
    if (p === '') continue;
    p = goClean(p);
    let exclusion = false;
    if (p[0] === '!') {
      if (p.length === 1) {
        problems.push({ line: ln, kind: 'parse', fatal: true, message: 'illegal exclusion pattern: "!"', reason: 'A `!` with no pattern after it is rejected and fails the build.' });
        fatal = true;
        continue;
      }
      exclusion = true;
      p = p.slice(1);
    }
    if (!goMatchSyntaxOk(p)) {
      problems.push({ line: ln, kind: 'parse', fatal: true, message: 'syntax error in pattern', reason: syntaxReason(p) });
      fatal = true;
      continue;
    }
    const { matchType, goRegexp } = compilePatternType(p);
    const pat: IgnorePattern = { line: ln, raw: lines[ln], text: read, pattern: p, exclusion, matchType, index: patterns.length };
    if (matchType === 'regexp') {
      pat.goRegexp = goRegexp;
      try {
        pat.re = compileGoRegexp(goRegexp);
      } catch (e) {
        pat.re = null;
        pat.compileError = e instanceof GoRegexpError ? e.message : String(e);
        problems.push({
          line: ln,
          kind: 'match',
          fatal: false,
          message: 'syntax error in pattern',
          reason: `Docker turns this pattern into the Go regexp \`${goRegexp}\`, which does not compile (${pat.compileError}). The build fails as soon as this pattern is evaluated.`,
        });
      }
      if (/[|{}]/.test(p) && pat.re) {
        problems.push({ line: ln, kind: 'quirk', fatal: false, message: '`|`, `{` or `}` in a wildcard pattern has Go regexp meaning', reason: `patternmatcher passes \`|\`, \`{\` and \`}\` to its regexp unescaped, so this pattern is the regexp \`${goRegexp}\` (alternation or repetition), not a literal.` });
      }
    }
    patterns.push(pat);
  }
  // BuildKit (session/filesync encodeStringForHeader) sends the patterns as gRPC metadata and
  // URL-encodes them only if some pattern has a non-ASCII rune; otherwise a control character
  // is rejected by gRPC: "header key ... contains value with non-printable ASCII characters".
  if (!patterns.some((q) => hasNonAscii(q.text))) {
    for (const q of patterns) {
      if (!hasControlChar(q.text)) continue;
      problems.push({ line: q.line, kind: 'transport', fatal: true, message: 'header key "exclude-patterns" contains value with non-printable ASCII characters', reason: 'BuildKit sends the patterns in a gRPC header; a control character there fails the build (BuildKit only, moby/patternmatcher#11).' });
      fatal = true;
    }
    problems.sort((a, b) => a.line - b.line);
  }
  const exceptions = patterns.filter((q) => q.exclusion);
  const onlyPrefixExceptions = exceptions.every((q) => !/[*[\]?^\\]/.test(stripTrailingGlob(q.pattern)));
  return {
    patterns,
    problems,
    fatal,
    hasExceptions: exceptions.length > 0,
    onlyPrefixExceptions,
    exceptionPrefixes: exceptions.map((q) => q.pattern + '/'),
  };
}

function stripTrailingGlob(p: string): string {
  if (p.endsWith('/**')) p = p.slice(0, -3);
  if (p.endsWith('/*')) p = p.slice(0, -2);
  return p;
}

function syntaxReason(p: string): string {
  if (p.endsWith('\\')) return 'The pattern ends with an escape character `\\` (a trailing space cannot be escaped; it is trimmed).';
  if (/\[[^\]]*$/.test(p) || p.endsWith('[^') || p.endsWith('[')) return 'A character class `[` is not closed.';
  if (p.includes('[]')) return 'An empty character class `[]` is not allowed (`]` must be escaped).';
  if (/\[[^\]]*-\]|\[-|\[\^-/.test(p)) return 'A `-` in a character class must be escaped or form a range.';
  return 'Go filepath.Match rejects this pattern (bad character class or escape); the build fails.';
}

// ---- matching ---------------------------------------------------------------------------------

/** Thrown-free error marker: evaluating a pattern whose regexp does not compile. */
export interface MatchResult {
  excluded: boolean;
  /** Index (in IgnoreFile.patterns) of the pattern that decided, or -1 if none matched. */
  decidedBy: number;
  /** Index of a pattern whose evaluation failed (the build would fail), or -1. */
  errorPattern: number;
}

/** Pattern.match for one path. Returns null on a match-time error. */
export function patternMatches(p: IgnorePattern, path: string): boolean | null {
  switch (p.matchType) {
    case 'exact':
      return path === p.pattern;
    case 'prefix':
      return path.startsWith(p.pattern.slice(0, -2));
    case 'suffix': {
      const suffix = p.pattern.slice(2);
      if (path.endsWith(suffix)) return true;
      return suffix[0] === '/' && path === suffix.slice(1);
    }
    case 'regexp':
      if (!p.re) return null;
      return p.re.test(path);
  }
}

function countSlashes(s: string): number {
  let c = 0;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) === 47) c++;
  return c;
}

/**
 * patternmatcher MatchesUsingParentResults, as the BuildKit walker (fsutil) calls it.
 * `parent` is the parent directory's info (null for entries at the root). When `out` is given,
 * it receives this entry's info (needed for directories).
 */
export function matchWithParent(f: IgnoreFile, path: string, parent: Uint8Array | null, out: Uint8Array | null): MatchResult {
  const pats = f.patterns;
  let matched = false;
  let decidedBy = -1;
  let errorPattern = -1;
  if (out) out.fill(0);
  for (let i = 0; i < pats.length; i++) {
    const p = pats[i];
    if (p.exclusion !== matched) continue;
    if (parent && parent[i]) {
      if (out) out[i] = 1;
      matched = !p.exclusion;
      decidedBy = i;
      continue;
    }
    let m = patternMatches(p, path);
    if (m === null) {
      if (errorPattern < 0) errorPattern = i;
      m = false;
      // Docker stops here with an error; we keep going to give a useful answer.
    }
    if (!m && !parent) {
      const dirs = countSlashes(p.pattern) + 1;
      if (dirs <= countSlashes(path)) {
        const prefix = path.split('/').slice(0, dirs).join('/');
        m = patternMatches(p, prefix) === true;
      }
    }
    if (m) {
      if (out) out[i] = 1;
      matched = !p.exclusion;
      decidedBy = i;
    }
  }
  return { excluded: matched, decidedBy, errorPattern };
}

/** patternmatcher MatchesOrParentMatches (stateless; the CLI's ValidateContextDirectory and the daemon use it). */
export function matchesOrParentMatches(f: IgnoreFile, path: string): MatchResult {
  const parentPaths: string[] = [];
  const parts = path.split('/');
  for (let k = 1; k < parts.length; k++) parentPaths.push(parts.slice(0, k).join('/'));
  let matched = false;
  let decidedBy = -1;
  let errorPattern = -1;
  for (let i = 0; i < f.patterns.length; i++) {
    const p = f.patterns[i];
    if (p.exclusion !== matched) continue;
    let m = patternMatches(p, path);
    if (m === null) {
      if (errorPattern < 0) errorPattern = i;
      m = false;
    }
    if (!m) {
      for (const pp of parentPaths) {
        if (patternMatches(p, pp) === true) {
          m = true;
          break;
        }
      }
    }
    if (m) {
      matched = !p.exclusion;
      decidedBy = i;
    }
  }
  return { excluded: matched, decidedBy, errorPattern };
}

/**
 * The BuildKit walk result for one path, as if the tree held just that path and its
 * ancestors: evaluates every ancestor directory first (MatchesUsingParentResults), honours
 * fsutil's pruning of excluded directories. `isDir` only matters for the last component.
 */
export function evaluatePath(f: IgnoreFile, path: string): MatchResult & { prunedAt?: string } {
  const parts = path.split('/');
  let parent: Uint8Array | null = null;
  let errorPattern = -1;
  for (let k = 1; k < parts.length; k++) {
    const dir = parts.slice(0, k).join('/');
    const info = new Uint8Array(f.patterns.length);
    const r = matchWithParent(f, dir, parent, info);
    if (r.errorPattern >= 0 && errorPattern < 0) errorPattern = r.errorPattern;
    if (r.excluded && !shouldDescend(f, dir)) return { excluded: true, decidedBy: r.decidedBy, errorPattern, prunedAt: dir };
    parent = info;
  }
  const r = matchWithParent(f, path, parent, null);
  return { excluded: r.excluded, decidedBy: r.decidedBy, errorPattern: errorPattern >= 0 ? errorPattern : r.errorPattern };
}

/** fsutil: may an excluded directory hold re-included entries (so the walker must descend)? */
export function shouldDescend(f: IgnoreFile, dir: string): boolean {
  if (!f.hasExceptions) return false;
  if (!f.onlyPrefixExceptions) return true;
  const dirSlash = dir + '/';
  for (const e of f.exceptionPrefixes) if (e.startsWith(dirSlash)) return true;
  return false;
}

/** Convenience: the decided pattern for a path, or null. */
export function decidingPattern(f: IgnoreFile, r: MatchResult): IgnorePattern | null {
  return r.decidedBy >= 0 ? f.patterns[r.decidedBy] : null;
}
