//! The RUN shell parser: commands, operators, quoting, wrappers, substitutions, heredocs, and
//! offsets that point back into the Dockerfile through line continuations.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { parseShell } from '../../server/src/shell/parser';
import { commandScript, hasOption, positionals, shellKind, subcommand } from '../../server/src/shell/commands';
import { parse } from '../../server/src/syntax/parser';

const names = (s: string) => parseShell(s).commands.map((c) => c.name);

test('splits on &&, ||, ;, pipes, & and newlines, recording the operators', () => {
  const sc = parseShell('apt-get update && apt-get install -y curl || true; echo a | tee b & wait');
  assert.deepEqual(sc.commands.map((c) => c.name), ['apt-get', 'apt-get', 'true', 'echo', 'tee', 'wait']);
  assert.deepEqual(sc.commands.map((c) => c.opBefore), [null, '&&', '||', ';', '|', '&']);
  assert.deepEqual(sc.commands.map((c) => c.opAfter), ['&&', '||', ';', '|', '&', null]);
});

test('quotes are removed from values but kept in raw; # starts a comment only at a word start', () => {
  const sc = parseShell(`echo "a b" 'c#d' e\\ f x#y # comment here`);
  const w = sc.commands[0].words.map((x) => x.value);
  assert.deepEqual(w, ['echo', 'a b', 'c#d', 'e f', 'x#y']);
  assert.equal(sc.commands[0].words[1].raw, '"a b"');
});

test('env assignment prefixes, sudo, env and other wrappers are stripped from argv', () => {
  const [c] = parseShell('DEBIAN_FRONTEND=noninteractive sudo -E apt-get install -y vim').commands;
  assert.deepEqual(c.assigns.map((a) => a.value), ['DEBIAN_FRONTEND=noninteractive']);
  assert.equal(c.sudo?.value, 'sudo');
  assert.equal(c.name, 'apt-get');
  assert.equal(subcommand(c)?.value, 'install');
  assert.ok(hasOption(c, 'y', ['yes', 'assume-yes']));
  assert.deepEqual(names('env A=1 /usr/bin/pip install x; exec nohup node a.js; sudo -u app npm ci'), ['pip', 'node', 'npm']);
});

test('subshells and compound commands expose their inner commands', () => {
  const sc = parseShell('(cd /x && make) && if [ -f a ]; then rm a; else touch b; fi; for f in a b; do echo $f; done');
  assert.deepEqual(sc.commands.map((c) => c.name), ['cd', 'make', '[', 'rm', 'touch', 'echo']);
  assert.equal(sc.commands[0].subshell, 1);
  assert.equal(sc.commands[2].subshell, 0);
  assert.ok(sc.commands[3].compound);
});

test('command substitutions are parsed too', () => {
  const sc = parseShell('apt-get install -y $(cat pkgs.txt | grep -v x) `which foo`');
  assert.deepEqual(sc.commands.map((c) => c.name), ['apt-get', 'cat', 'grep', 'which']);
  assert.ok(sc.commands[1].substitution);
});

test('redirections do not become arguments', () => {
  const [c] = parseShell('curl -fsSL https://x 2>/dev/null >out.txt').commands;
  assert.deepEqual(c.argv.map((w) => w.value), ['curl', '-fsSL', 'https://x']);
  assert.deepEqual(c.redirects.map((r) => r.op), ['2>', '>']);
});

test('unterminated quotes are errors, not exceptions', () => {
  const sc = parseShell('echo "abc && ls');
  assert.ok(sc.errors.length > 0);
  assert.equal(sc.commands[0].name, 'echo');
});

test('RUN offsets map through continuations and comment lines to the Dockerfile text', () => {
  const text = 'FROM debian\nRUN apt-get update \\\n  # a comment\n  && apt-get install \\\n     curl\n';
  const { tree } = parse(text);
  const sc = commandScript(tree.instructions[1], text)!;
  assert.equal(sc.form, 'shell');
  assert.deepEqual(sc.commands.map((c) => c.name), ['apt-get', 'apt-get']);
  const curl = positionals(sc.commands[1])[1];
  assert.equal(text.slice(curl.start, curl.end), 'curl');
  const inst = subcommand(sc.commands[1])!;
  assert.equal(text.slice(inst.start, inst.end), 'install');
});

test('heredoc bodies are scripts for RUN <<EOF and for a shell reading them; not for python', () => {
  const text = 'FROM alpine\nRUN <<EOF\napk add curl\nrm -rf /tmp/x\nEOF\nRUN python3 <<EOF\nimport os\nEOF\nRUN bash <<EOF\nset -e\necho hi\nEOF\n';
  const { tree } = parse(text);
  const a = commandScript(tree.instructions[1], text)!;
  assert.equal(a.form, 'heredoc');
  assert.deepEqual(a.commands.map((c) => c.name), ['apk', 'rm']);
  const w = a.commands[0].argv[2];
  assert.equal(text.slice(w.start, w.end), 'curl');
  assert.deepEqual(commandScript(tree.instructions[2], text)!.commands.map((c) => c.name), ['python3']);
  assert.deepEqual(commandScript(tree.instructions[3], text)!.commands.map((c) => c.name), ['bash', 'set', 'echo']);
});

test('exec form: one command without a shell, unless it is sh -c', () => {
  const text = 'FROM x\nRUN ["apt-get", "install", "-y", "git"]\nRUN ["/bin/sh", "-c", "a && b"]\n';
  const { tree } = parse(text);
  const a = commandScript(tree.instructions[1], text)!;
  assert.equal(a.form, 'exec');
  assert.equal(a.commands[0].name, 'apt-get');
  assert.deepEqual(commandScript(tree.instructions[2], text)!.commands.map((c) => c.name), ['a', 'b']);
});

test('shell kinds', () => {
  assert.equal(shellKind(['/bin/sh', '-c']), 'posix');
  assert.equal(shellKind(['/bin/bash', '-o', 'pipefail', '-c']), 'posix');
  assert.equal(shellKind(['powershell', '-Command']), 'powershell');
  assert.equal(shellKind(['cmd', '/S', '/C']), 'cmd');
  assert.equal(shellKind(['C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe']), 'powershell');
});

test('the parser never throws on arbitrary input', () => {
  const alphabet = ['a', ' ', '"', "'", '$', '(', ')', '`', '\\', '|', '&', ';', '<', '>', '\n', '{', '}', '#', '='];
  let seed = 7;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) % alphabet.length);
  for (let n = 0; n < 2000; n++) {
    let s = '';
    for (let k = 0; k < 30; k++) s += alphabet[rnd()];
    const sc = parseShell(s);
    for (const c of sc.commands) assert.ok(c.start <= c.end && c.end <= s.length, s);
  }
});

test('`command -v X` is a lookup of X, not a run of X', () => {
  const [c] = parseShell('command -v apt-get').commands;
  assert.equal(c.name, 'command');
  assert.equal(parseShell('command apt-get update').commands[0].name, 'apt-get');
});

test('${VAR} and ${VAR:-default} parse without errors, inside and outside double quotes', () => {
  const sc = parseShell('echo "${VERSION}" ${BASE_TAG:-none} "${A:-${B}}" && go build -ldflags "-X main.version=${VERSION}"');
  assert.deepEqual(sc.errors, []);
  assert.deepEqual(sc.commands.map((c) => c.name), ['echo', 'go']);
  assert.equal(sc.commands[0].argv[2].value, '${BASE_TAG:-none}');
  assert.ok(parseShell('echo ${unterminated').errors.length > 0);
});

test('exec form strips wrappers too: ["sudo", "apt-get", …] runs apt-get', () => {
  const text = 'FROM x\nRUN ["sudo", "-E", "apt-get", "install", "-y", "git"]\n';
  const { tree } = parse(text);
  const [c] = commandScript(tree.instructions[1], text)!.commands;
  assert.equal(c.name, 'apt-get');
  assert.equal(c.sudo?.value, 'sudo');
});
