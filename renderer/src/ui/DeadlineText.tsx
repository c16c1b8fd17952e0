import { Box, Chip, Tooltip } from '@mui/material';
import WarningAmberIcon from '@mui/icons-material/WarningAmber';
import { useTranslation } from 'react-i18next';
import type { CaseDeadline } from '@shared/model/entities';
import { deadlineRemaining } from '@shared/calendar/deadline';
import { caseDeadlineState } from '@shared/register/queues';
import type { DeadlineKind, DeadlineStanding } from '@shared/register/standing';
import { useDeskState } from '../desk/desk-state';
import { useDeskServices } from '../desk/services';
import { formatDateTime } from '../vocabulary/format';
import { standingStateText, standingText } from '../vocabulary/standing';

export interface DeadlineTextProps {
  readonly deadline: Pick<CaseDeadline, 'dueAt' | 'warning' | 'warningYears'> | undefined;
  /** Show the working time left and colour due-soon and overdue deadlines. */
  readonly showRemaining?: boolean;
  readonly exempt?: boolean;
  /** Why the case is exempt (不受时限限制), shown with it. */
  readonly exemptReason?: string;
  readonly open?: boolean;
  /** Keep everything on one line (in a sentence) instead of the due time above the rest. */
  readonly inline?: boolean;
  /**
   * Where the case stands (`deadlineStanding`): when given it decides the state, so a deadline
   * met on time is never shown as overdue later. `CaseDeadlineText` passes it.
   */
  readonly standing?: DeadlineStanding;
  /** Which deadline it is, for the words of the state (派单超时, 按时回复 ...). */
  readonly kind?: DeadlineKind;
}

/** Working hours to one decimal place, for "2.5 working hours left". */
function hoursOf(minutes: number): number {
  return Math.max(0, Math.round(minutes / 6) / 10);
}

/**
 * A deadline as clerks read it: the local due time, what is left (or how late it is), a marker
 * when it is due within one working day or overdue, exemption, and the warning of a deadline
 * counted into a year without official holiday data (DOMAIN.md section 3).
 */
export function DeadlineText({
  deadline,
  showRemaining = false,
  exempt = false,
  exemptReason,
  open = true,
  inline = false,
  standing,
  kind = 'handling',
}: Readonly<DeadlineTextProps>) {
  const { t, i18n } = useTranslation();
  const { deadlineContext } = useDeskState();
  const { now } = useDeskServices();
  if (!deadline) return <>{t('deadline.none')}</>;

  const due = formatDateTime(deadline.dueAt, deadlineContext.timeZone);
  const warningText = t('deadline.noCalendarData', {
    years: (deadline.warningYears ?? []).join('、'),
  });
  const warning =
    deadline.warning === 'noCalendarData' ? (
      <Tooltip title={warningText}>
        <WarningAmberIcon
          fontSize="small"
          color="warning"
          // An image named by the warning: SvgIcon hides icons from assistive technology
          // unless told otherwise (titleAccess would add a second, native tooltip).
          aria-hidden={false}
          role="img"
          aria-label={warningText}
          sx={{ verticalAlign: 'text-bottom', ml: 0.5 }}
        />
      </Tooltip>
    ) : null;
  const locale = i18n.language === 'en' ? 'en' : 'zh-CN';
  const at = now();
  if (standing && (standing.state === 'metInTime' || standing.state === 'metLate')) {
    const late = standing.state === 'metLate';
    return (
      <Box
        component="span"
        data-deadline-state={standing.state}
        data-deadline-kind={kind}
        sx={{ color: late ? 'error.main' : 'success.dark' }}
      >
        {due}
        {warning}
        <Box
          component="span"
          sx={inline ? { ml: 1, fontSize: '0.9em' } : { display: 'block', fontSize: '0.8em' }}
        >
          {standingText(standing, kind, at, deadlineContext, locale)}
        </Box>
      </Box>
    );
  }
  if (!showRemaining || !open || standing?.state === 'none') {
    return (
      <Box component="span">
        {due}
        {warning}
      </Box>
    );
  }

  const state = standing
    ? standing.state
    : caseDeadlineState(deadline, at, deadlineContext, { exempt });
  const remaining = deadlineRemaining(deadline.dueAt, at, deadlineContext);
  const hours = hoursOf(remaining.workingMinutes);
  let detail: string;
  switch (state) {
    case 'exempt':
      detail = exemptReason
        ? t('deadline.exemptWithReason', { reason: exemptReason })
        : t('deadline.exempt');
      break;
    case 'overdue':
      detail =
        remaining.workingDays >= 1
          ? t('deadline.overdueDays', { count: remaining.workingDays })
          : t('deadline.overdueHours', { hours });
      break;
    default:
      detail =
        remaining.workingDays >= 1
          ? t('deadline.remainingDays', { count: remaining.workingDays })
          : t('deadline.remainingHours', { hours });
  }
  const marker =
    state === 'overdue' ? (
      <Chip
        size="small"
        color="error"
        label={standing ? standingStateText(standing, kind, locale) : t('deadline.overdue')}
        sx={{ ml: 0.5, height: 20 }}
      />
    ) : state === 'dueSoon' ? (
      <Chip
        size="small"
        color="warning"
        label={t('deadline.dueSoon')}
        sx={{ ml: 0.5, height: 20 }}
      />
    ) : null;
  const color =
    state === 'overdue'
      ? 'error.main'
      : state === 'dueSoon'
        ? 'warning.dark'
        : state === 'exempt'
          ? 'text.secondary'
          : 'text.primary';
  return (
    <Box
      component="span"
      data-deadline-state={state}
      data-deadline-kind={kind}
      sx={{ color, fontWeight: state === 'overdue' ? 700 : undefined }}
    >
      {due}
      {warning}
      {marker}
      <Box
        component="span"
        sx={inline ? { ml: 1, fontSize: '0.9em' } : { display: 'block', fontSize: '0.8em' }}
      >
        {detail}
      </Box>
    </Box>
  );
}
