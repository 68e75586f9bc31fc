//! Semantic model: stages, ARG/ENV scopes (Dockerfile reference "ARG" / "ENV" scope rules),
//! predefined ARGs, SHELL per stage, COPY --from, and the per-stage cache.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { parse } from '../../server/src/syntax/parser';
import { reparse } from '../../server/src/syntax/incremental';
import { buildModel, ModelCache, type SemanticModel } from '../../server/src/semantics/model';
import { mulberry32, randomEdit, applyEdit } from './support/random';
import { generateDockerfile } from '../../bench/generate';

const model = (t: string) => buildModel(parse(t).tree);
const refDef = (m: SemanticModel, name: string, nth = 0) => m.refs.filter((r) => r.ref.name === name)[nth]?.def ?? null;

test('stages: names lower-cased, base image resolved with global ARG defaults, parent stage', () => {
  const m = model('ARG V=3.20\nFROM alpine:${V} AS Base\nFROM base AS app\nFROM scratch\n');
  assert.deepEqual(m.stages.map((s) => [s.index, s.name, s.image]), [[0, 'base', 'alpine:3.20'], [1, 'app', 'base'], [2, null, 'scratch']]);
  assert.equal(m.stages[1].parent, m.stages[0]);
  assert.equal(m.stageByName('BASE'), m.stages[0]);
});

test('a global ARG is visible in FROM, but inside a stage only after ARG re-declares it', () => {
  const m = model('ARG VERSION=1.2\nFROM alpine:$VERSION\nRUN echo $VERSION\nARG VERSION\nRUN echo $VERSION\n');
  assert.equal(refDef(m, 'VERSION', 0)?.kind, 'ARG');
  assert.equal(refDef(m, 'VERSION', 1), null, 'not visible before re-declaration');
  const d = refDef(m, 'VERSION', 2)!;
  assert.equal(d.stage, m.stages[0]);
  assert.equal(d.inheritsFrom?.value, '1.2');
});

test('ARG and ENV are inherited through FROM <stage> (docs: "Arguments and variables are inherited from parent stages"), not by unrelated stages', () => {
  const m = model('FROM alpine AS a\nENV E=1\nARG A=2\nFROM a\nRUN echo $E $A\nFROM alpine\nRUN echo $E $A\n');
  assert.equal(refDef(m, 'E', 0)?.kind, 'ENV');
  assert.equal(refDef(m, 'A', 0)?.kind, 'ARG');
  assert.equal(refDef(m, 'E', 1), null);
  assert.equal(refDef(m, 'A', 1), null);
});

test('ENV values expand with the scope before the instruction (reference example)', () => {
  const m = model('FROM a\nENV abc=hello\nENV abc=bye def=$abc\nENV ghi=$abc\n');
  const def = m.defs.find((d) => d.name === 'def')!;
  const ghi = m.defs.find((d) => d.name === 'ghi')!;
  assert.equal(def.value, 'hello');
  assert.equal(ghi.value, 'bye');
});

test('predefined ARGs: platform ones in FROM and after ARG; proxies anywhere', () => {
  const m = model('FROM --platform=$BUILDPLATFORM golang\nRUN echo $TARGETOS $HTTP_PROXY\nARG TARGETOS\nRUN echo $TARGETOS\n');
  assert.equal(refDef(m, 'BUILDPLATFORM')?.kind, 'predefined');
  assert.equal(refDef(m, 'TARGETOS', 0), null);
  assert.equal(refDef(m, 'HTTP_PROXY')?.kind, 'predefined');
  assert.equal(refDef(m, 'TARGETOS', 1)?.inheritsFrom?.predefinedNote, 'platform');
});

test('SHELL applies per stage from the next instruction on, and is inherited by child stages', () => {
  const t = parse('FROM a AS x\nRUN one\nSHELL ["/bin/bash", "-c"]\nRUN two\nFROM x\nRUN three\nFROM b\nRUN four\n').tree;
  const m = buildModel(t);
  const runs = t.instructions.filter((i) => i.name === 'RUN');
  assert.deepEqual(runs.map((r) => m.shellOf(r).join(' ')), ['/bin/sh -c', '/bin/bash -c', '/bin/bash -c', '/bin/sh -c']);
});

test('COPY --from and RUN --mount from= resolve stages by name or index; forward references are flagged', () => {
  const m = model('FROM a AS one\nCOPY --from=two /x /y\nFROM b AS two\nCOPY --from=one /a /b\nCOPY --from=0 /a /b\nRUN --mount=type=bind,from=one,target=/s true\nCOPY --from=nginx:1 /a /b\n');
  const r = m.stageRefs.map((s) => [s.value, s.target?.name ?? null, s.forward?.name ?? null]);
  assert.deepEqual(r, [['two', null, 'two'], ['one', 'one', null], ['0', 'one', null], ['one', 'one', null], ['nginx:1', null, null]]);
});

test('the per-stage cache gives the same model as a fresh build after random edits', () => {
  let text = generateDockerfile(300, 5);
  let cur = parse(text);
  const cache = new ModelCache();
  buildModel(cur.tree, cache);
  const rnd = mulberry32(31337);
  const summary = (m: SemanticModel) => JSON.stringify({
    stages: m.stages.map((s) => [s.index, s.name, s.image, s.parent?.index ?? null, s.start, s.end, s.instructions.length]),
    defs: m.defs.map((d) => [d.name, d.kind, d.value, d.instruction?.start ?? null, d.stage?.index ?? null]),
    refs: m.refs.map((r) => [r.ref.name, r.ref.start, r.def?.instruction?.start ?? null, r.def?.kind ?? null]),
    stageRefs: m.stageRefs.map((s) => [s.value, s.target?.index ?? null]),
  });
  for (let i = 0; i < 400; i++) {
    const e = randomEdit(rnd, text);
    text = applyEdit(text, e);
    cur = reparse(cur, e);
    assert.equal(summary(buildModel(cur.tree, cache)), summary(buildModel(parse(text).tree)), `diverged after edit ${i}`);
  }
  assert.ok(cache.reused > cache.computed, `cache reused ${cache.reused}, computed ${cache.computed}`);
});
