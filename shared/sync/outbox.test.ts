import { describe, expect, it } from 'vitest';
import type { CaseId, EventId, HlcStamp, IsoInstant } from '../kernel/brand';
import {
  SYNC_BACKLOG_START,
  isSyncBacklogPending,
  isSyncQueuing,
  outboxRowsOf,
  syncBacklogAfter,
  syncBacklogOnSettings,
} from './outbox';

const desk = { address: 'http://sync.test', kind: 'desk' } as const;

describe('isSyncQueuing', () => {
  it.each([
    ['a desk working alone', undefined, false],
    ['a desk with a server', desk, true],
    ['a head office (it only pulls)', { ...desk, kind: 'headOffice' } as const, false],
    ['a blank address', { ...desk, address: '  ' }, false],
  ])('%s', (_, settings, expected) => {
    expect(isSyncQueuing(settings)).toBe(expected);
  });
});

describe('syncBacklogOnSettings', () => {
  it('starts the backlog only when the desk starts queuing', () => {
    expect(syncBacklogOnSettings(undefined, desk)).toBe('start');
    expect(syncBacklogOnSettings({ ...desk, kind: 'headOffice' }, desk)).toBe('start');
    expect(syncBacklogOnSettings(desk, { ...desk, address: 'http://other.test' })).toBe('keep');
    expect(syncBacklogOnSettings(undefined, { ...desk, kind: 'headOffice' })).toBe('keep');
  });
});

describe('syncBacklogAfter', () => {
  it('moves past the last event of a full slice and is done after a short one', () => {
    const first = syncBacklogAfter(SYNC_BACKLOG_START, 'e2' as EventId, 2, 2);
    expect(first).toEqual({ queuedUpTo: 'e2', done: false });
    expect(isSyncBacklogPending(first)).toBe(true);
    const last = syncBacklogAfter(first, undefined, 0, 2);
    expect(last).toEqual({ queuedUpTo: 'e2', done: true });
    expect(isSyncBacklogPending(last)).toBe(false);
    expect(isSyncBacklogPending(undefined)).toBe(false);
  });
});

describe('outboxRowsOf', () => {
  it('keeps the key, case and clock of each event', () => {
    const at = '2026-11-02T01:00:00.000Z' as IsoInstant;
    const event = { id: 'e1' as EventId, caseId: 'c1' as CaseId, hlc: 'h1' as HlcStamp };
    expect(outboxRowsOf([{ ...event }], at)).toEqual([{ ...event, queuedAt: at }]);
  });
});
