//! Completion, hover and signature help over stdio against the bundled server (dist/server.js).
import { test, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { CompletionItem, Hover, MarkupContent, SignatureHelp } from 'vscode-languageserver-types';
import { LspClient } from '../support/lspClient';
import { REPO_ROOT } from './support/paths';

const SERVER = path.join(REPO_ROOT, 'dist', 'server.js');
let c: LspClient;
let caps: Record<string, unknown>;

before(async () => {
  c = new LspClient(process.execPath, [SERVER, '--stdio']);
  caps = ((await c.initialize(null, 'ko')) as { capabilities: Record<string, unknown> }).capabilities;
});
after(async () => { await c.shutdown(); });

test('capabilities advertise completion, hover and signature help', () => {
  assert.ok(caps.completionProvider && caps.hoverProvider && caps.signatureHelpProvider);
});

test('completion, hover and signature help answer over LSP; bad positions are InvalidParams', async () => {
  const uri = 'file:///tmp/lsp-features/Dockerfile';
  const text = 'FROM golang:1.22 AS build\nFROM alpine\nCOPY --chown=1:1 --from= /a /b\nENTRYPOINT ["python"]\nCMD ["runapp.py"]\nRUN --network=none true\n';
  const wait = c.waitFor((p) => p.uri === uri);
  c.open(uri, text, 1);
  await wait;
  const items = (await c.conn.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 2, character: 24 } })) as CompletionItem[];
  assert.ok(items.some((i) => i.label === 'build'), JSON.stringify(items.map((i) => i.label)));
  const hover = (await c.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 4, character: 1 } })) as Hover;
  assert.ok((hover.contents as MarkupContent).value.includes('python runapp.py'));
  const sh = (await c.conn.sendRequest('textDocument/signatureHelp', { textDocument: { uri }, position: { line: 5, character: 16 } })) as SignatureHelp;
  assert.equal(sh.signatures[0].label, '--network=default|none|host');
  await assert.rejects(c.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 99, character: 0 } }), /outside the document/);
});
