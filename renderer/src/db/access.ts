/**
 * The one place the data layer checks who may write what: every writing repository calls
 * `sessionRequire` (or `stampRequire` inside a transaction) with the permission its write needs,
 * as named by the table in shared/access/permissions.ts. The screens hide what the roles may not
 * do; this refuses it even when a write is attempted another way (a stale screen, a script in
 * the page).
 */
import { caseEventPermission, rolesMay, type Permission } from '@shared/access/permissions';
import type { SettingsKey } from '@shared/model/entities';
import type { CaseEventType } from '@shared/workflow/events';
import { AccessDeniedError } from './errors';
import type { DeskSession, WriteStamp } from './session';

/** Whether the session's operator may do what `permission` names. */
export function sessionMay(
  session: Pick<DeskSession, 'operator'>,
  permission: Permission,
): boolean {
  return rolesMay(session.operator.roles, permission);
}

/** Throws `AccessDeniedError` unless the session's operator holds `permission`. */
export function sessionRequire(
  session: Pick<DeskSession, 'operator'>,
  permission: Permission,
): void {
  if (!sessionMay(session, permission)) throw new AccessDeniedError(permission);
}

/** Throws `AccessDeniedError` unless the stamp's actor holds `permission`. */
export function stampRequire(stamp: Pick<WriteStamp, 'actorRoles'>, permission: Permission): void {
  if (!rolesMay(stamp.actorRoles, permission)) throw new AccessDeniedError(permission);
}

/** Throws `AccessDeniedError` unless the stamp's actor may append an event of `type`. */
export function stampRequireEvent(
  stamp: Pick<WriteStamp, 'actorRoles'>,
  type: CaseEventType,
): void {
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
};

/** The permission changing `key` needs, if any. */
export function settingPermission(key: SettingsKey): Permission | undefined {
  return SETTING_PERMISSION[key];
}
