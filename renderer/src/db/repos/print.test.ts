import { afterEach, describe, expect, it } from 'vitest';
import type { CaseId, IsoInstant, StaffId } from '@shared/kernel/brand';
import { PRINT_SETTINGS_DEFAULT } from '@shared/paper/settings';
import type { DeskDatabase } from '../database';
import { StorageError } from '../errors';
import {
  TEST_UNIT,
  testDatabase,
  testDeadline,
  testDeskSetUp,
  testRegister,
  testSession,
} from '../test-builders';
import { caseAppendEvent, caseEvents } from './cases';
import {
  printCasesWithEvents,
  printDispatchedCaseIds,
  printFollowUpsDue,
  printRecord,
  printRegisterCases,
  printRegisterCasesInParts,
  printSettingsLoad,
  REGISTER_FIRST_PART,
} from './print';
import { settingsPut, type StoredDeskState } from './settings';

let db: DeskDatabase;
afterEach(async () => {
  await db.delete();
});

async function deskReady() {
  db = testDatabase();
  return testDeskSetUp(db);
}

const at = (s: string) => s as IsoInstant;

/** The operator's session at `when`. */
function step(desk: StoredDeskState, when: string) {
  return testSession(db, desk, when);
}

async function dispatch(desk: StoredDeskState, caseId: CaseId, when: string) {
  return caseAppendEvent(step(desk, when), caseId, 'case/dispatched', {
    ...TEST_UNIT,
    deadline: testDeadline('2026-11-20T09:30:00.000Z'),
  });
}

describe('print settings', () => {
  it('are the defaults on a desk that never saved any', async () => {
    await deskReady();
    expect(await printSettingsLoad(db)).toEqual(PRINT_SETTINGS_DEFAULT);
  });

  it('fill in what an older stored value lacks', async () => {
    await deskReady();
    await settingsPut(db, 'print', { maskPhones: false } as never, at('2026-11-02T01:00:00.000Z'));
    const settings = await printSettingsLoad(db);
    expect(settings.maskPhones).toBe(false);
    expect(settings.margins).toEqual(PRINT_SETTINGS_DEFAULT.margins);
  });
});

describe('printRegisterCases', () => {
  it('gives the cases received in the range, oldest first, bounds by local day', async () => {
    const desk = await deskReady();
    // Shanghai: Nov 2 starts at 2026-11-01T16:00Z and Nov 3 at 2026-11-02T16:00Z.
    await testRegister(db, desk, '2026-11-01T15:59:00.000Z', { subject: '前一天' });
    const second = await testRegister(db, desk, '2026-11-02T09:00:00.000Z', { subject: '下午' });
    const first = await testRegister(db, desk, '2026-11-01T16:00:00.000Z', { subject: '零点' });
    await testRegister(db, desk, '2026-11-02T16:00:00.000Z', { subject: '后一天' });
    const rows = await printRegisterCases(
      db,
      at('2026-11-01T16:00:00.000Z'),
      at('2026-11-02T16:00:00.000Z'),
      desk.operator,
    );
    expect(rows.map((c) => c.id)).toEqual([first.id, second.id]);
  });
});

describe('printRegisterCasesInParts', () => {
  const start = at('2026-11-01T16:00:00.000Z');
  const end = at('2026-11-02T16:00:00.000Z');

  it('reads the same cases in the same order, a small first part then the rest', async () => {
    const desk = await deskReady();
    await testRegister(db, desk, '2026-11-01T15:59:00.000Z', { subject: '前一天' });
    // Cases received at the same instant: the parts must not skip or repeat one between them.
    for (let i = 0; i < REGISTER_FIRST_PART + 4; i++) {
      const minute = String(Math.floor(i / 3)).padStart(2, '0');
      await testRegister(db, desk, `2026-11-02T01:${minute}:00.000Z`, { subject: `第${i}件` });
    }
    await testRegister(db, desk, '2026-11-02T16:00:00.000Z', { subject: '后一天' });
    const whole = await printRegisterCases(db, start, end, desk.operator);
    const parts: { ids: string[]; count: number }[] = [];
    const all = await printRegisterCasesInParts(db, start, end, desk.operator, (part, count) =>
      parts.push({ ids: part.map((c) => c.id), count }),
    );
    expect(whole).toHaveLength(REGISTER_FIRST_PART + 4);
    expect(all.map((c) => c.id)).toEqual(whole.map((c) => c.id));
    expect(parts.flatMap((part) => part.ids)).toEqual(whole.map((c) => c.id));
    expect(parts.map((part) => part.ids.length)).toEqual([REGISTER_FIRST_PART, 4]);
    expect(parts.every((part) => part.count === whole.length)).toBe(true);
  });

  it('stops after the part it is told to stop at, and reads an empty range as one empty part', async () => {
    const desk = await deskReady();
    for (let i = 0; i < REGISTER_FIRST_PART + 2; i++) {
      await testRegister(db, desk, '2026-11-02T02:00:00.000Z', { subject: `第${i}件` });
    }
    const sizes: number[] = [];
    const some = await printRegisterCasesInParts(
      db,
      start,
      end,
      desk.operator,
      (part) => sizes.push(part.length),
      () => true,
    );
    expect(some).toHaveLength(REGISTER_FIRST_PART);
    expect(sizes).toEqual([REGISTER_FIRST_PART]);
    const counts: number[] = [];
    const none = await printRegisterCasesInParts(
      db,
      at('2026-12-01T16:00:00.000Z'),
      at('2026-12-02T16:00:00.000Z'),
      desk.operator,
      (part, count) => counts.push(part.length, count),
    );
    expect(none).toEqual([]);
    expect(counts).toEqual([0, 0]);
  });
});

describe('printCasesWithEvents', () => {
  it('gives each case asked for with its history, skipping unknown ids', async () => {
    const desk = await deskReady();
    const c = await testRegister(db, desk, '2026-11-02T01:00:00.000Z');
    await dispatch(desk, c.id, '2026-11-02T02:00:00.000Z');
    const loaded = await printCasesWithEvents(db, [c.id, 'no-such-case' as CaseId], desk.operator);
    expect(loaded).toHaveLength(1);
    expect(loaded[0]?.events.map((e) => e.type)).toEqual(['case/received', 'case/dispatched']);
  });

  it('masks a confidential case for a clerk: no customer, no content, no history', async () => {
    const desk = await deskReady();
    const c = await testRegister(db, desk, '2026-11-02T01:00:00.000Z', {
      flags: ['confidential'],
      subject: '举报保安',
    });
    const clerk = { id: 'staff-c' as StaffId, name: '赵敏', roles: ['clerk' as const] };
    const [seen] = await printCasesWithEvents(db, [c.id], clerk);
    expect(seen?.item.masked).toBe('case');
    expect(seen?.events).toEqual([]);
    expect(JSON.stringify(seen)).not.toContain('举报保安');
    const [full] = await printCasesWithEvents(db, [c.id], desk.operator);
    expect(full?.item.subject).toBe('举报保安');
  });
});

describe('printDispatchedCaseIds', () => {
  it('lists the cases dispatched that day once each, in dispatch order', async () => {
    const desk = await deskReady();
    const a = await testRegister(db, desk, '2026-11-02T01:00:00.000Z');
    const b = await testRegister(db, desk, '2026-11-02T01:10:00.000Z');
    const c = await testRegister(db, desk, '2026-11-02T01:20:00.000Z');
    await dispatch(desk, b.id, '2026-11-02T02:00:00.000Z');
    await dispatch(desk, a.id, '2026-11-02T03:00:00.000Z');
    await dispatch(desk, b.id, '2026-11-02T04:00:00.000Z');
    await dispatch(desk, c.id, '2026-11-03T02:00:00.000Z');
    const ids = await printDispatchedCaseIds(
      db,
      at('2026-11-01T16:00:00.000Z'),
      at('2026-11-02T16:00:00.000Z'),
    );
    expect(ids).toEqual([b.id, a.id]);
  });
});

describe('printFollowUpsDue', () => {
  it('lists the pending follow-ups due by the end of the day, overdue ones first', async () => {
    const desk = await deskReady();
    const reply = async (id: CaseId, due: string) => {
      await dispatch(desk, id, '2026-11-02T02:00:00.000Z');
      await caseAppendEvent(step(desk, '2026-11-02T03:00:00.000Z'), id, 'case/replied', {
        reply: '已修复',
        toldCustomer: '已告知',
        followUpDueAt: at(due),
      });
    };
    const today = await testRegister(db, desk, '2026-11-02T01:00:00.000Z', { subject: '今天' });
    const overdue = await testRegister(db, desk, '2026-11-02T01:01:00.000Z', { subject: '逾期' });
    const later = await testRegister(db, desk, '2026-11-02T01:02:00.000Z', { subject: '明天' });
    await testRegister(db, desk, '2026-11-02T01:03:00.000Z', { subject: '未办结' });
    const escalated = await testRegister(db, desk, '2026-11-02T01:04:00.000Z', { subject: '升级' });
    await reply(today.id, '2026-11-03T08:00:00.000Z');
    await reply(overdue.id, '2026-11-02T09:00:00.000Z');
    await reply(later.id, '2026-11-04T01:00:00.000Z');
    // Escalated after the reply: handled again, not to be called yet.
    await reply(escalated.id, '2026-11-02T10:00:00.000Z');
    await caseAppendEvent(step(desk, '2026-11-02T05:00:00.000Z'), escalated.id, 'case/escalated', {
      reason: '客户不满意',
      deadline: testDeadline('2026-11-20T09:30:00.000Z'),
    });
    const due = await printFollowUpsDue(db, at('2026-11-03T16:00:00.000Z'), desk.operator);
    expect(due.map((c) => c.subject)).toEqual(['逾期', '今天']);
  });
});

describe('printRecord', () => {
  it('records a case form on each case and in the audit log, in one go', async () => {
    const desk = await deskReady();
    const a = await testRegister(db, desk, '2026-11-02T01:00:00.000Z');
    const b = await testRegister(db, desk, '2026-11-02T01:10:00.000Z');
    await printRecord(step(desk, '2026-11-02T05:00:00.000Z'), {
      form: 'dispatch',
      caseIds: [a.id, b.id],
      output: 'print',
    });
    for (const id of [a.id, b.id]) {
      const events = await caseEvents(db, id);
      expect(events.at(-1)).toMatchObject({
        type: 'case/printed',
        payload: { form: 'dispatch' },
        actorName: desk.operator.name,
      });
    }
    const audit = await db.audit.where('action').equals('case.printed').toArray();
    expect(audit.map((entry) => entry.target).sort()).toEqual([a.id, b.id].sort());
    expect(audit[0]).toMatchObject({ actorId: desk.operator.id, detail: 'dispatch print' });
  });

  it('records a list form once, with what it covered', async () => {
    const desk = await deskReady();
    await printRecord(step(desk, '2026-11-02T05:00:00.000Z'), {
      form: 'register',
      caseIds: [],
      output: 'pdf',
      detail: '2026-11-01..2026-11-30',
    });
    const audit = await db.audit.where('action').equals('register.printed').toArray();
    expect(audit).toEqual([
      expect.objectContaining({
        target: 'register',
        detail: 'register pdf 2026-11-01..2026-11-30',
        at: '2026-11-02T05:00:00.000Z',
      }),
    ]);
  });

  it('records nothing when one of the cases has gone', async () => {
    const desk = await deskReady();
    const a = await testRegister(db, desk, '2026-11-02T01:00:00.000Z');
    const auditBefore = await db.audit.count();
    await expect(
      printRecord(step(desk, '2026-11-02T05:00:00.000Z'), {
        form: 'handlingRecord',
        caseIds: [a.id, 'gone' as CaseId],
        output: 'print',
      }),
    ).rejects.toBeInstanceOf(StorageError);
    expect((await caseEvents(db, a.id)).map((e) => e.type)).toEqual(['case/received']);
    expect(await db.audit.count()).toBe(auditBefore);
  });
});
