import { Box, Button, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { IsoInstant } from '@shared/kernel/brand';
import type { FollowUpUnreachable } from '@shared/workflow/followup';
import { useDeskState } from '../../desk/desk-state';
import { formatDateTime } from '../../vocabulary/format';

export interface FollowUpWaiverPanelProps {
  readonly unreachable: FollowUpUnreachable;
  readonly disabled: boolean;
  readonly onWaiveUnreachable: () => void;
}

/**
 * The unreachable rule (S003-I, DOMAIN.md section 4): after an SMS and the rules' working days
 * without contact, the follow-up may be waived and the case closed. Shown only when the rules
 * have the rule; says what is still missing until it applies.
 */
export function FollowUpWaiverPanel({
  unreachable,
  disabled,
  onWaiveUnreachable,
}: Readonly<FollowUpWaiverPanelProps>) {
  const { t } = useTranslation();
  const { rules, deadlineContext } = useDeskState();
  const days = rules.followUp.unreachableAfterWorkingDays ?? 0;
  const at = (instant: IsoInstant) => formatDateTime(instant, deadlineContext.timeZone);
  const inRules = unreachable.allowed || unreachable.reason !== 'notInRules';
  const unreachableText = unreachable.allowed
    ? t('followUp.unreachable.allowed', { smsAt: at(unreachable.smsAt), days })
    : unreachable.reason === 'waiting'
      ? t('followUp.unreachable.waiting', {
          smsAt: at(unreachable.smsAt),
          from: at(unreachable.from),
        })
      : unreachable.reason === 'noSms'
        ? t('followUp.unreachable.noSms', { days })
        : null;
  if (!inRules) return null;

  return (
    <Box
      component="section"
      aria-label={t('followUp.waiverTitle')}
      sx={{ mt: 2, pt: 2, borderTop: 1, borderColor: 'divider' }}
    >
      <Typography variant="subtitle2" component="h3" sx={{ mb: 1 }}>
        {t('followUp.waiverTitle')}
      </Typography>
      {unreachableText ? (
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {unreachableText}
        </Typography>
      ) : null}
      <Button
        variant="outlined"
        color="warning"
        disabled={disabled || !unreachable.allowed}
        onClick={onWaiveUnreachable}
      >
        {t('followUp.waiveUnreachable')}
      </Button>
    </Box>
  );
}
