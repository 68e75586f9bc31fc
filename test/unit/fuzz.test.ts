//! Bad input never throws and never hangs: random bytes, and mutations of the fixtures
//! (truncation, duplicated lines, random escape chars, unbalanced quotes/brackets/heredocs),
//! through the parser, the incremental parser, the semantic model and every rule.
//! Liveness is guarded by the test timeout, not by timing assertions.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from '../../server/src/syntax/parser';
import { reparse } from '../../server/src/syntax/incremental';
import { buildModel } from '../../server/src/semantics/model';
import { runRules } from '../../server/src/rules/engine';
import { fixAllText } from '../../server/src/service/fixAll';
import { FIXTURES } from './support/paths';
import { mulberry32 } from './support/random';

function corpus(): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const f of fs.readdirSync(d)) {
      const p = path.join(d, f);
      if (fs.statSync(p).isDirectory()) walk(p);
      else if (f.endsWith('.dockerfile')) out.push(fs.readFileSync(p, 'utf8'));
    }
  };
  walk(FIXTURES);
  return out;
}

const NASTY = ['\\', '`', '"', "'", '[', ']', '{', '}', '${', '$', '<<', '<<-', '<<EOF', 'EOF', '\n', '\r\n', '\r', '\t', '\0', '\ufeff', '#', '--', '=', ',', '\ud83d', '\ude00', 'ONBUILD ', 'HEALTHCHECK ', 'FROM '];

function mutate(rnd: () => number, text: string): string {
  const lines = text.split('\n');
  const pick = () => Math.floor(rnd() * Math.max(1, lines.length));
  switch (Math.floor(rnd() * 6)) {
    case 0: return text.slice(0, Math.floor(rnd() * text.length));
    case 1: { const i = pick(); lines.splice(i, 0, ...lines.slice(i, i + 1 + Math.floor(rnd() * 3))); return lines.join('\n'); }
    case 2: { let t = text; for (let k = 0; k < 5; k++) { const p = Math.floor(rnd() * (t.length + 1)); t = t.slice(0, p) + NASTY[Math.floor(rnd() * NASTY.length)] + t.slice(p); } return t; }
    case 3: return text.replace(/[\]"'}]/g, () => (rnd() < 0.5 ? '' : '['));
    case 4: return '# escape=`\n' + text.replace(/\\/g, () => (rnd() < 0.5 ? '`' : '\\'));
    default: return text + '\nRUN <<EOF\n' + text.slice(0, 200);
  }
}

function randomBytes(rnd: () => number, n: number): string {
  const b = Buffer.alloc(n);
  for (let i = 0; i < n; i++) b[i] = Math.floor(rnd() * 256);
  return b.toString('utf8');
}

function analyse(text: string): void {
  const { tree, errors } = parse(text);
  assert.ok(Array.isArray(errors));
  assert.equal(tree.text, text);
  const findings = runRules(tree, buildModel(tree));
  for (const f of findings) {
    assert.ok(f.span.start >= 0 && f.span.end <= text.length && f.span.start <= f.span.end, `bad span from ${f.rule.id}`);
    assert.ok(!/internal error/.test(f.message.en), `${f.rule.id} threw: ${f.message.en}`);
  }
}

test('fuzz: mutated fixtures and random bytes never throw', { timeout: 240_000 }, () => {
  const base = corpus();
  assert.ok(base.length > 20);
  const rnd = mulberry32(4242);
  for (let i = 0; i < 3000; i++) {
    const text = i % 5 === 0 ? randomBytes(rnd, Math.floor(rnd() * 10_000)) : mutate(rnd, base[i % base.length]);
    analyse(text.slice(0, 10_240));
  }
});

test('fuzz: fix-all on mutated input terminates and is idempotent', { timeout: 240_000 }, () => {
  const base = corpus();
  const rnd = mulberry32(99);
  for (let i = 0; i < 300; i++) {
    const text = mutate(rnd, base[i % base.length]);
    const once = fixAllText(text);
    const twice = fixAllText(once.text);
    assert.equal(twice.text, once.text, `fix-all not idempotent on input #${i}`);
  }
});

test('huge and binary inputs produce diagnostics, not a hang or crash', { timeout: 240_000 }, () => {
  const rnd = mulberry32(7);
  const binary = randomBytes(rnd, 2_000_000);
  analyse(binary);
  const line = 'RUN echo "hello world" && \\\n    apt-get install -y curl\n';
  const big = 'FROM alpine\n' + line.repeat(Math.ceil(10_000_000 / line.length));
  assert.ok(big.length >= 10_000_000);
  const { tree } = parse(big);
  assert.ok(tree.instructions.length > 100_000);
  const one = 'FROM alpine\nRUN ' + 'a'.repeat(10_000_000) + '\n';
  analyse(one);
  // An edit in a 10 MB file re-lexes only around it.
  const r = reparse(parse(big), { start: 20, end: 20, text: 'x' });
  assert.equal(r.full, false);
  assert.ok(r.changedCount <= 3);
});
