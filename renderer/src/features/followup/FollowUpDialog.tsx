import { isolateBidi } from '@shared/kernel/bidi';
import { Alert, Box, Button, Typography } from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseEntity } from '@shared/model/entities';
import {
  followUpAttemptPayload,
  followUpDrawNumber,
  followUpNeed,
  followUpResultPayload,
  followUpRoundAttempts,
  followUpWaivers,
  type FollowUpFormError,
} from '@shared/workflow/followup';
import { rulesLabel } from '@shared/rules/rules-query';
import { caseAppendEvent, caseEvents, type CaseAppendableType } from '../../db/repos/cases';
import type { CasePayloadOf } from '@shared/workflow/events';
import { useDeskSession } from '../../desk/desk-session';
import { useDeskState } from '../../desk/desk-state';
import { useDeskServices } from '../../desk/services';
import { useErrorMessage } from '../../desk/useErrorMessage';
import { formatDateTime } from '../../vocabulary/format';
import { DeadlineText } from '../../ui/DeadlineText';
import { FormDialog } from '../../ui/FormDialog';
import { useSubmit } from '../../ui/useSubmit';
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
  // Mounted only while open, so each opening starts with an empty form.
  return open ? <FollowUpForm caseEntity={caseEntity} onClose={onClose} /> : null;
}

function FollowUpForm({
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

  const submit = useSubmit(
    async <T extends CaseAppendableType>(type: T, payload: CasePayloadOf<T>) => {
      await caseAppendEvent(session, caseEntity.id, type, payload);
      onClose();
    },
    { failureOf: (error) => t('followUp.saveFailed', { reason: errorMessage(error) }) },
  );
  const append = <T extends CaseAppendableType>(type: T, payload: CasePayloadOf<T>) =>
    submit.run(type, payload);
  const saving = submit.pending;

  const save = () => {
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
    <FormDialog
      title={t('followUp.dialogTitle', { number: caseEntity.number })}
      labels={{
        cancel: t('followUp.cancel'),
        submit: t('followUp.save'),
        pending: t('followUp.saving'),
      }}
      onClose={onClose}
      onSubmit={save}
      pending={saving}
      summary={errors.length > 0 ? t('followUp.fixErrors') : null}
      failure={submit.failure}
      maxWidth="md"
      dividers
      below={
        <FollowUpWaiverPanel
          unreachable={waivers.unreachable}
          disabled={saving}
          onWaiveUnreachable={waiveUnreachable}
        />
      }
    >
      <Box>
        <Typography>
          {t('followUp.customerLine', {
            name: isolateBidi(customer.name) || '—',
            phone: isolateBidi(customer.phone ?? '') || t('followUp.noPhone'),
            address: isolateBidi(customer.address) || '—',
          })}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {isolateBidi(caseEntity.subject)}
        </Typography>
        <Typography variant="body2" component="div" sx={{ mt: 0.5 }}>
          {t('followUp.due')}：
          {caseEntity.followUp.dueAt ? (
            <DeadlineText deadline={{ dueAt: caseEntity.followUp.dueAt }} showRemaining inline />
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
                {t(waivers.notSampled ? 'followUp.waiveNotSampled' : 'followUp.waiveNotRequired')}
              </Button>
            ) : undefined
          }
        >
          {t(`followUp.need.${need}`, { rate })}
        </Alert>
      )}
      <FollowUpAttemptList attempts={attempts} />
      <FollowUpCallFields draft={draft} onChange={setDraft} errors={errors} />
    </FormDialog>
  );
}
