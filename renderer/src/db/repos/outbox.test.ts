import { afterEach, describe, expect, it } from 'vitest';
import type { IsoInstant } from '@shared/kernel/brand';
import type { DeskDatabase } from '../database';
import {
  testDatabase,
  testDeskSetUp,
  testRegister,
  testSession,
  testSyncJoin,
} from '../test-builders';
import { caseAppendEvent } from './cases';
import { outboxBacklogGet, outboxBacklogQueueSlice } from './outbox';

const NOW = '2026-11-03T01:00:00.000Z' as IsoInstant;

let db: DeskDatabase;
afterEach(async () => {
  await db.delete();
});

describe('the backlog of a desk that starts syncing', () => {
  it('queues every event written alone, a slice at a time, resuming where it stopped', async () => {
    db = testDatabase();
    const desk = await testDeskSetUp(db);
    const one = await testRegister(db, desk, '2026-11-02T02:00:00.000Z');
    await caseAppendEvent(testSession(db, desk), one.id, 'case/noted', { note: '再次来电' });
    await testRegister(db, desk, '2026-11-02T02:05:00.000Z');
    expect(await db.outbox.count()).toBe(0);
    // Nothing to queue before the desk joins.
    expect(await outboxBacklogQueueSlice(db, 2, NOW)).toEqual({ queued: 0, done: true });

    await testSyncJoin(db, desk);
    expect(await outboxBacklogGet(db)).toEqual({ queuedUpTo: null, done: false });
    const first = await outboxBacklogQueueSlice(db, 2, NOW);
    expect(first).toEqual({ queued: 2, done: false });
    expect(await db.outbox.count()).toBe(2);
    // A stop here (the window closed) loses nothing: the next slice continues after the last key.
    const second = await outboxBacklogQueueSlice(db, 2, NOW);
    expect(second).toEqual({ queued: 1, done: true });
    expect((await db.outbox.toCollection().primaryKeys()).sort()).toEqual(
      (await db.events.toCollection().primaryKeys()).sort(),
    );
    expect(await outboxBacklogQueueSlice(db, 2, NOW)).toEqual({ queued: 0, done: true });
    // Saving the settings again does not start it over.
    await testSyncJoin(db, desk);
    expect(await outboxBacklogGet(db)).toMatchObject({ done: true });
  });
});
