//! Label schema checks (hadolint DL3049–DL3056, DL3058; off by default). With a schema from the
//! project configuration (`.hadolint.yaml` `label-schema` / `strict-labels`, or `.dockwise.yaml`
//! `labelSchema` / `strictLabels`) the rule does what hadolint does with it: every schema label
//! is required (DL3049), values must have their kind, and with strict labels no other label is
//! allowed (DL3050). Without one, a built-in schema checks formats only: the OCI image annotations
//! (opencontainers/image-spec annotations.md) and the older label-schema.org keys. Kinds follow
//! hadolint's:
//!   empty value (DL3051), URL (DL3052, an absolute URI), RFC 3339 date-time (DL3053),
//!   SPDX license expression (DL3054; syntax only, ids are not checked against the SPDX list),
//!   git hash (DL3055; hadolint wants 7 or 40 hex digits, we accept 7–40 and 64),
//!   semantic version (DL3056; "semver-ish": an optional `v`, 1–3 numbers, pre-release/build),
//!   e-mail (DL3058).
//! Values with variables are not checked (they are known at build time only).
//! Required labels follow hadolint's DL3049 (its spec, hadolint/test/Hadolint/Rule/DL3049Spec.hs):
//! a stage lacks a label when neither it nor a stage it is built FROM sets it, and it is reported
//! (at its FROM) unless a stage that builds on it or copies from it — directly or further down —
//! has the label: an intermediate stage is covered by the result that uses it.
import { defineRule } from '../defineRule';
import type { Instruction, KeyValue } from '../../syntax/nodes';
import type { Stage } from '../../semantics/model';
import type { LabelKind } from '../config';

export type { LabelKind };

/** The built-in schema (formats only), used when the configuration has none. */
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
      rationale: 'Tools read well-known labels such as the OCI annotations `org.opencontainers.image.created`, `.source`, `.version`, `.revision` and `.licenses`; a value in the wrong format (a date that is not RFC 3339, a URL without a scheme, a version that is not semver, an abbreviated or non-hex revision, an invalid SPDX expression, an empty value) breaks them silently. Off by default. With a label schema in the project configuration (`label-schema` and `strict-labels` in `.hadolint.yaml`, or `labelSchema`/`strictLabels` in `.dockwise.yaml`), every schema label is required in each image the file builds and, with strict labels, no other label is allowed; without one, a built-in schema for the OCI and label-schema.org keys checks formats only.',
    },
    ko: {
      title: '레이블 값은 레이블 스키마 형식에 맞아야 합니다',
      rationale: 'OCI 어노테이션 `org.opencontainers.image.created`, `.source`, `.version`, `.revision`, `.licenses` 같은 잘 알려진 레이블은 여러 도구가 읽습니다. 값의 형식이 틀리면(RFC 3339가 아닌 날짜, 스킴 없는 URL, semver가 아닌 버전, 16진수가 아닌 리비전, 잘못된 SPDX 표현식, 빈 값) 아무 경고 없이 제대로 동작하지 않습니다. 기본으로는 꺼져 있습니다. 프로젝트 설정에 레이블 스키마가 있으면(hadolint의 `label-schema`와 `strict-labels`, 또는 `.dockwise.yaml`의 `labelSchema`/`strictLabels`) 스키마의 모든 레이블이 이 파일이 만드는 각 이미지에 있어야 하고, strict 설정이면 다른 레이블은 허용되지 않습니다. 설정이 없으면 OCI와 label-schema.org 키에 대한 내장 스키마로 형식만 검사합니다.',
    },
  },
  scope: 'file',
  check({ tree, model, external, report }) {
    const user = external.config?.labelSchema ?? null;
    const schema: Readonly<Record<string, LabelKind>> = user ?? BUILTIN_LABEL_SCHEMA;
    const strict = !!user && external.config?.strictLabels === true;
    const checkKv = (kv: KeyValue) => {
      const kind = Object.prototype.hasOwnProperty.call(schema, kv.key) ? schema[kv.key] : undefined;
      if (!kind) {
        if (strict) report({ span: kv.keySpan, message: { en: `label "${kv.key}" is not in the label schema, and strict labels allow no other label`, ko: `레이블 "${kv.key}"는 레이블 스키마에 없고, strict 설정에서는 다른 레이블을 쓸 수 없습니다` } });
        return;
      }
      if (kv.value === null) return;
      const span = kv.valueSpan && kv.valueSpan.end > kv.valueSpan.start ? kv.valueSpan : kv.keySpan;
      const v = kv.value.trim();
      if (v === '') {
        report({ span, message: { en: `label "${kv.key}" is empty`, ko: `레이블 "${kv.key}"의 값이 비어 있습니다` } });
        return;
      }
      if (kind === 'text' || v.includes('$')) return;
      const c = CHECKS[kind];
      if (c.test(v)) return;
      report({
        span,
        message: {
          en: `label "${kv.key}" should be ${c.en}, not "${v}"`,
          ko: `레이블 "${kv.key}"의 값은 ${c.ko}이어야 하는데 "${v}"입니다`,
        },
      });
    };
    const labelsOf = (i: Instruction): KeyValue[] => (i.name === 'LABEL' ? i.keyValues : i.trigger?.name === 'LABEL' ? i.trigger.keyValues : []);
    for (const ins of tree.instructions) for (const kv of labelsOf(ins)) checkKv(kv);
    if (!user) return;
    const required = Object.keys(user);
    if (!required.length || !model.stages.length) return;
    // Labels each stage sets itself (an ONBUILD LABEL runs in images built from this one: not here).
    const own = new Map<Stage, Set<string>>();
    for (const st of model.stages) {
      const set = new Set<string>();
      for (const ins of st.instructions) if (ins.name === 'LABEL') for (const kv of ins.keyValues) set.add(kv.key);
      own.set(st, set);
    }
    const has = (st: Stage, label: string): boolean => {
      for (let s: Stage | null = st, n = 0; s && n < 64; s = s.parent, n++) if (own.get(s)!.has(label)) return true;
      return false;
    };
    // Who uses a stage: the stages built FROM it and those that copy or mount from it.
    const users = new Map<Stage, Set<Stage>>();
    const use = (of: Stage, by: Stage | null) => { if (by && by !== of) { let u = users.get(of); if (!u) users.set(of, (u = new Set())); u.add(by); } };
    for (const st of model.stages) if (st.parent) use(st.parent, st);
    for (const r of model.stageRefs) if (r.target) use(r.target, model.stageOf(r.instruction));
    const coveredBelow = (st: Stage, label: string): boolean => {
      const seen = new Set<Stage>();
      const todo = [...(users.get(st) ?? [])];
      while (todo.length) {
        const u = todo.pop()!;
        if (seen.has(u)) continue;
        seen.add(u);
        if (has(u, label)) return true;
        for (const x of users.get(u) ?? []) todo.push(x);
      }
      return false;
    };
    for (const st of model.stages) {
      const missing = required.filter((l) => !has(st, l) && !coveredBelow(st, l));
      if (!missing.length) continue;
      const list = missing.map((l) => `"${l}"`).join(', ');
      report({
        span: st.from.keywordSpan,
        message: {
          en: `the label schema requires ${missing.length === 1 ? 'label' : 'labels'} ${list}, but this stage (${st.name ? `'${st.name}'` : `#${st.index}`}) and the stages it builds on do not set ${missing.length === 1 ? 'it' : 'them'}; add LABEL ${missing[0]}=…`,
          ko: `레이블 스키마에 필요한 레이블 ${list}이(가) 이 스테이지(${st.name ? `'${st.name}'` : `#${st.index}`})와 그 기반 스테이지에 없습니다. LABEL ${missing[0]}=… 을 추가하세요`,
        },
      });
    }
  },
});
