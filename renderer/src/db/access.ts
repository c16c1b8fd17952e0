/**
 * The one place the data layer checks who may write what: every writing repository calls
 * `sessionRequire` (or `stampRequire` inside a transaction) with the permission its write needs,
 * as named by the table in shared/access/permissions.ts. The screens hide what the roles may not
 * do; this refuses it even when a write is attempted another way (a stale screen, a script in
 * the page).
 */
import {
  caseEventPermission,
  headOfficeMay,
  rolesMay,
  type Permission,
} from '@shared/access/permissions';
import type { SettingsKey } from '@shared/model/entities';
import type { CaseEventType } from '@shared/workflow/events';
import { AccessDeniedError } from './errors';
import type { DeskSession, WriteStamp } from './session';

/** A session as the checks read it: its operator and whether its desk is a head office. */
type SessionChecked = Pick<DeskSession, 'operator'> & {
  readonly desk?: { readonly headOffice?: boolean };
};

/**
 * Whether the session's operator may do what `permission` names. A head office (sync signed in
 * with a head-office account) reads only: `headOfficeMay` refuses every case step whatever the
 * roles, so no path (a stale screen, a test hook, a script in the page) writes a case there.
 */
export function sessionMay(session: SessionChecked, permission: Permission): boolean {
  if (session.desk?.headOffice === true && !headOfficeMay(permission)) return false;
  return rolesMay(session.operator.roles, permission);
}

/** Throws `AccessDeniedError` unless the session's operator holds `permission`. */
export function sessionRequire(session: SessionChecked, permission: Permission): void {
  if (!sessionMay(session, permission)) throw new AccessDeniedError(permission);
}

/** Throws `AccessDeniedError` unless the stamp's actor holds `permission` (head office: above). */
export function stampRequire(
  stamp: Pick<WriteStamp, 'actorRoles'> & { readonly headOffice?: boolean },
  permission: Permission,
): void {
  if (stamp.headOffice === true && !headOfficeMay(permission)) {
    throw new AccessDeniedError(permission);
  }
  if (!rolesMay(stamp.actorRoles, permission)) throw new AccessDeniedError(permission);
}

/** Throws `AccessDeniedError` unless the stamp's actor may append an event of `type`. */
export function stampRequireEvent(
  stamp: Pick<WriteStamp, 'actorRoles'> & { readonly headOffice?: boolean },
  type: CaseEventType,
): void {
  // A head office appends no event at all, not even a print or export record: its events would
  // never reach the desks, and the snapshots would differ.
  if (stamp.headOffice === true) throw new AccessDeniedError(caseEventPermission(type));
  stampRequire(stamp, caseEventPermission(type));
}

/**
 * The permission changing each setting needs; a setting not listed (the display language, the
 * desk's own counters and clock) is not the operator's to refuse.
 */
const SETTING_PERMISSION: Partial<Record<SettingsKey, Permission>> = {
  identity: 'settings.rules',
  rules: 'settings.rules',
  calendar: 'settings.calendar',
  duplicateWindowDays: 'settings.rules',
  print: 'settings.print',
  security: 'accounts.manage',
  sync: 'settings.sync',
};

/** The permission changing `key` needs, if any. */
export function settingPermission(key: SettingsKey): Permission | undefined {
  return SETTING_PERMISSION[key];
}
