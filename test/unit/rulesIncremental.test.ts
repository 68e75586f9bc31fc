//! Rule results are reused across edits (per node, per stage, and for file rules that read only
//! instruction outlines), with their offsets following the nodes they belong to. Differential
//! test: after every edit of long random sequences, the findings of the edited document (all
//! caches warm) equal those of a fresh document with the same text — spans, messages, fixes
//! and related locations included.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DockerfileDocument } from '../../server/src/service/document';
import { defaultSeverities, resolveSeverities, type Finding } from '../../server/src/rules/engine';
import type { Rule, Severity } from '../../server/src/rules/defineRule';
import { ALL_RULES } from '../../server/src/rules/registry.generated';
import { hasLag, type TextEdit } from '../../server/src/syntax/incremental';
import { mulberry32, randomEdit } from './support/random';
import { FIXTURES } from './support/paths';
import { everythingWrong } from './support/contextFacts';
import { parse } from '../../server/src/syntax/parser';
import { generateDockerfile } from '../../bench/generate';

// Every rule on (off rules too), so each rule's reuse is exercised.
const severities = resolveSeverities(Object.fromEntries(ALL_RULES.map((r) => [r.id, true])));
const opts = { severities };

function shape(f: Finding) {
  return {
    rule: f.rule.id, subcode: f.subcode, severity: f.severity, span: [f.span.start, f.span.end], message: f.message.en,
    fixes: f.fixes.map((x) => ({ title: x.title.en, safe: x.safe, disabled: x.disabled?.en, edits: x.edits.map((e) => [e.start, e.end, e.newText]), other: x.otherFile })),
    related: f.related.map((r) => ({ span: r.uri ? null : [r.span.start, r.span.end], uri: r.uri, line: r.line, message: r.message.en })),
  };
}

/** A keystroke: one character typed or deleted inside a line (what outline caching is for). */
function keystroke(rnd: () => number, text: string): TextEdit {
  const pos = Math.floor(rnd() * (text.length + 1));
  if (rnd() < 0.5 || pos >= text.length || text[pos] === '\n' || text[pos] === '\r') {
    const chars = 'xa-_ =$/';
    return { start: pos, end: pos, text: chars[Math.floor(rnd() * chars.length)] };
  }
  return { start: pos, end: pos + 1, text: '' };
}

const realistic = path.join(FIXTURES, 'realistic');
const starts: [string, string][] = [
  ['generated', generateDockerfile(400, 11)],
  ...fs.readdirSync(realistic).filter((f) => f.endsWith('.dockerfile')).map((f) => [f, fs.readFileSync(path.join(realistic, f), 'utf8')] as [string, string]),
];
// A slice of the rule fixtures: files written to trigger rules, file rules included.
const rulesDir = path.join(FIXTURES, 'rules');
for (const d of fs.readdirSync(rulesDir).sort()) {
  const f = path.join(rulesDir, d, 'invalid.dockerfile');
  if (/^DF0(1[01]|2[5-8]|3[0-8]|4[5-9]|6[1-4])-/.test(d) && fs.existsSync(f)) starts.push([d, fs.readFileSync(f, 'utf8')]);
}

function differential(opts: { severities: Map<Rule, Severity> }, seed: number): { checked: number; reused: number; lagging: number } {
  let checked = 0;
  let reused = 0;
  let lagging = 0;
  starts.forEach(([name, start], k) => {
    const rnd = mulberry32(seed + k);
    const doc = new DockerfileDocument(`file:///inc${k}/Dockerfile`, 1, start);
    doc.findings(opts);
    let v = 2;
    for (let i = 0; i < 120; i++) {
      // Mostly keystrokes, sometimes structural edits; sometimes two edits before one analysis.
      const n = rnd() < 0.15 ? 2 : 1;
      for (let j = 0; j < n; j++) doc.applyEdit(rnd() < 0.75 ? keystroke(rnd, doc.text) : randomEdit(rnd, doc.text), v++);
      // Nothing settles the nodes the edits moved except the analysis itself (lags add up).
      if (hasLag(doc.unsettled().tree)) lagging++;
      const got = doc.findings(opts).map(shape);
      const want = new DockerfileDocument(doc.uri, doc.version, doc.text).findings(opts).map(shape);
      assert.deepEqual(got, want, `${name}, edit ${i}: text ${JSON.stringify(doc.text.slice(0, 2000))}`);
      checked++;
    }
    reused += doc.fileRuleCache.reused;
  });
  return { checked, reused, lagging };
}

test('findings after random edits and keystrokes equal a fresh analysis of the same text', () => {
  const { checked, reused } = differential(opts, 4242);
  assert.ok(checked >= 1000, `checked ${checked}`);
  // The reuse path is what this test is about: it must have been taken many times.
  assert.ok(reused > 1000, `file-rule results reused ${reused} times`);
});

test('with the default rule set, findings read right through nodes whose inner spans still lag', () => {
  // Rules that are off by default include some that read the whole tree (which settles it);
  // the default set leaves most moved nodes lagging from one analysis to the next.
  const { checked, lagging } = differential({ severities: defaultSeverities() }, 5151);
  assert.ok(checked >= 1000, `checked ${checked}`);
  assert.ok(lagging > checked / 3, `analyses that started with lagging nodes: ${lagging} of ${checked}`);
});

test('build-context rules keep their results across keystrokes while the facts hold, and equal a fresh analysis', () => {
  // The server hands the same facts object until new facts arrive; they answer for the
  // sources they know (rules skip the others), so they stay valid while COPY lines change.
  let checked = 0;
  let reused = 0;
  for (const ignore of [null, '/ctx/.dockerignore']) {
    starts.slice(0, 6).forEach(([name, start], k) => {
      const rnd = mulberry32(777 + k);
      const external = everythingWrong(ignore)(parse(start).tree);
      const o = { severities: defaultSeverities(), external };
      const doc = new DockerfileDocument(`file:///ctx${k}/Dockerfile`, 1, start);
      doc.findings(o);
      let v = 2;
      for (let i = 0; i < 80; i++) {
        doc.applyEdit(rnd() < 0.8 ? keystroke(rnd, doc.text) : randomEdit(rnd, doc.text), v++);
        const got = doc.findings(o).map(shape);
        const want = new DockerfileDocument(doc.uri, doc.version, doc.text).findings(o).map(shape);
        assert.deepEqual(got, want, `${name} (ignore file ${ignore}), edit ${i}`);
        checked++;
      }
      reused += doc.fileRuleCache.reused;
    });
  }
  assert.ok(checked >= 900, `checked ${checked}`);
  assert.ok(reused > 2000, `file-rule results reused ${reused} times`);
});

test('new build-context facts replace the kept results of the context rules', () => {
  const text = 'FROM node:20\nWORKDIR /app\nCOPY package.json ./\nRUN npm ci\nCOPY src ./src\n';
  const doc = new DockerfileDocument('file:///facts/Dockerfile', 1, text);
  const a = { severities: defaultSeverities(), external: everythingWrong(null)(parse(text).tree) };
  const b = { severities: defaultSeverities(), external: everythingWrong('/ctx/.dockerignore')(parse(text).tree) };
  assert.ok(doc.findings(a).some((f) => f.rule.id === 'DF056'));
  const at = text.indexOf('npm ci') + 3;
  doc.applyEdit({ start: at, end: at, text: 'x' }, 2);
  const got = doc.findings(b).map(shape);
  assert.deepEqual(got, new DockerfileDocument(doc.uri, 2, doc.text).findings(b).map(shape));
  assert.ok(got.some((f) => f.rule === 'DF057') && !got.some((f) => f.rule === 'DF056'));
});

test('a blank line typed inside a stage updates the line numbers its rules quote', () => {
  // DF090 quotes the line of the install RUN. Found by the differential harness: when the
  // reparse kept every node object, nothing told the per-stage cache that lines moved.
  const text = 'FROM debian:12\nRUN apt-get update\nRUN <<EOF\necho hi\nEOF\nRUN apt-get install -y --no-install-recommends curl\n';
  const o = { severities: defaultSeverities() };
  const doc = new DockerfileDocument('file:///blank/Dockerfile', 1, text);
  assert.match(doc.findings(o).find((f) => f.rule.id === 'DF090')?.message.en ?? '', /line 6/);
  for (const [v, at] of [[2, text.indexOf('RUN apt-get install')], [3, text.indexOf('RUN <<EOF')]] as const) {
    doc.applyEdit({ start: at, end: at, text: '\n' }, v);
    const got = doc.findings(o).map(shape);
    assert.deepEqual(got, new DockerfileDocument(doc.uri, v, doc.text).findings(o).map(shape));
  }
  assert.match(doc.findings(o).find((f) => f.rule.id === 'DF090')?.message.en ?? '', /line 8/);
});

test('a comment edited inside a stage moves the reports of the instructions after it', () => {
  const text = 'FROM debian:12 AS build\n# note\nRUN apt-get install curl\nRUN cd /app\nCOPY --from=build / /x\n';
  const doc = new DockerfileDocument('file:///c/Dockerfile', 1, text);
  doc.findings(opts);
  const at = text.indexOf('note');
  doc.applyEdit({ start: at, end: at, text: 'longer ' }, 2);
  const got = doc.findings(opts).map(shape);
  const want = new DockerfileDocument(doc.uri, 2, doc.text).findings(opts).map(shape);
  assert.deepEqual(got, want);
  // And every span still points at the text it reported on.
  for (const f of doc.findings(opts)) assert.ok(f.span.end <= doc.text.length);
});
