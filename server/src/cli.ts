//! The `dockwise` command line: `dockwise check [--format text|json|sarif] [--fix] FILE...`
//! and `dockwise context …`. Uses the same analysis as the language server.
//! JSON contract and exit codes: ../shared/docs/rules.md §7.11 (1 if any error-severity
//! diagnostic, else 0; 2 for usage errors or unreadable input, other files still checked).

import * as fs from 'node:fs';
import { parse } from './syntax/parser';
import { buildModel } from './semantics/model';
import * as path from 'node:path';
import { resolveSeverities, runRules, type Finding, type RunOptions } from './rules/engine';
import type { ExternalFacts, ShellcheckFn } from './rules/defineRule';
import { shellcheckRunner } from './node/shellcheck';
import type { RuleConfig } from './rules/config';
import { loadRuleConfig } from './node/config';
import { fixAllText } from './service/fixAll';
import { toSarif } from './sarif';
import { findContextRoot } from './node/contextRoot';
import { nodeFileSystem } from './node/nodeFileSystem';
import { scanContext } from './context/scanner';
import { computeContextFacts } from './context/facts';
import { contextSources } from './rules/util/contextSources';
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
  dockwise check [--format text|json|sarif] [--fix] [--locale en|ko] [--config FILE | --no-config] [--no-context] [--no-shellcheck] FILE...
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

export interface CheckOptions {
  locale?: Locale;
  config?: RuleConfig;
  external?: ExternalFacts;
}

function runOptionsFor(config: RuleConfig | undefined, external?: ExternalFacts): RunOptions {
  return { severities: resolveSeverities(config?.overrides), pragmas: config?.pragmas ?? true, external: { ...external, config } };
}

function stripBom(raw: string): string {
  return raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
}

export function analyzeText(raw: string, opts: CheckOptions = {}): { text: string; lineStarts: number[]; findings: Finding[] } {
  // Editors hide a UTF-8 BOM; strip it so columns match what users see.
  const text = stripBom(raw);
  const { tree } = parse(text);
  const findings = runRules(tree, buildModel(tree), runOptionsFor(opts.config, opts.external));
  return { text, lineStarts: tree.lineStarts, findings };
}

export function checkText(file: string, raw: string, locale: Locale = 'en', opts: CheckOptions = {}): JsonDiagnostic[] {
  const a = analyzeText(raw, opts);
  return toJsonDiagnostics(file, a.text, a.lineStarts, a.findings, locale);
}

interface CheckArgs {
  format: 'text' | 'json' | 'sarif';
  locale: Locale;
  files: string[];
  fix: boolean;
  config: string | null;
  noConfig: boolean;
  noContext: boolean;
  noShellcheck: boolean;
}

function parseCheckArgs(argv: string[], io: CliIO): CheckArgs | null {
  const out: CheckArgs = { format: 'text', locale: 'en', files: [], fix: false, config: null, noConfig: false, noContext: false, noShellcheck: false };
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
      if (v !== 'text' && v !== 'json' && v !== 'sarif') { io.stderr(`dockwise: unknown format '${v}' (expected text, json or sarif)\n${USAGE}`); return null; }
      out.format = v;
    } else if (a === '--locale' || a.startsWith('--locale=')) {
      const v = val('--locale');
      if (v !== 'en' && v !== 'ko') { io.stderr(`dockwise: unknown locale '${v}' (expected en or ko)\n`); return null; }
      out.locale = v;
    } else if (a === '--config' || a.startsWith('--config=')) {
      const v = val('--config');
      if (v === null) return null;
      out.config = v;
    } else if (a === '--no-config') {
      out.noConfig = true;
    } else if (a === '--no-context') {
      out.noContext = true;
    } else if (a === '--no-shellcheck') {
      out.noShellcheck = true;
    } else if (a === '--fix') {
      out.fix = true;
    } else if (a === '--') {
      out.files.push(...argv.slice(i + 1));
      break;
    } else if (a.startsWith('-') && a !== '-') {
      io.stderr(`dockwise: unknown option '${a}'\n${USAGE}`);
      return null;
    } else out.files.push(a);
  }
  if (out.files.length === 0) { io.stderr(`dockwise: no files given\n${USAGE}`); return null; }
  if (out.fix && out.files.includes('-')) { io.stderr('dockwise: --fix cannot write back to stdin (-)\n'); return null; }
  return out;
}

function readInput(file: string): string {
  if (file === '-') return fs.readFileSync(0, 'utf8');
  const st = fs.statSync(file);
  if (st.isDirectory()) throw new Error('is a directory (give the Dockerfile itself)');
  return fs.readFileSync(file, 'utf8');
}

/**
 * Replaces `file` with `text` atomically: write a temporary file in the same directory, flush
 * it, then rename over the original (rename is atomic on one file system), so readers see the
 * old or the new content, never a half-written file. The file mode is kept.
 */
export function writeFileAtomic(file: string, text: string): void {
  const st = fs.statSync(file);
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.dockwise-${process.pid}-${Date.now()}.tmp`);
  let fd: number | null = null;
  try {
    fd = fs.openSync(tmp, 'wx', st.mode & 0o7777);
    fs.writeFileSync(fd, text, 'utf8');
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = null;
    fs.renameSync(tmp, file);
  } catch (e) {
    if (fd !== null) try { fs.closeSync(fd); } catch { /* already closed */ }
    try { fs.unlinkSync(tmp); } catch { /* never created */ }
    throw e;
  }
}

/**
 * Scans the Dockerfile's build context (its directory, or the Compose `build.context` that
 * names it) so the context rules (DF056, DF057, DF111, DF112, DF116) can run.
 */
function contextExternal(file: string, raw: string, io: CliIO): ExternalFacts | undefined {
  try {
    const abs = path.resolve(file);
    const choice = findContextRoot(abs, undefined, [process.cwd()]);
    const ix = scanContext(nodeFileSystem, { root: choice.root, dockerfile: abs });
    const { tree } = parse(stripBom(raw));
    return { context: computeContextFacts(ix, contextSources(tree, buildModel(tree)).map((s) => s.source)) };
  } catch (e) {
    io.stderr(`dockwise: build context of ${file} not checked: ${(e as Error).message}\n`);
    return undefined;
  }
}

export function runCheck(argv: string[], io: CliIO): number {
  const args = parseCheckArgs(argv, io);
  if (!args) return 2;
  let unreadable = false;
  const all: JsonDiagnostic[] = [];
  const fixable: boolean[] = [];
  let fixedFiles = 0;
  let explicit: RuleConfig | undefined;
  let shellcheck: ShellcheckFn | null | undefined;
  for (const f of args.files) {
    let raw: string;
    try {
      raw = readInput(f);
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      io.stderr(`dockwise: cannot read ${f}: ${err.code === 'ENOENT' ? 'no such file' : err.code === 'EACCES' ? 'permission denied' : err.message}\n`);
      unreadable = true;
      continue;
    }
    let config: RuleConfig | undefined;
    // Config files are looked up from the Dockerfile's directory (stdin: the working directory).
    const configFrom = f === '-' ? path.join(process.cwd(), 'Dockerfile') : f;
    if (!args.noConfig) {
      if (args.config) {
        if (!explicit) {
          if (!fs.existsSync(args.config)) { io.stderr(`dockwise: cannot read config ${args.config}: no such file\n`); return 2; }
          explicit = loadRuleConfig(configFrom, process.cwd(), args.config);
        }
        config = explicit;
      } else config = loadRuleConfig(configFrom, undefined);
      for (const p of config.problems) io.stderr(`dockwise: ${p.message.en}\n`);
    }
    const external: ExternalFacts = { ...(args.noContext || f === '-' ? {} : contextExternal(f, raw, io)) };
    if (!args.noShellcheck) {
      if (shellcheck === undefined) shellcheck = shellcheckRunner() ?? null;
      if (shellcheck) external.shellcheck = shellcheck;
    }
    const opts: CheckOptions = { locale: args.locale, config, external };
    if (args.fix) {
      const hasBom = raw.charCodeAt(0) === 0xfeff;
      const text = stripBom(raw);
      const r = fixAllText(text, runOptionsFor(config, external));
      if (r.text !== text) {
        try {
          writeFileAtomic(f, (hasBom ? '\ufeff' : '') + r.text);
          fixedFiles++;
          raw = (hasBom ? '\ufeff' : '') + r.text;
        } catch (e) {
          io.stderr(`dockwise: cannot write ${f}: ${(e as Error).message}\n`);
          unreadable = true;
        }
      }
    }
    const a = analyzeText(raw, opts);
    const ds = toJsonDiagnostics(f, a.text, a.lineStarts, a.findings, args.locale);
    all.push(...ds);
    a.findings.forEach((x) => fixable.push(x.fixes.some((k) => k.safe && !k.disabled)));
  }
  if (args.format === 'json') io.stdout(JSON.stringify(all, null, 2) + '\n');
  else if (args.format === 'sarif') io.stdout(JSON.stringify(toSarif(all, args.locale), null, 2) + '\n');
  else {
    for (const d of all) io.stdout(`${d.file}:${d.line}:${d.column}: ${d.severity} ${d.code} ${d.name}: ${d.message}\n`);
    const errors = all.filter((d) => d.severity === 'error').length;
    io.stdout(`${all.length} problem${all.length === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}) in ${args.files.length} file${args.files.length === 1 ? '' : 's'}\n`);
    const canFix = fixable.filter(Boolean).length;
    if (args.fix) io.stdout(`fixed ${fixedFiles} file${fixedFiles === 1 ? '' : 's'}\n`);
    else if (canFix) io.stdout(`${canFix} of them can be fixed automatically with --fix\n`);
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
