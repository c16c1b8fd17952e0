import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from '@shared/rules/rules';
import { en } from './locales/en';
import { zhCN } from './locales/zh-CN';

export const LOCALES: readonly Locale[] = ['zh-CN', 'en'];

/** Starts i18next with both locales bundled (the desk is offline: nothing is fetched). */
export async function i18nStart(locale: Locale = 'zh-CN') {
  await i18next.use(initReactI18next).init({
    lng: locale,
    fallbackLng: 'zh-CN',
    resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = locale;
  return i18next;
}

export async function i18nSetLocale(locale: Locale) {
  await i18next.changeLanguage(locale);
  document.documentElement.lang = locale;
}
