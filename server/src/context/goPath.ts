//! Ports of the Go standard-library pieces that `.dockerignore` handling depends on:
//! `strings.TrimSpace` (Go's `unicode.IsSpace`, which differs from JS `trim()`),
//! `path/filepath.Clean` (Unix) and `path/filepath.Match` (Unix: `\` escapes).
//! Source: Go `strings/strings.go`, `path/filepath/path.go`, `path/filepath/match.go`
//! (current Go, which validates the whole pattern before returning false).
//! Strings are handled as code points; Go works on UTF-8 bytes, which gives the same
//! results for valid text (a lone surrogate stands for an invalid byte, see nodeFileSystem).

/** Go `unicode.IsSpace`: `\t \n \v \f \r`, space, U+0085, U+00A0 and the Unicode `Z` spaces. Not U+FEFF. */
export function isGoSpace(c: number): boolean {
  if (c <= 0xff) return c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0x85 || c === 0xa0;
  return c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000;
}

/** Go `strings.TrimSpace`. */
export function goTrimSpace(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && isGoSpace(s.charCodeAt(a))) a++;
  while (b > a && isGoSpace(s.charCodeAt(b - 1))) b--;
  return a === 0 && b === s.length ? s : s.slice(a, b);
}

/**
 * Whether `p.slice(0, end)` (not empty) is its own `goClean`: no empty, `.` or `..` component
 * (a leading `/` aside).
 */
function isClean(p: string, end: number): boolean {
  let start = p.charCodeAt(0) === 47 ? 1 : 0;
  if (start === end) return true; // `/`
  for (let i = start; i <= end; i++) {
    if (i < end && p.charCodeAt(i) !== 47) continue;
    const len = i - start;
    if (len === 0) return false;
    if (p.charCodeAt(start) === 46 && (len === 1 || (len === 2 && p.charCodeAt(start + 1) === 46))) return false;
    start = i + 1;
  }
  return true;
}

/** Go `filepath.Clean` with `/` as the separator (Linux/macOS client). `""` → `"."`. */
export function goClean(p: string): string {
  if (p === '') return '.';
  // Most paths are already clean, or clean but for a trailing `/`: no split and join for them.
  const end = p.length > 1 && p.charCodeAt(p.length - 1) === 47 ? p.length - 1 : p.length;
  if (isClean(p, end)) return end === p.length ? p : p.slice(0, end);
  const rooted = p.charCodeAt(0) === 47;
  const out: string[] = [];
  let dotdot = 0; // number of leading `..` kept in `out` (unrooted only)
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length > dotdot) out.pop();
      else if (!rooted) {
        out.push('..');
        dotdot++;
      }
      continue;
    }
    out.push(part);
  }
  const body = out.join('/');
  if (rooted) return '/' + body;
  return body === '' ? '.' : body;
}

export class BadPatternError extends Error {
  constructor() {
    super('syntax error in pattern');
  }
}

// ---- filepath.Match -------------------------------------------------------------------------

interface Chunk { star: boolean; chunk: string; rest: string }

function scanChunk(pattern: string): Chunk {
  let star = false;
  while (pattern.length > 0 && pattern.charCodeAt(0) === 42 /* * */) {
    pattern = pattern.slice(1);
    star = true;
  }
  let inrange = false;
  let i = 0;
  scan: for (; i < pattern.length; i++) {
    switch (pattern[i]) {
      case '\\':
        if (i + 1 < pattern.length) i++;
        break;
      case '[':
        inrange = true;
        break;
      case ']':
        inrange = false;
        break;
      case '*':
        if (!inrange) break scan;
        break;
    }
  }
  return { star, chunk: pattern.slice(0, i), rest: pattern.slice(i) };
}

function cpAt(s: string, i: number): number {
  return s.codePointAt(i) as number;
}
function cpLen(c: number): number {
  return c > 0xffff ? 2 : 1;
}
function isLoneSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdfff;
}

/** Go `getEsc`: one class character, possibly escaped. Returns [rune, rest]. */
function getEsc(chunk: string): [number, string] {
  if (chunk.length === 0 || chunk[0] === '-' || chunk[0] === ']') throw new BadPatternError();
  if (chunk[0] === '\\') {
    chunk = chunk.slice(1);
    if (chunk.length === 0) throw new BadPatternError();
  }
  const r = cpAt(chunk, 0);
  if (isLoneSurrogate(r)) throw new BadPatternError(); // invalid UTF-8 in Go
  const next = chunk.slice(cpLen(r));
  if (next.length === 0) throw new BadPatternError();
  return [r, next];
}

/** Go `matchChunk` (current version: keeps checking syntax after a failure). Returns the rest of `s` or null. */
function matchChunk(chunk: string, s: string): string | null {
  let failed = false;
  while (chunk.length > 0) {
    if (!failed && s.length === 0) failed = true;
    const c = chunk[0];
    if (c === '[') {
      let r = -1;
      if (!failed) {
        r = cpAt(s, 0);
        s = s.slice(cpLen(r));
      }
      chunk = chunk.slice(1);
      let negated = false;
      if (chunk.length > 0 && chunk[0] === '^') {
        negated = true;
        chunk = chunk.slice(1);
      }
      let match = false;
      let nrange = 0;
      for (;;) {
        if (chunk.length > 0 && chunk[0] === ']' && nrange > 0) {
          chunk = chunk.slice(1);
          break;
        }
        let lo: number, hi: number;
        [lo, chunk] = getEsc(chunk);
        hi = lo;
        if (chunk[0] === '-') [hi, chunk] = getEsc(chunk.slice(1));
        if (lo <= r && r <= hi) match = true;
        nrange++;
      }
      if (match === negated) failed = true;
    } else if (c === '?') {
      if (!failed) {
        if (s[0] === '/') failed = true;
        s = s.slice(cpLen(cpAt(s, 0)));
      }
      chunk = chunk.slice(1);
    } else {
      if (c === '\\') {
        chunk = chunk.slice(1);
        if (chunk.length === 0) throw new BadPatternError();
      }
      if (!failed) {
        if (chunk[0] !== s[0]) failed = true;
        s = s.slice(1);
      }
      chunk = chunk.slice(1);
    }
  }
  return failed ? null : s;
}

/** Go `filepath.Match(pattern, name)` on Unix. Throws BadPatternError for a malformed pattern. */
export function goMatch(pattern: string, name: string): boolean {
  outer: while (pattern.length > 0) {
    const sc = scanChunk(pattern);
    const { star, chunk } = sc;
    pattern = sc.rest;
    if (star && chunk === '') return !name.includes('/');
    const t = matchChunk(chunk, name);
    if (t !== null && (t.length === 0 || pattern.length > 0)) {
      name = t;
      continue;
    }
    if (star) {
      for (let i = 0; i < name.length && name[i] !== '/'; i++) {
        const t2 = matchChunk(chunk, name.slice(i + 1));
        if (t2 !== null) {
          if (pattern.length === 0 && t2.length > 0) continue;
          name = t2;
          continue outer;
        }
      }
    }
    // Before returning false, check that the remainder of the pattern is syntactically valid.
    while (pattern.length > 0) {
      const sc2 = scanChunk(pattern);
      pattern = sc2.rest;
      matchChunk(sc2.chunk, '');
    }
    return false;
  }
  return name.length === 0;
}

/** The `filepath.Match(p, ".")` syntax check that `patternmatcher.New` runs. */
export function goMatchSyntaxOk(pattern: string): boolean {
  try {
    goMatch(pattern, '.');
    return true;
  } catch (e) {
    if (e instanceof BadPatternError) return false;
    throw e;
  }
}

/** True if the string has a Go `filepath.Match` meta character (`Glob`'s `hasMeta`: `*?[` and `\`). */
export function hasGlobMeta(p: string): boolean {
  return /[*?[\\]/.test(p);
}
