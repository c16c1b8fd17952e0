import { describe, expect, it } from 'vitest';
import type { CaseId, IsoInstant, StaffId } from '../kernel/brand';
import { CASE_STATUSES, type CaseStatus, type FollowUpState } from '../model/entities';
import { WORK_QUEUES } from './queues';
import {
  TALLIES_KEY,
  TALLIES_VERSION,
  caseTallyContribution,
  isTallyChange,
  talliesApply,
  talliesEmpty,
  talliesFromRow,
  talliesOf,
  talliesOpenOf,
  talliesClosedCount,
  talliesRow,
  talliesStatusCount,
  type TalliedCase,
} from './tallies';
import { caseIsOpen } from '../workflow/reducer';

const CLERK = 'staff-clerk' as StaffId;
const OTHER = 'staff-other' as StaffId;
const DUE = '2026-11-05T09:30:00.000Z' as IsoInstant;

let made = 0;

function tallied(
  status: CaseStatus,
  options: {
    receiverId?: StaffId;
    due?: boolean;
    followUp?: FollowUpState;
    id?: CaseId;
    matterId?: CaseId;
  } = {},
): TalliedCase {
  const id = options.id ?? (`case-${++made}` as CaseId);
  return {
    id,
    matterId: options.matterId ?? id,
    status,
    receiverId: options.receiverId ?? CLERK,
    followUp: { state: options.followUp ?? 'notDue' },
    ...(options.due ? { openDueAt: DUE } : {}),
  };
}

describe('caseTallyContribution', () => {
  it('counts an open case under its status and receiver', () => {
    expect(caseTallyContribution(tallied('dispatched', { due: true }))).toEqual({
      openByStatus: { dispatched: 1 },
      openByReceiver: { [CLERK]: 1 },
      followUpPending: 0,
      openWithDue: 1,
      all: 1,
      linked: {},
    });
  });

  it('counts a closed case among all cases, and for a pending follow-up', () => {
    expect(caseTallyContribution(tallied('closed', { followUp: 'pending' }))).toEqual({
      openByStatus: {},
      openByReceiver: {},
      followUpPending: 1,
      openWithDue: 0,
      all: 1,
      linked: {},
    });
  });

  it('notes a case linked under another case’s matter', () => {
    const root = 'case-root' as CaseId;
    const member = tallied('closed', { id: 'case-m' as CaseId, matterId: root });
    expect(caseTallyContribution(member).linked).toEqual({ 'case-m': root });
    expect(caseTallyContribution(tallied('closed', { id: root })).linked).toEqual({});
  });
});

describe('talliesApply on links and closed cases', () => {
  it('follows a case linked, moved to another matter and unlinked, and counts closed cases', () => {
    const a = tallied('accepted', { id: 'case-a' as CaseId });
    const b = tallied('closed', { id: 'case-b' as CaseId });
    let tallies = talliesOf([a, b]);
    expect(tallies.all).toBe(2);
    expect(talliesClosedCount(tallies)).toBe(1);
    const linked = { ...b, matterId: a.id };
    tallies = talliesApply(tallies, b, linked);
    expect(tallies.linked).toEqual({ 'case-b': 'case-a' });
    const moved = { ...linked, matterId: 'case-z' as CaseId };
    tallies = talliesApply(tallies, linked, moved);
    expect(tallies.linked).toEqual({ 'case-b': 'case-z' });
    tallies = talliesApply(tallies, moved, b);
    expect(tallies.linked).toEqual({});
    tallies = talliesApply(tallies, a, undefined);
    expect([tallies.all, talliesClosedCount(tallies)]).toEqual([1, 1]);
    expect(tallies).toEqual(talliesOf([b]));
  });
});

describe('talliesApply', () => {
  it('adds a created case, moves a changed one and takes a deleted one away', () => {
    const registered = tallied('registered', { due: true });
    const replied = tallied('replied', { followUp: 'pending' });
    let tallies = talliesApply(talliesEmpty(), undefined, registered);
    tallies = talliesApply(
      tallies,
      undefined,
      tallied('accepted', { receiverId: OTHER, due: true }),
    );
    expect(tallies).toEqual({
      openByStatus: { registered: 1, accepted: 1 },
      openByReceiver: { [CLERK]: 1, [OTHER]: 1 },
      followUpPending: 0,
      openWithDue: 2,
      all: 2,
      linked: {},
    });
    tallies = talliesApply(tallies, registered, replied);
    expect(tallies).toEqual({
      openByStatus: { replied: 1, accepted: 1 },
      openByReceiver: { [CLERK]: 1, [OTHER]: 1 },
      followUpPending: 1,
      openWithDue: 1,
      all: 2,
      linked: {},
    });
    tallies = talliesApply(tallies, replied, undefined);
    expect(tallies).toEqual({
      openByStatus: { accepted: 1 },
      openByReceiver: { [OTHER]: 1 },
      followUpPending: 0,
      openWithDue: 1,
      all: 1,
      linked: {},
    });
  });

  it('removes the entries that reach zero', () => {
    const open = tallied('dispatched');
    const tallies = talliesApply(talliesApply(talliesEmpty(), undefined, open), open, undefined);
    expect(tallies).toEqual(talliesEmpty());
    expect(Object.keys(tallies.openByStatus)).toEqual([]);
    expect(Object.keys(tallies.openByReceiver)).toEqual([]);
  });

  it('never counts below zero', () => {
    const tallies = talliesApply(
      talliesEmpty(),
      tallied('dispatched', { due: true, followUp: 'pending' }),
    );
    expect(tallies).toEqual(talliesEmpty());
  });

  it('returns the same tallies when the change moves no count', () => {
    const before = tallied('accepted', { due: true });
    const tallies = talliesOf([before, tallied('registered')]);
    // Another field changed (a note, a print): same status, receiver, follow-up and deadline.
    expect(talliesApply(tallies, before, { ...before })).toBe(tallies);
    expect(talliesApply(tallies, tallied('closed'), tallied('closed'))).toBe(tallies);
    expect(talliesApply(tallies)).toBe(tallies);
  });

  it('keeps staff ids that look like object properties as plain keys', () => {
    const odd = ['__proto__', 'constructor', 'toString'] as StaffId[];
    const tallies = talliesOf(odd.map((receiverId) => tallied('registered', { receiverId })));
    expect(odd.map((id) => talliesOpenOf(tallies, id))).toEqual([1, 1, 1]);
    expect(Object.getPrototypeOf(tallies.openByReceiver)).toBe(Object.prototype);
    expect(talliesOpenOf(talliesEmpty(), 'hasOwnProperty' as StaffId)).toBe(0);
  });
});

describe('isTallyChange', () => {
  it('says whether a change moves a count, as talliesApply does', () => {
    const cases: (TalliedCase | undefined)[] = [
      undefined,
      tallied('registered'),
      tallied('registered', { due: true }),
      tallied('registered', { receiverId: OTHER }),
      tallied('accepted'),
      tallied('accepted', { followUp: 'pending' }),
      tallied('closed'),
      tallied('closed', { receiverId: OTHER, due: true }),
      tallied('closed', { followUp: 'pending' }),
    ];
    const base = talliesOf(cases.filter((c) => c !== undefined));
    for (const before of cases) {
      for (const after of cases) {
        const moved = talliesApply(base, before, after) !== base;
        expect([before, after, isTallyChange(before, after)]).toEqual([before, after, moved]);
      }
    }
  });
});

describe('talliesOf', () => {
  it('agrees with counting the cases one by one, whatever the order of writes', () => {
    const cases: TalliedCase[] = CASE_STATUSES.flatMap((status, i) => [
      tallied(status, { receiverId: i % 2 ? CLERK : OTHER, due: i % 3 === 0 }),
      tallied(status, { followUp: i % 4 === 0 ? 'pending' : 'done' }),
    ]);
    const tallies = talliesOf(cases);
    const open = cases.filter(caseIsOpen);
    for (const status of CASE_STATUSES) {
      expect(talliesStatusCount(tallies, [status])).toBe(
        status === 'closed' ? 0 : cases.filter((c) => c.status === status).length,
      );
    }
    expect(talliesOpenOf(tallies, CLERK)).toBe(open.filter((c) => c.receiverId === CLERK).length);
    expect(talliesOpenOf(tallies, OTHER)).toBe(open.filter((c) => c.receiverId === OTHER).length);
    expect(tallies.followUpPending).toBe(
      cases.filter((c) => c.followUp.state === 'pending').length,
    );
    expect(tallies.openWithDue).toBe(cases.filter((c) => c.openDueAt !== undefined).length);
    // Written in reverse and with some cases added, then removed again: the same tallies.
    const extra = cases.slice(0, 5);
    let shuffled = talliesOf([...cases].reverse());
    for (const c of extra) shuffled = talliesApply(shuffled, undefined, c);
    for (const c of extra) shuffled = talliesApply(shuffled, c);
    expect(shuffled).toEqual(tallies);
  });
});

describe('the tallies row', () => {
  it('stores the tallies under one key and reads them back', () => {
    const tallies = talliesOf([tallied('registered', { due: true })]);
    const row = talliesRow(tallies);
    expect(row).toMatchObject({ key: TALLIES_KEY, version: TALLIES_VERSION });
    expect(talliesFromRow(row)).toEqual(tallies);
  });

  it('reads no tallies from a missing row or one of another version', () => {
    expect(talliesFromRow(undefined)).toBeUndefined();
    expect(talliesFromRow({ ...talliesRow(talliesEmpty()), version: 0 })).toBeUndefined();
  });
});

it('tallies every status a work queue counts (closed cases are not tallied)', () => {
  const statuses = WORK_QUEUES.flatMap((queue) => queue.statuses ?? []);
  expect(statuses.length).toBeGreaterThan(0);
  expect(statuses.filter((status) => !caseIsOpen({ status }))).toEqual([]);
});
