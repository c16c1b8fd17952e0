import PrintIcon from '@mui/icons-material/Print';
import { Box, Button } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { printDispatchFormOf, printFormsOf } from '@shared/paper/forms';
import { useDeskState } from '../../desk/desk-state';
import { printPath } from './print-route';

/**
 * The register's print buttons: the register itself (for the current report period, changed in
 * the preview), the day's dispatch sheets and the day's follow-up sheet.
 */
export function RegisterPrintButtons() {
  const { t } = useTranslation();
  const { rules } = useDeskState();
  const forms = printFormsOf(rules.presetId);
  return (
    <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
      <Button component={RouterLink} to={printPath('register')} startIcon={<PrintIcon />}>
        {t('print.buttons.register')}
      </Button>
      <Button component={RouterLink} to={printPath(printDispatchFormOf(rules.presetId))}>
        {t('print.buttons.dispatchDay')}
      </Button>
      {forms.includes('monthlyReport') ? (
        <Button component={RouterLink} to={printPath('monthlyReport')}>
          {t('print.buttons.monthlyReport')}
        </Button>
      ) : null}
      {forms.includes('followUpSheet') ? (
        <Button component={RouterLink} to={printPath('followUpSheet')}>
          {t('print.buttons.followUpSheet')}
        </Button>
      ) : null}
    </Box>
  );
}
