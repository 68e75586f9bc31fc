//! Semantic tokens are encoded per node and cached (per node object and Stage object): after
//! any sequence of random edits, the cached encoding equals the uncached encoder's, and a
//! delta applied to the previous result gives the new full result.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DockerfileDocument } from '../../server/src/service/document';
import { encodeUncached, semanticTokensDelta, semanticTokensFull } from '../../server/src/features/semanticTokens';
import { mulberry32, randomEdit } from './support/random';
import { FIXTURES } from './support/paths';
import { generateDockerfile } from '../../bench/generate';

const starts = [
  generateDockerfile(300, 7),
  ...fs.readdirSync(path.join(FIXTURES, 'realistic')).filter((f) => f.endsWith('.dockerfile')).map((f) => fs.readFileSync(path.join(FIXTURES, 'realistic', f), 'utf8')),
];

test('cached per-node encoding equals the uncached encoder after random edits, and deltas apply', () => {
  let checked = 0;
  starts.forEach((start, k) => {
    const rnd = mulberry32(1000 + k);
    const doc = new DockerfileDocument(`file:///t${k}/Dockerfile`, 1, start);
    let prev = semanticTokensFull(doc);
    for (let i = 0; i < 150; i++) {
      doc.applyEdit(randomEdit(rnd, doc.text), i + 2);
      const d = semanticTokensDelta(doc, prev.resultId!);
      const expected = encodeUncached(doc);
      let data: number[];
      if ('edits' in d) {
        data = prev.data.slice();
        for (const e of d.edits) data.splice(e.start, e.deleteCount, ...(e.data ?? []));
      } else data = d.data;
      assert.deepEqual(data, expected, `document ${k}, edit ${i}`);
      prev = { resultId: d.resultId, data };
      checked++;
    }
  });
  assert.ok(checked >= 900);
});
