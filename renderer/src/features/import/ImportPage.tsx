import { Alert, Box, Button, Link, Typography } from '@mui/material';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { CountProgress } from '../../ui/CountProgress';
import { ImportMappingTable } from './ImportMappingTable';
import { ImportReport } from './ImportReport';
import { useImport, type ImportProgress } from './useImport';

/** Rows checked or cases written of all. */
function ImportProgressBar({ progress }: Readonly<{ progress: ImportProgress }>) {
  const { t } = useTranslation();
  const { phase, done, total } = progress;
  const words = { done, total };
  return (
    <CountProgress
      done={done}
      total={total}
      label={t(phase === 'check' ? 'import.checkProgressLabel' : 'import.writeProgressLabel')}
      text={phase === 'check' ? t('import.checkProgress', words) : t('import.writeProgress', words)}
    />
  );
}

/** Importing an existing register (导入登记表): choose, map, check every row, confirm. */
export function ImportPage() {
  const { t } = useTranslation();
  const importer = useImport();
  const { stage, checked, busy } = importer;
  const input = useRef<HTMLInputElement>(null);
  const inputId = useId();
  const clean =
    checked !== undefined && checked.summary.rejected.length === 0 && checked.summary.accepted > 0;

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
          {importer.progress?.phase === 'check' ? (
            <ImportProgressBar progress={importer.progress} />
          ) : null}
          {checked ? <ImportReport checked={checked} /> : null}
          {importer.error ? <Alert severity="error">{importer.error}</Alert> : null}
          {importer.cancelled ? <Alert severity="info">{t('import.cancelled')}</Alert> : null}
          {checked ? (
            <Box sx={{ display: 'flex', gap: 2, alignItems: 'center' }}>
              <Button
                variant="contained"
                disabled={!clean || busy !== undefined}
                onClick={() => void importer.confirm()}
              >
                {busy === 'importing' || busy === 'cancelling'
                  ? t('import.importing')
                  : t('import.confirm', { count: checked.summary.accepted })}
              </Button>
              {busy === 'importing' || busy === 'cancelling' ? (
                <Button
                  variant="outlined"
                  color="warning"
                  disabled={busy === 'cancelling'}
                  onClick={importer.cancel}
                >
                  {busy === 'cancelling' ? t('import.cancelling') : t('import.cancel')}
                </Button>
              ) : null}
            </Box>
          ) : null}
          {importer.progress?.phase === 'write' ? (
            <>
              <ImportProgressBar progress={importer.progress} />
              <Typography variant="body2" color="text.secondary">
                {t('import.writeHelp')}
              </Typography>
            </>
          ) : null}
        </>
      ) : null}
    </Box>
  );
}
