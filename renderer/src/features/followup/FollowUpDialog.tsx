import {
  Alert,
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Stack,
  Typography,
} from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseEntity } from '../../../../shared/entities';
import {
  followUpAttemptPayload,
  followUpDrawNumber,
  followUpNeed,
  followUpResultPayload,
  followUpRoundAttempts,
  followUpWaivers,
  type FollowUpFormError,
} from '../../../../shared/followup';
import { rulesLabel } from '../../../../shared/rules-query';
import { caseAppendEvent, caseEvents, type CaseAppendableType } from '../../db/repos/cases';
import type { CasePayloadOf } from '../../../../shared/workflow/events';
import { useDeskSession } from '../../app/desk-session';
import { useDeskState } from '../../app/desk-state';
import { useDeskServices } from '../../app/services';
import { useErrorMessage } from '../../app/useErrorMessage';
import { formatDateTime } from '../../app/format';
import { DeadlineText } from '../../ui/DeadlineText';
import { FollowUpAttemptList } from './FollowUpAttemptList';
import { FollowUpCallFields } from './FollowUpCallFields';
import { FollowUpWaiverPanel } from './FollowUpWaiverPanel';
import {
  followUpAttemptDraft,
  followUpFormCheck,
  followUpFormEmpty,
  followUpResultDraft,
  formatPercent,
  type FollowUpFormDraft,
} from './follow-up-form';

export interface FollowUpDialogProps {
  readonly open: boolean;
  readonly caseEntity: CaseEntity;
  readonly onClose: () => void;
}

/**
 * The follow-up call (回访): the opening script, then either the answers to the rules'
 * questions with a satisfaction score (reached) or an unsuccessful attempt; or a waiver when the
 * sample passed the case over or the customer stayed unreachable after an SMS.
 */
export function FollowUpDialog({ open, caseEntity, onClose }: Readonly<FollowUpDialogProps>) {
  const { t } = useTranslation();
  const titleId = useId();
  return (
    <Dialog
      open={open}
      onClose={onClose}
      maxWidth="md"
      fullWidth
      scroll="paper"
      aria-labelledby={titleId}
    >
      <DialogTitle id={titleId}>
        {t('followUp.dialogTitle', { number: caseEntity.number })}
      </DialogTitle>
      {/* Mounted only while open, so each opening starts with an empty form. */}
      {open ? <FollowUpDialogBody caseEntity={caseEntity} onClose={onClose} /> : null}
    </Dialog>
  );
}

function FollowUpDialogBody({
  caseEntity,
  onClose,
}: Readonly<Pick<FollowUpDialogProps, 'caseEntity' | 'onClose'>>) {
  const { t } = useTranslation();
  const { rules, locale, deadlineContext } = useDeskState();
  const { db, now } = useDeskServices();
  const session = useDeskSession();
  const errorMessage = useErrorMessage();
  const [draft, setDraft] = useState<FollowUpFormDraft>(() => followUpFormEmpty(rules));
  const [errors, setErrors] = useState<readonly FollowUpFormError[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const events = useLiveQuery(
    () => caseEvents(db, caseEntity.id),
    [db, caseEntity.id, caseEntity.eventCount],
  );

  const attempts = followUpRoundAttempts(events ?? []);
  const need = followUpNeed(rules, caseEntity.kindId, followUpDrawNumber(caseEntity.id));
  const waivers = followUpWaivers(rules, need, attempts, now(), deadlineContext);
  const rate = formatPercent(rules.followUp.sampleRateSatisfied);
  const script = rules.followUp.openingScript;
  const { customer } = caseEntity;

  const append = async <T extends CaseAppendableType>(type: T, payload: CasePayloadOf<T>) => {
    setSaving(true);
    setFailure(null);
    try {
      await caseAppendEvent(session, caseEntity.id, type, payload);
      onClose();
    } catch (error) {
      setFailure(t('followUp.saveFailed', { reason: errorMessage(error) }));
    } finally {
      setSaving(false);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    const found = followUpFormCheck(draft, rules);
    setErrors(found);
    if (found.length > 0) return;
    if (draft.outcome === 'reached') {
      void append(
        'case/followedUp',
        followUpResultPayload(followUpResultDraft(draft), rules, need),
      );
    } else {
      void append(
        'case/followUpAttempted',
        followUpAttemptPayload(followUpAttemptDraft(draft), rules),
      );
    }
  };

  const waiveNotSampled = () =>
    void append('case/followUpWaived', {
      reason: 'notSampled',
      note: t('followUp.waiverNote.notSampled', { rate }),
    });
  const waiveNotRequired = () =>
    void append('case/followUpWaived', {
      reason: 'notRequired',
      note: t('followUp.waiverNote.notRequired'),
    });
  const waiveUnreachable = () => {
    if (!waivers.unreachable.allowed) return;
    void append('case/followUpWaived', {
      reason: 'unreachable',
      note: t('followUp.waiverNote.unreachable', {
        smsAt: formatDateTime(waivers.unreachable.smsAt, deadlineContext.timeZone),
        days: rules.followUp.unreachableAfterWorkingDays ?? 0,
      }),
    });
  };

  return (
    <Box
      component="form"
      onSubmit={submit}
      noValidate
      aria-label={t('followUp.dialogTitle', { number: caseEntity.number })}
      sx={{ display: 'contents' }}
    >
      <DialogContent dividers>
        <Stack spacing={2}>
          <Box>
            <Typography>
              {t('followUp.customerLine', {
                name: customer.name || '—',
                phone: customer.phone || t('followUp.noPhone'),
                address: customer.address || '—',
              })}
            </Typography>
            <Typography variant="body2" color="text.secondary">
              {caseEntity.subject}
            </Typography>
            <Typography variant="body2" component="div" sx={{ mt: 0.5 }}>
              {t('followUp.due')}：
              {caseEntity.followUp.dueAt ? (
                <DeadlineText
                  deadline={{ dueAt: caseEntity.followUp.dueAt }}
                  showRemaining
                  inline
                />
              ) : (
                t('followUp.dueNone')
              )}
            </Typography>
          </Box>
          {script ? (
            <Alert severity="info" icon={false}>
              <strong>{t('followUp.openingScript')}：</strong>
              {rulesLabel(script, locale)}
            </Alert>
          ) : null}
          {need === 'always' ? null : (
            <Alert
              severity={need === 'drawn' ? 'warning' : 'info'}
              action={
                // Waiving is what a case the draw passed over usually gets: offered up here.
                waivers.notSampled || waivers.notRequired ? (
                  <Button
                    color="inherit"
                    variant="outlined"
                    size="small"
                    disabled={saving}
                    onClick={waivers.notSampled ? waiveNotSampled : waiveNotRequired}
                    sx={{ whiteSpace: 'nowrap' }}
                  >
                    {t(
                      waivers.notSampled ? 'followUp.waiveNotSampled' : 'followUp.waiveNotRequired',
                    )}
                  </Button>
                ) : undefined
              }
            >
              {t(`followUp.need.${need}`, { rate })}
            </Alert>
          )}
          <FollowUpAttemptList attempts={attempts} />
          <FollowUpCallFields draft={draft} onChange={setDraft} errors={errors} />
          <Box aria-live="polite">
            {errors.length > 0 ? <Alert severity="error">{t('followUp.fixErrors')}</Alert> : null}
            {failure ? <Alert severity="error">{failure}</Alert> : null}
          </Box>
        </Stack>
        <FollowUpWaiverPanel
          unreachable={waivers.unreachable}
          disabled={saving}
          onWaiveUnreachable={waiveUnreachable}
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('followUp.cancel')}</Button>
        <Button type="submit" variant="contained" disabled={saving}>
          {saving ? t('followUp.saving') : t('followUp.save')}
        </Button>
      </DialogActions>
    </Box>
  );
}
