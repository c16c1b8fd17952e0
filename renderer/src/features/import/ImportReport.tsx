import {
  Alert,
  Paper,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { ImportProblem } from '@shared/import/check';
import { formatDateTime } from '../../vocabulary/format';
import { useDeskState } from '../../desk/desk-state';
import type { ImportChecked } from './useImport';

/** The checked rows: a count, every rejected row with its reasons, and a preview of the rest. */
export function ImportReport({ checked }: Readonly<{ checked: ImportChecked }>) {
  const { t } = useTranslation();
  const { deadlineContext } = useDeskState();
  const { summary: result } = checked;
  const { newUnits } = result;
  const reason = (p: ImportProblem) =>
    t(`import.problems.${p.code}`, {
      field: p.field ? t(`import.fields.${p.field}`) : '',
      value: p.value ?? '',
    });
  return (
    <>
      <Alert severity={result.rejected.length > 0 ? 'error' : 'success'} role="status">
        {t('import.summary', {
          total: result.rows,
          accepted: result.accepted,
          rejected: result.rejected.length,
        })}
      </Alert>
      {result.total ? (
        <Alert
          severity={
            result.total.stated !== undefined && result.total.stated !== result.total.counted
              ? 'warning'
              : 'info'
          }
        >
          {t(
            result.total.stated === undefined
              ? 'import.totalNoCount'
              : result.total.stated === result.total.counted
                ? 'import.totalMatches'
                : 'import.totalDiffers',
            { row: result.total.rowNumber, ...result.total },
          )}
        </Alert>
      ) : null}
      {result.rejected.length > 0 ? (
        <TableContainer component={Paper} variant="outlined">
          <Typography variant="subtitle1" component="h2" sx={{ px: 2, pt: 1.5 }}>
            {t('import.rejectedTitle')}
          </Typography>
          <Typography variant="body2" color="text.secondary" sx={{ px: 2 }}>
            {t('import.rejectedHelp')}
          </Typography>
          <Table size="small" aria-label={t('import.rejectedTitle')}>
            <TableHead>
              <TableRow>
                <TableCell>{t('import.row')}</TableCell>
                <TableCell>{t('import.reasons')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {result.rejected.map((row) => (
                <TableRow key={row.rowNumber}>
                  <TableCell>{row.rowNumber}</TableCell>
                  <TableCell>{row.problems.map(reason).join('；')}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      ) : null}
      {result.accepted > 0 ? (
        <TableContainer component={Paper} variant="outlined">
          <Typography variant="subtitle1" component="h2" sx={{ px: 2, pt: 1.5 }}>
            {t('import.acceptedTitle', { count: result.preview.length })}
          </Typography>
          {newUnits.length > 0 ? (
            <Typography variant="body2" sx={{ px: 2 }}>
              {t('import.newUnits', { units: newUnits.join('、') })}
            </Typography>
          ) : null}
          <Table
            size="small"
            aria-label={t('import.acceptedTitle', { count: result.preview.length })}
          >
            <TableHead>
              <TableRow>
                <TableCell>{t('import.row')}</TableCell>
                <TableCell>{t('import.number')}</TableCell>
                <TableCell>{t('import.customer')}</TableCell>
                <TableCell>{t('import.subject')}</TableCell>
                <TableCell>{t('import.receivedAt')}</TableCell>
                <TableCell>{t('import.progress')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {result.preview.map((c) => (
                <TableRow key={c.number}>
                  <TableCell>{c.rowNumber}</TableCell>
                  <TableCell>{c.number}</TableCell>
                  <TableCell>{c.customer.name}</TableCell>
                  <TableCell>{c.subject}</TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>
                    {formatDateTime(c.receivedAt, deadlineContext.timeZone)}
                  </TableCell>
                  <TableCell>
                    {[
                      t('import.steps.received'),
                      ...c.steps.map((step) => t(`import.steps.${step.type}`)),
                    ].join(' → ')}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      ) : null}
    </>
  );
}
