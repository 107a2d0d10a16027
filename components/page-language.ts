import { t, type MessageKey } from '@/lib/i18n';

/** An extension page in the user's language: its `lang` and its title (the HTML's are English, for before the script runs). */
export function localizePage(title: MessageKey): void {
  document.documentElement.lang = t('languageTag');
  document.title = t(title);
}
