import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IsoInstant, StaffId } from '@shared/kernel/brand';
import type { CaseEntity } from '@shared/model/entities';
import type { DuplicateProbe } from '@shared/intake/duplicates';
import type { RegisterViewer } from '@shared/register/query';
import type { DeskDatabase } from '../database';
import { testCustomer, testDatabase, testDeskSetUp, testRegister } from '../test-builders';
import { duplicateWindowDays, duplicatesFind } from './duplicates';
import { settingsPut } from './settings';
import { casesOfCustomer } from './cases';
import {
  customerGet,
  customersForViewer,
  customerCaseCounts,
  customersByAddress,
  customersPage,
  customersSearch,
} from './customers';
import type { StoredDeskState } from './settings';

const AT = '2026-11-20T02:00:00.000Z' as IsoInstant;

describe('possible duplicates and customer files', () => {
  let db: DeskDatabase;
  let desk: StoredDeskState;
  let lift: CaseEntity;
  let liftNeighbour: CaseEntity;
  let old: CaseEntity;
  let secret: CaseEntity;

  beforeAll(async () => {
    db = testDatabase();
    desk = await testDeskSetUp(db);
    lift = await testRegister(db, desk, '2026-11-10T01:00:00.000Z', {
      subject: '三号楼电梯故障停运',
      customer: testCustomer({ name: '张伟', phone: '138-1234-5678', address: '3-1502' }),
    });
    liftNeighbour = await testRegister(db, desk, '2026-11-11T01:00:00.000Z', {
      subject: '3号楼电梯又停了',
      customer: testCustomer({ name: '陈红', phone: '13800001111', address: '3-801' }),
    });
    old = await testRegister(db, desk, '2026-09-01T01:00:00.000Z', {
      subject: '物业费发票',
      customer: testCustomer({ name: '张伟', phone: '13812345678', address: '3-1502' }),
    });
    secret = await testRegister(db, desk, '2026-11-12T01:00:00.000Z', {
      subject: '举报三号楼电梯维保造假',
      flags: ['confidential'],
      customer: testCustomer({ name: '匿名', phone: '13700007777', address: '' }),
    });
    await testRegister(db, desk, '2026-11-13T01:00:00.000Z', {
      subject: '楼道灯不亮',
      customer: testCustomer({ name: '李明', phone: '13912345678', address: '5栋1203室' }),
    });
  });
  afterAll(async () => {
    await db.delete();
  });

  const probe = (overrides: Partial<DuplicateProbe>): DuplicateProbe => ({
    phone: '',
    address: '',
    subject: '',
    content: '',
    at: AT,
    ...overrides,
  });
  const find = async (p: DuplicateProbe, viewer: RegisterViewer = desk.operator, windowDays = 30) =>
    (await duplicatesFind(db, p, { windowDays, viewer, limit: 10 })).map((d) => [
      d.case.id,
      d.reasons.join('+'),
    ]);

  it('finds the same caller by phone however it was typed, within the window', async () => {
    expect(await find(probe({ phone: '13812345678' }))).toEqual([[lift.id, 'samePhone']]);
    // With a longer window the older case of the same caller shows too.
    expect(await find(probe({ phone: '138 1234 5678' }), desk.operator, 90)).toEqual([
      [lift.id, 'samePhone'],
      [old.id, 'samePhone'],
    ]);
  });

  it('finds the same room', async () => {
    expect(await find(probe({ address: ' 3-1502 ' }))).toEqual([[lift.id, 'sameAddress']]);
  });

  it('finds similar subjects, most similar first', async () => {
    const found = await find(probe({ subject: '三号楼电梯停运' }));
    expect(found.map(([id]) => id)).toEqual([lift.id, secret.id, liftNeighbour.id]);
    expect(found.every(([, reasons]) => reasons === 'similarText')).toBe(true);
  });

  it('does not offer a confidential case to someone who may not read it', async () => {
    const clerk = { id: 'staff-x' as StaffId, name: '赵敏', roles: ['clerk' as const] };
    const found = await find(probe({ subject: '三号楼电梯停运' }), clerk);
    expect(found.map(([id]) => id)).not.toContain(secret.id);
  });

  it('finds nothing for an empty form', async () => {
    expect(await find(probe({}))).toEqual([]);
  });

  it('reads the window from the settings, with the default of 30 days', async () => {
    expect(await duplicateWindowDays(db)).toBe(30);
    await settingsPut(db, 'duplicateWindowDays', 90, AT);
    expect(await duplicateWindowDays(db)).toBe(90);
    await settingsPut(db, 'duplicateWindowDays', -3, AT);
    expect(await duplicateWindowDays(db)).toBe(30);
  });

  it('finds customer files by room, and by phone, name or address in the list', async () => {
    expect((await customersByAddress(db, '3-1502')).map((c) => c.name)).toEqual(['张伟']);
    expect((await customersSearch(db, desk.operator, '1380000', 10)).map((c) => c.name)).toEqual([
      '陈红',
    ]);
    expect((await customersSearch(db, desk.operator, '5678', 10)).map((c) => c.name)).toEqual([
      '张伟',
      '李明',
    ]);
    expect((await customersSearch(db, desk.operator, '陈', 10)).map((c) => c.name)).toEqual([
      '陈红',
    ]);
    expect((await customersSearch(db, desk.operator, '1203', 10)).map((c) => c.name)).toEqual([
      '李明',
    ]);
    expect(await customersSearch(db, desk.operator, '  ', 10)).toEqual([]);
  });

  it('withholds a file whose only cases the viewer may not read', async () => {
    // A file made before confidential reports stopped making them.
    const file = await customersSearch(db, desk.operator, '13912345678', 5);
    const li = file[0];
    if (!li) throw new Error('no file');
    const [only] = await db.cases.where('customer.customerId').equals(li.id).toArray();
    if (!only) throw new Error('no case');
    await db.cases.update(only.id, { flags: ['confidential'] });
    const clerk = { id: 'staff-c' as StaffId, name: '赵敏', roles: ['clerk' as const] };
    try {
      expect(await customersSearch(db, clerk, '13912345678', 5)).toEqual([]);
      expect(await customerGet(db, li.id, clerk)).toBeUndefined();
      expect(await customersForViewer(db, [li], clerk)).toEqual([]);
      expect(await customerGet(db, li.id, desk.operator)).toEqual(li);
      expect(await casesOfCustomer(db, li.id, clerk)).toEqual([]);
    } finally {
      await db.cases.update(only.id, { flags: [] });
    }
  });

  it('pages the customer list by name and counts each file’s cases', async () => {
    const first = await customersPage(db, desk.operator, 2);
    expect(first.next).toBeDefined();
    const second = await customersPage(db, desk.operator, 2, first.next);
    expect(second.next).toBeUndefined();
    const all = [...first.items, ...second.items];
    expect(all.map((c) => c.name)).toEqual([...all.map((c) => c.name)].sort());
    // The confidential report made no file: its reporter is not among the customers.
    expect(new Set(all.map((c) => c.id)).size).toBe(3);
    expect(all.map((c) => c.name)).not.toContain('匿名');
    expect(secret.customer.customerId).toBeUndefined();
    const zhang = all.find((c) => c.name === '张伟');
    if (!zhang) throw new Error('no file');
    expect((await customerCaseCounts(db, [zhang.id])).get(zhang.id)).toEqual({ total: 2, open: 2 });
  });
});

describe('similar text on a desk with many older cases of the same subject', () => {
  it('finds the ones in the window, however many older ones hold the same words', async () => {
    const db = testDatabase();
    const desk = await testDeskSetUp(db);
    // Older reports of the same fault, all before a 30-day window ending at AT.
    for (let day = 0; day < 30; day++) {
      const received = new Date(Date.parse('2026-08-01T01:00:00.000Z') + day * 86_400_000);
      await testRegister(db, desk, received.toISOString(), { subject: '三号楼电梯故障' });
    }
    const recent = await testRegister(db, desk, '2026-11-15T01:00:00.000Z', {
      subject: '三号楼电梯故障',
      customer: testCustomer({ name: '陈红', phone: '13800001111', address: '3-801' }),
    });
    const found = await duplicatesFind(
      db,
      { phone: '', address: '', subject: '三号楼电梯又坏了', content: '', at: AT },
      { windowDays: 30, viewer: desk.operator, limit: 10 },
    );
    expect(found.map((d) => d.case.id)).toEqual([recent.id]);
    await db.delete();
  });
});
