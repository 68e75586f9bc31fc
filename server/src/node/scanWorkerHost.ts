//! Host side of the context-scan worker: `scanInWorker(params, {onProgress, token})`, and a
//! `ContextWorker` that keeps indexes in the worker for incremental updates and COPY queries.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ChangeEvent, ContextSummary, ScanOptions, ScanProgress } from '../context/scanner';
import type { ContextFacts } from '../context/facts';
import type { CopySourceInfo, IgnorePatternAnalysis } from '../context/copySources';
import type { WorkerRequest, WorkerResponse } from '../context/scanWorker';

type DistributiveOmitId<T> = T extends unknown ? Omit<T, 'id'> : never;

export interface HostToken {
  readonly isCancellationRequested: boolean;
  onCancellationRequested?: (listener: () => void) => unknown;
}

export interface ScanParams extends Omit<ScanOptions, 'onProgress' | 'token' | 'isCancelled'> {
  /** Key under which the worker keeps the index (default: root + dockerfile). */
  key?: string;
  list?: boolean;
}

/** dist/scanWorker.js next to the bundle, or out/server/src/context/scanWorker.js under tsc. */
export function defaultWorkerPath(): string {
  const candidates = [path.join(__dirname, 'scanWorker.js'), path.join(__dirname, '../context/scanWorker.js')];
  return candidates.find((p) => fs.existsSync(p)) ?? candidates[0];
}

export interface ScanCallbacks {
  onProgress?: (p: ScanProgress) => void;
  /**
   * The included totals are known before the pruned (excluded) directories are counted: this
   * receives that first summary (excludedComplete: false); the promise gives the final one.
   */
  onPartial?: (s: ContextSummary) => void;
  token?: HostToken;
}

interface Pending { resolve(v: unknown): void; reject(e: Error): void; onProgress?: (p: ScanProgress) => void; onPartial?: (s: ContextSummary) => void }

export class ContextWorker {
  private worker: Worker | null = null;
  private nextId = 1;
  private pending = new Map<number, Pending>();

  constructor(private workerPath = defaultWorkerPath(), private execArgv: string[] = []) {}

  private ensure(): Worker {
    if (this.worker) return this.worker;
    // The worker's stdout goes to our stderr: over stdio, stdout is the protocol stream.
    const w = new Worker(this.workerPath, { execArgv: this.execArgv, stdout: true });
    w.stdout.pipe(process.stderr);
    w.unref();
    w.on('message', (m: WorkerResponse) => {
      const p = this.pending.get(m.id);
      if (!p) return;
      if ('progress' in m) p.onProgress?.(m.progress);
      else if ('partial' in m) p.onPartial?.(m.partial as ContextSummary);
      else {
        this.pending.delete(m.id);
        if ('error' in m) p.reject(new Error(m.error));
        else p.resolve(m.result);
      }
    });
    const fail = (e: Error) => {
      for (const p of this.pending.values()) p.reject(e);
      this.pending.clear();
      this.worker = null;
    };
    w.on('error', fail);
    w.on('exit', (code) => fail(new Error(`context worker exited (${code})`)));
    this.worker = w;
    return w;
  }

  private call<T>(msg: DistributiveOmitId<WorkerRequest>, onProgress?: (p: ScanProgress) => void, onPartial?: (s: ContextSummary) => void): Promise<T> {
    const w = this.ensure();
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, onProgress, onPartial });
      // keep the process alive while a request is outstanding
      w.ref();
      w.postMessage({ ...msg, id });
    }).finally(() => {
      if (this.pending.size === 0) this.worker?.unref();
    });
  }

  static keyOf(p: { root: string; dockerfile?: string }): string {
    return p.root + '\0' + (p.dockerfile ?? '');
  }

  async scan(params: ScanParams, opts: ScanCallbacks = {}): Promise<ContextSummary> {
    const { key, list, ...options } = params;
    const cancel = new SharedArrayBuffer(4);
    const flag = new Int32Array(cancel);
    const token = opts.token;
    let timer: NodeJS.Timeout | undefined;
    if (token) {
      if (token.isCancellationRequested) Atomics.store(flag, 0, 1);
      token.onCancellationRequested?.(() => Atomics.store(flag, 0, 1));
      timer = setInterval(() => {
        if (token.isCancellationRequested) Atomics.store(flag, 0, 1);
      }, 20);
    }
    try {
      return await this.call<ContextSummary>({ op: 'scan', key: key ?? ContextWorker.keyOf(params), options, list, cancel }, opts.onProgress, opts.onPartial);
    } finally {
      if (timer) clearInterval(timer);
    }
  }

  /** Apply watcher events to a kept index; null if that context was never scanned. */
  changes(key: string, events: ChangeEvent[], list?: boolean): Promise<ContextSummary | null> {
    return this.call({ op: 'changes', key, events, list });
  }

  /** New ignore-file text (unsaved buffer), or undefined to re-read it from disk. */
  ignoreText(key: string, text: string | null | undefined, list?: boolean): Promise<ContextSummary | null> {
    return this.call({ op: 'ignoreText', key, text, list });
  }

  copySources(key: string, sources: string[]): Promise<CopySourceInfo[] | null> {
    return this.call({ op: 'copy', key, sources });
  }

  /** Everything the context rules need for these COPY/ADD sources (null when `key` was never scanned). */
  facts(key: string, sources: string[]): Promise<ContextFacts | null> {
    return this.call({ op: 'facts', key, sources });
  }

  /** Evaluates unsaved `.dockerignore` text against the scanned context (also updates its totals). */
  ignoreAnalysis(key: string, text: string): Promise<{ analysis: IgnorePatternAnalysis[]; summary: ContextSummary } | null> {
    return this.call({ op: 'ignoreAnalysis', key, text });
  }

  dispose(key: string): Promise<boolean> {
    return this.call({ op: 'dispose', key });
  }

  async terminate(): Promise<void> {
    const w = this.worker;
    this.worker = null;
    if (w) await w.terminate();
  }
}

let shared: ContextWorker | null = null;

/** Scan in the shared worker thread. The index stays in the worker under `params.key`. */
export function scanInWorker(params: ScanParams, opts: ScanCallbacks = {}): Promise<ContextSummary> {
  shared ??= new ContextWorker();
  return shared.scan(params, opts);
}

export function sharedContextWorker(): ContextWorker {
  shared ??= new ContextWorker();
  return shared;
}
