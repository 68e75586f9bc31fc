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
    if (lang === 'dockerfile' || (lines.length > 0 && INSTRUCTION.test(lines[0]) && lines.every((l) => INSTRUCTION.test(l) || /^\s/.test(l) || /\\\s*$/.test(l)))) out.push(body);
  }
  // One-line examples in bullet lists (`- LABEL version = '1.0'`), outside code blocks; prose bullets
  // that merely start with an instruction name (Korean text, `RUN : …`) are not examples.
  const outside = text.replace(/```[\s\S]*?```/g, '');
  for (const line of outside.split('\n')) {
    const b = /^\s*-\s+(.*)$/.exec(line);
    if (!b) continue;
    const ex = b[1].trim();
    if (INSTRUCTION.test(ex) && /^[A-Z]+\s+[^:\s]/.test(ex) && !/[\uac00-\ud7a3]/.test(ex)) out.push(ex + '\n');
  }
  return out;
}

const seedsDir = path.join(SHARED, 'seeds');
const VENDORED = path.join(FIXTURES, 'seeds', 'snippets.json');

/**
 * The snippets (code only) are vendored in test/fixtures/seeds/snippets.json so the suite runs
 * without ../shared; when the notes are present they are re-extracted and must match the copy
 * (UPDATE_SNAPSHOTS=1 refreshes it).
 */
function loadSnippets(): { file: string; index: number; text: string }[] {
  if (fs.existsSync(seedsDir)) {
    const fresh: { file: string; index: number; text: string }[] = [];
    for (const f of fs.readdirSync(seedsDir).filter((x) => x.endsWith('.txt')).sort()) {
      extractSnippets(fs.readFileSync(path.join(seedsDir, f), 'utf8')).forEach((text, index) => fresh.push({ file: f, index, text }));
    }
    expectSnapshot(JSON.stringify(fresh, null, 1) + '\n', VENDORED);
    return fresh;
  }
  return JSON.parse(fs.readFileSync(VENDORED, 'utf8'));
}
const snippets = loadSnippets();

test('the study notes contain Dockerfile snippets', () => {
  assert.ok(snippets.length >= 10, `only ${snippets.length} snippets extracted`);
});

function analyse(src: string, f: string, k: number) {
  const fragment = !src.split('\n').some((l) => /^\s*FROM\b/i.test(l));
  const text = fragment ? `FROM debian:bookworm\n${src}` : src;
  const doc = new DockerfileDocument(`file:///seeds/${f}/${k}/Dockerfile`, 1, text);
  return { fragment, text, doc, findings: doc.findings({ severities: resolveSeverities() }) };
}

/**
 * The learners' mistakes in the notes, each reported by the rule made for it (rules.md §6, §7.10):
 * [a line of the snippet, the rule, the text the finding points at].
 */
const MISTAKES: [RegExp, string, string, 'with-previous-snippet'?][] = [
  [/COPY --from=builder \/app\/dist \.\/dist  # /, 'DF068', '#'],
  [/\$NODE_VESION/, 'DF042', '$NODE_VESION'],
  [/--timout=/, 'DF002', 'timout'],
  [/^FROM python:3\.9\.2-alpine/, 'DF039', 'apt-get'],
  [/^FROM Ubuntu/, 'DF020', 'Ubuntu'],
  [/^LABEL \S+ = /, 'DF007', ''],
  [/^ENV APACHE2_RUN_USER www-data \\/, 'DF048', ''],
  // The notes show `ARG db_name` and the CMD that uses it in two consecutive code blocks.
  [/db_start\.sh -h 127\.0\.0\.1 -d \$\{db_name\}/, 'DF049', 'db_name', 'with-previous-snippet'],
  [/^\s+Vim \\/, 'DF107', 'Vim'],
  [/^WORKDIR [^/$]/, 'DF053', ''],
];

for (const [re, id, token, joined] of MISTAKES) {
  test(`study-note mistake ${re.source} is reported by ${id}`, () => {
    let seen = 0;
    snippets.forEach((s0, n) => {
      if (!s0.text.split('\n').some((l) => re.test(l))) return;
      const prev = snippets[n - 1];
      const s = joined && prev && prev.file === s0.file ? { ...s0, text: prev.text + s0.text } : s0;
      const lines = s.text.split('\n');
      const li = lines.findIndex((l) => re.test(l));
      if (li < 0) return;
      seen++;
      const { fragment, text, findings } = analyse(s.text, s.file, s.index);
      const line = li + (fragment ? 1 : 0);
      const hit = findings.filter((x) => x.rule.id === id).find((x) => {
        const before = text.slice(0, x.span.start).split('\n').length - 1;
        const after = text.slice(0, x.span.end).split('\n').length - 1;
        return before <= line + 8 && after >= line - 8 && text.slice(x.span.start, x.span.end).includes(token);
      });
      assert.ok(hit, `${s.file}#${s.index}: ${id} not reported near line ${line + 1}: ${findings.map((x) => x.rule.id).join(' ')}`);
    });
    assert.ok(seen > 0, `no snippet contains ${re.source}`);
  });
}

test('every snippet: analysis, hover and completion work; findings match the reviewed snapshot', () => {
  const out: string[] = [];
  for (const { file: f, index: k, text: src } of snippets) {
    {
      // Fragments that illustrate one instruction are analysed as part of a stage.
      const { fragment, text, doc, findings } = analyse(src, f, k);
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
    }
  }
  expectSnapshot(out.join('\n') + '\n', path.join(FIXTURES, 'seeds', 'findings.snap'));
});
