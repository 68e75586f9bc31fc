//! Opt-in label schema checks (hadolint DL3049–DL3056, DL3058). hadolint only runs them for a
//! user-provided `label-schema` (`{label: text|url|semver|hash|rfc3339|spdx|email}`); until a
//! user schema is read from configuration (a later addition, together with required labels
//! DL3049 and `strict-labels` DL3050), this rule uses a built-in schema that is only active when
//! the rule is turned on: the OCI image annotations (opencontainers/image-spec annotations.md)
//! and the older label-schema.org keys. Checks follow hadolint's kinds:
//!   empty value (DL3051), URL (DL3052, an absolute URI), RFC 3339 date-time (DL3053),
//!   SPDX license expression (DL3054; syntax only, ids are not checked against the SPDX list),
//!   git hash (DL3055; hadolint wants 7 or 40 hex digits, we accept 7–40 and 64),
//!   semantic version (DL3056; "semver-ish": an optional `v`, 1–3 numbers, pre-release/build),
//!   e-mail (DL3058; no built-in key uses it).
//! Values with variables are not checked (they are known at build time only).
import { defineRule } from '../defineRule';
import type { Instruction, KeyValue } from '../../syntax/nodes';

export type LabelKind = 'text' | 'url' | 'semver' | 'hash' | 'rfc3339' | 'spdx' | 'email';

/** The built-in schema. A user-provided one (from configuration) is a later addition. */
export const BUILTIN_LABEL_SCHEMA: Readonly<Record<string, LabelKind>> = {
  'org.opencontainers.image.created': 'rfc3339',
  'org.opencontainers.image.authors': 'text',
  'org.opencontainers.image.url': 'url',
  'org.opencontainers.image.documentation': 'url',
  'org.opencontainers.image.source': 'url',
  'org.opencontainers.image.version': 'semver',
  'org.opencontainers.image.revision': 'hash',
  'org.opencontainers.image.vendor': 'text',
  'org.opencontainers.image.licenses': 'spdx',
  'org.opencontainers.image.title': 'text',
  'org.opencontainers.image.description': 'text',
  'org.opencontainers.image.ref.name': 'text',
  'org.opencontainers.image.base.name': 'text',
  'org.label-schema.build-date': 'rfc3339',
  'org.label-schema.url': 'url',
  'org.label-schema.vcs-url': 'url',
  'org.label-schema.vcs-ref': 'hash',
  'org.label-schema.version': 'semver',
  'org.label-schema.usage': 'url',
};

function isRfc3339(v: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-](\d{2}):(\d{2}))$/.exec(v);
  if (!m) return false;
  const [, , mo, d, h, mi, s, , , oh, om] = m;
  const n = (x: string | undefined) => (x === undefined ? 0 : parseInt(x, 10));
  return n(mo) >= 1 && n(mo) <= 12 && n(d) >= 1 && n(d) <= 31 && n(h) <= 23 && n(mi) <= 59 && n(s) <= 60 && n(oh) <= 23 && n(om) <= 59;
}

function isUrl(v: string): boolean {
  if (/\s/.test(v) || !/^[A-Za-z][A-Za-z0-9+.-]*:/.test(v)) return false;
  try {
    const u = new URL(v);
    return !/^(https?|ftp|git|ssh|wss?)\:$/.test(u.protocol) || u.host !== '';
  } catch {
    return false;
  }
}

/** SPDX license expression syntax: ids (`MIT`, `GPL-2.0-or-later`, `Apache-2.0+`, `LicenseRef-x`) with AND/OR/WITH and parentheses. */
function isSpdx(v: string): boolean {
  const toks = v.replace(/[()]/g, ' $& ').trim().split(/\s+/);
  if (!toks.length || toks[0] === '') return false;
  let depth = 0;
  let expectId = true;
  let afterWith = false;
  for (const t of toks) {
    if (expectId) {
      if (t === '(') { if (afterWith) return false; depth++; continue; }
      const ok = afterWith ? /^[A-Za-z0-9][A-Za-z0-9.-]*$/.test(t) : /^(?:(?:DocumentRef-[A-Za-z0-9.-]+:)?LicenseRef-[A-Za-z0-9.-]+|[A-Za-z0-9][A-Za-z0-9.-]*\+?)$/.test(t);
      if (!ok || /^(AND|OR|WITH)$/i.test(t)) return false;
      expectId = false;
      afterWith = false;
    } else if (t === ')') {
      if (--depth < 0) return false;
    } else if (t === 'AND' || t === 'OR') expectId = true;
    else if (t === 'WITH') { expectId = true; afterWith = true; }
    else return false;
  }
  return !expectId && depth === 0;
}

const CHECKS: Record<Exclude<LabelKind, 'text'>, { test(v: string): boolean; en: string; ko: string }> = {
  url: { test: isUrl, en: 'an absolute URL (e.g. https://github.com/example/app)', ko: '절대 URL(예: https://github.com/example/app)' },
  rfc3339: { test: isRfc3339, en: 'an RFC 3339 date-time (e.g. 2024-05-01T12:00:00Z)', ko: 'RFC 3339 날짜·시간(예: 2024-05-01T12:00:00Z)' },
  spdx: { test: isSpdx, en: 'an SPDX license expression (e.g. MIT, Apache-2.0 OR MIT)', ko: 'SPDX 라이선스 표현식(예: MIT, Apache-2.0 OR MIT)' },
  hash: { test: (v) => /^(?:[0-9a-f]{7,40}|[0-9a-f]{64})$/.test(v), en: 'a git commit hash (7 to 40 lower-case hex digits)', ko: 'git 커밋 해시(소문자 16진수 7~40자리)' },
  semver: { test: (v) => /^v?\d+(\.\d+){0,2}(-[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?(\+[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?$/.test(v), en: 'a semantic version (e.g. 1.4.2 or 2.0.0-rc.1)', ko: '시맨틱 버전(예: 1.4.2, 2.0.0-rc.1)' },
  email: { test: (v) => /^[^\s@<>()",;]+@[^\s@<>()",;]+\.[^\s@<>()",;]+$/.test(v), en: 'an e-mail address (RFC 5322)', ko: '이메일 주소(RFC 5322)' },
};

export default defineRule({
  id: 'DF124',
  name: 'label-schema',
  category: 'style',
  severity: 'off',
  aliases: { hadolint: ['DL3049', 'DL3050', 'DL3051', 'DL3052', 'DL3053', 'DL3054', 'DL3055', 'DL3056', 'DL3058'] },
  fixable: false,
  docs: {
    en: {
      title: 'Label values should match the label schema',
      rationale: 'Tools read well-known labels such as the OCI annotations `org.opencontainers.image.created`, `.source`, `.version`, `.revision` and `.licenses`; a value in the wrong format (a date that is not RFC 3339, a URL without a scheme, a version that is not semver, an abbreviated or non-hex revision, an invalid SPDX expression, an empty value) breaks them silently. Off by default; when on, a built-in schema for the OCI and label-schema.org keys is used (a schema from configuration, with required labels, is planned).',
    },
    ko: {
      title: '레이블 값은 레이블 스키마 형식에 맞아야 합니다',
      rationale: 'OCI 어노테이션 `org.opencontainers.image.created`, `.source`, `.version`, `.revision`, `.licenses` 같은 잘 알려진 레이블은 여러 도구가 읽습니다. 값의 형식이 틀리면(RFC 3339가 아닌 날짜, 스킴 없는 URL, semver가 아닌 버전, 16진수가 아닌 리비전, 잘못된 SPDX 표현식, 빈 값) 아무 경고 없이 제대로 동작하지 않습니다. 기본으로는 꺼져 있으며, 켜면 OCI와 label-schema.org 키에 대한 내장 스키마를 씁니다(설정에서 스키마와 필수 레이블을 읽는 기능은 추후 추가 예정입니다).',
    },
  },
  scope: 'instruction',
  on: ['LABEL'],
  checkInstruction(ins, ctx) {
    const checkKv = (kv: KeyValue) => {
      const kind = BUILTIN_LABEL_SCHEMA[kv.key];
      if (!kind || kv.value === null) return;
      const span = kv.valueSpan && kv.valueSpan.end > kv.valueSpan.start ? kv.valueSpan : kv.keySpan;
      const v = kv.value.trim();
      if (v === '') {
        ctx.report({ span, message: { en: `label "${kv.key}" is empty`, ko: `레이블 "${kv.key}"의 값이 비어 있습니다` } });
        return;
      }
      if (kind === 'text' || v.includes('$')) return;
      const c = CHECKS[kind];
      if (c.test(v)) return;
      ctx.report({
        span,
        message: {
          en: `label "${kv.key}" should be ${c.en}, not "${v}"`,
          ko: `레이블 "${kv.key}"의 값은 ${c.ko}이어야 하는데 "${v}"입니다`,
        },
      });
    };
    const check = (i: Instruction) => {
      if (i.name !== 'LABEL') return;
      for (const kv of i.keyValues) checkKv(kv);
    };
    check(ins);
    if (ins.trigger) check(ins.trigger);
  },
});
