//! Server entry point (`dockwise-language-server`): `--stdio`, `--node-ipc` or `--socket=N`.
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { createConnection, ProposedFeatures, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';
import type { ContentTypeEncoder, DataCallback, Disposable } from 'vscode-jsonrpc';
import { format } from 'node:util';
import { encodeRawJson, RAW_JSON, type RawJson } from './features/diagnostics';

import { startServer } from './server';

const argv = process.argv.slice(2);
if (argv.includes('--version')) {
  process.stdout.write('dockwise-language-server 0.1.0\n');
  process.exit(0);
}
if (argv.includes('--help') || !argv.some((a) => a === '--stdio' || a === '--node-ipc' || a.startsWith('--socket') || a.startsWith('--pipe') || a.startsWith('--clientProcessId'))) {
  process.stderr.write('usage: dockwise-language-server --stdio | --node-ipc | --socket=PORT\n');
  process.exit(argv.includes('--help') ? 0 : 2);
}
// A bug must never take the editor's server down: log and keep serving.
process.on('uncaughtException', (e) => process.stderr.write(`dockwise: uncaught ${e.stack ?? e}\n`));
process.on('unhandledRejection', (e) => process.stderr.write(`dockwise: unhandled rejection ${String(e)}\n`));
// A full GC once the user pauses returns the large string versions of big files to the OS.
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as (() => void) | undefined;
const idleGc = typeof gc === 'function' ? gc : undefined;
if (argv.includes('--stdio')) {
  // Our own JSON encoder on stdout: a message whose params carry pre-encoded JSON text
  // (RAW_JSON: diagnostics with their cached parts) is written as is; others as JSON.stringify would.
  const contentTypeEncoder: ContentTypeEncoder = {
    name: 'application/json',
    encode(msg, options) {
      try {
        const m = msg as { method?: string; params?: { [RAW_JSON]?: RawJson } };
        const raw = m.params?.[RAW_JSON];
        if (raw && m.method && (options.charset ?? 'utf-8') === 'utf-8') {
          const head = `{"jsonrpc":"2.0","method":${JSON.stringify(m.method)},"params":${raw.head}`;
          return Promise.resolve(encodeRawJson({ head, parts: raw.parts, tail: raw.tail + '}' }));
        }
        return Promise.resolve(Buffer.from(JSON.stringify(msg, undefined, 0), (options.charset ?? 'utf-8') as BufferEncoding));
      } catch (e) {
        return Promise.reject(e);
      }
    },
  };
  // With our own reader and writer, createConnection leaves two things of its stdio mode to us:
  // exit when the client closes stdin (0 after a shutdown request, as the library does), and
  // keep stray console output off stdout (it would corrupt the protocol stream).
  let shutdown = false;
  class Reader extends StreamMessageReader {
    override listen(callback: DataCallback): Disposable {
      return super.listen((m) => {
        if ((m as { method?: string }).method === 'shutdown') shutdown = true;
        callback(m);
      });
    }
  }
  const reader = new Reader(process.stdin);
  const writer = new StreamMessageWriter(process.stdout, { contentTypeEncoder });
  const connection = createConnection(ProposedFeatures.all, reader, writer);
  for (const ev of ['end', 'close'] as const) process.stdin.on(ev, () => process.exit(shutdown ? 0 : 1));
  const toLog = (...args: unknown[]) => connection.console.log(format(...args));
  console.log = console.info = console.debug = toLog;
  console.warn = (...args: unknown[]) => connection.console.warn(format(...args));
  console.error = (...args: unknown[]) => connection.console.error(format(...args));
  startServer(connection, { idleGc, rawJson: true });
} else {
  startServer(createConnection(ProposedFeatures.all), { idleGc });
}
