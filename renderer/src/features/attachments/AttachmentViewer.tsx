import {
  Alert,
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Typography,
} from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseEntity } from '@shared/model/entities';
import { attachmentContent, type AttachmentView } from '../../db/repos/attachments';
import { useDeskServices } from '../../desk/services';
import { useDeskState } from '../../desk/desk-state';
import { useErrorMessage } from '../../desk/useErrorMessage';
import { useObjectUrl } from './useObjectUrl';

/**
 * One attachment, opened inside the desk: an image as an <img>, a PDF in an <iframe> of a blob
 * URL (Chromium's own PDF viewer, in Electron and in the browser build alike; no PDF library
 * to ship). Other types, and SVG or HTML which could run scripts, are only saved to disk.
 */
export function AttachmentViewer({
  item,
  attachment,
  onClose,
}: Readonly<{ item: CaseEntity; attachment: AttachmentView; onClose: () => void }>) {
  const { t } = useTranslation();
  const { db } = useDeskServices();
  const { operator } = useDeskState();
  const errorMessage = useErrorMessage();
  const save = useAttachmentSave(item);
  const [content, setContent] = useState<Blob>();
  const [failure, setFailure] = useState<string | null>(null);
  const renders = attachment.inline && (attachment.kind === 'image' || attachment.kind === 'pdf');

  useEffect(() => {
    let live = true;
    if (!renders) return undefined;
    attachmentContent(db, item, attachment.attachmentId, operator).then(
      (blob) => live && setContent(blob),
      (error: unknown) => live && setFailure(errorMessage(error)),
    );
    return () => {
      live = false;
    };
  }, [db, item, attachment.attachmentId, renders, errorMessage, operator]);
  const url = useObjectUrl(content, attachment.mediaType);

  return (
    <Dialog
      open
      onClose={onClose}
      maxWidth="lg"
      fullWidth
      aria-labelledby="attachment-viewer-title"
    >
      <DialogTitle id="attachment-viewer-title">{attachment.name}</DialogTitle>
      <DialogContent dividers>
        {attachment.caption && <Typography sx={{ mb: 1 }}>{attachment.caption}</Typography>}
        {failure && <Alert severity="error">{failure}</Alert>}
        {!renders && (
          <Alert severity="info">
            {t('attachments.notRendered', { type: attachment.mediaType })}
          </Alert>
        )}
        {renders && url && attachment.kind === 'image' && (
          <Box
            component="img"
            src={url}
            alt={attachment.caption || attachment.name}
            sx={{ display: 'block', maxWidth: '100%', maxHeight: '75vh', mx: 'auto' }}
          />
        )}
        {renders && url && attachment.kind === 'pdf' && (
          <Box
            component="iframe"
            src={url}
            title={t('attachments.pdfFrame', { name: attachment.name })}
            sx={{ width: '100%', height: '75vh', border: 0 }}
          />
        )}
        {save.message && (
          <Alert severity={save.failed ? 'error' : 'success'} sx={{ mt: 1 }}>
            {save.message}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={() => void save.run(attachment)}>{t('attachments.save')}</Button>
        <Button onClick={onClose} variant="contained">
          {t('attachments.close')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

/** Saving an attachment's bytes to disk through the desktop bridge (a download in a browser). */
export function useAttachmentSave(item: CaseEntity) {
  const { t } = useTranslation();
  const { db, bridge } = useDeskServices();
  const { operator } = useDeskState();
  const errorMessage = useErrorMessage();
  const [message, setMessage] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  const run = async (attachment: AttachmentView) => {
    setMessage(null);
    try {
      const blob = await attachmentContent(db, item, attachment.attachmentId, operator);
      const result = await bridge.saveFile({
        suggestedName: attachment.name,
        mimeType: attachment.mediaType,
        data: new Uint8Array(await blob.arrayBuffer()),
      });
      if (result.status === 'saved') {
        setFailed(false);
        setMessage(t('attachments.saved', { path: result.path }));
      } else if (result.status === 'failed') {
        setFailed(true);
        setMessage(t('attachments.saveFailed', { reason: result.reason }));
      }
    } catch (error) {
      setFailed(true);
      setMessage(errorMessage(error));
    }
  };
  return { run, message, failed };
}
