/**
 * Accounts (DOMAIN.md section 8): signing in with a password, the lock after repeated wrong
 * passwords, changing one's password, an administrator's reset, the desk's sign-in policy.
 * Hashes live in `credentials` (keyed by staffId), never in `staff`.
 *
 * scrypt runs outside every transaction (IndexedDB commits a transaction that waits on
 * anything else); the sign-in state is then read again and written in one transaction.
 */
import type { AuditId, IsoInstant, StaffId } from '@shared/kernel/brand';
import {
  DESK_SCRYPT,
  SECURITY_POLICY_DEFAULT,
  credentialAfterFailure,
  credentialAfterSuccess,
  credentialLocked,
  credentialMustChange,
  passwordCheck,
  passwordHash,
  passwordMatches,
  securityPolicyCheck,
  type CredentialEntity,
  type PasswordProblem,
  type ScryptParams,
  type SecurityPolicy,
  type SecurityPolicyProblem,
} from '@shared/access/credentials';
import type { AuditEntity, StaffEntity } from '@shared/model/entities';
import { newId } from '@shared/kernel/ids';
import { sessionRequire } from '../access';
import type { DeskDatabase } from '../database';
import { StorageError, withStorageErrors } from '../errors';
import { sessionStamp, type DeskSession } from '../session';
import { ChangeRefusedError, withRefusals } from './refused';
import { settingsChange, settingsGet } from './settings';
import { auditRecord, type AuditInput } from './audit';

/** The desk's sign-in policy, with the defaults for what was never set. */
export async function securityPolicy(db: DeskDatabase): Promise<SecurityPolicy> {
  return { ...SECURITY_POLICY_DEFAULT, ...(await settingsGet(db, 'security')) };
}

/** An administrator's change to the sign-in policy, audited. */
export async function securityPolicyChange(
  session: DeskSession,
  policy: SecurityPolicy,
): Promise<void> {
  sessionRequire(session, 'accounts.manage');
  const problems = securityPolicyCheck(policy);
  if (problems.length > 0) throw new ChangeRefusedError<SecurityPolicyProblem>(problems);
  await settingsChange(session, 'security', policy);
}

/** Whether the operator has a password (their sign-in state stays unread). */
export async function accountHasPassword(db: DeskDatabase, staffId: StaffId): Promise<boolean> {
  return (await db.credentials.get(staffId)) !== undefined;
}

/** The operators who have a password (the staff list marks the others). */
export async function accountsWithPassword(db: DeskDatabase): Promise<Set<StaffId>> {
  return new Set(await db.credentials.toCollection().primaryKeys());
}

/** Whether any operator of the desk has a password (a desk set up before accounts has none). */
export async function accountsAnyPassword(db: DeskDatabase): Promise<boolean> {
  return (await db.credentials.count()) > 0;
}

export type SignInRefusal =
  /** No such operator. */
  | 'unknown'
  /** A departed operator: disabled accounts keep their history and cannot sign in. */
  | 'disabled'
  /** No password set yet: an administrator sets one. */
  | 'noPassword'
  | 'wrongPassword'
  /** Too many wrong passwords: no password is accepted until `lockedUntil`. */
  | 'locked';

export type SignInResult =
  | {
      readonly ok: true;
      readonly operator: StaffEntity;
      /** The password was reset by an administrator or is older than the policy allows. */
      readonly mustChange: boolean;
    }
  | {
      readonly ok: false;
      readonly refusal: SignInRefusal;
      readonly lockedUntil?: IsoInstant;
      /** Wrong passwords still allowed before the lock. */
      readonly attemptsLeft?: number;
    };

function auditRow(
  at: IsoInstant,
  actorId: StaffId,
  action: AuditEntity['action'],
  detail?: string,
): AuditInput {
  return {
    id: newId<AuditId>(Date.parse(at)),
    at,
    actorId,
    action,
    target: actorId,
    ...(detail ? { detail } : {}),
  };
}

/**
 * Checks `password` for the operator at `now`. A right password clears the failure count and
 * records the sign-in (settings `currentOperatorId`, audit); a wrong one counts, and the
 * policy's limit (five by default) locks the account for the policy's minutes. A disabled or
 * locked account is refused without looking at the password. Every refusal is audited.
 */
export async function accountSignIn(
  db: DeskDatabase,
  staffId: StaffId,
  password: string,
  now: IsoInstant,
): Promise<SignInResult> {
  const [staff, stored, policy] = await Promise.all([
    db.staff.get(staffId),
    db.credentials.get(staffId),
    securityPolicy(db),
  ]);
  if (!staff) return { ok: false, refusal: 'unknown' };
  const refuse = async (
    refusal: SignInRefusal,
    write?: CredentialEntity,
  ): Promise<SignInResult> => {
    await withStorageErrors(() =>
      db.transaction('rw', [db.credentials, db.audit], async () => {
        if (write) await db.credentials.put(write);
        await auditRecord(db, auditRow(now, staffId, 'account.signInRefused', refusal));
        if (write?.lockedUntil) await auditRecord(db, auditRow(now, staffId, 'account.locked'));
      }),
    );
    const lockedUntil = write?.lockedUntil ?? stored?.lockedUntil;
    return {
      ok: false,
      refusal: write?.lockedUntil ? 'locked' : refusal,
      ...(refusal === 'locked' || write?.lockedUntil ? { lockedUntil } : {}),
      ...(refusal === 'wrongPassword' && write && !write.lockedUntil
        ? { attemptsLeft: policy.maxFailures - write.failures }
        : {}),
    };
  };
  if (!staff.active) return refuse('disabled');
  if (!stored) return refuse('noPassword');
  if (credentialLocked(stored, now)) return refuse('locked');
  const matches = await passwordMatches(password, stored);
  // Read again: another window may have counted a failure meanwhile.
  const current = (await db.credentials.get(staffId)) ?? stored;
  if (!matches) return refuse('wrongPassword', credentialAfterFailure(current, policy, now));
  if (credentialLocked(current, now)) return refuse('locked');
  await withStorageErrors(() =>
    db.transaction('rw', [db.credentials, db.settings, db.audit], async () => {
      await db.credentials.put(credentialAfterSuccess(current));
      await db.settings.put({ key: 'currentOperatorId', value: staffId, updatedAt: now });
      await auditRecord(db, auditRow(now, staffId, 'account.signedIn'));
    }),
  );
  return { ok: true, operator: staff, mustChange: credentialMustChange(current, policy, now) };
}

async function credentialFor(
  staffId: StaffId,
  password: string,
  now: IsoInstant,
  mustChange: boolean,
  params: ScryptParams,
): Promise<CredentialEntity> {
  const hashed = await passwordHash(password, crypto.getRandomValues(new Uint8Array(16)), params);
  return { staffId, ...hashed, changedAt: now, mustChange, failures: 0 };
}

export type PasswordChangeRefusal = PasswordProblem | 'wrongPassword' | 'locked' | 'disabled';

/**
 * The operator changes their own password, giving the present one (after a reset, the one the
 * administrator gave them). Throws `ChangeRefusedError<PasswordChangeRefusal>`.
 */
export async function accountPasswordChange(
  db: DeskDatabase,
  staffId: StaffId,
  change: { readonly current: string; readonly next: string; readonly confirmation: string },
  now: IsoInstant,
  params: ScryptParams = DESK_SCRYPT,
): Promise<void> {
  const problem = passwordCheck(change.next, change.confirmation);
  if (problem) throw new ChangeRefusedError<PasswordChangeRefusal>([problem]);
  if (change.next === change.current)
    throw new ChangeRefusedError<PasswordChangeRefusal>(['sameAsOld']);
  const [staff, stored] = await Promise.all([db.staff.get(staffId), db.credentials.get(staffId)]);
  if (!staff || !stored) throw new StorageError('notFound', { message: `No account ${staffId}` });
  if (!staff.active) throw new ChangeRefusedError<PasswordChangeRefusal>(['disabled']);
  if (credentialLocked(stored, now))
    throw new ChangeRefusedError<PasswordChangeRefusal>(['locked']);
  if (!(await passwordMatches(change.current, stored))) {
    const policy = await securityPolicy(db);
    const counted = credentialAfterFailure(stored, policy, now);
    await withStorageErrors(() => db.credentials.put(counted));
    throw new ChangeRefusedError<PasswordChangeRefusal>([
      counted.lockedUntil ? 'locked' : 'wrongPassword',
    ]);
  }
  const next = await credentialFor(staffId, change.next, now, false, params);
  await withStorageErrors(() =>
    db.transaction('rw', [db.credentials, db.audit], async () => {
      await db.credentials.put(next);
      await auditRecord(db, auditRow(now, staffId, 'account.passwordChanged'));
    }),
  );
}

/**
 * An administrator sets another operator's password (a new operator, or one who forgot theirs),
 * audited; it clears a lock, and the operator must choose their own at the next sign-in.
 * Throws `AccessDeniedError` for anyone else and `ChangeRefusedError<PasswordProblem>`.
 */
export async function accountPasswordReset(
  session: DeskSession,
  staffId: StaffId,
  password: { readonly next: string; readonly confirmation: string },
  params: ScryptParams = DESK_SCRYPT,
): Promise<void> {
  const { db } = session;
  sessionRequire(session, 'accounts.manage');
  const problem = passwordCheck(password.next, password.confirmation);
  if (problem) throw new ChangeRefusedError<PasswordProblem>([problem]);
  const by = sessionStamp(session);
  // Their own password is changed by giving the present one, not reset.
  const mustChange = staffId !== by.actorId;
  const next = await credentialFor(staffId, password.next, by.at, mustChange, params);
  await withRefusals(() =>
    db.transaction('rw', [db.staff, db.credentials, db.audit], async () => {
      if (!(await db.staff.get(staffId)))
        throw new StorageError('notFound', { message: `No staff ${staffId}` });
      await db.credentials.put(next);
      await auditRecord(db, {
        id: newId<AuditId>(by.wallMs),
        at: by.at,
        actorId: by.actorId,
        action: 'account.passwordReset',
        target: staffId,
      });
    }),
  );
}

/**
 * A desk set up before accounts existed has no password at all: its first active administrator
 * to sign in chooses one (once; after that every password goes through an administrator).
 * Throws `ChangeRefusedError` when the desk has a password already or the operator is not an
 * active administrator.
 */
export async function accountFirstPassword(
  db: DeskDatabase,
  staffId: StaffId,
  password: { readonly next: string; readonly confirmation: string },
  now: IsoInstant,
  params: ScryptParams = DESK_SCRYPT,
): Promise<StaffEntity> {
  const problem = passwordCheck(password.next, password.confirmation);
  if (problem) throw new ChangeRefusedError<PasswordProblem | 'notAllowed'>([problem]);
  const next = await credentialFor(staffId, password.next, now, false, params);
  return withRefusals(() =>
    db.transaction('rw', [db.staff, db.credentials, db.settings, db.audit], async () => {
      const staff = await db.staff.get(staffId);
      if ((await db.credentials.count()) > 0 || !staff?.active || !staff.roles.includes('admin'))
        throw new ChangeRefusedError<PasswordProblem | 'notAllowed'>(['notAllowed']);
      await db.credentials.put(next);
      await db.settings.put({ key: 'currentOperatorId', value: staffId, updatedAt: now });
      await auditRecord(db, auditRow(now, staffId, 'account.passwordChanged', 'first'));
      await auditRecord(db, auditRow(now, staffId, 'account.signedIn'));
      return staff;
    }),
  );
}
