import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaseEntity } from '@shared/model/entities';
import type { DeskDatabase } from '../database';
import { StorageError } from '../errors';
import type { DeskSession } from '../session';
import {
  testCustomer,
  testDatabase,
  testDeskSetUp,
  testSyncJoin,
  testRegister,
  testSession,
} from '../test-builders';
import { caseEvents, caseGet } from './cases';
import {
  MatterError,
  matterCases,
  matterLink,
  matterLinkCandidates,
  matterUnlink,
} from './matters';
import type { StoredDeskState } from './settings';

describe('linking cases as one matter', () => {
  let db: DeskDatabase;
  let desk: StoredDeskState;
  let first: CaseEntity;
  let second: CaseEntity;
  let third: CaseEntity;
  let wallMs = Date.parse('2026-11-10T02:00:00.000Z');

  /** The operator's session for the next change, a minute after the last. */
  const by = (): DeskSession => {
    wallMs += 60_000;
    return testSession(db, desk, new Date(wallMs).toISOString());
  };
  const matterOf = async (c: CaseEntity) => (await caseGet(db, c.id))?.matterId;

  beforeEach(async () => {
    db = testDatabase();
    desk = await testDeskSetUp(db);
    // A desk set to sync: its events are queued in the outbox too.
    await testSyncJoin(db, desk);
    first = await testRegister(db, desk, '2026-11-03T01:00:00.000Z', { subject: '3号楼电梯停运' });
    second = await testRegister(db, desk, '2026-11-04T01:00:00.000Z', {
      subject: '电梯又坏了',
      customer: testCustomer({ name: '陈红', phone: '13800001111' }),
    });
    third = await testRegister(db, desk, '2026-11-05T01:00:00.000Z', { subject: '楼道灯不亮' });
  });
  afterEach(async () => {
    await db.delete();
  });

  it('links two reports under the first, with a linked event on each', async () => {
    await matterLink(by(), second.id, first.id);
    expect(await matterOf(first)).toBe(first.id);
    expect(await matterOf(second)).toBe(first.id);
    const last = async (c: CaseEntity) => (await caseEvents(db, c.id)).at(-1);
    expect(await last(first)).toMatchObject({
      type: 'case/linked',
      payload: { matterId: first.id, otherCaseId: second.id },
    });
    expect(await last(second)).toMatchObject({
      type: 'case/linked',
      payload: { matterId: first.id, otherCaseId: first.id },
    });
    expect((await matterCases(db, first.id, desk.operator)).map((c) => c.id)).toEqual([
      first.id,
      second.id,
    ]);
    // Every event goes to the outbox too.
    expect(await db.outbox.where('caseId').equals(second.id).count()).toBe(2);
  });

  it('refuses a self-link and a second link of the same matter, writing nothing', async () => {
    await expect(matterLink(by(), first.id, first.id)).rejects.toMatchObject({
      code: 'selfLink',
    });
    await matterLink(by(), second.id, first.id);
    const events = await db.events.count();
    await expect(matterLink(by(), first.id, second.id)).rejects.toBeInstanceOf(MatterError);
    expect(await db.events.count()).toBe(events);
  });

  it('refuses an unknown case', async () => {
    await expect(
      matterLink(by(), first.id, 'no-such-case' as CaseEntity['id']),
    ).rejects.toBeInstanceOf(StorageError);
  });

  it('is atomic: when the second case cannot be written, neither case is linked', async () => {
    const eventsBefore = await db.events.count();
    let created = 0;
    const failSecond = () => {
      created += 1;
      if (created === 2) throw new Error('disk failed while writing the second event');
    };
    db.events.hook('creating', failSecond);
    try {
      await expect(matterLink(by(), second.id, first.id)).rejects.toBeInstanceOf(StorageError);
    } finally {
      db.events.hook('creating').unsubscribe(failSecond);
    }
    expect(created).toBe(2);
    expect(await matterOf(first)).toBe(first.id);
    expect(await matterOf(second)).toBe(second.id);
    expect(await db.events.count()).toBe(eventsBefore);
    expect(await db.outbox.count()).toBe(eventsBefore);
  });

  it('unlinks a report: both cases become their own matter again', async () => {
    await matterLink(by(), second.id, first.id);
    await matterUnlink(by(), second.id);
    expect(await matterOf(first)).toBe(first.id);
    expect(await matterOf(second)).toBe(second.id);
    expect((await caseEvents(db, second.id)).at(-1)).toMatchObject({
      type: 'case/unlinked',
      payload: { otherCaseId: first.id },
    });
    await expect(matterUnlink(by(), second.id)).rejects.toMatchObject({ code: 'notLinked' });
  });

  it('keeps the rest of a matter together when its first case leaves', async () => {
    await matterLink(by(), second.id, first.id);
    await matterLink(by(), third.id, second.id);
    expect(await matterOf(third)).toBe(first.id);
    await matterUnlink(by(), first.id);
    expect(await matterOf(first)).toBe(first.id);
    expect(await matterOf(second)).toBe(second.id);
    expect(await matterOf(third)).toBe(second.id);
  });

  it('offers cases to link by number or text, without those already in the matter', async () => {
    const ids = async (query: string) =>
      (await matterLinkCandidates(db, query, first.matterId, desk.operator, 10)).map((c) => c.id);
    expect(await ids('电梯')).toEqual([second.id]);
    expect(await ids(third.number)).toEqual([third.id]);
    expect(await ids('   ')).toEqual([]);
  });
});
