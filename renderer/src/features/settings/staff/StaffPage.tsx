import { Alert, Box, Button, Chip, Stack, TableCell, TableRow } from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffEntity } from '@shared/model/entities';
import { staffRolesOrdered } from '@shared/organisation/staff';
import { unitPath } from '@shared/organisation/units';
import { staffList, staffUpdate } from '../../../db/repos/staff';
import { accountsWithPassword } from '../../../db/repos/accounts';
import { unitList } from '../../../db/repos/units';
import { useDeskState } from '../../../desk/desk-state';
import { useDeskSession } from '../../../desk/desk-session';
import { useDeskServices } from '../../../desk/services';
import { SettingsHeader } from '../SettingsHeader';
import { SettingsNotice } from '../SettingsNotice';
import { SettingsRowActions } from '../SettingsRowActions';
import { SettingsTable } from '../SettingsTable';
import { useActiveSwitch } from '../useActiveSwitch';
import { StaffDialog } from './StaffDialog';
import { useCanEditSettings } from '../useCanEditSettings';
import { ResetPasswordDialog } from '../../accounts/ResetPasswordDialog';
import { SecurityPolicySection } from '../../accounts/SecurityPolicySection';

type DialogState = { readonly member?: StaffEntity } | null;

/** Staff and roles (人员与角色): add, edit, disable a departed operator, re-enable. */
export function StaffPage() {
  const { t } = useTranslation();
  const { db } = useDeskServices();
  const { operator } = useDeskState();
  const session = useDeskSession();
  const data = useLiveQuery(
    async () => ({ staff: await staffList(db), units: await unitList(db) }),
    [db],
  );
  const [dialog, setDialog] = useState<DialogState>(null);
  const [resetFor, setResetFor] = useState<StaffEntity | null>(null);
  const [resetDone, setResetDone] = useState<string | null>(null);
  const canManage = useCanEditSettings('accounts.manage');
  const withPassword = useLiveQuery(() => accountsWithPassword(db), [db]);
  const { notice, dismissNotice, setActive } = useActiveSwitch(
    (member: StaffEntity, active) => staffUpdate(session, member.id, { active }),
    'settings.staff.refusals',
  );

  if (data === undefined) return null;
  const { units } = data;
  // By name as a Chinese reader expects (pinyin), not by code point.
  const staff = [...data.staff].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  return (
    <Box sx={{ maxWidth: 1100 }}>
      <SettingsHeader
        title={t('settings.staff.title')}
        intro={t('settings.staff.intro')}
        actions={
          <Button variant="contained" onClick={() => setDialog({})}>
            {t('settings.staff.add')}
          </Button>
        }
      />
      <SettingsNotice notice={notice} onClose={dismissNotice} />
      <SettingsTable
        label={t('settings.staff.tableLabel')}
        columns={[
          t('settings.staff.name'),
          t('settings.staff.staffNo'),
          t('settings.staff.roles'),
          t('settings.staff.unit'),
          t('settings.staff.status'),
        ]}
      >
        {staff.map((member) => (
          <TableRow key={member.id} hover>
            <TableCell sx={{ color: member.active ? 'text.primary' : 'text.disabled' }}>
              {member.name}
            </TableCell>
            <TableCell>{member.staffNo ?? ''}</TableCell>
            <TableCell>
              {staffRolesOrdered(member.roles)
                .map((role) => t(`settings.roles.${role}`))
                .join('、')}
            </TableCell>
            <TableCell>{member.unitId ? unitPath(units, member.unitId).join(' / ') : ''}</TableCell>
            <TableCell>
              <Stack direction="row" spacing={1}>
                <Chip
                  size="small"
                  variant="outlined"
                  label={member.active ? t('settings.staff.active') : t('settings.staff.inactive')}
                  color={member.active ? 'success' : 'default'}
                />
                {member.id === operator.id ? (
                  <Chip size="small" color="primary" label={t('settings.staff.current')} />
                ) : null}
                {withPassword && !withPassword.has(member.id) ? (
                  <Chip size="small" color="warning" label={t('accounts.reset.noPassword')} />
                ) : null}
              </Stack>
            </TableCell>
            <SettingsRowActions
              label={t('settings.staff.actionsFor', { name: member.name })}
              active={member.active}
              switchLabel={member.active ? t('settings.staff.disable') : t('settings.staff.enable')}
              onSwitch={() => void setActive(member, !member.active)}
            >
              <Button size="small" onClick={() => setDialog({ member })}>
                {t('settings.staff.edit')}
              </Button>
              {canManage && member.active ? (
                <Button
                  size="small"
                  aria-label={t('accounts.reset.buttonLabel', { name: member.name })}
                  onClick={() => setResetFor(member)}
                >
                  {t('accounts.reset.button')}
                </Button>
              ) : null}
            </SettingsRowActions>
          </TableRow>
        ))}
      </SettingsTable>
      {dialog ? (
        <StaffDialog
          member={dialog.member}
          staff={staff}
          units={units}
          onClose={() => setDialog(null)}
        />
      ) : null}
      {resetFor ? (
        <ResetPasswordDialog
          member={resetFor}
          onClose={(done) => {
            if (done) setResetDone(t('accounts.reset.done', { name: resetFor.name }));
            setResetFor(null);
          }}
        />
      ) : null}
      {resetDone ? (
        <Alert severity="success" sx={{ mt: 2 }} onClose={() => setResetDone(null)}>
          {resetDone}
        </Alert>
      ) : null}
      {canManage ? <SecurityPolicySection /> : null}
    </Box>
  );
}
