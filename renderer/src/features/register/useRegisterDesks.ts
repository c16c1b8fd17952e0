import { useLiveQuery } from 'dexie-react-hooks';
import type { SyncDesk } from '@shared/sync/protocol';
import { syncSettingsGet } from '../../db/repos/sync';
import { useDeskState } from '../../desk/desk-state';
import { useDeskServices } from '../../desk/services';

export interface RegisterDesks {
  /** Whether this database syncs (a desk or a head office): the register then names desks. */
  readonly shown: boolean;
  /** The organisation's desks, by code (from the last "test connection"). */
  readonly desks: readonly SyncDesk[];
  /** This desk's code, if it has one (a head office has none). */
  readonly ownCode?: string;
}

/** Which desks the register names and filters by (the sync settings' desks and this desk). */
export function useRegisterDesks(): RegisterDesks {
  const { db } = useDeskServices();
  const { identity } = useDeskState();
  const sync = useLiveQuery(() => syncSettingsGet(db), [db]);
  const ownCode = identity.deskCode;
  const byCode = new Map<string, SyncDesk>();
  for (const desk of [...(sync?.desks ?? []), ...(sync?.desk ? [sync.desk] : [])]) {
    byCode.set(desk.code, desk);
  }
  if (ownCode && !byCode.has(ownCode))
    byCode.set(ownCode, { code: ownCode, name: identity.deskName });
  return {
    shown: sync?.enabled === true,
    desks: [...byCode.values()].sort((a, b) => a.code.localeCompare(b.code)),
    ...(ownCode ? { ownCode } : {}),
  };
}
