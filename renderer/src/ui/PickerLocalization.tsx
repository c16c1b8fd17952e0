import { LocalizationProvider } from '@mui/x-date-pickers/LocalizationProvider';
import { AdapterDateFns } from '@mui/x-date-pickers/AdapterDateFns';
import { enUS as pickerEnUS, zhCN as pickerZhCN } from '@mui/x-date-pickers/locales';
import { enUS, zhCN } from 'date-fns/locale';
import type { ReactNode } from 'react';
import type { Locale } from '@shared/rules/rules';

export interface PickerLocalizationProps {
  readonly locale: Locale;
  readonly children: ReactNode;
}

/**
 * The date pickers' language (month names, the calendar's first day, the pickers' own words)
 * follows the desk's language, never the operating system's; the typed format is fixed in
 * DateTimeInput.
 */
export function PickerLocalization({ locale, children }: PickerLocalizationProps) {
  const zh = locale === 'zh-CN';
  const words = (zh ? pickerZhCN : pickerEnUS).components.MuiLocalizationProvider.defaultProps
    .localeText;
  return (
    <LocalizationProvider
      dateAdapter={AdapterDateFns}
      adapterLocale={zh ? zhCN : enUS}
      localeText={words}
    >
      {children}
    </LocalizationProvider>
  );
}
