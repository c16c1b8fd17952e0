import { Box, Button, Chip, TableCell, TableRow, Typography } from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UnitEntity } from '@shared/model/entities';
import { unitTreeRows } from '@shared/organisation/units';
import { unitList, unitUpdate } from '../../../db/repos/units';
import { useDeskSession } from '../../../desk/desk-session';
import { useDeskServices } from '../../../desk/services';
import { SettingsHeader } from '../SettingsHeader';
import { SettingsNotice } from '../SettingsNotice';
import { SettingsRowActions } from '../SettingsRowActions';
import { SettingsTable } from '../SettingsTable';
import { useActiveSwitch } from '../useActiveSwitch';
import { UnitDialog, type UnitDialogMode } from './UnitDialog';

/** Handling units (承办单位): the tree, with add, rename, move, phone and (de)activation. */
export function UnitsPage() {
  const { t } = useTranslation();
  const { db } = useDeskServices();
  const session = useDeskSession();
  const units = useLiveQuery(() => unitList(db), [db]);
  const rows = useMemo(() => unitTreeRows(units ?? []), [units]);
  const [dialog, setDialog] = useState<UnitDialogMode | null>(null);
  const { notice, dismissNotice, setActive } = useActiveSwitch(
    (unit: UnitEntity, active) => unitUpdate(session, unit.id, { active }),
    'settings.units.refusals',
  );

  if (units === undefined) return null;
  return (
    <Box sx={{ maxWidth: 1100 }}>
      <SettingsHeader
        title={t('settings.units.title')}
        intro={t('settings.units.intro')}
        actions={
          <Button variant="contained" onClick={() => setDialog({ type: 'add', parentId: '' })}>
            {t('settings.units.add')}
          </Button>
        }
      />
      <SettingsNotice notice={notice} onClose={dismissNotice} />
      {rows.length === 0 ? (
        <Typography color="text.secondary">{t('settings.units.empty')}</Typography>
      ) : (
        <SettingsTable
          label={t('settings.units.tableLabel')}
          columns={[
            t('settings.units.name'),
            t('settings.units.parent'),
            t('settings.units.phone'),
            t('settings.units.status'),
          ]}
        >
          {rows.map(({ unit, depth, path }) => (
            <TableRow key={unit.id} hover>
              <TableCell
                sx={{
                  pl: 2 + depth * 3,
                  fontWeight: depth === 0 ? 600 : 400,
                  color: unit.active ? 'text.primary' : 'text.disabled',
                }}
              >
                {depth > 0 ? (
                  <Box component="span" aria-hidden sx={{ color: 'text.disabled', mr: 0.5 }}>
                    └
                  </Box>
                ) : null}
                {unit.name}
              </TableCell>
              <TableCell>
                {path.length > 1 ? path.slice(0, -1).join(' / ') : t('settings.units.topLevel')}
              </TableCell>
              <TableCell>{unit.phone ?? ''}</TableCell>
              <TableCell>
                <Chip
                  size="small"
                  label={unit.active ? t('settings.active') : t('settings.inactive')}
                  color={unit.active ? 'success' : 'default'}
                  variant="outlined"
                />
              </TableCell>
              <SettingsRowActions
                label={t('settings.units.actionsFor', { name: unit.name })}
                active={unit.active}
                switchLabel={
                  unit.active ? t('settings.units.deactivate') : t('settings.units.reactivate')
                }
                onSwitch={() => void setActive(unit, !unit.active)}
              >
                {unit.active ? (
                  <Button
                    size="small"
                    onClick={() => setDialog({ type: 'add', parentId: unit.id })}
                  >
                    {t('settings.units.addChild')}
                  </Button>
                ) : null}
                <Button size="small" onClick={() => setDialog({ type: 'edit', unit })}>
                  {t('settings.units.edit')}
                </Button>
              </SettingsRowActions>
            </TableRow>
          ))}
        </SettingsTable>
      )}
      {dialog ? <UnitDialog mode={dialog} units={units} onClose={() => setDialog(null)} /> : null}
    </Box>
  );
}
