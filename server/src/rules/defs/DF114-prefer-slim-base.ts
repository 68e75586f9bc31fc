//! Opt-in: the final image is built FROM the full variant of an official image that also ships a
//! smaller `-slim` (Debian with a minimal package set) or `-alpine` variant: `python:3.12`,
//! `node:20`, `ruby:3.3`, `debian:bookworm`, `golang:1.22` (no slim → alpine), `php:8.3`…
//! Only the last stage and the stages it is built FROM are checked: builder stages are not
//! shipped and usually need the full toolchain. Tag spellings follow the images' Docker Hub
//! pages (python/ruby/perl/rust `3.12-slim-bookworm`, node `20-bookworm-slim`, debian
//! `bookworm-slim`, golang/php `1.22-alpine`, `8.3-fpm-alpine`). Both fixes are unsafe: slim lacks
//! tools the build may use, and alpine uses musl libc.
import { defineRule, type Fix } from '../defineRule';
import type { Stage } from '../../semantics/model';
import { describeImageRef } from '../../docs/images';

const CODENAMES = 'trixie|bookworm|bullseye|buster';
const VERSION = /^\d+(\.\d+){0,2}$/;

interface Variants {
  slim: string | null;
  alpine: string | null;
}

/** Smaller tags of the same image, or null when the tag is not a full variant we know. */
function smallerTags(image: string, tag: string): Variants | null {
  const codename = new RegExp(`^(\\d+(?:\\.\\d+){0,2})-(${CODENAMES})$`).exec(tag);
  switch (image) {
    case 'python':
    case 'ruby':
    case 'rust':
      if (VERSION.test(tag)) return { slim: `${tag}-slim`, alpine: `${tag}-alpine` };
      if (codename) return { slim: `${codename[1]}-slim-${codename[2]}`, alpine: null };
      return null;
    case 'perl':
      if (VERSION.test(tag)) return { slim: `${tag}-slim`, alpine: null };
      if (codename) return { slim: `${codename[1]}-slim-${codename[2]}`, alpine: null };
      return null;
    case 'node':
      if (VERSION.test(tag) || tag === 'lts' || tag === 'current') return { slim: `${tag}-slim`, alpine: `${tag}-alpine` };
      if (codename) return { slim: `${tag}-slim`, alpine: null };
      return null;
    case 'debian':
      if (VERSION.test(tag) || new RegExp(`^(${CODENAMES}|stable|testing|oldstable)$`).test(tag)) return { slim: `${tag}-slim`, alpine: null };
      return null;
    case 'golang':
      if (VERSION.test(tag)) return { slim: null, alpine: `${tag}-alpine` };
      return null;
    case 'php':
      if (VERSION.test(tag) || /^\d+(\.\d+){0,2}-(cli|fpm|zts)$/.test(tag)) return { slim: null, alpine: `${tag}-alpine` };
      return null;
    default:
      return null;
  }
}

export default defineRule({
  id: 'DF114',
  name: 'prefer-slim-base',
  category: 'image size',
  severity: 'off',
  aliases: {},
  fixable: true,
  docs: {
    en: {
      title: 'Prefer a slim or alpine variant of the base image',
      rationale: 'The default tags of official images such as `python:3.12` or `node:20` are the full variants, with compilers, headers and many libraries; the `-slim` variants (Debian with a minimal package set) and `-alpine` variants are several times smaller, pull faster and have fewer packages to patch. Off by default: slim images lack tools a build may need, and Alpine uses musl libc, which some binaries and wheels do not support.',
    },
    ko: {
      title: '베이스 이미지의 slim 또는 alpine 변형을 쓰세요',
      rationale: '`python:3.12`, `node:20` 같은 공식 이미지의 기본 태그는 컴파일러, 헤더, 여러 라이브러리가 포함된 전체 변형입니다. `-slim`(최소 패키지만 있는 Debian)과 `-alpine` 변형은 몇 배 작아서 내려받기가 빠르고 보안 패치할 패키지도 적습니다. slim에는 빌드에 필요한 도구가 없을 수 있고 Alpine은 musl libc를 써서 일부 바이너리나 휠이 동작하지 않으므로 기본으로는 꺼져 있습니다.',
    },
  },
  scope: 'file',
  touches: 'final',
  check({ model, report }) {
    if (!model.stages.length) return;
    // The shipped image: the last stage and the stages it is built FROM.
    const shipped: Stage[] = [];
    for (let s: Stage | null = model.stages[model.stages.length - 1]; s && !shipped.includes(s); s = s.parent) shipped.push(s);
    for (const st of shipped) {
      const word = st.from.from?.image;
      if (!word || st.parent || word.value.includes('$')) continue;
      let info;
      try { info = describeImageRef(word.value); } catch { continue; }
      if (!info.valid || info.digest || !info.tag || info.registry !== 'docker.io' || info.familiarName.includes('/')) continue;
      const v = smallerTags(info.familiarName, info.tag);
      if (!v) continue;
      const exact = word.raw === word.value;
      const colon = word.value.lastIndexOf(':');
      const span = exact ? { start: word.start + colon + 1, end: word.end } : { start: word.start, end: word.end };
      const fixes: Fix[] = [];
      const prefix = word.value.slice(0, colon + 1);
      if (exact && v.slim) {
        fixes.push({
          title: { en: `Use ${prefix}${v.slim}`, ko: `${prefix}${v.slim}(으)로 바꾸기` },
          edits: [{ start: span.start, end: span.end, newText: v.slim }],
          safe: false,
        });
      }
      if (exact && v.alpine) {
        fixes.push({
          title: { en: `Use ${prefix}${v.alpine} (Alpine, musl libc)`, ko: `${prefix}${v.alpine}(으)로 바꾸기 (Alpine, musl libc)` },
          edits: [{ start: span.start, end: span.end, newText: v.alpine }],
          safe: false,
        });
      }
      const names = [v.slim, v.alpine].filter((x): x is string => !!x).map((t) => `\`${prefix}${t}\``);
      report({
        span,
        message: {
          en: `\`${word.value}\` is the full variant of ${info.familiarName}; ${names.join(' or ')} is much smaller`,
          ko: `\`${word.value}\`는 ${info.familiarName}의 전체 변형입니다. ${names.join(' 또는 ')}이(가) 훨씬 작습니다`,
        },
        fixes,
      });
    }
  },
});
