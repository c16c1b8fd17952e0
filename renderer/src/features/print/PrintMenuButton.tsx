import PrintIcon from '@mui/icons-material/Print';
import { Button, Menu, MenuItem } from '@mui/material';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { CaseId } from '@shared/kernel/brand';
import { printCaseFormsOf, printFormTitle } from '@shared/paper/forms';
import { rulesLabel } from '@shared/rules/rules-query';
import { useDeskState } from '../../desk/desk-state';
import { printPath } from './print-route';

export interface PrintMenuButtonProps {
  readonly caseId: CaseId;
}

/** 「打印」 on a case's page: the case forms of the desk's preset, each opening its preview. */
export function PrintMenuButton({ caseId }: PrintMenuButtonProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { rules, locale } = useDeskState();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const menuId = useId();
  return (
    <>
      <Button
        variant="outlined"
        startIcon={<PrintIcon />}
        aria-haspopup="menu"
        aria-controls={anchor ? menuId : undefined}
        aria-expanded={anchor ? 'true' : undefined}
        onClick={(event) => setAnchor(event.currentTarget)}
      >
        {t('print.menu')}
      </Button>
      <Menu
        id={menuId}
        anchorEl={anchor}
        open={anchor !== null}
        onClose={() => setAnchor(null)}
        slotProps={{ list: { 'aria-label': t('print.menuLabel') } }}
      >
        {printCaseFormsOf(rules.presetId).map((form) => (
          <MenuItem
            key={form}
            onClick={() => {
              setAnchor(null);
              void navigate(printPath(form, { caseIds: [caseId] }));
            }}
          >
            {rulesLabel(printFormTitle(rules, form), locale)}
          </MenuItem>
        ))}
      </Menu>
    </>
  );
}
