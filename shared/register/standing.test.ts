import { describe, expect, it } from 'vitest';
import { calendarCreate } from '../calendar/working-calendar';
import { DEFAULT_BUSINESS_HOURS, type DeadlineContext } from '../calendar/deadline';
import { localDateTimeToInstant } from '../kernel/time';
import type { IsoInstant } from '../kernel/brand';
import type { CaseEntity, CaseEventEntity } from '../model/entities';
import { caseFold } from '../workflow/reducer';
import { caseStory } from '../workflow/test-builders';
import { deadlineStanding, standingIsLate } from './standing';
import { isOverdue, workQueueHas } from './queues';
import type { StaffId } from '../kernel/brand';

const ctx: DeadlineContext = {
  calendar: calendarCreate([]),
  businessHours: DEFAULT_BUSINESS_HOURS,
  timeZone: 'Asia/Shanghai',
};

function sh(local: string): IsoInstant {
  const instant = localDateTimeToInstant(local, 'Asia/Shanghai');
  if (!instant) throw new Error(local);
  return instant;
}
const ms = (local: string) => Date.parse(sh(local));

function fold(events: readonly CaseEventEntity[]): CaseEntity {
  const c = caseFold(events);
  if (!c) throw new Error('no case');
  return c;
}

/** Received 2026-11-23 16:42, due 2026-11-30 17:30 (5 working days), replied at `replied`. */
function repliedCase(replied: string): CaseEntity {
  const story = caseStory({ startMs: ms('2026-11-23T16:42') });
  return fold([
    story.event('case/received', {
      deadline: { dueAt: sh('2026-11-24T17:30'), basis: 'handling' },
    }),
    story.event('case/dispatched', {
      deadline: { dueAt: sh('2026-11-24T17:30'), basis: 'handling' },
    }),
    story.event('case/replied', {}, { atMs: ms(replied) }),
  ]);
}

describe('deadlineStanding (handling)', () => {
  const seen = sh('2026-12-01T10:00');
  const queueCtx = { now: seen, deadline: ctx, operatorId: 'x' as StaffId };

  it('a case replied on time and awaiting its follow-up is in time, not overdue', () => {
    const c = repliedCase('2026-11-24T16:55');
    const standing = deadlineStanding(c, seen, ctx);
    expect(standing).toMatchObject({ state: 'metInTime', metAt: sh('2026-11-24T16:55') });
    expect(standingIsLate(standing)).toBe(false);
    // The overdue queue agrees.
    expect(isOverdue(c, seen)).toBe(false);
    expect(workQueueHas('overdue', c, queueCtx)).toBe(false);
  });

  it('a case replied after its deadline was late, and stays so', () => {
    const c = repliedCase('2026-11-25T16:55');
    expect(deadlineStanding(c, seen, ctx).state).toBe('metLate');
    expect(workQueueHas('overdue', c, queueCtx)).toBe(false);
  });

  it('an open case past its deadline is overdue, exactly when the queue holds it', () => {
    const story = caseStory({ startMs: ms('2026-11-23T16:42') });
    const c = fold([
      story.event('case/received', {
        deadline: { dueAt: sh('2026-11-24T17:30'), basis: 'handling' },
      }),
    ]);
    expect(deadlineStanding(c, sh('2026-11-24T17:00'), ctx).state).toBe('dueSoon');
    expect(deadlineStanding(c, seen, ctx).state).toBe('overdue');
    expect(workQueueHas('overdue', c, queueCtx)).toBe(true);
  });

  it('exempt and deadline-less cases', () => {
    const story = caseStory();
    const none = fold([story.event('case/received', { deadline: undefined })]);
    expect(deadlineStanding(none, seen, ctx).state).toBe('none');
    const exempt = fold([
      story.event('case/received'),
      story.event('case/exempted', { reason: '大型工程维修' }),
    ]);
    expect(deadlineStanding(exempt, seen, ctx).state).toBe('exempt');
  });
});

describe('deadlineStanding (dispatch and interim)', () => {
  it('a hotline call not dispatched an hour later is late to dispatch; dispatching settles it', () => {
    const story = caseStory({ startMs: ms('2026-11-23T09:00') });
    const received = story.event('case/received', {
      dispatchDeadline: { dueAt: sh('2026-11-23T10:00') },
    });
    const waiting = fold([received]);
    expect(waiting.dispatchOpenDueAt).toBe(sh('2026-11-23T10:00'));
    expect(deadlineStanding(waiting, sh('2026-11-23T09:30'), ctx, 'dispatch').state).toBe(
      'dueSoon',
    );
    expect(deadlineStanding(waiting, sh('2026-11-23T10:01'), ctx, 'dispatch').state).toBe(
      'overdue',
    );
    const late = fold([
      received,
      story.event('case/dispatched', {}, { atMs: ms('2026-11-23T10:05') }),
    ]);
    expect(late).not.toHaveProperty('dispatchOpenDueAt');
    expect(deadlineStanding(late, sh('2026-11-24T10:00'), ctx, 'dispatch').state).toBe('metLate');
  });

  it('an answer on the spot owes no dispatch', () => {
    const story = caseStory();
    const c = fold([
      story.event('case/received', { dispatchDeadline: { dueAt: sh('2026-11-23T10:00') } }),
      story.event('case/handledDirectly'),
    ]);
    expect(c).not.toHaveProperty('dispatchOpenDueAt');
    expect(deadlineStanding(c, sh('2026-11-24T10:00'), ctx, 'dispatch').state).toBe('none');
  });

  it('the interim step is owed until recorded, and recorded late or in time', () => {
    const story = caseStory({ startMs: ms('2026-09-30T16:00') });
    const received = story.event('case/received', {
      interimDeadline: { dueAt: sh('2026-10-08T16:30') },
    });
    const owed = fold([received]);
    expect(owed.interimOpenDueAt).toBe(sh('2026-10-08T16:30'));
    expect(deadlineStanding(owed, sh('2026-10-08T17:00'), ctx, 'interim').state).toBe('overdue');
    const met = fold([
      received,
      story.event('case/interimMet', {}, { atMs: ms('2026-10-08T11:00') }),
    ]);
    expect(met).not.toHaveProperty('interimOpenDueAt');
    expect(met.interimMetAt).toBe(sh('2026-10-08T11:00'));
    expect(deadlineStanding(met, sh('2026-10-09T10:00'), ctx, 'interim').state).toBe('metInTime');
  });

  it('the interim step cannot be recorded twice, nor when none is due', () => {
    const story = caseStory();
    const received = story.event('case/received', {
      interimDeadline: { dueAt: sh('2026-10-08T16:30') },
    });
    const twice = caseFold([
      received,
      story.event('case/interimMet'),
      story.event('case/interimMet'),
    ]);
    expect(twice?.ignoredEventIds).toHaveLength(1);
    const other = caseStory({ deskId: 'desk-b' });
    const none = caseFold([other.event('case/received'), other.event('case/interimMet')]);
    expect(none?.ignoredEventIds).toHaveLength(1);
    expect(none?.interimMetAt).toBeUndefined();
  });
});
