/**
 * The counting rules of DOMAIN.md section 6 (S001-A 4.5):
 * 1. different matters from the same customer are counted separately;
 * 2. one matter reported several times or by several people counts once: linked cases share a
 *    `matterId` and make one matter, counted in the period of its first report;
 * 3. cases are counted under their final cause, not the category guessed at intake.
 * And (S001-A 4.1.1.2) in the property preset an invalid complaint counts as a request.
 */
import type { CaseId } from '../kernel/brand';
import { localDateOf } from '../calendar/local-time';
import type { CaseEntity } from '../model/entities';
import type { DeskRules, KindClass } from '../rules/rules';
import { rulesKind } from '../rules/rules-query';
import { periodContains, type DateRange } from './period';

/** One matter: the linked cases that report it, and the case that stands for it. */
export interface Matter {
  readonly id: CaseId;
  /** The case the others were linked to (the matter's id), else the first received. */
  readonly lead: CaseEntity;
  readonly cases: readonly CaseEntity[];
  /** The first report's intake, which decides the period the matter counts in. */
  readonly firstReceivedAt: CaseEntity['receivedAt'];
}

function earlier(a: CaseEntity, b: CaseEntity): boolean {
  return a.receivedAt < b.receivedAt || (a.receivedAt === b.receivedAt && a.id < b.id);
}

/**
 * The matters of the given cases, one per `matterId`. Pass every case linked to a case of the
 * period (the repository loads them), so a matter first reported earlier is recognised.
 */
export function mattersOf(cases: readonly CaseEntity[]): Matter[] {
  const groups = new Map<CaseId, CaseEntity[]>();
  const seen = new Set<CaseId>();
  for (const c of cases) {
    if (seen.has(c.id)) continue;
    seen.add(c.id);
    const group = groups.get(c.matterId);
    if (group) group.push(c);
    else groups.set(c.matterId, [c]);
  }
  const matters: Matter[] = [];
  for (const [id, group] of groups) {
    let first = group[0];
    if (!first) continue;
    for (const c of group) if (earlier(c, first)) first = c;
    const lead = group.find((c) => c.id === id) ?? first;
    matters.push({ id, lead, cases: group, firstReceivedAt: first.receivedAt });
  }
  return matters;
}

/** The matters first reported in the range: each counts once, in the period of its first report. */
export function mattersInRange(
  cases: readonly CaseEntity[],
  range: DateRange,
  timeZone: string,
): Matter[] {
  return mattersOf(cases).filter((m) =>
    periodContains(range, localDateOf(m.firstReceivedAt, timeZone)),
  );
}

/**
 * The kind a case counts under: its kind, except an invalid complaint in a preset that counts
 * those as another kind (property: a request).
 */
export function statsKindId(c: Pick<CaseEntity, 'kindId' | 'valid'>, rules: DeskRules): string {
  const into = rules.invalidComplaintBecomesKindId;
  if (
    c.valid === false &&
    into !== undefined &&
    rulesKind(rules, c.kindId)?.class === 'complaint'
  ) {
    return into;
  }
  return c.kindId;
}

/** The class of the kind a case counts under, when the rules know the kind. */
export function statsKindClass(
  c: Pick<CaseEntity, 'kindId' | 'valid'>,
  rules: DeskRules,
): KindClass | undefined {
  return rulesKind(rules, statsKindId(c, rules))?.class;
}

/** Whether a case is an invalid complaint (counted apart, or as a request in property). */
export function statsIsInvalidComplaint(
  c: Pick<CaseEntity, 'kindId' | 'valid'>,
  rules: DeskRules,
): boolean {
  if (c.valid !== false) return false;
  return (
    rulesKind(rules, c.kindId)?.class === 'complaint' ||
    (rules.invalidComplaintBecomesKindId !== undefined &&
      c.kindId === rules.invalidComplaintBecomesKindId)
  );
}

/**
 * The first-level category a case counts under, in the tree of the kind it counts under (the
 * parent of a second-level category); undefined when it has none there.
 */
export function statsTopCategoryId(
  kindId: string,
  categoryId: string | undefined,
  rules: DeskRules,
): string | undefined {
  if (categoryId === undefined) return undefined;
  for (const parent of rulesKind(rules, kindId)?.categories ?? []) {
    if (parent.id === categoryId) return parent.id;
    if (parent.children?.some((child) => child.id === categoryId)) return parent.id;
  }
  return undefined;
}
