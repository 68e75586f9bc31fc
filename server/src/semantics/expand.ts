//! Best-effort variable expansion with BuildKit's modifiers (`shell/lex.go`):
//! `$v`, `${v}`, `${v:-w}`, `${v-w}`, `${v:+w}`, `${v+w}`, `${v:?w}`, `${v?w}`,
//! `${v#p}`, `${v##p}`, `${v%p}`, `${v%%p}`, `${v/p/r}`, `${v//p/r}`, and `\$`.

/** undefined: not declared; null: declared without a value; string: the value. */
export type Lookup = (name: string) => string | null | undefined;

export interface ExpandOptions {
  /** What an undeclared variable becomes: '' (as BuildKit does) or kept as written. */
  unknown: 'empty' | 'keep';
}

function isNameChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

function globToRegex(p: string): string {
  let out = '';
  for (const c of p) {
    if (c === '*') out += '.*';
    else if (c === '?') out += '.';
    else out += c.replace(/[\\^$.|+()[\]{}]/g, '\\$&');
  }
  return out;
}

export function expandText(text: string, lookup: Lookup, opts: ExpandOptions, depth = 0): string {
  if (depth > 8 || text.indexOf('$') < 0) return text;
  let out = '';
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i];
    if (c === '\\' && text[i + 1] === '$') { out += '\\$'; i += 2; continue; }
    if (c !== '$') {
      const next = text.indexOf('$', i + 1);
      const stop = next < 0 ? n : next;
      // Copy the run up to the next `$` (an escaped `\$` is handled on the next round).
      const bs = text.indexOf('\\$', i);
      const end = bs >= 0 && bs < stop ? bs : stop;
      if (end > i) { out += text.slice(i, end); i = end; continue; }
      out += c; i++; continue;
    }
    if (text[i + 1] === '{') {
      let j = i + 2;
      const ns = j;
      while (j < n && isNameChar(text.charCodeAt(j))) j++;
      const name = text.slice(ns, j);
      let depthB = 1;
      let k = j;
      while (k < n) {
        if (text[k] === '$' && text[k + 1] === '{') { depthB++; k += 2; continue; }
        if (text[k] === '}') { depthB--; if (depthB === 0) break; }
        k++;
      }
      if (k >= n || !name) { out += text.slice(i); break; }
      const rest = text.slice(j, k);
      const whole = text.slice(i, k + 1);
      i = k + 1;
      const v = lookup(name);
      const isSet = v !== undefined && v !== null;
      const val = isSet ? (v as string) : '';
      if (rest === '') {
        out += v === undefined && opts.unknown === 'keep' ? whole : val;
        continue;
      }
      const m = /^(:?[-+?]|##?|%%?|\/\/?)([\s\S]*)$/.exec(rest);
      if (!m) { out += whole; continue; }
      const op = m[1];
      const word = expandText(m[2], lookup, opts, depth + 1);
      const nonEmpty = isSet && val !== '';
      switch (op) {
        case ':-': out += nonEmpty ? val : word; break;
        case '-': out += isSet ? val : word; break;
        case ':+': out += nonEmpty ? word : ''; break;
        case '+': out += isSet ? word : ''; break;
        case ':?': case '?': out += v === undefined && opts.unknown === 'keep' ? whole : val; break;
        case '#': case '##': {
          const re = new RegExp('^' + globToRegex(word));
          if (op === '#') {
            let best = val;
            for (let l = 0; l <= val.length; l++) if (re.test(val.slice(0, l)) && new RegExp('^' + globToRegex(word) + '$').test(val.slice(0, l))) { best = val.slice(l); break; }
            out += best;
          } else {
            let best = val;
            for (let l = val.length; l >= 0; l--) if (new RegExp('^' + globToRegex(word) + '$').test(val.slice(0, l))) { best = val.slice(l); break; }
            out += best;
          }
          break;
        }
        case '%': case '%%': {
          const re = new RegExp('^' + globToRegex(word) + '$');
          let best = val;
          if (op === '%') { for (let l = val.length; l >= 0; l--) if (re.test(val.slice(l))) { best = val.slice(0, l); break; } }
          else { for (let l = 0; l <= val.length; l++) if (re.test(val.slice(l))) { best = val.slice(0, l); break; } }
          out += best;
          break;
        }
        default: {
          // `/p/r` and `//p/r`
          const slash = word.indexOf('/');
          const pat = slash >= 0 ? word.slice(0, slash) : word;
          const rep = slash >= 0 ? word.slice(slash + 1) : '';
          if (!pat) { out += val; break; }
          const re = new RegExp(globToRegex(pat), op === '//' ? 'g' : '');
          out += val.replace(re, () => rep);
        }
      }
      continue;
    }
    let j = i + 1;
    while (j < n && isNameChar(text.charCodeAt(j))) j++;
    if (j === i + 1 || !/[A-Za-z_]/.test(text[i + 1])) { out += '$'; i++; continue; }
    const name = text.slice(i + 1, j);
    const v = lookup(name);
    out += v === undefined ? (opts.unknown === 'keep' ? text.slice(i, j) : '') : (v ?? '');
    i = j;
  }
  return out;
}
