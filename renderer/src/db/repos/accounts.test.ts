import { afterEach, describe, expect, it } from 'vitest';
import type { IsoInstant, StaffId } from '@shared/kernel/brand';
import type { DeskDatabase } from '../database';
import { AccessDeniedError } from '../errors';
import { deskSessionOf } from '../session';
import {
  SET_UP_AT,
  TEST_PASSWORD,
  TEST_SCRYPT,
  testDatabase,
  testDeskSetUp,
  testSession,
} from '../test-builders';
import {
  accountFirstPassword,
  accountPasswordChange,
  accountPasswordReset,
  accountSignIn,
  securityPolicy,
  securityPolicyChange,
} from './accounts';
import { auditList } from './audit';
import { ChangeRefusedError } from './refused';
import { settingsGet } from './settings';
import { staffAdd, staffUpdate } from './staff';

let db: DeskDatabase;
afterEach(async () => {
  await db.delete();
});

const AT = '2026-11-03T02:00:00.000Z' as IsoInstant;
const minutesAfter = (at: IsoInstant, minutes: number) =>
  new Date(Date.parse(at) + minutes * 60_000).toISOString() as IsoInstant;

async function setUp() {
  db = testDatabase();
  const desk = await testDeskSetUp(db);
  const by = testSession(db, desk, AT);
  const clerk = await staffAdd(by, { name: '陈晓', roles: ['clerk'] });
  await accountPasswordReset(by, clerk.id, { next: '2468', confirmation: '2468' }, TEST_SCRYPT);
  return { desk, by, clerk };
}

describe('signing in', () => {
  it('the first administrator signs in with the password chosen at set-up; audited', async () => {
    const { desk } = await setUp();
    const result = await accountSignIn(db, desk.operator.id, TEST_PASSWORD, AT);
    expect(result).toMatchObject({ ok: true, mustChange: false });
    expect(await settingsGet(db, 'currentOperatorId')).toBe(desk.operator.id);
    expect(await auditList(db, 20)).toContainEqual(
      expect.objectContaining({ action: 'account.signedIn', actorId: desk.operator.id }),
    );
  });

  it('keeps hashes out of the staff table, salted and never the password', async () => {
    const { desk, clerk } = await setUp();
    for (const member of await db.staff.toArray()) {
      expect(JSON.stringify(member)).not.toMatch(/hash|salt/);
    }
    const [a, b] = await Promise.all([
      db.credentials.get(desk.operator.id),
      db.credentials.get(clerk.id),
    ]);
    expect(a?.salt).not.toBe(b?.salt);
    expect(JSON.stringify(a)).not.toContain(TEST_PASSWORD);
    expect(a?.algorithm).toBe('scrypt');
  });

  it('five wrong passwords lock the account, even against the right one, until the lock ends', async () => {
    const { clerk } = await setUp();
    for (let i = 1; i <= 4; i++) {
      expect(await accountSignIn(db, clerk.id, 'wrong', AT)).toEqual({
        ok: false,
        refusal: 'wrongPassword',
        attemptsLeft: 5 - i,
      });
    }
    const fifth = await accountSignIn(db, clerk.id, 'wrong', AT);
    expect(fifth).toMatchObject({
      ok: false,
      refusal: 'locked',
      lockedUntil: minutesAfter(AT, 15),
    });
    expect(await accountSignIn(db, clerk.id, '2468', minutesAfter(AT, 14))).toMatchObject({
      ok: false,
      refusal: 'locked',
    });
    const audit = await auditList(db, 50);
    expect(audit.filter((a) => a.action === 'account.signInRefused')).toHaveLength(6);
    expect(audit.filter((a) => a.action === 'account.locked')).toHaveLength(1);
    // After the lock, the right password works and the count starts again.
    const later = minutesAfter(AT, 16);
    expect(await accountSignIn(db, clerk.id, '2468', later)).toMatchObject({ ok: true });
    expect((await db.credentials.get(clerk.id))?.failures).toBe(0);
  });

  it('a right password clears the count of wrong ones', async () => {
    const { clerk } = await setUp();
    await accountSignIn(db, clerk.id, 'wrong', AT);
    await accountSignIn(db, clerk.id, 'wrong', AT);
    await accountSignIn(db, clerk.id, '2468', AT);
    expect(await accountSignIn(db, clerk.id, 'wrong', AT)).toMatchObject({ attemptsLeft: 4 });
  });

  it('a disabled account cannot sign in, with its right password', async () => {
    const { by, clerk } = await setUp();
    await staffUpdate(by, clerk.id, { active: false });
    expect(await accountSignIn(db, clerk.id, '2468', AT)).toEqual({
      ok: false,
      refusal: 'disabled',
    });
    // Kept, not deleted: its history stays attributed.
    expect(await db.staff.get(clerk.id)).toMatchObject({ name: '陈晓', active: false });
  });

  it('an operator without a password, or unknown, cannot sign in', async () => {
    const { by } = await setUp();
    const lead = await staffAdd(by, { name: '赵刚', roles: ['shiftLead'] });
    expect(await accountSignIn(db, lead.id, '', AT)).toMatchObject({ refusal: 'noPassword' });
    expect(await accountSignIn(db, 'nobody' as StaffId, 'x', AT)).toMatchObject({
      refusal: 'unknown',
    });
  });

  it('follows the policy an administrator sets', async () => {
    const { by, clerk } = await setUp();
    await securityPolicyChange(by, {
      ...(await securityPolicy(db)),
      maxFailures: 2,
      lockMinutes: 1,
    });
    await accountSignIn(db, clerk.id, 'wrong', AT);
    expect(await accountSignIn(db, clerk.id, 'wrong', AT)).toMatchObject({
      refusal: 'locked',
      lockedUntil: minutesAfter(AT, 1),
    });
    await expect(
      securityPolicyChange(by, { ...(await securityPolicy(db)), maxFailures: 0 }),
    ).rejects.toBeInstanceOf(ChangeRefusedError);
  });
});

describe('passwords', () => {
  it('an administrator resets a password: audited, clears a lock, must be changed', async () => {
    const { desk, by, clerk } = await setUp();
    for (let i = 0; i < 5; i++) await accountSignIn(db, clerk.id, 'wrong', AT);
    await accountPasswordReset(by, clerk.id, { next: '1357', confirmation: '1357' }, TEST_SCRYPT);
    expect(await auditList(db, 50)).toContainEqual(
      expect.objectContaining({
        action: 'account.passwordReset',
        actorId: desk.operator.id,
        target: clerk.id,
      }),
    );
    const result = await accountSignIn(db, clerk.id, '1357', AT);
    expect(result).toMatchObject({ ok: true, mustChange: true });
    await accountPasswordChange(
      db,
      clerk.id,
      { current: '1357', next: 'mine-99', confirmation: 'mine-99' },
      AT,
      TEST_SCRYPT,
    );
    expect(await accountSignIn(db, clerk.id, 'mine-99', AT)).toMatchObject({
      ok: true,
      mustChange: false,
    });
    expect(await accountSignIn(db, clerk.id, '1357', AT)).toMatchObject({ ok: false });
  });

  it('only an administrator may reset; a short or mismatched password is refused', async () => {
    const { desk, by, clerk } = await setUp();
    const asClerk = deskSessionOf(db, { ...desk, operator: clerk }, () => AT);
    await expect(
      accountPasswordReset(asClerk, desk.operator.id, {
        next: 'take-over',
        confirmation: 'take-over',
      }),
    ).rejects.toBeInstanceOf(AccessDeniedError);
    await expect(
      accountPasswordReset(by, clerk.id, { next: '12', confirmation: '12' }),
    ).rejects.toMatchObject({ problems: ['tooShort'] });
    await expect(
      accountPasswordReset(by, clerk.id, { next: '1234', confirmation: '1235' }),
    ).rejects.toMatchObject({ problems: ['mismatch'] });
    expect(await accountSignIn(db, desk.operator.id, TEST_PASSWORD, AT)).toMatchObject({
      ok: true,
    });
  });

  it('changing one’s own password needs the present one', async () => {
    const { clerk } = await setUp();
    await expect(
      accountPasswordChange(
        db,
        clerk.id,
        { current: 'nope', next: 'abcd', confirmation: 'abcd' },
        AT,
      ),
    ).rejects.toMatchObject({ problems: ['wrongPassword'] });
    await expect(
      accountPasswordChange(
        db,
        clerk.id,
        { current: '2468', next: '2468', confirmation: '2468' },
        AT,
      ),
    ).rejects.toMatchObject({ problems: ['sameAsOld'] });
    expect(await accountSignIn(db, clerk.id, '2468', AT)).toMatchObject({ ok: true });
  });

  it('must be changed once older than the policy allows', async () => {
    const { desk, by } = await setUp();
    await securityPolicyChange(by, { ...(await securityPolicy(db)), passwordMaxAgeDays: 90 });
    // The administrator's password was chosen at set-up.
    const day = (n: number) =>
      new Date(Date.parse(SET_UP_AT) + n * 86_400_000).toISOString() as IsoInstant;
    expect(await accountSignIn(db, desk.operator.id, TEST_PASSWORD, day(89))).toMatchObject({
      mustChange: false,
    });
    expect(await accountSignIn(db, desk.operator.id, TEST_PASSWORD, day(90))).toMatchObject({
      mustChange: true,
    });
  });

  it('a desk set up before accounts lets its administrator choose the first password, once', async () => {
    const { desk, clerk } = await setUp();
    await db.credentials.clear();
    await expect(
      accountFirstPassword(db, clerk.id, { next: 'abcd', confirmation: 'abcd' }, AT, TEST_SCRYPT),
    ).rejects.toMatchObject({ problems: ['notAllowed'] });
    await accountFirstPassword(
      db,
      desk.operator.id,
      { next: 'first-1', confirmation: 'first-1' },
      AT,
      TEST_SCRYPT,
    );
    expect(await accountSignIn(db, desk.operator.id, 'first-1', AT)).toMatchObject({ ok: true });
    await expect(
      accountFirstPassword(db, desk.operator.id, { next: 'again-1', confirmation: 'again-1' }, AT),
    ).rejects.toMatchObject({ problems: ['notAllowed'] });
  });
});

it('set-up stores the first administrator’s credential', async () => {
  db = testDatabase();
  const desk = await testDeskSetUp(db);
  expect(await db.credentials.get(desk.operator.id)).toMatchObject({
    changedAt: SET_UP_AT,
    mustChange: false,
    failures: 0,
  });
});
