//! Locale selection shared by the features: LSP `locale` (VS Code's display language),
//! overridable by the `dockwise.locale` setting (`auto|en|ko`).
export type Locale = 'en' | 'ko';

export function pickLocale(setting: string | undefined, lspLocale: string | undefined): Locale {
  if (setting === 'en' || setting === 'ko') return setting;
  return lspLocale && lspLocale.toLowerCase().startsWith('ko') ? 'ko' : 'en';
}
