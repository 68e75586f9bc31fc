//! Navigation and editing features, data-driven with a `$0` cursor marker.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import type { Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { DockerfileDocument } from '../../server/src/service/document';
import { documentHighlights, findDefinition, findReferences, prepareRename, rename } from '../../server/src/features/navigation';
import { documentLinks, documentSymbols, foldingRanges, imageUrl, inlayHints } from '../../server/src/features/outline';
import { LEGEND, semanticTokensDelta, semanticTokensFull } from '../../server/src/features/semanticTokens';
import { formatDocument } from '../../server/src/features/format';

function at(src: string): { doc: DockerfileDocument; offset: number } {
  const i = src.indexOf('$0');
  if (i < 0 || src.indexOf('$0', i + 1) >= 0) throw new Error('exactly one $0 marker required');
  return { doc: new DockerfileDocument('file:///Dockerfile', 1, src.slice(0, i) + src.slice(i + 2)), offset: i };
}
const textOf = (doc: DockerfileDocument, r: Range) => doc.text.slice(doc.offsetAt(r.start), doc.offsetAt(r.end));
function applyTextEdits(text: string, doc: DockerfileDocument, edits: TextEdit[]): string {
  const abs = edits.map((e) => ({ s: doc.offsetAt(e.range.start), e: doc.offsetAt(e.range.end), t: e.newText })).sort((a, b) => b.s - a.s);
  let out = text;
  for (const e of abs) out = out.slice(0, e.s) + e.t + out.slice(e.e);
  return out;
}
const applyWs = (doc: DockerfileDocument, we: WorkspaceEdit | null) => applyTextEdits(doc.text, doc, we?.changes?.[doc.uri] ?? []);

const STAGES = `FROM golang:1.22 AS builder
RUN go build -o /out/app .
FROM builder AS test
RUN go test ./...
FROM alpine:3.20
COPY --chown=app:app --chmod=755 --from=build$0er /out/app /usr/local/bin/app
RUN --mount=type=bind,from=builder,source=/out,target=/mnt ls /mnt
`;

test('definition of a stage from COPY --from with several flags before it', () => {
  const { doc, offset } = at(STAGES);
  const defs = findDefinition(doc, offset);
  assert.equal(defs.length, 1);
  assert.deepEqual(defs[0].range.start, { line: 0, character: 20 });
  assert.equal(textOf(doc, defs[0].range), 'builder');
});

test('references and rename of a stage cover AS, FROM <stage>, COPY --from and RUN --mount from=', () => {
  const { doc, offset } = at(STAGES);
  const refs = findReferences(doc, offset, true);
  assert.deepEqual(refs.map((r) => r.range.start.line), [0, 2, 5, 6]);
  assert.ok(refs.every((r) => textOf(doc, r.range) === 'builder'));
  const after = applyWs(doc, rename(doc, offset, 'compile'));
  assert.equal((after.match(/compile/g) ?? []).length, 4);
  assert.ok(!after.includes('builder'));
  assert.equal(prepareRename(doc, offset)?.placeholder, 'builder');
  assert.throws(() => rename(doc, offset, '1 bad name'), /not a valid stage name/);
});

test('variables: a global ARG, its re-declaration in a stage and the uses are one symbol', () => {
  const src = `ARG VERSION=1.0
FROM alpine:\${VERSION}
ARG VERSION
RUN echo $VER$0SION > /v
ENV OTHER=$VERSION
`;
  const { doc, offset } = at(src);
  const refs = findReferences(doc, offset, true);
  assert.deepEqual(refs.map((r) => r.range.start.line), [0, 1, 2, 3, 4]);
  const after = applyWs(doc, rename(doc, offset, 'APP_VERSION'));
  assert.equal(after, src.replace('$0', '').replace(/VERSION/g, 'APP_VERSION'));
  const hl = documentHighlights(doc, offset);
  assert.equal(hl.filter((h) => h.kind === 3).length, 2, 'two write sites (ARG declarations)');
});

test('an ENV in one stage is not confused with a same-named ENV in an unrelated stage', () => {
  const { doc, offset } = at('FROM a AS one\nENV X=1\nRUN echo $X\nFROM b\nENV X=2\nRUN echo $X$0\n');
  const refs = findReferences(doc, offset, true);
  assert.deepEqual(refs.map((r) => r.range.start.line), [4, 5]);
});

test('heredoc delimiter: marker and terminator highlight together and rename together', () => {
  const { doc, offset } = at('FROM a\nRUN <<E$0OF\necho hi\nEOF\n');
  assert.deepEqual(documentHighlights(doc, offset).map((h) => h.range.start.line), [1, 3]);
  assert.equal(applyWs(doc, rename(doc, offset, 'SCRIPT')), 'FROM a\nRUN <<SCRIPT\necho hi\nSCRIPT\n');
  const q = at('FROM a\nRUN <<-"E$0OF"\n\techo hi\n\tEOF\n');
  assert.equal(applyWs(q.doc, rename(q.doc, q.offset, 'END')), 'FROM a\nRUN <<-"END"\n\techo hi\n\tEND\n');
});

test('document symbols: global ARGs, then stages with their instructions', () => {
  const doc = new DockerfileDocument('file:///D', 1, 'ARG V=1\nFROM alpine AS base\nENV A=1 B=2\nRUN x\nFROM base\nCMD ["x"]\n');
  const syms = documentSymbols(doc);
  assert.deepEqual(syms.map((s) => s.name), ['ARG', 'base', 'stage 1']);
  assert.deepEqual(syms[1].children?.map((c) => c.name), ['ENV', 'RUN']);
  assert.deepEqual(syms[1].children?.[0].children?.map((c) => c.name), ['A', 'B']);
});

test('folding: stages, multi-line instructions, heredocs and comment blocks', () => {
  const doc = new DockerfileDocument('file:///D', 1, '# a\n# b\nFROM x\nRUN a \\\n  b \\\n  c\nRUN <<EOF\none\nEOF\n');
  const f = foldingRanges(doc).map((r) => `${r.startLine}-${r.endLine}${r.kind ? ' ' + r.kind : ''}`);
  assert.deepEqual(f.sort(), ['0-1 comment', '2-8 region', '3-5', '6-8'].sort());
});

test('document links to the image registries', () => {
  assert.equal(imageUrl('node:20'), 'https://hub.docker.com/_/node');
  assert.equal(imageUrl('docker.io/library/python:3.12-slim'), 'https://hub.docker.com/_/python');
  assert.equal(imageUrl('bitnami/redis:7'), 'https://hub.docker.com/r/bitnami/redis');
  assert.equal(imageUrl('ghcr.io/owner/tool:1'), 'https://ghcr.io/owner/tool');
  assert.equal(imageUrl('mcr.microsoft.com/dotnet/sdk:8.0'), 'https://mcr.microsoft.com/artifact/mar/dotnet/sdk');
  assert.equal(imageUrl('quay.io/prometheus/node-exporter'), 'https://quay.io/repository/prometheus/node-exporter');
  assert.equal(imageUrl('${BASE}'), null);
  const doc = new DockerfileDocument('file:///D', 1, 'FROM node:20 AS b\nFROM b\nFROM scratch\n');
  assert.deepEqual(documentLinks(doc).map((l) => l.target), ['https://hub.docker.com/_/node']);
});

test('inlay hints show resolved variable values in FROM', () => {
  const doc = new DockerfileDocument('file:///D', 1, 'ARG NODE_VERSION=20\nARG VARIANT\nFROM node:${NODE_VERSION}${VARIANT}\nFROM --platform=$BUILDPLATFORM alpine\n');
  const labels = inlayHints(doc, null).map((h) => h.label);
  assert.deepEqual(labels, ['= "20"', '= (no default)', '→ node:20', '= (set by the builder)']);
});

function decode(data: number[]): { line: number; char: number; len: number; type: string }[] {
  const out = [];
  let line = 0, char = 0;
  for (let i = 0; i < data.length; i += 5) {
    line += data[i];
    char = data[i] === 0 ? char + data[i + 1] : data[i + 1];
    out.push({ line, char, len: data[i + 2], type: LEGEND.tokenTypes[data[i + 3]] });
  }
  return out;
}

test('semantic tokens: legend covers every emitted type; delta after an edit equals a fresh full result', () => {
  const src = '# syntax=docker/dockerfile:1\nFROM alpine:3 AS base\nARG V=1\nRUN --mount=type=cache,target=/c echo $V \\\n    && true\nCMD ["sh", "-c"]\nEXPOSE 80\nMAINTAINER me\n';
  const doc = new DockerfileDocument('file:///D', 1, src);
  const full = semanticTokensFull(doc);
  const toks = decode(full.data);
  for (let i = 3; i < full.data.length; i += 5) assert.ok(full.data[i] < LEGEND.tokenTypes.length);
  const has = (line: number, char: number, type: string) => assert.ok(toks.some((t) => t.line === line && t.char === char && t.type === type), `${type} at ${line}:${char} in ${JSON.stringify(toks)}`);
  has(0, 2, 'macro'); has(1, 0, 'keyword'); has(1, 17, 'class'); has(2, 4, 'variable'); has(3, 4, 'parameter'); has(3, 38, 'variable'); has(5, 5, 'string'); has(6, 7, 'number');
  doc.applyEdit({ start: src.indexOf('ARG V=1'), end: src.indexOf('ARG V=1'), text: 'ENV X=2\n' }, 2);
  const delta = semanticTokensDelta(doc, full.resultId!);
  assert.ok('edits' in delta);
  const fresh = semanticTokensFull(new DockerfileDocument('file:///E', 1, doc.text)).data;
  const patched = full.data.slice();
  for (const e of (delta as { edits: { start: number; deleteCount: number; data?: number[] }[] }).edits) patched.splice(e.start, e.deleteCount, ...(e.data ?? []));
  assert.deepEqual(patched, fresh);
});

test('formatting: keyword casing, continuation indentation, trailing spaces; heredoc bodies untouched', () => {
  const src = '  from alpine  \nrun apk add \\\n        curl \\\n  git\nRUN <<EOF\n   keep   \n\tthis\nEOF\nRUN echo "a \\\n   inside quote"\n';
  const doc = new DockerfileDocument('file:///D', 1, src);
  const out = applyTextEdits(src, doc, formatDocument(doc, { tabSize: 4, insertSpaces: true }));
  assert.equal(out, 'FROM alpine\nRUN apk add \\\n    curl \\\n    git\nRUN <<EOF\n   keep   \n\tthis\nEOF\nRUN echo "a \\\n   inside quote"\n');
  const keep = applyTextEdits(src, doc, formatDocument(doc, { tabSize: 4, insertSpaces: true, ignoreMultilineInstructions: true }));
  assert.ok(keep.includes('run apk add \\\n        curl'), 'multi-line instruction left alone');
  assert.ok(keep.startsWith('FROM alpine\n'));
});
