//! Polices the rule registry (the role of typescript-eslint's docs.test.ts).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ALL_RULES, findRule, resolveSeverities } from '../../server/src/rules/engine';
import { RULE_FILES } from '../../server/src/rules/registry.generated';
import { FIXTURES, REPO_ROOT } from './support/paths';

test('every rule file is registered, and its id and name match the file name', () => {
  const files = fs.readdirSync(path.join(REPO_ROOT, 'server/src/rules/defs')).filter((f) => f.endsWith('.ts')).map((f) => f.replace(/\.ts$/, '')).sort();
  assert.deepEqual([...RULE_FILES].sort(), files);
  ALL_RULES.forEach((r, i) => {
    assert.equal(`${r.id}-${r.name}`, RULE_FILES[i], `rule in ${RULE_FILES[i]} declares ${r.id}-${r.name}`);
    assert.match(r.id, /^DF\d{3}$/);
    assert.match(r.name, /^[a-z0-9]+(-[a-z0-9]+)*$/);
  });
});

test('ids and names are unique', () => {
  assert.equal(new Set(ALL_RULES.map((r) => r.id)).size, ALL_RULES.length);
  assert.equal(new Set(ALL_RULES.map((r) => r.name)).size, ALL_RULES.length);
});

test('every rule has English and Korean docs, a category, a severity and a fixture folder', () => {
  for (const r of ALL_RULES) {
    for (const l of ['en', 'ko'] as const) {
      assert.ok(r.docs[l].title.trim(), `${r.id} ${l} title`);
      assert.ok(r.docs[l].rationale.trim().length > 20, `${r.id} ${l} rationale too short`);
    }
    assert.ok(/[\uac00-\ud7a3]/.test(r.docs.ko.title), `${r.id} Korean title has no Hangul`);
    assert.ok(r.category);
    assert.ok(['error', 'warning', 'info', 'hint', 'off'].includes(r.severity));
    assert.ok(fs.existsSync(path.join(FIXTURES, 'rules', `${r.id}-${r.name}`)), `${r.id}: missing fixture folder`);
  }
});

test('rules are found by id or name; a partial settings object changes only the rules it names', () => {
  assert.equal(findRule('df001')?.name, 'unknown-instruction');
  assert.equal(findRule('unknown-instruction')?.id, 'DF001');
  const base = resolveSeverities();
  const changed = resolveSeverities({ 'unknown-flag': 'warning', DF001: 'off', nonsense: 'error' });
  for (const r of ALL_RULES) {
    if (r.id === 'DF002') assert.equal(changed.get(r), 'warning');
    else if (r.id === 'DF001') assert.equal(changed.get(r), 'off');
    else assert.equal(changed.get(r), base.get(r), `${r.id} changed unexpectedly`);
  }
});
