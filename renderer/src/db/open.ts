/**
 * Opening the desk's database at start, so that a database that cannot open is said at once
 * instead of the first screen waiting for a query that never answers.
 *
 * Dexie reports two things between windows (dexie.org/docs/Dexie/Dexie.on.blocked and
 * Dexie.on.versionchange): `blocked` when this window wants a newer version while another
 * window still holds the older one open (the open waits until that window closes), and
 * `versionchange` in the older window when a newer one asks. Dexie's own handler then closes the
 * older connection and lets it reopen by itself on the next query; Dexie 4 reopens a database
 * whose version is higher than declared, so the older window would go on writing rows in its
 * older shape into the newer schema, rows the newer version's upgrade never sees. Here the older
 * window's connection is closed for good instead: its next write fails with
 * `DatabaseClosedError` (`storageErrorFrom` names it `upgradedElsewhere`: reload the window) and
 * the screen says so at once.
 */
import type { DeskDatabase } from './database';
import { StorageError, storageErrorFrom } from './errors';

export type DeskOpenResult =
  { readonly ok: true } | { readonly ok: false; readonly error: StorageError };

export interface DeskOpenListeners {
  /** Another window holds an older version open; the open goes on once it closes. */
  readonly onBlocked?: () => void;
  /** Another window opened a newer version: this window's connection is closed. */
  readonly onUpgradedElsewhere?: () => void;
}

/** Opens the database; never throws, and says why when it cannot. */
export async function deskDatabaseOpen(
  db: DeskDatabase,
  listeners: DeskOpenListeners = {},
): Promise<DeskOpenResult> {
  // Dexie looks IndexedDB up once, when it loads; a window without it (some private modes,
  // a locked-down browser) has nothing to open.
  if (typeof indexedDB === 'undefined' || indexedDB === null) {
    return { ok: false, error: new StorageError('unavailable', { message: 'no indexedDB' }) };
  }
  db.on('blocked', () => listeners.onBlocked?.());
  // Only another connection's open or delete fires it here (never this window's own open).
  db.on('versionchange', () => {
    db.close({ disableAutoOpen: true });
    listeners.onUpgradedElsewhere?.();
    // Stops Dexie's default handler, which would close again with auto-open allowed.
    return false;
  });
  try {
    await db.open();
    return { ok: true };
  } catch (error) {
    const mapped = storageErrorFrom(error);
    return {
      ok: false,
      error: mapped.code === 'unknown' ? new StorageError('unavailable', { cause: error }) : mapped,
    };
  }
}
