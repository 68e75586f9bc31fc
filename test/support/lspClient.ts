//! A small LSP client over stdio (vscode-jsonrpc), used by the server tests and the benchmarks.
import { WorkDoneProgress } from 'vscode-languageserver/node';
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';

export interface PublishedDiagnostics {
  uri: string;
  version?: number;
  diagnostics: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; code?: string | number; message: string; severity?: number; source?: string; data?: unknown }[];
  receivedAt: number;
}

export class LspClient {
  readonly conn: MessageConnection;
  readonly proc: ChildProcess;
  /** The latest publishes (at most `retain`, oldest first). */
  readonly published: PublishedDiagnostics[] = [];
  /** How many publishes arrived in all. */
  publishCount = 0;
  /** `$/progress` notifications received (work-done progress). */
  readonly progress: { token: unknown; value: { kind: string; title?: string; message?: string } }[] = [];
  private waiters: { pred: (p: PublishedDiagnostics) => boolean; resolve: (p: PublishedDiagnostics) => void; reject: (e: Error) => void; timer: NodeJS.Timeout }[] = [];
  stderr = '';

  /**
   * `retain`: how many publishes to keep. A benchmark keeps few: hundreds of kept publishes of a
   * 20,000-line file are hundreds of MB of client heap, whose collection would land in the timings.
   */
  constructor(command: string, args: string[], private readonly retain = 1000) {
    this.proc = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    this.proc.stderr!.on('data', (d) => { this.stderr += d.toString(); });
    this.conn = createMessageConnection(new StreamMessageReader(this.proc.stdout!), new StreamMessageWriter(this.proc.stdin!));
    // `$/progress` is dispatched per token by vscode-jsonrpc: subscribe when the server creates one.
    this.conn.onRequest('window/workDoneProgress/create', (params: { token: string | number }) => {
      this.conn.onProgress(WorkDoneProgress.type, params.token, (value) => { this.progress.push({ token: params.token, value: value as { kind: string; title?: string; message?: string } }); });
      return null;
    });
    this.conn.onNotification('textDocument/publishDiagnostics', (p: Omit<PublishedDiagnostics, 'receivedAt'>) => {
      const e = { ...p, receivedAt: performance.now() };
      this.published.push(e);
      this.publishCount++;
      if (this.published.length > this.retain) this.published.splice(0, this.published.length - Math.ceil(this.retain / 2));
      for (const w of this.waiters.slice()) {
        if (w.pred(e)) {
          clearTimeout(w.timer);
          this.waiters.splice(this.waiters.indexOf(w), 1);
          w.resolve(e);
        }
      }
    });
    this.conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => null));
    this.conn.onRequest('client/registerCapability', () => null);
    this.conn.onNotification('window/logMessage', (m: { message: string }) => { if (process.env.DOCKWISE_TRACE) process.stderr.write(m.message + '\n'); });
    this.conn.listen();
  }

  waitFor(pred: (p: PublishedDiagnostics) => boolean, timeoutMs = 30000): Promise<PublishedDiagnostics> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w.timer !== timer);
        reject(new Error(`timed out after ${timeoutMs} ms waiting for diagnostics`));
      }, timeoutMs);
      this.waiters.push({ pred, resolve, reject, timer });
    });
  }

  async initialize(rootUri: string | null = null, locale = 'en', initializationOptions: unknown = undefined): Promise<unknown> {
    const r = await this.conn.sendRequest('initialize', {
      processId: process.pid, rootUri, locale, initializationOptions,
      capabilities: {
        workspace: { configuration: true },
        window: { workDoneProgress: true },
        textDocument: {
          synchronization: { didSave: true },
          publishDiagnostics: { versionSupport: true, relatedInformation: true },
          completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown'] } },
          hover: { contentFormat: ['markdown'] },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } } },
        },
      },
    });
    this.conn.sendNotification('initialized', {});
    return r;
  }

  open(uri: string, text: string, version = 1, languageId = 'dockerfile'): void {
    this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  change(uri: string, version: number, changes: unknown[]): void {
    this.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
  }

  rss(): number | null {
    try {
      const s = fs.readFileSync(`/proc/${this.proc.pid}/status`, 'utf8');
      const m = /VmRSS:\s+(\d+) kB/.exec(s);
      return m ? Number(m[1]) / 1024 : null;
    } catch {
      return null;
    }
  }

  /** Peak resident set size (VmHWM) in MiB. */
  peakRss(): number | null {
    try {
      const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${this.proc.pid}/status`, 'utf8'));
      return m ? Number(m[1]) / 1024 : null;
    } catch {
      return null;
    }
  }

  async shutdown(): Promise<void> {
    try {
      await Promise.race([this.conn.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 3000))]);
      this.conn.sendNotification('exit');
    } catch { /* already gone */ }
    await new Promise((r) => setTimeout(r, 50));
    this.conn.dispose();
    if (this.proc.exitCode === null) this.proc.kill();
  }
}
