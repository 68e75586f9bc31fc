//! The `dockwise` command line: `dockwise check [--format text|json] [--locale en|ko] FILE...`
//! and `dockwise context …`. Uses the same analysis as the language server.
//! JSON contract and exit codes: ../shared/docs/rules.md §7.11 (1 if any error-severity
//! diagnostic, else 0; 2 for usage errors or unreadable input, other files still checked).

import * as fs from 'node:fs';
import { parse } from './syntax/parser';
import { buildModel } from './semantics/model';
import { resolveSeverities, runRules, type Finding } from './rules/engine';
import { positionAt } from './syntax/lineIndex';
import type { Locale } from './features/locale';
import { runContextCommand } from './cliContext';

export interface CliIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

export interface JsonDiagnostic {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: 'error' | 'warning' | 'info' | 'hint';
  code: string;
  name: string;
  message: string;
  fixable: boolean;
}

const USAGE = `usage:
  dockwise check [--format text|json] [--locale en|ko] FILE...
  dockwise context [--dockerfile F] [--format text|json] [--list] DIR
  dockwise --version
`;

export function toJsonDiagnostics(file: string, text: string, lineStarts: number[], findings: Finding[], locale: Locale): JsonDiagnostic[] {
  return findings.map((f) => {
    const a = positionAt(lineStarts, text.length, f.span.start);
    const b = positionAt(lineStarts, text.length, f.span.end);
    return {
      file, line: a.line + 1, column: a.character + 1, endLine: b.line + 1, endColumn: b.character + 1,
      severity: f.severity, code: f.rule.id, name: f.rule.name, message: f.message[locale] || f.message.en, fixable: f.fixes.length > 0,
    };
  });
}

export function checkText(file: string, raw: string, locale: Locale = 'en'): JsonDiagnostic[] {
  // Editors hide a UTF-8 BOM; strip it so columns match what users see.
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  const { tree } = parse(text);
  const findings = runRules(tree, buildModel(tree), { severities: resolveSeverities() });
  return toJsonDiagnostics(file, text, tree.lineStarts, findings, locale);
}

interface CheckArgs {
  format: 'text' | 'json';
  locale: Locale;
  files: string[];
}

function parseCheckArgs(argv: string[], io: CliIO): CheckArgs | null {
  const out: CheckArgs = { format: 'text', locale: 'en', files: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = (name: string): string | null => {
      if (a.startsWith(name + '=')) return a.slice(name.length + 1);
      if (i + 1 < argv.length) return argv[++i];
      io.stderr(`dockwise: ${name} needs a value\n`);
      return null;
    };
    if (a === '--format' || a.startsWith('--format=')) {
      const v = val('--format');
      if (v !== 'text' && v !== 'json') { io.stderr(`dockwise: unknown format '${v}' (expected text or json)\n${USAGE}`); return null; }
      out.format = v;
    } else if (a === '--locale' || a.startsWith('--locale=')) {
      const v = val('--locale');
      if (v !== 'en' && v !== 'ko') { io.stderr(`dockwise: unknown locale '${v}' (expected en or ko)\n`); return null; }
      out.locale = v;
    } else if (a === '--') {
      out.files.push(...argv.slice(i + 1));
      break;
    } else if (a.startsWith('-') && a !== '-') {
      io.stderr(`dockwise: unknown option '${a}'\n${USAGE}`);
      return null;
    } else out.files.push(a);
  }
  if (out.files.length === 0) { io.stderr(`dockwise: no files given\n${USAGE}`); return null; }
  return out;
}

function readInput(file: string): string {
  if (file === '-') return fs.readFileSync(0, 'utf8');
  const st = fs.statSync(file);
  if (st.isDirectory()) throw new Error('is a directory (give the Dockerfile itself)');
  return fs.readFileSync(file, 'utf8');
}

export function runCheck(argv: string[], io: CliIO): number {
  const args = parseCheckArgs(argv, io);
  if (!args) return 2;
  let unreadable = false;
  const all: JsonDiagnostic[] = [];
  for (const f of args.files) {
    let text: string;
    try {
      text = readInput(f);
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      io.stderr(`dockwise: cannot read ${f}: ${err.code === 'ENOENT' ? 'no such file' : err.code === 'EACCES' ? 'permission denied' : err.message}\n`);
      unreadable = true;
      continue;
    }
    all.push(...checkText(f, text, args.locale));
  }
  if (args.format === 'json') io.stdout(JSON.stringify(all, null, 2) + '\n');
  else {
    for (const d of all) io.stdout(`${d.file}:${d.line}:${d.column}: ${d.severity} ${d.code} ${d.name}: ${d.message}\n`);
    const errors = all.filter((d) => d.severity === 'error').length;
    io.stdout(`${all.length} problem${all.length === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}) in ${args.files.length} file${args.files.length === 1 ? '' : 's'}\n`);
  }
  if (unreadable) return 2;
  return all.some((d) => d.severity === 'error') ? 1 : 0;
}

export async function main(argv: string[], io: CliIO): Promise<number> {
  const [cmd, ...rest] = argv;
  switch (cmd) {
    case 'check':
      return runCheck(rest, io);
    case 'context':
      return runContextCommand(rest, io);
    case '--version':
      io.stdout('dockwise 0.1.0\n');
      return 0;
    case '--help': case '-h': case 'help':
      io.stdout(USAGE);
      return 0;
    default:
      io.stderr(`dockwise: ${cmd ? `unknown command '${cmd}'` : 'missing command'}\n${USAGE}`);
      return 2;
  }
}

if (require.main === module) {
  main(process.argv.slice(2), { stdout: (s) => process.stdout.write(s), stderr: (s) => process.stderr.write(s) })
    .then((code) => { process.exitCode = code; })
    .catch((e) => { process.stderr.write(`dockwise: ${(e as Error).stack ?? e}\n`); process.exitCode = 2; });
}
