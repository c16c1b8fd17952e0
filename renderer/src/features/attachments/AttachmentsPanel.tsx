import AudioFileIcon from '@mui/icons-material/AudioFile';
import DescriptionIcon from '@mui/icons-material/Description';
import InsertDriveFileIcon from '@mui/icons-material/InsertDriveFile';
import PictureAsPdfIcon from '@mui/icons-material/PictureAsPdf';
import {
  Alert,
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  Paper,
  TextField,
  Typography,
} from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseEntity } from '@shared/model/entities';
import {
  attachmentRemove,
  attachmentRestore,
  attachmentsReadable,
  attachmentsRemoved,
  type AttachmentView,
} from '../../db/repos/attachments';
import { staffIsAdmin } from '@shared/organisation/staff';
import { useDeskSession } from '../../desk/desk-session';
import { useDeskState } from '../../desk/desk-state';
import { useDeskServices } from '../../desk/services';
import { useErrorMessage } from '../../desk/useErrorMessage';
import { formatBytes } from '../../vocabulary/bytes';
import { formatDateTime } from '../../vocabulary/format';
import { AttachmentAddStatus, AttachmentDropArea } from './AttachmentDropArea';
import { AttachmentViewer, useAttachmentSave } from './AttachmentViewer';
import { useAttachmentAdder } from './useAttachmentAdder';
import { useObjectUrl } from './useObjectUrl';
import { useStorageEstimate } from './useStorageEstimate';

/** A case's attachments on its page: thumbnails, adding, viewing, saving, removing. */
export function AttachmentsPanel({ item }: Readonly<{ item: CaseEntity }>) {
  const { t, i18n } = useTranslation();
  const { db } = useDeskServices();
  const adder = useAttachmentAdder();
  const { operator } = useDeskState();
  const list = useLiveQuery(() => attachmentsReadable(db, item, operator), [db, item, operator]);
  const [viewing, setViewing] = useState<AttachmentView | null>(null);
  const [removing, setRemoving] = useState<AttachmentView | null>(null);
  // Read again after each addition: warn before the browser's quota is reached.
  const estimate = useStorageEstimate(list?.length);

  return (
    <Paper sx={{ p: 2 }} component="section" aria-label={t('attachments.title')}>
      <Typography variant="h6" component="h2" sx={{ mb: 1 }}>
        {t('attachments.title')}
        {list && list.length > 0 ? ` (${list.length})` : ''}
      </Typography>
      {list !== undefined && (
        <AttachmentThumbnails item={item} list={list} onView={setViewing} onRemove={setRemoving} />
      )}
      {estimate?.nearlyFull && (
        <Alert severity="warning" sx={{ mb: 1 }}>
          {t('attachments.storage.nearlyFull', {
            usage: formatBytes(estimate.usage, i18n.language),
            quota: formatBytes(estimate.quota, i18n.language),
          })}
        </Alert>
      )}
      <AttachmentDropArea
        busy={adder.adding !== null}
        onFiles={(files, caption) =>
          void adder.add(
            item.id,
            files.map((file) => ({ file, name: file.name, caption })),
          )
        }
        status={<AttachmentAddStatus {...adder} />}
      />
      {staffIsAdmin(operator) && <RemovedAttachments item={item} />}
      {viewing && (
        <AttachmentViewer item={item} attachment={viewing} onClose={() => setViewing(null)} />
      )}
      {removing && (
        <RemoveDialog item={item} attachment={removing} onClose={() => setRemoving(null)} />
      )}
    </Paper>
  );
}

function AttachmentThumbnails({
  item,
  list,
  onView,
  onRemove,
}: Readonly<{
  item: CaseEntity;
  list: readonly AttachmentView[];
  onView: (a: AttachmentView) => void;
  onRemove: (a: AttachmentView) => void;
}>) {
  const { t } = useTranslation();
  if (list.length === 0) {
    return (
      <Typography color="text.secondary" sx={{ mb: 1 }}>
        {t('attachments.none')}
      </Typography>
    );
  }
  return (
    <Box
      component="ul"
      aria-label={t('attachments.list')}
      sx={{
        listStyle: 'none',
        p: 0,
        m: 0,
        mb: 1.5,
        display: 'grid',
        gap: 1.5,
        gridTemplateColumns: 'repeat(auto-fill, minmax(180px, 1fr))',
      }}
    >
      {list.map((a) => (
        <AttachmentCard
          key={a.attachmentId}
          item={item}
          attachment={a}
          onView={onView}
          onRemove={onRemove}
        />
      ))}
    </Box>
  );
}

function KindIcon({ attachment }: Readonly<{ attachment: AttachmentView }>) {
  const sx = { fontSize: 56, color: 'text.secondary' };
  switch (attachment.kind) {
    case 'pdf':
      return <PictureAsPdfIcon sx={sx} />;
    case 'audio':
      return <AudioFileIcon sx={sx} />;
    case 'office':
    case 'text':
      return <DescriptionIcon sx={sx} />;
    default:
      return <InsertDriveFileIcon sx={sx} />;
  }
}

function AttachmentCard({
  item,
  attachment,
  onView,
  onRemove,
}: Readonly<{
  item: CaseEntity;
  attachment: AttachmentView;
  onView: (a: AttachmentView) => void;
  onRemove: (a: AttachmentView) => void;
}>) {
  const { t, i18n } = useTranslation();
  const { deadlineContext } = useDeskState();
  const save = useAttachmentSave(item);
  const thumbnail = useObjectUrl(attachment.file?.thumbnail, 'image/jpeg');
  const opens = attachment.inline && (attachment.kind === 'image' || attachment.kind === 'pdf');
  const { name } = attachment;
  return (
    <Box
      component="li"
      sx={{
        border: 1,
        borderColor: 'divider',
        borderRadius: 1,
        p: 1,
        display: 'flex',
        flexDirection: 'column',
        gap: 0.5,
      }}
    >
      <Box
        sx={{
          height: 120,
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'center',
          bgcolor: 'grey.100',
        }}
      >
        {thumbnail ? (
          <Box
            component="img"
            src={thumbnail}
            alt={t('attachments.thumbnailOf', { name })}
            sx={{ maxWidth: '100%', maxHeight: 120, objectFit: 'contain' }}
          />
        ) : (
          <KindIcon attachment={attachment} />
        )}
      </Box>
      <Typography variant="body2" sx={{ fontWeight: 500, wordBreak: 'break-all' }}>
        {name}
      </Typography>
      {attachment.caption && <Typography variant="body2">{attachment.caption}</Typography>}
      <Typography variant="caption" color="text.secondary">
        {t(`attachments.kinds.${attachment.kind}`)} · {formatBytes(attachment.size, i18n.language)}
        {attachment.locationRemoved ? ` · ${t('attachments.locationRemoved')}` : ''}
      </Typography>
      <Typography variant="caption" color="text.secondary">
        {t('attachments.addedBy', {
          who: attachment.addedByName,
          when: formatDateTime(attachment.addedAt, deadlineContext.timeZone),
        })}
      </Typography>
      {!attachment.file && <Alert severity="warning">{t('attachments.missing')}</Alert>}
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.5 }}>
        {opens ? (
          <Button
            size="small"
            aria-label={t('attachments.view', { name })}
            onClick={() => onView(attachment)}
          >
            {t('attachments.open')}
          </Button>
        ) : (
          <Button
            size="small"
            aria-label={t('attachments.saveNamed', { name })}
            onClick={() => void save.run(attachment)}
          >
            {t('attachments.save')}
          </Button>
        )}
        <Button
          size="small"
          color="error"
          aria-label={t('attachments.remove', { name })}
          onClick={() => onRemove(attachment)}
        >
          {t('attachments.removeConfirm')}
        </Button>
      </Box>
      {save.message && (
        <Typography variant="caption" color={save.failed ? 'error' : 'success.main'}>
          {save.message}
        </Typography>
      )}
    </Box>
  );
}

function RemoveDialog({
  item,
  attachment,
  onClose,
}: Readonly<{ item: CaseEntity; attachment: AttachmentView; onClose: () => void }>) {
  const { t } = useTranslation();
  const session = useDeskSession();
  const errorMessage = useErrorMessage();
  const [reason, setReason] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const confirm = async () => {
    setBusy(true);
    try {
      await attachmentRemove(session, item.id, attachment, reason);
      onClose();
    } catch (error) {
      setFailure(errorMessage(error));
      setBusy(false);
    }
  };
  return (
    <Dialog open onClose={onClose} aria-labelledby="attachment-remove-title">
      <DialogTitle id="attachment-remove-title">{t('attachments.removeTitle')}</DialogTitle>
      <DialogContent>
        <DialogContentText>
          {t('attachments.removeIntro', { name: attachment.name })}
        </DialogContentText>
        <TextField
          label={t('attachments.removeReason')}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          fullWidth
          margin="dense"
        />
        {failure && <Alert severity="error">{failure}</Alert>}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('attachments.cancel')}</Button>
        <Button color="error" variant="contained" disabled={busy} onClick={() => void confirm()}>
          {t('attachments.removeConfirm')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

/** For an administrator: the files taken off the case that are still stored, to put back. */
function RemovedAttachments({ item }: Readonly<{ item: CaseEntity }>) {
  const { t } = useTranslation();
  const { db } = useDeskServices();
  const session = useDeskSession();
  const errorMessage = useErrorMessage();
  const [failure, setFailure] = useState<string | null>(null);
  const removed = useLiveQuery(() => attachmentsRemoved(db, item), [db, item]);
  if (!removed || removed.length === 0) return null;
  return (
    <Box sx={{ mt: 1.5 }}>
      <Typography variant="subtitle2" component="h3">
        {t('attachments.removedList')}
      </Typography>
      <Box component="ul" aria-label={t('attachments.removedList')} sx={{ m: 0, pl: 2 }}>
        {removed.map((a) => (
          <li key={a.attachmentId}>
            {a.name}
            {a.caption ? ` · ${a.caption}` : ''}
            <Button
              size="small"
              aria-label={t('attachments.restore', { name: a.name })}
              onClick={() => {
                setFailure(null);
                attachmentRestore(session, item.id, a).catch((error: unknown) =>
                  setFailure(errorMessage(error)),
                );
              }}
            >
              {t('attachments.restoreShort')}
            </Button>
          </li>
        ))}
      </Box>
      {failure && <Alert severity="error">{failure}</Alert>}
    </Box>
  );
}
