import { useCallback, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { IsoInstant, StaffId } from '@shared/kernel/brand';
import type { BackupReason } from '@shared/backup/format';
import type { DeskBridge } from '@shared/platform/bridge';
import type Dexie from 'dexie';
import { backupLast, backupMake, type BackupMakeResult } from '../../db/repos/backup';
import { useDeskServices } from '../../desk/services';
import { useDeskState } from '../../desk/desk-state';

export interface BackupProgress {
  readonly table: string;
  readonly count: number;
}

/** The latest backup of this desk (undefined while loading, null when there is none). */
export function useLastBackup(): { at: IsoInstant; path?: string } | null | undefined {
  const { db } = useDeskServices();
  return useLiveQuery(async () => (await backupLast(db)) ?? null, [db]);
}

/** The application's name and version, for the manifest. */
async function appOf(bridge: DeskBridge) {
  const info = await bridge.appInfo();
  return { name: info.name, version: info.version };
}

/** Backs up `db` through the bridge as the desk's current operator. */
export async function backupRun(
  db: Dexie,
  bridge: DeskBridge,
  reason: BackupReason,
  actor: { readonly actorId: StaffId; readonly timeZone: string; readonly now: () => IsoInstant },
  onProgress?: (progress: BackupProgress) => void,
): Promise<BackupMakeResult> {
  return backupMake(db, bridge, {
    reason,
    actorId: actor.actorId,
    app: await appOf(bridge),
    timeZone: actor.timeZone,
    now: actor.now,
    ...(onProgress ? { onProgress: (p) => onProgress({ table: p.table, count: p.records }) } : {}),
  });
}

/** "Back up now": runs one backup at a time and keeps its progress and outcome for the screen. */
export function useBackupNow() {
  const { db, bridge, now } = useDeskServices();
  const { operator, deadlineContext } = useDeskState();
  const [progress, setProgress] = useState<BackupProgress | null>(null);
  const [result, setResult] = useState<BackupMakeResult | null>(null);
  const run = useCallback(async () => {
    setResult(null);
    setProgress({ table: '', count: 0 });
    try {
      const made = await backupRun(
        db,
        bridge,
        'manual',
        { actorId: operator.id, timeZone: deadlineContext.timeZone, now },
        setProgress,
      );
      setResult(made);
    } catch (error) {
      setResult({ status: 'failed', reason: 'read-failed', detail: String(error) });
    } finally {
      setProgress(null);
    }
  }, [db, bridge, now, operator.id, deadlineContext.timeZone]);
  return { run, progress, result };
}
