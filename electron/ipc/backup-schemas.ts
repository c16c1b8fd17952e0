/** What the main process accepts for backups (zod): a backup's file name, chunks of bytes, a token. */
import { z } from 'zod';
import { BACKUP_FILE_EXTENSION } from '@shared/backup/format';
import { MAX_NAME_LENGTH, isPlainFileName } from './schemas';

/** The renderer sends chunks of a few hundred kilobytes; anything far larger is a bug. */
export const MAX_BACKUP_CHUNK = 64 * 1024 * 1024;

const token = z.string().regex(/^[0-9a-f]{32}$/);

export const BACKUP_ARGUMENTS = {
  backupBegin: z.tuple([
    z.strictObject({
      fileName: z
        .string()
        .min(1)
        .max(MAX_NAME_LENGTH)
        .refine(isPlainFileName, 'a file name without a folder')
        .refine((name) => name.endsWith(BACKUP_FILE_EXTENSION), 'a backup file name'),
      automatic: z.boolean(),
    }),
  ]),
  backupWrite: z.tuple([
    token,
    z.instanceof(Uint8Array).refine((c) => c.byteLength <= MAX_BACKUP_CHUNK),
  ]),
  backupFinish: z.tuple([token]),
  backupCancel: z.tuple([token]),
  backupFolder: z.tuple([]),
  backupChooseFolder: z.tuple([]),
};
