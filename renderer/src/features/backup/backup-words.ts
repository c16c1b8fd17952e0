import type { TFunction } from 'i18next';
import type { BackupRefusal } from '@shared/backup/format';
import type { BackupMakeResult } from '../../db/repos/backup';

/** A refused backup in the clerk's words, with where it failed. */
export function refusalText(t: TFunction, refusal: BackupRefusal): string {
  return `${t(`backup.refusals.${refusal.code}`)} ${t('backup.refusalDetail', { detail: refusal.detail })}`;
}

/** Why a backup could not be written, in the clerk's words. */
export function failureText(
  t: TFunction,
  result: Extract<BackupMakeResult, { status: 'failed' }>,
): string {
  const known = ['write-denied', 'disk-full', 'write-failed', 'read-failed'];
  const reason = known.includes(result.reason)
    ? t(`backup.reasons.${result.reason}`)
    : t('backup.reasons.other', { reason: result.reason });
  return result.detail ? `${reason} (${result.detail})` : reason;
}
