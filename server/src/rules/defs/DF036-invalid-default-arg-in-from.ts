//! `ARG TAG` + `FROM busybox:${TAG}` (BuildKit InvalidDefaultArgInFrom): with only the ARG
//! defaults — no --build-arg — the FROM image is empty or not a valid reference, so a plain
//! `docker build .` fails. As in BuildKit's `validateBaseImagesWithDefaultArgs`, the platform
//! ARGs have their build-time values. Undeclared variables are DF035's finding, not this one's.
import { defineRule, type Fix } from '../defineRule';
import { describeImageRef, knownImage } from '../../docs/images';
import type { VarDef } from '../../semantics/model';
import { expandFrom, fromImages, globalArgMap, splitImageRef, varsIn } from '../util/images-stages';

export default defineRule({
  id: 'DF036',
  name: 'invalid-default-arg-in-from',
  category: 'correctness',
  severity: 'warning',
  aliases: { buildkit: ['InvalidDefaultArgInFrom'] },
  fixable: true,
  docs: {
    en: {
      title: 'ARG defaults give an empty or invalid FROM image',
      rationale: 'A Dockerfile should build without `--build-arg`. When a global ARG used in FROM has no default (or a bad one), `docker build .` fails with "invalid reference format" or "base name should not be blank". Give the ARG a default, or use `${TAG:-3.20}` in the FROM line.',
    },
    ko: {
      title: 'ARG 기본값으로 FROM 이미지가 비거나 잘못됨',
      rationale: 'Dockerfile은 `--build-arg` 없이도 빌드되어야 합니다. FROM에 쓰인 전역 ARG에 기본값이 없거나 잘못되어 있으면 `docker build .`가 "invalid reference format"이나 "base name should not be blank" 오류로 실패합니다. ARG에 기본값을 주거나 FROM에서 `${TAG:-3.20}`처럼 쓰세요.',
    },
  },
  scope: 'file',
  perStage: true,
  check({ model, report }) {
    const globals = globalArgMap(model);
    for (const { ins, word } of fromImages(model)) {
      if (!word.value.includes('$')) continue;
      const e = expandFrom(model, word.value, true);
      if (e.undeclared.length || e.value.includes('$')) continue;
      const info = e.value === '' ? null : describeImageRef(e.value);
      if (info && info.valid) continue;
      const parts = splitImageRef(e.value);
      const reason = !info
        ? { en: 'empty base image name', ko: '베이스 이미지 이름이 비어 있습니다' }
        : parts.tag === '' ? { en: "nothing after ':'", ko: "':' 뒤의 태그가 비어 있습니다" }
          : parts.digest === '' ? { en: "nothing after '@'", ko: "'@' 뒤의 다이제스트가 비어 있습니다" }
            : info.error!;
      const unset = e.unset.map((n) => globals.get(n)).filter((d): d is VarDef => !!d);
      const unsetEn = unset.length ? `; ${unset.map((d) => `ARG ${d.name}`).join(', ')} ${unset.length > 1 ? 'have' : 'has'} no default` : '';
      const unsetKo = unset.length ? ` ${unset.map((d) => `ARG ${d.name}`).join(', ')}에 기본값이 없습니다.` : '';

      // Fixes: a default for each ARG without one, or `${X:-default}` in the FROM line.
      const fixes: Fix[] = [];
      const lit = splitImageRef(word.value);
      const example = knownImage(lit.name)?.tags.find((t) => /^\d/.test(t));
      for (const d of unset) {
        const refs = varsIn(ins, word).filter((v) => v.name === d.name);
        const inTag = refs.length > 0 && lit.tagStart >= 0 && refs.every((v) => v.start - word.start >= lit.tagStart);
        const value = inTag && example ? example : '<default>';
        if (d.keyValue && d.keyValue.value === null) {
          fixes.push({ title: { en: `Give ARG ${d.name} a default ('${value}')`, ko: `ARG ${d.name}에 기본값('${value}') 주기` }, edits: [{ start: d.keyValue.keySpan.end, end: d.keyValue.keySpan.end, newText: `=${value}` }], safe: false });
        }
        const plain = refs.filter((v) => v.modifier === null);
        if (plain.length && word.raw === word.value) {
          fixes.push({
            title: { en: `Use \${${d.name}:-${value}} in FROM`, ko: `FROM에서 \${${d.name}:-${value}} 쓰기` },
            edits: plain.map((v) => ({ start: v.start, end: v.end, newText: `\${${d.name}:-${value}}` })),
            safe: false,
          });
        }
      }
      report({
        span: { start: word.start, end: word.end },
        message: {
          en: `Default value for ARG ${word.value} results in empty or invalid base image name: without --build-arg it is '${e.value}' (${reason.en})${unsetEn}`,
          ko: `ARG 기본값으로는 ${word.value}이(가) 비어 있거나 잘못된 베이스 이미지 이름이 됩니다. --build-arg 없이 빌드하면 '${e.value}'이(가) 되어 실패합니다(${reason.ko}).${unsetKo}`,
        },
        fixes,
      });
    }
  },
});
