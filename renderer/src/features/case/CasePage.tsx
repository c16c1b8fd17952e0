import { Alert, Box, Chip, Link, Stack, Typography } from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams } from 'react-router';
import { caseIsMasked } from '@shared/access/mask';
import type { CaseId } from '@shared/kernel/brand';
import { caseIsOpen } from '@shared/workflow/reducer';
import { rulesCategoryPath, rulesKind, rulesLabel } from '@shared/rules/rules-query';
import { caseRead, caseViewRecord } from '../../db/repos/cases';
import { useDeskSession } from '../../desk/desk-session';
import { useDeskState } from '../../desk/desk-state';
import { useDeskServices } from '../../desk/services';
import { formatDateTime, formatYuan } from '../../vocabulary/format';
import { DeadlineText } from '../../ui/DeadlineText';
import { AddToKnowledgeButton } from '../knowledge/AddToKnowledgeButton';
import { PrintMenuButton } from '../print/PrintMenuButton';
import { LinkedCasesPanel } from '../matters/LinkedCasesPanel';
import { EventTimeline } from './EventTimeline';
import { CaseActionsPanel } from './steps/CaseActionsPanel';
import { caseOutcomeFields } from './case-outcome-fields';
import { DetailFields, DetailSection, type DetailField } from './DetailSection';

/** One case: its fields and its whole history. */
export function CasePage() {
  const { t } = useTranslation();
  const { caseId } = useParams();
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
          <Link component={RouterLink} to="/register">
            {t('case.back')}
          </Link>
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
    [t('case.customer'), item.customer.name || t('case.none')],
    [t('case.phone'), item.customer.phone || t('case.none')],
    [t('case.address'), item.customer.address || t('case.none')],
    [t('case.channel'), label(channel?.label)],
    [t('case.kind'), label(kind?.label)],
    [t('case.category'), category],
    [t('case.level'), label(level?.label)],
    [t('case.receivedAt'), formatDateTime(item.receivedAt, deadlineContext.timeZone)],
    [t('case.receiver'), item.receiverName],
    [t('case.status'), t(`status.${item.status}`)],
    [
      t('case.deadline'),
      <DeadlineText
        key="deadline"
        deadline={item.deadline}
        showRemaining
        exempt={item.exemptReason !== undefined}
        open={caseIsOpen(item)}
      />,
    ],
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
          {item.number} · {item.subject}
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
                {value || t('case.none')}
              </Typography>
            </Box>
          ))}
        </Box>
      </DetailSection>
      <CaseActionsPanel caseEntity={item} events={events} />
      <LinkedCasesPanel item={item} />
      <DetailSection title={t('case.timeline')}>
        <EventTimeline events={events} />
      </DetailSection>
    </Stack>
  );
}
