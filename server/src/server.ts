//! The LSP server: the only module that touches the connection. It keeps the open
//! documents (incremental sync feeding the incremental parser), schedules diagnostics
//! (immediately for an isolated edit, coalesced during bursts), drops stale work, answers
//! requests through the pure `features/` functions, and turns every failure into an LSP
//! error instead of dying.

import {
  CodeActionKind, ErrorCodes, LSPErrorCodes, ResponseError, TextDocumentSyncKind,
  type CancellationToken, type Connection, type InitializeParams, type InitializeResult, type Position,
  type Range, type WorkDoneProgressServerReporter,
} from 'vscode-languageserver';
import { DockerfileDocument } from './service/document';
import { resolveSeverities, type RunOptions, type SeverityOverrides } from './rules/engine';
import { diagnosticsJsonParts, RAW_JSON, toDiagnostics, type RawJson } from './features/diagnostics';
import { computeCodeActions, FIX_ALL_KIND } from './features/codeActions';
import { pickLocale, type Locale } from './features/locale';
import { documentHighlights, findDefinition, findReferences, prepareRename, rename, RenameError } from './features/navigation';
import { documentLinks, documentSymbols, foldingRanges, inlayHints } from './features/outline';
import { LEGEND, semanticTokensDelta, semanticTokensFull, semanticTokensRange } from './features/semanticTokens';
import { formatDocument } from './features/format';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import { loadRuleConfig, HADOLINT_FILES, DOCKWISE_FILES } from './node/config';
import { dockerDxOverrides, emptyConfig, type RuleConfig } from './rules/config';
import * as fs from 'node:fs';
import type { ContextFacts } from './context/facts';
import type { IgnorePatternAnalysis } from './context/copySources';
import type { Diagnostic as LspDiagnostic, PublishDiagnosticsParams } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ignoreDiagnostics, ignoreHover } from './features/ignoreFile';
import type { ShellcheckFn } from './rules/defineRule';
import { shellcheckRunner } from './node/shellcheck';
import { contextSources } from './rules/util/contextSources';
import { ContextSummaryRequest, type ContextSummaryResult } from '../../protocol/context';
import { ContextWorker, sharedContextWorker } from './node/scanWorkerHost';
import { findContextRoot } from './node/contextRoot';
import { contextCopies, contextLenses, type SourceInfo } from './features/contextLens';
import { computeCompletion } from './features/completion';
import { computeHover } from './features/hover';
import { computeSignatureHelp } from './features/signatureHelp';

export interface ServerSettings {
  locale?: 'auto' | 'en' | 'ko';
  rules?: SeverityOverrides;
  format?: { ignoreMultilineInstructions?: boolean };
  semanticTokens?: { enabled?: boolean };
  context?: { roots?: Record<string, string>; diagnostics?: boolean };
  shellcheck?: { enabled?: boolean };
  dockerDx?: { hideOverlapping?: boolean };
  /** DF037's allow-list (host names or `*.example.com`); wins over the project configuration's. */
  trustedRegistries?: string[];
}

export interface ServerOptions {
  /** Full garbage collection, run once after edits stop (memory reducer); optional. */
  idleGc?: () => void;
  /** Idle time before `idleGc` runs (ms). */
  idleGcDelayMs?: number;
  /**
   * The transport encodes a params object's `RAW_JSON` string as is (main.ts installs such an
   * encoder for stdio): diagnostics are then sent as cached JSON text, not serialised objects.
   */
  rawJson?: boolean;
  /** Delay used to coalesce the changes that arrive together before validating (ms). */
  burstDelayMs?: number;
}

type Handler<P, R> = (params: P, token: CancellationToken) => R;
const PROGRESS_DELAY_MS = Number(process.env.DOCKWISE_PROGRESS_DELAY_MS ?? 300);
const NO_CANCEL = { isCancellationRequested: false, onCancellationRequested: () => ({ dispose() {} }) } as unknown as CancellationToken;

export function startServer(connection: Connection, options: ServerOptions = {}): void {
  const docs = new Map<string, DockerfileDocument>();
  let lspLocale: string | undefined;
  let settings: ServerSettings = {};
  let initLocale: string | undefined;
  let runOptions: RunOptions = { severities: resolveSeverities() };
  // Per-directory rule options: .hadolint.yaml / .dockwise.* found upwards from the Dockerfile,
  // layered under the editor settings. Cleared when settings or a config file change.
  const dirOptions = new Map<string, RunOptions>();
  // ShellCheck (DF080) spawns a process per changed RUN script, so it is opt-in in the editor.
  let shellcheck: ShellcheckFn | null | undefined;
  function shellcheckFn(): ShellcheckFn | undefined {
    if (settings.shellcheck?.enabled !== true) return undefined;
    if (shellcheck === undefined) shellcheck = shellcheckRunner() ?? null;
    return shellcheck ?? undefined;
  }
  /** The `trustedRegistries` setting, when it is a non-empty list of non-empty strings. */
  function trustedFromSettings(): string[] | undefined {
    const t: unknown = settings.trustedRegistries;
    if (!Array.isArray(t)) return undefined;
    const l = t.filter((x): x is string => typeof x === 'string' && x.trim() !== '').map((x) => x.trim());
    return l.length ? l : undefined;
  }
  function optionsFor(uri: string): RunOptions {
    if (!uri.startsWith('file:')) return runOptions;
    let file: string;
    try { file = fileURLToPath(uri); } catch { return runOptions; }
    const dir = path.dirname(file);
    let o = dirOptions.get(dir);
    if (!o) {
      const stop = workspaceRoots.filter((r) => dir === r || dir.startsWith(r.endsWith(path.sep) ? r : r + path.sep)).sort((a, b) => b.length - a.length)[0];
      let config: RuleConfig;
      try { config = loadRuleConfig(file, stop); } catch (e) { connection.console.warn(`config: ${(e as Error).message}`); config = emptyConfig(); }
      for (const pr of config.problems) connection.console.warn(pr.message.en);
      o = { severities: resolveSeverities(config.overrides, dockerDxOverrides(settings.dockerDx?.hideOverlapping), settings.rules), pragmas: config.pragmas, external: { config, shellcheck: shellcheckFn(), trustedRegistries: trustedFromSettings() } };
      dirOptions.set(dir, o);
    }
    return o;
  }
  let configurationCapability = false;
  const burstDelay = options.burstDelayMs ?? 1;

  const locale = (): Locale => pickLocale(settings.locale ?? initLocale, lspLocale);

  // ---- safety net: every handler runs through here ----------------------------------------
  function safe<P, R>(name: string, fn: Handler<P, R>): Handler<P, R | ResponseError<void>> {
    return (params, token) => {
      if (token?.isCancellationRequested) return new ResponseError(LSPErrorCodes.RequestCancelled, 'request cancelled');
      const u = (params as { textDocument?: { uri?: unknown } } | null)?.textDocument?.uri;
      if (typeof u === 'string' && ignoreDocs.has(u)) {
        // .dockerignore documents: hover is answered here; the Dockerfile features do not apply.
        try {
          if (name === 'hover') return ignoreHoverFor(u, params as unknown as { position: Position }) as R;
        } catch (e) {
          connection.console.error(`${name} (.dockerignore) failed: ${(e as Error).stack ?? e}`);
        }
        return null as R;
      }
      try {
        return fn(params, token);
      } catch (e) {
        if (e instanceof ResponseError) return e;
        connection.console.error(`${name} failed: ${(e as Error).stack ?? e}`);
        return new ResponseError(ErrorCodes.InternalError, `${name} failed: ${(e as Error).message}`);
      }
    };
  }

  function docOf(params: unknown): DockerfileDocument {
    const uri = (params as { textDocument?: { uri?: unknown } } | null)?.textDocument?.uri;
    if (typeof uri !== 'string') throw new ResponseError(ErrorCodes.InvalidParams, 'textDocument.uri is required');
    const d = docs.get(uri);
    if (!d) throw new ResponseError(ErrorCodes.InvalidParams, `unknown document: ${uri} (not open)`);
    return d;
  }

  function checkPosition(doc: DockerfileDocument, p: unknown, what = 'position'): Position {
    const pos = p as Position | undefined;
    if (!pos || typeof pos.line !== 'number' || typeof pos.character !== 'number' || !Number.isInteger(pos.line) || !Number.isInteger(pos.character)) {
      throw new ResponseError(ErrorCodes.InvalidParams, `${what} must be {line, character} integers`);
    }
    if (pos.line < 0 || pos.character < 0 || pos.line >= doc.tree.lineStarts.length) {
      throw new ResponseError(ErrorCodes.InvalidParams, `${what} ${pos.line}:${pos.character} is outside the document (${doc.tree.lineStarts.length} lines)`);
    }
    return pos;
  }

  function checkRange(doc: DockerfileDocument, r: unknown): Range {
    const range = r as Range | undefined;
    if (!range) throw new ResponseError(ErrorCodes.InvalidParams, 'range is required');
    return { start: checkPosition(doc, range.start, 'range.start'), end: checkPosition(doc, range.end, 'range.end') };
  }

  // ---- diagnostics scheduling ---------------------------------------------------------------
  const dirty = new Set<string>();
  let immediate: NodeJS.Immediate | null = null;
  let timer: NodeJS.Timeout | null = null;

  const trace = !!process.env.DOCKWISE_TRACE;
  let changedAt = 0;

  function publish(uri: string): void {
    const doc = docs.get(uri);
    if (!doc) return;
    const version = doc.version;
    const t0 = trace ? performance.now() : 0;
    const findings = doc.findings(docOptions(doc));
    if (trace) connection.console.log(`publish v${version}: ${(performance.now() - changedAt).toFixed(2)} ms since change, findings ${(performance.now() - t0).toFixed(2)} ms`);
    // Stale-work guard: a change that arrived meanwhile wins; its own publish follows.
    if (docs.get(uri) !== doc || doc.version !== version) return;
    const loc = locale();
    if (options.rawJson) {
      // Lazily built objects for any other path (tracing); the encoder sends the text.
      const params = { uri, version } as PublishDiagnosticsParams & { [RAW_JSON]?: RawJson };
      Object.defineProperty(params, 'diagnostics', { enumerable: true, get: () => toDiagnostics(doc, findings, loc) });
      params[RAW_JSON] = { head: `{"uri":${JSON.stringify(uri)},"version":${version},"diagnostics":[`, parts: diagnosticsJsonParts(doc, findings, loc), tail: ']}' };
      void connection.sendDiagnostics(params);
    } else {
      void connection.sendDiagnostics({ uri, version, diagnostics: toDiagnostics(doc, findings, loc) });
    }
    lastPublishAt = performance.now();
    settleWhenIdle(doc);
  }

  let gcTimer: NodeJS.Timeout | null = null;
  let allocationsSinceGc = 0;
  function scheduleIdleGc(): void {
    if (!options.idleGc) return;
    if (gcTimer) clearTimeout(gcTimer);
    gcTimer = setTimeout(() => {
      gcTimer = null;
      if (allocationsSinceGc === 0) return;
      allocationsSinceGc = 0;
      try { options.idleGc!(); } catch { /* best effort */ }
      heapAfterGc = v8.getHeapStatistics().used_heap_size;
    }, options.idleGcDelayMs ?? 150);
    gcTimer.unref?.();
  }

  function flush(): void {
    immediate = null;
    timer = null;
    allocationsSinceGc++;
    scheduleIdleGc();
    const uris = [...dirty];
    dirty.clear();
    for (const u of uris) {
      try {
        publish(u);
      } catch (e) {
        connection.console.error(`diagnostics failed for ${u}: ${(e as Error).stack ?? e}`);
      }
    }
    gcIfGrown();
  }

  // Each validation of a big file leaves a few MB of short-lived objects that outlive the young
  // generation; left alone, V8 lets the old space (and RSS, which it rarely gives back) grow to
  // several times the live heap while someone types. After a publish — so no edit waits on
  // it — collect once the heap has grown by more than 24 MiB since the last collection.
  // The collection waits for a 20 ms pause in the edits (typing leaves such gaps), so it never
  // delays an edit that is already queued; past 96 MiB of growth it runs at once.
  let heapAfterGc = 0;
  let gcSoon: NodeJS.Timeout | null = null;
  function collectNow(): void {
    gcSoon = null;
    try { options.idleGc!(); } catch { /* best effort */ }
    heapAfterGc = v8.getHeapStatistics().used_heap_size;
    allocationsSinceGc = 0;
  }
  function gcIfGrown(): void {
    if (!options.idleGc) return;
    const used = v8.getHeapStatistics().used_heap_size;
    if (heapAfterGc === 0) { heapAfterGc = used; return; }
    const grown = used - heapAfterGc;
    if (grown < 24 * 1048576) return;
    if (grown > 96 * 1048576) { if (gcSoon) clearTimeout(gcSoon); collectNow(); return; }
    if (gcSoon) clearTimeout(gcSoon);
    gcSoon = setTimeout(collectNow, 20);
    gcSoon.unref?.();
  }

  let lastChangeAt = -1e9;
  let lastPublishAt = -1e9;

  // An edit moves the instructions after it lazily (see `Instruction.lag`): the diagnostics do
  // not wait for their inner spans. Those are caught up by the first request that reads the
  // tree, or once edits pause for 20 ms, so that such a request finds the work done. Not
  // right after the publish: someone typing fast would wait for it on the next keystroke.
  const toSettle = new Set<DockerfileDocument>();
  let settleTimer: NodeJS.Timeout | null = null;
  function settleWhenIdle(doc: DockerfileDocument): void {
    toSettle.add(doc);
    if (settleTimer) clearTimeout(settleTimer);
    settleTimer = setTimeout(settleNow, 20);
    settleTimer.unref?.();
  }
  function settleNow(): void {
    settleTimer = null;
    for (const d of toSettle) d.settle();
    toSettle.clear();
  }

  function schedule(uri: string): void {
    dirty.add(uri);
    if (gcSoon) { clearTimeout(gcSoon); gcSoon = null; }
    if (settleTimer) { clearTimeout(settleTimer); settleTimer = null; }
    // vscode-jsonrpc dispatches one queued message per event-loop turn (setImmediate). Changes
    // are only recorded (parsing is deferred to validation), so a burst costs little per
    // keystroke. After an isolated change, validation runs two turns later — after any message
    // already queued behind it, which re-schedules it; while changes keep arriving within a few
    // ms of each other it waits for a short pause (one validation per burst).
    const now = performance.now();
    // A change that follows our last publish is the client reacting, not a burst.
    const inBurst = now - lastChangeAt < 4 && lastPublishAt < lastChangeAt;
    lastChangeAt = now;
    if (immediate) { clearImmediate(immediate); immediate = null; }
    if (inBurst) {
      if (timer) clearTimeout(timer);
      timer = setTimeout(flush, Math.max(burstDelay, 4));
    } else if (!timer) {
      if (options.burstDelayMs !== undefined) timer = setTimeout(flush, burstDelay);
      else immediate = setImmediate(() => { immediate = setImmediate(flush); });
    }
  }

  /** Validate dirty documents on the next turn, unless a validation is already scheduled. */
  function flushSoon(): void {
    if (!immediate && !timer) immediate = setImmediate(flush);
  }

  function revalidateAll(): void {
    for (const u of docs.keys()) dirty.add(u);
    flushSoon();
  }

  // ---- build-context facts for the context rules (DF056, DF057, DF111, DF112, DF116) -------------
  // Fetched asynchronously from the scan worker for the COPY/ADD sources of each saved
  // Dockerfile; diagnostics are re-published when they arrive. Until then (and for unsaved or
  // virtual documents) those rules stay silent rather than guess.
  const facts = new Map<string, { key: string; sources: string; facts: ContextFacts }>();
  const factsInFlight = new Map<string, string>();
  const perDoc = new Map<string, { base: RunOptions; facts: ContextFacts | undefined; opts: RunOptions }>();
  function docOptions(doc: DockerfileDocument): RunOptions {
    const base = optionsFor(doc.uri);
    const f = contextFactsFor(doc);
    const c = perDoc.get(doc.uri);
    if (c && c.base === base && c.facts === f) return c.opts;
    const opts: RunOptions = f ? { ...base, external: { ...base.external, context: f } } : base;
    perDoc.set(doc.uri, { base, facts: f, opts });
    return opts;
  }
  // Whether a document's file exists on disk (an unsaved or deleted file has no context to
  // compare against); checked once per document and again after file events.
  const onDisk = new Map<string, boolean>();
  function existsOnDisk(uri: string): boolean {
    let e = onDisk.get(uri);
    if (e === undefined) {
      try { e = fs.existsSync(fileURLToPath(uri)); } catch { e = false; }
      onDisk.set(uri, e);
    }
    return e;
  }
  function contextFactsFor(doc: DockerfileDocument): ContextFacts | undefined {
    if (settings.context?.diagnostics === false || !doc.uri.startsWith('file:') || doc.uri.endsWith('.dockerignore')) return undefined;
    if (!existsOnDisk(doc.uri)) return undefined;
    // Values only (no absolute offsets): no need to settle the nodes the last edit moved.
    const u = doc.unsettled();
    const sources = contextSources(u.tree, u.model).map((x) => x.source);
    const sk = sources.join('\0');
    const have = facts.get(doc.uri);
    if ((!have || have.sources !== sk) && factsInFlight.get(doc.uri) !== sk) void fetchFacts(doc.uri, sources, sk);
    // Stale facts are still right for the sources they cover; rules skip unknown sources.
    return have?.facts;
  }
  async function fetchFacts(uri: string, sources: string[], sk: string): Promise<void> {
    factsInFlight.set(uri, sk);
    try {
      let file: string;
      try { file = fileURLToPath(uri); } catch { return; }
      if (!fs.existsSync(file)) return; // unsaved file: no context to compare against
      const { key } = await contextFor(uri, false, NO_CANCEL);
      const f = await sharedContextWorker().facts(key, sources);
      if (!f || !docs.has(uri)) return;
      facts.set(uri, { key, sources: sk, facts: f });
      dirty.add(uri);
      flushSoon();
    } catch (e) {
      connection.console.warn(`context facts for ${uri}: ${(e as Error).message}`);
    } finally {
      if (factsInFlight.get(uri) === sk) factsInFlight.delete(uri);
    }
  }

  // ---- .dockerignore documents ---------------------------------------------------------------
  // Diagnostics right away from the text (invalid patterns, redundant lines); for saved files
  // the scan worker then evaluates the *unsaved* text against the context (what each line
  // excludes now, lines matching nothing), which also updates the context totals live.
  const ignoreDocs = new Map<string, TextDocument>();
  const ignoreAnalysis = new Map<string, IgnorePatternAnalysis[]>();
  const ignoreKeys = new Map<string, string>();
  const ignoreTimers = new Map<string, NodeJS.Timeout>();
  function publishIgnore(uri: string): void {
    const d = ignoreDocs.get(uri);
    if (!d) return;
    const loc = locale();
    const diagnostics = ignoreDiagnostics(d.getText(), ignoreAnalysis.get(uri) ?? null).map((x) => ({
      range: { start: { line: x.line, character: x.startChar }, end: { line: x.line, character: x.endChar } },
      severity: x.severity === 'error' ? 1 : x.severity === 'warning' ? 2 : x.severity === 'info' ? 3 : 4,
      code: x.code,
      source: 'dockwise',
      message: x.message[loc] || x.message.en,
      ...(x.unnecessary ? { tags: [1 as const] } : {}),
    })) as LspDiagnostic[];
    void connection.sendDiagnostics({ uri, version: d.version, diagnostics });
  }
  function scheduleIgnore(uri: string): void {
    publishIgnore(uri);
    const t = ignoreTimers.get(uri);
    if (t) clearTimeout(t);
    ignoreTimers.set(uri, setTimeout(() => { ignoreTimers.delete(uri); void analyzeIgnore(uri); }, 150));
  }
  function contextUpdated(key: string, uri: string): void {
    for (const [u, f] of facts) if (f.key === key) { facts.delete(u); dirty.add(u); }
    flushSoon();
    void connection.sendNotification('dockwise/contextChanged', { uri });
    if (codeLensRefresh) connection.sendRequest('workspace/codeLens/refresh').catch(() => undefined);
  }
  async function analyzeIgnore(uri: string): Promise<void> {
    const d = ignoreDocs.get(uri);
    if (!d || !uri.startsWith('file:')) return;
    try {
      const file = fileURLToPath(uri);
      if (!fs.existsSync(path.dirname(file))) return;
      const { key } = await contextFor(uri, false, NO_CANCEL);
      ignoreKeys.set(uri, key);
      const text = d.getText();
      const r = await sharedContextWorker().ignoreAnalysis(key, text);
      if (!r || ignoreDocs.get(uri) !== d) return;
      ignoreAnalysis.set(uri, r.analysis);
      if (r.summary) latest.set(key, r.summary as unknown as ContextSummaryResult);
      publishIgnore(uri);
      contextUpdated(key, uri);
    } catch (e) {
      connection.console.warn(`.dockerignore analysis failed for ${uri}: ${(e as Error).message}`);
    }
  }
  function ignoreHoverFor(uri: string, p: { position: Position }): { contents: { kind: 'markdown'; value: string } } | null {
    const d = ignoreDocs.get(uri);
    if (!d || !p?.position || typeof p.position.line !== 'number') return null;
    const v = ignoreHover(d.getText(), p.position.line, ignoreAnalysis.get(uri) ?? null, locale());
    return v ? { contents: { kind: 'markdown', value: v } } : null;
  }

  // ---- settings -------------------------------------------------------------------------------
  function applySettings(s: ServerSettings | null | undefined): void {
    settings = s && typeof s === 'object' ? s : {};
    runOptions = { severities: resolveSeverities(dockerDxOverrides(settings.dockerDx?.hideOverlapping), settings.rules), external: { trustedRegistries: trustedFromSettings() } };
    dirOptions.clear();
    revalidateAll();
  }

  async function pullSettings(): Promise<void> {
    if (!configurationCapability) return;
    try {
      const s = await connection.workspace.getConfiguration('dockwise');
      applySettings(s as ServerSettings);
    } catch (e) {
      connection.console.warn(`could not read settings: ${(e as Error).message}`);
    }
  }

  // ---- lifecycle ----------------------------------------------------------------------------
  let workspaceRoots: string[] = [];
  let codeLensRefresh = false;
  let workDoneProgress = false;
  connection.onInitialize((params: InitializeParams): InitializeResult => {
    workDoneProgress = !!params.capabilities?.window?.workDoneProgress;
    lspLocale = params.locale;
    workspaceRoots = (params.workspaceFolders ?? []).map((f) => f.uri).concat(params.rootUri ? [params.rootUri] : [])
      .filter((u) => u.startsWith('file:')).map((u) => fileURLToPath(u));
    const init = (params.initializationOptions ?? {}) as { locale?: string; settings?: ServerSettings };
    initLocale = init.locale;
    if (init.settings) applySettings(init.settings);
    configurationCapability = !!params.capabilities?.workspace?.configuration;
    codeLensRefresh = !!params.capabilities?.workspace?.codeLens?.refreshSupport;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false },
        definitionProvider: true,
        referencesProvider: true,
        documentHighlightProvider: true,
        renameProvider: { prepareProvider: true },
        documentSymbolProvider: true,
        foldingRangeProvider: true,
        documentLinkProvider: { resolveProvider: false },
        inlayHintProvider: true,
        documentFormattingProvider: true,
        documentRangeFormattingProvider: true,
        semanticTokensProvider: { legend: LEGEND, full: { delta: true }, range: true },
        codeLensProvider: { resolveProvider: false },
        completionProvider: { triggerCharacters: ['-', '=', '$', '{', ':', '/', ',', ' '], resolveProvider: false },
        hoverProvider: true,
        signatureHelpProvider: { triggerCharacters: [' ', '=', ',', '['], retriggerCharacters: [' ', ','] },
      },
      serverInfo: { name: 'dockwise', version: '0.1.0' },
    };
  });

  connection.onInitialized(() => {
    void pullSettings();
  });

  connection.onDidChangeConfiguration((p) => {
    const s = (p?.settings as { dockwise?: ServerSettings } | undefined)?.dockwise;
    if (s) applySettings(s);
    else void pullSettings();
  });

  // ---- documents ------------------------------------------------------------------------------
  connection.onDidOpenTextDocument((p) => {
    try {
      const td = p.textDocument;
      if (!td || typeof td.uri !== 'string' || typeof td.text !== 'string') return;
      if (td.languageId === 'dockerignore' || /(^|\/)[^/]*\.dockerignore$/.test(td.uri)) {
        ignoreDocs.set(td.uri, TextDocument.create(td.uri, 'dockerignore', td.version, td.text));
        scheduleIgnore(td.uri);
        return;
      }
      docs.set(td.uri, new DockerfileDocument(td.uri, td.version, td.text));
      dirty.add(td.uri);
      flushSoon();
    } catch (e) {
      connection.console.error(`didOpen failed: ${(e as Error).stack ?? e}`);
    }
  });

  connection.onDidChangeTextDocument((p) => {
    try {
      const ig = ignoreDocs.get(p.textDocument?.uri);
      if (ig && Array.isArray(p.contentChanges)) {
        ignoreDocs.set(ig.uri, TextDocument.update(ig, p.contentChanges as { range?: Range; text: string }[], p.textDocument.version));
        scheduleIgnore(ig.uri);
        return;
      }
      const d = docs.get(p.textDocument?.uri);
      if (!d || !Array.isArray(p.contentChanges)) return;
      if (trace) changedAt = performance.now();
      d.applyChanges(p.contentChanges as { range?: Range; text: string }[], p.textDocument.version);
      if (trace) connection.console.log(`apply v${p.textDocument.version}: ${(performance.now() - changedAt).toFixed(2)} ms`);
      schedule(d.uri);
    } catch (e) {
      connection.console.error(`didChange failed: ${(e as Error).stack ?? e}`);
    }
  });

  connection.onDidCloseTextDocument((p) => {
    const iu = p?.textDocument?.uri;
    if (typeof iu === 'string' && ignoreDocs.has(iu)) {
      ignoreDocs.delete(iu);
      ignoreAnalysis.delete(iu);
      void connection.sendDiagnostics({ uri: iu, diagnostics: [] });
      // Back to the saved file for the context totals.
      const key = ignoreKeys.get(iu);
      ignoreKeys.delete(iu);
      if (key) sharedContextWorker().ignoreText(key, undefined).then(() => contextUpdated(key, iu), () => undefined);
      return;
    }
    const uri = p.textDocument?.uri;
    if (typeof uri !== 'string') return;
    const closed = docs.get(uri);
    if (closed) toSettle.delete(closed);
    docs.delete(uri);
    facts.delete(uri);
    perDoc.delete(uri);
    dirty.delete(uri);
    void connection.sendDiagnostics({ uri, diagnostics: [] });
  });

  // ---- requests -------------------------------------------------------------------------------
  connection.onCodeAction(safe('codeAction', (p) => {
    const doc = docOf(p);
    const range = checkRange(doc, p.range);
    const o = docOptions(doc);
    return computeCodeActions(doc, doc.findings(o), o, locale(), { range, only: p.context?.only });
  }));

  const offsetOf = (doc: DockerfileDocument, p: { position?: unknown }) => doc.offsetAt(checkPosition(doc, p.position));

  connection.onDefinition(safe('definition', (p) => { const d = docOf(p); return findDefinition(d, offsetOf(d, p)); }));
  connection.onReferences(safe('references', (p) => { const d = docOf(p); return findReferences(d, offsetOf(d, p), !!p.context?.includeDeclaration); }));
  connection.onDocumentHighlight(safe('documentHighlight', (p) => { const d = docOf(p); return documentHighlights(d, offsetOf(d, p)); }));
  connection.onPrepareRename(safe('prepareRename', (p) => { const d = docOf(p); return prepareRename(d, offsetOf(d, p)); }));
  connection.onRenameRequest(safe('rename', (p) => {
    const d = docOf(p);
    if (typeof p.newName !== 'string') throw new ResponseError(ErrorCodes.InvalidParams, 'newName must be a string');
    try {
      return rename(d, offsetOf(d, p), p.newName);
    } catch (e) {
      if (e instanceof RenameError) throw new ResponseError(ErrorCodes.InvalidParams, e.message);
      throw e;
    }
  }));
  connection.onDocumentSymbol(safe('documentSymbol', (p) => documentSymbols(docOf(p))));
  connection.onFoldingRanges(safe('foldingRange', (p) => foldingRanges(docOf(p))));
  connection.onDocumentLinks(safe('documentLink', (p) => documentLinks(docOf(p))));
  connection.languages.inlayHint.on(safe('inlayHint', (p) => { const d = docOf(p); return inlayHints(d, p.range ? checkRange(d, p.range) : null); }));
  const tokensOff = () => settings.semanticTokens?.enabled === false;
  connection.languages.semanticTokens.on(safe('semanticTokens', (p) => (tokensOff() ? { data: [] } : semanticTokensFull(docOf(p)))));
  connection.languages.semanticTokens.onDelta(safe('semanticTokensDelta', (p) => (tokensOff() ? { data: [] } : semanticTokensDelta(docOf(p), String(p.previousResultId)))));
  connection.languages.semanticTokens.onRange(safe('semanticTokensRange', (p) => {
    if (tokensOff()) return { data: [] };
    const d = docOf(p);
    const r = checkRange(d, p.range);
    return semanticTokensRange(d, d.offsetAt(r.start), d.offsetAt(r.end));
  }));
  const formatOpts = (o: { tabSize?: number; insertSpaces?: boolean } | undefined) => ({
    tabSize: typeof o?.tabSize === 'number' ? o.tabSize : 4,
    insertSpaces: o?.insertSpaces !== false,
    ignoreMultilineInstructions: !!settings.format?.ignoreMultilineInstructions,
  });
  connection.onCompletion(safe('completion', (p) => { const d = docOf(p); return computeCompletion(d, checkPosition(d, p.position), { locale: locale() }); }));
  connection.onHover(safe('hover', (p) => { const d = docOf(p); return computeHover(d, checkPosition(d, p.position), { locale: locale() }); }));
  connection.onSignatureHelp(safe('signatureHelp', (p) => { const d = docOf(p); return computeSignatureHelp(d, checkPosition(d, p.position), { locale: locale() }); }));
  connection.onDocumentFormatting(safe('formatting', (p) => formatDocument(docOf(p), formatOpts(p.options))));
  connection.onDocumentRangeFormatting(safe('rangeFormatting', (p) => { const d = docOf(p); return formatDocument(d, formatOpts(p.options), checkRange(d, p.range)); }));

  // Build context: scanned in a worker thread so requests stay responsive. The worker keeps
  // each scanned index; file events update it incrementally instead of rescanning.
  const scanned = new Map<string, { root: string; uri: string }>();
  const latest = new Map<string, ContextSummaryResult>();
  connection.onDidChangeWatchedFiles((p) => {
    const changes = Array.isArray(p?.changes) ? p.changes : [];
    const events = changes.filter((c) => typeof c?.uri === 'string' && c.uri.startsWith('file:')).map((c) => ({
      path: fileURLToPath(c.uri), type: c.type === 1 ? 'created' as const : c.type === 3 ? 'deleted' as const : 'changed' as const,
    }));
    if (events.length) {
      onDisk.clear();
      // A Dockerfile that was just saved for the first time (or deleted) changes what its context rules can say.
      for (const e of events) {
        const u = pathToFileURL(e.path).href;
        if (docs.has(u)) { facts.delete(u); dirty.add(u); }
      }
      flushSoon();
    }
    if (events.some((e) => [...HADOLINT_FILES, ...DOCKWISE_FILES].includes(path.basename(e.path)))) {
      dirOptions.clear();
      revalidateAll();
    }
    for (const [key, ctx] of scanned) {
      const mine = events.filter((e) => e.path === ctx.root || e.path.startsWith(ctx.root.endsWith('/') ? ctx.root : ctx.root + '/'));
      if (mine.length === 0) continue;
      sharedContextWorker().changes(key, mine).then(
        (summary) => {
          if (summary) latest.set(key, summary as unknown as ContextSummaryResult);
          contextUpdated(key, ctx.uri);
        },
        (e) => connection.console.warn(`context update failed: ${(e as Error).message}`),
      );
    }
  });

  async function contextFor(uri: string, list: boolean, token: CancellationToken): Promise<{ key: string; summary: ContextSummaryResult; source: string }> {
    const file = fileURLToPath(uri);
    const isIgnore = file.endsWith('.dockerignore');
    const choice = isIgnore ? { root: file.slice(0, file.lastIndexOf('/')) || '/', source: 'default' as const } : findContextRoot(file, settings.context?.roots, workspaceRoots);
    const scanParams = { root: choice.root, dockerfile: isIgnore ? undefined : file };
    const key = ContextWorker.keyOf(scanParams);
    const cached = latest.get(key);
    if (cached && !list && scanned.get(key)?.root === choice.root) return { key, summary: cached, source: choice.source };
    scanned.set(key, { root: choice.root, uri });
    // Long scans report `$/progress` (server-initiated, when the client supports it), shown
    // only if the scan is still running after 300 ms so quick scans do not flash.
    let progress: Promise<WorkDoneProgressServerReporter | null> | null = null;
    const started = Date.now();
    const onProgress = (p: { entries: number; includedFiles: number; includedBytes: number; dir: string }) => {
      if (!workDoneProgress || Date.now() - started < PROGRESS_DELAY_MS) return;
      progress ??= connection.window.createWorkDoneProgress().then((r) => {
        r.begin(locale() === 'ko' ? '빌드 컨텍스트 검사' : 'Scanning the build context', undefined, choice.root, false);
        return r;
      }, () => null);
      const msg = locale() === 'ko'
        ? `항목 ${p.entries.toLocaleString('en-US')}개, 전송 파일 ${p.includedFiles.toLocaleString('en-US')}개 — ${p.dir || '.'}`
        : `${p.entries.toLocaleString('en-US')} entries, ${p.includedFiles.toLocaleString('en-US')} files to send — ${p.dir || '.'}`;
      void progress.then((r) => r?.report(msg));
    };
    let summary: ContextSummaryResult;
    try {
      summary = (await sharedContextWorker().scan({ ...scanParams, key, list, ...(PROGRESS_DELAY_MS === 0 ? { progressIntervalMs: 0 } : {}) }, { token, onProgress })) as unknown as ContextSummaryResult;
    } finally {
      void (progress as Promise<WorkDoneProgressServerReporter | null> | null)?.then((r) => r?.done());
    }
    if (!token.isCancellationRequested && !list) latest.set(key, summary);
    return { key, summary, source: choice.source };
  }

  connection.onCodeLens(async (p, token) => {
    try {
      const doc = docs.get(p?.textDocument?.uri);
      if (!doc || !doc.uri.startsWith('file:') || doc.uri.endsWith('.dockerignore')) return [];
      const { key, summary } = await contextFor(doc.uri, false, token);
      const copies = contextCopies(doc);
      const infos = copies.length ? ((await sharedContextWorker().copySources(key, copies.flatMap((c) => c.sources))) ?? []) : [];
      let k = 0;
      const withInfo = copies.map((c) => ({ ins: c.ins, infos: c.sources.map(() => infos[k++] as SourceInfo).filter(Boolean) }));
      return contextLenses(doc, summary, withInfo, locale());
    } catch (e) {
      connection.console.warn(`codeLens failed: ${(e as Error).message}`);
      return [];
    }
  });

  connection.onRequest(ContextSummaryRequest.type, async (p, token) => {
    const uri = (p as { uri?: unknown } | null)?.uri;
    if (typeof uri !== 'string') return new ResponseError(ErrorCodes.InvalidParams, 'uri is required');
    if (!uri.startsWith('file:')) return null; // virtual documents have no local context
    try {
      const { summary, source } = await contextFor(uri, !!p.list, token);
      if (token.isCancellationRequested) return new ResponseError(LSPErrorCodes.RequestCancelled, 'request cancelled');
      return { ...summary, rootSource: source as ContextSummaryResult['rootSource'] };
    } catch (e) {
      return new ResponseError(ErrorCodes.InternalError, `context scan failed: ${(e as Error).message}`);
    }
  });

  connection.listen();
}
