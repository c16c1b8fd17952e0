/**
 * Backups on the desktop (docs/backup-format.md): the renderer streams the backup's bytes, this
 * writes them to `<name>.partial` in the backup folder and renames the file when it is complete
 * (a half-written backup never carries a backup's name), then rotates the folder's backups (the
 * newest of each of the last 30 days and 12 months, shared/backup/rotation.ts). The folder is the
 * clerk's choice, kept in `backup-folder.json` in the user-data folder; by default
 * `Documents/投诉受理台备份`. Thin: the format and the rule are the renderer's and shared's.
 */
import { randomBytes } from 'node:crypto';
import {
  mkdir,
  open,
  readFile,
  readdir,
  rename,
  rm,
  writeFile,
  type FileHandle,
} from 'node:fs/promises';
import path from 'node:path';
import type {
  BackupBeginRequest,
  BackupBeginResult,
  BackupFolderInfo,
  BackupFolderResult,
  BackupWriteResult,
  SaveFileResult,
} from '@shared/platform/bridge';
import { backupRotation } from '@shared/backup/rotation';
import type { BridgeDeps, SenderContents } from './deps';
import { bridgeFailure, writeFailureReason } from './failure';

export const BACKUP_FOLDER_FILE = 'backup-folder.json';
export const BACKUP_DEFAULT_FOLDER = '投诉受理台备份';

interface Session {
  readonly senderId: number;
  readonly file: FileHandle;
  readonly partial: string;
  readonly final: string;
  readonly automatic: boolean;
}

export type BackupServiceDeps = Pick<
  BridgeDeps,
  'documentsDir' | 'userDataDir' | 'showOpenDialog' | 'log'
>;

export function createBackupService(deps: BackupServiceDeps) {
  const sessions = new Map<string, Session>();

  async function folder(): Promise<string> {
    try {
      const stored = JSON.parse(
        await readFile(path.join(deps.userDataDir(), BACKUP_FOLDER_FILE), 'utf8'),
      ) as {
        folder?: unknown;
      };
      if (typeof stored.folder === 'string' && path.isAbsolute(stored.folder)) return stored.folder;
    } catch {
      // No choice yet (or an unreadable one): the default folder.
    }
    return path.join(deps.documentsDir(), BACKUP_DEFAULT_FOLDER);
  }

  function sessionOf(sender: SenderContents, token: string): Session | undefined {
    const session = sessions.get(token);
    return session && session.senderId === sender.id ? session : undefined;
  }

  async function rotate(dir: string): Promise<void> {
    const { remove } = backupRotation(await readdir(dir));
    for (const name of remove) {
      await rm(path.join(dir, name), { force: true }).catch((error: unknown) =>
        deps.log(`backup rotation: could not remove ${name}`, error),
      );
    }
  }

  return {
    async folderInfo(): Promise<BackupFolderInfo> {
      return { folder: await folder() };
    },

    async chooseFolder(sender: SenderContents): Promise<BackupFolderResult> {
      const answer = await deps.showOpenDialog(sender, {
        defaultPath: await folder(),
        properties: ['openDirectory', 'createDirectory'],
      });
      const chosen = answer.filePaths[0];
      if (answer.canceled || !chosen) return { status: 'cancelled' };
      try {
        await mkdir(deps.userDataDir(), { recursive: true });
        await writeFile(
          path.join(deps.userDataDir(), BACKUP_FOLDER_FILE),
          JSON.stringify({ folder: chosen }),
        );
        return { status: 'chosen', folder: chosen };
      } catch (error) {
        return bridgeFailure(writeFailureReason(error));
      }
    },

    async begin(sender: SenderContents, request: BackupBeginRequest): Promise<BackupBeginResult> {
      const dir = await folder();
      const final = path.join(dir, request.fileName);
      const partial = `${final}.partial`;
      try {
        await mkdir(dir, { recursive: true });
        const file = await open(partial, 'w');
        const token = randomBytes(16).toString('hex');
        sessions.set(token, {
          senderId: sender.id,
          file,
          partial,
          final,
          automatic: request.automatic,
        });
        return { status: 'started', token };
      } catch (error) {
        deps.log('backup: could not open the file', error);
        return bridgeFailure(writeFailureReason(error));
      }
    },

    async write(
      sender: SenderContents,
      token: string,
      chunk: Uint8Array,
    ): Promise<BackupWriteResult> {
      const session = sessionOf(sender, token);
      if (!session) return bridgeFailure('invalid-request');
      try {
        await session.file.write(chunk);
        return { status: 'written' };
      } catch (error) {
        sessions.delete(token);
        await session.file.close().catch(() => undefined);
        await rm(session.partial, { force: true }).catch(() => undefined);
        return bridgeFailure(writeFailureReason(error));
      }
    },

    async finish(sender: SenderContents, token: string): Promise<SaveFileResult> {
      const session = sessionOf(sender, token);
      if (!session) return bridgeFailure('invalid-request');
      sessions.delete(token);
      try {
        // Flushed to the disk before the rename, so a power cut cannot leave a named, empty file.
        await session.file.sync();
        await session.file.close();
        await rename(session.partial, session.final);
      } catch (error) {
        await rm(session.partial, { force: true }).catch(() => undefined);
        return bridgeFailure(writeFailureReason(error));
      }
      if (session.automatic)
        await rotate(path.dirname(session.final)).catch((error: unknown) =>
          deps.log('backup rotation failed', error),
        );
      return { status: 'saved', path: session.final };
    },

    async cancel(sender: SenderContents, token: string): Promise<void> {
      const session = sessionOf(sender, token);
      if (!session) return;
      sessions.delete(token);
      await session.file.close().catch(() => undefined);
      await rm(session.partial, { force: true }).catch(() => undefined);
    },
  };
}
