//! Did-you-mean suggestions, the algorithm of BuildKit's `util/suggest`: the candidate with
//! the smallest Levenshtein distance, only distances below 3, none for an exact match.
//! Case-insensitive matching returns the candidate in the user's casing (all lower/upper).

export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  const m = a.length, n = b.length;
  if (!m) return n;
  if (!n) return m;
  let prev = new Array<number>(n + 1);
  let cur = new Array<number>(n + 1);
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= m; i++) {
    cur[0] = i;
    for (let j = 1; j <= n; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[n];
}

export function suggest(value: string, options: Iterable<string>, caseSensitive: boolean): string | null {
  let best: string | null = null;
  let bestDist = 3;
  const v = caseSensitive ? value : value.toLowerCase();
  for (const o of options) {
    const oc = caseSensitive ? o : o.toLowerCase();
    if (oc === v) return null;
    const d = levenshtein(v, oc);
    if (d < bestDist) {
      bestDist = d;
      best = o;
    }
  }
  if (best === null || caseSensitive) return best;
  if (value === value.toUpperCase()) return best.toUpperCase();
  if (value === value.toLowerCase()) return best.toLowerCase();
  return best;
}
