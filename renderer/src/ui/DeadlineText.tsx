import { Box, Tooltip } from '@mui/material';
import WarningAmberIcon from '@mui/icons-material/WarningAmber';
import { useTranslation } from 'react-i18next';
import type { CaseDeadline } from '../../../shared/entities';
import { deadlineRemaining, deadlineState } from '../../../shared/calendar/deadline';
import { useDeskState } from '../app/desk-state';
import { useDeskServices } from '../app/services';
import { formatDateTime } from '../app/format';

export interface DeadlineTextProps {
  readonly deadline: Pick<CaseDeadline, 'dueAt' | 'warning' | 'warningYears'> | undefined;
  /** Show the working time left and colour due-soon and overdue deadlines. */
  readonly showRemaining?: boolean;
  readonly exempt?: boolean;
  readonly open?: boolean;
}

/** A deadline as clerks read it: the local due time, what is left, and any calendar warning. */
export function DeadlineText({
  deadline,
  showRemaining = false,
  exempt = false,
  open = true,
}: Readonly<DeadlineTextProps>) {
  const { t } = useTranslation();
  const { deadlineContext } = useDeskState();
  const { now } = useDeskServices();
  if (!deadline) return <>{t('deadline.none')}</>;

  const due = formatDateTime(deadline.dueAt, deadlineContext.timeZone);
  const warning =
    deadline.warning === 'noCalendarData' ? (
      <Tooltip
        title={t('deadline.noCalendarData', { years: (deadline.warningYears ?? []).join('、') })}
      >
        <WarningAmberIcon
          fontSize="small"
          color="warning"
          role="img"
          aria-label={t('deadline.noCalendarData', {
            years: (deadline.warningYears ?? []).join('、'),
          })}
          sx={{ verticalAlign: 'text-bottom', ml: 0.5 }}
        />
      </Tooltip>
    ) : null;
  if (!showRemaining || !open) {
    return (
      <Box component="span">
        {due}
        {warning}
      </Box>
    );
  }

  const at = now();
  const state = deadlineState(deadline, at, deadlineContext, { exempt });
  const remaining = deadlineRemaining(deadline.dueAt, at, deadlineContext);
  const color =
    state === 'overdue' ? 'error.main' : state === 'dueSoon' ? 'warning.dark' : 'text.primary';
  const detail =
    state === 'exempt'
      ? t('deadline.exempt')
      : state === 'overdue'
        ? t('deadline.overdue')
        : remaining.workingDays >= 1
          ? t('deadline.remainingDays', { count: remaining.workingDays })
          : t('deadline.remainingHours', {
              hours: Math.max(0, Math.round(remaining.workingMinutes / 6) / 10),
            });
  return (
    <Box component="span" sx={{ color, fontWeight: state === 'overdue' ? 700 : undefined }}>
      {due}
      {warning}
      <Box component="span" sx={{ display: 'block', fontSize: '0.8em' }}>
        {detail}
      </Box>
    </Box>
  );
}
