import { CssBaseline, ThemeProvider } from '@mui/material';
import { useEffect, useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { createHashRouter, RouterProvider } from 'react-router';
import { deskState } from '../db/repos/settings';
import { deadlineContextFromSettings } from '@shared/calendar/deadline';
import type { Locale } from '@shared/rules/rules';
import { SetupPage } from '../features/setup/SetupPage';
import { DeskStateContext, type DeskState } from '../desk/desk-state';
import { i18nSetLocale } from './i18n';
import { DeskServicesContext, type DeskServices } from '../desk/services';
import { FALLBACK_ROUTES, FEATURE_ROUTES } from './routes';
import { Shell } from './Shell';
import { LoadingScreen } from './LoadingScreen';
import { themeCreate } from './theme';
import { PickerLocalization } from '../ui/PickerLocalization';

export interface AppProps {
  readonly services: DeskServices;
}

const router = createHashRouter([
  { path: '/', element: <Shell />, children: [...FEATURE_ROUTES, ...FALLBACK_ROUTES] },
]);

export function App({ services }: Readonly<AppProps>) {
  const stored = useLiveQuery(async () => (await deskState(services.db)) ?? null, [services.db]);
  const [setupLocale, setSetupLocale] = useState<Locale>('zh-CN');
  const locale = stored?.locale ?? setupLocale;

  useEffect(() => {
    void i18nSetLocale(locale);
  }, [locale]);

  const theme = useMemo(() => themeCreate(locale), [locale]);
  const desk = useMemo<DeskState | null>(() => {
    if (!stored) return null;
    return {
      ...stored,
      deadlineContext: deadlineContextFromSettings(stored.calendar),
    };
  }, [stored]);

  return (
    <ThemeProvider theme={theme}>
      <CssBaseline />
      <PickerLocalization locale={locale}>
        <DeskServicesContext.Provider value={services}>
          {stored === undefined ? (
            <LoadingScreen />
          ) : desk === null ? (
            <SetupPage locale={locale} onLocaleChange={setSetupLocale} />
          ) : (
            <DeskStateContext.Provider value={desk}>
              <RouterProvider router={router} />
            </DeskStateContext.Provider>
          )}
        </DeskServicesContext.Provider>
      </PickerLocalization>
    </ThemeProvider>
  );
}
