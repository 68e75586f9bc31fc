//! Lazy moves (`Instruction.lag`): an edit moves the instructions after it by their own
//! `start`/`end` only, and their inner spans catch up later. These tests pin down the contract:
//! nothing a user sees (document trees, findings, fixes) ever shows a lagging offset, and the
//! rules engine reads every node it needs settled — checked by running the rules on trees whose
//! nodes were all left lagging by a huge amount, where any unsettled read shows.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from '../../server/src/syntax/parser';
import { hasLag, reparse, settle, settleTree, type TextEdit } from '../../server/src/syntax/incremental';
import type { DockerfileTree } from '../../server/src/syntax/nodes';
import { buildModel } from '../../server/src/semantics/model';
import { DockerfileDocument } from '../../server/src/service/document';
import { computeHover } from '../../server/src/features/hover';
import { documentSymbols } from '../../server/src/features/outline';
import { defaultSeverities, resolveSeverities, runRules, type Finding } from '../../server/src/rules/engine';
import { ALL_RULES } from '../../server/src/rules/registry.generated';
import type { ExternalFacts, Rule, Severity } from '../../server/src/rules/defineRule';
import { everythingWrong } from './support/contextFacts';
import { generateDockerfile } from '../../bench/generate';
import { FIXTURES } from './support/paths';

function applyEdit(text: string, e: TextEdit): string {
  return text.slice(0, e.start) + e.text + text.slice(e.end);
}

test('a lazy reparse moves the nodes after the edit by start/end only; settling makes the tree a full parse', () => {
  let text = 'FROM alpine AS a\nRUN echo one\nCOPY --from=a /x /y\nENV K=v\n';
  const first = parse(text);
  const copy = first.tree.instructions[2];
  const flagStart = copy.flags[0].start;
  const e: TextEdit = { start: text.indexOf('one'), end: text.indexOf('one'), text: 'x' };
  text = applyEdit(text, e);
  const r = reparse(first, e, undefined, true);
  assert.equal(r.tree.instructions[2], copy, 'the COPY node is reused');
  assert.equal(copy.start, text.indexOf('COPY'), 'its own start moved');
  assert.equal(copy.lag, 1);
  assert.equal(copy.flags[0].start, flagStart, 'its flag has not moved yet');
  assert.ok(hasLag(r.tree));
  settleTree(r.tree);
  assert.equal(copy.lag, 0);
  assert.equal(copy.flags[0].start, text.indexOf('--from'));
  assert.ok(!hasLag(r.tree));
  assert.deepStrictEqual(r.tree, parse(text).tree);
});

test('lags of several lazy reparses add up until one settle; a node can also be settled alone', () => {
  let text = generateDockerfile(120, 3);
  let cur = parse(text);
  const last = cur.tree.instructions[cur.tree.instructions.length - 1];
  const inner = last.keywordSpan.start;
  for (let i = 0; i < 5; i++) {
    const at = text.indexOf('\nRUN ', 50 + i * 200) + 5;
    const e: TextEdit = { start: at, end: at, text: 'ab' };
    text = applyEdit(text, e);
    cur = reparse(cur, e, undefined, true);
  }
  assert.equal(last.lag, 10);
  settle(last);
  assert.equal(last.keywordSpan.start, inner + 10);
  settleTree(cur.tree);
  assert.deepStrictEqual(cur.tree, parse(text).tree);
});

test('a document settles before it hands out its tree or model; its findings leave moved nodes lagging', () => {
  const text = generateDockerfile(2000, 5);
  const doc = new DockerfileDocument('file:///lag/Dockerfile', 1, text);
  const opts = { severities: defaultSeverities() };
  doc.findings(opts);
  const at = text.indexOf('\nRUN ', text.length >> 2) + 5;
  doc.applyEdit({ start: at, end: at, text: 'x' }, 2);
  doc.findings(opts);
  // The point of the lag: a keystroke's analysis does not move every later node's spans.
  assert.ok(hasLag(doc.unsettled().tree), 'the analysis left the moved nodes lagging');
  const tree = doc.tree;
  assert.ok(!hasLag(tree));
  assert.deepStrictEqual(tree, parse(doc.text).tree);
});

test('features read a settled tree right after an edit moved the nodes they look at', () => {
  const body = Array.from({ length: 40 }, (_, i) => `ENV K${i}=v${i}`).join('\n');
  // The middle stage: neither edited nor final (rules about the final stage settle that one).
  const text = `FROM alpine AS a\nRUN echo hi\nFROM alpine AS b\nCOPY --from=a /x /y\n${body}\nCMD echo $K39\nFROM alpine\n`;
  const doc = new DockerfileDocument('file:///lag/hover/Dockerfile', 1, text);
  const opts = { severities: defaultSeverities() };
  doc.findings(opts);
  const at = text.indexOf('echo hi') + 5;
  doc.applyEdit({ start: at, end: at, text: 'abcdefgh' }, 2);
  doc.findings(opts);
  assert.ok(hasLag(doc.unsettled().tree), 'the edit left the middle stage lagging');
  // Hover on `K39` in the last line: found through the variable reference's span.
  const line = 44;
  const hover = computeHover(doc, { line, character: 11 }, { locale: 'en' });
  assert.match(JSON.stringify(hover?.contents ?? ''), /v39/);
  assert.deepEqual(hover?.range, { start: { line, character: 9 }, end: { line, character: 13 } });
  // The outline's selection of stage `b` is its name word, an inner span of that FROM node.
  const b = documentSymbols(doc).find((x) => x.name === 'b');
  assert.deepEqual(b?.selectionRange, { start: { line: 2, character: 15 }, end: { line: 2, character: 16 } });
});

// ---- the rules read what they need settled ---------------------------------------------------

const POISON = 1_000_000;

/** Leaves every instruction of a (settled) tree lagging by -POISON: any unsettled read is far off. */
function poison(tree: DockerfileTree): void {
  for (const n of tree.instructions) {
    // Settling a lag of +POISON moves the inner spans POISON ahead; a lag of -POISON brings them back.
    n.lag = POISON;
    settle(n);
    n.lag = -POISON;
  }
  Object.defineProperty(tree, 'lagFrom', { value: 0, writable: true, enumerable: false, configurable: true });
}

function shape(f: Finding) {
  return [f.rule.id, f.subcode, f.severity, f.span.start, f.span.end, f.message.en,
    f.fixes.map((x) => [x.title.en, x.safe, x.edits.map((e) => [e.start, e.end, e.newText])]),
    f.related.map((r) => (r.uri ? [r.uri, r.line] : [r.span.start, r.span.end, r.message.en]))];
}

let fileList: [string, string][] | null = null;
/** The generated file, the realistic files and every rule fixture (read once). */
function files(): [string, string][] {
  if (fileList) return fileList;
  const out: [string, string][] = [['generated', generateDockerfile(600, 9)]];
  const realistic = path.join(FIXTURES, 'realistic');
  for (const f of fs.readdirSync(realistic).filter((x) => x.endsWith('.dockerfile'))) out.push([f, fs.readFileSync(path.join(realistic, f), 'utf8')]);
  const rulesDir = path.join(FIXTURES, 'rules');
  for (const d of fs.readdirSync(rulesDir).sort()) {
    for (const v of ['invalid.dockerfile', 'valid.dockerfile']) {
      const f = path.join(rulesDir, d, v);
      if (fs.existsSync(f)) out.push([`${d}/${v}`, fs.readFileSync(f, 'utf8')]);
    }
  }
  return (fileList = out);
}

/** Findings on a poisoned tree (model built before the poison, as reused stages are) vs a clean one. */
function compare(which: string, severities: Map<Rule, Severity>, external?: (tree: DockerfileTree) => ExternalFacts): number {
  let compared = 0;
  for (const [name, text] of files()) {
    const clean = parse(text).tree;
    const want = runRules(clean, buildModel(clean), { severities, external: external?.(clean) }).map(shape);
    const tree = parse(text).tree;
    const model = buildModel(tree);
    // (Facts from the clean twin: what the server would have computed before the edit.)
    const facts = external?.(clean);
    poison(tree);
    const got = runRules(tree, model, { severities, external: facts }).map(shape);
    assert.deepStrictEqual(got, want, `${which}: ${name}`);
    compared += want.length;
  }
  return compared;
}

const only = (pick: (r: Rule) => boolean) => resolveSeverities(Object.fromEntries(ALL_RULES.map((r) => [r.id, pick(r) ? true : 'off'])));

test('each file rule that declares `touches` reads nothing else (run alone, every other node lagging)', () => {
  // One at a time: a rule run earlier would settle what a later one reads.
  const declared = ALL_RULES.filter((r) => r.scope === 'file' && !r.perStage && r.touches);
  assert.ok(declared.length >= 8, 'the declarations under test');
  let n = 0;
  for (const rule of declared) n += compare(rule.id, only((r) => r === rule));
  assert.ok(n > 50, `findings compared: ${n}`);
  // And all file rules together (those without a declaration settle the whole tree on first read).
  compare('file rules', only((r) => r.scope === 'file' && !r.perStage));
});

test('the build-context rules settle only the sources they report on', () => {
  let n = 0;
  for (const id of ['DF056', 'DF057', 'DF111', 'DF112', 'DF116']) {
    for (const ignore of [null, '/ctx/.dockerignore']) n += compare(`${id} (ignore file ${ignore})`, only((r) => r.id === id), everythingWrong(ignore));
  }
  assert.ok(n > 500, `findings compared: ${n}`);
});

test('per-stage rules read only their stage views (chain, prelude, stages asked for by name)', () => {
  const n = compare('per-stage rules', only((r) => r.scope === 'file' && !!r.perStage));
  assert.ok(n > 200, `findings compared: ${n}`);
});

test('instruction rules, and every rule together, read through lagging nodes right', () => {
  assert.ok(compare('instruction rules', only((r) => r.scope === 'instruction')) > 200);
  assert.ok(compare('default rules', defaultSeverities()) > 200);
});
