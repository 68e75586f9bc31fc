//! `FROM node:latest`: the `latest` tag moves whenever the publisher pushes, so two builds of the
//! same Dockerfile can use different base images (hadolint DL3007). ARG defaults are expanded,
//! so `ARG BASE=node:latest` + `FROM ${BASE}` is found too. A digest (`node:latest@sha256:…`)
//! pins the image and is not reported.
import { defineRule } from '../defineRule';
import { describeImageRef, knownImage } from '../../docs/images';
import { fromImages, mapsDirectly, resolvedFromImage, soleGlobalArg, splitImageRef } from '../util/images-stages';

export default defineRule({
  id: 'DF023',
  name: 'latest-tag',
  category: 'portability',
  severity: 'warning',
  aliases: { hadolint: ['DL3007'] },
  fixable: false,
  docs: {
    en: {
      title: 'Base image uses the latest tag',
      rationale: '`latest` is just the tag the publisher pushed last; it moves over time, so rebuilding the same Dockerfile later can silently pick up a new major version of the base image. Pin a release tag (`node:22`, `alpine:3.20`) or a digest. ARG defaults used in FROM are expanded before checking.',
    },
    ko: {
      title: '베이스 이미지에 latest 태그 사용',
      rationale: '`latest`는 배포자가 마지막으로 올린 이미지를 가리키는 태그일 뿐이라 시간이 지나면 바뀝니다. 같은 Dockerfile을 나중에 다시 빌드하면 모르는 사이에 베이스 이미지의 메이저 버전이 바뀔 수 있습니다. `node:22`, `alpine:3.20` 같은 릴리스 태그나 다이제스트로 고정하세요. FROM에 쓰인 ARG 기본값은 펼친 뒤에 검사합니다.',
    },
  },
  scope: 'file',
  perStage: true,
  check({ model, report }) {
    for (const { stage, ins, word } of fromImages(model)) {
      const r = resolvedFromImage(model, stage, word, (ref) => describeImageRef(ref).valid);
      if (!r) continue;
      const info = describeImageRef(r.ref);
      if (info.tag !== 'latest' || info.digest !== null) continue;
      const example = knownImage(info.familiarName)?.tags.find((t) => t !== 'latest' && /^\d/.test(t));
      const hint = example ? ` such as ${info.familiarName}:${example}` : '';
      const hintKo = example ? `(예: ${info.familiarName}:${example})` : '';
      let span = { start: word.start, end: word.end };
      const related = [];
      const { tag, tagStart } = splitImageRef(word.value);
      if (mapsDirectly(word) && tag === 'latest') {
        span = { start: word.start + tagStart, end: word.start + tagStart + tag.length };
      }
      if (r.fromVars) {
        const def = soleGlobalArg(model, ins, word);
        if (def?.keyValue?.valueSpan) related.push({ span: def.keyValue.valueSpan, message: { en: `ARG ${def.name} defaults to '${def.value}'`, ko: `ARG ${def.name}의 기본값은 '${def.value}'입니다` } });
      }
      const via = r.fromVars ? ` ('${word.value}' resolves to '${r.ref}' with the ARG defaults)` : '';
      const viaKo = r.fromVars ? ` ('${word.value}'는 ARG 기본값으로 '${r.ref}'이(가) 됩니다)` : '';
      report({
        span,
        message: {
          en: `'${info.familiarName}:latest' uses the moving 'latest' tag${via}: a rebuild can silently get a different base image; pin a release tag${hint} or a digest`,
          ko: `'${info.familiarName}:latest'는 계속 바뀌는 'latest' 태그를 씁니다${viaKo}. 다시 빌드하면 모르는 사이에 다른 베이스 이미지가 들어올 수 있으니 릴리스 태그${hintKo}나 다이제스트로 고정하세요`,
        },
        related,
      });
    }
  },
});
