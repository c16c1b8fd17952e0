import {
  Alert,
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControl,
  FormControlLabel,
  FormGroup,
  FormHelperText,
  FormLabel,
  Stack,
  TextField,
} from '@mui/material';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  STAFF_ROLES,
  type StaffEntity,
  type StaffRole,
  type UnitEntity,
} from '../../../../../shared/entities';
import {
  staffCheck,
  type StaffDraft,
  type StaffError,
  type StaffField,
} from '../../../../../shared/staff';
import { unitTreeRows } from '../../../../../shared/units';
import { ChangeRefusedError } from '../../../db/repos/refused';
import { staffAdd, staffUpdate, type StaffRefusal } from '../../../db/repos/staff';
import { useDeskServices } from '../../../app/services';
import { useErrorMessage } from '../../../app/useErrorMessage';
import { useAuditedBy } from '../useAuditedBy';

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
  const { db } = useDeskServices();
  const auditedBy = useAuditedBy();
  const errorMessage = useErrorMessage();
  const [draft, setDraft] = useState<StaffDraft>(() => initialDraft(member));
  const [errors, setErrors] = useState<readonly StaffError[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  // Active units, and the operator's own unit even if it has since been deactivated.
  const unitRows = useMemo(
    () => unitTreeRows(units).filter((row) => row.unit.active || row.unit.id === member?.unitId),
    [units, member?.unitId],
  );

  const errorFor = (field: StaffField) => {
    const error = errors.find((e) => e.field === field);
    return error ? t(`settings.staff.errors.${error.code}`, { max: error.max }) : undefined;
  };
  const toggleRole = (role: StaffRole, on: boolean) =>
    setDraft((current) => ({
      ...current,
      roles: on ? [...current.roles, role] : current.roles.filter((r) => r !== role),
    }));

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const found = staffCheck(draft, staff, units, member?.id);
    setErrors(found);
    setFailure(null);
    if (found.length > 0) return;
    setSaving(true);
    try {
      const input = {
        name: draft.name,
        staffNo: draft.staffNo,
        roles: draft.roles,
        unitId: draft.unitId === '' ? undefined : draft.unitId,
      };
      if (member) await staffUpdate(db, member.id, input, auditedBy());
      else await staffAdd(db, input, auditedBy());
      onClose();
    } catch (error) {
      if (error instanceof ChangeRefusedError) {
        const problems = (error as ChangeRefusedError<StaffRefusal>).problems;
        setErrors(problems.filter((p): p is StaffError => 'field' in p));
      } else {
        setFailure(t('settings.failed', { reason: errorMessage(error) }));
      }
      setSaving(false);
    }
  };

  const rolesError = errorFor('roles');
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm">
      <form onSubmit={save} noValidate>
        <DialogTitle>
          {member ? t('settings.staff.editTitle') : t('settings.staff.addTitle')}
        </DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
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
            <TextField
              select
              label={t('settings.staff.unit')}
              value={draft.unitId}
              onChange={(e) =>
                setDraft({ ...draft, unitId: e.target.value as StaffDraft['unitId'] })
              }
              error={Boolean(errorFor('unitId'))}
              helperText={errorFor('unitId')}
              slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
            >
              <option value="">{t('settings.staff.unitNone')}</option>
              {unitRows.map((row) => (
                <option key={row.unit.id} value={row.unit.id}>
                  {row.path.join(' / ')}
                </option>
              ))}
            </TextField>
            {failure ? <Alert severity="error">{failure}</Alert> : null}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{t('settings.cancel')}</Button>
          <Button type="submit" variant="contained" disabled={saving}>
            {saving ? t('settings.saving') : t('settings.save')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
