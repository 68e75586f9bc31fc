//! FROM pulls from a registry outside the allow-list (hadolint DL3026, off by default). Kept
//! simple: Docker Hub (`docker.io`, and names without a registry) is the only trusted registry
//! unless `.hadolint.yaml`/`.dockwise.yaml` `trustedRegistries` (via `external.config`) lists them (host names, or
//! `*.example.com` for any subdomain). ARG defaults are expanded; `scratch`, stage references
//! and images named by variables without defaults are skipped.
import { defineRule } from '../defineRule';
import { describeImageRef } from '../../docs/images';
import { fromImages, mapsDirectly, registryPrefixLength, resolvedFromImage } from '../util/images-stages';

const DEFAULT_TRUSTED = ['docker.io'];

function trusted(registry: string, allow: string[]): boolean {
  const r = registry.toLowerCase();
  return allow.some((a) => {
    const p = a.trim().toLowerCase();
    if (p === 'docker.io' && (r === 'docker.io' || r === 'index.docker.io' || r === 'registry-1.docker.io')) return true;
    if (p.startsWith('*.')) return r.endsWith(p.slice(1));
    return p === r;
  });
}

export default defineRule({
  id: 'DF037',
  name: 'untrusted-registry',
  category: 'security',
  severity: 'off',
  aliases: { hadolint: ['DL3026'] },
  fixable: false,
  docs: {
    en: {
      title: 'Base image from a registry that is not allowed',
      rationale: 'Organisations often allow base images only from registries they control or trust. Kept simple: only Docker Hub (`docker.io`, including names without a registry such as `node:22`) is trusted unless a list of trusted registries is configured (`trustedRegistries`, host names or `*.example.com`). Off by default.',
    },
    ko: {
      title: '허용되지 않은 레지스트리의 베이스 이미지',
      rationale: '조직에서는 관리하거나 신뢰하는 레지스트리의 베이스 이미지만 허용하는 경우가 많습니다. 단순하게, 신뢰할 레지스트리 목록(`trustedRegistries`, 호스트 이름 또는 `*.example.com`)을 설정하지 않으면 Docker Hub(`docker.io`, 그리고 `node:22`처럼 레지스트리를 쓰지 않은 이름)만 신뢰합니다. 기본값은 꺼짐입니다.',
    },
  },
  scope: 'file',
  check({ model, external, report }) {
    // Editor settings win over the project configuration, as for severities (rules/config.ts).
    const configured: unknown = external.trustedRegistries ?? external.config?.trustedRegistries;
    const allow = Array.isArray(configured) && configured.every((x) => typeof x === 'string') && configured.length ? configured as string[] : DEFAULT_TRUSTED;
    for (const { stage, word } of fromImages(model)) {
      const r = resolvedFromImage(model, stage, word, (ref) => describeImageRef(ref).valid);
      if (!r) continue;
      const info = describeImageRef(r.ref);
      if (trusted(info.registry, allow)) continue;
      const p = registryPrefixLength(word.value, true);
      const span = !r.fromVars && mapsDirectly(word) && p > 0 ? { start: word.start, end: word.start + p - 1 } : { start: word.start, end: word.end };
      const list = allow.join(', ');
      report({
        span,
        message: {
          en: `'${info.familiarName}' comes from the registry '${info.registry}', which is not in the trusted list (${list})`,
          ko: `'${info.familiarName}'은(는) 신뢰 목록(${list})에 없는 레지스트리 '${info.registry}'에서 받아 옵니다`,
        },
      });
    }
  },
});
