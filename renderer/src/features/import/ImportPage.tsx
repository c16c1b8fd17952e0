import { Alert, Box, Button, Link, Typography } from '@mui/material';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { ImportMappingTable } from './ImportMappingTable';
import { ImportReport } from './ImportReport';
import { useImport } from './useImport';

/** Importing an existing register (导入登记表): choose, map, check every row, confirm. */
export function ImportPage() {
  const { t } = useTranslation();
  const importer = useImport();
  const { stage, checked, busy } = importer;
  const input = useRef<HTMLInputElement>(null);
  const inputId = useId();
  const clean =
    checked !== undefined &&
    checked.result.rejected.length === 0 &&
    checked.result.accepted.length > 0;

  return (
    <Box sx={{ display: 'grid', gap: 2, maxWidth: 1100 }}>
      <Typography variant="h5" component="h1">
        {t('import.title')}
      </Typography>
      <Typography color="text.secondary">{t('import.intro')}</Typography>
      <Box sx={{ display: 'flex', gap: 2, alignItems: 'center' }}>
        <Button
          variant="contained"
          startIcon={<UploadFileIcon />}
          onClick={() => input.current?.click()}
          disabled={busy !== undefined}
        >
          {t('import.choose')}
        </Button>
        <input
          ref={input}
          id={inputId}
          type="file"
          hidden
          accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-label={t('import.file')}
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file) void importer.choose(file);
          }}
        />
        {stage.step === 'loaded' ? (
          <Typography>
            {t('import.fileName', { file: stage.fileName })}
            {stage.encoding
              ? ` · ${t('import.encoding', { encoding: stage.encoding.toUpperCase() })}`
              : ''}
          </Typography>
        ) : null}
      </Box>
      {importer.imported !== undefined ? (
        <Alert
          severity="success"
          action={
            <Link component={RouterLink} to="/register">
              {t('import.openRegister')}
            </Link>
          }
        >
          {t('import.done', { count: importer.imported })}
        </Alert>
      ) : null}
      {stage.step === 'reading' ? (
        <Typography>{t('import.reading', { file: stage.fileName })}</Typography>
      ) : null}
      {stage.step === 'readFailed' ? (
        <Alert severity="error">
          {t(`import.readProblems.${stage.problem}`, { file: stage.fileName })}
        </Alert>
      ) : null}
      {stage.step === 'loaded' ? (
        <>
          {stage.recognised ? null : (
            <Alert severity="warning">
              {t('import.readProblems.noHeader', { file: stage.fileName })}
            </Alert>
          )}
          <ImportMappingTable
            columns={stage.columns}
            mapping={importer.mapping}
            dataStartRow={importer.dataStartRow}
            onChange={importer.setMapping}
          />
          <Box>
            <Button
              variant="outlined"
              onClick={() => void importer.check()}
              disabled={busy !== undefined}
            >
              {busy === 'checking' ? t('import.checking') : t('import.check')}
            </Button>
          </Box>
          {checked ? <ImportReport checked={checked} /> : null}
          {importer.error ? <Alert severity="error">{importer.error}</Alert> : null}
          {checked ? (
            <Box>
              <Button
                variant="contained"
                disabled={!clean || busy !== undefined}
                onClick={() => void importer.confirm()}
              >
                {busy === 'importing'
                  ? t('import.importing')
                  : t('import.confirm', { count: checked.result.accepted.length })}
              </Button>
            </Box>
          ) : null}
        </>
      ) : null}
    </Box>
  );
}
