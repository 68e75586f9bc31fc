//! `dockwise check`: the JSON contract of rules.md §7.11, exit codes, unreadable input.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { REPO_ROOT } from './support/paths';

const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dockwise-cli-'));
const write = (name: string, text: string) => { const p = path.join(tmp, name); fs.writeFileSync(p, text); return p; };
const run = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });

test('check --format json: exactly the documented keys, 1-based UTF-16 columns, exit 1 on errors', () => {
  const f = write('Dockerfile', 'FROM alpine\n# 😀 comment\nRUNN echo 😀\n');
  const r = run('check', '--format', 'json', f);
  assert.equal(r.status, 1, r.stderr);
  const out = JSON.parse(r.stdout) as Record<string, unknown>[];
  const d = out.find((x) => x.code === 'DF001')!;
  assert.deepEqual(Object.keys(d).sort(), ['code', 'column', 'endColumn', 'endLine', 'file', 'fixable', 'line', 'message', 'name', 'severity'].sort());
  assert.deepEqual({ line: d.line, column: d.column, endLine: d.endLine, endColumn: d.endColumn }, { line: 3, column: 1, endLine: 3, endColumn: 5 });
  assert.equal(d.severity, 'error');
  assert.equal(d.name, 'unknown-instruction');
  assert.equal(d.fixable, true);
  assert.equal(d.file, f);
});

test('exit 0 when only warnings; text format names file:line:col', () => {
  const f = write('warn.dockerfile', 'FROM alpine\nENV A b\n');
  const r = run('check', f);
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /warn\.dockerfile:2:1: warning DF008 legacy-key-value-format/);
});

test('unreadable input: message on stderr, exit 2, other files still checked', () => {
  const good = write('Dockerfile.good', 'FROM alpine\nRUNN x\n');
  const r = run('check', '--format', 'json', path.join(tmp, 'missing'), tmp, good);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /cannot read .*missing: no such file/);
  assert.match(r.stderr, /is a directory/);
  const out = JSON.parse(r.stdout) as { file: string }[];
  assert.ok(out.some((d) => d.file === good), 'the readable file was still checked');
});

test('usage errors exit 2', () => {
  assert.equal(run('check').status, 2);
  assert.equal(run('check', '--format', 'yaml', 'x').status, 2);
  assert.equal(run('frobnicate').status, 2);
  assert.equal(run('--version').status, 0);
});

test('Korean messages with --locale ko; BOM does not shift columns', () => {
  const f = write('ko.dockerfile', '\ufeffRUNN x\nFROM alpine\n');
  const r = run('check', '--format', 'json', '--locale', 'ko', f);
  const out = JSON.parse(r.stdout) as { code: string; message: string; column: number }[];
  const d = out.find((x) => x.code === 'DF001')!;
  assert.match(d.message, /알 수 없는 명령어/);
  assert.equal(d.column, 1);
});

test('binary input: diagnostics, no crash', () => {
  const p = path.join(tmp, 'binary');
  fs.writeFileSync(p, Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7919) % 256)));
  const r = run('check', '--format', 'json', p);
  assert.ok(r.status === 0 || r.status === 1, r.stderr);
  assert.ok(Array.isArray(JSON.parse(r.stdout)));
});
