//! SARIF 2.1.0 output for `dockwise check --format sarif` (GitHub code scanning and other
//! SARIF viewers): one run, the full rule catalogue as `tool.driver.rules` with help links and
//! default levels, one result per diagnostic with UTF-16 columns as in LSP.

import type { JsonDiagnostic } from './cli';
import { ALL_RULES } from './rules/engine';
import { ruleDocUrl } from './features/diagnostics';
import type { Locale } from './features/locale';

const LEVEL: Record<string, 'error' | 'warning' | 'note' | 'none'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note', off: 'none' };

/** Relative POSIX path for `artifactLocation.uri` (SARIF wants URI references). */
function artifactLocation(file: string): { uri: string; uriBaseId?: string } {
  if (file === '-') return { uri: 'stdin' };
  if (/^(\/|[A-Za-z]:[\\/])/.test(file)) {
    const p = file.replace(/\\/g, '/');
    return { uri: 'file://' + (p.startsWith('/') ? '' : '/') + p.split('/').map((seg, i) => (i === 0 && /^[A-Za-z]:$/.test(seg) ? seg : encodeURIComponent(seg))).join('/') };
  }
  return { uri: artifactUri(file), uriBaseId: '%SRCROOT%' };
}

function artifactUri(file: string): string {
  const norm = file.replace(/\\/g, '/').replace(/^\.\//, '');
  return norm.split('/').map((seg) => encodeURIComponent(seg)).join('/');
}

export function toSarif(diags: JsonDiagnostic[], locale: Locale = 'en'): object {
  const index = new Map(ALL_RULES.map((r, i) => [r.id, i]));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'dockwise',
            version: '0.1.0',
            informationUri: 'https://github.com/dockwise/dockwise',
            rules: ALL_RULES.map((r) => ({
              id: r.id,
              name: r.name,
              shortDescription: { text: r.docs[locale].title },
              fullDescription: { text: r.docs[locale].rationale },
              helpUri: ruleDocUrl(r),
              help: { text: `${r.docs[locale].rationale}\n${ruleDocUrl(r)}`, markdown: `**${r.docs[locale].title}**\n\n${r.docs[locale].rationale}\n\n[${r.id} ${r.name}](${ruleDocUrl(r)})` },
              defaultConfiguration: { level: LEVEL[r.severity], enabled: r.severity !== 'off' },
              properties: {
                tags: [r.category, ...(r.aliases.buildkit ?? []), ...(r.aliases.hadolint ?? [])],
                'problem.severity': r.severity === 'error' ? 'error' : r.severity === 'warning' ? 'warning' : 'recommendation',
              },
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        results: diags.map((d) => ({
          ruleId: d.code,
          ruleIndex: index.get(d.code) ?? -1,
          level: LEVEL[d.severity],
          message: { text: d.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: artifactLocation(d.file),
                region: { startLine: d.line, startColumn: d.column, endLine: d.endLine, endColumn: d.endColumn },
              },
            },
          ],
          properties: { name: d.name, fixable: d.fixable },
        })),
      },
    ],
  };
}
