//! Copies of strings that must not keep a version of the document text alive.
//!
//! V8 represents a substring of 13 or more characters as a view into its parent (a "sliced
//! string"): a node's `argsText`, a shell word or a message quoting either pins the whole text
//! of the version it was cut from. The incremental parser keeps unchanged nodes across edits,
//! so without copies every instruction edited once pins one full version of the file (measured
//! before this module: 43 versions, 20 MB, after 200 edits at random lines of a 20,000-line file).
//! Results that outlive an edit (freshly lexed nodes, shell scripts cached per node, cached rule
//! reports) go through `detachStrings` once, when they are made.

/** V8 copies substrings shorter than this (SlicedString::kMinLength); longer ones are views. */
const MIN_VIEW = 13;

/** `s` as a string that shares no storage with a longer string. */
export function flatCopy(s: string): string {
  if (s.length < MIN_VIEW) return s;
  // The concatenation is flattened into a new sequential string by the substring operation; the
  // result is a view into that copy (one character longer than `s`), never into the original.
  return (' ' + s).slice(1);
}

/**
 * Replaces, in place, every string of 13+ characters reachable through plain objects and arrays
 * of `x` with a copy (`flatCopy`). Other objects (maps, typed arrays, class instances) and frozen
 * objects are left alone. Meant for tree-shaped data (nodes, scripts, reports): a shared object
 * is visited once per path, and `depth` stops a cycle.
 */
export function detachStrings(x: unknown, depth = 0): void {
  if (typeof x !== 'object' || x === null || depth > 16) return;
  if (Array.isArray(x)) {
    for (let i = 0; i < x.length; i++) {
      const v: unknown = x[i];
      if (typeof v === 'string') { if (v.length >= MIN_VIEW) x[i] = flatCopy(v); } else if (typeof v === 'object' && v !== null) detachStrings(v, depth + 1);
    }
    return;
  }
  const proto = Object.getPrototypeOf(x);
  if ((proto !== Object.prototype && proto !== null) || Object.isFrozen(x)) return;
  const o = x as Record<string, unknown>;
  for (const k in o) {
    const v = o[k];
    if (typeof v === 'string') {
      if (v.length >= MIN_VIEW) {
        try { o[k] = flatCopy(v); } catch { /* a read-only or accessor property: leave it */ }
      }
    } else if (typeof v === 'object' && v !== null) detachStrings(v, depth + 1);
  }
}
