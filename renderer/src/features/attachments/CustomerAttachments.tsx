import { Box, Link, Typography } from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import type { CaseEntity } from '@shared/model/entities';
import { attachmentsReadable, type AttachmentView } from '../../db/repos/attachments';
import { useDeskState } from '../../desk/desk-state';
import { useDeskServices } from '../../desk/services';
import { useObjectUrl } from './useObjectUrl';

/**
 * A household's attachments on its customer file: every case's files the operator may see (a
 * confidential case's stay hidden), each linking to its case, where it opens.
 */
export function CustomerAttachments({ cases }: Readonly<{ cases: readonly CaseEntity[] }>) {
  const { t } = useTranslation();
  const { db } = useDeskServices();
  const { operator } = useDeskState();
  const withFiles = cases.filter((c) => (c.attachmentIds?.length ?? 0) > 0);
  const key = withFiles.map((c) => `${c.id}:${c.lastHlc}`).join(',');
  const groups = useLiveQuery(
    async () =>
      Promise.all(
        withFiles.map(async (c) => ({
          item: c,
          list: await attachmentsReadable(db, c, operator),
        })),
      ),
    // `withFiles` is derived from `cases`; the key says when it changed.
    [db, key, operator],
  );
  const shown = (groups ?? []).filter((g) => g.list.length > 0);
  if (shown.length === 0) {
    return <Typography color="text.secondary">{t('attachments.noneForCustomer')}</Typography>;
  }
  return (
    <Box
      component="ul"
      aria-label={t('attachments.customerList')}
      sx={{ listStyle: 'none', p: 0, m: 0 }}
    >
      {shown.flatMap(({ item, list }) =>
        list.map((a) => <CustomerAttachmentRow key={a.attachmentId} item={item} attachment={a} />),
      )}
    </Box>
  );
}

function CustomerAttachmentRow({
  item,
  attachment,
}: Readonly<{ item: CaseEntity; attachment: AttachmentView }>) {
  const { t } = useTranslation();
  const thumbnail = useObjectUrl(attachment.file?.thumbnail, 'image/jpeg');
  return (
    <Box component="li" sx={{ display: 'flex', alignItems: 'center', gap: 1.5, py: 0.5 }}>
      <Box
        sx={{
          width: 64,
          height: 48,
          bgcolor: 'grey.100',
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'center',
        }}
      >
        {thumbnail ? (
          <Box
            component="img"
            src={thumbnail}
            alt={t('attachments.thumbnailOf', { name: attachment.name })}
            sx={{ maxWidth: 64, maxHeight: 48 }}
          />
        ) : (
          <Typography variant="caption">{t(`attachments.kinds.${attachment.kind}`)}</Typography>
        )}
      </Box>
      <Box>
        <Typography variant="body2">
          {attachment.name}
          {attachment.caption ? ` · ${attachment.caption}` : ''}
        </Typography>
        <Link component={RouterLink} to={`/cases/${item.id}`} variant="body2">
          {item.number} · {item.subject}
        </Link>
      </Box>
    </Box>
  );
}
