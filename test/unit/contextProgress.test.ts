//! Long build-context scans report LSP work-done progress (`$/progress`: begin, report, end).
//! DOCKWISE_PROGRESS_DELAY_MS=0 makes the server report even for this small tree.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient } from '../support/lspClient';
import { REPO_ROOT } from './support/paths';

test('a context scan reports $/progress begin → report → end', async () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dockwise-progress-'));
  for (let d = 0; d < 40; d++) {
    fs.mkdirSync(path.join(tmp, 'src', `d${d}`), { recursive: true });
    for (let f = 0; f < 100; f++) fs.writeFileSync(path.join(tmp, 'src', `d${d}`, `f${f}.txt`), 'x');
  }
  fs.writeFileSync(path.join(tmp, 'Dockerfile'), 'FROM alpine:3.20\nCOPY . /app\n');
  const prev = process.env.DOCKWISE_PROGRESS_DELAY_MS;
  process.env.DOCKWISE_PROGRESS_DELAY_MS = '0';
  const c = new LspClient(process.execPath, [path.join(REPO_ROOT, 'dist', 'server.js'), '--stdio']);
  if (prev === undefined) delete process.env.DOCKWISE_PROGRESS_DELAY_MS; else process.env.DOCKWISE_PROGRESS_DELAY_MS = prev;
  try {
    await c.initialize(pathToFileURL(tmp).href, 'en');
    const summary = (await c.conn.sendRequest('dockwise/contextSummary', { uri: pathToFileURL(path.join(tmp, 'Dockerfile')).href })) as { includedFiles: number };
    assert.equal(summary.includedFiles, 4001);
    const deadline = Date.now() + 5000;
    while (!c.progress.some((p) => p.value.kind === 'end') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    const kinds = c.progress.map((p) => p.value.kind);
    assert.equal(kinds[0], 'begin', kinds.join(' '));
    assert.match(c.progress[0].value.title ?? '', /Scanning the build context/);
    assert.ok(kinds.includes('report'), kinds.join(' '));
    assert.equal(kinds[kinds.length - 1], 'end');
    assert.match(c.progress.find((p) => p.value.kind === 'report')!.value.message ?? '', /entries/);
  } finally {
    await c.shutdown();
  }
});
