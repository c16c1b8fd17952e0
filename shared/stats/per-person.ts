/**
 * The per-person yearly record of the hospital preset (S004-A 第十七条, DOMAIN.md section 4):
 * each confirmed complaint counts against the person named by responsibility (定责), by level,
 * for the annual review. A matter reported several times counts once.
 */
import type { CaseEntity } from '../model/entities';
import type { DeskRules } from '../rules/rules';
import { rulesDefaultLevel } from '../rules/rules-query';
import { mattersInRange, statsKindClass } from './matters';
import { periodOfYear } from './period';

export interface PersonYearRow {
  readonly unitName: string;
  readonly personName: string;
  /** Confirmed complaints by level id. */
  readonly byLevel: Readonly<Record<string, number>>;
  readonly total: number;
}

/**
 * The people with confirmed (valid) complaints first reported in `year`, most first, with
 * their counts by level.
 */
export function statsPerPersonYear(
  cases: readonly CaseEntity[],
  year: number,
  rules: DeskRules,
  timeZone: string,
): PersonYearRow[] {
  const rows = new Map<
    string,
    { unitName: string; personName: string; byLevel: Record<string, number>; total: number }
  >();
  for (const { lead } of mattersInRange(cases, periodOfYear(year), timeZone)) {
    const who = lead.responsibility;
    const personName = who?.personName?.trim();
    if (!who?.valid || !personName) continue;
    if (statsKindClass(lead, rules) !== 'complaint') continue;
    const unitName = who.unitName?.trim() ?? '';
    const key = `${unitName}\u0000${personName}`;
    let row = rows.get(key);
    if (!row) {
      row = { unitName, personName, byLevel: {}, total: 0 };
      rows.set(key, row);
    }
    const level = lead.levelId ?? rulesDefaultLevel(rules).id;
    row.byLevel[level] = (row.byLevel[level] ?? 0) + 1;
    row.total += 1;
  }
  return [...rows.values()].sort(
    (a, b) =>
      b.total - a.total ||
      a.unitName.localeCompare(b.unitName, 'zh-CN') ||
      a.personName.localeCompare(b.personName, 'zh-CN'),
  );
}
