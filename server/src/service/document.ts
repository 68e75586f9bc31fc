//! One open Dockerfile: its text, the current parse (updated incrementally), and lazily
//! derived facts (semantic model, rule findings), each memoised for the current version.
//! Pure: no LSP connection, no file system.

import { parse } from '../syntax/parser';
import { reparse, type ReparseResult, type TextEdit } from '../syntax/incremental';
import type { ParseResult } from '../syntax/nodes';
import { buildModel, type SemanticModel } from '../semantics/model';
import { RuleCache, runRules, type Finding, type RunOptions } from '../rules/engine';
import { offsetAt, positionAt, type Position } from '../syntax/lineIndex';

export interface RangeChange {
  range?: { start: Position; end: Position };
  text: string;
}

export class DockerfileDocument {
  private result: ParseResult;
  private modelMemo: SemanticModel | null = null;
  private findingsMemo: { key: unknown; findings: Finding[] } | null = null;
  readonly ruleCache = new RuleCache();
  /** Nodes re-lexed by the last edit (for statistics and tests). */
  lastReparse: ReparseResult | null = null;

  constructor(public readonly uri: string, public version: number, text: string) {
    this.result = parse(text);
  }

  get text(): string { return this.result.tree.text; }
  get parse(): ParseResult { return this.result; }
  get tree() { return this.result.tree; }

  get model(): SemanticModel {
    if (!this.modelMemo) this.modelMemo = buildModel(this.result.tree);
    return this.modelMemo;
  }

  /** Applies LSP content changes in order (a change without range replaces everything). */
  applyChanges(changes: RangeChange[], version: number): void {
    for (const c of changes) {
      if (!c.range) {
        this.result = parse(c.text);
        this.lastReparse = null;
        continue;
      }
      const t = this.result.tree;
      const start = offsetAt(t.lineStarts, t.text, c.range.start);
      const end = Math.max(start, offsetAt(t.lineStarts, t.text, c.range.end));
      const r = reparse(this.result, { start, end, text: c.text });
      this.result = r;
      this.lastReparse = r;
    }
    this.version = version;
    this.modelMemo = null;
    this.findingsMemo = null;
  }

  applyEdit(e: TextEdit, version: number): void {
    const r = reparse(this.result, e);
    this.result = r;
    this.lastReparse = r;
    this.version = version;
    this.modelMemo = null;
    this.findingsMemo = null;
  }

  /** Findings for the current version; `key` identifies the options (recomputed when it changes). */
  findings(opts: RunOptions, key: unknown = opts): Finding[] {
    if (this.findingsMemo && this.findingsMemo.key === key) return this.findingsMemo.findings;
    const findings = runRules(this.result.tree, this.model, { ...opts, cache: this.ruleCache });
    this.findingsMemo = { key, findings };
    return findings;
  }

  positionAt(offset: number): Position {
    return positionAt(this.result.tree.lineStarts, this.result.tree.text.length, offset);
  }

  offsetAt(p: Position): number {
    return offsetAt(this.result.tree.lineStarts, this.result.tree.text, p);
  }
}
