//! Suppressions written for BuildKit, hadolint and Dockwise keep working through the aliases,
//! and the "ignore" quick fix merges into an existing list instead of adding a second line.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { parse } from '../../server/src/syntax/parser';
import { buildModel } from '../../server/src/semantics/model';
import { findRule, runRules } from '../../server/src/rules/engine';
import { ignoreFixes } from '../../server/src/rules/suppress';
import { applyEdits } from '../../server/src/service/fixAll';

function codes(text: string, pragmas = true): string[] {
  const { tree } = parse(text);
  return runRules(tree, buildModel(tree), { pragmas }).map((f) => `${tree.text.slice(0, f.span.start).split('\n').length}:${f.rule.id}`);
}

const BASE = 'FROM debian:bookworm-slim\nWORKDIR app\nWORKDIR data\nCMD node server.js\n';

test('without pragmas the base file reports DF053 twice and DF051', () => {
  const c = codes(BASE);
  assert.ok(c.includes('2:DF053') && c.includes('3:DF053') && c.includes('4:DF051'), c.join(' '));
});

test('BuildKit file-level # check=skip=Name suppresses that check everywhere, case-sensitively', () => {
  const c = codes('# check=skip=JSONArgsRecommended,WorkdirRelativePath\n' + BASE);
  assert.ok(!c.some((x) => x.endsWith('DF051') || x.endsWith('DF053')), c.join(' '));
  const wrongCase = codes('# check=skip=JsonArgsRecommended\n' + BASE);
  assert.ok(wrongCase.some((x) => x.endsWith('DF051')), 'BuildKit names are case-sensitive; a wrong case suppresses nothing');
});

test('# check=skip=all silences BuildKit checks but not Dockwise-only rules', () => {
  const c = codes('# check=skip=all\nFROM alpine:3.20\nRUN echo a\nRUN echo b\nWORKDIR app\n');
  assert.ok(!c.some((x) => x.endsWith('DF053')), c.join(' '));
  assert.ok(c.includes('4:DF077'), c.join(' '));
});

test('the per-instruction # check=skip= comment applies to the next instruction only', () => {
  const c = codes('FROM debian:bookworm-slim\n# check=skip=WorkdirRelativePath // set by the base image\nWORKDIR app\nWORKDIR data\n');
  assert.ok(!c.includes('3:DF053'), c.join(' '));
  assert.ok(c.includes('4:DF053'), c.join(' '));
});

test('a blank line breaks the association between a pragma comment and the instruction', () => {
  const c = codes('FROM debian:bookworm-slim\n# hadolint ignore=DL3000\n\nWORKDIR app\n');
  assert.ok(c.includes('4:DF053'), c.join(' '));
});

test('hadolint ignore (next instruction), global ignore (file) and stage ignore (rest of the stage)', () => {
  const one = codes('FROM debian:bookworm-slim\n# some note\n# hadolint ignore=DL3000,DL3025\nWORKDIR app\nWORKDIR data\n');
  assert.ok(!one.includes('4:DF053') && one.includes('5:DF053'), one.join(' '));
  const glob = codes('# hadolint global ignore=DL3000\n' + BASE);
  assert.ok(!glob.some((x) => x.endsWith('DF053')), glob.join(' '));
  const stage = codes('FROM debian:bookworm-slim AS a\n# hadolint stage ignore=DL3000\nWORKDIR app\nFROM a\nWORKDIR data\n');
  assert.ok(!stage.includes('3:DF053') && stage.includes('5:DF053'), stage.join(' '));
});

test("Dockwise's own pragma takes ids or names", () => {
  const c = codes('FROM debian:bookworm-slim\n# dockwise ignore=workdir-relative\nWORKDIR app\n# dockerfile-lint ignore=DF053\nWORKDIR data\n');
  assert.ok(!c.some((x) => x.endsWith('DF053')), c.join(' '));
  const g = codes('# dockwise global ignore=DF051\n' + BASE);
  assert.ok(!g.some((x) => x.endsWith('DF051')), g.join(' '));
});

test('pragmas can be turned off (e.g. for an audit run)', () => {
  assert.ok(codes('# hadolint global ignore=DL3000\n' + BASE, false).some((x) => x.endsWith('DF053')));
});

function applyIgnore(text: string, id: string, which: 0 | 1): string {
  const { tree } = parse(text);
  const f = runRules(tree, buildModel(tree), { pragmas: true }).find((x) => x.rule.id === id)!;
  assert.ok(f, `${id} not found`);
  return applyEdits(text, ignoreFixes(tree, f.rule, f.span)[which].edits);
}

test('"ignore for this instruction" merges into an existing # check=skip= comment', () => {
  const text = 'FROM debian:bookworm-slim\n# check=skip=JSONArgsRecommended\nWORKDIR app\n';
  const out = applyIgnore(text, 'DF053', 0);
  assert.equal(out, 'FROM debian:bookworm-slim\n# check=skip=JSONArgsRecommended,WorkdirRelativePath\nWORKDIR app\n');
  assert.ok(!codes(out).some((x) => x.endsWith('DF053')));
});

test('"ignore in this file" merges into the existing # check= directive instead of adding a second', () => {
  const text = '# syntax=docker/dockerfile:1\n# check=error=true\nFROM debian:bookworm-slim\nWORKDIR app\n';
  const out = applyIgnore(text, 'DF053', 1);
  assert.equal(out, '# syntax=docker/dockerfile:1\n# check=error=true;skip=WorkdirRelativePath\nFROM debian:bookworm-slim\nWORKDIR app\n');
  assert.equal((out.match(/# check=/g) ?? []).length, 1);
  const out2 = applyIgnore(out.replace('WORKDIR app', 'WORKDIR app\nCMD node a.js'), 'DF051', 1);
  assert.match(out2, /# check=error=true;skip=WorkdirRelativePath,JSONArgsRecommended\n/);
  const fresh = applyIgnore('# syntax=docker/dockerfile:1\nFROM debian:bookworm-slim\nWORKDIR app\n', 'DF053', 1);
  assert.equal(fresh, '# syntax=docker/dockerfile:1\n# check=skip=WorkdirRelativePath\nFROM debian:bookworm-slim\nWORKDIR app\n');
  assert.ok(!codes(fresh).some((x) => x.endsWith('DF053')));
});

test('rules without a BuildKit name get a hadolint or dockwise pragma', () => {
  const text = 'FROM debian:bookworm-slim\nRUN apt-get update\nRUN apt-get install -y curl\n';
  const out = applyIgnore(text, 'DF077', 0);
  assert.match(out, /# hadolint ignore=DL3059\nRUN apt-get install/);
  assert.ok(!codes(out).some((x) => x.endsWith('DF077')));
  assert.ok(findRule('DF077'));
});

test('while editing, a suppression comment typed into a file that had none takes effect, and its removal too', async () => {
  const { DockerfileDocument } = await import('../../server/src/service/document');
  const doc = new DockerfileDocument('file:///s/Dockerfile', 1, BASE + '# a note\nRUN echo a\n');
  const ids = () => doc.findings({}).map((f) => `${doc.text.slice(0, f.span.start).split('\n').length}:${f.rule.id}`);
  assert.ok(ids().includes('3:DF053'));
  // A keystroke inside an instruction first (the engine's no-pragma fast path is primed).
  doc.applyChanges([{ range: { start: { line: 3, character: 4 }, end: { line: 3, character: 4 } }, text: 'x' }], 2);
  assert.ok(ids().includes('3:DF053'));
  // A new comment line above line 3 (a comment node appears).
  doc.applyChanges([{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: '# hadolint ignore=DL3000\n' }], 3);
  assert.ok(!ids().includes('4:DF053'), ids().join(' '));
  // An existing comment edited into a pragma (a comment node replaced by another).
  doc.applyChanges([{ range: { start: { line: 5, character: 2 }, end: { line: 5, character: 8 } }, text: 'dockwise global ignore=DF053' }], 4);
  assert.ok(!ids().some((x) => x.endsWith('DF053')), ids().join(' '));
  // Both removed again: the findings come back.
  doc.applyChanges([{ range: { start: { line: 5, character: 2 }, end: { line: 5, character: 30 } }, text: 'a note' }], 5);
  doc.applyChanges([{ range: { start: { line: 2, character: 0 }, end: { line: 3, character: 0 } }, text: '' }], 6);
  assert.ok(ids().includes('2:DF053') && ids().includes('3:DF053'), ids().join(' '));
});
