import {
  Alert,
  AppBar,
  Box,
  Button,
  List,
  ListItemButton,
  ListItemIcon,
  ListItemText,
  Toolbar,
  Typography,
} from '@mui/material';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet } from 'react-router';
import { settingsPut } from '../db/repos/settings';
import { AccountMenu } from '../features/accounts/AccountMenu';
import { CaseScanBox } from '../features/case/CaseScanBox';
import { SecurityStartup } from '../features/settings/security/UpdateOffer';
import { useDeskState } from '../desk/desk-state';
import { NAV_ITEMS } from './routes';
import { rolesMay } from '@shared/access/permissions';
import { SyncProvider } from '../features/sync/SyncProvider';
import { SyncStatusButton } from '../features/sync/SyncStatusButton';
import { BACKUP_PATH } from '../features/backup/BackupStatus';
import { DailyBackup } from '../features/backup/DailyBackup';
import { StatsWarmUp } from '../features/reports/StatsWarmUp';
import { useDeskServices } from '../desk/services';

const NAV_WIDTH = 180;

/** The frame around every screen: the desk's name, the operator, the menu, the language. */
export function Shell() {
  const { t } = useTranslation();
  const desk = useDeskState();
  const { db, now, persistence } = useDeskServices();

  const switchLanguage = () => {
    void settingsPut(db, 'locale', desk.locale === 'zh-CN' ? 'en' : 'zh-CN', now());
  };

  return (
    <SyncProvider>
      <Box sx={{ display: 'flex', minHeight: '100vh' }}>
        <AppBar position="fixed" sx={{ zIndex: (theme) => theme.zIndex.drawer + 1 }}>
          <Toolbar variant="dense" sx={{ gap: 2 }}>
            <Typography variant="h6" component="div" sx={{ flexGrow: 1 }}>
              {t('app.title')} · {desk.identity.organisationName} · {desk.identity.deskName}
            </Typography>
            <CaseScanBox />
            <SyncStatusButton />
            <AccountMenu />
            <Button
              color="inherit"
              onClick={switchLanguage}
              aria-label={t('app.languageSwitchLabel')}
              lang={desk.locale === 'zh-CN' ? 'en' : 'zh-CN'}
            >
              {t('app.languageSwitch')}
            </Button>
          </Toolbar>
        </AppBar>
        <Box
          component="nav"
          aria-label={t('nav.label')}
          sx={{
            width: NAV_WIDTH,
            flexShrink: 0,
            pt: 7,
            borderRight: 1,
            borderColor: 'divider',
            bgcolor: 'background.paper',
            '@media print': { display: 'none' },
          }}
        >
          <List>
            {NAV_ITEMS.filter(
              (item) =>
                // A head office registers nothing (db/access.ts refuses it): no intake entry.
                !(desk.headOffice && (item.to === '/intake' || item.to === '/import')) &&
                (!item.permission || rolesMay(desk.operator.roles, item.permission)),
            ).map((item) => (
              <ListItemButton
                key={item.to}
                component={NavLink}
                to={item.to}
                sx={{ '&.active': { bgcolor: 'action.selected', fontWeight: 700 } }}
              >
                <ListItemIcon sx={{ minWidth: 36 }}>{item.icon}</ListItemIcon>
                <ListItemText primary={t(item.labelKey)} />
              </ListItemButton>
            ))}
          </List>
        </Box>
        <Box component="main" sx={{ flexGrow: 1, p: 3, pt: 9, minWidth: 0 }}>
          {persistence === 'denied' ? (
            <Alert
              severity="warning"
              sx={{ mb: 2 }}
              action={
                <Button color="inherit" size="small" component={NavLink} to={BACKUP_PATH}>
                  {t('backup.goBackup')}
                </Button>
              }
            >
              {t('app.storageNotPersisted')}
            </Alert>
          ) : null}
          {desk.headOffice ? (
            <Alert severity="info" sx={{ mb: 2 }}>
              {t('sync.headOfficeNotice')}
            </Alert>
          ) : null}
          <SecurityStartup />
          <Outlet />
          <DailyBackup />
          <StatsWarmUp />
        </Box>
      </Box>
    </SyncProvider>
  );
}
