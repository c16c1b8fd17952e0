import {
  Alert,
  Box,
  Button,
  Chip,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
} from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffEntity } from '../../../../../shared/entities';
import { staffRolesOrdered } from '../../../../../shared/staff';
import { unitPath } from '../../../../../shared/units';
import { ChangeRefusedError } from '../../../db/repos/refused';
import { staffList, staffUpdate, type StaffRefusal } from '../../../db/repos/staff';
import { unitList } from '../../../db/repos/units';
import { useDeskState } from '../../../app/desk-state';
import { useDeskServices } from '../../../app/services';
import { useErrorMessage } from '../../../app/useErrorMessage';
import { SettingsHeader } from '../SettingsHeader';
import { useAuditedBy, useCanEditSettings } from '../useAuditedBy';
import { StaffDialog } from './StaffDialog';

type DialogState = { readonly member?: StaffEntity } | null;

/** Staff and roles (人员与角色): add, edit, disable a departed operator, re-enable. */
export function StaffPage() {
  const { t } = useTranslation();
  const { db } = useDeskServices();
  const { operator } = useDeskState();
  const auditedBy = useAuditedBy();
  const errorMessage = useErrorMessage();
  const canEdit = useCanEditSettings();
  const data = useLiveQuery(
    async () => ({ staff: await staffList(db), units: await unitList(db) }),
    [db],
  );
  const [dialog, setDialog] = useState<DialogState>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const setActive = async (member: StaffEntity, active: boolean) => {
    setNotice(null);
    try {
      await staffUpdate(db, member.id, { active }, auditedBy());
    } catch (error) {
      const [first] =
        error instanceof ChangeRefusedError
          ? (error as ChangeRefusedError<StaffRefusal>).problems
          : [];
      setNotice(
        first && !('field' in first)
          ? t(`settings.staff.refusals.${first.code}`, { name: member.name })
          : t('settings.failed', { reason: errorMessage(error) }),
      );
    }
  };

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
      <Box aria-live="polite">
        {notice ? (
          <Alert severity="warning" sx={{ mb: 2 }} onClose={() => setNotice(null)}>
            {notice}
          </Alert>
        ) : null}
      </Box>
      <Paper>
        <Table size="small" aria-label={t('settings.staff.tableLabel')}>
          <TableHead>
            <TableRow>
              <TableCell>{t('settings.staff.name')}</TableCell>
              <TableCell>{t('settings.staff.staffNo')}</TableCell>
              <TableCell>{t('settings.staff.roles')}</TableCell>
              <TableCell>{t('settings.staff.unit')}</TableCell>
              <TableCell>{t('settings.staff.status')}</TableCell>
              {canEdit ? <TableCell>{t('settings.actions')}</TableCell> : null}
            </TableRow>
          </TableHead>
          <TableBody>
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
                <TableCell>
                  {member.unitId ? unitPath(units, member.unitId).join(' / ') : ''}
                </TableCell>
                <TableCell>
                  <Stack direction="row" spacing={1}>
                    <Chip
                      size="small"
                      variant="outlined"
                      label={
                        member.active ? t('settings.staff.active') : t('settings.staff.inactive')
                      }
                      color={member.active ? 'success' : 'default'}
                    />
                    {member.id === operator.id ? (
                      <Chip size="small" color="primary" label={t('settings.staff.current')} />
                    ) : null}
                  </Stack>
                </TableCell>
                {canEdit ? (
                  <TableCell>
                    <Stack
                      direction="row"
                      spacing={1}
                      role="group"
                      aria-label={t('settings.staff.actionsFor', { name: member.name })}
                    >
                      <Button size="small" onClick={() => setDialog({ member })}>
                        {t('settings.staff.edit')}
                      </Button>
                      <Button
                        size="small"
                        color={member.active ? 'warning' : 'primary'}
                        onClick={() => void setActive(member, !member.active)}
                      >
                        {member.active ? t('settings.staff.disable') : t('settings.staff.enable')}
                      </Button>
                    </Stack>
                  </TableCell>
                ) : null}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Paper>
      {dialog ? (
        <StaffDialog
          member={dialog.member}
          staff={staff}
          units={units}
          onClose={() => setDialog(null)}
        />
      ) : null}
    </Box>
  );
}
