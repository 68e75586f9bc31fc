import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from '../../server/src/syntax/parser';
import { dumpTree } from '../../server/src/syntax/dumpTree';
import type { Instruction } from '../../server/src/syntax/nodes';
import { FIXTURES } from './support/paths';
import { expectSnapshot } from './support/snapshot';

const dir = path.join(FIXTURES, 'parser');
for (const f of fs.readdirSync(dir).filter((f) => f.endsWith('.dockerfile')).sort()) {
  test(`parser snapshot: ${f}`, () => {
    const text = fs.readFileSync(path.join(dir, f), 'utf8');
    const { tree, errors } = parse(text);
    expectSnapshot(dumpTree(tree, errors), path.join(dir, f.replace(/\.dockerfile$/, '.tree.snap')));
  });
}

const ins = (text: string, i = 0): Instruction => parse(text).tree.instructions[i];

test('directives end at the first non-directive line (reference.md §Parser directives)', () => {
  const { tree } = parse('# syntax=docker/dockerfile:1\n# escape=`\n\n# escape=\\\nFROM a');
  assert.deepEqual(tree.directives.map((d) => d.name), ['syntax', 'escape']);
  assert.equal(tree.escape, '`');
  const t2 = parse('# hello\n# escape=`\nFROM a').tree;
  assert.equal(t2.directives.length, 0);
  assert.equal(t2.escape, '\\');
});

test('duplicate directive and invalid escape are errors', () => {
  const r = parse('# escape=`\n# ESCAPE=\\\nFROM a');
  assert.ok(r.errors.some((e) => e.code === 'duplicate-directive'));
  assert.ok(parse('# escape=x\nFROM a').errors.some((e) => e.code === 'invalid-escape'));
});

test('# later on a line is not a comment', () => {
  const i = ins('COPY a b # c\n');
  assert.deepEqual(i.args.map((a) => a.value), ['a', 'b', '#', 'c']);
});

test('continuation: trailing whitespace after the escape char, comment and empty lines inside', () => {
  const i = ins('RUN a \\  \n# c\n\n  b\n');
  assert.equal(i.command?.text, 'a   b');
  assert.equal(i.comments.length, 1);
  assert.equal(i.emptyContinuationLines.length, 1);
});

test('backtick escape changes continuation handling', () => {
  const t = parse('# escape=`\nRUN a `\n b\nRUN c \\\nRUN d\n').tree;
  assert.equal(t.instructions.length, 3);
  assert.equal(t.instructions[0].command?.text, 'a  b');
  assert.equal(t.instructions[1].command?.text, 'c \\');
});

test('exec form vs shell form; invalid JSON array is shell form (BuildKit parseMaybeJSON)', () => {
  assert.equal(ins('CMD ["a", "b"]').command?.form, 'exec');
  const single = ins("CMD ['a', 'b']").command!;
  assert.equal(single.form, 'shell');
  assert.equal(single.jsonProblem, 'invalid-json');
  const r = parse('CMD [1, 2]');
  assert.equal(r.tree.instructions[0].command?.jsonProblem, 'not-strings');
  assert.ok(r.errors.some((e) => e.code === 'json-not-strings'));
});

test('exec-form string spans are exact', () => {
  const text = 'ENTRYPOINT ["python", "app.py"]';
  const j = ins(text).command!.json;
  assert.equal(text.slice(j[1].start, j[1].end), '"app.py"');
  assert.equal(j[1].value, 'app.py');
});

test('heredocs: several on one line, quoted, chomp', () => {
  const i = ins('COPY <<a <<-"b" /d/\nx\na\n\ty\n\tb\n');
  assert.equal(i.heredocs.length, 2);
  assert.equal(i.heredocs[0].content, 'x\n');
  assert.equal(i.heredocs[1].name, 'b');
  assert.equal(i.heredocs[1].chomp, true);
  assert.equal(i.heredocs[1].expand, false);
  assert.equal(i.heredocs[1].content, '\ty\n');
});

test('heredoc with a space after << is not a heredoc for BuildKit, and is reported', () => {
  const r = parse('RUN << "EOF"\necho\nEOF\n');
  assert.equal(r.tree.instructions[0].heredocs.length, 0);
  assert.ok(r.errors.some((e) => e.code === 'heredoc-space'));
});

test('unterminated heredoc swallows the rest and is an error', () => {
  const r = parse('RUN <<EOF\necho\nFROM x\n');
  assert.equal(r.tree.instructions.length, 1);
  assert.ok(r.errors.some((e) => e.code === 'unterminated-heredoc'));
});

test('ENV legacy form swallows pairs; key=value pairs with quotes and escapes', () => {
  const legacy = ins('ENV A a B b').keyValues;
  assert.equal(legacy.length, 1);
  assert.equal(legacy[0].key, 'A');
  assert.equal(legacy[0].value, 'a B b');
  const kv = ins('ENV A=1 B="two words" C=three\\ four').keyValues;
  assert.deepEqual(kv.map((k) => [k.key, k.value]), [['A', '1'], ['B', 'two words'], ['C', 'three four']]);
});

test("LABEL k = 'v' is legacy format with value \"= v\" (BuildKit parseNameVal)", () => {
  const kv = ins("LABEL version = '1.0'").keyValues;
  assert.equal(kv[0].key, 'version');
  assert.equal(kv[0].rawValue, "= '1.0'");
  assert.equal(kv[0].hasEquals, false);
});

test('variables: all modifier forms and escaped $', () => {
  const text = 'ENV X=${a:-x}${b:+y}${c:?z}${d#p}${e%p}${f/p/r}$g\\$h';
  const vars = ins(text).vars;
  assert.deepEqual(vars.map((v) => [v.name, v.modifier]), [['a', ':-'], ['b', ':+'], ['c', ':?'], ['d', '#'], ['e', '%'], ['f', '/'], ['g', null]]);
  const v = vars[0];
  assert.equal(text.slice(v.nameSpan.start, v.nameSpan.end), 'a');
});

test('nested variables in modifier words are found', () => {
  const vars = ins('ENV X=${A:-${B}}').vars;
  assert.deepEqual(vars.map((v) => v.name).sort(), ['A', 'B']);
});

test('ONBUILD nests its trigger; HEALTHCHECK NONE / CMD; FROM --platform AS', () => {
  const o = ins('ONBUILD RUN echo $X');
  assert.equal(o.trigger?.name, 'RUN');
  assert.equal(o.trigger?.vars[0].name, 'X');
  assert.equal(ins('HEALTHCHECK NONE').healthcheck?.type, 'NONE');
  const h = ins('HEALTHCHECK --interval=5s CMD ["curl", "-f", "x"]');
  assert.equal(h.healthcheck?.command?.form, 'exec');
  assert.equal(h.flags[0].name, 'interval');
  assert.equal(h.flags[0].value, '5s');
  const f = ins('FROM --platform=$BUILDPLATFORM golang:1.22 AS builder');
  assert.equal(f.from?.image?.value, 'golang:1.22');
  assert.equal(f.from?.stageName?.value, 'builder');
  assert.equal(f.flags[0].name, 'platform');
  assert.equal(f.vars[0].name, 'BUILDPLATFORM');
});

test('instructions are case-insensitive; unknown ones are marked', () => {
  assert.equal(ins('from alpine').name, 'FROM');
  const u = ins('RUNN x');
  assert.equal(u.known, false);
  assert.equal(u.name, 'RUNN');
});

test('UTF-16 offsets with astral characters', () => {
  const text = 'RUN echo 😀 $X';
  const v = ins(text).vars[0];
  assert.equal(text.slice(v.start, v.end), '$X');
});

test('BOM and CRLF', () => {
  const { tree } = parse('\ufeffFROM a\r\nRUN b \\\r\n c\r\n');
  assert.equal(tree.bom, true);
  assert.equal(tree.instructions[0].keywordSpan.start, 1);
  assert.equal(tree.instructions[1].command?.text, 'b  c');
});
