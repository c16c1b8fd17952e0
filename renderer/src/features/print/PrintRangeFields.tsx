import { Box } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { PrintFormId } from '@shared/paper/forms';
import type { PrintParams } from './print-route';
import { usePrintDefaults } from './usePrintJob';
import { DateTimeInput } from '../../ui/DateTimeInput';

export interface PrintRangeFieldsProps {
  readonly form: PrintFormId;
  readonly params: PrintParams;
  readonly onChange: (next: Record<string, string>) => void;
}

/**
 * The dates a list form covers: a range for the register, a day for the follow-up sheet and for
 * a day's dispatch sheets. A date input only reports whole dates, so what it reports is used.
 */
export function PrintRangeFields({ form, params, onChange }: PrintRangeFieldsProps) {
  const { t } = useTranslation();
  const { today, period } = usePrintDefaults();
  const dateField = (name: string, label: string, value: string, error?: string) => (
    <DateTimeInput
      key={name}
      mode="date"
      label={label}
      value={value}
      size="small"
      error={error !== undefined}
      helperText={error}
      onChange={(next) => {
        if (next) onChange({ [name]: next });
      }}
      fullWidth={false}
      sx={{ width: 220 }}
    />
  );

  if (form === 'register') {
    const from = params.from ?? period.first;
    const to = params.to ?? period.last;
    const reversed = to < from ? t('print.range.reversed') : undefined;
    return (
      <Box sx={{ display: 'flex', gap: 2 }}>
        {dateField('from', t('print.range.from'), from)}
        {dateField('to', t('print.range.to'), to, reversed)}
      </Box>
    );
  }
  if (form === 'monthlyReport') {
    const month = params.month ?? `${period.year}-${String(period.month).padStart(2, '0')}`;
    return (
      <Box>
        <DateTimeInput
          mode="month"
          label={t('print.range.month')}
          value={month}
          size="small"
          onChange={(next) => {
            if (next) onChange({ month: next });
          }}
          fullWidth={false}
          sx={{ width: 220 }}
        />
      </Box>
    );
  }
  if (form === 'followUpSheet') {
    return <Box>{dateField('date', t('print.range.followUpDay'), params.date ?? today)}</Box>;
  }
  if ((form === 'dispatch' || form === 'handover') && !params.caseIds) {
    return <Box>{dateField('date', t('print.range.dispatchDay'), params.date ?? today)}</Box>;
  }
  return null;
}
