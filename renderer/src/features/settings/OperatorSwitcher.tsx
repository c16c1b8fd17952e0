import ArrowDropDownIcon from '@mui/icons-material/ArrowDropDown';
import {
  Alert,
  Button,
  ListItemText,
  ListSubheader,
  Menu,
  MenuItem,
  Snackbar,
} from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffEntity } from '@shared/model/entities';
import { operatorSwitch, staffActive } from '../../db/repos/staff';
import { useDeskSession } from '../../desk/desk-session';
import { useDeskState } from '../../desk/desk-state';
import { useDeskServices } from '../../desk/services';
import { useErrorMessage } from '../../desk/useErrorMessage';

/**
 * The operator at the keyboard, in the app bar: a button with their name that opens the list of
 * active staff to choose who is acting now (settings key `currentOperatorId`).
 */
export function OperatorSwitcher() {
  const { t } = useTranslation();
  const { operator } = useDeskState();
  const { db } = useDeskServices();
  const session = useDeskSession();
  const errorMessage = useErrorMessage();
  const menuId = useId();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  // Read only while the menu is open: the list is not needed otherwise.
  const staff = useLiveQuery(() => (anchor ? staffActive(db) : []), [db, anchor]);

  const choose = async (member: StaffEntity) => {
    setAnchor(null);
    if (member.id === operator.id) return;
    try {
      await operatorSwitch(session, member.id);
    } catch (error) {
      setFailure(t('settings.operator.failed', { reason: errorMessage(error) }));
    }
  };

  return (
    <>
      <Button
        color="inherit"
        endIcon={<ArrowDropDownIcon />}
        aria-haspopup="menu"
        aria-controls={anchor ? menuId : undefined}
        aria-expanded={anchor ? 'true' : undefined}
        onClick={(event) => setAnchor(event.currentTarget)}
        sx={{ textTransform: 'none' }}
      >
        {t('app.operator', { name: operator.name })}
      </Button>
      <Menu
        id={menuId}
        anchorEl={anchor}
        open={anchor !== null}
        onClose={() => setAnchor(null)}
        slotProps={{ list: { 'aria-label': t('settings.operator.menuLabel'), dense: true } }}
      >
        <ListSubheader>{t('settings.operator.hint')}</ListSubheader>
        {(staff ?? []).map((member) => (
          <MenuItem
            key={member.id}
            selected={member.id === operator.id}
            onClick={() => void choose(member)}
          >
            <ListItemText
              primary={member.staffNo ? `${member.name}（${member.staffNo}）` : member.name}
              secondary={member.roles.map((role) => t(`settings.roles.${role}`)).join('、')}
            />
          </MenuItem>
        ))}
      </Menu>
      <Snackbar open={failure !== null} onClose={() => setFailure(null)} autoHideDuration={8000}>
        <Alert severity="error" onClose={() => setFailure(null)}>
          {failure}
        </Alert>
      </Snackbar>
    </>
  );
}
