//! `FROM ubuntu` without a tag means `ubuntu:latest`, which drifts (hadolint DL3006). Unlike
//! hadolint, ARG defaults are expanded first (hadolint #219/#979/#1078): `ARG BASE=node:22` +
//! `FROM ${BASE}` is fine, `ARG BASE=node` + `FROM ${BASE}` is reported at the ARG. Skipped:
//! `scratch`, stage references (`FROM builder`), digests, and images whose name depends on a
//! variable that has no default or is only known at build time.
import { defineRule, type Fix } from '../defineRule';
import { describeImageRef, knownImage } from '../../docs/images';
import { fromImages, mapsDirectly, resolvedFromImage, soleGlobalArg } from '../util/images-stages';

export default defineRule({
  id: 'DF022',
  name: 'untagged-image',
  category: 'portability',
  severity: 'warning',
  aliases: { hadolint: ['DL3006'] },
  fixable: true,
  docs: {
    en: {
      title: 'Base image has no tag',
      rationale: 'Without a tag Docker pulls `:latest`, which points to a different image whenever the publisher pushes a new release, so the same Dockerfile builds differently over time. ARG defaults are expanded before checking, so `ARG BASE=node:22` with `FROM ${BASE}` is not reported; `scratch`, stage names and images whose name comes from a build argument without a default are skipped.',
    },
    ko: {
      title: '베이스 이미지에 태그가 없음',
      rationale: '태그를 쓰지 않으면 Docker는 `:latest`를 받아 옵니다. `latest`는 배포자가 새 버전을 올릴 때마다 다른 이미지를 가리키므로 같은 Dockerfile이라도 시간이 지나면 다르게 빌드됩니다. ARG 기본값을 펼친 뒤 검사하므로 `ARG BASE=node:22`와 `FROM ${BASE}` 조합은 보고하지 않습니다. `scratch`, 스테이지 이름, 기본값 없는 빌드 인자로 이름이 정해지는 이미지는 건너뜁니다.',
    },
  },
  scope: 'file',
  perStage: true,
  check({ model, report }) {
    for (const { stage, ins, word } of fromImages(model)) {
      const r = resolvedFromImage(model, stage, word, (ref) => describeImageRef(ref).valid);
      if (!r) continue;
      const info = describeImageRef(r.ref);
      if (!info.impliedLatest) continue;
      const known = knownImage(info.familiarName);
      const example = known?.tags.find((t) => /^\d/.test(t)) ?? known?.tags.find((t) => t !== 'latest');
      const hint = example ? ` (e.g. ${info.familiarName}:${example})` : '';
      const hintKo = example ? `(예: ${info.familiarName}:${example})` : '';

      // Where the tag goes: into the ARG default when FROM is just `${BASE}`, else after the word.
      let at: number | null = null;
      let where = { en: '', ko: '' };
      const def = r.fromVars ? soleGlobalArg(model, ins, word) : null;
      const related = [];
      if (def?.keyValue?.valueSpan && def.keyValue.rawValue !== null && def.keyValue.value === def.value) {
        const kv = def.keyValue;
        const raw = kv.rawValue!;
        const vs = kv.valueSpan!;
        if (raw === kv.value && vs.end - vs.start === raw.length) at = vs.end;
        else if (/^(["']).*\1$/s.test(raw) && raw.length - 2 === kv.value!.length && vs.end - vs.start === raw.length) at = vs.end - 1;
        where = { en: ` in the default of ARG ${def.name}`, ko: `ARG ${def.name}의 기본값에` };
        related.push({ span: vs, message: { en: `ARG ${def.name} defaults to '${def.value}'`, ko: `ARG ${def.name}의 기본값은 '${def.value}'입니다` } });
      } else if (mapsDirectly(word)) {
        at = word.end;
      }
      const fixes: Fix[] = [];
      if (at !== null) {
        fixes.push({ title: { en: `Insert a tag placeholder ':<tag>'${where.en}`, ko: `${where.ko ? where.ko + ' ' : ''}태그 자리 ':<tag>' 넣기` }, edits: [{ start: at, end: at, newText: ':<tag>' }], safe: false });
        if (example) fixes.push({ title: { en: `Use the tag '${example}'${where.en}`, ko: `${where.ko ? where.ko + ' ' : ''}'${example}' 태그 쓰기` }, edits: [{ start: at, end: at, newText: `:${example}` }], safe: false });
      }
      const via = r.fromVars ? ` ('${word.value}' resolves to '${r.ref}' with the ARG defaults)` : '';
      const subjKo = r.fromVars ? `'${word.value}'는 ARG 기본값으로 '${r.ref}'이(가) 되는데, 여기에 태그가 없어` : `'${r.ref}'에 태그가 없어`;
      report({
        span: { start: word.start, end: word.end },
        message: {
          en: `'${r.ref}' has no tag${via}, so Docker pulls '${info.familiarName}:latest', which changes whenever a new version is pushed; add a version tag${hint}`,
          ko: `${subjKo} Docker가 '${info.familiarName}:latest'를 받아 옵니다. 이 이미지는 새 버전이 올라올 때마다 바뀌므로 버전 태그를 붙이세요${hintKo}`,
        },
        fixes,
        related,
      });
    }
  },
});
