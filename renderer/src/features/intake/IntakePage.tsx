import { Alert, Box, Button, Link, Paper, Stack, Typography } from '@mui/material';
import { useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { intakeCheck, intakePayload, type IntakeCheck } from '@shared/workflow/intake';
import type { CaseEntity } from '@shared/model/entities';
import { caseRegister } from '../../db/repos/cases';
import { useDeskSession } from '../../desk/desk-session';
import { useDeskState } from '../../desk/desk-state';
import { useDeskServices } from '../../desk/services';
import { useErrorMessage } from '../../desk/useErrorMessage';
import { IntakeAids } from '../hotline/IntakeAids';
import type { CaseId } from '@shared/kernel/brand';
import { IntakeAside } from './IntakeAside';
import { intakeChoicesRemember, intakeDraftEmpty } from './intake-draft';
import { IntakeDraftNotice } from './IntakeDraftNotice';
import { useIntakeDraft } from './useIntakeDraft';
import { IntakeDeadlinePreview } from './IntakeDeadlinePreview';
import { IntakeFields } from './IntakeFields';
import { useSubmit } from '../../ui/useSubmit';
import { IntakeAttachments, useIntakeAttachments } from '../attachments/IntakeAttachments';

const NO_PROBLEMS: IntakeCheck = { errors: [], notices: [] };

/** Intake (受理登记): type what the caller says, save in one step, get the number. */
export function IntakePage() {
  const { t } = useTranslation();
  const desk = useDeskState();
  const { now } = useDeskServices();
  const session = useDeskSession();
  const errorMessage = useErrorMessage();
  const timeZone = desk.deadlineContext.timeZone;
  const { draft, setDraft, reset, ...kept } = useIntakeDraft(() =>
    intakeDraftEmpty(desk.rules, now(), timeZone),
  );
  const [check, setCheck] = useState<IntakeCheck>(NO_PROBLEMS);
  const [saved, setSaved] = useState<CaseEntity | null>(null);
  // A possible duplicate the clerk chose: the new case joins its matter when saved.
  const [matterId, setMatterId] = useState<CaseId | undefined>();
  const formRef = useRef<HTMLFormElement>(null);
  const attachments = useIntakeAttachments();

  const register = useSubmit(
    async () => {
      const created = await caseRegister(session, {
        ...intakePayload(draft, {
          rules: desk.rules,
          deadline: desk.deadlineContext,
          receiver: session.operator,
        }),
        ...(matterId ? { matterId } : {}),
      });
      setSaved(created);
      intakeChoicesRemember(draft);
      // The case is saved: its files follow (a refused one is reported, the case stays).
      await attachments.attachTo(created.id);
      setMatterId(undefined);
      setCheck(NO_PROBLEMS);
      reset();
      formRef.current?.querySelector<HTMLElement>('[name="customerName"]')?.focus();
    },
    { failureOf: (error) => t('intake.saveFailed', { reason: errorMessage(error) }) },
  );
  const saving = register.pending;
  const failure = register.failure;

  const save = async () => {
    if (saving) return;
    const found = intakeCheck(draft, desk.rules, now(), timeZone);
    setCheck(found);
    register.setFailure(null);
    if (found.errors.length > 0) {
      setSaved(null);
      const first = found.errors[0];
      formRef.current?.querySelector<HTMLElement>(`[name="${first?.field}"]`)?.focus();
      return;
    }
    await register.run();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save();
  };
  const keyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void save();
    }
    // The received time is out of the Tab sequence (it is prefilled); Alt+T reaches it.
    if (event.altKey && event.code === 'KeyT') {
      event.preventDefault();
      formRef.current?.querySelector<HTMLElement>('[name="receivedAtLocal"]')?.focus();
    }
  };

  return (
    <Box
      sx={{
        maxWidth: 1460,
        display: 'grid',
        gridTemplateColumns: 'minmax(0, 1fr) auto',
        // The side panel spans the form, the aids and a last row that takes what it needs more.
        gridTemplateRows: 'auto auto auto 1fr',
        columnGap: 2,
        alignItems: 'start',
      }}
    >
      <Typography variant="h5" component="h1" sx={{ mb: 2, gridColumn: '1 / -1' }}>
        {t('intake.title')}
      </Typography>
      <Paper
        component="form"
        ref={formRef}
        onSubmit={submit}
        onKeyDown={keyDown}
        noValidate
        sx={{ p: 3 }}
        aria-label={t('intake.title')}
      >
        <IntakeFields draft={draft} onChange={setDraft} check={check} />
        <IntakeDeadlinePreview
          draft={draft}
          onAdoptLevel={(levelId) => setDraft({ ...draft, levelId })}
        />
        <IntakeAttachments state={attachments} />
        <Stack direction="row" spacing={2} sx={{ mt: 3, alignItems: 'center' }}>
          <Button type="submit" variant="contained" disabled={saving}>
            {saving ? t('intake.saving') : t('intake.save')}
          </Button>
          <Button
            onClick={() => {
              reset();
              setCheck(NO_PROBLEMS);
              setMatterId(undefined);
              attachments.reset();
            }}
          >
            {t('intake.clear')}
          </Button>
          <Typography variant="body2" color="text.secondary">
            {t('intake.saveHint')}
          </Typography>
        </Stack>
        <Box aria-live="polite" sx={{ mt: 2 }}>
          <IntakeDraftNotice {...kept} onDiscard={reset} />
          {check.errors.length > 0 ? <Alert severity="error">{t('intake.fixErrors')}</Alert> : null}
          {failure ? <Alert severity="error">{failure}</Alert> : null}
          {saved ? (
            <Alert
              severity="success"
              action={
                <Link component={RouterLink} to={`/cases/${saved.id}`}>
                  {t('intake.openCase')}
                </Link>
              }
            >
              {t('intake.saved', { number: saved.number })}
            </Alert>
          ) : null}
        </Box>
      </Paper>
      <IntakeAside draft={draft} matterId={matterId} onMatterChange={setMatterId} />
      <IntakeAids />
    </Box>
  );
}
