//! Every Dockerfile snippet in the learners' study notes (../shared/seeds) gets analysed:
//! no crash, no internal error, hovers and completions answer on every instruction, and the
//! findings are snapshotted (test/fixtures/seeds/findings.snap, reviewed) so that a rule that
//! stops reporting a learner's mistake — or starts flagging a correct example — is noticed.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DockerfileDocument } from '../../server/src/service/document';
import { resolveSeverities } from '../../server/src/rules/engine';
import { computeHover } from '../../server/src/features/hover';
import { computeCompletion } from '../../server/src/features/completion';
import { FIXTURES, SHARED } from './support/paths';
import { expectSnapshot } from './support/snapshot';

const INSTRUCTION = /^\s*(FROM|RUN|CMD|LABEL|MAINTAINER|EXPOSE|ENV|ADD|COPY|ENTRYPOINT|VOLUME|USER|WORKDIR|ARG|ONBUILD|STOPSIGNAL|HEALTHCHECK|SHELL)\b/i;

export function extractSnippets(text: string): string[] {
  const out: string[] = [];
  const re = /```([^\n`]*)\n([\s\S]*?)```/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const lang = m[1].trim().toLowerCase();
    const body = m[2];
    const lines = body.split('\n').filter((l) => l.trim() && !l.trim().startsWith('#'));
    if (lang === 'dockerfile' || (lines.length > 0 && /^\s*FROM\b/i.test(lines[0]) && lines.every((l) => INSTRUCTION.test(l) || /^\s/.test(l) || /\\\s*$/.test(l)))) out.push(body);
  }
  return out;
}

const seedsDir = path.join(SHARED, 'seeds');
const seeds = fs.existsSync(seedsDir) ? fs.readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).sort() : [];

test('the study notes contain Dockerfile snippets', () => {
  assert.ok(seeds.length > 0, `no seeds found in ${seedsDir}`);
  const total = seeds.reduce((n, f) => n + extractSnippets(fs.readFileSync(path.join(seedsDir, f), 'utf8')).length, 0);
  assert.ok(total >= 10, `only ${total} snippets extracted`);
});

test('every snippet: analysis, hover and completion work; findings match the reviewed snapshot', () => {
  const out: string[] = [];
  const severities = resolveSeverities();
  for (const f of seeds) {
    const snippets = extractSnippets(fs.readFileSync(path.join(seedsDir, f), 'utf8'));
    snippets.forEach((src, k) => {
      // Fragments that illustrate one instruction are analysed as part of a stage.
      const fragment = !src.split('\n').some((l) => /^\s*FROM\b/i.test(l));
      const text = fragment ? `FROM debian:bookworm\n${src}` : src;
      const doc = new DockerfileDocument(`file:///seeds/${f}/${k}/Dockerfile`, 1, text);
      const findings = doc.findings({ severities });
      for (const x of findings) assert.ok(!/internal error/.test(x.message.en), `${f}#${k}: ${x.message.en}`);
      for (const ins of doc.tree.instructions) {
        const p = doc.positionAt(ins.keywordSpan.start + 1);
        for (const locale of ['en', 'ko'] as const) {
          const h = computeHover(doc, p, { locale });
          if (ins.known) assert.ok(h, `${f}#${k}: no hover on ${ins.keyword}`);
          computeCompletion(doc, doc.positionAt(ins.end), { locale });
        }
      }
      out.push(`== ${f} #${k}${fragment ? ' (fragment, after an implied FROM debian:bookworm)' : ''}`);
      out.push(...text.trimEnd().split('\n').map((l) => `  | ${l}`));
      for (const x of findings) {
        const a = doc.positionAt(x.span.start);
        out.push(`  ${a.line + 1}:${a.character + 1} ${x.severity} ${x.rule.id} ${x.rule.name}: ${x.message.en}`);
      }
    });
  }
  expectSnapshot(out.join('\n') + '\n', path.join(FIXTURES, 'seeds', 'findings.snap'));
});
