import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DeskDatabase } from '../database';
import type { StoredDeskState } from './settings';
import { testDatabase, testDeskSetUp, testSession } from '../test-builders';
import { draftRead, draftRemove, draftWrite, draftWriteNow } from './drafts';

let db: DeskDatabase;
let desk: StoredDeskState;
beforeEach(async () => {
  localStorage.clear();
  db = testDatabase();
  desk = await testDeskSetUp(db);
});
afterEach(async () => {
  vi.restoreAllMocks();
  await db.delete();
});

describe('drafts', () => {
  it('keeps a draft in the database and reads it back', async () => {
    const session = testSession(db, desk, '2026-11-03T02:00:00.000Z');
    expect(await draftWrite(session, 'intake', { subject: '漏水' })).toBe('database');
    expect(await draftRead(session, 'intake')).toEqual({
      key: `intake:${desk.operator.id}`,
      value: { subject: '漏水' },
      updatedAt: '2026-11-03T02:00:00.000Z',
    });
    await draftRemove(session, 'intake');
    expect(await draftRead(session, 'intake')).toBeUndefined();
  });

  it('falls back to localStorage when the database refuses the write (quota)', async () => {
    const session = testSession(db, desk, '2026-11-03T02:00:00.000Z');
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    vi.spyOn(db.drafts, 'put').mockRejectedValue(new DOMException('full', 'QuotaExceededError'));
    expect(await draftWrite(session, 'intake', { subject: '停电' })).toBe('fallback');
    expect(await db.drafts.count()).toBe(0);
    expect((await draftRead(session, 'intake'))?.value).toEqual({ subject: '停电' });
  });

  it('says when the draft could be kept nowhere', async () => {
    const session = testSession(db, desk);
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    vi.spyOn(db.drafts, 'put').mockRejectedValue(new DOMException('full', 'QuotaExceededError'));
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    expect(await draftWrite(session, 'intake', { subject: 'x' })).toBe('failed');
    expect(await draftRead(session, 'intake')).toBeUndefined();
  });

  it('reads the newer of the database and the fallback copy', async () => {
    await draftWrite(testSession(db, desk, '2026-11-03T02:00:00.000Z'), 'intake', { v: 'old' });
    expect(
      draftWriteNow(testSession(db, desk, '2026-11-03T02:00:05.000Z'), 'intake', { v: 'new' }),
    ).toBe(true);
    expect((await draftRead(testSession(db, desk), 'intake'))?.value).toEqual({ v: 'new' });
    // A later database write replaces the fallback copy.
    await draftWrite(testSession(db, desk, '2026-11-03T02:00:09.000Z'), 'intake', { v: 'later' });
    expect(localStorage.length).toBe(0);
    expect((await draftRead(testSession(db, desk), 'intake'))?.value).toEqual({ v: 'later' });
  });

  it('ignores a damaged fallback copy', async () => {
    localStorage.setItem(`complaint-desk:draft:intake:${desk.operator.id}`, '{not json');
    expect(await draftRead(testSession(db, desk), 'intake')).toBeUndefined();
  });
});
