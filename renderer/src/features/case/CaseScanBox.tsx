import { Alert, Snackbar, TextField } from '@mui/material';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { scanCodeRead } from '@shared/paper/scan-code';
import { caseByNumber } from '../../db/repos/cases';
import { useDeskServices } from '../../desk/services';

/**
 * The top bar's box that opens a case by its number: typed, or scanned from a returned paper
 * form (a USB scanner types the code and presses Enter). A dispatch sheet's code (`/D`) opens
 * the case at its reply. Ctrl+K moves the focus here from anywhere.
 */
export function CaseScanBox() {
  const { t } = useTranslation();
  const { db } = useDeskServices();
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const focusBox = (event: globalThis.KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.code === 'KeyK') {
        event.preventDefault();
        inputRef.current?.focus();
        inputRef.current?.select();
      }
    };
    window.addEventListener('keydown', focusBox);
    return () => window.removeEventListener('keydown', focusBox);
  }, []);

  const open = async () => {
    const code = scanCodeRead(text);
    if (!code) return;
    const found = await caseByNumber(db, code.number);
    if (!found) {
      setProblem(t('caseScan.notFound', { number: code.number }));
      inputRef.current?.select();
      return;
    }
    setText('');
    setProblem(null);
    void navigate(`/cases/${found.id}${code.step ? `?step=${code.step}` : ''}`);
  };
  const keyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      void open();
    }
    if (event.key === 'Escape') setText('');
  };

  return (
    <>
      <TextField
        size="small"
        variant="filled"
        label={t('caseScan.label')}
        placeholder={t('caseScan.placeholder')}
        value={text}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={keyDown}
        inputRef={inputRef}
        autoComplete="off"
        slotProps={{
          htmlInput: { title: t('caseScan.help'), spellCheck: false },
          inputLabel: { shrink: true },
        }}
        sx={{ width: 200, bgcolor: 'background.paper', borderRadius: 1 }}
      />
      <Snackbar
        open={problem !== null}
        onClose={() => setProblem(null)}
        autoHideDuration={8000}
        anchorOrigin={{ vertical: 'top', horizontal: 'center' }}
      >
        <Alert severity="warning" onClose={() => setProblem(null)} sx={{ width: '100%' }}>
          {problem}
        </Alert>
      </Snackbar>
    </>
  );
}
