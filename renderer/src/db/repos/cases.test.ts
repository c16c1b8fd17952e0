import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CaseId, IsoInstant } from '@shared/kernel/brand';
import { caseFold } from '@shared/workflow/reducer';
import type { DeskDatabase } from '../database';
import { StorageError, WorkflowError } from '../errors';
import {
  TEST_UNIT,
  testCustomer,
  testDatabase,
  testDeadline,
  testDeskSetUp,
  testRegister,
  testSession,
  testSyncJoin,
} from '../test-builders';
import {
  caseAppendEvent,
  caseByNumber,
  caseEvents,
  caseGet,
  casesCount,
  casesOfCustomer,
} from './cases';
import { customersByPhone } from './customers';
import { settingsGet, settingsPut, type StoredDeskState } from './settings';

let db: DeskDatabase;
afterEach(async () => {
  vi.restoreAllMocks();
  await db.delete();
});

/** A desk set up; `syncing`: also set to sync, so its events are queued in the outbox. */
async function deskReady(options: { readonly syncing?: boolean } = {}) {
  db = testDatabase();
  const desk = await testDeskSetUp(db);
  if (options.syncing) await testSyncJoin(db, desk);
  return desk;
}

/** Everything a command may write, to compare before and after one that must write nothing. */
async function tables() {
  return {
    cases: await db.cases.toArray(),
    events: await db.events.toArray(),
    customers: await db.customers.toArray(),
    outbox: await db.outbox.toArray(),
    numbering: await settingsGet(db, 'numbering'),
    clock: await settingsGet(db, 'clock'),
  };
}

/** Dispatches a case as the desk's operator at `at`. */
function dispatch(desk: StoredDeskState, caseId: CaseId, at: string) {
  return caseAppendEvent(testSession(db, desk, at), caseId, 'case/dispatched', {
    ...TEST_UNIT,
    deadline: testDeadline('2026-11-20T10:00:00.000Z'),
  });
}

describe('caseRegister', () => {
  it('numbers cases by the month received: 2611-0001, 2611-0002, then 2612-0001', async () => {
    const desk = await deskReady();

    const first = await testRegister(db, desk, '2026-11-09T02:00:00.000Z');
    const second = await testRegister(db, desk, '2026-11-20T08:30:00.000Z');
    const december = await testRegister(db, desk, '2026-12-01T01:00:00.000Z');

    expect([first.number, second.number, december.number]).toEqual([
      '2611-0001',
      '2611-0002',
      '2612-0001',
    ]);
    expect(await settingsGet(db, 'numbering')).toEqual({ '2611': 2, '2612': 1 });
    expect((await caseByNumber(db, '2611-0002'))?.id).toBe(second.id);
  });

  it('takes the month in the desk’s time zone: 30 Nov 17:00 UTC is 1 Dec in Shanghai', async () => {
    const desk = await deskReady();
    const late = await testRegister(db, desk, '2026-11-30T17:00:00.000Z');
    expect(late.number).toBe('2612-0001');
  });

  it('links the customer file, reusing the file of a known phone', async () => {
    const desk = await deskReady();

    const first = await testRegister(db, desk, '2026-11-09T02:00:00.000Z');
    const again = await testRegister(db, desk, '2026-11-10T02:00:00.000Z', {
      customer: testCustomer({ name: '', phone: '139 1234 5678', address: '' }),
    });
    const other = await testRegister(db, desk, '2026-11-11T02:00:00.000Z', {
      customer: testCustomer({ name: '周静', phone: '13800001111', address: '2栋101' }),
    });

    const [file] = await customersByPhone(db, '13912345678');
    expect(file).toMatchObject({ name: '李明', address: '5栋1203室', phones: ['13912345678'] });
    expect(first.customer.customerId).toBe(file?.id);
    expect(again.customer.customerId).toBe(file?.id);
    expect(other.customer.customerId).not.toBe(file?.id);
    expect(await db.customers.count()).toBe(2);
    if (!file) throw new Error('no customer file');
    expect((await casesOfCustomer(db, file.id, desk.operator)).map((c) => c.id)).toEqual([
      again.id,
      first.id,
    ]);
  });

  it('makes no customer file for an anonymous caller', async () => {
    const desk = await deskReady();
    const anonymous = await testRegister(db, desk, '2026-11-09T02:00:00.000Z', {
      customer: { name: '', phone: '', address: '' },
    });
    expect(anonymous.customer).not.toHaveProperty('customerId');
    expect(await db.customers.count()).toBe(0);
  });

  it('queues no event in the outbox on a desk that does not sync', async () => {
    const desk = await deskReady();
    const registered = await testRegister(db, desk, '2026-11-09T02:00:00.000Z');
    await dispatch(desk, registered.id, '2026-11-09T03:00:00.000Z');
    expect(await db.events.count()).toBe(2);
    expect(await db.outbox.count()).toBe(0);
  });

  it('stores the snapshot its events fold into, and one outbox row per event', async () => {
    const desk = await deskReady({ syncing: true });
    const registered = await testRegister(db, desk, '2026-11-09T02:00:00.000Z');
    const dispatched = await dispatch(desk, registered.id, '2026-11-09T03:00:00.000Z');

    const events = await caseEvents(db, registered.id);
    expect(events.map((e) => e.type)).toEqual(['case/received', 'case/dispatched']);
    expect(await caseGet(db, registered.id)).toEqual(dispatched);
    expect(caseFold(events)).toEqual(dispatched);
    expect(dispatched).toMatchObject({ status: 'dispatched', unitId: TEST_UNIT.unitId });

    const outbox = await db.outbox.orderBy('hlc').toArray();
    expect(outbox.map((row) => [row.id, row.caseId, row.hlc])).toEqual(
      events.map((e) => [e.id, e.caseId, e.hlc]),
    );
    expect(await settingsGet(db, 'clock')).toBe(events[1]?.hlc);
  });

  it('gives each new event a later clock stamp, even when the wall clock goes back', async () => {
    const desk = await deskReady();
    const registered = await testRegister(db, desk, '2026-11-09T02:00:00.000Z');
    // The PC's clock was set back an hour before the next action.
    await caseAppendEvent(
      testSession(db, desk, '2026-11-09T01:05:00.000Z'),
      registered.id,
      'case/noted',
      {
        note: '客户再次来电',
      },
    );
    const [received, noted] = await caseEvents(db, registered.id);
    expect(noted?.type).toBe('case/noted');
    expect(String(noted?.hlc) > String(received?.hlc)).toBe(true);
  });

  it('writes nothing, not even the customer file, when the workflow refuses the case', async () => {
    const desk = await deskReady();
    const before = await tables();

    const attempt = testRegister(db, desk, '2026-11-09T02:00:00.000Z', { subject: '  ' });

    await expect(attempt).rejects.toMatchObject({
      refusal: { code: 'missingField', field: 'subject', eventType: 'case/received' },
    });
    expect(await tables()).toEqual(before);
  });

  it('refuses a number that already exists and writes nothing', async () => {
    const desk = await deskReady();
    await testRegister(db, desk, '2026-11-09T02:00:00.000Z');
    // A lost counter (say, restored from an old backup) would hand out 2611-0001 again.
    await settingsPut(db, 'numbering', {}, '2026-11-09T03:00:00.000Z' as IsoInstant);
    const before = await tables();

    const attempt = testRegister(db, desk, '2026-11-10T02:00:00.000Z', {
      customer: testCustomer({ name: '新客户', phone: '13700000000' }),
    });

    await expect(attempt).rejects.toBeInstanceOf(StorageError);
    await expect(attempt).rejects.toMatchObject({ code: 'duplicateNumber' });
    expect(await tables()).toEqual(before);
  });

  it('leaves nothing half-written when a write fails inside the transaction', async () => {
    const desk = await deskReady({ syncing: true });
    const before = await tables();
    // The outbox row is written after the customer, the event and the case.
    vi.spyOn(db.outbox, 'bulkAdd').mockImplementation(() => {
      throw new Error('disk unplugged');
    });

    const attempt = testRegister(db, desk, '2026-11-09T02:00:00.000Z');

    await expect(attempt).rejects.toMatchObject({ code: 'unknown' });
    expect(await tables()).toEqual(before);
    expect(before.numbering).toEqual({});
    expect(before.clock).toBeUndefined();
    expect(await casesCount(db)).toBe(0);
  });
});

describe('caseAppendEvent', () => {
  it('throws the reducer’s refusal and writes nothing when the event does not apply', async () => {
    const desk = await deskReady({ syncing: true });
    const registered = await testRegister(db, desk, '2026-11-09T02:00:00.000Z');
    const before = await tables();

    const attempt = caseAppendEvent(
      testSession(db, desk, '2026-11-09T03:00:00.000Z'),
      registered.id,
      'case/accepted',
      { handlerName: '张师傅' },
    );

    await expect(attempt).rejects.toBeInstanceOf(WorkflowError);
    await expect(attempt).rejects.toMatchObject({
      refusal: { code: 'notAllowedInStatus', eventType: 'case/accepted', status: 'registered' },
    });
    expect(await tables()).toEqual(before);
    expect(before.events).toHaveLength(1);
    expect(before.outbox).toHaveLength(1);
  });

  it('reports an unknown case as not found', async () => {
    const desk = await deskReady();
    const registered = await testRegister(db, desk, '2026-11-09T02:00:00.000Z');
    await db.cases.delete(registered.id);
    await expect(dispatch(desk, registered.id, '2026-11-09T03:00:00.000Z')).rejects.toMatchObject({
      code: 'notFound',
    });
  });

  it('counts cases by status', async () => {
    const desk = await deskReady();
    const a = await testRegister(db, desk, '2026-11-09T02:00:00.000Z');
    await testRegister(db, desk, '2026-11-09T03:00:00.000Z');
    await dispatch(desk, a.id, '2026-11-09T04:00:00.000Z');
    expect(await casesCount(db)).toBe(2);
    expect(await casesCount(db, { status: 'registered' })).toBe(1);
    expect(await casesCount(db, { status: 'dispatched' })).toBe(1);
    expect(await casesCount(db, { status: 'closed' })).toBe(0);
  });
});
