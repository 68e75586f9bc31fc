//! Locale selection for the features: re-exported from `docs/locale.ts` (LSP `locale`,
//! overridable by the `dockwise.locale` setting `auto|en|ko`).
export { resolveLocale as pickLocale, type Locale } from '../docs/locale';
