import { isolateBidi } from '@shared/kernel/bidi';
import { Alert, Box, Button, Chip, Link, Stack, Typography } from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useLocation, useParams, useSearchParams } from 'react-router';
import { caseIsMasked } from '@shared/access/mask';
import type { CaseId } from '@shared/kernel/brand';
import { rulesCategoryPath, rulesKind, rulesLabel } from '@shared/rules/rules-query';
import { caseRead, caseViewRecord } from '../../db/repos/cases';
import { caseRestoreMay } from '../../db/repos/case-restore';
import { useDeskSession } from '../../desk/desk-session';
import { useDeskState } from '../../desk/desk-state';
import { useDeskServices } from '../../desk/services';
import { formatDateTime, formatYuan } from '../../vocabulary/format';
import { CaseDeadlineText } from '../../ui/CaseDeadlineText';
import { standingWords } from '../../vocabulary/standing';
import { AddToKnowledgeButton } from '../knowledge/AddToKnowledgeButton';
import { PrintMenuButton } from '../print/PrintMenuButton';
import { LinkedCasesPanel } from '../matters/LinkedCasesPanel';
import { AttachmentsPanel } from '../attachments/AttachmentsPanel';
import { EventTimeline } from './EventTimeline';
import { CaseActionsPanel } from './steps/CaseActionsPanel';
import { caseOutcomeFields } from './case-outcome-fields';
import { DetailFields, DetailSection, type DetailField } from './DetailSection';

/** One case: its fields and its whole history. */
export function CasePage() {
  const { t } = useTranslation();
  const { caseId } = useParams();
  // A scanned dispatch sheet asks for its reply step (`?step=reply`, CaseScanBox).
  const [search, setSearch] = useSearchParams();
  const location = useLocation();
  const requestedStep = search.get('step') ?? undefined;
  const { db } = useDeskServices();
  const session = useDeskSession();
  const { rules, locale, deadlineContext, operator } = useDeskState();
  const loaded = useLiveQuery(
    async () => (await caseRead(db, caseId as CaseId, operator)) ?? null,
    [db, caseId, operator],
  );
  // Every opening of a confidential case is in the audit log (read or refused); once per
  // opening, not per live refresh.
  const opened = loaded ? loaded.item.id : undefined;
  useEffect(() => {
    if (opened === undefined) return;
    caseViewRecord(session, operator, opened).catch((error: unknown) => {
      console.error('the view of a confidential case was not recorded', error);
    });
    // The session changes with the clock; the view is one per case and operator.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened, operator]);

  if (loaded === undefined) return null;
  if (loaded === null) {
    return (
      <Alert
        severity="warning"
        action={
          <Stack direction="row" spacing={2}>
            {/* A case gone from the desk may be in a backup: the administrator is offered it. */}
            {caseRestoreMay(session) ? (
              <Link component={RouterLink} to="/settings/backup?case=">
                {t('backup.caseRestore.fromBackup')}
              </Link>
            ) : null}
            <Link component={RouterLink} to="/register">
              {t('case.back')}
            </Link>
          </Stack>
        }
      >
        {t('case.notFound')}
      </Alert>
    );
  }
  const { item, events } = loaded;
  if (caseIsMasked(item)) {
    return (
      <Stack spacing={2} sx={{ maxWidth: 1100 }}>
        <Typography variant="h5" component="h1">
          {item.number}
        </Typography>
        <Alert
          severity="warning"
          action={
            <Link component={RouterLink} to="/register">
              {t('case.back')}
            </Link>
          }
        >
          {t('case.masked')}
        </Alert>
      </Stack>
    );
  }
  const label = (text: Parameters<typeof rulesLabel>[0] | undefined) =>
    text ? rulesLabel(text, locale) : t('case.none');
  const kind = rulesKind(rules, item.kindId);
  const category = item.categoryId
    ? rulesCategoryPath(rules, item.kindId, item.categoryId)
        .map((c) => label(c.label))
        .join(' / ')
    : t('case.none');
  const level = rules.levels.find((l) => l.id === item.levelId);
  const channel = rules.channels.find((c) => c.id === item.channelId);

  const fields: DetailField[] = [
    [t('case.customer'), isolateBidi(item.customer.name) || t('case.none')],
    [t('case.phone'), isolateBidi(item.customer.phone ?? '') || t('case.none')],
    [t('case.address'), isolateBidi(item.customer.address) || t('case.none')],
    [t('case.channel'), label(channel?.label)],
    [t('case.kind'), label(kind?.label)],
    [t('case.category'), category],
    [t('case.level'), label(level?.label)],
    [t('case.receivedAt'), formatDateTime(item.receivedAt, deadlineContext.timeZone)],
    [t('case.receiver'), item.receiverName],
    [t('case.status'), t(`status.${item.status}`)],
    [t('case.deadline'), <CaseDeadlineText key="deadline" caseEntity={item} />],
    ...(item.dispatchDeadline
      ? [
          [
            standingWords(locale).kind.dispatch,
            <CaseDeadlineText key="dispatchDeadline" caseEntity={item} kind="dispatch" />,
          ] satisfies DetailField,
        ]
      : []),
    ...(item.interimDeadline
      ? [
          [
            standingWords(locale).kind.interim,
            <CaseDeadlineText key="interimDeadline" caseEntity={item} kind="interim" />,
          ] satisfies DetailField,
        ]
      : []),
    [t('case.unit'), item.unitName ?? t('case.none')],
    [t('case.handler'), item.handlerName ?? t('case.none')],
    [
      t('case.amount'),
      item.amountFen !== undefined
        ? t('case.amountValue', { yuan: formatYuan(item.amountFen) })
        : t('case.none'),
    ],
    ...caseOutcomeFields(item, t, rules, locale, deadlineContext.timeZone),
  ];

  return (
    <Stack spacing={2} sx={{ maxWidth: 1100 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2 }}>
        <Typography variant="h5" component="h1">
          {item.number} · {isolateBidi(item.subject)}
        </Typography>
        <Chip
          label={t(`status.${item.status}`)}
          color={item.status === 'closed' ? 'default' : 'primary'}
        />
        {item.flags.map((flag) => (
          <Chip
            key={flag}
            label={t(`flag.${flag}`)}
            color="warning"
            variant="outlined"
            size="small"
          />
        ))}
        <Box sx={{ flexGrow: 1 }} />
        <AddToKnowledgeButton item={item} />
        <PrintMenuButton caseId={item.id} />
        {caseRestoreMay(session) ? (
          <Button
            component={RouterLink}
            to={`/settings/backup?case=${encodeURIComponent(item.number)}`}
            size="small"
          >
            {t('backup.caseRestore.fromCase')}
          </Button>
        ) : null}
        <Link component={RouterLink} to="/register">
          {t('case.back')}
        </Link>
      </Box>
      <DetailSection title={t('case.fields')}>
        <DetailFields fields={fields} />
        <Box component="dl" sx={{ mt: 2, mb: 0 }}>
          {[
            [t('case.content'), item.content],
            [t('case.demand'), item.demand],
          ].map(([name, value]) => (
            <Box key={name} sx={{ mb: 1 }}>
              <Typography component="dt" color="text.secondary">
                {name}
              </Typography>
              <Typography component="dd" sx={{ m: 0, whiteSpace: 'pre-wrap' }}>
                {isolateBidi(value ?? '') || t('case.none')}
              </Typography>
            </Box>
          ))}
        </Box>
      </DetailSection>
      <AttachmentsPanel item={item} />
      <CaseActionsPanel
        // A new scan of the same sheet opens its step again.
        key={location.key}
        caseEntity={item}
        events={events}
        requestedStep={requestedStep}
        onRequestedStepDone={() => setSearch({}, { replace: true })}
      />
      <LinkedCasesPanel item={item} />
      <DetailSection title={t('case.timeline')}>
        <EventTimeline events={events} />
      </DetailSection>
    </Stack>
  );
}
