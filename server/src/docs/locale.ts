//! Locale selection and the tiny message-table helper used by all of `docs/`.
//!
//! The display language follows VS Code's (LSP `initialize.locale`), overridable by the
//! `dockwise.locale` setting (`auto | en | ko`). Every piece of prose in `docs/` is a
//! `Bilingual` value; tests walk the exported data and fail when either language is missing.

export type Locale = 'en' | 'ko';
export type LocaleSetting = 'auto' | 'en' | 'ko';

/** A text in both languages. Both strings must be non-empty (checked by test/unit/docs.test.ts). */
export interface Bilingual {
  en: string;
  ko: string;
}

export const LOCALES: readonly Locale[] = ['en', 'ko'];

/**
 * `auto` → Korean when the LSP locale is `ko`, `ko-KR`, `ko_KR`… (any case), else English.
 * An explicit `en`/`ko` setting wins over the LSP locale. Unknown settings behave like `auto`.
 */
export function resolveLocale(setting: LocaleSetting | string | undefined, lspLocale?: string): Locale {
  if (setting === 'en' || setting === 'ko') return setting;
  return lspLocale !== undefined && /^ko(?:$|[-_])/i.test(lspLocale.trim()) ? 'ko' : 'en';
}

/** Shorthand constructor. */
export function bi(en: string, ko: string): Bilingual {
  return { en, ko };
}

/** Picks the text for a locale (falls back to English if the Korean text is empty). */
export function pick(text: Bilingual, locale: Locale): string {
  return (locale === 'ko' ? text.ko : text.en) || text.en;
}

/**
 * Replaces `{0}`, `{1}`, … (positional) or `{name}` (named) placeholders.
 * A placeholder without a value is left as is, so a missing argument is visible.
 */
export function format(template: string, args?: readonly unknown[] | Record<string, unknown>): string {
  if (!args) return template;
  return template.replace(/\{([A-Za-z0-9_]+)\}/g, (m, k: string) => {
    const v = Array.isArray(args) ? (/^\d+$/.test(k) ? args[Number(k)] : undefined) : (args as Record<string, unknown>)[k];
    return v === undefined || v === null ? m : String(v);
  });
}

/**
 * Looks `key` up in a bilingual table and formats it. Unknown keys return the key itself
 * (so a typo shows up in the UI instead of disappearing); the tests check every key used.
 */
export function t<K extends string>(
  locale: Locale,
  table: Readonly<Record<K, Bilingual>>,
  key: K,
  args?: readonly unknown[] | Record<string, unknown>,
): string {
  const entry = table[key];
  if (!entry) return key;
  return format(pick(entry, locale), args);
}

/** Both languages of a table entry, formatted. */
export function tBoth<K extends string>(
  table: Readonly<Record<K, Bilingual>>,
  key: K,
  args?: readonly unknown[] | Record<string, unknown>,
): Bilingual {
  return { en: t('en', table, key, args), ko: t('ko', table, key, args) };
}

/** Names of the placeholders in a template, sorted (used to check en/ko parity). */
export function placeholders(template: string): string[] {
  return [...new Set([...template.matchAll(/\{([A-Za-z0-9_]+)\}/g)].map((m) => m[1]))].sort();
}
