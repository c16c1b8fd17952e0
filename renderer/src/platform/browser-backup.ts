/**
 * Large files out of a browser (backups, the register export): streamed to a file the clerk picks where the browser has the File System
 * Access API (`showSaveFilePicker`, Chromium), so a backup of any size goes to disk a chunk at a
 * time; elsewhere the chunks are gathered into a Blob (which the browser keeps out of the page's
 * heap, on disk when large) and offered as a download when the backup is complete.
 */
import type {
  BackupBeginRequest,
  BackupBeginResult,
  BackupWriteResult,
  SaveFileResult,
} from '@shared/platform/bridge';

interface WritableFile {
  write(data: Uint8Array): Promise<void>;
  close(): Promise<void>;
  abort(): Promise<void>;
}

interface SavePickerWindow {
  showSaveFilePicker?: (options: {
    suggestedName: string;
    types: { description: string; accept: Record<string, string[]> }[];
  }) => Promise<{ createWritable(): Promise<WritableFile>; name: string }>;
}

type Session =
  | { kind: 'file'; name: string; writable: WritableFile }
  | { kind: 'download'; name: string; mime: string; parts: Blob[] };

export interface BrowserBackupDeps {
  readonly window: Window;
  readonly document: Document;
}

export function browserBackupService(deps: BrowserBackupDeps) {
  const sessions = new Map<string, Session>();
  let next = 0;

  return {
    async begin(
      request: BackupBeginRequest,
      type: { description: string; mime: string; extension: string } = {
        description: 'Desk backup',
        mime: 'application/zip',
        extension: '.zip',
      },
    ): Promise<BackupBeginResult> {
      const token = `stream-${++next}`;
      const picker = (deps.window as unknown as SavePickerWindow).showSaveFilePicker;
      // An automatic backup has no click to open a picker with: it is offered as a download.
      if (picker && !request.automatic) {
        try {
          const handle = await picker({
            suggestedName: request.fileName,
            types: [{ description: type.description, accept: { [type.mime]: [type.extension] } }],
          });
          sessions.set(token, {
            kind: 'file',
            name: handle.name,
            writable: await handle.createWritable(),
          });
          return { status: 'started', token };
        } catch (error) {
          if (error instanceof DOMException && error.name === 'AbortError')
            return { status: 'cancelled' };
          // No permission or no picker in this context: fall back to a download.
        }
      }
      sessions.set(token, { kind: 'download', name: request.fileName, mime: type.mime, parts: [] });
      return { status: 'started', token };
    },
    async write(token: string, chunk: Uint8Array): Promise<BackupWriteResult> {
      const session = sessions.get(token);
      if (!session) return { status: 'failed', reason: 'invalid-request' };
      try {
        if (session.kind === 'file') await session.writable.write(chunk);
        // Each chunk becomes a Blob at once: the page keeps no array of its bytes.
        else session.parts.push(new Blob([chunk.slice().buffer]));
        return { status: 'written' };
      } catch (error) {
        return {
          status: 'failed',
          reason:
            error instanceof DOMException && error.name === 'QuotaExceededError'
              ? 'disk-full'
              : 'write-failed',
        };
      }
    },
    async finish(token: string): Promise<SaveFileResult> {
      const session = sessions.get(token);
      sessions.delete(token);
      if (!session) return { status: 'failed', reason: 'invalid-request' };
      if (session.kind === 'file') {
        await session.writable.close();
        return { status: 'saved', path: session.name };
      }
      const blob = new Blob(session.parts, { type: session.mime });
      const url = URL.createObjectURL(blob);
      const link = deps.document.createElement('a');
      link.href = url;
      link.download = session.name;
      link.rel = 'noopener';
      deps.document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 120_000);
      return { status: 'saved', path: session.name };
    },
    async cancel(token: string): Promise<void> {
      const session = sessions.get(token);
      sessions.delete(token);
      if (session?.kind === 'file') await session.writable.abort().catch(() => undefined);
    },
  };
}
