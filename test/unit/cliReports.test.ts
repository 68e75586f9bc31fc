//! `dockwise check`: SARIF valid against the official 2.1.0 schema, `--fix` writes safe fixes
//! atomically, and the config files (.hadolint.yaml, .dockwise.yaml) change what is reported.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { REPO_ROOT } from './support/paths';
import { writeFileAtomic } from '../../server/src/cli';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const Ajv = require('ajv');

const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');
const run = (cwd: string, ...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd });
const mk = () => fs.mkdtempSync(path.join(os.tmpdir(), 'dockwise-rep-'));

const SAMPLE = 'FROM debian:bookworm-slim\nWORKDIR app\nMAINTAINER Jane <jane@example.com>\nCMD node server.js\n';

test('--format sarif validates against the SARIF 2.1.0 schema and carries rule metadata with help links', () => {
  const dir = mk();
  fs.writeFileSync(path.join(dir, 'Dockerfile'), SAMPLE);
  const r = run(dir, 'check', '--format', 'sarif', 'Dockerfile');
  assert.equal(r.status, 0, r.stderr);
  const log = JSON.parse(r.stdout);
  const schemaPath = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
  const schema = JSON.parse(fs.readFileSync(schemaPath, 'utf8'));
  const ajv = new Ajv({ schemaId: 'id', allErrors: true });
  ajv.addMetaSchema(require('ajv/lib/refs/json-schema-draft-04.json'));
  const valid = ajv.validate(schema, log);
  assert.ok(valid, JSON.stringify(ajv.errors?.slice(0, 5), null, 2));
  const run0 = log.runs[0];
  const ids = run0.results.map((x: { ruleId: string }) => x.ruleId);
  assert.ok(ids.includes('DF053') && ids.includes('DF052') && ids.includes('DF051'), ids.join(' '));
  for (const res of run0.results) {
    const rule = run0.tool.driver.rules[res.ruleIndex];
    assert.equal(rule.id, res.ruleId);
    assert.match(rule.helpUri, /^https:\/\//);
    assert.equal(res.locations[0].physicalLocation.artifactLocation.uri, 'Dockerfile');
  }
  const wd = run0.results.find((x: { ruleId: string }) => x.ruleId === 'DF053');
  assert.deepEqual(wd.locations[0].physicalLocation.region, { startLine: 2, startColumn: 9, endLine: 2, endColumn: 12 });
});

test('--fix writes the safe fixes back, reports what is left, and a second --fix changes nothing', () => {
  const dir = mk();
  const file = path.join(dir, 'Dockerfile');
  fs.writeFileSync(file, SAMPLE);
  fs.chmodSync(file, 0o640);
  const r = run(dir, 'check', '--fix', 'Dockerfile');
  assert.equal(r.status, 0, r.stderr);
  const fixed = fs.readFileSync(file, 'utf8');
  assert.notEqual(fixed, SAMPLE);
  assert.match(fixed, /LABEL org\.opencontainers\.image\.authors=/);
  assert.match(fixed, /CMD \["node", "server\.js"\]/);
  assert.match(r.stdout, /fixed 1 file/);
  assert.equal(fs.statSync(file).mode & 0o777, 0o640, 'file mode kept');
  assert.deepEqual(fs.readdirSync(dir), ['Dockerfile'], 'no temporary file left behind');
  run(dir, 'check', '--fix', 'Dockerfile');
  assert.equal(fs.readFileSync(file, 'utf8'), fixed, 'fix is idempotent');
});

test('atomic write: a failing write leaves the original intact and no temp file', () => {
  const dir = mk();
  const file = path.join(dir, 'Dockerfile');
  fs.writeFileSync(file, SAMPLE);
  // A directory that cannot be written to: the temporary file cannot be created.
  if (process.getuid && process.getuid() === 0) {
    // root ignores permissions; use a path whose directory does not exist instead
    assert.throws(() => writeFileAtomic(path.join(dir, 'missing', 'Dockerfile'), 'x'));
  } else {
    fs.chmodSync(dir, 0o500);
    try { assert.throws(() => writeFileAtomic(file, 'x')); } finally { fs.chmodSync(dir, 0o700); }
  }
  assert.equal(fs.readFileSync(file, 'utf8'), SAMPLE);
  assert.deepEqual(fs.readdirSync(dir), ['Dockerfile']);
});

test('--fix refuses stdin; sarif/--config usage errors exit 2', () => {
  const dir = mk();
  assert.equal(run(dir, 'check', '--fix', '-').status, 2);
  assert.equal(run(dir, 'check', '--format', 'xml', 'Dockerfile').status, 2);
  fs.writeFileSync(path.join(dir, 'Dockerfile'), SAMPLE);
  assert.equal(run(dir, 'check', '--config', 'nope.yaml', 'Dockerfile').status, 2);
});

test('.hadolint.yaml ignored/override apply through the aliases; unknown keys are reported', () => {
  const dir = mk();
  fs.writeFileSync(path.join(dir, 'Dockerfile'), SAMPLE);
  const codes = () => (JSON.parse(run(dir, 'check', '--format', 'json', 'Dockerfile').stdout) as { code: string; severity: string }[]);
  assert.ok(codes().some((d) => d.code === 'DF053'));
  fs.writeFileSync(path.join(dir, '.hadolint.yaml'), 'ignored:\n  - DL3000\noverride:\n  error:\n    - DL4000\n');
  const after = codes();
  assert.ok(!after.some((d) => d.code === 'DF053'), 'DL3000 ignored → DF053 off');
  assert.equal(after.find((d) => d.code === 'DF052')?.severity, 'error', 'DL4000 overridden to error');
  fs.writeFileSync(path.join(dir, '.hadolint.yaml'), 'ignore:\n  - DL3000\n');
  const r = run(dir, 'check', '--format', 'json', 'Dockerfile');
  assert.ok(JSON.parse(r.stdout).some((d: { code: string }) => d.code === 'DF053'), 'a misspelt key has no effect (as in hadolint)');
  assert.match(r.stderr, /unknown key "ignore".*did you mean "ignored"/);
});

test('.dockwise.yaml rules by id or name; --no-config ignores it; --config points at one', () => {
  const dir = mk();
  fs.writeFileSync(path.join(dir, 'Dockerfile'), SAMPLE);
  fs.writeFileSync(path.join(dir, '.dockwise.yaml'), 'rules:\n  workdir-relative: error\n  DF052: off\n');
  const d = JSON.parse(run(dir, 'check', '--format', 'json', 'Dockerfile').stdout) as { code: string; severity: string }[];
  assert.equal(d.find((x) => x.code === 'DF053')?.severity, 'error');
  assert.ok(!d.some((x) => x.code === 'DF052'));
  assert.equal(run(dir, 'check', 'Dockerfile').status, 1, 'an error-severity finding exits 1');
  const none = JSON.parse(run(dir, 'check', '--no-config', '--format', 'json', 'Dockerfile').stdout) as { code: string; severity: string }[];
  assert.equal(none.find((x) => x.code === 'DF053')?.severity, 'warning');
  fs.writeFileSync(path.join(dir, 'strict.json'), JSON.stringify({ rules: { DF051: 'off' } }));
  const ex = JSON.parse(run(dir, 'check', '--config', 'strict.json', '--format', 'json', 'Dockerfile').stdout) as { code: string }[];
  assert.ok(!ex.some((x) => x.code === 'DF051'));
});

test('check scans the build context: a COPY of a missing file is DF056 (exit 1), --no-context skips it', () => {
  const dir = mk();
  fs.writeFileSync(path.join(dir, 'Dockerfile'), 'FROM node:20-bookworm-slim\nWORKDIR /app\nCOPY pakage.json ./\n');
  fs.writeFileSync(path.join(dir, 'package.json'), '{}');
  const r = run(dir, 'check', '--format', 'json', 'Dockerfile');
  const d = JSON.parse(r.stdout) as { code: string; message: string; severity: string }[];
  const nf = d.find((x) => x.code === 'DF056');
  assert.ok(nf, r.stdout);
  assert.match(nf.message, /did you mean "package\.json"/);
  assert.equal(r.status, 1);
  const skip = JSON.parse(run(dir, 'check', '--no-context', '--format', 'json', 'Dockerfile').stdout) as { code: string }[];
  assert.ok(!skip.some((x) => x.code === 'DF056'));
});
