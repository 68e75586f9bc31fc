//! Code actions: the fixes attached to findings (real edits, no command round trips),
//! and `source.fixAll.dockwise`, which applies every safe fix until none is left.

import { CodeActionKind, type CodeAction, type Diagnostic, type Range, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver-types';
import type { DockerfileDocument } from '../service/document';
import type { Finding, RunOptions } from '../rules/engine';
import type { Fix } from '../rules/defineRule';
import type { Locale } from './locale';
import { fixAllText, minimalEdit } from '../service/fixAll';
import { toDiagnostics } from './diagnostics';
import { ignoreFixes } from '../rules/suppress';

export const FIX_ALL_KIND = 'source.fixAll.dockwise';

export interface CodeActionRequest {
  range: Range;
  only?: string[];
  /** Resolves a path relative to the Dockerfile's directory to a URI (for fixes in other files). */
  uriFor?: (relPath: string) => string | null;
}

function wants(only: string[] | undefined, kind: string): boolean {
  if (!only || only.length === 0) return true;
  return only.some((o) => kind === o || kind.startsWith(o + '.'));
}

function overlaps(doc: DockerfileDocument, f: Finding, r: Range): boolean {
  const s = doc.offsetAt(r.start);
  const e = doc.offsetAt(r.end);
  return f.span.start <= e && s <= f.span.end;
}

export function fixToAction(doc: DockerfileDocument, fix: Fix, diag: Diagnostic | undefined, locale: Locale, req: CodeActionRequest, preferred: boolean): CodeAction | null {
  if (fix.disabled) {
    return { title: fix.title[locale] || fix.title.en, kind: CodeActionKind.QuickFix, diagnostics: diag ? [diag] : undefined, disabled: { reason: fix.disabled[locale] || fix.disabled.en } };
  }
  const changes: WorkspaceEdit['changes'] = {};
  if (fix.edits.length) {
    changes[doc.uri] = fix.edits.map((e): TextEdit => ({ range: { start: doc.positionAt(e.start), end: doc.positionAt(e.end) }, newText: e.newText }));
  }
  const documentChanges: NonNullable<WorkspaceEdit['documentChanges']> = [];
  if (fix.otherFile) {
    const uri = req.uriFor?.(fix.otherFile.path);
    if (!uri) return null;
    const at = fix.otherFile.insertAt;
    if (fix.otherFile.create) documentChanges.push({ kind: 'create', uri, options: { ignoreIfExists: true } });
    documentChanges.push({ textDocument: { uri, version: null }, edits: [{ range: { start: at, end: fix.otherFile.replaceTo ?? at }, newText: fix.otherFile.text }] });
  }
  const edit: WorkspaceEdit = documentChanges.length
    ? { documentChanges: [...(changes[doc.uri] ? [{ textDocument: { uri: doc.uri, version: doc.version }, edits: changes[doc.uri] }] : []), ...documentChanges] }
    : { changes };
  return {
    title: fix.title[locale] || fix.title.en,
    kind: CodeActionKind.QuickFix,
    diagnostics: diag ? [diag] : undefined,
    isPreferred: preferred || undefined,
    edit,
  };
}

export function computeCodeActions(doc: DockerfileDocument, findings: Finding[], opts: RunOptions, locale: Locale, req: CodeActionRequest): CodeAction[] {
  const out: CodeAction[] = [];
  if (wants(req.only, CodeActionKind.QuickFix)) {
    const inRange = findings.filter((f) => overlaps(doc, f, req.range));
    const diags = toDiagnostics(doc, inRange, locale);
    inRange.forEach((f, i) => {
      f.fixes.forEach((fix, k) => {
        const a = fixToAction(doc, fix, diags[i], locale, req, k === 0 && fix.safe);
        if (a) out.push(a);
      });
    });
    // "Ignore" actions last, so the real fixes come first in the menu.
    inRange.forEach((f, i) => {
      for (const ig of ignoreFixes(doc.tree, f.rule, f.span, f.subcode)) {
        out.push({
          title: ig.title[locale] || ig.title.en,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diags[i]],
          edit: { changes: { [doc.uri]: ig.edits.map((e): TextEdit => ({ range: { start: doc.positionAt(e.start), end: doc.positionAt(e.end) }, newText: e.newText })) } },
        });
      }
    });
  }
  if (wants(req.only, FIX_ALL_KIND) && req.only && req.only.length > 0) {
    const a = fixAllAction(doc, opts, locale);
    if (a) out.push(a);
  } else if (!req.only && findings.some((f) => f.fixes.some((x) => x.safe))) {
    const a = fixAllAction(doc, opts, locale);
    if (a) out.push(a);
  }
  return out;
}

export function fixAllAction(doc: DockerfileDocument, opts: RunOptions, locale: Locale): CodeAction | null {
  const r = fixAllText(doc.text, opts);
  const e = minimalEdit(doc.text, r.text);
  if (!e) return null;
  return {
    title: locale === 'ko' ? '자동으로 고칠 수 있는 문제 모두 고치기 (Dockwise)' : 'Fix all auto-fixable problems (Dockwise)',
    kind: FIX_ALL_KIND,
    edit: { changes: { [doc.uri]: [{ range: { start: doc.positionAt(e.start), end: doc.positionAt(e.end) }, newText: e.newText }] } },
  };
}
