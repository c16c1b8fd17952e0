import { afterEach, describe, expect, it } from 'vitest';
import type { IsoInstant } from '@shared/kernel/brand';
import { DEFAULT_TIME_ZONE } from '@shared/calendar/deadline';
import type { DeskDatabase } from './database';
import { auditList } from './repos/audit';
import { caseAppendEvent, caseEvents, caseRegister } from './repos/cases';
import { unitAdd } from './repos/units';
import { deskSessionOf, sessionStamp, writeInstantAt } from './session';
import { testDatabase, testDeskSetUp, testReceivedPayload, testSession } from './test-builders';

let db: DeskDatabase;
afterEach(async () => {
  await db.delete();
});

const NOW = '2026-11-09T02:00:00.000Z' as IsoInstant;

describe('deskSessionOf', () => {
  it('takes the operator, the desk and its numbering from the stored desk', async () => {
    db = testDatabase();
    const desk = await testDeskSetUp(db);
    const session = deskSessionOf(db, desk, () => NOW);
    expect(session.db).toBe(db);
    expect(session.operator).toEqual({
      id: desk.operator.id,
      name: '王芳',
      roles: desk.operator.roles,
    });
    expect(session.desk).toEqual({
      deskId: desk.identity.deskId,
      timeZone: desk.calendar.timeZone,
      numbering: desk.rules.numbering,
    });
    expect(session.now()).toBe(NOW);
  });

  it('keeps the desk code, and reads an empty time zone as the default one', async () => {
    db = testDatabase();
    const desk = await testDeskSetUp(db);
    const session = deskSessionOf(db, {
      ...desk,
      identity: { ...desk.identity, deskCode: 'A01' },
      calendar: { ...desk.calendar, timeZone: '' },
    });
    expect(session.desk).toMatchObject({ deskCode: 'A01', timeZone: DEFAULT_TIME_ZONE });
  });

  it('runs on the system clock unless given one', async () => {
    db = testDatabase();
    const desk = await testDeskSetUp(db);
    const before = Date.now();
    const read = Date.parse(deskSessionOf(db, desk).now());
    expect(read).toBeGreaterThanOrEqual(before);
    expect(read).toBeLessThanOrEqual(Date.now());
  });
});

describe('sessionStamp', () => {
  it('stamps a write with the operator, the desk and one reading of the clock', async () => {
    db = testDatabase();
    const desk = await testDeskSetUp(db);
    let reads = 0;
    const session = deskSessionOf(db, desk, () => {
      reads += 1;
      return NOW;
    });
    expect(sessionStamp(session)).toEqual({
      at: NOW,
      wallMs: Date.parse(NOW),
      actorId: desk.operator.id,
      actorName: desk.operator.name,
      actorRoles: desk.operator.roles,
      deskId: desk.identity.deskId,
    });
    expect(reads).toBe(1);
  });

  it('keeps the time a step fixed, and makes ids and clock stamps from the session clock', async () => {
    db = testDatabase();
    const desk = await testDeskSetUp(db);
    const fixed = '2026-11-09T01:30:00.000Z' as IsoInstant;
    expect(sessionStamp(testSession(db, desk, NOW), fixed)).toMatchObject({
      at: fixed,
      wallMs: Date.parse(NOW),
    });
  });

  it('reads the wall clock from an instant', () => {
    expect(writeInstantAt(NOW)).toEqual({ at: NOW, wallMs: Date.parse(NOW) });
  });
});

describe('writes through a session', () => {
  it('record the session operator and desk on events and audit entries', async () => {
    db = testDatabase();
    const desk = await testDeskSetUp(db);
    const session = testSession(db, desk, NOW);
    const created = await caseRegister(session, testReceivedPayload(desk, NOW));
    await caseAppendEvent(session, created.id, 'case/noted', { note: '客户再次来电' });
    await unitAdd(session, { name: '工程部' });

    const events = await caseEvents(db, created.id);
    expect(events).toHaveLength(2);
    for (const event of events) {
      expect(event).toMatchObject({
        at: NOW,
        actorId: desk.operator.id,
        actorName: desk.operator.name,
        deskId: desk.identity.deskId,
      });
    }
    expect((await auditList(db, 1))[0]).toMatchObject({
      action: 'unit.added',
      at: NOW,
      actorId: desk.operator.id,
    });
  });
});
