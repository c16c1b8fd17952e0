/**
 * The words of the exported workbooks in the desk's locale, for code that runs outside React
 * (the Web Worker): the export locale, the status words, and `{{name}}` filling.
 */
import type { CaseStatus } from '@shared/model/entities';
import type { Locale, LocalizedText } from '@shared/rules/rules';
import { rulesLabel } from '@shared/rules/rules-query';
import { vocabularyLocale } from '../vocabulary/words';
import { exportSheetsLocale } from './locale';

export type SheetWords = typeof exportSheetsLocale.zh;

export interface SheetLanguage {
  readonly locale: Locale;
  readonly words: SheetWords;
  readonly status: (status: CaseStatus) => string;
  readonly label: (text: LocalizedText | undefined, fallback: string) => string;
}

export function sheetLanguage(locale: Locale): SheetLanguage {
  // The vocabulary alone, not the UI's locales: the export worker carries no screen words.
  const vocabulary = locale === 'en' ? vocabularyLocale.en : vocabularyLocale.zh;
  return {
    locale,
    words: (locale === 'en' ? exportSheetsLocale.en : exportSheetsLocale.zh) as SheetWords,
    status: (status) => vocabulary.status[status],
    label: (text, fallback) => (text ? rulesLabel(text, locale) : fallback),
  };
}

/** Fills `{{name}}` placeholders. */
export function fill(text: string, values: Readonly<Record<string, string | number>>): string {
  return text.replace(/\{\{(\w+)\}\}/g, (whole, key: string) =>
    key in values ? String(values[key]) : whole,
  );
}
