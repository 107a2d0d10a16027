/**
 * The locale dates, times, numbers and money are written in: the browser's UI language (`browser.i18n`), the
 * language the extension's words are chosen by, so a French browser reads "14 h 05" and "1 234,56 $" beside French
 * words. Its region, when it has one, decides the rest (en-GB: day before month). The pure formatters take it as an
 * argument (lib/locale-format.ts, amount.ts, billed.ts, date-reading.ts).
 */
import { browser } from 'wxt/browser';

export function uiLocale(): string {
  const tag = browser.i18n.getUILanguage?.() || globalThis.navigator?.language || 'en';
  try {
    return Intl.getCanonicalLocales(tag.replace(/_/g, '-'))[0] ?? 'en';
  } catch {
    return 'en';
  }
}
