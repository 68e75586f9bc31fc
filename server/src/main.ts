//! Server entry point (`dockwise-language-server`): `--stdio`, `--node-ipc` or `--socket=N`.
import * as v8 from 'node:v8';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { SERVER_NODE_FLAGS } from './nodeFlags';

// Applied at startup so every launcher (VS Code, Neovim, Helix, …) gets them without a wrapper.
for (const f of SERVER_NODE_FLAGS) v8.setFlagsFromString(f);
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
startServer(createConnection(ProposedFeatures.all));
