import {
  Alert,
  Button,
  FormControl,
  FormControlLabel,
  FormLabel,
  Paper,
  Radio,
  RadioGroup,
  Stack,
  Switch,
  TextField,
} from '@mui/material';
import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import type { HelloResponse } from '@shared/sync/protocol';
import {
  syncAddressParse,
  syncTokenMask,
  type SyncFailure,
  type SyncSettings,
} from '@shared/sync/desk-sync';
import { syncSettingsChange, syncSettingsGet } from '../../db/repos/sync';
import { SyncRequestError, syncSessionOpen, syncTransportHttp } from '../../db/sync/transport';
import { useDeskServices } from '../../desk/services';
import { useDeskSession } from '../../desk/desk-session';
import { useErrorMessage } from '../../desk/useErrorMessage';
import { SettingsHeader } from '../settings/SettingsHeader';
import { useCanEditSettings } from '../settings/useCanEditSettings';
import { syncFailureText } from './SyncProvider';

/** `#/settings/sync`: the sync server, this desk's token or a head-office account, on/off. */
export function SyncSettingsPage() {
  const { t } = useTranslation();
  const { db } = useDeskServices();
  const stored = useLiveQuery(async () => (await syncSettingsGet(db)) ?? null, [db]);
  return (
    <Stack spacing={2} sx={{ maxWidth: 800 }}>
      <SettingsHeader title={t('sync.title')} intro={t('sync.intro')} />
      {stored === undefined ? null : <SyncForm stored={stored ?? undefined} />}
    </Stack>
  );
}

type Outcome =
  | { readonly type: 'connected'; readonly hello: HelloResponse }
  | { readonly type: 'failed'; readonly failure: SyncFailure }
  | { readonly type: 'saved'; readonly hello?: HelloResponse };

function SyncForm({ stored }: { readonly stored: SyncSettings | undefined }) {
  const { t } = useTranslation();
  const session = useDeskSession();
  const errorMessage = useErrorMessage();
  const canEdit = useCanEditSettings('settings.sync');
  const [kind, setKind] = useState<SyncSettings['kind']>(stored?.kind ?? 'desk');
  const [address, setAddress] = useState(stored?.address ?? '');
  const [token, setToken] = useState('');
  const [login, setLogin] = useState(stored?.login ?? '');
  const [password, setPassword] = useState('');
  const [enabled, setEnabled] = useState(stored?.enabled ?? true);
  const [errors, setErrors] = useState<{ address?: string; token?: string; login?: string }>({});
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | undefined>();
  const [problem, setProblem] = useState<string | undefined>();

  /** Checks the fields; connects; returns the token and what the server said. */
  const connect = async (): Promise<
    { token: string; address: string; hello: HelloResponse } | undefined
  > => {
    const parsed = syncAddressParse(address);
    const next: typeof errors = {};
    if (!parsed.ok) next.address = t(`sync.addressErrors.${parsed.code}`);
    const typedToken = token.trim() || (stored?.kind === 'desk' ? stored.token : '');
    if (kind === 'desk' && typedToken === '') next.token = t('sync.tokenRequired');
    if (kind === 'headOffice' && (login.trim() === '' || password === '')) {
      next.login = t('sync.loginRequired');
    }
    setErrors(next);
    if (!parsed.ok || Object.keys(next).length > 0) return undefined;
    try {
      const bearer =
        kind === 'desk'
          ? typedToken
          : (await syncSessionOpen(parsed.address, login.trim(), password)).token;
      const hello = await syncTransportHttp(parsed.address, bearer).hello();
      return { token: bearer, address: parsed.address, hello };
    } catch (error) {
      if (error instanceof SyncRequestError) {
        setOutcome({ type: 'failed', failure: error.failure });
        return undefined;
      }
      throw error;
    }
  };

  const run = (action: () => Promise<void>) => async () => {
    setBusy(true);
    setOutcome(undefined);
    setProblem(undefined);
    try {
      await action();
    } catch (error) {
      setProblem(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  const test = run(async () => {
    const connected = await connect();
    if (connected) setOutcome({ type: 'connected', hello: connected.hello });
  });

  const save = run(async () => {
    if (!enabled && stored) {
      await syncSettingsChange(session, { ...stored, enabled: false });
      setOutcome({ type: 'saved' });
      return;
    }
    const connected = await connect();
    if (!connected) return;
    const { hello } = connected;
    await syncSettingsChange(session, {
      address: connected.address,
      token: connected.token,
      enabled,
      kind: hello.kind,
      ...(hello.kind === 'headOffice' ? { login: login.trim() } : {}),
      organisation: hello.organisation,
      ...(hello.desk ? { desk: hello.desk } : {}),
      desks: hello.desks,
    });
    setToken('');
    setPassword('');
    setOutcome({ type: 'saved', hello });
  });

  const hello = outcome && outcome.type !== 'failed' ? outcome.hello : undefined;

  return (
    <Paper variant="outlined" sx={{ p: 2 }}>
      <Stack spacing={2} component="form" noValidate onSubmit={(e) => e.preventDefault()}>
        <FormControl disabled={!canEdit}>
          <FormLabel id="sync-mode">{t('sync.mode')}</FormLabel>
          <RadioGroup
            row
            aria-labelledby="sync-mode"
            value={kind}
            onChange={(e) => setKind(e.target.value as SyncSettings['kind'])}
          >
            <FormControlLabel value="desk" control={<Radio />} label={t('sync.modeDesk')} />
            <FormControlLabel
              value="headOffice"
              control={<Radio />}
              label={t('sync.modeHeadOffice')}
            />
          </RadioGroup>
        </FormControl>
        <TextField
          label={t('sync.address')}
          value={address}
          onChange={(e) => setAddress(e.target.value)}
          error={Boolean(errors.address)}
          helperText={errors.address ?? t('sync.addressHelp')}
          disabled={!canEdit}
          required
        />
        {kind === 'desk' ? (
          <TextField
            label={t('sync.token')}
            type="password"
            autoComplete="off"
            value={token}
            onChange={(e) => setToken(e.target.value)}
            error={Boolean(errors.token)}
            helperText={
              errors.token ??
              (stored?.kind === 'desk' && stored.token
                ? t('sync.tokenStored', { masked: syncTokenMask(stored.token) })
                : t('sync.tokenHelp'))
            }
            disabled={!canEdit}
          />
        ) : (
          <>
            <TextField
              label={t('sync.login')}
              value={login}
              onChange={(e) => setLogin(e.target.value)}
              error={Boolean(errors.login)}
              helperText={errors.login}
              disabled={!canEdit}
              autoComplete="username"
            />
            <TextField
              label={t('sync.password')}
              type="password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              disabled={!canEdit}
              autoComplete="current-password"
            />
          </>
        )}
        <FormControlLabel
          control={
            <Switch
              checked={enabled}
              onChange={(e) => setEnabled(e.target.checked)}
              disabled={!canEdit}
            />
          }
          label={t('sync.enabled')}
        />
        {canEdit ? (
          <Stack direction="row" spacing={1}>
            <Button variant="outlined" onClick={() => void test()} disabled={busy}>
              {busy ? t('sync.testing') : t('sync.test')}
            </Button>
            <Button variant="contained" onClick={() => void save()} disabled={busy}>
              {t('sync.save')}
            </Button>
          </Stack>
        ) : null}
        <div role="status">
          {outcome?.type === 'failed' ? (
            <Alert severity="error">{syncFailureText(t, outcome.failure)}</Alert>
          ) : null}
          {problem ? <Alert severity="error">{problem}</Alert> : null}
          {outcome?.type === 'saved' ? <Alert severity="success">{t('sync.saved')}</Alert> : null}
          {hello ? (
            <Alert severity="success" sx={{ mt: 1 }}>
              <div>{t('sync.connected', { organisation: hello.organisation.name })}</div>
              <div>
                {hello.desk
                  ? t('sync.connectedDesk', { code: hello.desk.code, name: hello.desk.name })
                  : t('sync.connectedHeadOffice', {
                      account: hello.account ?? login,
                      count: hello.desks.length,
                    })}
              </div>
              <div>
                {t('sync.desks', {
                  list: hello.desks.map((d) => `${d.code} ${d.name}`).join('、'),
                })}
              </div>
            </Alert>
          ) : null}
        </div>
      </Stack>
    </Paper>
  );
}
