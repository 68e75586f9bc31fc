// Pure helpers shared by the view, the status bar and the report (no vscode import: unit-testable).
import type { ContextSummary, SizeEntry } from './contextTypes';
import { formatBytes } from '../../protocol/size';

export { formatBytes };

export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

/** Accepts both absolute and root-relative paths from the server. */
export function resolveInRoot(root: string, p: string): string {
  if (p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p)) return p;
  const sep = root.includes('\\') && !root.includes('/') ? '\\' : '/';
  return root.replace(/[\\/]+$/, '') + sep + p;
}

/** Largest files inside `dir` (root-relative), from the summary's top list. */
export function filesUnder(files: SizeEntry[], dir: string): SizeEntry[] {
  const prefix = dir.replace(/\/+$/, '') + '/';
  return files.filter(f => f.path.startsWith(prefix));
}

export function errorMessage(e: ContextSummary['errors'][number]): string {
  return typeof e === 'string' ? e : e.path ? `${e.path}: ${e.message}` : e.message;
}

export interface ReportStrings {
  title: string;
  root: string;
  ignoreFile: string;
  none: string;
  included: string;
  excluded: string;
  largestDirectories: string;
  largestFiles: string;
  patterns: string;
  errors: string;
  filesHeader: string;
  sizeHeader: string;
  pathHeader: string;
  lineHeader: string;
  patternHeader: string;
  examplesHeader: string;
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function markdownReport(dockerfile: string, s: ContextSummary, t: ReportStrings): string {
  const out: string[] = [];
  out.push(`# ${t.title}: ${dockerfile}`, '');
  out.push(`- ${t.root}: \`${s.root}\``);
  out.push(`- ${t.ignoreFile}: ${s.ignoreFile ? `\`${s.ignoreFile}\`` : t.none}`);
  out.push(`- ${t.included}: ${formatCount(s.includedFiles)} (${formatBytes(s.includedBytes)})`);
  out.push(`- ${t.excluded}: ${formatCount(s.excludedFiles)} (${formatBytes(s.excludedBytes)})`, '');
  const table = (title: string, rows: SizeEntry[]) => {
    if (!rows.length) return;
    out.push(`## ${title}`, '', `| ${t.pathHeader} | ${t.sizeHeader} | ${t.filesHeader} |`, '|---|---:|---:|');
    for (const r of rows) out.push(`| \`${cell(r.path)}\` | ${formatBytes(r.bytes)} | ${r.files === undefined ? '' : formatCount(r.files)} |`);
    out.push('');
  };
  table(t.largestDirectories, s.largestDirectories);
  table(t.largestFiles, s.largestFiles);
  if (s.patterns.length) {
    out.push(`## ${t.patterns}`, '', `| ${t.lineHeader} | ${t.patternHeader} | ${t.filesHeader} | ${t.sizeHeader} | ${t.examplesHeader} |`, '|---:|---|---:|---:|---|');
    for (const p of s.patterns) {
      out.push(`| ${p.line} | \`${cell(p.pattern)}\` | ${formatCount(p.files)} | ${formatBytes(p.bytes)} | ${p.examples.map(e => `\`${cell(e)}\``).join(', ')} |`);
    }
    out.push('');
  }
  if (s.errors.length) {
    out.push(`## ${t.errors}`, '');
    for (const e of s.errors) out.push(`- ${errorMessage(e)}`);
    out.push('');
  }
  return out.join('\n');
}
