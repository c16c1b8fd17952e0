/**
 * Operators' passwords (DOMAIN.md section 8): a slow salted hash (scrypt), a lock after
 * repeated failures, an optional periodic change, and the idle lock of the screen. Pure: the
 * hashing is @noble/hashes' scrypt (JavaScript, the same in the browser, Electron and Node);
 * the caller supplies the random salt and the instant.
 *
 * scrypt N = 2^15, r = 8, p = 1 (32 MiB of memory) takes about 130 ms in Node 20 on this 2-core
 * development machine and 150-300 ms in Chromium: slow enough that guessing a 6-digit PIN
 * offline takes days of processor time, quick enough that signing in does not wait. The
 * parameters are stored with each hash, so they can be raised later without locking anyone out.
 */
import { scryptAsync } from '@noble/hashes/scrypt.js';
import type { IsoInstant, StaffId } from '../kernel/brand';

export interface ScryptParams {
  readonly N: number;
  readonly r: number;
  readonly p: number;
  readonly dkLen: number;
}

/** The desk's parameters (see the header for the timing). */
export const DESK_SCRYPT: ScryptParams = { N: 2 ** 15, r: 8, p: 1, dkLen: 32 };

/** An operator's password hash and sign-in state (the `credentials` table, keyed by staffId). */
export interface CredentialEntity {
  readonly staffId: StaffId;
  readonly algorithm: 'scrypt';
  readonly params: ScryptParams;
  /** Hex. */
  readonly salt: string;
  /** Hex. */
  readonly hash: string;
  /** When the password was last set (by the operator or by an administrator's reset). */
  readonly changedAt: IsoInstant;
  /** Set by an administrator's reset: the operator chooses their own at the next sign-in. */
  readonly mustChange: boolean;
  /** Wrong passwords in a row since the last success or lock. */
  readonly failures: number;
  /** While set and in the future, no password is accepted. */
  readonly lockedUntil?: IsoInstant;
}

/** The desk's sign-in policy (settings key `security`). */
export interface SecurityPolicy {
  /** Minutes without a key press or a click before the screen locks; 0: never. */
  readonly idleLockMinutes: number;
  /** Days a password stays valid before the operator must change it; 0: never. */
  readonly passwordMaxAgeDays: number;
  /** Wrong passwords in a row that lock the account. */
  readonly maxFailures: number;
  /** How long a locked account stays locked. */
  readonly lockMinutes: number;
}

export const SECURITY_POLICY_DEFAULT: SecurityPolicy = {
  idleLockMinutes: 10,
  passwordMaxAgeDays: 0,
  maxFailures: 5,
  lockMinutes: 15,
};

/** The shortest password: a 4-digit PIN at least. */
export const PASSWORD_MIN_LENGTH = 4;
export const PASSWORD_MAX_LENGTH = 128;

export type PasswordProblem = 'tooShort' | 'tooLong' | 'mismatch' | 'sameAsOld';

/** What is wrong with a new password and its confirmation, if anything. */
export function passwordCheck(password: string, confirmation: string): PasswordProblem | undefined {
  if (password.length < PASSWORD_MIN_LENGTH) return 'tooShort';
  if (password.length > PASSWORD_MAX_LENGTH) return 'tooLong';
  if (password !== confirmation) return 'mismatch';
  return undefined;
}

/** Policy limits an administrator may set. */
export type SecurityPolicyProblem =
  'idleLockMinutes' | 'passwordMaxAgeDays' | 'maxFailures' | 'lockMinutes';

export function securityPolicyCheck(policy: SecurityPolicy): SecurityPolicyProblem[] {
  const problems: SecurityPolicyProblem[] = [];
  const within = (n: number, min: number, max: number) =>
    Number.isInteger(n) && n >= min && n <= max;
  if (!within(policy.idleLockMinutes, 0, 480)) problems.push('idleLockMinutes');
  if (!within(policy.passwordMaxAgeDays, 0, 3650)) problems.push('passwordMaxAgeDays');
  if (!within(policy.maxFailures, 1, 20)) problems.push('maxFailures');
  if (!within(policy.lockMinutes, 1, 1440)) problems.push('lockMinutes');
  return problems;
}

function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function unhex(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(text.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}

/** Compares in time independent of where the first difference is. */
function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
}

/** The stored hash of `password` with a fresh 16-byte `salt`. */
export async function passwordHash(
  password: string,
  salt: Uint8Array,
  params: ScryptParams = DESK_SCRYPT,
): Promise<Pick<CredentialEntity, 'algorithm' | 'params' | 'salt' | 'hash'>> {
  const key = await scryptAsync(password.normalize('NFC'), salt, { ...params });
  return { algorithm: 'scrypt', params, salt: hex(salt), hash: hex(key) };
}

/** Whether `password` is the one `stored` was made from. */
export async function passwordMatches(
  password: string,
  stored: Pick<CredentialEntity, 'params' | 'salt' | 'hash'>,
): Promise<boolean> {
  const key = await scryptAsync(password.normalize('NFC'), unhex(stored.salt), {
    ...stored.params,
  });
  return equalBytes(key, unhex(stored.hash));
}

/** Whether the account is locked at `now`. */
export function credentialLocked(
  credential: Pick<CredentialEntity, 'lockedUntil'>,
  now: IsoInstant,
): boolean {
  return credential.lockedUntil !== undefined && credential.lockedUntil > now;
}

/** The sign-in state after a wrong password at `now`: the account locks at the policy's limit. */
export function credentialAfterFailure(
  credential: CredentialEntity,
  policy: Pick<SecurityPolicy, 'maxFailures' | 'lockMinutes'>,
  now: IsoInstant,
): CredentialEntity {
  // A lock that has run out starts a fresh count.
  const before = credential.lockedUntil && credential.lockedUntil <= now ? 0 : credential.failures;
  const failures = before + 1;
  const { lockedUntil: _lockedUntil, ...rest } = credential;
  if (failures < policy.maxFailures) return { ...rest, failures };
  const until = new Date(Date.parse(now) + policy.lockMinutes * 60_000).toISOString();
  return { ...rest, failures: 0, lockedUntil: until as IsoInstant };
}

/** The sign-in state after a right password: the count starts again. */
export function credentialAfterSuccess(credential: CredentialEntity): CredentialEntity {
  const { lockedUntil: _lockedUntil, ...rest } = credential;
  return { ...rest, failures: 0 };
}

/** Whether the operator must choose a new password before working (reset, or too old). */
export function credentialMustChange(
  credential: Pick<CredentialEntity, 'mustChange' | 'changedAt'>,
  policy: Pick<SecurityPolicy, 'passwordMaxAgeDays'>,
  now: IsoInstant,
): boolean {
  if (credential.mustChange) return true;
  if (policy.passwordMaxAgeDays <= 0) return false;
  return (
    Date.parse(now) - Date.parse(credential.changedAt) >= policy.passwordMaxAgeDays * 86_400_000
  );
}

/** Whether the screen should lock: idle for the policy's minutes since `lastActivityMs`. */
export function idleLockDue(
  policy: Pick<SecurityPolicy, 'idleLockMinutes'>,
  lastActivityMs: number,
  nowMs: number,
): boolean {
  return policy.idleLockMinutes > 0 && nowMs - lastActivityMs >= policy.idleLockMinutes * 60_000;
}
