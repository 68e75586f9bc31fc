// TextMate grammar tests: syntaxes/dockerfile.tmLanguage.json and syntaxes/dockerignore.tmLanguage.json
// tokenized with vscode-textmate + vscode-oniguruma (the engine VS Code itself uses).
// Embedded grammars (source.shell, source.python, source.js) are small stubs from test/grammar/stubs,
// so the tests check *that* and *where* our grammar embeds them, independent of their versions.
// Snapshots: test/grammar/*.snap (UPDATE_SNAPSHOTS=1 rewrites).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import * as vsctm from 'vscode-textmate';
import * as oniguruma from 'vscode-oniguruma';
import { REPO_ROOT } from './support/paths';
import { expectSnapshot } from './support/snapshot';

const GRAMMAR_DIR = path.join(REPO_ROOT, 'test', 'grammar');
const files: Record<string, string> = {
  'source.dockerfile': path.join(REPO_ROOT, 'syntaxes', 'dockerfile.tmLanguage.json'),
  'source.dockerignore': path.join(REPO_ROOT, 'syntaxes', 'dockerignore.tmLanguage.json'),
  'source.shell': path.join(GRAMMAR_DIR, 'stubs', 'shell.tmLanguage.json'),
  'source.python': path.join(GRAMMAR_DIR, 'stubs', 'python.tmLanguage.json'),
  'source.js': path.join(GRAMMAR_DIR, 'stubs', 'js.tmLanguage.json'),
};

let registryP: Promise<vsctm.Registry> | undefined;
function registry(): Promise<vsctm.Registry> {
  registryP ??= (async () => {
    const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    return new vsctm.Registry({
      onigLib: Promise.resolve({
        createOnigScanner: (sources: string[]) => new oniguruma.OnigScanner(sources),
        createOnigString: (s: string) => new oniguruma.OnigString(s),
      }),
      loadGrammar: async scopeName => {
        const f = files[scopeName];
        return f ? vsctm.parseRawGrammar(fs.readFileSync(f, 'utf8'), f) : null;
      },
    });
  })();
  return registryP;
}

interface Tok { line: number; text: string; scopes: string[] }

async function tokenize(scope: string, text: string): Promise<Tok[]> {
  const grammar = await (await registry()).loadGrammar(scope);
  assert.ok(grammar, `grammar ${scope} loads`);
  const out: Tok[] = [];
  let state = vsctm.INITIAL;
  text.split(/\r?\n/).forEach((lineText, line) => {
    const r = grammar.tokenizeLine(lineText, state);
    for (const t of r.tokens) {
      const tokText = lineText.slice(t.startIndex, t.endIndex);
      if (tokText.trim()) out.push({ line, text: tokText, scopes: t.scopes.slice(1) });
    }
    state = r.ruleStack;
  });
  return out;
}

function dump(text: string, toks: Tok[]): string {
  const lines = text.split(/\r?\n/);
  const out: string[] = [];
  lines.forEach((l, i) => {
    out.push(`> ${l}`);
    for (const t of toks.filter(t => t.line === i)) out.push(`  ${JSON.stringify(t.text)}: ${t.scopes.join(' ')}`);
  });
  return out.join('\n') + '\n';
}

/** The scopes of the token on `line` (0-based) whose text is `needle`, else the first containing it. */
function scopesOf(toks: Tok[], line: number, needle: string): string[] {
  const onLine = toks.filter(t => t.line === line);
  const t = onLine.find(t => t.text.trim() === needle) ?? onLine.find(t => t.text.includes(needle));
  assert.ok(t, `no token containing ${JSON.stringify(needle)} on line ${line + 1}: ${JSON.stringify(toks.filter(t => t.line === line).map(t => t.text))}`);
  return t.scopes;
}
const has = (scopes: string[], s: string) => assert.ok(scopes.some(x => x === s || x.startsWith(s + '.')), `expected ${s} in [${scopes.join(', ')}]`);
const lacks = (scopes: string[], s: string) => assert.ok(!scopes.some(x => x === s || x.startsWith(s + '.')), `did not expect ${s} in [${scopes.join(', ')}]`);

async function fixture(name: string, scope = 'source.dockerfile') {
  const text = fs.readFileSync(path.join(GRAMMAR_DIR, name), 'utf8').replace(/\n$/, '');
  const toks = await tokenize(scope, text);
  expectSnapshot(dump(text, toks), path.join(GRAMMAR_DIR, name + '.snap'));
  return toks;
}

test('grammar JSON files are up to date with syntaxes/src/generate.mjs', () => {
  const r = spawnSync(process.execPath, [path.join(REPO_ROOT, 'syntaxes', 'src', 'generate.mjs'), '--check'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
});

test('basics: directives only at the top, instructions, flags, variables, forms', async () => {
  const t = await fixture('basics.dockerfile');
  // parser directives (https://docs.docker.com/reference/dockerfile/#parser-directives)
  has(scopesOf(t, 0, 'syntax'), 'keyword.control.directive.dockerfile');
  has(scopesOf(t, 0, 'docker/dockerfile:1.7'), 'string.unquoted.directive-value.dockerfile');
  has(scopesOf(t, 1, 'escape'), 'keyword.control.directive.dockerfile');
  has(scopesOf(t, 2, 'A regular comment'), 'comment.line.number-sign.dockerfile');
  // after an instruction, "# syntax=" is a comment, not a directive
  const late = scopesOf(t, 5, 'syntax');
  has(late, 'comment.line.number-sign.dockerfile');
  lacks(late, 'keyword.control.directive');
  has(scopesOf(t, 4, 'FROM'), 'keyword.other.special-method.dockerfile');
  has(scopesOf(t, 4, 'platform'), 'variable.parameter.flag.dockerfile');
  has(scopesOf(t, 4, 'BUILDPLATFORM'), 'variable.other.dockerfile');
  has(scopesOf(t, 4, 'build'), 'entity.name.label.stage.dockerfile');
  has(scopesOf(t, 7, 'NODE_ENV'), 'variable.other.key.dockerfile');
  has(scopesOf(t, 7, 'CACHE_DIR'), 'variable.other.dockerfile');
  has(scopesOf(t, 7, '/app/bin:'), 'string.quoted.double.dockerfile');
  has(scopesOf(t, 9, 'from'), 'variable.parameter.flag.dockerfile');
  // RUN: flags, then the shell command embedded as source.shell, across continuation lines
  has(scopesOf(t, 10, 'mount'), 'variable.parameter.flag.dockerfile');
  lacks(scopesOf(t, 10, 'mount'), 'meta.embedded.block.shell');
  const npm = scopesOf(t, 10, 'npm');
  has(npm, 'meta.embedded.block.shell');
  has(npm, 'support.function.stub.shell');
  has(scopesOf(t, 12, 'echo'), 'support.function.stub.shell');
  has(scopesOf(t, 13, '8080'), 'constant.numeric.port.dockerfile');
  has(scopesOf(t, 13, 'udp'), 'constant.language.protocol.dockerfile');
  // exec form = JSON strings, not shell; shell form CMD = shell
  const health = scopesOf(t, 14, 'health.js');
  has(health, 'string.quoted.double.json.dockerfile');
  lacks(health, 'meta.embedded.block.shell');
  has(scopesOf(t, 16, 'node'), 'meta.embedded.block.shell');
  has(scopesOf(t, 17, '/usr/bin/tini'), 'meta.exec-form.dockerfile');
  has(scopesOf(t, 18, 'pipefail'), 'string.quoted.double.json.dockerfile');
  // ONBUILD RUN ...: both keywords, shell body
  has(scopesOf(t, 20, 'ONBUILD'), 'keyword.other.special-method.dockerfile');
  has(scopesOf(t, 20, 'RUN'), 'keyword.other.special-method.dockerfile');
  has(scopesOf(t, 20, 'echo'), 'support.function.stub.shell');
  // keywords are case-insensitive (https://docs.docker.com/reference/dockerfile/#format)
  has(scopesOf(t, 21, 'from'), 'keyword.other.special-method.dockerfile');
  has(scopesOf(t, 22, 'run'), 'keyword.other.special-method.dockerfile');
  has(scopesOf(t, 22, 'echo'), 'support.function.stub.shell');
});

test('heredocs: body language by shebang, shell by default for RUN, text for COPY', async () => {
  const t = await fixture('heredocs.dockerfile');
  has(scopesOf(t, 1, 'EOF'), 'keyword.control.heredoc-token.dockerfile');
  has(scopesOf(t, 2, 'apt-get'), 'meta.embedded.block.shell');
  has(scopesOf(t, 2, 'apt-get'), 'support.function.stub.shell');
  has(scopesOf(t, 3, 'make'), 'support.function.stub.shell'); // a lone word that is not the delimiter
  has(scopesOf(t, 4, 'EOF'), 'keyword.control.heredoc-token.dockerfile');
  lacks(scopesOf(t, 4, 'EOF'), 'meta.embedded.block.shell');
  // #!/usr/bin/env python3 → python
  has(scopesOf(t, 7, 'from'), 'meta.embedded.block.python');
  has(scopesOf(t, 7, 'from'), 'keyword.stub.python');
  lacks(scopesOf(t, 7, 'from'), 'meta.embedded.block.shell');
  has(scopesOf(t, 8, 'print'), 'keyword.stub.python');
  has(scopesOf(t, 9, 'PY'), 'keyword.control.heredoc-token.dockerfile');
  // COPY heredoc: plain text body, destination path after the marker
  has(scopesOf(t, 14, 'listen 8080'), 'string.unquoted.heredoc.dockerfile');
  has(scopesOf(t, 15, 'EOF'), 'keyword.control.heredoc-token.dockerfile');
  // <<- strips leading tabs; a #!/bin/sh body is shell
  has(scopesOf(t, 18, 'echo'), 'support.function.stub.shell');
  has(scopesOf(t, 19, 'EOF'), 'keyword.control.heredoc-token.dockerfile');
  // #!/usr/bin/env node → JavaScript
  has(scopesOf(t, 22, 'const'), 'meta.embedded.block.javascript');
  has(scopesOf(t, 22, 'const'), 'keyword.stub.js');
  has(scopesOf(t, 24, 'CMD'), 'keyword.other.special-method.dockerfile');
  lacks(scopesOf(t, 24, 'CMD'), 'meta.heredoc');
});

test('an unclosed shell quote never swallows the next instruction', async () => {
  const t = await fixture('leaks.dockerfile');
  has(scopesOf(t, 1, 'this quote'), 'string.quoted.double.stub.shell');
  const from = scopesOf(t, 2, 'FROM');
  has(from, 'keyword.other.special-method.dockerfile');
  lacks(from, 'meta.embedded.block.shell');
  has(scopesOf(t, 2, 'next'), 'entity.name.label.stage.dockerfile');
  has(scopesOf(t, 5, 'still inside'), 'string.quoted.double.stub.shell');
  has(scopesOf(t, 6, 'rm'), 'support.function.stub.shell');
  const expose = scopesOf(t, 8, 'EXPOSE');
  has(expose, 'keyword.other.special-method.dockerfile');
  lacks(expose, 'string.quoted.double.stub.shell');
});

test('.dockerignore: comments, exceptions, globs, classes, escapes', async () => {
  const t = await fixture('sample.dockerignore', 'source.dockerignore');
  has(scopesOf(t, 0, 'comment'), 'comment.line.number-sign.dockerignore');
  has(scopesOf(t, 1, 'node_modules'), 'string.unquoted.path.dockerignore');
  has(scopesOf(t, 2, '**'), 'keyword.operator.glob.globstar.dockerignore');
  has(scopesOf(t, 3, '!'), 'keyword.operator.negation.dockerignore');
  has(scopesOf(t, 3, 'important.log'), 'meta.pattern.exception.dockerignore');
  has(scopesOf(t, 4, 'a-z'), 'constant.other.character-class.dockerignore');
  has(scopesOf(t, 4, '?'), 'keyword.operator.glob.wildcard.dockerignore');
  has(scopesOf(t, 5, '\\*'), 'constant.character.escape.dockerignore');
});
