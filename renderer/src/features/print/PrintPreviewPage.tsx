import { Alert, Box, Button, Link, Stack, Typography } from '@mui/material';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useNavigate, useParams, useSearchParams } from 'react-router';
import type { CaseId } from '@shared/kernel/brand';
import { isPrintFormId, printFormTitle, type PrintFormId } from '@shared/paper/forms';
import { rulesLabel } from '@shared/rules/rules-query';
import { useDeskState } from '../../desk/desk-state';
import { PrintBatchChoice } from './PrintBatchChoice';
import { PrintJobView } from './PrintJobView';
import { PrintRangeFields } from './PrintRangeFields';
import { printParamsOf } from './print-route';
import { usePrintContext } from './usePrintContext';
import { usePrintJob } from './usePrintJob';

/** `#/print/:form`: what will come out of the printer, page by page, and the print buttons. */
export function PrintPreviewPage() {
  const { t } = useTranslation();
  const { form } = useParams();
  if (!form || !isPrintFormId(form)) {
    return <Alert severity="warning">{t('print.preview.unknownForm')}</Alert>;
  }
  return <PrintPreview form={form} />;
}

function PrintPreview({ form }: Readonly<{ form: PrintFormId }>) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { rules, locale } = useDeskState();
  const [search, setSearch] = useSearchParams();
  const params = useMemo(() => printParamsOf(search), [search]);
  const context = usePrintContext();
  const [excluded, setExcluded] = useState<ReadonlySet<CaseId>>(new Set());
  const state = usePrintJob(form, params, context?.form, excluded);
  const title = rulesLabel(printFormTitle(rules, form), locale);

  const changeParams = (next: Record<string, string>) => {
    const merged = new URLSearchParams(search);
    for (const [key, value] of Object.entries(next)) merged.set(key, value);
    setSearch(merged, { replace: true });
  };

  return (
    <Stack spacing={2} sx={{ '@media print': { display: 'none' } }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, flexWrap: 'wrap' }}>
        <Typography variant="h5" component="h1">
          {t('print.preview.heading', { title })}
        </Typography>
        <Box sx={{ flexGrow: 1 }} />
        <Link component={RouterLink} to="/settings/print">
          {t('print.preview.settings')}
        </Link>
        <Button onClick={() => void navigate(-1)}>{t('print.preview.back')}</Button>
      </Box>
      <PrintRangeFields form={form} params={params} onChange={changeParams} />
      {state.status === 'noCase' ? (
        <Alert severity="warning">{t('print.preview.noCase')}</Alert>
      ) : null}
      {state.status === 'ready' && state.job.choices ? (
        <PrintBatchChoice cases={state.job.choices} excluded={excluded} onChange={setExcluded} />
      ) : null}
      {state.status === 'ready' && context ? (
        <PrintJobView
          form={form}
          job={state.job}
          settings={context.settings}
          words={context.words}
        />
      ) : null}
    </Stack>
  );
}
