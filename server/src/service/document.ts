//! One open Dockerfile: its text, the current parse (updated incrementally), and lazily
//! derived facts (semantic model, rule findings), each memoised for the current version.
//! Pure: no LSP connection, no file system.

import { parse } from '../syntax/parser';
import { reparse, settleTree, updateLineStarts, type ReparseResult, type TextEdit } from '../syntax/incremental';
import type { DockerfileTree, ParseResult } from '../syntax/nodes';
import { buildModel, ModelCache, type SemanticModel } from '../semantics/model';
import { FileRuleCache, RuleCache, StageRuleCache, runRules, type Finding, type RunOptions } from '../rules/engine';
import { offsetAt, positionAt, type Position } from '../syntax/lineIndex';

export interface RangeChange {
  range?: { start: Position; end: Position };
  text: string;
}

/**
 * Edits not yet parsed: the current text and line starts, and one region covering every
 * change since the last parse (`[start, end)` in current coordinates, `origEnd` in the parsed text).
 */
interface Pending {
  text: string;
  lineStarts: number[];
  start: number;
  end: number;
  origEnd: number;
}

export class DockerfileDocument {
  private result: ParseResult;
  private pending: Pending | null = null;
  private modelMemo: SemanticModel | null = null;
  private findingsMemo: { key: unknown; findings: Finding[] } | null = null;
  readonly ruleCache = new RuleCache();
  readonly stageRuleCache = new StageRuleCache();
  readonly fileRuleCache = new FileRuleCache();
  readonly modelCache = new ModelCache();
  /** Nodes re-lexed by the last reparse (for statistics and tests). */
  lastReparse: ReparseResult | null = null;
  /** Number of reparses performed (a burst of changes is parsed once). */
  reparses = 0;

  constructor(public readonly uri: string, public version: number, text: string) {
    this.result = parse(text);
  }

  /** The current parse; changes received since the last access are parsed now, as one edit. */
  get parse(): ParseResult {
    const r = this.current();
    settleTree(r.tree);
    return r;
  }
  get text(): string { return this.pending ? this.pending.text : this.result.tree.text; }
  get tree() { return this.parse.tree; }

  get model(): SemanticModel {
    settleTree(this.current().tree);
    return this.currentModel();
  }

  /**
   * Catches up the inner spans of the instructions the last reparse moved (see `Instruction.lag`).
   * Every public accessor does so first; the server calls it once edits pause, so that the
   * next request finds it done.
   */
  settle(): void {
    if (!this.pending) settleTree(this.result.tree);
  }

  /**
   * The current tree and model without settling them: for readers of values (words, flag
   * values) and of positions relative to one instruction only, which lagging nodes answer
   * right (see `Instruction.lag`). The server reads the COPY sources so, on every keystroke.
   */
  unsettled(): { tree: DockerfileTree; model: SemanticModel } {
    return { tree: this.current().tree, model: this.currentModel() };
  }

  /** The current parse, possibly with lagging nodes: only for `findings` (the engine settles what it reads). */
  private current(): ParseResult {
    if (this.pending) this.flushPending();
    return this.result;
  }

  private currentModel(): SemanticModel {
    if (!this.modelMemo) this.modelMemo = buildModel(this.current().tree, this.modelCache);
    return this.modelMemo;
  }

  private flushPending(): void {
    const p = this.pending!;
    this.pending = null;
    const r = reparse(this.result, { start: p.start, end: p.origEnd, text: p.text.slice(p.start, p.end) }, p, true);
    this.reparses++;
    this.result = r;
    this.lastReparse = r;
  }

  private invalidate(version: number): void {
    this.version = version;
    this.modelMemo = null;
    this.findingsMemo = null;
  }

  /**
   * Records LSP content changes in order (a change without range replaces everything).
   * Parsing is deferred until something reads the tree, so a burst is parsed once.
   */
  applyChanges(changes: RangeChange[], version: number): void {
    for (const c of changes) {
      if (typeof c?.text !== 'string') continue;
      if (!c.range) {
        this.pending = null;
        this.result = parse(c.text);
        this.lastReparse = null;
        continue;
      }
      const text = this.text;
      const lineStarts = this.pending ? this.pending.lineStarts : this.result.tree.lineStarts;
      const s = offsetAt(lineStarts, text, c.range.start);
      const e = Math.max(s, offsetAt(lineStarts, text, c.range.end));
      this.record({ start: s, end: e, text: c.text }, text, lineStarts);
    }
    this.invalidate(version);
  }

  /** Applies one offset-based edit (deferred like `applyChanges`). */
  applyEdit(edit: TextEdit, version: number): void {
    const text = this.text;
    const lineStarts = this.pending ? this.pending.lineStarts : this.result.tree.lineStarts;
    const s = Math.max(0, Math.min(edit.start, text.length));
    const e = Math.max(s, Math.min(edit.end, text.length));
    this.record({ start: s, end: e, text: edit.text }, text, lineStarts);
    this.invalidate(version);
  }

  private record(c: TextEdit, text: string, lineStarts: number[]): void {
    const newText = text.slice(0, c.start) + c.text + text.slice(c.end);
    // In place when the line count stays (a keystroke): the parsed tree is about to be replaced
    // and nothing reads it before (`parse` flushes first); no 20,000-entry copy per keystroke.
    const newLines = updateLineStarts(lineStarts, c, true);
    const grow = c.text.length - (c.end - c.start);
    const p = this.pending;
    if (!p) {
      this.pending = { text: newText, lineStarts: newLines, start: c.start, end: c.start + c.text.length, origEnd: c.end };
      return;
    }
    // Positions after the region map back to the parsed text by subtracting `delta`.
    const delta = p.end - p.origEnd;
    const origEnd = c.end > p.end ? c.end - delta : p.origEnd;
    const end = Math.max(p.end, c.end) + grow;
    this.pending = { text: newText, lineStarts: newLines, start: Math.min(p.start, c.start), end, origEnd };
  }

  /** Findings for the current version; `key` identifies the options (recomputed when it changes). */
  findings(opts: RunOptions, key: unknown = opts): Finding[] {
    if (this.findingsMemo && this.findingsMemo.key === key) return this.findingsMemo.findings;
    // Without settling: the moved nodes' inner spans catch up later (`settle`), off the path
    // from an edit to its diagnostics; the engine settles the nodes its rules read.
    const findings = runRules(this.current().tree, this.currentModel(), { ...opts, cache: this.ruleCache, stageCache: this.stageRuleCache, fileCache: this.fileRuleCache });
    this.findingsMemo = { key, findings };
    return findings;
  }

  positionAt(offset: number): Position {
    // Line starts and text only: no need to settle.
    const t = this.current().tree;
    return positionAt(t.lineStarts, t.text.length, offset);
  }

  offsetAt(p: Position): number {
    const t = this.current().tree;
    return offsetAt(t.lineStarts, t.text, p);
  }
}
