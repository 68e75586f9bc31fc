//! biome-style spec runner: every rule has test/fixtures/rules/<id>-<name>/ with
//! invalid.dockerfile (must trigger the rule; findings and fixes snapshotted in invalid.snap)
//! and valid.dockerfile (must not trigger it).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ALL_RULES } from '../../server/src/rules/engine';
import { FIXTURES } from './support/paths';
import { expectSnapshot } from './support/snapshot';
import { findingsFor, renderFindings } from './support/ruleFixture';

const root = path.join(FIXTURES, 'rules');

for (const rule of ALL_RULES) {
  const dir = path.join(root, `${rule.id}-${rule.name}`);
  const hasCustom = fs.existsSync(path.join(dir, 'custom-test'));
  if (hasCustom) continue; // rules needing a build context are tested by their own suites
  test(`${rule.id} ${rule.name}: invalid fixture triggers it`, () => {
    const file = path.join(dir, 'invalid.dockerfile');
    assert.ok(fs.existsSync(file), `missing ${file}`);
    const text = fs.readFileSync(file, 'utf8');
    const found = findingsFor(text, rule);
    assert.ok(found.length > 0, `${rule.id} did not fire on its invalid fixture`);
    for (const f of found) {
      assert.ok(f.message.en.trim(), 'empty English message');
      assert.ok(f.message.ko.trim(), 'empty Korean message');
      assert.ok(/[\uac00-\ud7a3]/.test(f.message.ko), `Korean message has no Hangul: ${f.message.ko}`);
    }
    if (rule.fixable) assert.ok(found.some((f) => f.fixes.length > 0), `${rule.id} is marked fixable but no fix was offered`);
    expectSnapshot(renderFindings(text, found), path.join(dir, 'invalid.snap'));
  });
  test(`${rule.id} ${rule.name}: valid fixture does not trigger it`, () => {
    const file = path.join(dir, 'valid.dockerfile');
    assert.ok(fs.existsSync(file), `missing ${file}`);
    const text = fs.readFileSync(file, 'utf8');
    const found = findingsFor(text, rule);
    assert.equal(renderFindings(text, found), '\n', `${rule.id} fired on its valid fixture`);
  });
}
