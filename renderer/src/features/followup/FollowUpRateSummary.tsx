import { Paper, Typography } from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { followUpPeriodOf } from '@shared/workflow/followup';
import { followUpSampleRateBetween } from '../../db/repos/followup';
import { useDeskState } from '../../desk/desk-state';
import { useDeskServices } from '../../desk/services';
import { useMinuteClock } from '../../ui/useMinuteClock';
import { formatPercent } from './follow-up-form';

/**
 * The sampling rule for satisfied cases (S001-A 4.3: a random 15% of satisfied requests), and
 * the rate achieved in the current report period, so the desk sees it keeps to the rule.
 */
export function FollowUpRateSummary() {
  const { t } = useTranslation();
  const { rules, deadlineContext } = useDeskState();
  const { db } = useDeskServices();
  const at = useMinuteClock();
  const period = followUpPeriodOf(at, rules.reportPeriodStartDay, deadlineContext.timeZone);
  const rate = useLiveQuery(
    () => followUpSampleRateBetween(db, rules, period.start, period.end),
    [db, rules, period.start, period.end],
  );
  const sampling = rules.followUp.sampleRateSatisfied > 0;
  return (
    <Paper
      variant="outlined"
      component="section"
      aria-label={t('followUp.rate.title')}
      sx={{ p: 2, mb: 2 }}
    >
      <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 700 }}>
        {t('followUp.rate.title')}
        <Typography component="span" color="text.secondary" sx={{ ml: 1 }}>
          {t('followUp.rate.period', { from: period.from, to: period.to })}
        </Typography>
      </Typography>
      <Typography variant="body2" sx={{ mt: 0.5 }}>
        {!sampling
          ? t('followUp.rate.noSampling')
          : rate === undefined
            ? '…'
            : rate.achieved === undefined
              ? t('followUp.rate.none', { target: formatPercent(rate.target) })
              : t('followUp.rate.summary', {
                  target: formatPercent(rate.target),
                  eligible: rate.eligible,
                  followedUp: rate.followedUp,
                  drawn: rate.drawn,
                  achieved: formatPercent(rate.achieved),
                })}
      </Typography>
    </Paper>
  );
}
