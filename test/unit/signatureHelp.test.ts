//! Signature help with `$0` cursor markers: flag-value signatures (RUN --mount keys per type,
//! enum flags, HEALTHCHECK durations) and instruction forms with the active parameter.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import type { SignatureHelp } from 'vscode-languageserver-types';
import { computeSignatureHelp, parameterRanges } from '../../server/src/features/signatureHelp';
import type { Locale } from '../../server/src/features/locale';
import { marked } from './support/cursor';

const LOCALES: Locale[] = ['en', 'ko'];

function sig(src: string, locale: Locale = 'en'): SignatureHelp | null {
  const m = marked(src);
  return computeSignatureHelp(m.doc, m.position, { locale });
}
/** The label text of the active parameter of the active signature. */
function activeParam(h: SignatureHelp | null): string | null {
  if (!h || h.activeParameter === undefined || h.activeParameter === null) return null;
  const s = h.signatures[h.activeSignature ?? 0];
  const p = s.parameters?.[h.activeParameter];
  if (!p) return null;
  return typeof p.label === 'string' ? p.label : s.label.slice(p.label[0], p.label[1]);
}

test('parameterRanges splits forms into parameters (brackets kept together, exec strings one by one)', () => {
  const split = (l: string) => parameterRanges(l).map(([a, b]) => l.slice(a, b));
  assert.deepEqual(split('COPY [--from=<image|stage|context>] [--chown=<user>:<group>] <src> ... <dest>'),
    ['[--from=<image|stage|context>]', '[--chown=<user>:<group>]', '<src>', '...', '<dest>']);
  assert.deepEqual(split('CMD ["executable", "param1", "param2"]'), ['"executable"', '"param1"', '"param2"']);
  assert.deepEqual(split('RUN [--mount=<options>] ["executable", "param1"]'), ['[--mount=<options>]', '"executable"', '"param1"']);
  assert.deepEqual(split('HEALTHCHECK NONE'), ['NONE']);
});

for (const loc of LOCALES) {
  test(`--mount signature (${loc}): keys of the given type, active key under the cursor`, () => {
    const h = sig('FROM a\nRUN --mount=type=cache,target=/root/.cache,sharing=lo$0 pip install x', loc);
    assert.ok(h);
    const label = h.signatures[0].label;
    assert.ok(label.startsWith('--mount=type=cache,'), label);
    assert.ok(label.includes('sharing=shared|private|locked'), label);
    assert.ok(!label.includes('required='), 'required is a secret/ssh key');
    assert.equal(activeParam(h), 'sharing=shared|private|locked');
  });
  test(`--mount signature (${loc}): secret type lists id/env/required`, () => {
    const h = sig('FROM a\nRUN --mount=type=secret,id=$0 cat /run/secrets/x', loc);
    const label = h!.signatures[0].label;
    for (const k of ['id=', 'env=', 'required=true|false', 'target=']) assert.ok(label.includes(k), `${k} in ${label}`);
    assert.equal(activeParam(h), 'id=<id>');
  });
}

test('enum and duration flag signatures', () => {
  const n = sig('FROM a\nRUN --network=n$0 curl x');
  assert.equal(n!.signatures[0].label, '--network=default|none|host');
  assert.equal(activeParam(n), 'default|none|host');
  const d = sig('FROM a\nHEALTHCHECK --start-interval=$0 CMD true');
  assert.equal(d!.signatures[0].label, '--start-interval=<duration>');
  assert.ok((d!.signatures[0].documentation as { value: string }).value.includes('5s'), 'documented default 5s');
});

test('no signature help in comments, heredoc bodies or on the keyword', () => {
  assert.equal(sig('FROM a\n# RUN --network=$0'), null);
  assert.equal(sig('FROM a\nRUN <<EOF\n--network=$0\nEOF\n'), null);
  assert.equal(sig('FROM a\nRU$0N x'), null);
});

/** Instruction forms (docs/instructions.ts): the active parameter follows the cursor. */
const ACTIVE: [string, string][] = [
  ['FROM $0', '<image>[:<tag>|@<digest>]'],
  ['FROM --platform=linux/amd64 golang $0', '[AS <name>]'],
  ['FROM a\nCOPY --from=build $0', '<src>...'],
  ['FROM a\nCOPY --chown=1:1 --chmod=755 src/ $0', '<dest>'],
  ['FROM a\nCOPY a b c $0', '<dest>'],
  ['FROM a\nCOPY --ch$0own=1 a b', '[--chown=<user>:<group>]'],
  ['FROM a\nCMD ["python", $0', '"param1"'],
  ['FROM a\nCMD [$0', '"executable"'],
  ['FROM a\nCMD echo $0', 'param1'],
  ['FROM a\nRUN --mount=type=cache,target=/x $0', 'command'],
  ['FROM a\nHEALTHCHECK --interval=5s $0', 'CMD'],
  ['FROM a\nONBUILD RUN [$0', '"executable"'],
];
for (const loc of LOCALES) {
  for (const [src, want] of ACTIVE) {
    test(`active parameter (${loc}): ${JSON.stringify(src)} → ${want}`, () => {
      const h = sig(src, loc);
      assert.equal(activeParam(h), want, h?.signatures[h.activeSignature ?? 0]?.label);
    });
  }
}
