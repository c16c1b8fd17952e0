import { Paper, Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useCanEditSettings } from './useCanEditSettings';

export interface SettingsTableProps {
  /** The table's accessible name. */
  readonly label: string;
  /** The column headings; an actions column follows for those who may edit. */
  readonly columns: readonly string[];
  /** The rows, each ending with `SettingsRowActions`. */
  readonly children: ReactNode;
}

/** The list of a settings page (staff, units), one record a row. */
export function SettingsTable({ label, columns, children }: Readonly<SettingsTableProps>) {
  const { t } = useTranslation();
  const canEdit = useCanEditSettings();
  return (
    <Paper>
      <Table size="small" aria-label={label}>
        <TableHead>
          <TableRow>
            {columns.map((column) => (
              <TableCell key={column}>{column}</TableCell>
            ))}
            {canEdit ? <TableCell>{t('settings.actions')}</TableCell> : null}
          </TableRow>
        </TableHead>
        <TableBody>{children}</TableBody>
      </Table>
    </Paper>
  );
}
