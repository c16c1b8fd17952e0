import PersonSearchOutlined from '@mui/icons-material/PersonSearchOutlined';
import { Alert, Box, Button, Paper, Stack, Typography } from '@mui/material';
import { isolateBidi } from '@shared/kernel/bidi';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseId } from '@shared/kernel/brand';
import { DUPLICATE_WINDOW_DAYS_DEFAULT } from '@shared/intake/duplicates';
import type { CaseEntity } from '@shared/model/entities';
import { localDateTimeToInstant } from '@shared/kernel/time';
import type { IntakeDraft } from '@shared/workflow/intake';
import { useDeskState } from '../../desk/desk-state';
import { useDeskServices } from '../../desk/services';
import { IntakeCustomerFiles } from './IntakeCustomerFiles';
import { IntakeDuplicates } from './IntakeDuplicates';
import { useDebouncedValue } from './useDebouncedValue';
import { useIntakeLookups, type IntakeProbeText } from './useIntakeLookups';

/** Lookups wait for typing to pause this long. */
const LOOKUP_DEBOUNCE_MS = 350;

export interface IntakeAsideProps {
  readonly draft: IntakeDraft;
  /** The matter the new case joins when saved (a duplicate the clerk chose), if any. */
  readonly matterId: CaseId | undefined;
  readonly onMatterChange: (matterId: CaseId | undefined) => void;
}

/**
 * Beside the intake form while the clerk types: the caller's customer file (all their cases,
 * open ones first) and possible duplicates, any of which the new case can be linked to as one
 * matter when it is saved (DOMAIN.md section 2).
 */
export function IntakeAside({ draft, matterId, onMatterChange }: Readonly<IntakeAsideProps>) {
  const { t } = useTranslation();
  const { operator, deadlineContext } = useDeskState();
  const { now } = useDeskServices();
  const [chosen, setChosen] = useState<CaseEntity | undefined>();

  const typed = JSON.stringify([draft.phone, draft.address, draft.subject, draft.content]);
  const settled = useDebouncedValue(typed, LOOKUP_DEBOUNCE_MS);
  const probe = useMemo((): IntakeProbeText => {
    const [phone = '', address = '', subject = '', content = ''] = JSON.parse(settled) as string[];
    return { phone, address, subject, content };
  }, [settled]);
  const at = useMemo(
    () => localDateTimeToInstant(draft.receivedAtLocal, deadlineContext.timeZone) ?? now(),
    [draft.receivedAtLocal, deadlineContext.timeZone, now],
  );
  const lookups = useIntakeLookups(probe, at, operator);

  const searched = [probe.phone, probe.address, probe.subject].some((s) => s.trim() !== '');
  const choose = (item: CaseEntity | undefined) => {
    setChosen(item);
    onMatterChange(item?.matterId);
  };
  const shownChoice = matterId !== undefined && chosen?.matterId === matterId ? chosen : undefined;

  return (
    <Paper
      component="aside"
      aria-label={t('intakeAside.label')}
      sx={{
        p: 1.5,
        width: 290,
        // Beside the form and the aids below it (see the grid of IntakePage).
        gridRow: 'span 3',
        alignSelf: 'start',
        position: 'sticky',
        top: 72,
      }}
    >
      {shownChoice ? (
        <Alert severity="info" sx={{ mb: 2 }}>
          {t('intakeAside.chosen')}
          <Box sx={{ fontWeight: 700, my: 0.5 }}>
            <Box component="span" sx={{ whiteSpace: 'nowrap' }}>
              {shownChoice.number}
            </Box>{' '}
            · {isolateBidi(shownChoice.subject)}
          </Box>
          <Button color="inherit" size="small" onClick={() => choose(undefined)} sx={{ ml: -1 }}>
            {t('intakeAside.unlink')}
          </Button>
        </Alert>
      ) : null}
      {searched ? (
        <>
          <Typography variant="subtitle1" component="h2" sx={{ mb: 0.5 }}>
            {t('intakeAside.files')}
          </Typography>
          <IntakeCustomerFiles
            files={lookups?.files ?? []}
            searched={probe.phone.trim() !== '' || probe.address.trim() !== ''}
          />
          <Typography variant="subtitle1" component="h2" sx={{ mt: 2, mb: 0.5 }}>
            {t('intakeAside.duplicates')}
          </Typography>
          <IntakeDuplicates
            duplicates={lookups?.duplicates ?? []}
            windowDays={lookups?.windowDays ?? DUPLICATE_WINDOW_DAYS_DEFAULT}
            searched={lookups !== undefined}
            matterId={matterId}
            onChoose={choose}
          />
        </>
      ) : (
        // Nothing typed yet: one calm sentence of what will show here, no empty headings.
        <Stack spacing={1} sx={{ alignItems: 'center', textAlign: 'center', py: 3, px: 1 }}>
          <PersonSearchOutlined color="disabled" fontSize="large" aria-hidden />
          <Typography variant="body2" color="text.secondary">
            {t('intakeAside.hint')}
          </Typography>
        </Stack>
      )}
    </Paper>
  );
}
