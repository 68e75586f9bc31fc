//! Hover, data-driven with `$0` cursor markers: the learners' snippets from ../shared/seeds
//! (test/fixtures/hover/seed-*.dockerfile) and inline cases for every hover kind, in en and ko.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Hover, MarkupContent } from 'vscode-languageserver-types';
import { computeHover, effectiveCommand, healthcheckValues, renderArgv } from '../../server/src/features/hover';
import type { Locale } from '../../server/src/features/locale';
import { instructionContaining } from '../../server/src/features/cursor';
import { marked } from './support/cursor';
import { FIXTURES } from './support/paths';

const LOCALES: Locale[] = ['en', 'ko'];
const valueOf = (h: Hover | null) => (h ? (h.contents as MarkupContent).value : '');

function hoverAt(src: string, locale: Locale = 'en'): { text: string; hover: Hover | null; covered: string } {
  const m = marked(src);
  const hover = computeHover(m.doc, m.position, { locale });
  const covered = hover?.range ? m.text.slice(m.doc.offsetAt(hover.range.start), m.doc.offsetAt(hover.range.end)) : '';
  return { text: valueOf(hover), hover, covered };
}

// ---- effective command (Dockerfile reference: "Understand how CMD and ENTRYPOINT interact") ----

/** Seed fixtures: hover at `$0` must show this effective command of the stage. */
const SEED_COMMANDS: Record<string, string> = {
  'seed-python-entrypoint-cmd.dockerfile': 'python runapp.py',
  'seed-ubuntu-sleeper.dockerfile': 'sleep 5',
  'seed-cmd-shell-form.dockerfile': '/bin/sh -c "apachectl -D FOREGROUND"',
  'seed-shell-bash.dockerfile': '/bin/bash -c "echo \\"hello\\""',
  // Shell-form ENTRYPOINT ignores CMD.
  'seed-flask-entrypoint-shell.dockerfile': '/bin/sh -c "FLASK_APP=/opt/app.py flask run --host=0.0.0.0"',
  'seed-diamol-stages.dockerfile': '/bin/sh -c "cat /build.txt"',
  'seed-java-entrypoint.dockerfile': 'java -jar /app/iotd-service-0.1.0.jar',
};

for (const [file, expected] of Object.entries(SEED_COMMANDS)) {
  for (const loc of LOCALES) {
    test(`seed ${file} (${loc}): hover shows the effective command \`${expected}\``, () => {
      const src = fs.readFileSync(path.join(FIXTURES, 'hover', file), 'utf8');
      const { text, covered } = hoverAt(src, loc);
      assert.ok(text.includes(expected), `expected ${expected} in:\n${text}`);
      assert.match(covered, /^(CMD|ENTRYPOINT)$/i);
      // The explanation and the docs.docker.com table are in the display language.
      if (loc === 'ko') assert.match(text, /[\uac00-\ud7a3]/); else assert.doesNotMatch(text, /[\uac00-\ud7a3]/);
      assert.ok(text.includes('--entrypoint'), 'what docker run --entrypoint overrides');
    });
  }
}

test('effective command: ENTRYPOINT resets the CMD inherited from a parent stage; a later CMD in the stage wins', () => {
  const m = marked('FROM a AS base\nCMD ["serve"]\nFROM base AS child\nENTRYPOINT ["run"]\nFROM base AS other\nCMD ["x"]\nENTRYPOINT ["run"]$0\n');
  const model = m.doc.model;
  const at = (line: number) => instructionContaining(m.doc.tree.instructions, m.doc.offsetAt({ line, character: 0 }))!;
  const child = effectiveCommand(model, at(3))!;
  assert.deepEqual(child.argv, ['run']);
  assert.equal(child.cmdReset, true);
  // CMD set in the same stage before ENTRYPOINT is kept (BuildKit dispatchEntrypoint: cmdSet).
  assert.deepEqual(effectiveCommand(model, at(6))!.argv, ['run', 'x']);
  // Inherited through FROM <stage> when the stage sets nothing.
  const m2 = marked('FROM a AS base\nSHELL ["/bin/bash", "-c"]\nCMD npm start\nFROM base\nRUN true$0\n');
  const e2 = effectiveCommand(m2.doc.model, instructionContaining(m2.doc.tree.instructions, m2.offset)!)!;
  assert.deepEqual(e2.argv, ['/bin/bash', '-c', 'npm start']);
  assert.equal(e2.cmd!.instruction.start, m2.doc.offsetAt({ line: 2, character: 0 }));
});

test('effective command: an external base image is reported when nothing is set in the file', () => {
  const m = marked('FROM node:18\nWORKDIR /app$0\n');
  const e = effectiveCommand(m.doc.model, instructionContaining(m.doc.tree.instructions, m.offset)!)!;
  assert.equal(e.argv, null);
  assert.equal(e.externalBase, 'node:18');
  const s = marked('FROM scratch\nCOPY a /a$0\n');
  assert.equal(effectiveCommand(s.doc.model, instructionContaining(s.doc.tree.instructions, s.offset)!)!.externalBase, null);
});

test('effective command: ENTRYPOINT [] clears an inherited ENTRYPOINT', () => {
  const m = marked('FROM a AS base\nENTRYPOINT ["docker-entrypoint.sh"]\nFROM base\nENTRYPOINT []\nCMD ["node", "app.js"]$0\n');
  const e = effectiveCommand(m.doc.model, instructionContaining(m.doc.tree.instructions, m.offset)!)!;
  assert.deepEqual(e.argv, ['node', 'app.js']);
  assert.equal(e.entrypoint, null);
});

test('renderArgv quotes only what a shell would need', () => {
  assert.equal(renderArgv(['/bin/sh', '-c', 'npm start']), '/bin/sh -c "npm start"');
  assert.equal(renderArgv(['nginx', '-g', 'daemon off;']), 'nginx -g "daemon off;"');
  assert.equal(renderArgv(['python', 'runapp.py']), 'python runapp.py');
});

test('a CMD that a later CMD overrides still shows the stage\'s final command', () => {
  const { text } = hoverAt('FROM a\nC$0MD ["first"]\nCMD ["second"]\n');
  assert.ok(text.includes('second'));
});

// ---- HEALTHCHECK (Dockerfile reference, HEALTHCHECK: defaults 30s/30s/0s/5s/3) -------------------

for (const loc of LOCALES) {
  test(`HEALTHCHECK (${loc}): the seed's values, defaults for the rest, the probe command`, () => {
    const src = fs.readFileSync(path.join(FIXTURES, 'hover', 'seed-healthcheck.dockerfile'), 'utf8');
    const { text, covered } = hoverAt(src, loc);
    assert.equal(covered, 'CMD');
    for (const v of ['1m', '3s', '5', '0s', '5s']) assert.ok(text.includes(v), `${v} in ${text}`);
    assert.ok(text.includes('curl -f http://localhost || exit 1'));
  });
  test(`HEALTHCHECK (${loc}): the seed's --timout typo leaves timeout at its 30s default`, () => {
    const src = fs.readFileSync(path.join(FIXTURES, 'hover', 'seed-healthcheck-typo.dockerfile'), 'utf8');
    const { text } = hoverAt(src, loc);
    assert.ok(text.includes('30s'), text);
    const m = marked(src);
    const v = healthcheckValues(m.doc.model, instructionContaining(m.doc.tree.instructions, m.offset)!);
    assert.equal(v.timeout, '30s');
    assert.equal(v.interval, '1m');
    assert.equal(v.retries, '5');
    assert.ok(!v.given.has('timeout'));
  });
}

test('HEALTHCHECK NONE and a flag hover', () => {
  assert.ok(hoverAt('FROM a\nHEALTHCHECK N$0ONE\n').text.includes('NONE'));
  const f = hoverAt('FROM a\nHEALTHCHECK --ret$0ries=5 CMD true\n');
  assert.equal(f.covered, '--retries=5');
  assert.ok(f.text.includes('3'), 'default retries');
});

// ---- variables -----------------------------------------------------------------------------------

test('variables: ENV value at that line (seed), undefined typo, ARG without default (seed)', () => {
  const src = fs.readFileSync(path.join(FIXTURES, 'hover', 'seed-env-node-version.dockerfile'), 'utf8');
  const h = hoverAt(src);
  assert.equal(h.covered, '$NODE_VERSION');
  assert.ok(h.text.includes('v15.1.0'), h.text);
  const typo = hoverAt(src.replace('$0', '').replace('$NODE_VESION', '$NODE_VE$0SION'));
  assert.ok(typo.hover, 'undefined variables still hover');
  assert.ok(!typo.text.includes('v15.1.0'));
  const arg = hoverAt(fs.readFileSync(path.join(FIXTURES, 'hover', 'seed-arg-db-name.dockerfile'), 'utf8'));
  assert.equal(arg.covered, '${db_name}');
  assert.ok(arg.text.includes('--build-arg db_name='), arg.text);
  assert.ok(hoverAt(fs.readFileSync(path.join(FIXTURES, 'hover', 'seed-arg-db-name.dockerfile'), 'utf8'), 'ko').text.includes('기본값이 없습니다'));
});

test('variables: global ARG in FROM, stage re-declaration inherits the default, ENV through FROM <stage>', () => {
  assert.ok(hoverAt('ARG V=3.20\nFROM alpine:${V$0}\n').text.includes('3.20'));
  assert.ok(hoverAt('ARG V=3.20\nFROM alpine\nARG V\nRUN echo $V$0\n').text.includes('3.20'));
  assert.ok(hoverAt('FROM a AS base\nENV P=/opt\nFROM base\nRUN ls $P$0\n').text.includes('/opt'));
  assert.ok(hoverAt('FROM a\nENV P$0ATH=/x\n').hover, 'hover on an ENV key');
  assert.ok(hoverAt('FROM a\nRUN echo $TARGETARCH$0 $HTTP_PROXY\n').hover, 'predefined ARG');
});

// ---- stages, images, flags, mounts, directives ------------------------------------------------------

test('stage names: COPY --from with several flags (the peer breaks here), AS, FROM <stage>, mount from=', () => {
  const src = fs.readFileSync(path.join(FIXTURES, 'hover', 'seed-multistage-node.dockerfile'), 'utf8');
  const h = hoverAt(src);
  assert.equal(h.covered, 'builder');
  assert.ok(h.text.includes('node:18') && h.text.includes('2'), h.text);
  const multi = hoverAt('FROM golang AS build\nFROM alpine\nCOPY --chown=1:1 --chmod=755 --link --from=bu$0ild /a /b\n');
  assert.equal(multi.covered, 'build');
  assert.ok(multi.text.includes('golang'));
  assert.ok(hoverAt('FROM golang AS bu$0ild\n').text.includes('golang'));
  assert.ok(hoverAt('FROM golang AS build\nFROM bu$0ild\n').text.includes('golang'));
  assert.ok(hoverAt('FROM golang AS build\nFROM a\nRUN --mount=type=bind,from=bu$0ild,target=/x ls\n').text.includes('golang'));
  assert.ok(hoverAt('FROM golang AS build\nFROM a\nCOPY --from=0$0 /a /b\n').text.includes('golang'));
});

test('images, mount keys, flags, directives, keywords all hover', () => {
  assert.equal(hoverAt('FROM no$0de:18-alpine\n').covered, 'node:18-alpine');
  const mk = hoverAt('FROM a\nRUN --mount=type=cache,target=/root/.cache,shar$0ing=locked pip install x\n');
  assert.equal(mk.covered, 'sharing=locked');
  assert.ok(mk.text.includes('sharing'));
  assert.equal(hoverAt('FROM a\nRUN --netw$0ork=none true\n').covered, '--network=none');
  assert.equal(hoverAt('FROM a\nONBUILD RUN --mount=type=ca$0che x\n').covered, 'type=cache');
});

test('no hover in comments, heredoc bodies and blank lines', () => {
  assert.equal(hoverAt('FROM a\n# CM$0D\n').hover, null);
  assert.equal(hoverAt('FROM a\nRUN <<EOF\nCM$0D x\nEOF\n').hover, null);
  assert.equal(hoverAt('FROM a\n$0\nRUN x\n').hover, null);
});

// ---- images (docs/images.ts, offline) and build checks -----------------------------------------

test('image hover: no tag → latest (seeds/000 "태그를 별도로 넣지 않으면 latest"), variants, resolved ARG', () => {
  for (const loc of LOCALES) {
    const h = hoverAt('FROM ubu$0ntu\n', loc);
    assert.ok(h.text.includes('`latest`'), h.text);
    assert.ok(h.text.includes('library/ubuntu'));
  }
  // seeds/000 writes `python:3.9-slime-buster` (typo): only `buster` is a known variant word.
  const typo = hoverAt('FROM python:3.9-slime-bus$0ter\n');
  assert.ok(typo.text.includes('`buster`') && !typo.text.includes('`slim`:'), typo.text);
  assert.ok(hoverAt('FROM node:18-alp$0ine\n').text.includes('`alpine`'));
  assert.ok(hoverAt('FROM mongo:4.4.4-bio$0nic\n', 'ko').text.includes('Ubuntu 18.04'));
  assert.ok(hoverAt('ARG V=3.20\nFROM alp$0ine:${V}\n').text.includes('alpine:3.20'));
});

test('check names in # check=skip= hover with the build-checks link', () => {
  const h = hoverAt('# check=skip=JSONArgsRecommended,StageName$0Casing\nFROM a\n', 'ko');
  assert.equal(h.covered, 'StageNameCasing');
  assert.ok(h.text.includes('docs.docker.com/reference/build-checks/stage-name-casing'));
  assert.match(h.text, /[\uac00-\ud7a3]/);
});
