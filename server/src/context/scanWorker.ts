//! The context-scan worker (bundled to dist/scanWorker.js). Runs scans synchronously off the
//! server's thread and keeps each scanned context's index for incremental updates and COPY
//! queries. Host side: server/src/node/scanWorkerHost.ts. Cancellation arrives through a
//! SharedArrayBuffer flag (the worker is busy while scanning and cannot read messages).
//! This file is node glue (worker_threads + the node:fs adapter); the engine itself is pure.
import { parentPort } from 'node:worker_threads';
import { nodeFileSystem } from '../node/nodeFileSystem';
import { ContextIndex, type ChangeEvent, type ScanOptions } from './scanner';
import { analyzeCopySource, analyzeIgnoreFile } from './copySources';
import { computeContextFacts } from './facts';

export type WorkerRequest =
  | { id: number; op: 'scan'; key: string; options: Omit<ScanOptions, 'onProgress' | 'token' | 'isCancelled'>; list?: boolean; cancel?: SharedArrayBuffer }
  | { id: number; op: 'changes'; key: string; events: ChangeEvent[]; list?: boolean }
  | { id: number; op: 'ignoreText'; key: string; text: string | null | undefined; list?: boolean }
  | { id: number; op: 'copy'; key: string; sources: string[] }
  | { id: number; op: 'facts'; key: string; sources: string[] }
  | { id: number; op: 'ignoreAnalysis'; key: string; text: string }
  | { id: number; op: 'dispose'; key: string };

export type WorkerResponse =
  | { id: number; progress: { entries: number; includedFiles: number; includedBytes: number; dir: string } }
  | { id: number; partial: unknown }
  | { id: number; result: unknown }
  | { id: number; error: string };

const indexes = new Map<string, ContextIndex>();

function handle(msg: WorkerRequest): unknown {
  switch (msg.op) {
    case 'scan': {
      const flag = msg.cancel ? new Int32Array(msg.cancel) : null;
      const ix = new ContextIndex(nodeFileSystem, {
        ...msg.options,
        isCancelled: flag ? () => Atomics.load(flag, 0) !== 0 : undefined,
        onProgress: (p) => parentPort?.postMessage({ id: msg.id, progress: p } satisfies WorkerResponse),
      });
      // phase 1: what is sent (pruned dirs not walked) → a partial summary right away;
      // phase 2: count what the pruned directories exclude.
      ix.scan({ deferCounting: true });
      if (!ix.cancelled && !ix.excludedComplete) {
        parentPort?.postMessage({ id: msg.id, partial: ix.summary({ list: msg.list }) } satisfies WorkerResponse);
        ix.countDeferred();
      }
      if (!ix.cancelled) indexes.set(msg.key, ix);
      return ix.summary({ list: msg.list });
    }
    case 'changes': {
      const ix = indexes.get(msg.key);
      if (!ix) return null;
      ix.applyChanges(msg.events);
      return ix.summary({ list: msg.list });
    }
    case 'ignoreText': {
      const ix = indexes.get(msg.key);
      if (!ix) return null;
      ix.setIgnoreText(msg.text);
      return ix.summary({ list: msg.list });
    }
    case 'copy': {
      const ix = indexes.get(msg.key);
      if (!ix) return null;
      return msg.sources.map((s) => analyzeCopySource(ix, s));
    }
    case 'facts': {
      const ix = indexes.get(msg.key);
      if (!ix) return null;
      return computeContextFacts(ix, msg.sources);
    }
    case 'ignoreAnalysis': {
      const ix = indexes.get(msg.key);
      if (!ix) return null;
      ix.setIgnoreText(msg.text);
      return { analysis: analyzeIgnoreFile(ix, 3), summary: ix.summary({}) };
    }
    case 'dispose':
      indexes.delete(msg.key);
      return true;
  }
}

parentPort?.on('message', (msg: WorkerRequest) => {
  try {
    parentPort?.postMessage({ id: msg.id, result: handle(msg) } satisfies WorkerResponse);
  } catch (e) {
    parentPort?.postMessage({ id: msg.id, error: (e as Error)?.stack ?? String(e) } satisfies WorkerResponse);
  }
});
