import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseId } from '@shared/kernel/brand';
import {
  AttachmentRefusedError,
  attachmentAdd,
  attachmentSettingsGet,
} from '../../db/repos/attachments';
import { useDeskSession } from '../../desk/desk-session';
import { useErrorMessage } from '../../desk/useErrorMessage';
import { formatBytes } from '../../vocabulary/bytes';
import { attachmentPrepare, fileSourceOf } from './prepare';

/** A file the clerk gave, with the caption to store with it. */
export interface GivenFile {
  readonly file: Blob;
  readonly name: string;
  readonly caption?: string;
}

export interface AttachmentAdder {
  /** Adds the files one by one; resolves with how many were added. */
  readonly add: (caseId: CaseId, files: readonly GivenFile[]) => Promise<number>;
  /** The file being added, while one is. */
  readonly adding: string | null;
  /** Why files were refused, one sentence each, from the last `add`. */
  readonly refusals: readonly string[];
  /** The files added by the last `add`. */
  readonly added: readonly string[];
  readonly clear: () => void;
}

/**
 * Adding files to a case (the case page, and intake once the case is saved): each is read,
 * checked and added on its own, so one refused file does not stop the others, and each refusal
 * is worded with its file's name and reason.
 */
/** One sentence for why a file was not added: its name, and the reason in the clerk's words. */
export function useAttachmentRefusalWords(): (error: unknown) => string {
  const { t, i18n } = useTranslation();
  const errorMessage = useErrorMessage();
  return useCallback(
    (error: unknown) => {
      if (error instanceof AttachmentRefusedError) {
        return t(`attachments.refused.${error.code}`, {
          name: error.fileName,
          limit: error.limit === undefined ? '' : formatBytes(error.limit, i18n.language),
          detected: error.detected ?? '',
        });
      }
      return errorMessage(error);
    },
    [t, i18n.language, errorMessage],
  );
}

export function useAttachmentAdder(): AttachmentAdder {
  const session = useDeskSession();
  const wordOf = useAttachmentRefusalWords();
  const [adding, setAdding] = useState<string | null>(null);
  const [refusals, setRefusals] = useState<readonly string[]>([]);
  const [added, setAdded] = useState<readonly string[]>([]);

  const add = useCallback(
    async (caseId: CaseId, files: readonly GivenFile[]) => {
      const refused: string[] = [];
      const done: string[] = [];
      setRefusals([]);
      setAdded([]);
      const settings = await attachmentSettingsGet(session.db);
      for (const given of files) {
        setAdding(given.name);
        try {
          const prepared = await attachmentPrepare(fileSourceOf(given.file, given.name), settings);
          await attachmentAdd(session, caseId, prepared, given.caption);
          done.push(given.name);
        } catch (error) {
          refused.push(wordOf(error));
        }
      }
      setAdding(null);
      setRefusals(refused);
      setAdded(done);
      return done.length;
    },
    [session, wordOf],
  );

  const clear = useCallback(() => {
    setRefusals([]);
    setAdded([]);
  }, []);

  return { add, adding, refusals, added, clear };
}

/** The files of a paste or a drop (a pasted screenshot comes as a file named `image.png`). */
export function filesOf(list: FileList | null | undefined): File[] {
  return list ? Array.from(list) : [];
}
