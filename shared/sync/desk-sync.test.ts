import { describe, expect, it } from 'vitest';
import {
  SYNC_BACKOFF_BASE_MS,
  SYNC_BACKOFF_MAX_MS,
  syncAddressParse,
  syncBackoffMs,
  syncFailureOf,
  syncFailureStops,
  syncRoutesFor,
  syncStatusOf,
  syncTokenMask,
} from './desk-sync';

describe('syncAddressParse', () => {
  it('reads an address with or without its scheme, without a trailing slash', () => {
    expect(syncAddressParse(' sync.example.cn ')).toEqual({
      ok: true,
      address: 'https://sync.example.cn',
      origin: 'https://sync.example.cn',
    });
    expect(syncAddressParse('http://10.0.0.5:8080/desk/')).toEqual({
      ok: true,
      address: 'http://10.0.0.5:8080/desk',
      origin: 'http://10.0.0.5:8080',
    });
  });

  it('refuses what is not an http address', () => {
    expect(syncAddressParse('')).toEqual({ ok: false, code: 'empty' });
    expect(syncAddressParse('ftp://x.cn')).toEqual({ ok: false, code: 'notHttp' });
    expect(syncAddressParse('http://u:p@x.cn')).toEqual({ ok: false, code: 'hasCredentials' });
    expect(syncAddressParse('http://exa mple.cn')).toEqual({ ok: false, code: 'notAUrl' });
  });
});

describe('syncTokenMask', () => {
  it('shows only the last four characters', () => {
    expect(syncTokenMask('abcdef123456')).toBe('••••••••3456');
    expect(syncTokenMask('abc')).toBe('•••');
  });
});

describe('syncRoutesFor', () => {
  const units = [{ id: 'u1', deskCode: 'B01' }, { id: 'u2' }, { id: 'u3', deskCode: 'A01' }];
  const dispatched = (caseId: string, unitId: string) => ({
    caseId,
    type: 'case/dispatched' as const,
    payload: { unitId },
  });

  it('routes dispatches to units another desk serves, once per case', () => {
    expect(
      syncRoutesFor(
        [
          dispatched('c1', 'u1'),
          dispatched('c1', 'u1'),
          dispatched('c2', 'u2'),
          dispatched('c3', 'u3'),
        ],
        units,
        'A01',
      ),
    ).toEqual([{ caseId: 'c1', deskCodes: ['B01'] }]);
  });

  it('ignores other events', () => {
    expect(
      syncRoutesFor(
        [{ caseId: 'c1', type: 'case/noted', payload: { unitId: 'u1' } }],
        units,
        'A01',
      ),
    ).toEqual([]);
  });
});

describe('syncBackoffMs', () => {
  it('doubles from the base up to the cap, with half of it random', () => {
    expect(syncBackoffMs(1, 0)).toBe(SYNC_BACKOFF_BASE_MS / 2);
    expect(syncBackoffMs(1, 1)).toBe(SYNC_BACKOFF_BASE_MS);
    expect(syncBackoffMs(3, 1)).toBe(SYNC_BACKOFF_BASE_MS * 4);
    expect(syncBackoffMs(40, 1)).toBe(SYNC_BACKOFF_MAX_MS);
    expect(syncBackoffMs(40, 0)).toBe(SYNC_BACKOFF_MAX_MS / 2);
  });
});

describe('syncFailureOf', () => {
  it('takes the code from the body, else from the status', () => {
    expect(
      syncFailureOf(422, { error: { code: 'clockAhead', message: 'm', serverTime: 't' } }),
    ).toEqual({
      code: 'clockAhead',
      detail: 'HTTP 422: m',
      serverTime: 't',
    });
    expect(syncFailureOf(401, undefined).code).toBe('unauthorized');
    expect(syncFailureOf(503, 'x').code).toBe('server');
    expect(syncFailureOf(418, {}).code).toBe('badResponse');
  });

  it('stops on failures a retry cannot cure', () => {
    expect(syncFailureStops('clockAhead')).toBe(true);
    expect(syncFailureStops('unauthorized')).toBe(true);
    expect(syncFailureStops('network')).toBe(false);
    expect(syncFailureStops('server')).toBe(false);
  });
});

describe('syncStatusOf', () => {
  it('says off, offline, error, waiting or synced', () => {
    expect(syncStatusOf({ enabled: false, pending: 3 })).toEqual({ state: 'off' });
    const network = { code: 'network' as const, detail: '' };
    expect(syncStatusOf({ enabled: true, pending: 3, failure: network })).toEqual({
      state: 'offline',
      pending: 3,
    });
    const refused = { code: 'unauthorized' as const, detail: '' };
    expect(syncStatusOf({ enabled: true, pending: 0, failure: refused }).state).toBe('error');
    expect(syncStatusOf({ enabled: true, pending: 2 })).toEqual({ state: 'waiting', pending: 2 });
    expect(syncStatusOf({ enabled: true, pending: 0 })).toEqual({ state: 'synced' });
  });
});
