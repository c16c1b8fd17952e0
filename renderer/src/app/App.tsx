import { CssBaseline, ThemeProvider } from '@mui/material';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { createHashRouter, RouterProvider } from 'react-router';
import type { DeskId, StaffId } from '@shared/kernel/brand';
import { deskState } from '../db/repos/settings';
import { staffGet } from '../db/repos/staff';
import { deadlineContextFromSettings } from '@shared/calendar/deadline';
import type { Locale } from '@shared/rules/rules';
import { SetupPage } from '../features/setup/SetupPage';
import { IdleLock } from '../features/accounts/IdleLock';
import { SignInPage } from '../features/accounts/SignInPage';
import { DeskStateContext, type DeskState } from '../desk/desk-state';
import {
  SignInContext,
  signInStore,
  signInStored,
  type SignInState,
  type SignOutReason,
} from '../desk/sign-in';
import { i18nSetLocale } from './i18n';
import { DeskServicesContext, type DeskServices } from '../desk/services';
import { FALLBACK_ROUTES, FEATURE_ROUTES } from './routes';
import { Shell } from './Shell';
import { LoadingScreen } from './LoadingScreen';
import { themeCreate } from './theme';

export interface AppProps {
  readonly services: DeskServices;
}

const router = createHashRouter([
  { path: '/', element: <Shell />, children: [...FEATURE_ROUTES, ...FALLBACK_ROUTES] },
]);

/** A sign-in or sign-out made in this window since it opened. */
interface SignInChange {
  readonly staffId: StaffId | null;
  readonly reason?: SignOutReason;
  readonly lastStaffId?: StaffId;
}

export function App({ services }: Readonly<AppProps>) {
  const stored = useLiveQuery(async () => (await deskState(services.db)) ?? null, [services.db]);
  const [setupLocale, setSetupLocale] = useState<Locale>('zh-CN');
  const locale = stored?.locale ?? setupLocale;
  const deskId = stored?.identity.deskId;

  // Until this window signs in or out, it keeps the sign-in it had before a reload.
  const [change, setChange] = useState<SignInChange | null>(null);
  const staffId = change ? change.staffId : signInStored(deskId);
  // `null`: nobody (or a departed operator); `undefined`: still reading.
  const operator = useLiveQuery(
    async () => (staffId ? ((await staffGet(services.db, staffId)) ?? null) : null),
    [services.db, staffId],
  );
  const signedIn = operator?.active ? operator : null;

  const signInAt = useCallback((desk: DeskId, id: StaffId) => {
    signInStore(desk, id);
    setChange({ staffId: id });
  }, []);
  const signIn = useMemo<SignInState>(
    () => ({
      staffId: signedIn?.id ?? null,
      ...(change?.reason ? { reason: change.reason } : {}),
      ...(change?.lastStaffId ? { lastStaffId: change.lastStaffId } : {}),
      signIn: (id) => {
        if (deskId) signInAt(deskId, id);
      },
      signOut: (reason) => {
        if (deskId) signInStore(deskId, null);
        setChange({ staffId: null, reason, ...(staffId ? { lastStaffId: staffId } : {}) });
      },
    }),
    [signedIn?.id, change, deskId, staffId, signInAt],
  );

  useEffect(() => {
    void i18nSetLocale(locale);
  }, [locale]);

  const theme = useMemo(() => themeCreate(locale), [locale]);
  const desk = useMemo<DeskState | null>(() => {
    if (!stored || !signedIn) return null;
    return {
      ...stored,
      // The signed-in operator, read live: a change of roles applies at once.
      operator: signedIn,
      deadlineContext: deadlineContextFromSettings(stored.calendar),
    };
  }, [stored, signedIn]);

  const content = () => {
    if (stored === undefined || operator === undefined) return <LoadingScreen />;
    if (stored === null) {
      return (
        <SetupPage
          locale={locale}
          onLocaleChange={setSetupLocale}
          onSetUp={(done) => signInAt(done.deskId, done.staffId)}
        />
      );
    }
    if (!desk) return <SignInPage desk={stored} />;
    return (
      <DeskStateContext.Provider value={desk}>
        <IdleLock />
        <RouterProvider router={router} />
      </DeskStateContext.Provider>
    );
  };

  return (
    <ThemeProvider theme={theme}>
      <CssBaseline />
      <DeskServicesContext.Provider value={services}>
        <SignInContext.Provider value={signIn}>{content()}</SignInContext.Provider>
      </DeskServicesContext.Provider>
    </ThemeProvider>
  );
}
