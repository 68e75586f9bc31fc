//! Rules fed by the project configuration (DF122) — they need `external.config`, so they have
//! their own suite (their fixture folders carry a `custom-test` marker).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { findingsFor, renderFindings } from './support/ruleFixture';
import { findRule } from '../../server/src/rules/engine';
import { applyHadolintConfig, emptyConfig } from '../../server/src/rules/config';
import { parse as parseYaml } from 'yaml';

const DOCKERFILE = 'FROM debian:bookworm-slim\nWORKDIR app\n';

function configFrom(text: string) {
  const cfg = emptyConfig();
  applyHadolintConfig(cfg, parseYaml(text), '/proj/.hadolint.yaml', text);
  return cfg;
}

test('DF122 reports a misspelt .hadolint.yaml key with a rename fix in the config file', () => {
  const cfg = configFrom('failure-threshold: warning\nignore:\n  - DL3000\noverrides:\n  error: [DL3002]\n');
  const out = renderFindings(DOCKERFILE, findingsFor(DOCKERFILE, findRule('DF122')!, { config: cfg }));
  assert.equal(out, [
    '1:1-1:26 warning DF122 hadolint-config-unknown-key: /proj/.hadolint.yaml: hadolint ignores the unknown key "ignore" (did you mean "ignored"?), so its settings have no effect',
    '    ko: /proj/.hadolint.yaml: hadolint는 알 수 없는 키 "ignore"를 조용히 무시하므로 설정이 적용되지 않습니다 ("ignored"을(를) 의도했나요?)',
    '  fix: Rename "ignore" to "ignored" in .hadolint.yaml | .hadolint.yaml에서 "ignore"를 "ignored"(으)로 바꾸기',
    '    edit /proj/.hadolint.yaml at 1:0-1:6: "ignored"',
    '1:1-1:26 warning DF122 hadolint-config-unknown-key: /proj/.hadolint.yaml: hadolint ignores the unknown key "overrides" (did you mean "override"?), so its settings have no effect',
    '    ko: /proj/.hadolint.yaml: hadolint는 알 수 없는 키 "overrides"를 조용히 무시하므로 설정이 적용되지 않습니다 ("override"을(를) 의도했나요?)',
    '  fix: Rename "overrides" to "override" in .hadolint.yaml | .hadolint.yaml에서 "overrides"를 "override"(으)로 바꾸기',
    '    edit /proj/.hadolint.yaml at 3:0-3:9: "override"',
    '',
  ].join('\n'));
  // hadolint ignores the misspelt keys, and so do we: they set nothing.
  assert.deepEqual(cfg.overrides, {});
});

test('DF122 stays quiet for a correct config, and the config applies', () => {
  const cfg = configFrom('ignored: [DL3000]\noverride:\n  info: [DL3059]\ntrustedRegistries: [docker.io]\n');
  assert.equal(findingsFor(DOCKERFILE, findRule('DF122')!, { config: cfg }).length, 0);
  assert.equal(cfg.overrides.DF053, 'off');
  assert.equal(cfg.overrides.DF077, 'info');
  assert.deepEqual(cfg.trustedRegistries, ['docker.io']);
});

test('DF037 uses trustedRegistries from the project configuration', () => {
  const text = 'FROM ghcr.io/acme/base:1.0\nFROM quay.io/org/tool:2\n';
  const cfg = configFrom('trustedRegistries: [ghcr.io]\n');
  const ids = findingsFor(text, findRule('DF037')!, { config: cfg }).map((f) => text.slice(f.span.start, f.span.end));
  assert.ok(ids.some((s) => s.includes('quay.io')), ids.join(' '));
  assert.ok(!ids.some((s) => s.includes('ghcr.io')), ids.join(' '));
});

test('the Docker DX overlap setting turns off exactly the rules Docker\'s extension already reports', async () => {
  const { dockerDxOverrides, DOCKER_DX_OVERLAP } = await import('../../server/src/rules/config');
  const { resolveSeverities, ALL_RULES } = await import('../../server/src/rules/engine');
  const sev = resolveSeverities(dockerDxOverrides(true), { DF051: 'error' });
  for (const r of ALL_RULES) {
    if (r.id === 'DF051') assert.equal(sev.get(r), 'error', 'an explicit setting still wins');
    else if (DOCKER_DX_OVERLAP.includes(r.id)) assert.equal(sev.get(r), 'off', r.id);
    else assert.equal(sev.get(r), r.severity, r.id);
  }
  // every overlapping rule has a BuildKit alias (that is why Docker DX reports it)
  for (const id of DOCKER_DX_OVERLAP) assert.ok(ALL_RULES.find((r) => r.id === id)?.aliases.buildkit?.length, id);
  assert.equal(dockerDxOverrides(false), undefined);
});

// ---- DF124 with a label schema from the configuration (hadolint `label-schema`, `strict-labels`)
const SCHEMA = 'label-schema:\n  maintainer: email\n  version: semver\n';
const df124 = (dockerfile: string, config: string) =>
  findingsFor(dockerfile, findRule('DF124')!, { config: configFrom(config) }).map((f) => `${dockerfile.slice(0, f.span.start).split('\n').length}:${f.message.en}`);

test('DF124 reads label-schema and strict-labels from .hadolint.yaml; an unknown kind is a config problem', () => {
  const cfg = configFrom(SCHEMA + '  docs: link\nstrict-labels: true\n');
  assert.deepEqual(cfg.labelSchema, { maintainer: 'email', version: 'semver' });
  assert.equal(cfg.strictLabels, true);
  assert.equal(cfg.problems.length, 1);
  assert.match(cfg.problems[0].message.en, /label "docs" in "label-schema" has the unknown kind "link"; kinds are text, url, semver/);
  assert.equal(findingsFor(DOCKERFILE, findRule('DF122')!, { config: cfg }).length, 1, 'DF122 shows it');
});

test('DF124 with a schema: each kind checked, the built-in keys no longer apply', () => {
  const out = df124('FROM alpine\nLABEL maintainer="ops at example.com" version=1.2 org.opencontainers.image.created=yesterday\n', SCHEMA);
  assert.deepEqual(out, ['2:label "maintainer" should be an e-mail address (RFC 5322), not "ops at example.com"']);
});

test('DF124 strict-labels: a label outside the schema is reported on its key (hadolint DL3050)', () => {
  const out = df124('FROM alpine\nLABEL maintainer=ops@example.com version=1.0.0 team=core\n', SCHEMA + 'strict-labels: true\n');
  assert.deepEqual(out, ['2:label "team" is not in the label schema, and strict labels allow no other label']);
  assert.deepEqual(df124('FROM alpine\nLABEL maintainer=ops@example.com version=1.0.0 team=core\n', SCHEMA), [], 'not strict: allowed');
});

// The stage cases of hadolint's DL3049 spec (hadolint/test/Hadolint/Rule/DL3049Spec.hs), schema {foo: text}.
test('DF124 required labels per stage follow hadolint DL3049: inherited through FROM, covered by the stage that uses one', () => {
  const cfg = 'label-schema:\n  foo: text\n';
  const count = (lines: string[]) => df124(lines.join('\n') + '\n', cfg).length;
  assert.equal(count(['FROM baseimage']), 1, 'single stage, no label');
  assert.equal(count(['FROM baseimage', 'LABEL bar="baz"']), 1, 'single stage, wrong label');
  assert.equal(count(['FROM baseimage', 'LABEL foo="bar"']), 0, 'single stage, label present');
  assert.equal(count(['FROM stage1', 'FROM stage2']), 2, 'two stages, no labels');
  assert.equal(count(['FROM baseimage', 'LABEL foo="bar"', 'FROM newimage']), 1, 'label in the first stage only');
  assert.equal(count(['FROM baseimage as base', 'FROM base']), 2, 'inheritance, no labels');
  assert.equal(count(['FROM baseimage as base', 'FROM base', 'LABEL foo="bar"']), 0, 'inheritance, label in the second stage');
  assert.equal(count(['FROM baseimage as base', 'LABEL foo="bar"', 'FROM base']), 0, 'inheritance, label in the base');
  assert.equal(count(['FROM baseimage as base', 'FROM anotherimage', 'LABEL foo="bar"', 'COPY --from=base /bar /baz']), 0, 'label in the stage that copies from base');
  assert.equal(count(['FROM baseimage as base', 'FROM anotherimage', 'LABEL foo="bar"']), 1, 'no connection');
  assert.equal(count(['FROM baseimage as base', 'FROM newimage', 'LABEL foo="bar"', 'COPY --from=base /bar /baz', '', 'FROM newimage', 'COPY --from=base /bar /baz']), 1, 'two results, label in one');
  assert.equal(count(['FROM baseimage as base', 'FROM base', 'LABEL foo="bar"', '', 'FROM base']), 1, 'two results by inheritance, label in one');
  const msg = df124('FROM node:22 AS build\nFROM nginx AS web\nLABEL foo=x\n', 'label-schema:\n  foo: text\n  bar: url\n');
  assert.deepEqual(msg, [
    `1:the label schema requires labels "foo", "bar", but this stage ('build') and the stages it builds on do not set them; add LABEL foo=…`,
    `2:the label schema requires label "bar", but this stage ('web') and the stages it builds on do not set it; add LABEL bar=…`,
  ]);
});

test('DF124 reads labelSchema and strictLabels from .dockwise.yaml', async () => {
  const { applyDockwiseConfig } = await import('../../server/src/rules/config');
  const cfg = emptyConfig();
  applyDockwiseConfig(cfg, { labelSchema: { 'org.opencontainers.image.source': 'url' }, strictLabels: true }, '/proj/.dockwise.yaml');
  const text = 'FROM alpine\nLABEL org.opencontainers.image.source=github.com/x/y extra=1\n';
  const out = findingsFor(text, findRule('DF124')!, { config: cfg }).map((f) => f.message.en);
  assert.deepEqual(out, ['label "org.opencontainers.image.source" should be an absolute URL (e.g. https://github.com/example/app), not "github.com/x/y"', 'label "extra" is not in the label schema, and strict labels allow no other label']);
});
