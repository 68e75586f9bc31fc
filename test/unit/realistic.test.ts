//! Realistic Dockerfiles in the style of Docker's official samples (multi-stage Go, Node,
//! Python, Java, Rust builds, cache/bind mounts, heredocs) must produce no error-severity
//! diagnostic, and their findings are snapshotted so any new noise is reviewed.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FIXTURES } from './support/paths';
import { expectSnapshot } from './support/snapshot';
import { parse } from '../../server/src/syntax/parser';
import { buildModel } from '../../server/src/semantics/model';
import { runRules } from '../../server/src/rules/engine';
import { renderFindings } from './support/ruleFixture';

const dir = path.join(FIXTURES, 'realistic');
for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.dockerfile')).sort()) {
  test(`realistic ${f}: no errors; findings reviewed`, () => {
    const text = fs.readFileSync(path.join(dir, f), 'utf8');
    const { tree } = parse(text);
    const found = runRules(tree, buildModel(tree));
    const errors = found.filter((x) => x.severity === 'error');
    assert.deepEqual(errors.map((e) => `${e.rule.id} ${e.message.en}`), []);
    expectSnapshot(renderFindings(text, found), path.join(dir, f.replace(/\.dockerfile$/, '.snap')));
  });
}
