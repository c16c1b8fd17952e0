/**
 * Drafts of forms being typed (the `drafts` table, one row per form and operator), so that what
 * a clerk typed survives a reload, a crash of the window and a walk to another screen.
 *
 * A draft is most needed exactly when IndexedDB refuses writes (the disk or the origin's quota
 * is full, another window upgraded the database): then the draft goes to the window's
 * `localStorage`, which the browser keeps apart from IndexedDB's quota, and reading takes the
 * newer of the two. A draft is not a record of the desk: no event, no audit, never synced.
 */
import type { IsoInstant } from '@shared/kernel/brand';
import type { DraftEntity } from '@shared/model/entities';
import type { DeskSession } from '../session';

/** Which form a draft belongs to. */
export type DraftForm = 'intake';

/** Where the last write of a draft went. */
export type DraftWritten = 'database' | 'fallback' | 'failed';

const FALLBACK_PREFIX = 'complaint-desk:draft:';

function draftKey(session: DeskSession, form: DraftForm): string {
  return `${form}:${session.operator.id}`;
}

function fallbackStorage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    // Some locked-down windows throw on the mere access.
    return undefined;
  }
}

function fallbackRead(key: string): DraftEntity | undefined {
  const text = fallbackStorage()?.getItem(FALLBACK_PREFIX + key);
  if (!text) return undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== 'object' || parsed === null) return undefined;
    const { updatedAt, value } = parsed as { updatedAt?: unknown; value?: unknown };
    return typeof updatedAt === 'string'
      ? { key, value, updatedAt: updatedAt as IsoInstant }
      : undefined;
  } catch {
    return undefined;
  }
}

function fallbackWrite(row: DraftEntity): boolean {
  try {
    const storage = fallbackStorage();
    if (!storage) return false;
    storage.setItem(
      FALLBACK_PREFIX + row.key,
      JSON.stringify({ updatedAt: row.updatedAt, value: row.value }),
    );
    return true;
  } catch {
    return false;
  }
}

function fallbackRemove(key: string): void {
  try {
    fallbackStorage()?.removeItem(FALLBACK_PREFIX + key);
  } catch {
    // Nothing to remove where nothing could be stored.
  }
}

/** The operator's latest draft of `form` (the newer of the database's and the fallback's). */
export async function draftRead(
  session: DeskSession,
  form: DraftForm,
): Promise<DraftEntity | undefined> {
  const key = draftKey(session, form);
  const stored = await session.db.drafts.get(key).catch((error: unknown) => {
    console.error('reading a draft failed', error);
    return undefined;
  });
  const fallback = fallbackRead(key);
  if (!stored) return fallback;
  if (!fallback) return stored;
  return fallback.updatedAt > stored.updatedAt ? fallback : stored;
}

/**
 * Keeps the draft. Never throws: a draft that cannot be kept must not stop the clerk typing;
 * the answer says where it went.
 */
export async function draftWrite(
  session: DeskSession,
  form: DraftForm,
  value: unknown,
): Promise<DraftWritten> {
  const row: DraftEntity = { key: draftKey(session, form), value, updatedAt: session.now() };
  try {
    await session.db.drafts.put(row);
    // An older fallback copy would otherwise win over a later database write of the same age.
    fallbackRemove(row.key);
    return 'database';
  } catch (error) {
    console.error('keeping the draft in the database failed', error);
    return fallbackWrite(row) ? 'fallback' : 'failed';
  }
}

/**
 * Keeps the draft at once in the fallback only: for `pagehide`/`beforeunload`, when the window
 * goes away before an IndexedDB write could finish.
 */
export function draftWriteNow(session: DeskSession, form: DraftForm, value: unknown): boolean {
  return fallbackWrite({ key: draftKey(session, form), value, updatedAt: session.now() });
}

/** Drops the draft (the form was saved or cleared). */
export async function draftRemove(session: DeskSession, form: DraftForm): Promise<void> {
  const key = draftKey(session, form);
  fallbackRemove(key);
  await session.db.drafts.delete(key).catch((error: unknown) => {
    console.error('removing a draft failed', error);
  });
}
