import { Alert, Box, Button, Checkbox, FormControlLabel, Paper, Typography } from '@mui/material';
import FileDownloadIcon from '@mui/icons-material/FileDownload';
import GroupWorkIcon from '@mui/icons-material/GroupWork';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DateRange, PeriodMode } from '@shared/stats/period';
import { ExportProgressDialog } from './ExportProgressDialog';
import { useExport } from './useExport';

/** What `useExport` is asked to make. */
type ExportChoice = Parameters<ReturnType<typeof useExport>['start']>[0];

export interface ExportPanelProps {
  /** The register's dates: the view's period. */
  readonly range: DateRange;
  /** The month of the monthly report and the quarter of the analysis, when the view has them. */
  readonly month?: { readonly year: number; readonly month: number; readonly mode: PeriodMode };
  readonly quarter?: { readonly year: number; readonly quarter: number; readonly mode: PeriodMode };
}

/** The export buttons of the reports screen, the phone-masking option and the group report. */
export function ExportPanel({ range, month, quarter }: ExportPanelProps) {
  const { t } = useTranslation();
  const [maskPhones, setMaskPhones] = useState(false);
  const exporter = useExport(maskPhones);
  const fileInput = useRef<HTMLInputElement>(null);
  const inputId = useId();
  const busy = exporter.progress !== undefined;
  const downloads: readonly { readonly label: string; readonly job: ExportChoice }[] = [
    {
      label: t('reports.exports.register'),
      job: { table: 'register', first: range.first, last: range.last },
    },
    ...(month
      ? [{ label: t('reports.exports.monthly'), job: { table: 'monthly', ...month } as const }]
      : []),
    ...(quarter
      ? [
          {
            label: t('reports.exports.quarterly'),
            job: { table: 'quarterly', ...quarter } as const,
          },
        ]
      : []),
    { label: t('reports.exports.overdue'), job: { table: 'overdue' } },
    { label: t('reports.exports.followUps'), job: { table: 'followUps' } },
  ];

  const combine = async (files: FileList | null) => {
    if (!files || files.length === 0) return;
    const chosen = await Promise.all(
      [...files].map(async (file) => ({ name: file.name, bytes: await file.arrayBuffer() })),
    );
    if (fileInput.current) fileInput.current.value = '';
    await exporter.start({ table: 'group', files: chosen });
  };

  return (
    <Paper
      variant="outlined"
      sx={{ p: 2 }}
      component="section"
      aria-labelledby={`${inputId}-title`}
    >
      <Typography variant="h6" component="h2" id={`${inputId}-title`}>
        {t('reports.exports.title')}
      </Typography>
      <FormControlLabel
        control={
          <Checkbox
            checked={maskPhones}
            onChange={(event) => setMaskPhones(event.target.checked)}
          />
        }
        label={t('reports.exports.maskPhones')}
      />
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, mt: 1 }}>
        {downloads.map(({ label, job }) => (
          <Button
            key={job.table}
            // The register is the screen's main export.
            variant={job.table === 'register' ? 'contained' : 'outlined'}
            startIcon={<FileDownloadIcon />}
            disabled={busy}
            onClick={() => void exporter.start(job)}
          >
            {label}
          </Button>
        ))}
        <Button
          variant="outlined"
          startIcon={<GroupWorkIcon />}
          disabled={busy}
          onClick={() => fileInput.current?.click()}
        >
          {t('reports.exports.group')}
        </Button>
        <input
          ref={fileInput}
          id={inputId}
          type="file"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          multiple
          hidden
          aria-label={t('reports.exports.groupFiles')}
          onChange={(event) => void combine(event.target.files)}
        />
      </Box>
      <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
        {t('reports.exports.groupHelp')}
      </Typography>
      {exporter.message ? (
        <Alert
          severity={exporter.message.severity}
          sx={{ mt: 2 }}
          onClose={exporter.dismiss}
          role={exporter.message.severity === 'error' ? 'alert' : 'status'}
        >
          {exporter.message.text}
        </Alert>
      ) : null}
      <ExportProgressDialog progress={exporter.progress} onCancel={exporter.cancel} />
    </Paper>
  );
}
