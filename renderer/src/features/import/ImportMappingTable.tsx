import { Box, Paper, TextField, Typography } from '@mui/material';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { IMPORT_FIELDS, type ImportMapping } from '@shared/import/fields';

export interface ImportMappingTableProps {
  readonly columns: readonly string[];
  readonly mapping: ImportMapping;
  readonly dataStartRow: number;
  readonly onChange: (mapping: ImportMapping) => void;
}

/** Which column of the file each register item is read from: one labelled select per item. */
export function ImportMappingTable({
  columns,
  mapping,
  dataStartRow,
  onChange,
}: ImportMappingTableProps) {
  const { t } = useTranslation();
  const titleId = useId();
  return (
    <Paper variant="outlined" sx={{ p: 2 }}>
      <Typography variant="subtitle1" component="h2" id={titleId}>
        {t('import.mapping.title')}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        {t('import.mapping.help')} {t('import.mapping.dataStart', { row: dataStartRow + 1 })}
      </Typography>
      <Box
        role="group"
        aria-labelledby={titleId}
        sx={{
          display: 'grid',
          gridTemplateColumns: { xs: '1fr', md: 'repeat(2, 1fr)', lg: 'repeat(3, 1fr)' },
          gap: 2,
        }}
      >
        {IMPORT_FIELDS.map((field) => (
          <TextField
            key={field}
            select
            size="small"
            label={t(`import.fields.${field}`)}
            value={mapping[field] ?? ''}
            onChange={(event) => {
              const rest = Object.fromEntries(
                Object.entries(mapping).filter(([key]) => key !== field),
              ) as ImportMapping;
              onChange(
                event.target.value === '' ? rest : { ...rest, [field]: Number(event.target.value) },
              );
            }}
            // A native select always shows its option: the label stays above it.
            slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
          >
            <option value="">{t('import.mapping.none')}</option>
            {columns.map((header, index) => (
              <option key={index} value={index}>
                {t('import.mapping.columnOption', { n: index + 1, header: header || '—' })}
              </option>
            ))}
          </TextField>
        ))}
      </Box>
    </Paper>
  );
}
