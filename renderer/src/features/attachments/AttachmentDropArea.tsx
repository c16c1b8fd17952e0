import AttachFileIcon from '@mui/icons-material/AttachFile';
import { Alert, Box, Button, Stack, TextField, Typography } from '@mui/material';
import { useEffect, useId, useState, type DragEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { filesOf } from './useAttachmentAdder';

export interface AttachmentDropAreaProps {
  /** Called with the files picked, dropped or pasted, and the caption typed for them. */
  readonly onFiles: (files: readonly File[], caption: string) => void;
  readonly busy?: boolean;
  /** What is being added, refused or was added: shown under the controls. */
  readonly status?: ReactNode;
  readonly children?: ReactNode;
}

/**
 * Where files come in, on the intake form and the case page: a file picker, dropping files on
 * the area, and pasting an image from the clipboard anywhere on the page (a screenshot, a photo
 * copied from a chat). A paste that holds no file is left to the field it was made in.
 */
export function AttachmentDropArea({
  onFiles,
  busy = false,
  status,
  children,
}: Readonly<AttachmentDropAreaProps>) {
  const { t } = useTranslation();
  const inputId = useId();
  const [caption, setCaption] = useState('');
  const [dragging, setDragging] = useState(false);

  const give = (files: readonly File[]) => {
    if (files.length === 0 || busy) return;
    onFiles(files, caption);
    setCaption('');
  };

  useEffect(() => {
    const onPaste = (event: ClipboardEvent) => {
      // A paste into a step's dialog belongs to that dialog, not to the case's attachments.
      const target = event.target instanceof Element ? event.target : null;
      if (target?.closest('[role="dialog"]')) return;
      const files = filesOf(event.clipboardData?.files);
      if (files.length === 0) return;
      event.preventDefault();
      give(files);
    };
    window.addEventListener('paste', onPaste);
    return () => window.removeEventListener('paste', onPaste);
  });

  const onDragOver = (event: DragEvent) => {
    if (!event.dataTransfer.types.includes('Files')) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    setDragging(true);
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    give(filesOf(event.dataTransfer.files));
  };

  return (
    <Box
      data-testid="attachment-drop-area"
      onDragOver={onDragOver}
      onDragEnter={onDragOver}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
      sx={{
        border: 2,
        borderStyle: 'dashed',
        borderColor: dragging ? 'primary.main' : 'divider',
        borderRadius: 1,
        p: 1.5,
        bgcolor: dragging ? 'action.hover' : undefined,
      }}
    >
      <Stack
        direction={{ xs: 'column', sm: 'row' }}
        spacing={1.5}
        sx={{ alignItems: 'flex-start' }}
      >
        <TextField
          size="small"
          label={t('attachments.caption')}
          helperText={t('attachments.captionHelp')}
          value={caption}
          onChange={(event) => setCaption(event.target.value)}
          sx={{ minWidth: 260, flex: '0 1 480px' }}
          slotProps={{ htmlInput: { maxLength: 200 } }}
        />
        <Button
          component="label"
          htmlFor={inputId}
          variant="outlined"
          startIcon={<AttachFileIcon />}
          disabled={busy}
          sx={{ flexShrink: 0, whiteSpace: 'nowrap' }}
        >
          {t('attachments.add')}
          <input
            id={inputId}
            type="file"
            multiple
            hidden
            aria-label={t('attachments.add')}
            accept="image/*,application/pdf,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.mp3,.wav,.m4a,.txt,.csv,text/plain,audio/*"
            onChange={(event) => {
              give(filesOf(event.target.files));
              event.target.value = '';
            }}
          />
        </Button>
      </Stack>
      <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
        {dragging ? t('attachments.dropHere') : t('attachments.hint')}
      </Typography>
      {status}
      {children}
    </Box>
  );
}

/** The outcome of the last addition: what is being added, what was refused and why. */
export function AttachmentAddStatus({
  adding,
  refusals,
  added,
}: Readonly<{ adding: string | null; refusals: readonly string[]; added: readonly string[] }>) {
  const { t } = useTranslation();
  return (
    <Stack spacing={1} sx={{ mt: 1 }}>
      {adding !== null && (
        <Typography role="status">{t('attachments.adding', { name: adding })}</Typography>
      )}
      {adding === null && added.length > 0 && (
        <Typography role="status" color="success.main">
          {added.map((name) => t('attachments.added', { name })).join('；')}
        </Typography>
      )}
      {refusals.map((text) => (
        <Alert key={text} severity="error" role="alert">
          {text}
        </Alert>
      ))}
    </Stack>
  );
}
