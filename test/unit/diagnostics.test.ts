//! LSP diagnostics carry what editors render: the DF code with a docs link, the rule name,
//! and tags (MAINTAINER struck through as deprecated, an ignored CMD faded as unnecessary).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { DiagnosticTag } from 'vscode-languageserver-types';
import { DockerfileDocument } from '../../server/src/service/document';
import { diagnosticsJsonParts, encodeRawJson, toDiagnostics } from '../../server/src/features/diagnostics';
import { generateDockerfile } from '../../bench/generate';
import { mulberry32, randomEdit } from './support/random';

test('deprecated and unnecessary findings carry LSP tags; others none', () => {
  const doc = new DockerfileDocument('file:///x/Dockerfile', 1, 'FROM debian:bookworm-slim\nMAINTAINER Jane <j@example.com>\nCMD ["a"]\nCMD ["b"]\nWORKDIR app\n');
  const ds = toDiagnostics(doc, doc.findings({}), 'en');
  const by = (code: string) => ds.find((d) => d.code === code)!;
  assert.deepEqual(by('DF052').tags, [DiagnosticTag.Deprecated]);
  assert.deepEqual(by('DF050').tags, [DiagnosticTag.Unnecessary]);
  assert.equal(by('DF053').tags, undefined);
  assert.equal(by('DF053').codeDescription!.href, 'https://github.com/dockwise/dockwise/blob/main/docs/rules/DF053.md');
  // rules.md §7.11: every diagnostic names its rule in data.name (the name settings and pragmas accept).
  assert.deepEqual(by('DF053').data, { name: 'workdir-relative' });
  assert.ok(ds.every((d) => d.source === 'dockwise' && typeof (d.data as { name?: string }).name === 'string'));
});

test('the cached JSON encoding of diagnostics is exactly JSON.stringify of the objects, across edits and locales', () => {
  // What the stdio transport sends (RAW_JSON) must be what any other transport sends.
  const starts = [
    generateDockerfile(300, 3),
    'FROM a\r\nRUN x\r\n',
    '',
    'FROM alpine\nCOPY app.tar.gz /tmp/\nRUN tar -xzf /tmp/app.tar.gz -C /opt && rm /tmp/app.tar.gz\nMAINTAINER \u00e9 \ud83d\ude00\n',
  ];
  let related = 0;
  starts.forEach((start, k) => {
    const rnd = mulberry32(77 + k);
    const doc = new DockerfileDocument(`file:///j${k}/Dockerfile`, 1, start);
    for (let i = 0; i < 60; i++) {
      const findings = doc.findings({});
      related += findings.filter((f) => f.related.length).length;
      for (const locale of ['en', 'ko'] as const) {
        const want = JSON.stringify(toDiagnostics(doc, findings, locale));
        assert.equal(`[${diagnosticsJsonParts(doc, findings, locale).map((p) => (typeof p === 'string' ? p : Buffer.from(p).toString('utf8'))).join(',')}]`, want, `document ${k}, edit ${i}, ${locale}`);
        const bytes = encodeRawJson({ head: '{"d":[', parts: diagnosticsJsonParts(doc, findings, locale), tail: ']}' });
        assert.equal(bytes.toString('utf8'), `{"d":${want}}`);
      }
      doc.applyEdit(randomEdit(rnd, doc.text), i + 2);
    }
  });
  assert.ok(related > 0, 'some findings carry related information');
});
