//! Completion, data-driven with `$0` cursor markers: every context, in en and ko.
//! Flag lists follow BuildKit's frontend/dockerfile/instructions/parse.go and the Dockerfile
//! reference (RUN --mount types and keys, HEALTHCHECK options, directives).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CompletionItemKind, type CompletionItem, type TextEdit } from 'vscode-languageserver-types';
import { computeCompletion, keywordCasing, renderCompletions } from '../../server/src/features/completion';
import type { Locale } from '../../server/src/features/locale';
import { computeHover } from '../../server/src/features/hover';
import { computeSignatureHelp } from '../../server/src/features/signatureHelp';
import { marked } from './support/cursor';
import { FIXTURES } from './support/paths';
import { expectSnapshot } from './support/snapshot';

const LOCALES: Locale[] = ['en', 'ko'];

function complete(src: string, locale: Locale = 'en'): { items: CompletionItem[]; labels: string[]; apply: (label: string) => string } {
  const m = marked(src);
  const items = computeCompletion(m.doc, m.position, { locale });
  return {
    items,
    labels: items.map((i) => i.label),
    apply(label: string) {
      const it = items.find((i) => i.label === label);
      assert.ok(it, `no item ${label} among ${items.map((i) => i.label).join(', ')}`);
      const e = it.textEdit as TextEdit;
      return m.text.slice(0, m.doc.offsetAt(e.range.start)) + e.newText + m.text.slice(m.doc.offsetAt(e.range.end));
    },
  };
}
const has = (labels: string[], ...want: string[]) => { for (const w of want) assert.ok(labels.includes(w), `missing ${w} in [${labels.join(', ')}]`); };
const hasNot = (labels: string[], ...bad: string[]) => { for (const b of bad) assert.ok(!labels.includes(b), `unexpected ${b} in [${labels.join(', ')}]`); };

/** Each row: fixture, items that must be offered, items that must not be. */
const CASES: { name: string; src: string; want: string[]; not?: string[]; exact?: boolean }[] = [
  // Instructions.
  { name: 'empty file: only FROM and ARG', src: '$0', want: ['FROM', 'ARG', 'FROM image:tag AS name'], not: ['RUN', 'RUN --mount=type=cache,target=/root/.cache command'] },
  { name: 'empty file: exactly FROM and ARG keywords', src: '$0', want: ['FROM', 'ARG'], exact: true },
  { name: 'before the first FROM: only FROM and ARG', src: 'ARG V=1\n$0\nFROM a\n', want: ['FROM', 'ARG'], exact: true },
  { name: 'inside a stage: every instruction', src: 'FROM a\n$0', want: ['ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK', 'LABEL', 'MAINTAINER', 'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR'] },
  { name: 'partial keyword', src: 'FROM a\nRU$0', want: ['RUN', 'COPY'] },
  { name: 'lower-case file: lower-case keywords', src: 'from a\nrun x\n$0', want: ['run', 'copy'], not: ['RUN'] },
  { name: 'after ONBUILD: no ONBUILD/FROM/MAINTAINER', src: 'FROM a\nONBUILD $0', want: ['RUN', 'COPY', 'ADD'], not: ['ONBUILD', 'FROM', 'MAINTAINER'] },
  { name: 'ONBUILD partial trigger', src: 'FROM a\nONBUILD CO$0', want: ['COPY'], not: ['ONBUILD', 'FROM'] },
  // Directives.
  { name: 'directives on the first line', src: '# $0\nFROM a\n', want: ['syntax', 'escape', 'check'] },
  { name: 'directive already present is not offered again', src: '# syntax=docker/dockerfile:1\n# $0\nFROM a\n', want: ['escape', 'check'], not: ['syntax'] },
  { name: 'escape values', src: '# escape=$0\nFROM a\n', want: ['\\', '`'] },
  { name: 'syntax values', src: '# syntax=$0\nFROM a\n', want: ['docker/dockerfile:1'] },
  { name: 'check keys', src: '# check=$0\nFROM a\n', want: ['skip', 'error', 'experimental'] },
  { name: 'check names after skip=', src: '# check=skip=$0\nFROM a\n', want: ['JSONArgsRecommended', 'StageNameCasing', 'all'] },
  { name: 'check names after a comma, used ones excluded', src: '# check=skip=JSONArgsRecommended,$0\nFROM a\n', want: ['FromAsCasing'], not: ['JSONArgsRecommended'] },
  { name: 'no directives after an instruction', src: 'FROM a\n# $0\n', want: [], exact: true },
  // Flags.
  { name: 'RUN flags', src: 'FROM a\nRUN --$0', want: ['--mount', '--network', '--security'] },
  { name: 'COPY flags', src: 'FROM a\nCOPY --$0', want: ['--from', '--chown', '--chmod', '--link', '--parents', '--exclude'] },
  { name: 'ADD flags incl. --unpack (the peer flags it unknown)', src: 'FROM a\nADD --$0', want: ['--chown', '--chmod', '--link', '--checksum', '--keep-git-dir', '--exclude', '--unpack'], not: ['--from'] },
  { name: 'FROM --platform', src: 'FROM --$0', want: ['--platform'] },
  { name: 'HEALTHCHECK flags then CMD/NONE', src: 'FROM a\nHEALTHCHECK $0', want: ['--interval', '--timeout', '--start-period', '--start-interval', '--retries', 'CMD', 'NONE'] },
  { name: 'HEALTHCHECK after a flag', src: 'FROM a\nHEALTHCHECK --interval=5s $0', want: ['CMD', 'NONE', '--timeout'], not: ['--interval'] },
  { name: 'HEALTHCHECK nothing after CMD', src: 'FROM a\nHEALTHCHECK CMD $0', want: [], exact: true },
  { name: 'present flags not offered again, several flags on one line', src: 'FROM b AS x\nFROM a\nCOPY --from=x --chown=1:1 --link --$0 a b', want: ['--chmod', '--parents', '--exclude'], not: ['--from', '--chown', '--link'] },
  { name: 'multiple-allowed flags offered again', src: 'FROM a\nCOPY --exclude=*.md --$0', want: ['--exclude'] },
  { name: '--mount again', src: 'FROM a\nRUN --mount=type=cache,target=/x --$0', want: ['--mount', '--network'] },
  { name: 'partial flag name mid-line', src: 'FROM a\nCOPY --chown=1 --ch$0 a b', want: ['--chmod'], not: ['--chown'] },
  // Flag values.
  { name: '--network values', src: 'FROM a\nRUN --network=$0', want: ['default', 'none', 'host'], exact: true },
  { name: '--security values', src: 'FROM a\nRUN --security=$0', want: ['insecure', 'sandbox'], exact: true },
  { name: '--link values', src: 'FROM a\nCOPY --link=$0', want: ['true', 'false'] },
  { name: '--platform values', src: 'FROM --platform=$0', want: ['linux/amd64', 'linux/arm64', '$BUILDPLATFORM'] },
  { name: 'HEALTHCHECK durations', src: 'FROM a\nHEALTHCHECK --interval=$0', want: ['30s'] },
  { name: 'HEALTHCHECK retries default', src: 'FROM a\nHEALTHCHECK --retries=$0', want: ['3'] },
  // Mounts.
  { name: 'mount: type first', src: 'FROM a\nRUN --mount=$0', want: ['type', 'target', 'source', 'from'] },
  { name: 'mount types', src: 'FROM a\nRUN --mount=type=$0', want: ['bind', 'cache', 'tmpfs', 'secret', 'ssh'], exact: true },
  { name: 'cache keys', src: 'FROM a\nRUN --mount=type=cache,$0', want: ['target', 'id', 'sharing', 'mode', 'uid', 'gid', 'from', 'source'], not: ['type', 'required', 'env', 'size'] },
  { name: 'cache sharing values', src: 'FROM a\nRUN --mount=type=cache,target=/x,sharing=$0', want: ['shared', 'private', 'locked'], exact: true },
  { name: 'secret keys', src: 'FROM a\nRUN --mount=type=secret,$0', want: ['id', 'target', 'required', 'env', 'mode', 'uid', 'gid'], not: ['sharing', 'from'] },
  { name: 'secret required values', src: 'FROM a\nRUN --mount=type=secret,id=t,required=$0', want: ['true', 'false'] },
  { name: 'ssh keys', src: 'FROM a\nRUN --mount=type=ssh,$0', want: ['id', 'required'], not: ['env'] },
  { name: 'tmpfs keys', src: 'FROM a\nRUN --mount=type=tmpfs,$0', want: ['target', 'size'], not: ['id'] },
  { name: 'mount keys already given are not offered', src: 'FROM a\nRUN --mount=type=cache,target=/x,$0', want: ['id'], not: ['target', 'type'] },
  { name: 'mount from= stages (earlier only)', src: 'FROM g AS build\nFROM a AS run\nRUN --mount=type=bind,from=$0 ls\nFROM b AS later\n', want: ['build', '0'], not: ['later', 'run', '1', '2'] },
  // Stages.
  { name: '--from= stages and indices, earlier only', src: 'FROM g AS build\nFROM h AS test\nFROM a\nCOPY --from=$0\nFROM z AS after\n', want: ['build', 'test', '0', '1'], not: ['after', '2', '3'] },
  { name: '--from= after other flags (the peer breaks here)', src: 'FROM g AS build\nFROM a\nCOPY --chown=1:1 --chmod=755 --from=$0 /a /b', want: ['build', '0'] },
  { name: 'FROM offers earlier stage names', src: 'FROM g AS build\nFROM $0', want: ['build', '--platform'] },
  { name: 'FROM AS keyword', src: 'FROM golang:1.22 $0', want: ['AS'], exact: true },
  // Variables.
  { name: '$ in RUN: ARG/ENV in scope, predefined', src: 'FROM a\nARG V=1\nENV E=2\nRUN echo $$0', want: ['V', 'E', 'HTTP_PROXY'] },
  { name: '${ in RUN', src: 'FROM a\nARG V=1\nRUN echo ${$0', want: ['V'] },
  { name: 'variables declared later are not in scope', src: 'FROM a\nRUN echo $$0\nENV LATER=1\n', want: [], not: ['LATER'] },
  { name: 'global ARG visible in FROM, not in the stage', src: 'ARG IMG=alpine\nFROM $$0\nRUN echo $IMG\n', want: ['IMG', 'TARGETPLATFORM'] },
  { name: 'global ARG not visible in a stage without ARG', src: 'ARG IMG=alpine\nFROM a\nRUN echo $$0\n', want: [], not: ['IMG', 'TARGETPLATFORM'] },
  { name: 'ENV inherited through FROM <stage>', src: 'FROM a AS base\nENV HOME_DIR=/h\nFROM base\nRUN ls $$0', want: ['HOME_DIR'] },
  { name: 'variables in flag values', src: 'FROM a\nARG U=1000\nCOPY --chown=$$0 a b', want: ['U'] },
  // Arguments.
  { name: 'STOPSIGNAL signals', src: 'FROM a\nSTOPSIGNAL $0', want: ['SIGTERM', 'SIGKILL', 'SIGINT', 'SIGQUIT'] },
  { name: 'EXPOSE protocols after /', src: 'FROM a\nEXPOSE 80/$0', want: ['tcp', 'udp'] },
  { name: 'EXPOSE nothing before /', src: 'FROM a\nEXPOSE 8$0', want: [], exact: true },
  { name: 'ARG predefined platform names', src: 'FROM a\nARG $0', want: ['TARGETPLATFORM', 'BUILDPLATFORM', 'TARGETARCH'] },
  // Nothing.
  { name: 'nothing in comments', src: 'FROM a\n# RUN --$0', want: [], exact: true },
  { name: 'nothing in heredoc bodies', src: 'FROM a\nRUN <<EOF\n--$0\nEOF\n', want: [], exact: true },
  { name: 'nothing after a RUN command', src: 'FROM a\nRUN echo hi --$0', want: [], exact: true },
];

for (const c of CASES) {
  for (const loc of LOCALES) {
    test(`completion (${loc}): ${c.name}`, () => {
      const { items, labels } = complete(c.src, loc);
      has(labels, ...c.want);
      // Snippet items are extra forms of the keywords above; exact lists compare the rest.
      const plain = items.filter((i) => i.kind !== CompletionItemKind.Snippet).map((i) => i.label);
      if (c.not) hasNot(labels, ...c.not);
      if (c.exact) assert.deepEqual([...plain].sort(), [...c.want].sort());
    });
  }
}

test('edits: flag insertion, mount value, stage, variable close brace, tag after colon', () => {
  assert.equal(complete('FROM a\nCOPY --ch$0 a b').apply('--chmod'), 'FROM a\nCOPY --chmod= a b');
  assert.equal(complete('FROM a\nCOPY --link --ex$0').apply('--exclude'), 'FROM a\nCOPY --link --exclude=');
  assert.equal(complete('FROM a\nCOPY --li$0').apply('--link'), 'FROM a\nCOPY --link');
  assert.equal(complete('FROM a\nRUN --mount=type=cache,shar$0,target=/x').apply('sharing'), 'FROM a\nRUN --mount=type=cache,sharing=,target=/x');
  assert.equal(complete('FROM a\nRUN --mount=type=cache,sharing=pr$0,target=/x').apply('private'), 'FROM a\nRUN --mount=type=cache,sharing=private,target=/x');
  assert.equal(complete('FROM g AS build\nFROM a\nCOPY --from=bu$0 /a /b').apply('build'), 'FROM g AS build\nFROM a\nCOPY --from=build /a /b');
  assert.equal(complete('FROM a\nENV NAME=x\nRUN echo ${NA$0').apply('NAME'), 'FROM a\nENV NAME=x\nRUN echo ${NAME}');
  assert.equal(complete('FROM a\nENV NAME=x\nRUN echo ${NA$0}').apply('NAME'), 'FROM a\nENV NAME=x\nRUN echo ${NAME}');
  assert.equal(complete('FROM a\nENV NAME=x\nRUN echo $NA$0 b').apply('NAME'), 'FROM a\nENV NAME=x\nRUN echo $NAME b');
  assert.equal(complete('# check=skip=JSONArgsRecommended,Fr$0\nFROM a').apply('FromAsCasing'), '# check=skip=JSONArgsRecommended,FromAsCasing\nFROM a');
  assert.equal(complete('FROM a\nONBUILD C$0').apply('COPY').startsWith('FROM a\nONBUILD COPY'), true);
  assert.equal(complete('FROM a\nHEALTHCHECK --interval=5s N$0').apply('NONE'), 'FROM a\nHEALTHCHECK --interval=5s NONE');
});

test('variable details carry the resolved value; ARG without default is marked', () => {
  const { items } = complete('ARG BASE=3.20\nFROM alpine\nARG BASE\nARG NODEF\nENV PATHX=/opt/$BASE\nRUN echo $$0');
  const d = (n: string) => items.find((i) => i.label === n)?.detail ?? '';
  assert.ok(d('BASE').includes('3.20'), d('BASE'));
  assert.ok(d('PATHX').includes('/opt/3.20'), d('PATHX'));
  assert.ok(!d('NODEF').includes('='), d('NODEF'));
});

test('keyword casing follows the majority of the file', () => {
  const m = marked('from a\nrun x\nCOPY a b\nworkdir /x\n$0');
  assert.equal(keywordCasing(m.doc.tree), 'lower');
  assert.equal(keywordCasing(marked('FROM a\nrun x\n$0').doc.tree), 'upper');
});

test('snapshot: RUN --mount=type=cache keys and the ONBUILD trigger list', () => {
  const out = [
    '# RUN --mount=type=cache,|', renderCompletions(complete('FROM a\nRUN --mount=type=cache,$0').items),
    '# ONBUILD |', renderCompletions(complete('FROM a\nONBUILD $0').items),
    '# HEALTHCHECK |', renderCompletions(complete('FROM a\nHEALTHCHECK $0').items),
  ].join('\n');
  expectSnapshot(out, path.join(FIXTURES, 'completion', 'contexts.snap'));
});

test('seed fixture: completion inside the learners\' multi-stage Dockerfile', () => {
  const src = fs.readFileSync(path.join(FIXTURES, 'completion', 'seed-multistage.dockerfile'), 'utf8');
  const { labels } = complete(src);
  has(labels, 'builder', '0');
  hasNot(labels, '1');
});

test('robust: completion at every offset of a tricky file never throws (completion, hover, signature help; LF, CRLF + backtick escape, BOM)', () => {
  const src = '# syntax=docker/dockerfile:1\n# check=skip=JSONArgsRecommended\nARG V=1\nFROM --platform=$BUILDPLATFORM golang:${V} AS b\nRUN --mount=type=cache,target=/x,sharing=locked --network=none <<EOF\necho $V\nEOF\nCOPY --from=b --chown=1:1 --chmod=755 /a /b\nONBUILD RUN --mount=type=secret,id=x cat\nHEALTHCHECK --interval=5s CMD true\nEXPOSE 80/tcp\nSTOPSIGNAL SIGTERM\n';
  const crlf = '# escape=`\r\nFROM alpine AS a\r\nRUN --mount=type=cache,target=/c `\r\n  echo $HOME `\r\n  && ls\r\nCOPY --from=a <<EOF /x\r\nbody ${X}\r\nEOF\r\nCMD ["a", "b"]\r\n';
  for (const text of [src, crlf, '\uFEFF' + src]) {
    for (let i = 0; i <= text.length; i++) {
      const m = marked(text.slice(0, i) + '$0' + text.slice(i));
      for (const loc of LOCALES) {
        computeCompletion(m.doc, m.position, { locale: loc });
        computeHover(m.doc, m.position, { locale: loc });
        computeSignatureHelp(m.doc, m.position, { locale: loc });
      }
    }
  }
});

test('images and tags from the offline list (no network)', () => {
  const names = complete('FROM $0').labels;
  has(names, 'alpine', 'ubuntu', 'node', 'python', 'golang', 'scratch');
  const node = complete('FROM node:$0');
  has(node.labels, '22-alpine', '22-slim', 'lts');
  assert.equal(node.apply('22-alpine'), 'FROM node:22-alpine');
  assert.equal(complete('FROM node:22$0 AS build').apply('22-slim'), 'FROM node:22-slim AS build');
  // Stage names come before images; FROM <stage> is offered only for earlier stages.
  const staged = complete('FROM golang AS build\nFROM $0\nFROM alpine AS later\n');
  has(staged.labels, 'build');
  hasNot(staged.labels, 'later');
  for (const loc of LOCALES) {
    const d = complete('FROM python:$0', loc).items.find((i) => i.label === '3.12-slim')?.detail ?? '';
    if (loc === 'ko') assert.match(d, /[\uac00-\ud7a3]/); else assert.match(d, /slim/);
  }
});
