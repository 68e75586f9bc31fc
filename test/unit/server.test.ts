//! Drives the bundled server (dist/server.js) over stdio with a real JSON-RPC client.
import { test, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { LspClient } from '../support/lspClient';
import { REPO_ROOT } from './support/paths';

const SERVER = path.join(REPO_ROOT, 'dist', 'server.js');
let c: LspClient;

before(async () => {
  c = new LspClient(process.execPath, [SERVER, '--stdio']);
  const init = (await c.initialize(null, 'en')) as { capabilities: { textDocumentSync: { change: number } } };
  assert.equal(init.capabilities.textDocumentSync.change, 2, 'incremental sync');
});
after(async () => { await c.shutdown(); });

test('didOpen publishes versioned diagnostics with DF codes and source', async () => {
  const uri = 'file:///tmp/a/Dockerfile';
  const wait = c.waitFor((p) => p.uri === uri);
  c.open(uri, 'FROM alpine\nRUNN echo hi\n', 3);
  const p = await wait;
  assert.equal(p.version, 3);
  const d = p.diagnostics.find((x) => x.code === 'DF001');
  assert.ok(d, JSON.stringify(p.diagnostics));
  assert.equal(d.source, 'dockwise');
  assert.deepEqual(d.data, { name: 'unknown-instruction' }); // rules.md §7.11
  assert.deepEqual(d.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 4 } });
  assert.match(d.message, /did you mean RUN\?/);
});

test('incremental edits update diagnostics for the new version', async () => {
  const uri = 'file:///tmp/b/Dockerfile';
  let wait = c.waitFor((p) => p.uri === uri);
  c.open(uri, 'FROM alpine\nRUNN echo hi\n', 1);
  await wait;
  wait = c.waitFor((p) => p.uri === uri && p.version === 2);
  c.change(uri, 2, [{ range: { start: { line: 1, character: 3 }, end: { line: 1, character: 4 } }, text: '' }]);
  const p = await wait;
  assert.equal(p.diagnostics.filter((x) => x.code === 'DF001').length, 0);
});

test('code actions return real edits (no command round trip)', async () => {
  const uri = 'file:///tmp/c/Dockerfile';
  const wait = c.waitFor((p) => p.uri === uri);
  c.open(uri, 'FROM alpine\nHEALTHCHECK --timout=3s CMD true\n', 1);
  await wait;
  const actions = (await c.conn.sendRequest('textDocument/codeAction', {
    textDocument: { uri }, range: { start: { line: 1, character: 12 }, end: { line: 1, character: 12 } }, context: { diagnostics: [] },
  })) as { title: string; edit?: { changes?: Record<string, { newText: string }[]> } }[];
  const fix = actions.find((a) => a.title === 'Change flag name to --timeout');
  assert.ok(fix, JSON.stringify(actions.map((a) => a.title)));
  assert.equal(fix.edit?.changes?.[uri][0].newText, 'timeout');
});

test('right after an edit, requests about later lines see their moved positions (nodes settle on read)', async () => {
  // A keystroke in the first stage moves every later instruction lazily (Instruction.lag) and
  // re-checks only that stage; the code action and the hover on the second stage must see
  // current offsets (lag.test.ts checks the same without the server's idle settle).
  const uri = 'file:///tmp/lag/Dockerfile';
  const body = Array.from({ length: 40 }, (_, i) => `ENV K${i}=v${i}`).join('\n');
  let wait = c.waitFor((p) => p.uri === uri);
  c.open(uri, `FROM alpine AS a\nRUN echo hi\nFROM alpine\n${body}\nHEALTHCHECK --timout=3s CMD true\n`, 1);
  await wait;
  wait = c.waitFor((p) => p.uri === uri && p.version === 2);
  c.change(uri, 2, [{ range: { start: { line: 1, character: 9 }, end: { line: 1, character: 9 } }, text: 'abcdefgh' }]);
  const p = await wait;
  const hc = 43; // the HEALTHCHECK line
  const d = p.diagnostics.find((x) => x.code === 'DF002');
  assert.deepEqual(d?.range, { start: { line: hc, character: 12 }, end: { line: hc, character: 20 } }, JSON.stringify(p.diagnostics));
  const actions = (await c.conn.sendRequest('textDocument/codeAction', {
    textDocument: { uri }, range: { start: { line: hc, character: 14 }, end: { line: hc, character: 14 } }, context: { diagnostics: [] },
  })) as { title: string; edit?: { changes?: Record<string, { range: { start: { line: number; character: number } }; newText: string }[]> } }[];
  const fix = actions.find((a) => a.title === 'Change flag name to --timeout');
  assert.ok(fix, JSON.stringify(actions.map((a) => a.title)));
  assert.deepEqual(fix.edit?.changes?.[uri][0].range.start, { line: hc, character: 14 });
  const hover = (await c.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: hc - 1, character: 5 } })) as { contents: { value: string } } | null;
  assert.match(hover?.contents.value ?? '', /K39/);
});

test('malformed requests get LSP errors and the server keeps running', async () => {
  await assert.rejects(c.conn.sendRequest('textDocument/codeAction', { textDocument: { uri: 'file:///nope' }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [] } }), /unknown document/);
  const uri = 'file:///tmp/d/Dockerfile';
  const wait = c.waitFor((p) => p.uri === uri);
  c.open(uri, 'FROM alpine\n', 1);
  await wait;
  await assert.rejects(c.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 999, character: 0 }, end: { line: 999, character: 0 } }, context: { diagnostics: [] } }), /outside the document/);
  await assert.rejects(c.conn.sendRequest('textDocument/codeAction', { textDocument: { uri } }), /range is required/);
  await assert.rejects(c.conn.sendRequest('textDocument/codeAction', {}), /uri is required/);
  await assert.rejects(c.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 'a', character: 0 }, end: { line: 0, character: 0 } } }), /integers/);
  // Garbage notifications must not kill the server either.
  c.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: 9 }, contentChanges: [{ range: { start: { line: -5, character: 'x' } }, text: 5 }] });
  c.conn.sendNotification('textDocument/didOpen', { textDocument: null });
  const wait2 = c.waitFor((p) => p.uri === uri && p.version === 10);
  c.change(uri, 10, [{ range: { start: { line: 0, character: 11 }, end: { line: 0, character: 11 } }, text: '\nRUNN x' }]);
  const p = await wait2;
  assert.ok(p.diagnostics.some((d) => d.code === 'DF001'), 'server still answers after malformed input');
});

test('a burst of keystrokes settles on the final version', async () => {
  const uri = 'file:///tmp/e/Dockerfile';
  const w = c.waitFor((p) => p.uri === uri);
  c.open(uri, 'FROM alpine\nRUN echo \n', 1);
  await w;
  const word = 'hello-world-and-more-text';
  let v = 1;
  for (let i = 0; i < word.length; i++) {
    v++;
    c.change(uri, v, [{ range: { start: { line: 1, character: 9 + i }, end: { line: 1, character: 9 + i } }, text: word[i] }]);
  }
  const p = await c.waitFor((x) => x.uri === uri && x.version === v);
  assert.equal(p.version, v);
  const count = c.published.filter((x) => x.uri === uri).length;
  assert.ok(count < word.length, `expected coalesced publishes, got ${count} for ${word.length} keystrokes`);
});

test('a .hadolint.yaml next to the Dockerfile applies, and editing it re-validates open files', async () => {
  const fs = await import('node:fs');
  const os = await import('node:os');
  const { pathToFileURL } = await import('node:url');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dockwise-srv-cfg-'));
  const file = path.join(dir, 'Dockerfile');
  fs.writeFileSync(path.join(dir, '.hadolint.yaml'), 'ignored: [DL3000]\n');
  const uri = pathToFileURL(file).href;
  let wait = c.waitFor((p) => p.uri === uri);
  c.open(uri, 'FROM debian:bookworm-slim\nWORKDIR app\n', 1);
  let p = await wait;
  assert.ok(!p.diagnostics.some((d) => d.code === 'DF053'), 'DL3000 is ignored by the config');
  fs.writeFileSync(path.join(dir, '.hadolint.yaml'), 'ignored: []\n');
  wait = c.waitFor((q) => q.uri === uri && q.diagnostics.some((d) => d.code === 'DF053'));
  c.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(path.join(dir, '.hadolint.yaml')).href, type: 2 }] });
  p = await wait;
  assert.ok(p.diagnostics.some((d) => d.code === 'DF053'));
});

test('the trustedRegistries setting drives DF037, wins over .hadolint.yaml and follows configuration changes', async () => {
  const fs = await import('node:fs');
  const os = await import('node:os');
  const { pathToFileURL } = await import('node:url');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dockwise-srv-trust-'));
  fs.writeFileSync(path.join(dir, '.hadolint.yaml'), 'trustedRegistries: [quay.io]\n');
  const uri = pathToFileURL(path.join(dir, 'Dockerfile')).href;
  const own = new LspClient(process.execPath, [SERVER, '--stdio']);
  try {
    await own.initialize(null, 'en', { settings: { rules: { DF037: 'warning' }, trustedRegistries: ['ghcr.io'] } });
    const untrusted = (p: { diagnostics: { code?: unknown; range: { start: { line: number } } }[] }) => p.diagnostics.filter((d) => d.code === 'DF037').map((d) => d.range.start.line);
    let wait = own.waitFor((p) => p.uri === uri);
    own.open(uri, 'FROM ghcr.io/acme/base:1 AS a\nFROM quay.io/acme/tool:2 AS b\nFROM node:22\n', 1);
    // A configured list replaces Docker Hub's default trust too (node:22 is reported).
    assert.deepEqual(untrusted(await wait), [1, 2], 'the setting (ghcr.io) replaces the project list (quay.io)');
    // Cleared setting: the project configuration's list applies again.
    wait = own.waitFor((p) => p.uri === uri && untrusted(p).includes(0));
    own.conn.sendNotification('workspace/didChangeConfiguration', { settings: { dockwise: { rules: { DF037: 'warning' }, trustedRegistries: [] } } });
    assert.deepEqual(untrusted(await wait), [0, 2]);
  } finally {
    await own.shutdown();
  }
});

test('context diagnostics arrive for a saved Dockerfile once the context is scanned, and follow file events', async () => {
  const fs = await import('node:fs');
  const os = await import('node:os');
  const { pathToFileURL } = await import('node:url');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dockwise-srv-ctx-'));
  const file = path.join(dir, 'Dockerfile');
  const text = 'FROM node:20-bookworm-slim\nWORKDIR /app\nCOPY package.json ./\n';
  fs.writeFileSync(file, text);
  const uri = pathToFileURL(file).href;
  let wait = c.waitFor((p) => p.uri === uri && p.diagnostics.some((d) => d.code === 'DF056'));
  c.open(uri, text, 1);
  const p = await wait;
  const d = p.diagnostics.find((x) => x.code === 'DF056')!;
  assert.deepEqual(d.range.start, { line: 2, character: 5 });
  fs.writeFileSync(path.join(dir, 'package.json'), '{}');
  wait = c.waitFor((q) => q.uri === uri && !q.diagnostics.some((x) => x.code === 'DF056'));
  c.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(path.join(dir, 'package.json')).href, type: 1 }] });
  await wait;
});

test('.dockerignore documents: invalid and redundant lines at once, then what matches nothing and hover counts from the context', async () => {
  const fs = await import('node:fs');
  const os = await import('node:os');
  const { pathToFileURL } = await import('node:url');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dockwise-srv-ign-'));
  fs.mkdirSync(path.join(dir, 'node_modules', 'a'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'node_modules', 'a', 'index.js'), 'x'.repeat(1000));
  fs.writeFileSync(path.join(dir, 'app.log'), 'log');
  fs.writeFileSync(path.join(dir, 'Dockerfile'), 'FROM alpine:3.20\nCOPY . /app\n');
  const file = path.join(dir, '.dockerignore');
  const text = 'node_modules\n*.log\n[z-a]\ncoverage\n*.log\n';
  fs.writeFileSync(file, text);
  const uri = pathToFileURL(file).href;
  const wait = c.waitFor((p) => p.uri === uri && p.diagnostics.some((d) => d.code === 'ignore-matches-nothing'));
  c.open(uri, text, 1, 'dockerignore');
  const p = await wait;
  const by = (code: string) => p.diagnostics.filter((d) => d.code === code).map((d) => d.range.start.line);
  assert.deepEqual(by('ignore-invalid-pattern'), [2]);
  assert.deepEqual(by('ignore-redundant'), [1], 'the first *.log is redundant (line 5 repeats it)');
  assert.deepEqual(by('ignore-matches-nothing'), [3], 'coverage matches nothing');
  assert.equal(p.diagnostics.find((d) => d.code === 'ignore-invalid-pattern')?.severity, 1);
  const hover = (await c.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 2 } })) as { contents: { value: string } };
  assert.match(hover.contents.value, /excludes 1 file \(1\.0 kB\)/);
  assert.match(hover.contents.value, /node_modules\/a\/index\.js|node_modules/);
  // Other Dockerfile features answer nothing for a .dockerignore, without errors.
  assert.equal(await c.conn.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 0, character: 0 } }), null);
});
