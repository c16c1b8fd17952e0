import { afterEach, describe, expect, it } from 'vitest';
import type { CaseId, IsoInstant, StaffId } from '@shared/kernel/brand';
import type { DeskDatabase } from '../database';
import {
  TEST_UNIT,
  testDatabase,
  testDeadline,
  testDeskSetUp,
  testRegister,
  testSession,
} from '../test-builders';
import { caseAppendEvent, type CaseAppendableType } from './cases';
import type { CasePayloadOf } from '@shared/workflow/events';
import type { StoredDeskState } from './settings';
import {
  statsCasesOfRange,
  statsExportRecord,
  statsFollowUpsPending,
  statsOverdueCases,
  statsRegisterCount,
  statsRegisterPage,
} from './stats';

let db: DeskDatabase;
afterEach(async () => {
  await db.delete();
});

const at = (s: string) => s as IsoInstant;
// November's report period in Shanghai: 2026-10-25 00:00 to 2026-11-25 00:00 (+08:00).
const NOVEMBER = { from: at('2026-10-24T16:00:00.000Z'), to: at('2026-11-24T16:00:00.000Z') };

async function append<T extends CaseAppendableType>(
  desk: StoredDeskState,
  caseId: CaseId,
  type: T,
  payload: CasePayloadOf<T>,
  when: string,
) {
  return caseAppendEvent(testSession(db, desk, when), caseId, type, payload);
}

describe('stats repository', () => {
  it('reads a period’s cases with the earlier reports of their matters, and pages the register', async () => {
    db = testDatabase();
    const desk = await testDeskSetUp(db);
    const october = await testRegister(db, desk, '2026-10-20T02:00:00.000Z');
    const edgeOut = await testRegister(db, desk, '2026-10-24T15:59:00.000Z');
    const edgeIn = await testRegister(db, desk, '2026-10-24T16:00:00.000Z');
    const linked = await testRegister(db, desk, '2026-11-02T02:00:00.000Z', {
      matterId: october.id,
    });
    const last = await testRegister(db, desk, '2026-11-24T15:59:00.000Z');
    await testRegister(db, desk, '2026-11-24T16:00:00.000Z');

    const cases = await statsCasesOfRange(db, NOVEMBER);
    expect(cases.map((c) => c.number).sort()).toEqual(
      [october, edgeIn, linked, last].map((c) => c.number).sort(),
    );
    expect(cases.some((c) => c.id === edgeOut.id)).toBe(false);

    expect(await statsRegisterCount(db, NOVEMBER)).toBe(3);
    const first = await statsRegisterPage(db, NOVEMBER, desk.operator, 2);
    expect(first.items.map((c) => c.id)).toEqual([edgeIn.id, linked.id]);
    const second = await statsRegisterPage(db, NOVEMBER, desk.operator, 2, first.next);
    expect(second).toEqual({ items: [expect.objectContaining({ id: last.id })] });
  });

  it('lists as overdue the open cases past their deadline still without a reply', async () => {
    db = testDatabase();
    const desk = await testDeskSetUp(db);
    const waiting = await testRegister(db, desk, '2026-11-02T02:00:00.000Z');
    const replied = await testRegister(db, desk, '2026-11-02T03:00:00.000Z');
    const notDue = await testRegister(db, desk, '2026-11-02T04:00:00.000Z');
    for (const [c, due] of [
      [waiting, '2026-11-09T09:30:00.000Z'],
      [replied, '2026-11-09T09:30:00.000Z'],
      [notDue, '2026-12-09T09:30:00.000Z'],
    ] as const) {
      await append(
        desk,
        c.id,
        'case/dispatched',
        { ...TEST_UNIT, deadline: testDeadline(due) },
        '2026-11-02T05:00:00.000Z',
      );
    }
    await append(
      desk,
      replied.id,
      'case/replied',
      { reply: '已修复', toldCustomer: '已告知' },
      '2026-11-05T05:00:00.000Z',
    );

    const now = at('2026-11-25T01:00:00.000Z');
    expect((await statsOverdueCases(db, now, desk.operator)).map((c) => c.id)).toEqual([
      waiting.id,
    ]);
    expect((await statsFollowUpsPending(db, desk.operator)).map((c) => c.id)).toEqual([replied.id]);
  });

  it('records each export in the audit log', async () => {
    db = testDatabase();
    const desk = await testDeskSetUp(db);
    await statsExportRecord(testSession(db, desk, '2026-11-25T01:00:00.000Z'), {
      action: 'report.exported',
      table: 'monthly',
      detail: '2026-10-25~2026-11-24',
    });
    expect(await db.audit.where('action').equals('report.exported').toArray()).toMatchObject([
      { target: 'monthly', detail: '2026-10-25~2026-11-24', actorId: desk.operator.id },
    ]);
  });

  it('exports a confidential case as a masked row to those who may not read it', async () => {
    db = testDatabase();
    const desk = await testDeskSetUp(db);
    const secret = await testRegister(db, desk, '2026-11-02T02:00:00.000Z', {
      flags: ['confidential'],
      subject: '举报装修押金',
    });
    const range = { from: at('2026-11-01T00:00:00.000Z'), to: at('2026-11-30T00:00:00.000Z') };
    const lead = { id: 'staff-lead' as StaffId, name: '钱立', roles: ['shiftLead' as const] };
    const page = await statsRegisterPage(db, range, lead, 10);
    expect(page.items.map((c) => [c.number, c.masked])).toEqual([[secret.number, 'case']]);
    expect(JSON.stringify(page)).not.toContain('举报装修押金');
    expect(await statsRegisterCount(db, range)).toBe(1);
    expect((await statsRegisterPage(db, range, desk.operator, 10)).items[0]?.subject).toBe(
      '举报装修押金',
    );
  });
});
