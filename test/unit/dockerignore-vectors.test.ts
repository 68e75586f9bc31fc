// Runs every case of the public vectors (../shared/vectors/dockerignore-public.json, vendored) (docs/dockerignore.md §12)
// against the matcher: `excluded` is the BuildKit walk result on a Linux/macOS client.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { evaluatePath, matchesOrParentMatches, parseDockerignore } from '../../server/src/context/dockerignore';
import { FIXTURES, SHARED } from './support/paths';

interface Vector {
  name: string;
  patterns: string[];
  path: string;
  isDir: boolean;
  excluded: boolean;
  why: string;
  error?: 'parse' | 'match' | 'transport';
  errorMessage?: string;
  matchesOrParentMatches?: boolean;
  platform?: string;
}

// The public vectors are vendored in test/fixtures/vectors so the suite runs from any checkout;
// when `../shared` sits beside the repository, the copy must equal the original.
const VECTORS = path.join(FIXTURES, 'vectors', 'dockerignore-public.json');
const ORIGINAL = path.join(SHARED, 'vectors', 'dockerignore-public.json');

test('vector file is found (and equals ../shared/vectors when that exists)', () => {
  assert.ok(fs.existsSync(VECTORS), `missing ${VECTORS}`);
  if (fs.existsSync(ORIGINAL)) assert.equal(fs.readFileSync(VECTORS, 'utf8'), fs.readFileSync(ORIGINAL, 'utf8'));
});

const vectors: Vector[] = fs.existsSync(VECTORS) ? JSON.parse(fs.readFileSync(VECTORS, 'utf8')) : [];

test('vector file has the documented 174 public cases', () => {
  assert.equal(vectors.length, 174);
});

for (const v of vectors) {
  test(`vector ${v.name}: ${JSON.stringify(v.patterns)} ${JSON.stringify(v.path)}${v.isDir ? '/' : ''}`, () => {
    const f = parseDockerignore(v.patterns.join('\n'));
    if (v.error === 'parse') {
      const p = f.problems.find((q) => q.kind === 'parse' || q.kind === 'read');
      assert.ok(p && f.fatal, `expected a parse error, got ${JSON.stringify(f.problems)}`);
      if (v.errorMessage) assert.equal(p.message, v.errorMessage);
      return;
    }
    if (v.error === 'transport') {
      const p = f.problems.find((q) => q.kind === 'transport');
      assert.ok(p && f.fatal, `expected a transport error, got ${JSON.stringify(f.problems)}`);
      if (v.errorMessage) assert.equal(p.message, v.errorMessage);
      return;
    }
    assert.equal(f.fatal, false, `unexpected fatal problems ${JSON.stringify(f.problems)}`);
    const r = evaluatePath(f, v.path);
    if (v.error === 'match') {
      assert.ok(r.errorPattern >= 0, 'expected a match-time error when the pattern is evaluated');
      assert.ok(f.problems.some((q) => q.kind === 'match' && q.line === f.patterns[r.errorPattern].line));
      if (v.errorMessage) assert.equal(f.problems.find((q) => q.kind === 'match')?.message, v.errorMessage);
      return;
    }
    assert.equal(r.errorPattern, -1, 'no evaluation error expected');
    assert.equal(r.excluded, v.excluded, v.why);
    if (r.excluded) assert.ok(r.decidedBy >= 0 && !f.patterns[r.decidedBy].exclusion, 'an exclusion decides');
    const stateless = matchesOrParentMatches(f, v.path);
    assert.equal(stateless.excluded, v.matchesOrParentMatches ?? v.excluded, 'MatchesOrParentMatches');
  });
}
