//! The rule registry matches the catalogue (../shared/docs/rules.md §7, copied to
//! test/fixtures/catalogue.tsv): every id exists with its name and default severity, and the
//! BuildKit/hadolint names the catalogue maps are aliases, so existing suppressions keep working.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ALL_RULES, findRule } from '../../server/src/rules/engine';
import { HADOLINT_CODES, rulesForName } from '../../server/src/rules/suppress';
import { BUILDKIT_CHECKS } from '../../server/src/semantics/instructionSpec';
import { FIXTURES } from './support/paths';

const rows = fs.readFileSync(path.join(FIXTURES, 'catalogue.tsv'), 'utf8').split('\n').filter((l) => l && !l.startsWith('#')).map((l) => {
  const [id, name, severity, bk, dl] = l.split('\t');
  return { id, name, severity, bk: bk ? bk.split(',') : [], dl: dl ? dl.split(',') : [] };
});

test('the catalogue has 110 rule ids (105 in §7.1–§7.8 plus 5 from the study notes)', () => {
  assert.equal(rows.length, 110);
});

for (const row of rows) {
  test(`${row.id} ${row.name}: registered with the catalogue's name, severity and aliases`, () => {
    const r = findRule(row.id);
    assert.ok(r, `${row.id} is not implemented`);
    assert.equal(r.name, row.name);
    if (row.severity !== 'per-sc') assert.equal(r.severity, row.severity);
    for (const b of row.bk) assert.ok(r.aliases.buildkit?.includes(b), `${row.id} should alias BuildKit ${b}`);
    for (const d of row.dl) assert.ok(r.aliases.hadolint?.includes(d), `${row.id} should alias hadolint ${d}`);
  });
}

test('no rule outside the catalogue, except DF000 (syntax errors from the parser)', () => {
  const ids = new Set(rows.map((r) => r.id));
  assert.deepEqual(ALL_RULES.filter((r) => !ids.has(r.id)).map((r) => r.id), ['DF000']);
});

test('every hadolint DL rule maps to a Dockwise rule (suppressions written for hadolint work)', () => {
  assert.deepEqual(HADOLINT_CODES.filter((c) => rulesForName('hadolint', c).length === 0), []);
});

test('every BuildKit check but InvalidBaseImagePlatform (needs pulled image metadata) maps to a rule', () => {
  assert.deepEqual(BUILDKIT_CHECKS.filter((c) => rulesForName('buildkit', c).length === 0), ['InvalidBaseImagePlatform']);
});
