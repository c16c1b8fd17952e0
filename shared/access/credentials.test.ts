import { describe, expect, it } from 'vitest';
import type { IsoInstant, StaffId } from '../kernel/brand';
import {
  DESK_SCRYPT,
  SECURITY_POLICY_DEFAULT,
  credentialAfterFailure,
  credentialAfterSuccess,
  credentialLocked,
  credentialMustChange,
  idleLockDue,
  passwordCheck,
  passwordHash,
  passwordMatches,
  securityPolicyCheck,
  type CredentialEntity,
} from './credentials';

const CHEAP = { N: 16, r: 8, p: 1, dkLen: 32 };
const AT = '2026-11-03T02:00:00.000Z' as IsoInstant;
const SALT = new Uint8Array(16).fill(7);

async function credential(password: string): Promise<CredentialEntity> {
  return {
    staffId: 's1' as StaffId,
    ...(await passwordHash(password, SALT, CHEAP)),
    changedAt: AT,
    mustChange: false,
    failures: 0,
  };
}

describe('password hashes', () => {
  it('match only their password, and differ by salt', async () => {
    const stored = await credential('2468');
    expect(await passwordMatches('2468', stored)).toBe(true);
    expect(await passwordMatches('2469', stored)).toBe(false);
    expect(await passwordMatches('', stored)).toBe(false);
    const other = await passwordHash('2468', new Uint8Array(16).fill(8), CHEAP);
    expect(other.hash).not.toBe(stored.hash);
    expect(stored.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('read the same password typed in another Unicode form', async () => {
    const stored = await credential('caf\u00e9-1');
    expect(await passwordMatches('cafe\u0301-1', stored)).toBe(true);
  });

  it('use the desk cost by default, stored with the hash', async () => {
    expect(DESK_SCRYPT).toEqual({ N: 2 ** 15, r: 8, p: 1, dkLen: 32 });
    const started = Date.now();
    const stored = await passwordHash('2468', SALT);
    // Slow on purpose (about 130 ms on a development machine); a bound loose enough for CI.
    expect(Date.now() - started).toBeGreaterThan(20);
    expect(stored.params).toEqual(DESK_SCRYPT);
  });
});

describe('the lock after wrong passwords', () => {
  it('locks at the limit for the policy’s minutes, then counts afresh', async () => {
    let c = await credential('x');
    for (let i = 1; i < 5; i++) {
      c = credentialAfterFailure(c, SECURITY_POLICY_DEFAULT, AT);
      expect(c.failures).toBe(i);
      expect(credentialLocked(c, AT)).toBe(false);
    }
    c = credentialAfterFailure(c, SECURITY_POLICY_DEFAULT, AT);
    expect(c.lockedUntil).toBe('2026-11-03T02:15:00.000Z');
    expect(credentialLocked(c, '2026-11-03T02:14:59.000Z' as IsoInstant)).toBe(true);
    const after = '2026-11-03T02:15:00.000Z' as IsoInstant;
    expect(credentialLocked(c, after)).toBe(false);
    const next = credentialAfterFailure(c, SECURITY_POLICY_DEFAULT, after);
    expect(next).toMatchObject({ failures: 1 });
    expect(next.lockedUntil).toBeUndefined();
    expect(credentialAfterSuccess({ ...c, failures: 3 })).not.toHaveProperty('lockedUntil');
  });
});

describe('policy', () => {
  it('checks new passwords', () => {
    expect(passwordCheck('123', '123')).toBe('tooShort');
    expect(passwordCheck('1234', '1235')).toBe('mismatch');
    expect(passwordCheck('x'.repeat(129), 'x'.repeat(129))).toBe('tooLong');
    expect(passwordCheck('1234', '1234')).toBeUndefined();
  });

  it('asks for a change after a reset or when the password is too old', () => {
    const base = { mustChange: false, changedAt: AT };
    expect(
      credentialMustChange(
        base,
        { passwordMaxAgeDays: 0 },
        '2036-01-01T00:00:00.000Z' as IsoInstant,
      ),
    ).toBe(false);
    expect(credentialMustChange({ ...base, mustChange: true }, { passwordMaxAgeDays: 0 }, AT)).toBe(
      true,
    );
    expect(
      credentialMustChange(
        base,
        { passwordMaxAgeDays: 30 },
        '2026-12-03T02:00:00.000Z' as IsoInstant,
      ),
    ).toBe(true);
    expect(
      credentialMustChange(
        base,
        { passwordMaxAgeDays: 30 },
        '2026-12-03T01:59:59.000Z' as IsoInstant,
      ),
    ).toBe(false);
  });

  it('locks an idle screen after the set minutes, never at 0', () => {
    expect(idleLockDue({ idleLockMinutes: 10 }, 0, 599_999)).toBe(false);
    expect(idleLockDue({ idleLockMinutes: 10 }, 0, 600_000)).toBe(true);
    expect(idleLockDue({ idleLockMinutes: 0 }, 0, 1e12)).toBe(false);
  });

  it('refuses limits out of range', () => {
    expect(securityPolicyCheck(SECURITY_POLICY_DEFAULT)).toEqual([]);
    expect(
      securityPolicyCheck({
        idleLockMinutes: -1,
        passwordMaxAgeDays: 1.5,
        maxFailures: 0,
        lockMinutes: 0,
      }),
    ).toEqual(['idleLockMinutes', 'passwordMaxAgeDays', 'maxFailures', 'lockMinutes']);
  });
});
