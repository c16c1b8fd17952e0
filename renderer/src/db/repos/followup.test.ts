import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IsoInstant } from '@shared/kernel/brand';
import type { CaseEntity } from '@shared/model/entities';
import type { CaseAppendableType } from './cases';
import type { CasePayloadOf } from '@shared/workflow/events';
import type { DeskDatabase } from '../database';
import {
  TEST_UNIT,
  testDatabase,
  testDeadline,
  testDeskSetUp,
  testRegister,
  testSession,
} from '../test-builders';
import { caseAppendEvent } from './cases';
import { followUpSampleRateBetween } from './followup';
import type { StoredDeskState } from './settings';

const iso = (text: string) => text as IsoInstant;

describe('followUpSampleRateBetween', () => {
  let db: DeskDatabase;
  let desk: StoredDeskState;

  async function replied(
    kindId: string,
    repliedAt: string,
    settle?: { [T in CaseAppendableType]: [T, CasePayloadOf<T>] }[CaseAppendableType],
  ): Promise<CaseEntity> {
    const c = await testRegister(db, desk, '2026-10-01T01:00:00.000Z', { kindId });
    let ms = Date.parse(repliedAt) - 60_000;
    const append = <T extends CaseAppendableType>(type: T, payload: CasePayloadOf<T>) =>
      caseAppendEvent(
        testSession(db, desk, new Date((ms += 60_000)).toISOString()),
        c.id,
        type,
        payload,
      );
    await append('case/dispatched', {
      ...TEST_UNIT,
      deadline: testDeadline('2026-12-01T09:30:00.000Z'),
    });
    let last = await append('case/replied', { reply: '已办', toldCustomer: '已告知' });
    if (settle) last = await append(settle[0], settle[1] as never);
    return last;
  }

  beforeAll(async () => {
    db = testDatabase();
    desk = await testDeskSetUp(db);
    const result = (sampled: boolean): ['case/followedUp', CasePayloadOf<'case/followedUp'>] => [
      'case/followedUp',
      { method: 'phone', satisfaction: 5, satisfied: true, answers: [], sampled },
    ];
    // In the period: two requests followed up (one drawn), two waived, one pending, a complaint.
    await replied('request', '2026-10-26T02:00:00.000Z', result(true));
    await replied('request', '2026-10-27T02:00:00.000Z', result(false));
    await replied('request', '2026-10-28T02:00:00.000Z', [
      'case/followUpWaived',
      { reason: 'notSampled' },
    ]);
    await replied('request', '2026-10-29T02:00:00.000Z', [
      'case/followUpWaived',
      { reason: 'notSampled' },
    ]);
    await replied('request', '2026-10-30T02:00:00.000Z');
    await replied('complaint', '2026-10-30T03:00:00.000Z', [
      'case/followedUp',
      { method: 'visit', satisfaction: 5, satisfied: true, answers: [] },
    ]);
    // Before the period.
    await replied('request', '2026-10-20T02:00:00.000Z', [
      'case/followUpWaived',
      { reason: 'notSampled' },
    ]);
  });
  afterAll(async () => {
    await db.delete();
  });

  it('counts the settled sampled follow-ups of the cases replied in the period', async () => {
    const rate = await followUpSampleRateBetween(
      db,
      desk.rules,
      iso('2026-10-24T16:00:00.000Z'),
      iso('2026-11-24T16:00:00.000Z'),
    );
    expect(rate).toEqual({ target: 0.15, eligible: 4, drawn: 1, followedUp: 2, achieved: 0.5 });
  });

  it('has nothing to show for a period without replies', async () => {
    const rate = await followUpSampleRateBetween(
      db,
      desk.rules,
      iso('2026-09-24T16:00:00.000Z'),
      iso('2026-10-19T16:00:00.000Z'),
    );
    expect(rate).toEqual({ target: 0.15, eligible: 0, drawn: 0, followedUp: 0 });
  });
});
