//! The build-context rules (DF056, DF057, DF111, DF112, DF116) on in-memory trees: each fixture
//! folder has invalid.fixture / valid.fixture (a file tree whose /ctx/Dockerfile is checked
//! against the scanned context) and invalid.snap (findings and fixes, reviewed by eye).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { MemoryFileSystem } from '../../server/src/context/fileSystem';
import { scanContext } from '../../server/src/context/scanner';
import { computeContextFacts } from '../../server/src/context/facts';
import { contextSources } from '../../server/src/rules/util/contextSources';
import { parse } from '../../server/src/syntax/parser';
import { buildModel } from '../../server/src/semantics/model';
import { findRule } from '../../server/src/rules/engine';
import { FIXTURES } from './support/paths';
import { expectSnapshot } from './support/snapshot';
import { findingsFor, renderFindings } from './support/ruleFixture';

function check(fixtureFile: string, ruleId: string) {
  const m = MemoryFileSystem.fromFixture(fs.readFileSync(fixtureFile, 'utf8'));
  const text = Buffer.from(m.readFile('/ctx/Dockerfile')).toString('utf8');
  const ix = scanContext(m, { root: '/ctx', dockerfile: '/ctx/Dockerfile' });
  const { tree } = parse(text);
  const facts = computeContextFacts(ix, contextSources(tree, buildModel(tree)).map((s) => s.source));
  return { text, found: findingsFor(text, findRule(ruleId)!, { context: facts }) };
}

for (const id of ['DF056', 'DF057', 'DF111', 'DF112', 'DF116']) {
  const rule = findRule(id)!;
  const dir = path.join(FIXTURES, 'rules', `${rule.id}-${rule.name}`);
  test(`${id} ${rule.name}: fires on its context fixture (snapshot)`, () => {
    const { text, found } = check(path.join(dir, 'invalid.fixture'), id);
    assert.ok(found.length > 0, `${id} did not fire`);
    for (const f of found) assert.match(f.message.ko, /[\uac00-\ud7a3]/);
    expectSnapshot(renderFindings(text, found), path.join(dir, 'invalid.snap'));
  });
  test(`${id} ${rule.name}: quiet on its valid context fixture`, () => {
    const { text, found } = check(path.join(dir, 'valid.fixture'), id);
    assert.equal(renderFindings(text, found), '\n');
  });
  test(`${id} ${rule.name}: silent without build-context facts (pure-text analysis)`, () => {
    const text = fs.readFileSync(path.join(dir, 'invalid.fixture'), 'utf8').split('//- ').find((s) => s.startsWith('/ctx/Dockerfile'))!.split('\n').slice(1).join('\n');
    assert.equal(findingsFor(text, rule).length, 0);
  });
}
