import { Checkbox, FormControlLabel, FormGroup, FormLabel, Paper, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { CaseId } from '@shared/kernel/brand';
import type { CaseEntity } from '@shared/model/entities';

export interface PrintBatchChoiceProps {
  readonly cases: readonly CaseEntity[];
  readonly excluded: ReadonlySet<CaseId>;
  readonly onChange: (excluded: ReadonlySet<CaseId>) => void;
}

/** A day's dispatch sheets: every case ticked; untick the ones not to print. */
export function PrintBatchChoice({ cases, excluded, onChange }: PrintBatchChoiceProps) {
  const { t } = useTranslation();
  if (cases.length === 0) return <Typography>{t('print.batch.none')}</Typography>;
  const toggle = (id: CaseId, included: boolean) => {
    const next = new Set(excluded);
    if (included) next.delete(id);
    else next.add(id);
    onChange(next);
  };
  return (
    <Paper component="fieldset" sx={{ p: 2, m: 0, border: 1, borderColor: 'divider' }}>
      <FormLabel component="legend">{t('print.batch.legend')}</FormLabel>
      <FormGroup row>
        {cases.map((c) => (
          <FormControlLabel
            key={c.id}
            control={
              <Checkbox
                checked={!excluded.has(c.id)}
                onChange={(event) => toggle(c.id, event.target.checked)}
              />
            }
            label={t('print.batch.item', { number: c.number, subject: c.subject })}
          />
        ))}
      </FormGroup>
    </Paper>
  );
}
