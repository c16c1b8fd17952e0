import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Stack,
  TextField,
} from '@mui/material';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { UnitId } from '../../../../../shared/brand';
import type { UnitEntity } from '../../../../../shared/entities';
import {
  unitCheck,
  unitDescendantIds,
  unitTreeRows,
  type UnitDraft,
  type UnitError,
  type UnitField,
} from '../../../../../shared/units';
import { ChangeRefusedError } from '../../../db/repos/refused';
import { unitAdd, unitUpdate, type UnitRefusal } from '../../../db/repos/units';
import { useDeskServices } from '../../../app/services';
import { useErrorMessage } from '../../../app/useErrorMessage';
import { useAuditedBy } from '../useAuditedBy';

export type UnitDialogMode =
  | { readonly type: 'add'; readonly parentId: UnitId | '' }
  | { readonly type: 'edit'; readonly unit: UnitEntity };

export interface UnitDialogProps {
  readonly mode: UnitDialogMode;
  readonly units: readonly UnitEntity[];
  readonly onClose: () => void;
}

function initialDraft(mode: UnitDialogMode): UnitDraft {
  return mode.type === 'add'
    ? { name: '', parentId: mode.parentId, phone: '' }
    : { name: mode.unit.name, parentId: mode.unit.parentId ?? '', phone: mode.unit.phone ?? '' };
}

/** Adds a unit under a parent, or renames, moves or re-numbers one. */
export function UnitDialog({ mode, units, onClose }: Readonly<UnitDialogProps>) {
  const { t } = useTranslation();
  const { db } = useDeskServices();
  const auditedBy = useAuditedBy();
  const errorMessage = useErrorMessage();
  const [draft, setDraft] = useState<UnitDraft>(() => initialDraft(mode));
  const [errors, setErrors] = useState<readonly UnitError[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const editedId = mode.type === 'edit' ? mode.unit.id : undefined;

  // A unit can go under any active unit (or stay where it is) but not under itself or below.
  const parents = useMemo(() => {
    const below = editedId ? unitDescendantIds(units, editedId) : new Set<UnitId>();
    return unitTreeRows(units).filter(
      (row) =>
        row.unit.id !== editedId &&
        !below.has(row.unit.id) &&
        (row.unit.active || row.unit.id === draft.parentId),
    );
  }, [units, editedId, draft.parentId]);

  const errorFor = (field: UnitField) => {
    const error = errors.find((e) => e.field === field);
    return error ? t(`settings.units.errors.${error.code}`, { max: error.max }) : undefined;
  };
  const set = (field: UnitField) => (value: string) =>
    setDraft((current) => ({ ...current, [field]: value }));

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const found = unitCheck(draft, units, editedId);
    setErrors(found);
    setFailure(null);
    if (found.length > 0) return;
    setSaving(true);
    try {
      const parentId = draft.parentId === '' ? undefined : draft.parentId;
      if (mode.type === 'add') {
        await unitAdd(db, { name: draft.name, parentId, phone: draft.phone }, auditedBy());
      } else {
        const before = initialDraft(mode);
        const changes = {
          ...(draft.name.trim() !== before.name ? { name: draft.name } : {}),
          ...(draft.parentId !== before.parentId ? { parentId } : {}),
          ...(draft.phone.trim() !== before.phone ? { phone: draft.phone } : {}),
        };
        if (Object.keys(changes).length > 0) {
          await unitUpdate(db, mode.unit.id, changes, auditedBy());
        }
      }
      onClose();
    } catch (error) {
      if (error instanceof ChangeRefusedError) {
        const problems = (error as ChangeRefusedError<UnitRefusal>).problems;
        setErrors(problems.filter((p): p is UnitError => 'field' in p));
      } else {
        setFailure(t('settings.failed', { reason: errorMessage(error) }));
      }
      setSaving(false);
    }
  };

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm">
      <form onSubmit={save} noValidate>
        <DialogTitle>
          {mode.type === 'add' ? t('settings.units.addTitle') : t('settings.units.editTitle')}
        </DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            <TextField
              label={t('settings.units.name')}
              value={draft.name}
              onChange={(e) => set('name')(e.target.value)}
              error={Boolean(errorFor('name'))}
              helperText={errorFor('name')}
              required
              autoFocus
            />
            <TextField
              select
              label={t('settings.units.parent')}
              value={draft.parentId}
              onChange={(e) => set('parentId')(e.target.value)}
              error={Boolean(errorFor('parentId'))}
              helperText={errorFor('parentId')}
              slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
            >
              <option value="">{t('settings.units.parentNone')}</option>
              {parents.map((row) => (
                <option key={row.unit.id} value={row.unit.id}>
                  {row.path.join(' / ')}
                </option>
              ))}
            </TextField>
            <TextField
              label={t('settings.units.phone')}
              value={draft.phone}
              onChange={(e) => set('phone')(e.target.value)}
              error={Boolean(errorFor('phone'))}
              helperText={errorFor('phone')}
              inputMode="tel"
            />
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
