//! docs/rules/<id>.md — the page every diagnostic's `codeDescription` and SARIF `helpUri`
//! link to (named by the stable id alone: a renamed rule keeps its links) — is generated from
//! the rule metadata and fixtures and must stay in sync (UPDATE_SNAPSHOTS=1 regenerates).
//! docs/rules/README.md is the index.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ALL_RULES } from '../../server/src/rules/engine';
import { ruleDocUrl, DOCS_BASE } from '../../server/src/features/diagnostics';
import { FIXTURES, REPO_ROOT } from './support/paths';
import { expectSnapshot } from './support/snapshot';

const DOCS = path.join(REPO_ROOT, 'docs', 'rules');
const SEV: Record<string, string> = { error: 'Error', warning: 'Warning', info: 'Information', hint: 'Hint', off: 'Off (opt-in)' };

function fixture(id: string, name: string, file: string): string | null {
  const p = path.join(FIXTURES, 'rules', `${id}-${name}`, file);
  return fs.existsSync(p) ? fs.readFileSync(p, 'utf8').trimEnd() : null;
}

function page(r: (typeof ALL_RULES)[number]): string {
  const out: string[] = [];
  out.push(`# ${r.id} ${r.name}`, '', `**${r.docs.en.title}** · ${r.docs.ko.title}`, '');
  out.push('| | |', '|---|---|');
  out.push(`| Category | ${r.category} |`);
  out.push(`| Default severity | ${SEV[r.severity]} |`);
  out.push(`| Quick fix | ${r.fixable ? 'yes' : 'no'} |`);
  if (r.aliases.buildkit?.length) out.push(`| BuildKit check | ${r.aliases.buildkit.map((a) => `\`${a}\``).join(', ')} |`);
  if (r.aliases.hadolint?.length) out.push(`| hadolint | ${r.aliases.hadolint.map((a) => `\`${a}\``).join(', ')} |`);
  out.push('', '## Why', '', r.docs.en.rationale, '', '## 왜 문제인가요', '', r.docs.ko.rationale, '');
  const bad = fixture(r.id, r.name, 'invalid.dockerfile');
  const good = fixture(r.id, r.name, 'valid.dockerfile');
  if (bad) out.push('## Reported', '', '```dockerfile', bad, '```', '');
  if (good) out.push('## Not reported', '', '```dockerfile', good, '```', '');
  out.push('## Configure', '', 'By id or name, in VS Code settings (`"dockwise.rules": { "' + r.id + '": "off" }`) or in `.dockwise.yaml`:', '', '```yaml', 'rules:', `  ${r.name}: warning   # error | warning | info | hint | off`, '```', '');
  const supp: string[] = [];
  if (r.aliases.buildkit?.length) supp.push(`\`# check=skip=${r.aliases.buildkit[0]}\` (file or next instruction)`);
  if (r.aliases.hadolint?.length) supp.push(`\`# hadolint ignore=${r.aliases.hadolint[0]}\``);
  supp.push(`\`# dockwise ignore=${r.id}\``);
  out.push(`Suppress one occurrence with ${supp.join(', ')}.`, '');
  return out.join('\n');
}

test('every rule has its generated docs page, and diagnostics link to it', () => {
  for (const r of ALL_RULES) {
    const file = path.join(DOCS, `${r.id}.md`);
    expectSnapshot(page(r), file);
    assert.equal(ruleDocUrl(r), DOCS_BASE + path.basename(file));
  }
  const extra = fs.readdirSync(DOCS).filter((f) => f !== 'README.md' && !ALL_RULES.some((r) => `${r.id}.md` === f));
  assert.deepEqual(extra, [], 'pages of rules that no longer exist');
});

test('docs/rules/README.md indexes every rule', () => {
  const rows = ALL_RULES.map((r) => `| [${r.id}](${r.id}.md) | ${r.name} | ${r.docs.en.title} | ${SEV[r.severity]} | ${r.fixable ? '✓' : ''} |`);
  const text = ['# Dockwise rules', '', `${ALL_RULES.length} rules. Severities are defaults; change them per rule in settings or \`.dockwise.yaml\`.`, '', '| id | name | what | default | fix |', '|---|---|---|---|---|', ...rows, ''].join('\n');
  expectSnapshot(text, path.join(DOCS, 'README.md'));
});
