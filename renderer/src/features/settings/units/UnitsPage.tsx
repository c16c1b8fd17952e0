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
  Typography,
} from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UnitEntity } from '../../../../../shared/entities';
import { unitTreeRows } from '../../../../../shared/units';
import { ChangeRefusedError } from '../../../db/repos/refused';
import { unitList, unitUpdate, type UnitRefusal } from '../../../db/repos/units';
import { useDeskServices } from '../../../app/services';
import { useErrorMessage } from '../../../app/useErrorMessage';
import { SettingsHeader } from '../SettingsHeader';
import { useAuditedBy, useCanEditSettings } from '../useAuditedBy';
import { UnitDialog, type UnitDialogMode } from './UnitDialog';

/** Handling units (承办单位): the tree, with add, rename, move, phone and (de)activation. */
export function UnitsPage() {
  const { t } = useTranslation();
  const { db } = useDeskServices();
  const auditedBy = useAuditedBy();
  const errorMessage = useErrorMessage();
  const canEdit = useCanEditSettings();
  const units = useLiveQuery(() => unitList(db), [db]);
  const rows = useMemo(() => unitTreeRows(units ?? []), [units]);
  const [dialog, setDialog] = useState<UnitDialogMode | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const setActive = async (unit: UnitEntity, active: boolean) => {
    setNotice(null);
    try {
      await unitUpdate(db, unit.id, { active }, auditedBy());
    } catch (error) {
      if (error instanceof ChangeRefusedError) {
        const [first] = (error as ChangeRefusedError<UnitRefusal>).problems;
        setNotice(
          first && !('field' in first)
            ? t(`settings.units.refusals.${first.code}`, { name: unit.name })
            : t('settings.failed', { reason: errorMessage(error) }),
        );
      } else {
        setNotice(t('settings.failed', { reason: errorMessage(error) }));
      }
    }
  };

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
      <Box aria-live="polite">
        {notice ? (
          <Alert severity="warning" sx={{ mb: 2 }} onClose={() => setNotice(null)}>
            {notice}
          </Alert>
        ) : null}
      </Box>
      {rows.length === 0 ? (
        <Typography color="text.secondary">{t('settings.units.empty')}</Typography>
      ) : (
        <Paper>
          <Table size="small" aria-label={t('settings.units.tableLabel')}>
            <TableHead>
              <TableRow>
                <TableCell>{t('settings.units.name')}</TableCell>
                <TableCell>{t('settings.units.parent')}</TableCell>
                <TableCell>{t('settings.units.phone')}</TableCell>
                <TableCell>{t('settings.units.status')}</TableCell>
                {canEdit ? <TableCell>{t('settings.actions')}</TableCell> : null}
              </TableRow>
            </TableHead>
            <TableBody>
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
                  {canEdit ? (
                    <TableCell>
                      <Stack
                        direction="row"
                        spacing={1}
                        role="group"
                        aria-label={t('settings.units.actionsFor', { name: unit.name })}
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
                        <Button
                          size="small"
                          color={unit.active ? 'warning' : 'primary'}
                          onClick={() => void setActive(unit, !unit.active)}
                        >
                          {unit.active
                            ? t('settings.units.deactivate')
                            : t('settings.units.reactivate')}
                        </Button>
                      </Stack>
                    </TableCell>
                  ) : null}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Paper>
      )}
      {dialog ? <UnitDialog mode={dialog} units={units} onClose={() => setDialog(null)} /> : null}
    </Box>
  );
}
