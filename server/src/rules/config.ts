//! Project configuration for rules, shared by the CLI and the server (pure: takes parsed
//! objects, returns severity overrides and problems). Two sources:
//! * `.hadolint.yaml` (`ignored`, `override: {error|warning|info|style}`, `trustedRegistries`,
//!   `label-schema`, `strict-labels`),
//!   mapped to Dockwise rules through the hadolint aliases. hadolint ignores unknown keys
//!   silently; we report them (DF122) with the key they were probably meant to be.
//! * `.dockwise.yaml` / `.dockwise.json`: `rules: {<id or name>: error|warning|info|hint|off}`,
//!   `pragmas: false` to ignore inline suppressions, `trustedRegistries: [...]`,
//!   `labelSchema: {label: kind}` and `strictLabels` (hadolint's `label-schema`/`strict-labels`).
//! Layering (later wins): defaults < .hadolint.yaml < .dockwise.* < editor settings.

import type { Severity } from './defineRule';
import { findRule, type SeverityOverrides } from './engine';
import { rulesForName } from './suppress';
import { suggest } from './suggest';

export interface ConfigProblem {
  /** Path of the config file as given by the caller. */
  file: string;
  /** 0-based line and column of the key, -1 when unknown. */
  line: number;
  column: number;
  key: string;
  /** The key it was probably meant to be. */
  suggestion: string | null;
  message: { en: string; ko: string };
}

export interface RuleConfig {
  overrides: SeverityOverrides;
  /** Honour inline pragmas (default true). */
  pragmas: boolean;
  trustedRegistries: string[] | null;
  /** hadolint's `label-schema` (Dockwise: `labelSchema`): label name → value kind (DF124). */
  labelSchema: Record<string, LabelKind> | null;
  /** hadolint's `strict-labels` (Dockwise: `strictLabels`): only schema labels are allowed (DF124). */
  strictLabels: boolean;
  problems: ConfigProblem[];
  /** Files that contributed (for messages and watching). */
  sources: string[];
}

export const HADOLINT_KEYS = [
  'config', 'failure-threshold', 'format', 'ignored', 'label-schema', 'no-color', 'no-fail', 'override',
  'strict-labels', 'disable-ignore-pragma', 'trustedRegistries', 'require-labels', 'verbose', 'shell',
];
const HADOLINT_LEVELS: Record<string, Severity> = { error: 'error', warning: 'warning', info: 'info', style: 'hint' };
const KNOWN_GUESSES: Record<string, string> = { ignore: 'ignored', overrides: 'override', trusted_registries: 'trustedRegistries', 'trusted-registries': 'trustedRegistries' };

export function emptyConfig(): RuleConfig {
  return { overrides: {}, pragmas: true, trustedRegistries: null, labelSchema: null, strictLabels: false, problems: [], sources: [] };
}

/** The value kinds of hadolint's label schema (its `LabelType`s). */
export const LABEL_KINDS = ['text', 'url', 'semver', 'hash', 'rfc3339', 'spdx', 'email'] as const;
export type LabelKind = (typeof LABEL_KINDS)[number];

/** Reads a label schema object; kinds it does not know become problems (hadolint refuses such a config). */
function readLabelSchema(cfg: RuleConfig, v: unknown, key: string, file: string, text?: string): void {
  if (v === undefined || v === null) return;
  if (typeof v !== 'object' || Array.isArray(v)) {
    cfg.problems.push({ file, ...lineOfKey(text, key), key, suggestion: null, message: { en: `${file}: "${key}" must map label names to kinds (${LABEL_KINDS.join(', ')})`, ko: `${file}: "${key}"는 레이블 이름을 종류(${LABEL_KINDS.join(', ')})에 대응시켜야 합니다` } });
    return;
  }
  const schema: Record<string, LabelKind> = {};
  for (const [label, kind] of Object.entries(v as Record<string, unknown>)) {
    const k = typeof kind === 'string' ? kind.trim().toLowerCase() : '';
    if ((LABEL_KINDS as readonly string[]).includes(k)) { schema[label] = k as LabelKind; continue; }
    const s = typeof kind === 'string' ? suggest(kind, LABEL_KINDS, false) : null;
    cfg.problems.push({
      file, ...lineOfKey(text, label), key: label, suggestion: null,
      message: {
        en: `${file}: label "${label}" in "${key}" has the unknown kind ${JSON.stringify(kind)}${s ? ` (did you mean "${s}"?)` : ''}; kinds are ${LABEL_KINDS.join(', ')}`,
        ko: `${file}: "${key}"의 레이블 "${label}"에 알 수 없는 종류 ${JSON.stringify(kind)}가 쓰였습니다${s ? ` ("${s}"을(를) 의도했나요?)` : ''}. 종류는 ${LABEL_KINDS.join(', ')}입니다`,
      },
    });
  }
  cfg.labelSchema = schema;
}

function lineOfKey(text: string | undefined, key: string): { line: number; column: number } {
  if (!text) return { line: -1, column: -1 };
  const lines = text.split('\n');
  const re = new RegExp(`^(\\s*["']?)${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}["']?\\s*:`);
  for (let i = 0; i < lines.length; i++) {
    const m = re.exec(lines[i]);
    if (m) return { line: i, column: m[1].length };
  }
  return { line: -1, column: -1 };
}

const asList = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' ? [v] : []);

/** Adds a parsed `.hadolint.yaml` to `cfg`. */
export function applyHadolintConfig(cfg: RuleConfig, obj: unknown, file: string, text?: string): void {
  cfg.sources.push(file);
  if (!obj || typeof obj !== 'object' || Array.isArray(obj)) return;
  const o = obj as Record<string, unknown>;
  for (const key of Object.keys(o)) {
    if (HADOLINT_KEYS.includes(key)) continue;
    const s = KNOWN_GUESSES[key] ?? suggest(key, HADOLINT_KEYS, false);
    cfg.problems.push({
      file, ...lineOfKey(text, key), key, suggestion: s,
      message: {
        en: `${file}: hadolint ignores the unknown key "${key}"${s ? ` (did you mean "${s}"?)` : ''}, so its settings have no effect`,
        ko: `${file}: hadolint는 알 수 없는 키 "${key}"를 조용히 무시하므로 설정이 적용되지 않습니다${s ? ` ("${s}"을(를) 의도했나요?)` : ''}`,
      },
    });
  }
  for (const code of asList(o.ignored)) for (const r of rulesForName('hadolint', code)) cfg.overrides[r.id] = 'off';
  const ov = o.override;
  if (ov && typeof ov === 'object' && !Array.isArray(ov)) {
    for (const [lvl, codes] of Object.entries(ov as Record<string, unknown>)) {
      const sev = HADOLINT_LEVELS[lvl];
      if (!sev) continue;
      for (const code of asList(codes)) for (const r of rulesForName('hadolint', code)) if (cfg.overrides[r.id] !== 'off') cfg.overrides[r.id] = sev;
    }
  }
  const tr = asList(o.trustedRegistries);
  if (tr.length) cfg.trustedRegistries = tr;
  readLabelSchema(cfg, o['label-schema'], 'label-schema', file, text);
  if (typeof o['strict-labels'] === 'boolean') cfg.strictLabels = o['strict-labels'];
}

/** Adds a parsed `.dockwise.yaml`/`.dockwise.json` to `cfg`. */
export function applyDockwiseConfig(cfg: RuleConfig, obj: unknown, file: string, text?: string): void {
  cfg.sources.push(file);
  if (!obj || typeof obj !== 'object' || Array.isArray(obj)) return;
  const o = obj as Record<string, unknown>;
  const rules = o.rules;
  if (rules && typeof rules === 'object' && !Array.isArray(rules)) {
    for (const [k, v] of Object.entries(rules as Record<string, unknown>)) {
      if (!findRule(k)) {
        cfg.problems.push({ file, ...lineOfKey(text, k), key: k, suggestion: null, message: { en: `${file}: unknown rule "${k}"`, ko: `${file}: 알 수 없는 규칙 "${k}"` } });
        continue;
      }
      if (typeof v === 'string' || typeof v === 'boolean') cfg.overrides[k] = v;
    }
  }
  if (o.pragmas === false) cfg.pragmas = false;
  const tr = asList(o.trustedRegistries);
  if (tr.length) cfg.trustedRegistries = tr;
  readLabelSchema(cfg, o.labelSchema, 'labelSchema', file, text);
  if (typeof o.strictLabels === 'boolean') cfg.strictLabels = o.strictLabels;
}

/**
 * Rules whose BuildKit equivalent Docker's own language server (the Docker DX extension)
 * already reports (rules.md §7.9.5, mirroring its `removeOverlappingIssues`): with both
 * extensions installed, users can hide ours to avoid seeing each problem twice.
 */
export const DOCKER_DX_OVERLAP = [
  'DF008', 'DF009', 'DF015', 'DF016', 'DF025', 'DF027', 'DF028', 'DF029', 'DF033', 'DF034', 'DF035', 'DF036',
  'DF041', 'DF045', 'DF050', 'DF051', 'DF052', 'DF053', 'DF057', 'DF061',
];

/** The severity layer for `dockwise.dockerDx.hideOverlapping`. */
export function dockerDxOverrides(hide: boolean | undefined): Record<string, 'off'> | undefined {
  return hide ? Object.fromEntries(DOCKER_DX_OVERLAP.map((id) => [id, 'off' as const])) : undefined;
}
