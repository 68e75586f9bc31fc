//! MAINTAINER is deprecated ("Deprecated In Release: v1.13.0", docker/cli docs/deprecated.md;
//! BuildKit MaintainerDeprecated, hadolint DL4000). The replacement is the OCI label
//! `LABEL org.opencontainers.image.authors="…"`.
//! MAINTAINER takes the rest of the line verbatim (BuildKit parseString: no quote removal, no
//! variable expansion), so the fix quotes it for LABEL, escaping `"`, `$` and the escape char.
import { defineRule } from '../defineRule';
import type { EscapeChar } from '../../syntax/nodes';

export const AUTHORS_LABEL = 'org.opencontainers.image.authors';

/** A double-quoted LABEL value whose processed value is exactly `v`. */
export function quoteLabelValue(v: string, escape: EscapeChar): string {
  let out = '"';
  for (const c of v) {
    if (c === '"' || c === '$' || c === escape) out += escape + c;
    else if (c === '\n') out += ' ';
    else out += c;
  }
  return out + '"';
}

export default defineRule({
  id: 'DF052',
  name: 'maintainer-deprecated',
  category: 'style',
  severity: 'warning',
  aliases: { buildkit: ['MaintainerDeprecated'], hadolint: ['DL4000'] },
  fixable: true,
  tags: ['deprecated'],
  docs: {
    en: {
      title: 'MAINTAINER is deprecated; use a LABEL',
      rationale: 'MAINTAINER has been deprecated since Docker 1.13.0. It only fills the legacy `Author` field of the image config; the standard place for this information is the OCI label `org.opencontainers.image.authors`, which registries and scanners read.',
    },
    ko: {
      title: 'MAINTAINER는 더 이상 쓰지 않습니다. LABEL을 쓰세요',
      rationale: 'MAINTAINER는 Docker 1.13.0부터 사용 중단(deprecated)되었습니다. 이미지 설정의 옛 `Author` 필드만 채울 뿐이며, 작성자 정보의 표준 위치는 레지스트리와 스캐너가 읽는 OCI 레이블 `org.opencontainers.image.authors`입니다.',
    },
  },
  scope: 'instruction',
  on: ['MAINTAINER'],
  checkInstruction(ins, ctx) {
    if (ins.name !== 'MAINTAINER') return; // not allowed as an ONBUILD trigger (DF012)
    const word = ins.args[0];
    let value = word ? word.raw.trim() : '';
    // `MAINTAINER "Jane Doe"`: the quotes would be kept verbatim, but they are clearly not meant as part of the name.
    if (/^"[^"]*"$/.test(value) || /^'[^']*'$/.test(value)) value = value.slice(1, -1);
    const kw = ins.keyword === ins.keyword.toLowerCase() ? 'label' : 'LABEL';
    const label = `${kw} ${AUTHORS_LABEL}=${quoteLabelValue(value, ctx.escape)}`;
    const shown = value ? (label.length > 100 ? `${kw} ${AUTHORS_LABEL}="…"` : label) : `${kw} ${AUTHORS_LABEL}="…"`;
    ctx.report({
      span: ins.keywordSpan,
      message: {
        en: `${ins.keyword} is deprecated since Docker 1.13; write ${shown} instead`,
        ko: `${ins.keyword}는 Docker 1.13부터 사용 중단되었습니다. 대신 다음을 쓰세요: ${shown}`,
      },
      fixes: value
        ? [{
            title: { en: `Replace with LABEL ${AUTHORS_LABEL}`, ko: `LABEL ${AUTHORS_LABEL}로 바꾸기` },
            edits: [{ start: ins.start, end: ins.end, newText: label }],
            safe: true,
          }]
        : [],
    });
  },
});
