//! `FROM alpine:3.20@sha256:123`, `FROM :latest`, `FROM my_image:-bad`: the image reference does
//! not follow Docker's grammar (distribution/reference: repository path components, a tag of up
//! to 128 `[A-Za-z0-9_.-]` characters not starting with `.` or `-`, a digest `algo:hex`), so the
//! build stops with "invalid reference format". Upper-case repository names are DF020's finding
//! and are checked after lower-casing; references containing variables are DF036's.
import { defineRule } from '../defineRule';
import { describeImageRef } from '../../docs/images';
import { earlierStageNamed, fromImages, lowercaseRepository, mapsDirectly, splitImageRef } from '../util/images-stages';

const TAG = /^[\w][\w.-]{0,127}$/;

export default defineRule({
  id: 'DF021',
  name: 'invalid-image-reference',
  category: 'error',
  severity: 'error',
  aliases: {},
  fixable: false,
  docs: {
    en: {
      title: 'Invalid image reference',
      rationale: 'An image reference is `[registry/]path[:tag][@digest]`: path components of lowercase letters, digits and `.`, `_`, `-` separators; a tag of at most 128 letters, digits, `_`, `.`, `-` (not starting with `.` or `-`); a digest such as `sha256:` plus 64 hex digits. Anything else, or an empty name as in `FROM :3.20`, stops the build with "invalid reference format".',
    },
    ko: {
      title: '잘못된 이미지 참조',
      rationale: '이미지 참조는 `[레지스트리/]경로[:태그][@다이제스트]` 형식입니다. 경로는 소문자, 숫자와 `.`, `_`, `-` 구분자로 이루어지고, 태그는 영문자, 숫자, `_`, `.`, `-`로 최대 128자이며 `.`이나 `-`로 시작할 수 없고, 다이제스트는 `sha256:` 뒤에 16진수 64자리처럼 씁니다. 그 밖의 형태나 `FROM :3.20`처럼 이름이 빈 경우 "invalid reference format" 오류로 빌드가 멈춥니다.',
    },
  },
  scope: 'file',
  perStage: true,
  check({ model, report }) {
    for (const { stage, word } of fromImages(model)) {
      const v = word.value;
      if (v.includes('$') || earlierStageNamed(model, v, stage)) continue;
      const info = describeImageRef(lowercaseRepository(v));
      if (info.valid || !info.error) continue;
      const parts = splitImageRef(v);
      let span = { start: word.start, end: word.end };
      if (mapsDirectly(word)) {
        if (parts.digest !== null && info.error.en.includes('digest')) span = { start: word.start + parts.digestStart, end: word.start + v.length };
        else if (parts.tag !== null && !TAG.test(parts.tag)) span = { start: word.start + parts.tagStart - 1, end: word.start + parts.tagStart + parts.tag.length };
        else if (parts.name !== '') span = { start: word.start, end: word.start + parts.name.length };
      }
      report({
        span,
        message: {
          en: `'${v}' is not a valid image reference: ${info.error.en}; Docker stops with "invalid reference format"`,
          ko: `'${v}'은(는) 올바른 이미지 참조가 아닙니다: ${info.error.ko}. Docker는 "invalid reference format" 오류로 멈춥니다`,
        },
      });
    }
  },
});
