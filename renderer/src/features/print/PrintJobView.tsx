import { Alert, Box, Button, Stack, Typography } from '@mui/material';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { paperSheetMm, type PrintFormId } from '@shared/paper/forms';
import type { PrintSettings } from '@shared/paper/settings';
import { useDeskSession } from '../../desk/desk-session';
import { useDeskServices } from '../../desk/services';
import { useErrorMessage } from '../../desk/useErrorMessage';
import { printRecord } from '../../db/repos/print';
import type { PaginateWords, PaginatedDocument } from '../../paper/measure';
import { PrintPreviewPages } from '../../paper/PrintPages';
import { PrintRoot } from '../../paper/PrintRoot';
import type { PrintJob } from './usePrintJob';
import { usePaginated } from '../../paper/usePaginated';
import { useSubmit } from '../../ui/useSubmit';

export interface PrintJobViewProps {
  readonly form: PrintFormId;
  readonly job: PrintJob;
  readonly settings: PrintSettings;
  readonly words: PaginateWords;
}

const NO_DOCUMENTS: readonly PaginatedDocument[] = [];

type Message = { readonly severity: 'success' | 'info' | 'error'; readonly text: string };

/** Width of the preview column the sheets are scaled to fit. */
function useWidth(): [React.RefObject<HTMLDivElement | null>, number] {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => setWidth(entry?.contentRect.width ?? 0));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}

/** The pages of a job, page by page as they will print, and the buttons that print them. */
export function PrintJobView({ form, job, settings, words }: PrintJobViewProps) {
  const { t } = useTranslation();
  const { bridge } = useDeskServices();
  const session = useDeskSession();
  const errorMessage = useErrorMessage();
  const paginated = usePaginated(job.docs, settings.margins, words, job.complete ?? true);
  const [message, setMessage] = useState<Message>();
  const [previewRef, previewWidth] = useWidth();

  const orientation = job.docs[0]?.orientation ?? 'portrait';
  const paper = job.docs[0]?.paper ?? 'A4';
  const margins = settings.margins;
  const sheetWidthPx = (paperSheetMm(orientation, paper).width * 96) / 25.4;
  const zoom = previewWidth > 0 ? Math.min(1, (previewWidth - 8) / sheetWidthPx) : 1;
  const documents = paginated.status === 'failed' ? NO_DOCUMENTS : paginated.documents;
  const pageCount = documents.reduce((sum, doc) => sum + doc.pages.length, 0);
  // Every page is in the printer's copy (it is filled in slices after the layout).
  const [complete, setComplete] = useState<readonly unknown[]>();
  const onComplete = useCallback(
    (done: boolean) => setComplete(done ? documents : undefined),
    [documents],
  );

  const printing = useSubmit(
    async (output: 'print' | 'pdf') => {
      setMessage(undefined);
      const request = {
        landscape: orientation === 'landscape',
        pageSize: paper,
        margins,
        title: job.fileTitle,
      };
      const result =
        output === 'print' ? await bridge.printPage(request) : await bridge.printToPdf(request);
      if (result.status === 'failed') {
        setMessage({ severity: 'error', text: t(`bridge.${result.reason}`) });
        return;
      }
      if (result.status === 'cancelled') {
        setMessage({ severity: 'info', text: t('print.preview.cancelled') });
        return;
      }
      try {
        await printRecord(session, {
          form,
          caseIds: job.docs.flatMap((doc) => (doc.caseId ? [doc.caseId] : [])),
          detail: job.detail,
          output,
        });
      } catch (error) {
        setMessage({
          severity: 'error',
          text: t('print.preview.notRecorded', { reason: errorMessage(error) }),
        });
        return;
      }
      setMessage({
        severity: 'success',
        text: t(output === 'print' ? 'print.preview.printed' : 'print.preview.saved'),
      });
    },
    {
      // The outcome is one message with its severity, shown beside the buttons.
      failureOf: (error) => {
        setMessage({ severity: 'error', text: errorMessage(error) });
        return undefined;
      },
    },
  );
  const run = printing.run;
  const busy = printing.pending;

  const ready =
    paginated.status === 'ready' && job.docs.length > 0 && complete === paginated.documents;
  return (
    <Stack spacing={2}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, flexWrap: 'wrap' }}>
        <Button variant="contained" disabled={!ready || busy} onClick={() => void run('print')}>
          {busy ? t('print.preview.printing') : t('print.preview.print')}
        </Button>
        <Button variant="outlined" disabled={!ready || busy} onClick={() => void run('pdf')}>
          {t('print.preview.pdf')}
        </Button>
        <Typography role="status" color="text.secondary">
          {job.docs.length === 0
            ? t('print.preview.nothing')
            : ready
              ? [
                  job.docs.length > 1
                    ? t('print.preview.documents', { count: job.docs.length })
                    : '',
                  t('print.preview.pages', { count: pageCount }),
                ]
                  .filter(Boolean)
                  .join(' · ')
              : paginated.status === 'failed'
                ? ''
                : pageCount > 0
                  ? t('print.preview.layingPages', { count: pageCount })
                  : t('print.preview.laying')}
        </Typography>
      </Box>
      {message ? <Alert severity={message.severity}>{message.text}</Alert> : null}
      {paginated.status === 'failed' ? (
        <Alert severity="error">
          {t('print.preview.layoutFailed', { reason: errorMessage(paginated.error) })}
        </Alert>
      ) : null}
      <Box
        ref={previewRef}
        role="region"
        aria-label={t('print.preview.pagesLabel')}
        sx={{ bgcolor: 'grey.300', p: 2, borderRadius: 1, overflowX: 'auto' }}
      >
        {documents.length > 0 ? (
          <Box sx={{ zoom }}>
            <PrintPreviewPages documents={documents} margins={margins} words={words} />
          </Box>
        ) : null}
      </Box>
      {paginated.status === 'ready' ? (
        <PrintRoot
          documents={paginated.documents}
          orientation={orientation}
          paper={paper}
          margins={margins}
          words={words}
          onComplete={onComplete}
        />
      ) : null}
    </Stack>
  );
}
