//! `FROM node:22` without `@sha256:…` (docker-language-server Scout `not_pinned_digest`, off by
//! default there and here): a tag can be re-pointed to a different image at any time, a digest
//! cannot. Opt-in supply-chain rule. ARG defaults are expanded; `scratch`, stage references and
//! images named by variables without defaults are skipped.
import { defineRule } from '../defineRule';
import { describeImageRef } from '../../docs/images';
import { fromImages, resolvedFromImage } from '../util/images-stages';

export default defineRule({
  id: 'DF024',
  name: 'image-not-digest-pinned',
  category: 'security',
  severity: 'off',
  aliases: {},
  fixable: false,
  docs: {
    en: {
      title: 'Base image is not pinned by digest',
      rationale: 'Tags are mutable: whoever controls the repository can point `node:22` at a different image tomorrow. Pinning `node:22@sha256:…` makes builds reproducible and protects against a compromised tag, at the cost of updating digests yourself (Renovate or Dependabot can do it). Off by default.',
    },
    ko: {
      title: '베이스 이미지가 다이제스트로 고정되지 않음',
      rationale: '태그는 바뀔 수 있습니다. 저장소를 관리하는 사람이 내일 `node:22`를 다른 이미지로 바꿔 놓을 수 있습니다. `node:22@sha256:…`처럼 다이제스트로 고정하면 빌드를 재현할 수 있고 태그가 오염되어도 안전하지만, 다이제스트는 직접(또는 Renovate, Dependabot으로) 갱신해야 합니다. 기본값은 꺼짐입니다.',
    },
  },
  scope: 'file',
  perStage: true,
  check({ model, report }) {
    for (const { stage, word } of fromImages(model)) {
      const r = resolvedFromImage(model, stage, word, (ref) => describeImageRef(ref).valid);
      if (!r) continue;
      const info = describeImageRef(r.ref);
      if (info.digest !== null) continue;
      const shown = info.tag !== null ? `${info.familiarName}:${info.tag}` : info.familiarName;
      report({
        span: { start: word.start, end: word.end },
        message: {
          en: `'${shown}' is not pinned by digest: the tag can be moved to a different image at any time; pin it as ${shown}@sha256:<digest> (e.g. from 'docker buildx imagetools inspect ${shown}')`,
          ko: `'${shown}'은(는) 다이제스트로 고정되어 있지 않습니다. 태그는 언제든 다른 이미지를 가리키도록 바뀔 수 있으니 ${shown}@sha256:<다이제스트>처럼 고정하세요('docker buildx imagetools inspect ${shown}'로 확인할 수 있습니다)`,
        },
      });
    }
  },
});
