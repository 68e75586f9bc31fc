//! Runs the `shellcheck` binary (Debian package `shellcheck`) for DF080, the way hadolint does.
//! Results are cached by script text, so an edit re-runs ShellCheck only for the RUN it
//! touched. Returns undefined when the binary is not installed.

import { spawnSync } from 'node:child_process';
import type { ShellcheckComment, ShellcheckFn } from '../rules/defineRule';

export function shellcheckRunner(bin = process.env.DOCKWISE_SHELLCHECK || 'shellcheck'): ShellcheckFn | undefined {
  const probe = spawnSync(bin, ['--version'], { encoding: 'utf8', timeout: 5000 });
  if (probe.status !== 0) return undefined;
  const cache = new Map<string, ShellcheckComment[] | null>();
  return (script, dialect) => {
    const key = dialect + '\0' + script;
    const hit = cache.get(key);
    if (hit !== undefined) return hit;
    // hadolint excludes SC2187 (ash), SC1090 and SC1091 (sourced files it cannot see).
    const r = spawnSync(bin, ['--format=json1', '-s', dialect, '-e', 'SC2187,SC1090,SC1091', '-'], { input: script, encoding: 'utf8', timeout: 10000, maxBuffer: 8 << 20 });
    let out: ShellcheckComment[] | null = null;
    if (r.status === 0 || r.status === 1) {
      try {
        out = (JSON.parse(r.stdout) as { comments: ShellcheckComment[] }).comments;
      } catch {
        out = null;
      }
    }
    if (cache.size > 2000) cache.delete(cache.keys().next().value as string);
    cache.set(key, out);
    return out;
  };
}
