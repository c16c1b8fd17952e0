/**
 * Settings (one row per key, each key with its own value type) and the desk's first set-up.
 */
import type { AuditId, DeskId, IsoInstant, StaffId } from '@shared/kernel/brand';
import { DEFAULT_BUSINESS_HOURS, DEFAULT_TIME_ZONE } from '@shared/calendar/deadline';
import type {
  CalendarSettings,
  DeskIdentity,
  SettingsEntity,
  SettingsKey,
  SettingsValues,
  StaffEntity,
} from '@shared/model/entities';
import { newId } from '@shared/kernel/ids';
import { presetFor } from '@shared/rules/presets';
import type { DeskRules, Locale, PresetId } from '@shared/rules/rules';
import type { DeskDatabase } from '../database';
import { DeskAlreadySetUpError, StorageError, withStorageErrors } from '../errors';
import { sessionStamp, writeInstantAt, type DeskSession } from '../session';
import { auditRecord } from './audit';
import type { Permission } from '@shared/access/permissions';
import { sessionRequire, settingPermission } from '../access';
import { passwordHash, type CredentialEntity, type ScryptParams } from '@shared/access/credentials';

export const DEFAULT_LOCALE: Locale = 'zh-CN';

/** The calendar a desk starts with: Asia/Shanghai, the default business hours, no overrides. */
export function calendarDefault(): CalendarSettings {
  return { timeZone: DEFAULT_TIME_ZONE, businessHours: DEFAULT_BUSINESS_HOURS, extraYears: [] };
}

/** The value stored under a key, or undefined when it was never written. */
export async function settingsGet<K extends SettingsKey>(
  db: DeskDatabase,
  key: K,
): Promise<SettingsValues[K] | undefined> {
  const row = (await db.settings.get(key)) as SettingsEntity<K> | undefined;
  return row?.value;
}

/** Writes one key (repeating the same write does no harm). */
export async function settingsPut<K extends SettingsKey>(
  db: DeskDatabase,
  key: K,
  value: SettingsValues[K],
  now: IsoInstant,
): Promise<void> {
  const row: SettingsEntity<K> = { key, value, updatedAt: now };
  await withStorageErrors(() => db.settings.put(row));
}

/**
 * The session operator's change to a setting: the new value and its audit entry, in one
 * transaction. Throws `AccessDeniedError` unless the operator holds `permission` (by default
 * the one the setting needs, `settingPermission`; a part of the rules passes its own).
 */
export async function settingsChange<K extends SettingsKey>(
  session: DeskSession,
  key: K,
  value: SettingsValues[K],
  permission: Permission | undefined = settingPermission(key),
): Promise<void> {
  const { db } = session;
  if (permission) sessionRequire(session, permission);
  const by = sessionStamp(session);
  const row: SettingsEntity<K> = { key, value, updatedAt: by.at };
  await withStorageErrors(() =>
    db.transaction('rw', [db.settings, db.audit], async () => {
      await db.settings.put(row);
      await auditRecord(db, {
        id: newId<AuditId>(by.wallMs),
        at: by.at,
        actorId: by.actorId,
        action: 'settings.changed',
        target: key,
      });
    }),
  );
}

export interface DeskSetUpInput {
  readonly organisationName: string;
  readonly deskName: string;
  readonly deskCode?: string;
  readonly presetId: PresetId;
  readonly operatorName: string;
  readonly locale: Locale;
  readonly now: IsoInstant;
  /**
   * The wall clock the ids are made from, when not `now` (the benchmark dates its desk before
   * the history it generates). There is no session yet: the desk and its operator come from here.
   */
  readonly wallMs?: number;
  /** The first administrator's password (checked by `passwordCheck` before). */
  readonly password: string;
  /** The hash's cost; tests pass a cheap one (default `DESK_SCRYPT`). */
  readonly scrypt?: ScryptParams;
}

/** The roles of the first operator: whoever sets the desk up can do everything on it. */
const FIRST_OPERATOR_ROLES = ['admin', 'clerk', 'shiftLead', 'supervisor'] as const;

/**
 * Sets up a new desk in one transaction: identity, a copy of the preset's rules, the calendar,
 * the locale, an empty numbering counter, the first operator (an administrator) with their
 * password's hash, and an audit entry.
 * Throws `DeskAlreadySetUpError` when the desk already has an identity.
 */
export async function deskSetUp(
  db: DeskDatabase,
  input: DeskSetUpInput,
): Promise<{ identity: DeskIdentity; operator: StaffEntity }> {
  const wallMs = input.wallMs ?? writeInstantAt(input.now).wallMs;
  const deskCode = input.deskCode?.trim();
  const identity: DeskIdentity = {
    deskId: newId<DeskId>(wallMs),
    organisationName: input.organisationName.trim(),
    deskName: input.deskName.trim(),
    ...(deskCode ? { deskCode } : {}),
    setUpAt: input.now,
  };
  const operator: StaffEntity = {
    id: newId<StaffId>(wallMs),
    name: input.operatorName.trim(),
    roles: FIRST_OPERATOR_ROLES,
    active: true,
    createdAt: input.now,
  };
  // Hashed before the transaction: IndexedDB commits a transaction that waits on anything else.
  const hashed = await passwordHash(
    input.password,
    crypto.getRandomValues(new Uint8Array(16)),
    input.scrypt,
  );
  const credential: CredentialEntity = {
    staffId: operator.id,
    ...hashed,
    changedAt: input.now,
    mustChange: false,
    failures: 0,
  };
  // IndexedDB stores a structured clone, so the desk's rules are its own copy of the preset.
  const rules: DeskRules = presetFor(input.presetId);
  const rows: SettingsEntity[] = [
    settingsRow('identity', identity, input.now),
    settingsRow('rules', rules, input.now),
    settingsRow('calendar', calendarDefault(), input.now),
    settingsRow('locale', input.locale, input.now),
    settingsRow('numbering', {}, input.now),
    settingsRow('currentOperatorId', operator.id, input.now),
  ];
  await withStorageErrors(() =>
    db.transaction('rw', [db.settings, db.staff, db.credentials, db.audit], async () => {
      if (await db.settings.get('identity')) throw new DeskAlreadySetUpError('Desk already set up');
      await db.settings.bulkPut(rows);
      await db.staff.add(operator);
      await db.credentials.add(credential);
      await auditRecord(db, {
        id: newId<AuditId>(wallMs),
        at: input.now,
        actorId: operator.id,
        action: 'desk.setUp',
        target: identity.deskId,
        detail: input.presetId,
      });
    }),
  );
  return { identity, operator };
}

function settingsRow<K extends SettingsKey>(
  key: K,
  value: SettingsValues[K],
  updatedAt: IsoInstant,
): SettingsEntity<K> {
  return { key, value, updatedAt };
}

export interface StoredDeskState {
  readonly identity: DeskIdentity;
  readonly rules: DeskRules;
  readonly calendar: CalendarSettings;
  readonly locale: Locale;
  /** The operator now working (possibly since disabled: the UI asks who takes over). */
  readonly operator: StaffEntity;
  /** Sync is on with a head-office account: the desk reads every desk's cases, writes none. */
  readonly headOffice?: boolean;
}

/** What the desk runs with, or undefined on first run (no identity yet). */
export async function deskState(db: DeskDatabase): Promise<StoredDeskState | undefined> {
  return db.transaction('r', [db.settings, db.staff], async () => {
    const identity = await settingsGet(db, 'identity');
    if (!identity) return undefined;
    const [rules, calendar, locale, operatorId, sync] = await Promise.all([
      settingsGet(db, 'rules'),
      settingsGet(db, 'calendar'),
      settingsGet(db, 'locale'),
      settingsGet(db, 'currentOperatorId'),
      settingsGet(db, 'sync'),
    ]);
    const operator =
      (operatorId === undefined ? undefined : await db.staff.get(operatorId)) ??
      (await operatorFallback(db));
    return {
      identity,
      // Set-up writes all of these together; the defaults only keep a damaged desk usable.
      rules: rules ?? presetFor('property'),
      calendar: { ...calendarDefault(), ...calendar },
      locale: locale ?? DEFAULT_LOCALE,
      operator,
      ...(sync?.enabled === true && sync.kind === 'headOffice' ? { headOffice: true } : {}),
    };
  });
}

/**
 * Set-up writes the first operator with the identity and staff are never deleted, so the
 * current operator always exists; should its row be lost, an active administrator takes over.
 */
async function operatorFallback(db: DeskDatabase): Promise<StaffEntity> {
  const staff = await db.staff.toArray();
  staff.sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
  const operator =
    staff.find((s) => s.active && s.roles.includes('admin')) ?? staff.find((s) => s.active);
  if (!operator) throw new StorageError('notFound', { message: 'No operator on this desk' });
  return operator;
}
