//! DF080 runs the real `shellcheck` binary (Debian package; .ci/run installs it) the hadolint
//! way. Without the binary these tests are skipped with a visible reason.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { shellcheckRunner } from '../../server/src/node/shellcheck';
import { findRule } from '../../server/src/rules/engine';
import { parse } from '../../server/src/syntax/parser';
import { buildModel } from '../../server/src/semantics/model';
import { runRules } from '../../server/src/rules/engine';
import { FIXTURES } from './support/paths';
import { expectSnapshot } from './support/snapshot';
import { findingsFor, renderFindings } from './support/ruleFixture';

const sc = shellcheckRunner();
const skip = sc ? false : 'shellcheck is not installed (apt-get install shellcheck)';
const dir = path.join(FIXTURES, 'rules', 'DF080-shellcheck');
const rule = findRule('DF080')!;

test('DF080: ShellCheck findings with their codes, severities and fixes, mapped through continuations', { skip }, () => {
  const text = fs.readFileSync(path.join(dir, 'invalid.dockerfile'), 'utf8');
  const found = findingsFor(text, rule, { shellcheck: sc });
  const codes = found.map((f) => f.subcode);
  assert.ok(codes.includes('SC2153'), `misspelt $NODE_VESION is found thanks to the ENV preamble: ${codes}`);
  assert.ok(codes.includes('SC2164'), codes.join(' '));
  assert.ok(codes.includes('SC2045') || codes.includes('SC2044'), `heredoc script body is checked: ${codes}`);
  const vesion = found.find((f) => f.subcode === 'SC2153')!;
  assert.equal(text.slice(vesion.span.start, vesion.span.end), '$NODE_VESION');
  // `# hadolint ignore=SC2164` suppresses that code on the next RUN only.
  const line7 = text.indexOf('RUN cd /opt');
  assert.ok(!found.some((f) => f.subcode === 'SC2164' && f.span.start > line7 && f.span.start < line7 + 20));
  expectSnapshot(renderFindings(text, found), path.join(dir, 'invalid.snap'));
});

test('DF080: clean scripts, exec form and PowerShell stages produce nothing', { skip }, () => {
  const text = fs.readFileSync(path.join(dir, 'valid.dockerfile'), 'utf8');
  assert.equal(renderFindings(text, findingsFor(text, rule, { shellcheck: sc })), '\n');
});

test('DF080 is silent without the binary (pure-text analysis)', () => {
  const text = fs.readFileSync(path.join(dir, 'invalid.dockerfile'), 'utf8');
  const { tree } = parse(text);
  assert.equal(runRules(tree, buildModel(tree)).filter((f) => f.rule.id === 'DF080').length, 0);
});
