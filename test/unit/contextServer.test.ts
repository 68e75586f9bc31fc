//! `dockwise/contextSummary` over LSP agrees with `dockwise context --format json`, and the
//! context root comes from a Compose file when one builds this Dockerfile.
import { test, after } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { LspClient } from '../support/lspClient';
import { REPO_ROOT } from './support/paths';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dockwise-ctx-'));
const put = (rel: string, text: string) => { const p = path.join(tmp, rel); fs.mkdirSync(path.dirname(p), { recursive: true }); fs.writeFileSync(p, text); };
put('app/Dockerfile', 'FROM node:20\nCOPY . /app\n');
put('app/.dockerignore', 'node_modules\n*.log\n!keep.log\n');
put('app/src/index.js', 'console.log(1)\n'.repeat(10));
put('app/node_modules/x/index.js', 'x'.repeat(500));
put('app/debug.log', 'log');
put('app/keep.log', 'keep');
put('svc/docker/Dockerfile', 'FROM alpine\nCOPY . /s\n');
put('svc/compose.yaml', 'services:\n  api:\n    build:\n      context: .\n      dockerfile: docker/Dockerfile\n');
put('svc/main.go', 'package main\n');

const c = new LspClient(process.execPath, [path.join(REPO_ROOT, 'dist', 'server.js'), '--stdio']);
after(async () => { await c.shutdown(); });

test('contextSummary matches the CLI for the same directory', async () => {
  await c.initialize(pathToFileURL(tmp).href, 'en');
  const df = path.join(tmp, 'app', 'Dockerfile');
  const r = (await c.conn.sendRequest('dockwise/contextSummary', { uri: pathToFileURL(df).href })) as Record<string, unknown>;
  const cli = spawnSync(process.execPath, [path.join(REPO_ROOT, 'dist', 'cli.js'), 'context', '--format', 'json', path.join(tmp, 'app')], { encoding: 'utf8' });
  assert.equal(cli.status, 0, cli.stderr);
  const j = JSON.parse(cli.stdout) as Record<string, unknown>;
  for (const k of ['includedFiles', 'includedBytes', 'excludedFiles', 'excludedBytes']) assert.equal(r[k], j[k], k);
  const listed = (await c.conn.sendRequest('dockwise/contextSummary', { uri: pathToFileURL(df).href, list: true })) as { files: { path: string }[] };
  // Docker sends the Dockerfile and .dockerignore too; `!keep.log` re-includes one log file.
  assert.deepEqual(listed.files.map((f) => f.path).sort(), ['.dockerignore', 'Dockerfile', 'keep.log', 'src/index.js']);
  assert.equal(r.rootSource, 'default');
});

test('a Compose file that builds the Dockerfile sets its context root', async () => {
  const df = path.join(tmp, 'svc', 'docker', 'Dockerfile');
  const r = (await c.conn.sendRequest('dockwise/contextSummary', { uri: pathToFileURL(df).href })) as { root: string; rootSource: string };
  assert.equal(r.rootSource, 'compose');
  assert.equal(path.resolve(r.root), path.join(tmp, 'svc'));
});

test('bad params get an error; non-file URIs get null', async () => {
  await assert.rejects(c.conn.sendRequest('dockwise/contextSummary', {}), /uri is required/);
  assert.equal(await c.conn.sendRequest('dockwise/contextSummary', { uri: 'vscode-vfs://github/x/Dockerfile' }), null);
});

test('file events update the context incrementally (didChangeWatchedFiles → contextChanged)', async () => {
  const df = path.join(tmp, 'app', 'Dockerfile');
  const before = (await c.conn.sendRequest('dockwise/contextSummary', { uri: pathToFileURL(df).href })) as { includedFiles: number; includedBytes: number };
  put('app/src/new.js', 'y'.repeat(1000));
  const changed = new Promise<void>((resolve) => c.conn.onNotification('dockwise/contextChanged', () => resolve()));
  c.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(path.join(tmp, 'app', 'src', 'new.js')).href, type: 1 }] });
  await changed;
  const after = (await c.conn.sendRequest('dockwise/contextSummary', { uri: pathToFileURL(df).href })) as { includedFiles: number; includedBytes: number };
  assert.equal(after.includedFiles, before.includedFiles + 1);
  assert.equal(after.includedBytes, before.includedBytes + 1000);
});

test('CodeLens: context size above FROM, what each COPY from the context copies', async () => {
  const df = path.join(tmp, 'app', 'Dockerfile');
  c.open(pathToFileURL(df).href, fs.readFileSync(df, 'utf8'), 1);
  const lenses = (await c.conn.sendRequest('textDocument/codeLens', { textDocument: { uri: pathToFileURL(df).href } })) as { range: { start: { line: number } }; command: { title: string } }[];
  const byLine = new Map(lenses.map((l) => [l.range.start.line, l.command.title]));
  assert.match(byLine.get(0) ?? '', /^Build context: 5 files, .* sent \(2 excluded by \.dockerignore\)$/);
  assert.match(byLine.get(1) ?? '', /^copies 5 files, /);
});
