import { Button, Stack, TableCell } from '@mui/material';
import type { ReactNode } from 'react';
import { useCanEditSettings } from './useCanEditSettings';

export interface SettingsRowActionsProps {
  /** The group's accessible name, e.g. "王丽 的操作". */
  readonly label: string;
  /** Whether the record is in use: its switch then disables it, otherwise re-enables it. */
  readonly active: boolean;
  /** The switch's words ("停用" / "启用"). */
  readonly switchLabel: string;
  readonly onSwitch: () => void;
  /** The buttons before the switch (edit, add below ...). */
  readonly children: ReactNode;
}

/** The last cell of a settings row, for those who may edit: its actions, then the on/off switch. */
export function SettingsRowActions(props: Readonly<SettingsRowActionsProps>) {
  const { label, active, switchLabel, onSwitch, children } = props;
  const canEdit = useCanEditSettings();
  if (!canEdit) return null;
  return (
    <TableCell>
      <Stack direction="row" spacing={1} role="group" aria-label={label}>
        {children}
        <Button size="small" color={active ? 'warning' : 'primary'} onClick={onSwitch}>
          {switchLabel}
        </Button>
      </Stack>
    </TableCell>
  );
}
