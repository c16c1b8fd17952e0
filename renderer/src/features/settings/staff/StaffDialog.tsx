import {
  Checkbox,
  FormControl,
  FormControlLabel,
  FormGroup,
  FormHelperText,
  FormLabel,
  Stack,
  TextField,
} from '@mui/material';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  STAFF_ROLES,
  type StaffEntity,
  type StaffRole,
  type UnitEntity,
} from '@shared/model/entities';
import { staffCheck, type StaffDraft } from '@shared/organisation/staff';
import { unitTreeRows } from '@shared/organisation/units';
import { staffAdd, staffUpdate } from '../../../db/repos/staff';
import { useDeskSession } from '../../../desk/desk-session';
import { UnitTreeSelect } from '../UnitTreeSelect';
import { useSettingsForm } from '../useSettingsForm';
import { FormDialog } from '../../../ui/FormDialog';

export interface StaffDialogProps {
  /** The operator to edit; a new one when absent. */
  readonly member?: StaffEntity;
  readonly staff: readonly StaffEntity[];
  readonly units: readonly UnitEntity[];
  readonly onClose: () => void;
}

function initialDraft(member: StaffEntity | undefined): StaffDraft {
  return {
    name: member?.name ?? '',
    staffNo: member?.staffNo ?? '',
    roles: member?.roles ?? ['clerk'],
    unitId: member?.unitId ?? '',
  };
}

/** Adds an operator or changes one's name, staff number, roles and unit. */
export function StaffDialog({ member, staff, units, onClose }: Readonly<StaffDialogProps>) {
  const { t } = useTranslation();
  const session = useDeskSession();
  const { draft, setDraft, errorFor, dialog } = useSettingsForm({
    initial: () => initialDraft(member),
    check: (checked) => staffCheck(checked, staff, units, member?.id),
    write: async (checked) => {
      const input = {
        name: checked.name,
        staffNo: checked.staffNo,
        roles: checked.roles,
        unitId: checked.unitId === '' ? undefined : checked.unitId,
      };
      if (member) await staffUpdate(session, member.id, input);
      else await staffAdd(session, input);
    },
    errorsKey: 'settings.staff.errors',
    onSaved: onClose,
  });

  // Active units, and the operator's own unit even if it has since been deactivated.
  const unitRows = useMemo(
    () => unitTreeRows(units).filter((row) => row.unit.active || row.unit.id === member?.unitId),
    [units, member?.unitId],
  );

  const toggleRole = (role: StaffRole, on: boolean) =>
    setDraft((current) => ({
      ...current,
      roles: on ? [...current.roles, role] : current.roles.filter((r) => r !== role),
    }));

  const rolesError = errorFor('roles');
  return (
    <FormDialog
      title={member ? t('settings.staff.editTitle') : t('settings.staff.addTitle')}
      onClose={onClose}
      {...dialog}
    >
      <Stack direction="row" spacing={2}>
        <TextField
          label={t('settings.staff.name')}
          value={draft.name}
          onChange={(e) => setDraft({ ...draft, name: e.target.value })}
          error={Boolean(errorFor('name'))}
          helperText={errorFor('name')}
          required
          autoFocus
          sx={{ flex: 1 }}
        />
        <TextField
          label={t('settings.staff.staffNo')}
          value={draft.staffNo}
          onChange={(e) => setDraft({ ...draft, staffNo: e.target.value })}
          error={Boolean(errorFor('staffNo'))}
          helperText={errorFor('staffNo') ?? t('settings.staff.staffNoHelp')}
          sx={{ flex: 1 }}
        />
      </Stack>
      <FormControl component="fieldset" error={Boolean(rolesError)}>
        <FormLabel component="legend">{t('settings.staff.roles')}</FormLabel>
        <FormGroup row>
          {STAFF_ROLES.map((role) => (
            <FormControlLabel
              key={role}
              control={
                <Checkbox
                  checked={draft.roles.includes(role)}
                  onChange={(e) => toggleRole(role, e.target.checked)}
                />
              }
              label={t(`settings.roles.${role}`)}
            />
          ))}
        </FormGroup>
        {rolesError ? <FormHelperText>{rolesError}</FormHelperText> : null}
      </FormControl>
      <UnitTreeSelect
        label={t('settings.staff.unit')}
        value={draft.unitId}
        onChange={(unitId) => setDraft({ ...draft, unitId })}
        noneLabel={t('settings.staff.unitNone')}
        rows={unitRows}
        error={errorFor('unitId')}
      />
    </FormDialog>
  );
}
