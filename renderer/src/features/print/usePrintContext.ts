import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrintSettings } from '@shared/paper/settings';
import { useDeskState } from '../../desk/desk-state';
import { useDeskServices } from '../../desk/services';
import { printSettingsLoad } from '../../db/repos/print';
import type { FormContext, Translate } from '../../paper/forms/common';
import type { PaginateWords } from '../../paper/measure';

export interface PrintContext {
  readonly form: FormContext;
  readonly settings: PrintSettings;
  readonly words: PaginateWords;
}

/**
 * What the form builders need (the desk, its print settings, the words, the time of printing),
 * or undefined while the settings load. The time is taken when the settings or language change,
 * not on every render, so the pages are not laid out again for nothing.
 */
export function usePrintContext(): PrintContext | undefined {
  const { t, i18n } = useTranslation();
  const { db, now } = useDeskServices();
  const desk = useDeskState();
  const settings = useLiveQuery(() => printSettingsLoad(db), [db]);
  const language = i18n.language;
  return useMemo(() => {
    if (!settings) return undefined;
    const translate: Translate = (key, options) => t(key, options ?? {});
    return {
      settings,
      words: {
        continued: t('printForms.continued'),
        pageOf: (page, pages) => t('printForms.pageOf', { page, pages }),
      },
      form: {
        t: translate,
        locale: desk.locale,
        rules: desk.rules,
        timeZone: desk.deadlineContext.timeZone,
        settings,
        organisation: settings.headerText.trim() || desk.identity.organisationName,
        printedAt: now(),
        deadlineContext: desk.deadlineContext,
      },
    };
    // `language` re-runs this when the desk switches language (t keeps its identity).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [settings, desk, now, t, language]);
}
