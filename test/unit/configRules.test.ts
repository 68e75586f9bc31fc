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
