import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from '../../server/src/syntax/parser';
import { reparse } from '../../server/src/syntax/incremental';
import { FIXTURES } from './support/paths';
import { applyEdit, mulberry32, randomEdit } from './support/random';
import { generateDockerfile } from '../../bench/generate';

const bases = fs.readdirSync(path.join(FIXTURES, 'parser')).filter((f) => f.endsWith('.dockerfile'))
  .map((f) => fs.readFileSync(path.join(FIXTURES, 'parser', f), 'utf8'));
bases.push(generateDockerfile(120, 7));

test('differential: incremental reparse equals a full parse after every random edit (3,000 sequences)', () => {
  let edits = 0;
  for (let seq = 0; seq < 3000; seq++) {
    const rnd = mulberry32(1000 + seq);
    let text = bases[seq % bases.length];
    let cur = parse(text);
    for (let k = 0; k < 12; k++) {
      const e = randomEdit(rnd, text);
      text = applyEdit(text, e);
      cur = reparse(cur, e);
      edits++;
      const full = parse(text);
      assert.equal(cur.tree.text, text);
      try {
        assert.deepStrictEqual(cur.tree, full.tree);
        assert.deepStrictEqual(cur.errors, full.errors);
      } catch (err) {
        throw new Error(`seed ${1000 + seq} edit ${k} ${JSON.stringify(e)} diverged: ${(err as Error).message.slice(0, 2000)}`);
      }
    }
  }
  assert.ok(edits >= 36000);
});

test('untouched instructions are reused as the same objects; only the edited one is re-lexed', () => {
  const text = generateDockerfile(2000, 3);
  const before = parse(text);
  const nodes = before.tree.nodes.slice();
  const mid = before.tree.instructions[Math.floor(before.tree.instructions.length / 2)];
  const at = mid.keywordSpan.end;
  const r = reparse(before, { start: at, end: at, text: ' ' });
  assert.equal(r.full, false);
  assert.ok(r.changedCount <= 3, `re-lexed ${r.changedCount} nodes`);
  assert.equal(r.tree.nodes.length, nodes.length);
  let same = 0;
  for (let i = 0; i < nodes.length; i++) if (r.tree.nodes[i] === nodes[i]) same++;
  assert.ok(same >= nodes.length - 3, `only ${same}/${nodes.length} nodes reused`);
  // The node before the edited one is re-lexed (the restart point) but comes out the same: the
  // old object is kept, so results cached by node identity hold for it.
  const k = nodes.indexOf(mid);
  assert.equal(r.tree.nodes[k - 1], nodes[k - 1]);
  assert.notEqual(r.tree.nodes[k], mid);
  assert.deepStrictEqual(r.tree, parse(r.tree.text).tree);
});

test('typing inside a heredoc and turning a line into a continuation', () => {
  let text = 'FROM a\nRUN <<EOF\necho 1\nEOF\nRUN b\nRUN c\n';
  let cur = parse(text);
  const steps = [
    { start: text.indexOf('echo 1') + 6, end: text.indexOf('echo 1') + 6, text: '\nEOF' },
    { start: text.indexOf('RUN b') + 5, end: text.indexOf('RUN b') + 5, text: ' \\' },
  ];
  for (const e of steps) {
    text = applyEdit(text, e);
    cur = reparse(cur, e);
    assert.deepStrictEqual(cur.tree, parse(text).tree);
  }
});

test('an edit to the escape directive reparses the whole file', () => {
  const text = '# escape=\\\nFROM a\nRUN a `\n b\n';
  const r = reparse(parse(text), { start: 9, end: 10, text: '`' });
  assert.equal(r.full, true);
  assert.equal(r.tree.escape, '`');
  assert.equal(r.tree.instructions.length, 2);
});

test('differential: a document batching several changes before one reparse equals a full parse', async () => {
  const { DockerfileDocument } = await import('../../server/src/service/document');
  for (let seq = 0; seq < 600; seq++) {
    const rnd = mulberry32(50000 + seq);
    let text = bases[seq % bases.length];
    const doc = new DockerfileDocument('file:///t', 1, text);
    let v = 1;
    for (let round = 0; round < 4; round++) {
      const batch = 1 + Math.floor(rnd() * 6);
      for (let k = 0; k < batch; k++) {
        const e = randomEdit(rnd, text);
        text = applyEdit(text, e);
        doc.applyEdit(e, ++v);
      }
      assert.equal(doc.text, text);
      const full = parse(text);
      try {
        assert.deepStrictEqual(doc.tree, full.tree);
      } catch (err) {
        throw new Error(`seed ${50000 + seq} round ${round} diverged: ${(err as Error).message.slice(0, 1500)}`);
      }
    }
  }
});
