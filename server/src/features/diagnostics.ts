//! Rule findings → LSP diagnostics (code = DFnnn, source = dockwise, docs link, data.name).

import { DiagnosticSeverity, DiagnosticTag, type Diagnostic } from 'vscode-languageserver-types';
import type { Finding } from '../rules/engine';
import type { Rule } from '../rules/defineRule';
import type { Locale } from './locale';
import type { DockerfileDocument } from '../service/document';

export const DOCS_BASE = 'https://github.com/dockwise/dockwise/blob/main/docs/rules/';

export function ruleDocUrl(rule: Pick<Rule, 'id' | 'name'>): string {
  return `${DOCS_BASE}${rule.id}-${rule.name}.md`;
}

export function toLspSeverity(s: Finding['severity']): DiagnosticSeverity {
  switch (s) {
    case 'error': return DiagnosticSeverity.Error;
    case 'warning': return DiagnosticSeverity.Warning;
    case 'info': return DiagnosticSeverity.Information;
    default: return DiagnosticSeverity.Hint;
  }
}

export interface DiagnosticData {
  name: string;
  aliases: Rule['aliases'];
  fixable: boolean;
}

export function toDiagnostics(doc: DockerfileDocument, findings: Finding[], locale: Locale): Diagnostic[] {
  return findings.map((f) => ({
    range: { start: doc.positionAt(f.span.start), end: doc.positionAt(f.span.end) },
    severity: toLspSeverity(f.severity),
    code: f.rule.id,
    codeDescription: { href: ruleDocUrl(f.rule) },
    ...(f.rule.tags?.length ? { tags: f.rule.tags.map((t) => (t === 'deprecated' ? DiagnosticTag.Deprecated : DiagnosticTag.Unnecessary)) } : {}),
    source: 'dockwise',
    message: f.message[locale] || f.message.en,
    data: { name: f.rule.name, aliases: f.rule.aliases, fixable: f.fixes.length > 0 } satisfies DiagnosticData,
    relatedInformation: f.related.length
      ? f.related.map((r) => ({ location: { uri: r.uri ?? doc.uri, range: r.uri ? { start: { line: r.line ?? 0, character: 0 }, end: { line: r.line ?? 0, character: 0 } } : { start: doc.positionAt(r.span.start), end: doc.positionAt(r.span.end) } }, message: r.message[locale] || r.message.en }))
      : undefined,
  }));
}
