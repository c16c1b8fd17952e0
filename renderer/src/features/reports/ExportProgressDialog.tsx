import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  LinearProgress,
  Typography,
} from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { ExportProgress } from './useExport';

export interface ExportProgressDialogProps {
  readonly progress: ExportProgress | undefined;
  readonly onCancel: () => void;
}

/** A progress bar and a cancel button while a workbook is made off the UI thread. */
export function ExportProgressDialog({ progress, onCancel }: ExportProgressDialogProps) {
  const { t } = useTranslation();
  const open = progress !== undefined;
  const table = progress ? t(`reports.exports.tables.${progress.table}`) : '';
  const known = progress !== undefined && progress.total > 0;
  const percent = known ? Math.min(100, (progress.done / progress.total) * 100) : 0;
  return (
    <Dialog open={open} aria-labelledby="export-progress-title" fullWidth maxWidth="xs">
      <DialogTitle id="export-progress-title">
        {t('reports.exports.progressTitle', { table })}
      </DialogTitle>
      <DialogContent>
        <LinearProgress
          variant={known ? 'determinate' : 'indeterminate'}
          value={percent}
          aria-label={t('reports.exports.progressTitle', { table })}
        />
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }} aria-live="polite">
          {!known
            ? t('reports.exports.progressStarting')
            : progress.done >= progress.total
              ? t('reports.exports.progressWriting', { total: progress.total })
              : t('reports.exports.progressRows', { done: progress.done, total: progress.total })}
        </Typography>
      </DialogContent>
      <DialogActions>
        <Button onClick={onCancel}>{t('reports.exports.cancel')}</Button>
      </DialogActions>
    </Dialog>
  );
}
