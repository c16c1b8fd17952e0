import { describe, expect, it } from 'vitest';
import type { IsoInstant, StaffId } from '../kernel/brand';
import {
  DEFAULT_BUSINESS_HOURS,
  DEFAULT_TIME_ZONE,
  type DeadlineContext,
} from '../calendar/deadline';
import { calendarCreate } from '../calendar/working-calendar';
import type { CaseEntity, CaseStatus } from '../model/entities';
import {
  WORK_QUEUES,
  WORK_QUEUE_IDS,
  caseDeadlineState,
  dueSoonUntil,
  dueWithinOneWorkingDay,
  isOverdue,
  isWorkQueueId,
  workQueueDef,
  workQueueHas,
  type WorkQueueContext,
  type WorkQueueId,
} from './queues';
import { caseAt } from '../workflow/test-builders';

function sh(local: string): IsoInstant {
  return new Date(`${local.replace(' ', 'T')}:00.000+08:00`).toISOString() as IsoInstant;
}

const deadline: DeadlineContext = {
  calendar: calendarCreate([]),
  businessHours: DEFAULT_BUSINESS_HOURS,
  timeZone: DEFAULT_TIME_ZONE,
};

describe('the queue definitions', () => {
  it('lists every queue once, in the order of the home screen', () => {
    expect(WORK_QUEUE_IDS).toEqual([
      'toDispatch',
      'lateToDispatch',
      'notAccepted',
      'dueSoon',
      'overdue',
      'interimDueSoon',
      'interimOverdue',
      'awaitingFollowUp',
      'escalated',
      'mine',
    ]);
    expect(new Set(WORK_QUEUE_IDS).size).toBe(WORK_QUEUES.length);
  });

  it('recognises queue ids from addresses', () => {
    expect(isWorkQueueId('overdue')).toBe(true);
    expect(isWorkQueueId('closed')).toBe(false);
    expect(isWorkQueueId(undefined)).toBe(false);
    expect(() => workQueueDef('nope' as WorkQueueId)).toThrow(RangeError);
  });
});

describe('dueSoonUntil', () => {
  it.each([
    [
      'a working day in hours: until work resumes after the close of the next working day',
      '2026-11-03 10:00',
      '2026-11-05 08:30',
    ],
    ['Friday: the close of Monday, until Tuesday opens', '2026-11-06 16:00', '2026-11-10 08:30'],
    ['the eve of National Day: Oct 8, until Oct 9', '2026-09-30 10:00', '2026-10-09 08:30'],
    ['in the holiday: Oct 8, until Oct 9', '2026-10-03 10:00', '2026-10-09 08:30'],
    [
      'Oct 9: the make-up Saturday Oct 10, until Monday Oct 12',
      '2026-10-09 10:00',
      '2026-10-12 08:30',
    ],
  ])('%s', (_name, now, until) => {
    expect(dueSoonUntil(sh(now), deadline)).toBe(sh(until));
  });
});

describe('caseDeadlineState', () => {
  const due = (local: string) => ({ dueAt: sh(local) });

  it.each([
    ['due tomorrow is due soon', '2026-11-03 10:00', '2026-11-04 17:30', 'dueSoon'],
    ['due later today is due soon', '2026-11-03 10:00', '2026-11-03 17:30', 'dueSoon'],
    ['due the day after tomorrow is ok', '2026-11-03 10:00', '2026-11-05 09:00', 'ok'],
    ['due right now is not yet overdue', '2026-11-03 10:00', '2026-11-03 10:00', 'dueSoon'],
    ['a minute late is overdue', '2026-11-03 10:01', '2026-11-03 10:00', 'overdue'],
    // Over National Day, Oct 8 is the next working day after the holiday.
    ['in the holiday, due Oct 8', '2026-10-05 10:00', '2026-10-08 17:30', 'dueSoon'],
    ['in the holiday, due Oct 9', '2026-10-05 10:00', '2026-10-09 17:30', 'ok'],
    // A deadline typed in for the night after tomorrow's close: no working time left after it.
    [
      'after hours, due the night after tomorrow',
      '2026-11-02 20:03',
      '2026-11-04 03:05',
      'dueSoon',
    ],
    [
      'after hours, due the next opening but one',
      '2026-11-02 20:03',
      '2026-11-04 08:30',
      'dueSoon',
    ],
    ['after hours, due a minute after it', '2026-11-02 20:03', '2026-11-04 08:31', 'ok'],
  ])('%s', (_name, now, dueAt, expected) => {
    expect(caseDeadlineState(due(dueAt), sh(now), deadline)).toBe(expected);
    // The queue's index range says the same as the state every screen shows.
    const inRange = sh(now) <= sh(dueAt) && sh(dueAt) <= dueSoonUntil(sh(now), deadline);
    expect(inRange).toBe(expected === 'dueSoon');
  });

  it('says exempt whatever the date, and none without a deadline', () => {
    expect(
      caseDeadlineState(due('2026-01-01 10:00'), sh('2026-11-03 10:00'), deadline, {
        exempt: true,
      }),
    ).toBe('exempt');
    expect(caseDeadlineState(undefined, sh('2026-11-03 10:00'), deadline)).toBe('none');
  });
});

/** A case in a status, without a due time unless one is given (the sample's is long past). */
function openCase(status: CaseStatus, overrides: Partial<CaseEntity> = {}): CaseEntity {
  const { openDueAt: _sample, ...state } = caseAt(status).state;
  return { ...state, ...overrides };
}

const me = 'staff-me' as StaffId;
const ctx: WorkQueueContext = { now: sh('2026-11-03 10:00'), deadline, operatorId: me };

/** The queues a case is in. */
function queuesOf(c: CaseEntity): WorkQueueId[] {
  return WORK_QUEUE_IDS.filter((id) => workQueueHas(id, c, ctx));
}

describe('workQueueHas', () => {
  it.each([
    ['registered', 'toDispatch'],
    ['returned', 'toDispatch'],
    ['dispatched', 'notAccepted'],
    ['escalated', 'escalated'],
    ['underReview', 'escalated'],
  ] as const)('puts a %s case in %s', (status, queue) => {
    expect(queuesOf(openCase(status))).toEqual([queue]);
  });

  it('puts an accepted case in none of the status queues', () => {
    expect(queuesOf(openCase('accepted'))).toEqual([]);
  });

  it('uses the open due time: overdue, due soon, and never for exempt or closed cases', () => {
    const overdue = openCase('accepted', { openDueAt: sh('2026-11-02 17:30') });
    const soon = openCase('accepted', { openDueAt: sh('2026-11-04 17:30') });
    const later = openCase('accepted', { openDueAt: sh('2026-11-09 17:30') });
    // The reducer drops openDueAt from exempt and closed cases.
    const exempt = openCase('accepted', { exemptReason: '工期长' });
    expect(queuesOf(overdue)).toEqual(['overdue']);
    expect(queuesOf(soon)).toEqual(['dueSoon']);
    expect(queuesOf(later)).toEqual([]);
    expect(queuesOf(exempt)).toEqual([]);
    expect(isOverdue(overdue, ctx.now)).toBe(true);
    expect(dueWithinOneWorkingDay(overdue, ctx.now, deadline)).toBe(false);
  });

  it('puts pending follow-ups in the follow-up queue', () => {
    const pending = openCase('replied', { followUp: { state: 'pending', attempts: 1 } });
    const done = openCase('replied', { followUp: { state: 'done', attempts: 0 } });
    expect(queuesOf(pending)).toEqual(['awaitingFollowUp']);
    expect(queuesOf(done)).toEqual([]);
  });

  it('puts the open cases the operator received in "my cases"', () => {
    expect(queuesOf(openCase('accepted', { receiverId: me }))).toEqual(['mine']);
    expect(queuesOf(openCase('closed', { receiverId: me }))).toEqual([]);
  });
});
