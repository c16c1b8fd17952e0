import { isolateBidi } from '@shared/kernel/bidi';
import { Box, List, ListItem, ListItemText, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { caseIsMasked } from '@shared/access/mask';
import { useDeskState } from '../../desk/desk-state';
import { formatDateTime } from '../../vocabulary/format';
import type { IntakeFile } from './useIntakeLookups';

/** Cases listed per file in the side panel; the file page lists them all. */
const CASES_SHOWN = 5;

export interface IntakeCustomerFilesProps {
  readonly files: readonly IntakeFile[];
  /** Whether a phone or a room was typed (otherwise there is nothing to look up). */
  readonly searched: boolean;
}

/** The files of the caller (by phone or room): who they are and their cases, open first. */
export function IntakeCustomerFiles({ files, searched }: Readonly<IntakeCustomerFilesProps>) {
  const { t } = useTranslation();
  const { deadlineContext } = useDeskState();
  if (files.length === 0) {
    return searched ? (
      <Typography variant="body2" color="text.secondary">
        {t('intakeAside.noFile')}
      </Typography>
    ) : null;
  }
  return (
    <>
      {files.map(({ customer, cases }) => {
        const open = cases.filter((c) => c.status !== 'closed').length;
        return (
          <Box
            key={customer.id}
            component="section"
            aria-label={`${t('intakeAside.files')} ${isolateBidi(customer.name)}`}
            sx={{ mb: 1.5 }}
          >
            <Typography sx={{ fontWeight: 700 }}>
              {[customer.name, customer.address].filter(Boolean).map(isolateBidi).join(' · ')}
            </Typography>
            <Typography variant="body2" color="text.secondary">
              {customer.phones.map(isolateBidi).join('、')}
            </Typography>
            <Typography variant="body2">
              {cases.length === 0
                ? t('intakeAside.noCases')
                : t('intakeAside.fileCases', { total: cases.length, open })}
            </Typography>
            <List dense disablePadding>
              {cases.slice(0, CASES_SHOWN).map((item) => (
                <ListItem key={item.id} disableGutters sx={{ py: 0 }}>
                  <ListItemText
                    primary={`${item.number} · ${
                      !caseIsMasked(item) ? isolateBidi(item.subject) : t('intakeAside.masked')
                    }`}
                    secondary={`${formatDateTime(item.receivedAt, deadlineContext.timeZone)} · ${t(
                      `status.${item.status}`,
                    )}`}
                    slotProps={{
                      primary: {
                        variant: 'body2',
                        sx: { fontWeight: item.status !== 'closed' ? 600 : 400 },
                      },
                    }}
                  />
                </ListItem>
              ))}
            </List>
          </Box>
        );
      })}
    </>
  );
}
