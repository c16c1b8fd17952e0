/**
 * Which automatic backups to keep in the backup folder: the newest of each of the last 30 days
 * that have one, and the newest of each of the last 12 months that have one (a backup can be
 * both). Days and months are read from the stamp in the file name (the desk's local time), so the
 * rule does not depend on file times that a copy changes. Files without a stamp are not ours and
 * are never deleted.
 */
import { localMomentOf } from '../calendar/local-time';
import { backupFileStamp } from './format';

export const BACKUP_KEEP_DAILY = 30;
export const BACKUP_KEEP_MONTHLY = 12;

export function backupRotation(
  fileNames: readonly string[],
  keepDaily: number = BACKUP_KEEP_DAILY,
  keepMonthly: number = BACKUP_KEEP_MONTHLY,
): { keep: string[]; remove: string[] } {
  const stamped = fileNames
    .map((name) => ({ name, stamp: backupFileStamp(name) }))
    .filter((f): f is { name: string; stamp: string } => f.stamp !== undefined)
    // Newest first; equal stamps by name so the choice is stable.
    .sort((a, b) =>
      a.stamp === b.stamp ? b.name.localeCompare(a.name) : b.stamp.localeCompare(a.stamp),
    );
  const keep = new Set<string>();
  const days = new Set<string>();
  const months = new Set<string>();
  for (const file of stamped) {
    const day = file.stamp.slice(0, 8);
    const month = file.stamp.slice(0, 6);
    if (!days.has(day) && days.size < keepDaily) {
      days.add(day);
      keep.add(file.name);
    }
    if (!months.has(month) && months.size < keepMonthly) {
      months.add(month);
      keep.add(file.name);
    }
  }
  return {
    keep: stamped.filter((f) => keep.has(f.name)).map((f) => f.name),
    remove: stamped.filter((f) => !keep.has(f.name)).map((f) => f.name),
  };
}

/** Whether the last backup is older than a day (the home screen warns). */
export function backupIsStale(lastAt: string | undefined, now: Date): boolean {
  if (lastAt === undefined) return true;
  return now.getTime() - Date.parse(lastAt) > 24 * 60 * 60 * 1000;
}

/**
 * Whether today's automatic backup is still to make: none yet on the desk's local date of `now`
 * (the first start of the day makes it).
 */
export function backupDueToday(lastAt: string | undefined, now: Date, timeZone: string): boolean {
  if (lastAt === undefined) return true;
  const day = (ms: number) => localMomentOf(ms, timeZone).date;
  return day(Date.parse(lastAt)) !== day(now.getTime());
}
