import { Box, Button, Paper, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { settingsPut, type StoredDeskState } from '../../db/repos/settings';
import { useDeskServices } from '../../desk/services';
import { useSignIn } from '../../desk/sign-in';
import { SignInForm } from './SignInForm';

export interface SignInPageProps {
  /** The desk as stored: its name, its language, the last operator signed in. */
  readonly desk: StoredDeskState;
}

/** The desk's door: nobody works on it without their password (DOMAIN.md section 8). */
export function SignInPage({ desk }: Readonly<SignInPageProps>) {
  const { t } = useTranslation();
  const { db, now } = useDeskServices();
  const signIn = useSignIn();
  const locked = signIn.reason === 'idle';
  return (
    <Box sx={{ display: 'grid', placeItems: 'center', minHeight: '100vh', p: 2 }}>
      <Paper sx={{ p: 4, width: 440 }}>
        <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center' }}>
          <Typography variant="h5" component="h1">
            {locked ? t('accounts.signIn.lockedTitle') : t('accounts.signIn.title')}
          </Typography>
          <Button
            onClick={() =>
              void settingsPut(db, 'locale', desk.locale === 'zh-CN' ? 'en' : 'zh-CN', now())
            }
            aria-label={t('app.languageSwitchLabel')}
          >
            {t('app.languageSwitch')}
          </Button>
        </Stack>
        <Typography color="text.secondary" sx={{ mt: 1 }}>
          {desk.identity.organisationName} · {desk.identity.deskName}
        </Typography>
        <Typography sx={{ my: 2 }}>
          {locked ? t('accounts.signIn.lockedIntro') : t('accounts.signIn.intro')}
        </Typography>
        <SignInForm
          initialStaffId={signIn.lastStaffId ?? desk.operator.id}
          timeZone={desk.calendar.timeZone}
          submitLabel={t('accounts.signIn.submit')}
          onSignedIn={(operator) => signIn.signIn(operator.id)}
        />
      </Paper>
    </Box>
  );
}
