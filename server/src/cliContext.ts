//! `dockwise context [--dockerfile F] [--format text|json] [--list] DIR`: what `docker build`
//! would send from DIR. JSON keys: root, ignoreFile, includedFiles, includedBytes,
//! excludedFiles, excludedBytes (+ `files: [{path, size}]` with --list: POSIX paths relative
//! to the root, regular files and symlinks, sizes as lstat reports), plus details
//! (largestDirs, largestFiles, patterns, ignoreProblems, errors).
//! Exit codes: 0 ok; 1 the context root is missing or the ignore file fails the build; 2 usage.
import * as path from 'node:path';
import { nodeFileSystem } from './node/nodeFileSystem';
import { scanContext, type ContextSummary } from './context/scanner';

type Out = ((s: string) => void) | { write(s: string): unknown };
export interface ContextCliIO { stdout: Out; stderr: Out }

function emit(o: Out, s: string) {
  if (typeof o === 'function') o(s);
  else o.write(s);
}

const USAGE = 'usage: dockwise context [--dockerfile F] [--format text|json] [--list] DIR\n';

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let v = n / 1024;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${v.toFixed(1)} ${units[u]}`;
}

export async function runContextCommand(argv: string[], io: ContextCliIO): Promise<number> {
  let format: 'text' | 'json' = 'text';
  let list = false;
  let dockerfile: string | undefined;
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = (name: string): string | null => {
      if (a.startsWith(name + '=')) return a.slice(name.length + 1);
      if (i + 1 < argv.length) return argv[++i];
      emit(io.stderr, `dockwise: ${name} needs a value\n${USAGE}`);
      return null;
    };
    if (a === '--format' || a.startsWith('--format=')) {
      const v = val('--format');
      if (v !== 'text' && v !== 'json') {
        if (v !== null) emit(io.stderr, `dockwise: unknown format '${v}' (expected text or json)\n${USAGE}`);
        return 2;
      }
      format = v;
    } else if (a === '--dockerfile' || a.startsWith('--dockerfile=') || a === '-f') {
      const v = val(a === '-f' ? '-f' : '--dockerfile');
      if (v === null) return 2;
      dockerfile = v;
    } else if (a === '--list') list = true;
    else if (a === '-h' || a === '--help') {
      emit(io.stdout, USAGE);
      return 0;
    } else if (a === '--') positional.push(...argv.slice(i + 1)), (i = argv.length);
    else if (a.startsWith('-') && a !== '-') {
      emit(io.stderr, `dockwise: unknown option '${a}'\n${USAGE}`);
      return 2;
    } else positional.push(a);
  }
  // accept being called with the sub-command name still in argv
  if (positional.length === 2 && positional[0] === 'context') positional.shift();
  if (positional.length !== 1) {
    emit(io.stderr, `dockwise: context needs exactly one DIR\n${USAGE}`);
    return 2;
  }
  const root = path.resolve(positional[0]);
  // docker build: -f is relative to the current directory; the default is <context>/Dockerfile
  const df = dockerfile !== undefined ? path.resolve(dockerfile) : path.join(root, 'Dockerfile');
  const ix = scanContext(nodeFileSystem, { root, dockerfile: df });
  const s = ix.summary({ list });
  const rootMissing = s.errors.some((e) => e.path === '' && e.code !== 'EISDIR' && !e.path.endsWith('.dockerignore'));
  const ignoreFatal = s.ignoreProblems.some((p) => p.fatal);
  if (format === 'json') emit(io.stdout, JSON.stringify(toJson(s, list), null, 2) + '\n');
  else emit(io.stdout, toText(s, list));
  if (rootMissing) {
    emit(io.stderr, `dockwise: ${s.errors.find((e) => e.path === '')?.message}\n`);
    return 1;
  }
  return ignoreFatal ? 1 : 0;
}

function toJson(s: ContextSummary, list: boolean) {
  const out: Record<string, unknown> = {
    root: s.root,
    ignoreFile: s.ignoreFile,
    includedFiles: s.includedFiles,
    includedBytes: s.includedBytes,
    excludedFiles: s.excludedFiles,
    excludedBytes: s.excludedBytes,
    includedDirs: s.includedDirs,
    prunedDirs: s.prunedDirs,
    largestDirs: s.largestDirs,
    largestFiles: s.largestFiles,
    patterns: s.patterns.map((p) => ({ line: p.line + 1, pattern: p.text, files: p.files, bytes: p.bytes, examples: p.examples })),
    ignoreProblems: s.ignoreProblems.map((p) => ({ line: p.line + 1, kind: p.kind, fatal: p.fatal, message: p.message, reason: p.reason })),
    errors: s.errors,
  };
  if (list) out.files = s.files ?? [];
  return out;
}

function toText(s: ContextSummary, list: boolean): string {
  const lines: string[] = [];
  lines.push(`context:  ${s.root}`);
  lines.push(`ignore:   ${s.ignoreFile ?? '(none)'}`);
  lines.push(`included: ${s.includedFiles} files, ${formatBytes(s.includedBytes)}`);
  lines.push(`excluded: ${s.excludedFiles} files, ${formatBytes(s.excludedBytes)}${s.prunedDirs ? ` (${s.prunedDirs} directories not walked)` : ''}`);
  if (s.largestDirs.length) {
    lines.push('largest directories:');
    for (const d of s.largestDirs.slice(0, 5)) lines.push(`  ${formatBytes(d.bytes).padStart(10)}  ${d.path}/ (${d.files} files)`);
  }
  if (s.patterns.length) {
    lines.push('patterns:');
    for (const p of s.patterns) lines.push(`  line ${p.line + 1}: ${p.text.padEnd(24)} ${p.exclusion ? 're-includes' : 'excludes'} ${p.files} files, ${formatBytes(p.bytes)}`);
  }
  for (const p of s.ignoreProblems) lines.push(`${s.ignoreFile ?? '.dockerignore'}:${p.line + 1}: ${p.fatal ? 'error' : 'warning'}: ${p.message}: ${p.reason}`);
  for (const e of s.errors) lines.push(`${e.excluded ? 'warning' : 'error'}: ${e.path || s.root}: ${e.message}`);
  if (list && s.files) for (const f of s.files) lines.push(`${String(f.size).padStart(12)}  ${f.path}`);
  return lines.join('\n') + '\n';
}
