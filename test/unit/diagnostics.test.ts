//! LSP diagnostics carry what editors render: the DF code with a docs link, the rule name,
//! and tags (MAINTAINER struck through as deprecated, an ignored CMD faded as unnecessary).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { DiagnosticTag } from 'vscode-languageserver-types';
import { DockerfileDocument } from '../../server/src/service/document';
import { toDiagnostics } from '../../server/src/features/diagnostics';

test('deprecated and unnecessary findings carry LSP tags; others none', () => {
  const doc = new DockerfileDocument('file:///x/Dockerfile', 1, 'FROM debian:bookworm-slim\nMAINTAINER Jane <j@example.com>\nCMD ["a"]\nCMD ["b"]\nWORKDIR app\n');
  const ds = toDiagnostics(doc, doc.findings({}), 'en');
  const by = (code: string) => ds.find((d) => d.code === code)!;
  assert.deepEqual(by('DF052').tags, [DiagnosticTag.Deprecated]);
  assert.deepEqual(by('DF050').tags, [DiagnosticTag.Unnecessary]);
  assert.equal(by('DF053').tags, undefined);
  assert.match(by('DF053').codeDescription!.href, /DF053-workdir-relative/);
});
