//! Editing a document must not keep old versions of its text alive. V8 makes a substring of 13+
//! characters a view into its parent string, and the incremental parser keeps unchanged nodes
//! across edits: before `syntax/detach.ts`, edited instructions pinned old full versions of the
//! file through their strings, shell scripts and cached rule reports — a 20,000-line file held
//! 43 versions (20 MB) after 200 edits at random lines, this test's file 9 after its 40 edits.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as v8 from 'node:v8';
import { DockerfileDocument } from '../../server/src/service/document';
import { defaultSeverities } from '../../server/src/rules/engine';
import { flatCopy, detachStrings } from '../../server/src/syntax/detach';
import { generateDockerfile } from '../../bench/generate';

/** How many strings at least `minLength` characters long the heap holds (from a heap snapshot). */
function bigStrings(minLength: number): number {
  const snap = JSON.parse(readSnapshot()) as { snapshot: { meta: { node_fields: string[]; node_types: [string[]] } }; nodes: number[] };
  const fields = snap.snapshot.meta.node_fields;
  const types = snap.snapshot.meta.node_types[0];
  const n = fields.length, ti = fields.indexOf('type'), si = fields.indexOf('self_size');
  let count = 0;
  // Sequential one-byte strings: header plus one byte per character.
  for (let i = 0; i < snap.nodes.length; i += n) if (types[snap.nodes[i + ti]] === 'string' && snap.nodes[i + si] >= minLength) count++;
  return count;
}

function readSnapshot(): string {
  const chunks: string[] = [];
  const stream = v8.getHeapSnapshot();
  let chunk: Buffer | null;
  while ((chunk = stream.read() as Buffer | null) !== null) chunks.push(chunk.toString('utf8'));
  return chunks.join('');
}

test('editing 40 different instructions keeps at most a few versions of the text alive', () => {
  const text = generateDockerfile(3000, 3);
  const doc = new DockerfileDocument('file:///t/Dockerfile', 1, text);
  const opts = { severities: defaultSeverities() };
  doc.findings(opts);
  // Instruction lines of every kind (heredoc RUNs, COPY, ENV, HEALTHCHECK, …), spread over the file.
  const lines = text.split('\n').map((l, i) => [l, i] as const).filter(([l]) => /^[A-Z]+ /.test(l) || l.startsWith('    apt-get')).map(([, i]) => i);
  let v = 2;
  for (let k = 0; k < 40; k++) {
    const line = lines[Math.floor(((k + 0.5) * lines.length) / 40)];
    doc.applyChanges([{ range: { start: { line, character: 4 }, end: { line, character: 4 } }, text: 'x' }], v++);
    // Every layer that caches per node runs: the parse, the model, shell scripts, rule reports.
    doc.findings(opts);
  }
  assert.equal(doc.version, 41);
  // Alive by design: the current text, the first version (untouched nodes still point into
  // it) and this test's own `text`. (The file-rule cache kept the previous version too until
  // the reparse began noting what each replaced instruction looked like.)
  const versions = bigStrings(text.length);
  assert.ok(versions <= 3, `${versions} strings as long as the document are alive after 40 edits`);
});

test('detachStrings copies long strings of plain data and leaves everything else as it was', () => {
  const big = 'a'.repeat(100) + 'the quick brown fox jumps over the lazy dog' + 'b'.repeat(100);
  const frozen = Object.freeze({ s: big.slice(100, 143) });
  const data = { short: big.slice(100, 103), long: big.slice(100, 143), list: [big.slice(104, 124), 7, null], nested: { deep: [{ w: big.slice(110, 130) }] }, frozen, map: new Map([['k', big.slice(0, 50)]]) };
  detachStrings(data);
  assert.equal(data.short, 'the');
  assert.equal(data.long, 'the quick brown fox jumps over the lazy dog');
  assert.deepEqual(data.list, ['quick brown fox jump', 7, null]);
  assert.equal(data.nested.deep[0].w, 'brown fox jumps over');
  assert.equal(data.frozen, frozen);
  assert.equal(data.map.get('k'), 'a'.repeat(50));
  assert.equal(flatCopy(big), big);
});
