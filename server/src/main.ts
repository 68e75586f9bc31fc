//! Server entry point (`dockwise-language-server`): `--stdio`, `--node-ipc` or `--socket=N`.
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';

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
startServer(createConnection(ProposedFeatures.all), { idleGc: typeof gc === 'function' ? gc : undefined });
