//! A small recursive-descent parser for the POSIX shell as it appears in Dockerfile RUN
//! instructions. It is not a full shell: it recovers what rules need — simple commands with
//! their words (quotes removed, expansions kept verbatim), the operators between them
//! (`&&`, `||`, `;`, `|`, `&`, newlines), subshell depth, command substitutions (parsed
//! recursively), env-assignment prefixes, redirections, and wrappers such as `sudo`/`env`.
//! Compound commands (`if`/`for`/`while`/`case`/`{ }`) are flattened: their reserved words are
//! skipped and the commands inside are reported. Pure, never throws; unbalanced quotes or
//! parentheses are reported in `errors` and parsing continues.
//!
//! Offsets: the parser works on a *cleaned* string (Dockerfile line continuations and comment
//! lines removed, as BuildKit hands it to the shell) with a map from each cleaned index to the
//! source offset, so every word carries absolute document offsets usable in quick fixes.

export interface ShWord {
  /** Text as written (quotes kept), from the cleaned string. */
  raw: string;
  /** Quotes and backslashes removed; `$…` expansions kept verbatim. */
  value: string;
  /** Absolute source offsets. */
  start: number;
  end: number;
  quoted: boolean;
  /** Contains `$`, a backtick or a command substitution. */
  expansion: boolean;
}

export type ShOp = '&&' | '||' | ';' | '|' | '|&' | '&' | '\n';

export interface ShRedirect {
  op: string;
  target: ShWord | null;
  start: number;
  end: number;
}

export interface ShCommand {
  /** All command words as written, without assignment prefixes and redirections. */
  words: ShWord[];
  /** `NAME=value` prefixes. */
  assigns: ShWord[];
  redirects: ShRedirect[];
  /** Words after wrappers (`sudo`, `env`, `exec`, `nohup`, `time`, `command`, `nice`, `gosu user`…). */
  argv: ShWord[];
  /** The `sudo` word when the command is run through sudo/doas. */
  sudo: ShWord | null;
  /** Basename of argv[0] (`/usr/bin/apt-get` → `apt-get`); '' when there is none. */
  name: string;
  start: number;
  end: number;
  /** Operator before this command (null for the first one of a list). */
  opBefore: ShOp | null;
  /** Operator after it (null at the end). */
  opAfter: ShOp | null;
  /** Span of `opAfter` (absolute). */
  opAfterSpan: { start: number; end: number } | null;
  /** Nesting depth of `( … )` subshells. */
  subshell: number;
  /** True inside `$( … )` or backticks. */
  substitution: boolean;
  /** True inside an `if`/`while`/`for`/`case`/`{ }` body or condition. */
  compound: boolean;
}

export interface ShError {
  start: number;
  end: number;
  message: string;
}

export interface ShScript {
  commands: ShCommand[];
  errors: ShError[];
  /** Absolute span of the parsed text. */
  start: number;
  end: number;
}

/** Cleaned text plus, for each index, the absolute source offset (one extra entry for the end). */
export interface MappedText {
  text: string;
  map: Int32Array;
}

/**
 * Removes Dockerfile line continuations (escape char + optional blanks + newline) and the comment
 * and empty lines BuildKit drops inside a continued instruction, keeping an offset map.
 */
export function cleanContinuations(source: string, start: number, end: number, escape: string): MappedText {
  const chars: string[] = [];
  const map: number[] = [];
  let p = start;
  while (p < end) {
    const c = source[p];
    if (c === escape) {
      let q = p + 1;
      while (q < end && (source[q] === ' ' || source[q] === '\t' || source[q] === '\r')) q++;
      if (q < end && source[q] === '\n') {
        p = q + 1;
        // Drop following comment lines and blank lines (BuildKit does).
        for (;;) {
          let r = p;
          while (r < end && (source[r] === ' ' || source[r] === '\t' || source[r] === '\r')) r++;
          if (r < end && (source[r] === '\n' || source[r] === '#')) {
            const nl = source.indexOf('\n', r);
            if (nl < 0 || nl >= end) { p = end; break; }
            p = nl + 1;
            continue;
          }
          break;
        }
        continue;
      }
      if (q >= end) { p = end; break; }
    }
    chars.push(c);
    map.push(p);
    p++;
  }
  map.push(end);
  return { text: chars.join(''), map: Int32Array.from(map) };
}

/** Identity mapping for text that is used as is (heredoc bodies). */
export function identityText(source: string, start: number, end: number): MappedText {
  const n = end - start;
  const map = new Int32Array(n + 1);
  for (let i = 0; i <= n; i++) map[i] = start + i;
  return { text: source.slice(start, end), map };
}

const RESERVED_SKIP = new Set(['if', 'then', 'else', 'elif', 'fi', 'do', 'done', 'while', 'until', '!', '{', '}', 'esac']);
const WRAPPERS_SIMPLE = new Set(['exec', 'nohup', 'time', 'command', 'builtin', 'eval']);
const SUDO_OPTS_WITH_ARG = new Set(['-u', '-g', '-C', '-D', '-h', '-p', '-r', '-t', '-U', '--user', '--group']);

type Tok =
  | { t: 'word'; w: ShWord; a: number; b: number }
  | { t: 'op'; op: string; a: number; b: number }
  | { t: 'redir'; op: string; a: number; b: number };

function isBlank(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\r';
}

function isOpChar(c: string): boolean {
  return c === '&' || c === '|' || c === ';' || c === '(' || c === ')' || c === '<' || c === '>' || c === '\n';
}

class Lexer {
  errors: ShError[] = [];
  subs: [number, number][] = [];
  constructor(private s: string, private map: Int32Array) {}

  abs(i: number): number {
    return this.map[Math.min(i, this.map.length - 1)];
  }

  err(a: number, b: number, message: string): void {
    this.errors.push({ start: this.abs(a), end: this.abs(b), message });
  }

  /** Skips a `$( … )` / `$(( … ))` starting at `i` (pointing at `$`); returns the index after it. */
  private skipParen(i: number, to: number): number {
    let depth = 0;
    let j = i + 1;
    const innerStart = i + 2;
    for (; j < to; j++) {
      const c = this.s[j];
      if (c === '\\') { j++; continue; }
      if (c === "'") { const k = this.s.indexOf("'", j + 1); if (k < 0 || k >= to) { j = to; break; } j = k; continue; }
      if (c === '"') { j = this.skipDouble(j, to) - 1; continue; }
      if (c === '(') depth++;
      else if (c === ')') { depth--; if (depth === 0) { this.subs.push([innerStart, j]); return j + 1; } }
    }
    this.err(i, to, 'unterminated $(');
    return to;
  }

  /** `i` at the `{` of `${`; returns the index after the matching `}`. */
  private skipBrace(i: number, to: number): number {
    let depth = 1;
    for (let j = i + 1; j < to; j++) {
      const c = this.s[j];
      if (c === '\\') { j++; continue; }
      if (c === '{') depth++;
      else if (c === '}') { depth--; if (depth === 0) return j + 1; }
    }
    this.err(i, to, 'unterminated ${');
    return to;
  }

  private skipBacktick(i: number, to: number): number {
    for (let j = i + 1; j < to; j++) {
      if (this.s[j] === '\\') { j++; continue; }
      if (this.s[j] === '`') { this.subs.push([i + 1, j]); return j + 1; }
    }
    this.err(i, to, 'unterminated backquote');
    return to;
  }

  /** `i` at the opening `"`; returns index after the closing quote. */
  private skipDouble(i: number, to: number, out?: string[]): number {
    for (let j = i + 1; j < to; j++) {
      const c = this.s[j];
      if (c === '\\' && j + 1 < to) {
        const n = this.s[j + 1];
        if (n === '$' || n === '`' || n === '"' || n === '\\' || n === '\n') { out?.push(n === '\n' ? '' : n); j++; continue; }
        out?.push(c);
        continue;
      }
      if (c === '"') return j + 1;
      if (c === '$' && this.s[j + 1] === '(') { const k = this.skipParen(j, to); out?.push(this.s.slice(j, k)); j = k - 1; continue; }
      if (c === '$' && this.s[j + 1] === '{') { const k = this.skipBrace(j + 1, to); out?.push(this.s.slice(j, k)); j = k - 1; continue; }
      if (c === '`') { const k = this.skipBacktick(j, to); out?.push(this.s.slice(j, k)); j = k - 1; continue; }
      out?.push(c);
    }
    this.err(i, to, 'unterminated double quote');
    return to;
  }

  tokens(from: number, to: number): Tok[] {
    const s = this.s;
    const out: Tok[] = [];
    let i = from;
    let atWordStart = true;
    while (i < to) {
      const c = s[i];
      if (isBlank(c)) { i++; atWordStart = true; continue; }
      if (c === '#' && atWordStart) {
        while (i < to && s[i] !== '\n') i++;
        continue;
      }
      // Redirections, possibly with a leading fd number.
      let j = i;
      while (j < to && s[j] >= '0' && s[j] <= '9') j++;
      if (j < to && (s[j] === '<' || s[j] === '>') ) {
        let k = j + 1;
        if (s[j] === '<' && s[k] === '<') { k++; if (s[k] === '<' || s[k] === '-') k++; }
        else if (s[k] === '>' || s[k] === '&' || s[k] === '|') k++;
        else if (s[j] === '<' && s[k] === '>') k++;
        out.push({ t: 'redir', op: s.slice(i, k), a: i, b: k });
        i = k;
        atWordStart = true;
        continue;
      }
      if (c === '&' && s[i + 1] === '>') {
        const k = s[i + 2] === '>' ? i + 3 : i + 2;
        out.push({ t: 'redir', op: s.slice(i, k), a: i, b: k });
        i = k;
        continue;
      }
      if (isOpChar(c)) {
        let op = c;
        const n = s[i + 1];
        if ((c === '&' && n === '&') || (c === '|' && n === '|') || (c === ';' && n === ';') || (c === '|' && n === '&')) op = c + n;
        out.push({ t: 'op', op, a: i, b: i + op.length });
        i += op.length;
        atWordStart = true;
        continue;
      }
      // A word.
      const a = i;
      const val: string[] = [];
      let quoted = false;
      let expansion = false;
      while (i < to) {
        const ch = s[i];
        if (isBlank(ch) || isOpChar(ch)) break;
        if (ch === '\\') {
          if (i + 1 < to) { if (s[i + 1] !== '\n') val.push(s[i + 1]); i += 2; } else i++;
          quoted = true;
          continue;
        }
        if (ch === "'") {
          const k = s.indexOf("'", i + 1);
          const e = k < 0 || k >= to ? to : k;
          if (e === to) this.err(i, to, 'unterminated single quote');
          val.push(s.slice(i + 1, e));
          i = Math.min(to, e + 1);
          quoted = true;
          continue;
        }
        if (ch === '"') {
          const before = this.subs.length;
          const k = this.skipDouble(i, to, val);
          if (this.subs.length > before || s.slice(i, k).includes('$')) expansion = true;
          i = k;
          quoted = true;
          continue;
        }
        if (ch === '$' && s[i + 1] === "'") {
          const k = s.indexOf("'", i + 2);
          const e = k < 0 || k >= to ? to : k;
          val.push(s.slice(i + 2, e));
          i = Math.min(to, e + 1);
          quoted = true;
          continue;
        }
        if (ch === '$' && s[i + 1] === '(') {
          const k = this.skipParen(i, to);
          val.push(s.slice(i, k));
          i = k;
          expansion = true;
          continue;
        }
        if (ch === '$' && s[i + 1] === '{') {
          const k = this.skipBrace(i + 1, to);
          val.push(s.slice(i, k));
          i = k;
          expansion = true;
          continue;
        }
        if (ch === '`') {
          const k = this.skipBacktick(i, to);
          val.push(s.slice(i, k));
          i = k;
          expansion = true;
          continue;
        }
        if (ch === '$') expansion = true;
        val.push(ch);
        i++;
      }
      out.push({ t: 'word', a, b: i, w: { raw: s.slice(a, i), value: val.join(''), start: this.abs(a), end: this.abs(i - 1) + 1, quoted, expansion } });
      atWordStart = false;
    }
    return out;
  }
}

const ASSIGN_RE = /^[A-Za-z_][A-Za-z0-9_]*(\[[^\]]*\])?\+?=/;

export function basename(v: string): string {
  const k = v.lastIndexOf('/');
  return k >= 0 ? v.slice(k + 1) : v;
}

export function stripWrappers(words: ShWord[]): { argv: ShWord[]; sudo: ShWord | null } {
  let i = 0;
  let sudo: ShWord | null = null;
  for (let guard = 0; guard < 8 && i < words.length; guard++) {
    const n = basename(words[i].value);
    if (n === 'sudo' || n === 'doas') {
      sudo = words[i];
      i++;
      while (i < words.length && words[i].value.startsWith('-')) {
        const o = words[i].value;
        i++;
        if (SUDO_OPTS_WITH_ARG.has(o) && i < words.length) i++;
        if (o === '--') break;
      }
      continue;
    }
    if (n === 'env') {
      i++;
      while (i < words.length && (words[i].value.startsWith('-') || ASSIGN_RE.test(words[i].value))) {
        const o = words[i].value;
        i++;
        if ((o === '-u' || o === '--unset' || o === '-C') && i < words.length) i++;
      }
      continue;
    }
    // `command -v X` / `command -V X` looks X up; it does not run it.
    if (n === 'command' && (words[i + 1]?.value === '-v' || words[i + 1]?.value === '-V')) break;
    if (WRAPPERS_SIMPLE.has(n)) {
      i++;
      while (i < words.length && words[i].value.startsWith('-')) i++;
      continue;
    }
    if (n === 'nice' || n === 'ionice') {
      i++;
      while (i < words.length && words[i].value.startsWith('-')) {
        const o = words[i].value;
        i++;
        if ((o === '-n' || o === '-c') && i < words.length) i++;
      }
      continue;
    }
    if (n === 'gosu' || n === 'su-exec' || n === 'chroot') {
      i += 2;
      continue;
    }
    break;
  }
  return { argv: words.slice(i), sudo };
}

class Parser {
  commands: ShCommand[] = [];
  constructor(private lx: Lexer) {}

  run(toks: Tok[], substitution: boolean): void {
    let cur: { words: ShWord[]; assigns: ShWord[]; redirects: ShRedirect[]; a: number; b: number } | null = null;
    let depth = 0;
    let compound = 0;
    let opBefore: ShOp | null = null;
    let skipUntil: string | null = null; // for `case … esac`
    const finish = (op: ShOp | null, opSpan: { start: number; end: number } | null) => {
      if (cur && (cur.words.length || cur.assigns.length || cur.redirects.length)) {
        const { argv, sudo } = stripWrappers(cur.words);
        this.commands.push({
          words: cur.words, assigns: cur.assigns, redirects: cur.redirects, argv, sudo,
          name: argv.length ? basename(argv[0].value) : '',
          start: this.lx.abs(cur.a), end: this.lx.abs(cur.b - 1) + 1,
          opBefore, opAfter: op, opAfterSpan: opSpan, subshell: depth, substitution, compound: compound > 0,
        });
        opBefore = op;
      } else if (op && op !== '\n') {
        opBefore = op;
      }
      cur = null;
    };
    for (let k = 0; k < toks.length; k++) {
      const tk = toks[k];
      if (skipUntil) {
        if (tk.t === 'word' && tk.w.value === skipUntil) { skipUntil = null; compound = Math.max(0, compound - 1); }
        continue;
      }
      if (tk.t === 'op') {
        const span = { start: this.lx.abs(tk.a), end: this.lx.abs(tk.b - 1) + 1 };
        switch (tk.op) {
          case '(':
            finish(null, null);
            depth++;
            break;
          case ')':
            finish(null, null);
            if (depth > 0) depth--;
            else this.lx.err(tk.a, tk.b, 'unmatched )');
            break;
          case ';;':
            finish(';', span);
            break;
          default:
            finish(tk.op as ShOp, span);
        }
        continue;
      }
      if (tk.t === 'redir') {
        if (!cur) cur = { words: [], assigns: [], redirects: [], a: tk.a, b: tk.b };
        const nx = toks[k + 1];
        let target: ShWord | null = null;
        if (nx && nx.t === 'word') { target = nx.w; k++; cur.b = nx.b; } else cur.b = tk.b;
        cur.redirects.push({ op: tk.op, target, start: this.lx.abs(tk.a), end: target ? target.end : this.lx.abs(tk.b - 1) + 1 });
        continue;
      }
      const w = tk.w;
      if (!cur || (cur.words.length === 0 && cur.assigns.length === 0)) {
        if (!w.quoted && RESERVED_SKIP.has(w.raw)) {
          if (w.raw === 'if' || w.raw === 'while' || w.raw === 'until' || w.raw === '{') compound++;
          if ((w.raw === 'fi' || w.raw === 'done' || w.raw === '}') && compound > 0) compound--;
          continue;
        }
        if (!w.quoted && (w.raw === 'for' || w.raw === 'select')) {
          // `for NAME [in words…]` up to `;`/newline/`do`.
          compound++;
          while (k + 1 < toks.length && toks[k + 1].t === 'word' && (toks[k + 1] as { w: ShWord }).w.raw !== 'do') k++;
          continue;
        }
        if (!w.quoted && w.raw === 'case') {
          compound++;
          skipUntil = 'esac';
          continue;
        }
      }
      if (!cur) cur = { words: [], assigns: [], redirects: [], a: tk.a, b: tk.b };
      if (cur.words.length === 0 && ASSIGN_RE.test(w.raw)) cur.assigns.push(w);
      else cur.words.push(w);
      cur.b = tk.b;
    }
    finish(null, null);
    if (depth > 0 && toks.length) this.lx.err(toks[toks.length - 1].a, toks[toks.length - 1].b, 'unclosed (');
  }
}

/** Parses `text` (with its source map). */
export function parseShellMapped(mt: MappedText): ShScript {
  const lx = new Lexer(mt.text, mt.map);
  const p = new Parser(lx);
  p.run(lx.tokens(0, mt.text.length), false);
  // Command substitutions, breadth first (each pass may discover nested ones).
  for (let n = 0; n < lx.subs.length && n < 200; n++) {
    const [a, b] = lx.subs[n];
    p.run(lx.tokens(a, b), true);
  }
  p.commands.sort((x, y) => x.start - y.start);
  return { commands: p.commands, errors: lx.errors, start: mt.map[0], end: mt.map[mt.map.length - 1] };
}

/** Parses a standalone shell string (offsets relative to `base`). */
export function parseShell(text: string, base = 0): ShScript {
  return parseShellMapped({ text, map: identityMap(text.length, base) });
}

function identityMap(n: number, base: number): Int32Array {
  const m = new Int32Array(n + 1);
  for (let i = 0; i <= n; i++) m[i] = base + i;
  return m;
}
