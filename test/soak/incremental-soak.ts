//! `npm run soak`: a million random edits, each checked against a full parse (differential),
//! in chunks of sequences over the fixture corpus. Prints progress; exits 1 on divergence.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { parse } from '../../server/src/syntax/parser';
import { reparse } from '../../server/src/syntax/incremental';
import { applyEdit, mulberry32, randomEdit } from '../unit/support/random';
import { generateDockerfile } from '../../bench/generate';
import { FIXTURES } from '../unit/support/paths';

const TOTAL = Number(process.argv[2] ?? 1_000_000);
const bases = fs.readdirSync(path.join(FIXTURES, 'parser')).filter((f) => f.endsWith('.dockerfile'))
  .map((f) => fs.readFileSync(path.join(FIXTURES, 'parser', f), 'utf8'));
bases.push(generateDockerfile(300, 11), generateDockerfile(60, 12));
let done = 0;
let seq = 0;
const t0 = Date.now();
while (done < TOTAL) {
  const rnd = mulberry32(7_000_000 + seq);
  let text = bases[seq % bases.length];
  let cur = parse(text);
  for (let k = 0; k < 50 && done < TOTAL; k++, done++) {
    const e = randomEdit(rnd, text);
    text = applyEdit(text, e);
    cur = reparse(cur, e);
    if (text.length > 60_000) break;
    const full = parse(text);
    if (!isDeepStrictEqual(cur.tree, full.tree) || !isDeepStrictEqual(cur.errors, full.errors)) {
      console.error(`DIVERGED: seed ${7_000_000 + seq} edit ${k} ${JSON.stringify(e)}`);
      process.exit(1);
    }
  }
  seq++;
  if (seq % 2000 === 0) console.log(`${done} edits, ${seq} sequences, ${((Date.now() - t0) / 1000).toFixed(0)} s`);
}
console.log(`soak ok: ${done} edits in ${seq} sequences, ${((Date.now() - t0) / 1000).toFixed(0)} s`);
