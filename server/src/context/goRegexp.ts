//! Translate a Go `regexp` (RE2 syntax, `regexp.Compile` = Perl flags: PerlX, OneLine,
//! ClassNL, UnicodeGroups) into an equivalent JavaScript `RegExp` with the `u` flag.
//!
//! moby/patternmatcher builds a Go regexp from each wildcard pattern, and the raw
//! characters `[ ] { } | ^` and every `\x` escape of the pattern reach the Go regexp parser
//! (see docs/dockerignore.md §4). To get Docker's matches *and* Docker's errors, this module
//! parses the string with Go's rules (`regexp/syntax/parse.go`: `parseClass`,
//! `parseNamedClass`, `parseUnicodeClass`, `parsePerlClassEscape`, `parseEscape`,
//! `parseRepeat`, `repeat`) and emits JS syntax. Differences handled:
//! Go `.` = `[^\n]`; Go `\s` is ASCII-only; POSIX `[:alpha:]` classes; quantified
//! assertions (`^{2}`) are legal in Go; repeat counts > 1000 and nested repeats are errors;
//! `\Q…\E`; literal `{`, `}`, `]` outside classes; escaped punctuation is always literal.

export class GoRegexpError extends Error {}

const MAX_RUNE = 0x10ffff;
type Range = [number, number];

const POSIX: Record<string, Range[]> = {
  alnum: [[0x30, 0x39], [0x41, 0x5a], [0x61, 0x7a]],
  alpha: [[0x41, 0x5a], [0x61, 0x7a]],
  ascii: [[0, 0x7f]],
  blank: [[0x09, 0x09], [0x20, 0x20]],
  cntrl: [[0, 0x1f], [0x7f, 0x7f]],
  digit: [[0x30, 0x39]],
  graph: [[0x21, 0x7e]],
  lower: [[0x61, 0x7a]],
  print: [[0x20, 0x7e]],
  punct: [[0x21, 0x2f], [0x3a, 0x40], [0x5b, 0x60], [0x7b, 0x7e]],
  space: [[0x09, 0x0d], [0x20, 0x20]],
  upper: [[0x41, 0x5a]],
  word: [[0x30, 0x39], [0x41, 0x5a], [0x5f, 0x5f], [0x61, 0x7a]],
  xdigit: [[0x30, 0x39], [0x41, 0x46], [0x61, 0x66]],
};
const PERL: Record<string, Range[]> = {
  d: [[0x30, 0x39]],
  s: [[0x09, 0x0a], [0x0c, 0x0d], [0x20, 0x20]],
  w: [[0x30, 0x39], [0x41, 0x5a], [0x5f, 0x5f], [0x61, 0x7a]],
};
const GO_CATEGORIES = new Set(
  'C Cc Cf Co Cs L Ll Lm Lo Lt Lu M Mc Me Mn N Nd Nl No P Pc Pd Pe Pf Pi Po Ps S Sc Sk Sm So Z Zl Zp Zs'.split(' '),
);

function negate(rs: Range[]): Range[] {
  const sorted = rs.slice().sort((a, b) => a[0] - b[0]);
  const out: Range[] = [];
  let next = 0;
  for (const [lo, hi] of sorted) {
    if (lo > next) out.push([next, lo - 1]);
    next = Math.max(next, hi + 1);
  }
  if (next <= MAX_RUNE) out.push([next, MAX_RUNE]);
  return out;
}

function hex(c: number): string {
  return '\\u{' + c.toString(16) + '}';
}
function rangesToClassBody(rs: Range[]): string {
  let s = '';
  for (const [lo, hi] of rs) s += lo === hi ? hex(lo) : hex(lo) + '-' + hex(hi);
  return s;
}
function literalJs(c: number): string {
  if ((c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f) return String.fromCharCode(c);
  return hex(c);
}

function isAlnum(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}
function unhex(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x61 && c <= 0x66) return c - 0x61 + 10;
  if (c >= 0x41 && c <= 0x46) return c - 0x41 + 10;
  return -1;
}

const scriptOk = new Map<string, boolean>();
function unicodeTableJs(name: string): string | null {
  if (name === 'Any') return '\\u{0}-\\u{10ffff}';
  if (GO_CATEGORIES.has(name)) return `\\p{${name}}`;
  if (!/^[A-Za-z_]+$/.test(name)) return null;
  let ok = scriptOk.get(name);
  if (ok === undefined) {
    try {
      new RegExp(`\\p{Script=${name}}`, 'u');
      ok = true;
    } catch {
      ok = false;
    }
    scriptOk.set(name, ok);
  }
  return ok ? `\\p{Script=${name}}` : null;
}

/** Translate; throws GoRegexpError with Go's error text on invalid syntax. */
export function goRegexpToJs(src: string): string {
  let i = 0;
  const n = src.length;
  const cp = (): number => src.codePointAt(i) as number;
  const adv = (c: number) => {
    i += c > 0xffff ? 2 : 1;
  };

  // A concatenation is a list of atoms; alternations and groups are handled with a stack.
  interface Frame { alts: string[]; atoms: string[]; lastRepeat: boolean }
  const stack: Frame[] = [];
  let cur: Frame = { alts: [], atoms: [], lastRepeat: false };
  const fail = (msg: string): never => {
    throw new GoRegexpError('error parsing regexp: ' + msg);
  };

  /** Go parseEscape at src[i] === '\\'. Returns the rune. */
  function parseEscape(): number {
    const start = i;
    i++; // backslash
    if (i >= n) fail('trailing backslash at end of expression: ``');
    const c = cp();
    adv(c);
    if (c < 0x80 && !isAlnum(c)) return c;
    if (c >= 0x31 && c <= 0x37) {
      // A single non-zero digit is a backreference (unsupported), unless followed by an octal digit.
      const d = src.charCodeAt(i);
      if (!(i < n && d >= 0x30 && d <= 0x37)) fail('invalid escape sequence: `' + src.slice(start, i) + '`');
    }
    if (c >= 0x30 && c <= 0x37) {
      let r = c - 0x30;
      for (let k = 1; k < 3; k++) {
        const d = src.charCodeAt(i);
        if (!(i < n && d >= 0x30 && d <= 0x37)) break;
        r = r * 8 + d - 0x30;
        i++;
      }
      return r;
    }
    switch (c) {
      case 0x78: {
        // \x
        if (i >= n) break;
        let c2 = cp();
        adv(c2);
        if (c2 === 0x7b) {
          let nhex = 0;
          let r = 0;
          for (;;) {
            if (i >= n) return fail('invalid escape sequence: `' + src.slice(start, i) + '`');
            c2 = cp();
            adv(c2);
            if (c2 === 0x7d) break;
            const v = unhex(c2);
            if (v < 0) return fail('invalid escape sequence: `' + src.slice(start, i) + '`');
            r = r * 16 + v;
            if (r > MAX_RUNE) return fail('invalid escape sequence: `' + src.slice(start, i) + '`');
            nhex++;
          }
          if (nhex === 0) break;
          return r;
        }
        const x = unhex(c2);
        let y = -1;
        if (i < n) {
          const c3 = cp();
          adv(c3);
          y = unhex(c3);
        }
        if (x < 0 || y < 0) break;
        return x * 16 + y;
      }
      case 0x61: return 7; // \a
      case 0x66: return 12; // \f
      case 0x6e: return 10; // \n
      case 0x72: return 13; // \r
      case 0x74: return 9; // \t
      case 0x76: return 11; // \v
    }
    return fail('invalid escape sequence: `' + src.slice(start, i) + '`');
  }

  /** `\p{Name}` / `\PN` at src[i]. Returns a JS class member (inside `[...]`) or null if not present. */
  function parseUnicodeClass(): { js: string; neg: boolean } | null {
    if (src[i] !== '\\' || (src[i + 1] !== 'p' && src[i + 1] !== 'P')) return null;
    const start = i;
    let neg = src[i + 1] === 'P';
    i += 2;
    let name: string;
    if (i < n && src[i] === '{') {
      const end = src.indexOf('}', i);
      if (end < 0) return fail('invalid character class range: `' + src.slice(start) + '`');
      name = src.slice(i + 1, end);
      i = end + 1;
    } else if (i < n) {
      const c = cp();
      adv(c);
      name = String.fromCodePoint(c);
    } else {
      name = '';
    }
    if (name.startsWith('^')) {
      neg = !neg;
      name = name.slice(1);
    }
    const js = unicodeTableJs(name);
    if (js === null) return fail('invalid character class range: `' + src.slice(start, i) + '`');
    return { js, neg };
  }

  function parsePerl(): Range[] | null {
    if (src[i] !== '\\') return null;
    const c = src[i + 1];
    if (c === undefined) return null;
    const base = PERL[c.toLowerCase()];
    if (!base || !'dswDSW'.includes(c)) return null;
    i += 2;
    return c === c.toUpperCase() ? negate(base) : base;
  }

  /** Go parseClass at src[i] === '['. Returns JS class text. */
  function parseClass(): string {
    const start = i;
    i++;
    let negated = false;
    if (i < n && src[i] === '^') {
      negated = true;
      i++;
    }
    let body = '';
    let first = true;
    while (i >= n || src[i] !== ']' || first) {
      first = false;
      if (i >= n) fail('missing closing ]: `' + src.slice(start) + '`');
      // POSIX [:alnum:]
      if (n - i > 2 && src[i] === '[' && src[i + 1] === ':') {
        const j = src.indexOf(':]', i + 2);
        if (j >= 0) {
          const full = src.slice(i, j + 2);
          let name = src.slice(i + 2, j);
          let neg = false;
          if (name.startsWith('^')) {
            neg = true;
            name = name.slice(1);
          }
          const g = Object.prototype.hasOwnProperty.call(POSIX, name) ? POSIX[name] : undefined;
          if (!g) fail('invalid character class range: `' + full + '`');
          body += rangesToClassBody(neg ? negate(g as Range[]) : (g as Range[]));
          i = j + 2;
          continue;
        }
      }
      const uc = parseUnicodeClass();
      if (uc) {
        if (uc.js.startsWith('\\p')) body += uc.neg ? '\\P' + uc.js.slice(2) : uc.js;
        else if (!uc.neg) body += uc.js; // Any
        continue; // negated Any adds nothing
      }
      const perl = parsePerl();
      if (perl) {
        body += rangesToClassBody(perl);
        continue;
      }
      const rngStart = i;
      const lo = parseClassChar(start);
      let hi = lo;
      if (n - i >= 2 && src[i] === '-' && src[i + 1] !== ']') {
        i++;
        hi = parseClassChar(start);
        if (hi < lo) fail('invalid character class range: `' + src.slice(rngStart, i) + '`');
      }
      body += lo === hi ? hex(lo) : hex(lo) + '-' + hex(hi);
    }
    i++; // ]
    return '[' + (negated ? '^' : '') + body + ']';
  }

  function parseClassChar(classStart: number): number {
    if (i >= n) fail('missing closing ]: `' + src.slice(classStart) + '`');
    if (src[i] === '\\') return parseEscape();
    const c = cp();
    adv(c);
    return c;
  }

  function pushAtom(js: string) {
    cur.atoms.push(js);
    cur.lastRepeat = false;
  }

  function applyRepeat(q: string, before: number) {
    // Perl: a trailing `?` makes it non-greedy (same match set).
    if (i < n && src[i] === '?') {
      i++;
      q += '?';
    }
    if (cur.lastRepeat) fail('invalid nested repetition operator: `' + src.slice(before, i) + '`');
    if (cur.atoms.length === 0) fail('missing argument to repetition operator: `' + src.slice(before, i) + '`');
    const last = cur.atoms.pop() as string;
    cur.atoms.push('(?:' + last + ')' + q);
    cur.lastRepeat = true;
  }

  /** Go parseRepeat at `{`: [min, max, end] or null (then `{` is a literal). */
  function parseRepeat(): [number, number, number] | null {
    let j = i + 1;
    const parseInt = (): number | null => {
      if (j >= n || src[j] < '0' || src[j] > '9') return null;
      if (n - j >= 2 && src[j] === '0' && src[j + 1] >= '0' && src[j + 1] <= '9') return null;
      let v = 0;
      while (j < n && src[j] >= '0' && src[j] <= '9') {
        if (v >= 1e8) v = -1;
        else if (v >= 0) v = v * 10 + src.charCodeAt(j) - 0x30;
        j++;
      }
      return v;
    };
    let min = parseInt();
    if (min === null) return null;
    if (j >= n) return null;
    let max: number;
    if (src[j] !== ',') max = min;
    else {
      j++;
      if (j >= n) return null;
      if (src[j] === '}') max = -1;
      else {
        const m = parseInt();
        if (m === null) return null;
        max = m;
        if (max < 0) min = -1;
      }
    }
    if (j >= n || src[j] !== '}') return null;
    return [min, max, j + 1];
  }

  while (i < n) {
    const c = src[i];
    switch (c) {
      case '(': {
        if (src[i + 1] === '?') fail('missing argument to repetition operator: `?`'); // never produced by patternmatcher
        i++;
        stack.push(cur);
        cur = { alts: [], atoms: [], lastRepeat: false };
        break;
      }
      case '|':
        i++;
        cur.alts.push(cur.atoms.join(''));
        cur.atoms = [];
        cur.lastRepeat = false;
        break;
      case ')': {
        if (stack.length === 0) fail('unexpected ): `' + src + '`');
        i++;
        cur.alts.push(cur.atoms.join(''));
        const inner = cur.alts.join('|');
        cur = stack.pop() as Frame;
        pushAtom('(?:' + inner + ')');
        break;
      }
      case '^':
        i++;
        pushAtom('^');
        break;
      case '$':
        i++;
        pushAtom('$');
        break;
      case '.':
        i++;
        pushAtom('[^\\n]');
        break;
      case '[':
        pushAtom(parseClass());
        break;
      case '*':
      case '+':
      case '?': {
        const before = i;
        i++;
        applyRepeat(c, before);
        break;
      }
      case '{': {
        const before = i;
        const r = parseRepeat();
        if (!r) {
          i++;
          pushAtom(literalJs(0x7b));
          break;
        }
        const [min, max, end] = r;
        i = end;
        if (min < 0 || min > 1000 || max > 1000 || (max >= 0 && min > max)) fail('invalid repeat count: `' + src.slice(before, end) + '`');
        applyRepeat(max === -1 ? `{${min},}` : min === max ? `{${min}}` : `{${min},${max}}`, before);
        break;
      }
      case '\\': {
        const c1 = src[i + 1];
        if (c1 === 'A') { i += 2; pushAtom('^'); break; }
        if (c1 === 'z') { i += 2; pushAtom('$'); break; }
        if (c1 === 'b') { i += 2; pushAtom('\\b'); break; }
        if (c1 === 'B') { i += 2; pushAtom('\\B'); break; }
        if (c1 === 'C') fail('invalid escape sequence: `\\C`');
        if (c1 === 'Q') {
          i += 2;
          const e = src.indexOf('\\E', i);
          const lit = e < 0 ? src.slice(i) : src.slice(i, e);
          i = e < 0 ? n : e + 2;
          for (const ch of lit) pushAtom(literalJs(ch.codePointAt(0) as number));
          break;
        }
        const uc = parseUnicodeClass();
        if (uc) {
          if (uc.js.startsWith('\\p')) pushAtom(uc.neg ? '\\P' + uc.js.slice(2) : uc.js);
          else pushAtom(uc.neg ? '[]' : '[' + uc.js + ']');
          break;
        }
        const perl = parsePerl();
        if (perl) {
          pushAtom('[' + rangesToClassBody(perl) + ']');
          break;
        }
        pushAtom(literalJs(parseEscape()));
        break;
      }
      default: {
        const ch = cp();
        adv(ch);
        pushAtom(literalJs(ch));
      }
    }
  }
  if (stack.length > 0) fail('missing closing ): `' + src + '`');
  cur.alts.push(cur.atoms.join(''));
  return cur.alts.join('|');
}

/** Compile a Go regexp source to a JS RegExp (flag `u`). Throws GoRegexpError. */
export function compileGoRegexp(src: string): RegExp {
  const js = goRegexpToJs(src);
  try {
    return new RegExp(js, 'u');
  } catch (e) {
    throw new GoRegexpError('error parsing regexp: ' + (e as Error).message);
  }
}
