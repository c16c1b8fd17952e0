/**
 * The security settings (设置 · 安全): the allow-list of hosts the desk may open in the system
 * browser, and the shared folder of the offline update. Both are checked again here before they
 * are written, so a bad value is never stored whatever the screen did.
 */
import { externalHostsParse } from '@shared/platform/external-hosts';
import { updateFolderCheck } from '@shared/platform/update-offer';
import type { DeskDatabase } from '../database';
import { staffIsAdmin } from '@shared/organisation/staff';
import type { DeskSession } from '../session';
import { ChangeRefusedError } from './refused';
import { settingsChange, settingsGet } from './settings';

/** Why a security setting was not stored. */
export type SecuritySettingsProblem = 'notAdmin' | 'badHosts' | 'badFolder';

/** Only an administrator changes what the desk may open and what it may install. */
async function adminOnly(session: DeskSession): Promise<void> {
  const operator = await session.db.staff.get(session.operator.id);
  if (!operator || !staffIsAdmin(operator)) throw new ChangeRefusedError(['notAdmin']);
}

/** The allow-list in force (empty when never set). */
export async function externalHostsLoad(db: DeskDatabase): Promise<readonly string[]> {
  return (await settingsGet(db, 'externalHosts')) ?? [];
}

/** The update folder ('' when none). */
export async function updateFolderLoad(db: DeskDatabase): Promise<string> {
  return (await settingsGet(db, 'updateFolder')) ?? '';
}

/** Stores the allow-list; refuses a list that the settings page's check would refuse. */
export async function externalHostsChange(
  session: DeskSession,
  hosts: readonly string[],
): Promise<void> {
  const checked = externalHostsParse(hosts.join('\n'));
  if (!checked.ok || checked.hosts.length !== hosts.length) {
    throw new ChangeRefusedError<SecuritySettingsProblem>(['badHosts']);
  }
  await adminOnly(session);
  await settingsChange(session, 'externalHosts', checked.hosts);
}

/** Stores the update folder ('' turns the offline update off). */
export async function updateFolderChange(session: DeskSession, folder: string): Promise<void> {
  const checked = updateFolderCheck(folder);
  if (!checked.ok) throw new ChangeRefusedError<SecuritySettingsProblem>(['badFolder']);
  await adminOnly(session);
  await settingsChange(session, 'updateFolder', checked.folder);
}
