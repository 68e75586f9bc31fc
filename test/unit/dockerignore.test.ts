// .dockerignore reader/compiler edge cases beyond the shared vectors (docs/dockerignore.md §2–§5).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { evaluatePath, parseDockerignore, compilePatternType, matchWithParent } from '../../server/src/context/dockerignore';
import { goClean, goMatch, goTrimSpace, BadPatternError } from '../../server/src/context/goPath';
import { compileGoRegexp, GoRegexpError } from '../../server/src/context/goRegexp';

const excluded = (patterns: string, p: string) => evaluatePath(parseDockerignore(patterns), p).excluded;

test('ReadAll: comments only in column 1, line numbers kept, BOM on line 1 only, CRLF', () => {
  const f = parseDockerignore('\ufeff# c\r\n  #foo\r\n\r\n! /inverted/abs/path\n/test2\n');
  assert.deepEqual(f.patterns.map((p) => [p.line, p.text]), [[1, '#foo'], [3, '!inverted/abs/path'], [4, 'test2']]);
  assert.equal(f.patterns[1].exclusion, true);
});

test('errors carry the line and a reason; parse errors are fatal', () => {
  const f = parseDockerignore('ok\n[\n!\nfoo\\ \n[z-a]\n');
  assert.deepEqual(f.problems.map((p) => [p.line, p.kind, p.fatal, p.message]), [
    [1, 'parse', true, 'syntax error in pattern'],
    [2, 'parse', true, 'illegal exclusion pattern: "!"'],
    [3, 'parse', true, 'syntax error in pattern'],
    [4, 'match', false, 'syntax error in pattern'],
  ]);
  assert.match(f.problems[0].reason, /not closed/);
  assert.match(f.problems[2].reason, /escape/);
  assert.match(f.problems[3].reason, /regexp/);
  assert.equal(f.fatal, true);
});

test('a 64 KiB line fails the read (bufio.Scanner: token too long)', () => {
  const f = parseDockerignore('a\n' + 'x'.repeat(65536) + '\nb\n');
  assert.equal(f.problems[0].kind, 'read');
  assert.equal(f.problems[0].line, 1);
  assert.equal(f.fatal, true);
});

test('match types as patternmatcher assigns them', () => {
  assert.equal(compilePatternType('foo/bar').matchType, 'exact');
  assert.equal(compilePatternType('dir/**').matchType, 'prefix');
  assert.equal(compilePatternType('**/foo').matchType, 'suffix');
  assert.equal(compilePatternType('**/*.go').matchType, 'regexp');
  assert.equal(compilePatternType('a+b').matchType, 'exact');
  assert.equal(compilePatternType('*.js|*.ts').goRegexp, '^[^/]*\\.js|[^/]*\\.ts$');
});

test('Go regexp quirks reach the matcher', () => {
  assert.equal(excluded('[*]', '['), false); // `[[^/]*]`: a class {[,^,/} repeated, then a literal ]
  assert.equal(excluded('[*]', '[]'), true);
  assert.equal(excluded('a\\Qb*', 'ab[^/]*$'), true); // \Q quotes the rest of the regexp, `$` included: literal text, no end anchor
  assert.equal(excluded('a\\Qb*', 'abc'), false);
  assert.equal(excluded('x*\\Qa.b', 'xa\\.b$'), true); // inside \Q, patternmatcher's `\.` escape and the final `$` are literal text
  assert.equal(excluded('x*\\Qa.b', 'xa.b'), false);
  assert.equal(excluded('a[^x]b', 'a/b/c'), true); // negated class matches `/`, parent matching excludes below
  assert.equal(excluded('f*\\x41', 'fA'), true);
  assert.equal(excluded('f*[[:^digit:]]', 'f5'), false);
  assert.equal(excluded('*\\pL', 'xé'), true);
  assert.equal(excluded('*\\s', 'a\u00a0'), false); // Go \s is ASCII-only
  assert.equal(excluded('*^{2}x', 'x'), true); // quantified assertion is legal in Go
  assert.throws(() => compileGoRegexp('^a**$'), GoRegexpError);
  assert.throws(() => compileGoRegexp('^a|{2}$'), GoRegexpError);
  assert.throws(() => compileGoRegexp('^[[:foo:]]$'), GoRegexpError);
});

test('Go path helpers', () => {
  assert.equal(goClean('/../foo'), '/foo');
  assert.equal(goClean('../../a/./b/'), '../../a/b');
  assert.equal(goClean('foo/..'), '.');
  assert.equal(goTrimSpace('\u0085 x\ufeff '), 'x\ufeff');
  assert.equal(goMatch('*.go', 'a.go'), true);
  assert.equal(goMatch('*.go', 'd/a.go'), false);
  assert.equal(goMatch('[!a]x', '!x'), true);
  assert.throws(() => goMatch('a[', 'b'), BadPatternError);
  assert.throws(() => goMatch('x*b\\', 'zzz'), BadPatternError); // current Go validates after a failed star
});

test('decidedBy names the last deciding line, also for re-inclusion', () => {
  const f = parseDockerignore('*.md\n!README*.md\nREADME-secret.md\n');
  assert.equal(evaluatePath(f, 'README-secret.md').decidedBy, 2);
  assert.equal(evaluatePath(f, 'README.md').decidedBy, 1);
  assert.equal(evaluatePath(f, 'x.txt').decidedBy, -1);
});

test('MatchesUsingParentResults: lazy error only when evaluated', () => {
  const f = parseDockerignore('*\n[z-a]\n');
  assert.equal(matchWithParent(f, 'x', null, null).errorPattern, -1);
  const g = parseDockerignore('[z-a]\n');
  assert.equal(matchWithParent(g, 'x', null, null).errorPattern, 0);
});
