import { Box, Button, Stack, Typography } from '@mui/material';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseId } from '@shared/kernel/brand';
import {
  attachmentAdd,
  attachmentSettingsGet,
  type PreparedFile,
} from '../../db/repos/attachments';
import { useDeskSession } from '../../desk/desk-session';
import { formatBytes } from '../../vocabulary/bytes';
import { AttachmentAddStatus, AttachmentDropArea } from './AttachmentDropArea';
import { attachmentPrepare, fileSourceOf } from './prepare';
import { useAttachmentRefusalWords } from './useAttachmentAdder';

interface PendingFile {
  readonly key: number;
  readonly prepared: PreparedFile;
  readonly caption: string;
}

export interface IntakeAttachmentsState {
  readonly pending: readonly PendingFile[];
  readonly reading: string | null;
  readonly refusals: readonly string[];
  readonly added: readonly string[];
  readonly give: (files: readonly File[], caption: string) => Promise<void>;
  readonly drop: (key: number) => void;
  /** Adds the files waiting to the case just registered; each refusal is reported. */
  readonly attachTo: (caseId: CaseId) => Promise<void>;
  /** Forgets the files waiting (the form was cleared). */
  readonly reset: () => void;
}

let pendingKey = 0;

/**
 * Files given on the intake form before the case exists: each is read and checked when given
 * (a refused file is said at once), and added to the case right after it is saved.
 */
export function useIntakeAttachments(): IntakeAttachmentsState {
  const session = useDeskSession();
  const wordOf = useAttachmentRefusalWords();
  const [pending, setPending] = useState<readonly PendingFile[]>([]);
  const [reading, setReading] = useState<string | null>(null);
  const [refusals, setRefusals] = useState<readonly string[]>([]);
  const [added, setAdded] = useState<readonly string[]>([]);

  const give = useCallback(
    async (files: readonly File[], caption: string) => {
      const settings = await attachmentSettingsGet(session.db);
      const refused: string[] = [];
      setAdded([]);
      for (const file of files) {
        setReading(file.name);
        try {
          const prepared = await attachmentPrepare(fileSourceOf(file, file.name), settings);
          pendingKey += 1;
          const key = pendingKey;
          setPending((list) => [...list, { key, prepared, caption }]);
        } catch (error) {
          refused.push(wordOf(error));
        }
      }
      setReading(null);
      setRefusals(refused);
    },
    [session.db, wordOf],
  );

  const attachTo = useCallback(
    async (caseId: CaseId) => {
      const refused: string[] = [];
      const done: string[] = [];
      for (const file of pending) {
        try {
          await attachmentAdd(session, caseId, file.prepared, file.caption);
          done.push(file.prepared.name);
        } catch (error) {
          refused.push(wordOf(error));
        }
      }
      setPending([]);
      setRefusals(refused);
      setAdded(done);
    },
    [pending, session, wordOf],
  );

  const drop = useCallback(
    (key: number) => setPending((list) => list.filter((file) => file.key !== key)),
    [],
  );
  const reset = useCallback(() => {
    setPending([]);
    setRefusals([]);
    setAdded([]);
  }, []);
  return { pending, reading, refusals, added, give, drop, attachTo, reset };
}

/** The intake form's attachments: given before saving, added to the case when it is saved. */
export function IntakeAttachments({ state }: Readonly<{ state: IntakeAttachmentsState }>) {
  const { t, i18n } = useTranslation();
  return (
    <Box component="section" aria-label={t('attachments.title')} sx={{ mt: 3 }}>
      <Typography variant="subtitle1" component="h2" sx={{ mb: 1 }}>
        {t('attachments.title')}
      </Typography>
      {state.pending.length > 0 && (
        <Stack
          component="ul"
          aria-label={t('attachments.pending')}
          sx={{ p: 0, m: 0, mb: 1, listStyle: 'none' }}
        >
          {state.pending.map(({ key, prepared, caption }) => (
            <Box component="li" key={key} sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
              <Typography variant="body2">
                {prepared.name} · {t(`attachments.kinds.${prepared.kind}`)} ·{' '}
                {formatBytes(prepared.size, i18n.language)}
                {caption ? ` · ${caption}` : ''}
              </Typography>
              <Button
                size="small"
                color="error"
                aria-label={t('attachments.remove', { name: prepared.name })}
                onClick={() => state.drop(key)}
              >
                {t('attachments.removeConfirm')}
              </Button>
            </Box>
          ))}
        </Stack>
      )}
      <AttachmentDropArea
        busy={state.reading !== null}
        onFiles={(files, caption) => void state.give(files, caption)}
        status={
          <AttachmentAddStatus
            adding={state.reading}
            refusals={state.refusals}
            added={state.added}
          />
        }
      />
    </Box>
  );
}
