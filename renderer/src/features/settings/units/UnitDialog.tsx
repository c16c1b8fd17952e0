import { MenuItem, TextField } from '@mui/material';
import { useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import type { UnitId } from '@shared/kernel/brand';
import type { UnitEntity } from '@shared/model/entities';
import {
  unitCheck,
  unitDescendantIds,
  unitTreeRows,
  type UnitDraft,
  type UnitField,
} from '@shared/organisation/units';
import { unitAdd, unitUpdate } from '../../../db/repos/units';
import { useDeskSession } from '../../../desk/desk-session';
import { syncSettingsGet } from '../../../db/repos/sync';
import { UnitTreeSelect } from '../UnitTreeSelect';
import { useSettingsForm } from '../useSettingsForm';
import { FormDialog } from '../../../ui/FormDialog';

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
  const session = useDeskSession();
  const editedId = mode.type === 'edit' ? mode.unit.id : undefined;
  // Which desk serves the unit (sync): chosen from the desks the server listed; '' is this desk.
  const sync = useLiveQuery(() => syncSettingsGet(session.db), [session.db]);
  const initialDeskCode = mode.type === 'edit' ? (mode.unit.deskCode ?? '') : '';
  const [deskCode, setDeskCode] = useState(initialDeskCode);
  const otherDesks = (sync?.desks ?? []).filter((d) => d.code !== sync?.desk?.code);
  const { draft, setDraft, errorFor, dialog } = useSettingsForm({
    initial: () => initialDraft(mode),
    check: (checked) => unitCheck(checked, units, editedId),
    write: async (checked) => {
      const parentId = checked.parentId === '' ? undefined : checked.parentId;
      if (mode.type === 'add') {
        await unitAdd(session, {
          name: checked.name,
          parentId,
          phone: checked.phone,
          ...(deskCode ? { deskCode } : {}),
        });
      } else {
        const before = initialDraft(mode);
        const changes = {
          ...(checked.name.trim() !== before.name ? { name: checked.name } : {}),
          ...(checked.parentId !== before.parentId ? { parentId } : {}),
          ...(checked.phone.trim() !== before.phone ? { phone: checked.phone } : {}),
          ...(deskCode !== initialDeskCode ? { deskCode } : {}),
        };
        if (Object.keys(changes).length > 0) {
          await unitUpdate(session, mode.unit.id, changes);
        }
      }
    },
    errorsKey: 'settings.units.errors',
    onSaved: onClose,
  });

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

  const set = (field: UnitField) => (value: string) =>
    setDraft((current) => ({ ...current, [field]: value }));

  return (
    <FormDialog
      title={mode.type === 'add' ? t('settings.units.addTitle') : t('settings.units.editTitle')}
      onClose={onClose}
      {...dialog}
    >
      <TextField
        label={t('settings.units.name')}
        value={draft.name}
        onChange={(e) => set('name')(e.target.value)}
        error={Boolean(errorFor('name'))}
        helperText={errorFor('name')}
        required
        autoFocus
      />
      <UnitTreeSelect
        label={t('settings.units.parent')}
        value={draft.parentId}
        onChange={set('parentId')}
        noneLabel={t('settings.units.parentNone')}
        rows={parents}
        error={errorFor('parentId')}
      />
      <TextField
        label={t('settings.units.phone')}
        value={draft.phone}
        onChange={(e) => set('phone')(e.target.value)}
        error={Boolean(errorFor('phone'))}
        helperText={errorFor('phone')}
        inputMode="tel"
      />
      {otherDesks.length > 0 || initialDeskCode !== '' ? (
        <TextField
          select
          label={t('sync.unitDesk')}
          value={deskCode}
          onChange={(e) => setDeskCode(e.target.value)}
          helperText={t('sync.unitDeskHelp')}
        >
          <MenuItem value="">{t('sync.unitDeskOwn')}</MenuItem>
          {otherDesks.map((d) => (
            <MenuItem key={d.code} value={d.code}>
              {d.code} {d.name}
            </MenuItem>
          ))}
          {initialDeskCode !== '' && !otherDesks.some((d) => d.code === initialDeskCode) ? (
            <MenuItem value={initialDeskCode}>{initialDeskCode}</MenuItem>
          ) : null}
        </TextField>
      ) : null}
    </FormDialog>
  );
}
