import ArrowDropDownIcon from '@mui/icons-material/ArrowDropDown';
import {
  Alert,
  Button,
  Dialog,
  DialogContent,
  DialogContentText,
  DialogTitle,
  Menu,
  MenuItem,
  Snackbar,
} from '@mui/material';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDeskState } from '../../desk/desk-state';
import { useSignIn } from '../../desk/sign-in';
import { ChangePasswordDialog } from './ChangePasswordDialog';
import { SignInForm } from './SignInForm';

type Open = 'switch' | 'password' | null;

/**
 * The operator at the keyboard, in the app bar: switch operator (the other operator's password),
 * change one's password, lock the screen, sign out.
 */
export function AccountMenu() {
  const { t } = useTranslation();
  const { operator, calendar } = useDeskState();
  const signIn = useSignIn();
  const menuId = useId();
  const titleId = useId();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [open, setOpen] = useState<Open>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const choose = (what: 'switch' | 'password' | 'lock' | 'signOut') => {
    setAnchor(null);
    if (what === 'lock') signIn.signOut('idle');
    else if (what === 'signOut') signIn.signOut('signedOut');
    else setOpen(what);
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
        {t('accounts.menu.button', { name: operator.name })}
      </Button>
      <Menu
        id={menuId}
        anchorEl={anchor}
        open={anchor !== null}
        onClose={() => setAnchor(null)}
        slotProps={{ list: { 'aria-label': t('accounts.menu.label'), dense: true } }}
      >
        <MenuItem onClick={() => choose('switch')}>{t('accounts.menu.switch')}</MenuItem>
        <MenuItem onClick={() => choose('password')}>{t('accounts.menu.changePassword')}</MenuItem>
        <MenuItem onClick={() => choose('lock')}>{t('accounts.menu.lock')}</MenuItem>
        <MenuItem onClick={() => choose('signOut')}>{t('accounts.menu.signOut')}</MenuItem>
      </Menu>
      <Dialog
        open={open === 'switch'}
        onClose={() => setOpen(null)}
        aria-labelledby={titleId}
        maxWidth="xs"
        fullWidth
      >
        <DialogTitle id={titleId}>{t('accounts.switch.title')}</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>{t('accounts.switch.intro')}</DialogContentText>
          {open === 'switch' ? (
            <SignInForm
              timeZone={calendar.timeZone}
              submitLabel={t('accounts.switch.submit')}
              onSignedIn={(next) => {
                setOpen(null);
                signIn.signIn(next.id);
                setNotice(t('accounts.switch.done', { name: next.name }));
              }}
              actions={<Button onClick={() => setOpen(null)}>{t('accounts.cancel')}</Button>}
            />
          ) : null}
        </DialogContent>
      </Dialog>
      {open === 'password' ? (
        <ChangePasswordDialog
          onClose={(changed) => {
            setOpen(null);
            if (changed) setNotice(t('accounts.password.changed'));
          }}
        />
      ) : null}
      <Snackbar open={notice !== null} onClose={() => setNotice(null)} autoHideDuration={6000}>
        <Alert severity="success" onClose={() => setNotice(null)}>
          {notice}
        </Alert>
      </Snackbar>
    </>
  );
}
