/**
 * The register's queries, as decisions (DESIGN.md "Data model": lists page by key): what a
 * filter means, whether a case matches it, who may read a confidential case, in what order the
 * register lists cases, which index a filter and sort walk, and how matters are counted. The
 * repository (renderer/src/db/repos/register.ts) only carries these plans out.
 *
 * Confidential cases (DOMAIN.md section 8) are *masked*, not hidden: an operator who may not
 * read one still sees that a case with its number, time, kind, level, channel, status and
 * deadline exists (the register's shape and counts stay whole), but not its customer, subject,
 * content, category, unit or handler, and a filter on any of those never matches it (a filter
 * would otherwise reveal what the mask hides).
 */
import { missingCaseError } from '../kernel/assert';
import { viewerReadsCase, type CaseViewer } from '../access/mask';
import type { CaseId, IsoDate, IsoInstant } from '../kernel/brand';
import { isIsoDate, isoDateAddDays } from '../calendar/iso-date';
import { uuidV7Time } from '../kernel/ids';
import type { CaseEntity, CaseStatus } from '../model/entities';
import { CASE_STATUSES } from '../model/entities';
import type { CategoryDef, DeskRules } from '../rules/rules';
import { searchMatches, searchTextsOf } from './search';
import { localDateTimeToInstant } from '../kernel/time';

/** `open`: any status but closed. */
export type RegisterStatusFilter = CaseStatus | 'open';

/** What the clerk chose in the filter bar (all optional; dates are local dates). */
export interface RegisterFilter {
  readonly receivedFrom?: string;
  readonly receivedTo?: string;
  readonly kindId?: string;
  readonly categoryId?: string;
  readonly levelId?: string;
  readonly status?: RegisterStatusFilter;
  readonly unitId?: string;
  readonly handlerName?: string;
  readonly channelId?: string;
  /** Only cases past their running deadline. */
  readonly overdue?: boolean;
  /** Only the cases of one matter. */
  readonly matterId?: string;
  /** Full-text search over customer, phone, room, subject and content. */
  readonly text?: string;
  /** Only the cases registered by the desk with this code (sync; head office's group register). */
  readonly deskCode?: string;
}

export type RegisterFilterField = keyof RegisterFilter;

export type RegisterSort =
  | 'receivedDesc'
  | 'receivedAsc'
  /** Open cases with a running deadline, soonest first; then the rest, newest received first. */
  | 'deadlineAsc'
  | 'numberAsc'
  | 'numberDesc';

export const REGISTER_SORTS: readonly RegisterSort[] = [
  'receivedDesc',
  'receivedAsc',
  'deadlineAsc',
  'numberAsc',
  'numberDesc',
];

export const REGISTER_DEFAULT_SORT: RegisterSort = 'receivedDesc';

export type RegisterFilterErrorCode = 'invalidDate' | 'rangeReversed' | 'unknownOption';

export interface RegisterFilterError {
  readonly field: RegisterFilterField;
  readonly code: RegisterFilterErrorCode;
}

/** A checked filter, ready to match rows: local dates became instants, categories a set. */
export interface RegisterCriteria {
  /** Received at or after (inclusive). */
  readonly receivedFrom?: IsoInstant;
  /** Received before (exclusive): the start of the day after the `to` date. */
  readonly receivedBefore?: IsoInstant;
  readonly kindId?: string;
  /** The chosen category and its second-level children. */
  readonly categoryIds?: readonly string[];
  readonly levelId?: string;
  readonly status?: RegisterStatusFilter;
  readonly unitId?: string;
  readonly handlerName?: string;
  readonly channelId?: string;
  /** Overdue at this instant: a running deadline (`openDueAt`) before it. */
  readonly overdueAt?: IsoInstant;
  readonly matterId?: string;
  readonly text?: string;
  /** Registered by this desk code (`CaseEntity.originDeskCode`). */
  readonly deskCode?: string;
  /** The code is this desk's own: its cases registered before it had a code count too. */
  readonly deskCodeOwn?: boolean;
}

export type RegisterCriteriaResult =
  | { readonly ok: true; readonly criteria: RegisterCriteria }
  | { readonly ok: false; readonly errors: readonly RegisterFilterError[] };

export interface RegisterCriteriaContext {
  readonly rules: Pick<DeskRules, 'kinds' | 'levels' | 'channels'>;
  readonly timeZone: string;
  readonly now: IsoInstant;
  /** This desk's code, if it has one (sync). */
  readonly ownDeskCode?: string;
}

function categoriesOf(rules: Pick<DeskRules, 'kinds'>, kindId?: string): CategoryDef[] {
  return rules.kinds
    .filter((k) => kindId === undefined || k.id === kindId)
    .flatMap((k) => [...k.categories]);
}

/** The chosen category with its children, or undefined when the rules have no such category. */
function categoryIdsOf(
  rules: Pick<DeskRules, 'kinds'>,
  categoryId: string,
  kindId?: string,
): string[] | undefined {
  for (const parent of categoriesOf(rules, kindId)) {
    if (parent.id === categoryId) return [parent.id, ...(parent.children ?? []).map((c) => c.id)];
    if (parent.children?.some((c) => c.id === categoryId)) return [categoryId];
  }
  return undefined;
}

function startOfLocalDay(date: IsoDate, timeZone: string): IsoInstant | undefined {
  return localDateTimeToInstant(`${date}T00:00`, timeZone);
}

/**
 * Checks a filter and turns it into criteria. Errors: a date that is not a date, a range whose
 * start is after its end, an option the desk's rules do not have.
 */
export function registerCriteria(
  filter: RegisterFilter,
  ctx: RegisterCriteriaContext,
): RegisterCriteriaResult {
  const errors: RegisterFilterError[] = [];
  const { rules, timeZone } = ctx;
  const dateOf = (field: 'receivedFrom' | 'receivedTo'): IsoDate | undefined => {
    const value = filter[field];
    if (value === undefined || value === '') return undefined;
    if (isIsoDate(value)) return value;
    errors.push({ field, code: 'invalidDate' });
    return undefined;
  };
  const from = dateOf('receivedFrom');
  const to = dateOf('receivedTo');
  if (from && to && from > to) errors.push({ field: 'receivedTo', code: 'rangeReversed' });

  const known = (field: RegisterFilterField, isKnown: boolean) => {
    if (!isKnown) errors.push({ field, code: 'unknownOption' });
  };
  const { kindId, levelId, channelId, status, categoryId } = filter;
  if (kindId)
    known(
      'kindId',
      rules.kinds.some((k) => k.id === kindId),
    );
  if (levelId)
    known(
      'levelId',
      rules.levels.some((l) => l.id === levelId),
    );
  if (channelId)
    known(
      'channelId',
      rules.channels.some((c) => c.id === channelId),
    );
  if (status) known('status', status === 'open' || CASE_STATUSES.includes(status));
  const categoryIds = categoryId
    ? categoryIdsOf(rules, categoryId, kindId || undefined)
    : undefined;
  if (categoryId) known('categoryId', categoryIds !== undefined);
  if (errors.length > 0) return { ok: false, errors };

  const text = filter.text?.trim();
  const criteria: { -readonly [K in keyof RegisterCriteria]: RegisterCriteria[K] } = {};
  if (from) criteria.receivedFrom = startOfLocalDay(from, timeZone);
  if (to) criteria.receivedBefore = startOfLocalDay(isoDateAddDays(to, 1), timeZone);
  if (kindId) criteria.kindId = kindId;
  if (categoryIds) criteria.categoryIds = categoryIds;
  if (levelId) criteria.levelId = levelId;
  if (status) criteria.status = status;
  if (filter.unitId) criteria.unitId = filter.unitId;
  if (filter.handlerName?.trim()) criteria.handlerName = filter.handlerName.trim();
  if (channelId) criteria.channelId = channelId;
  if (filter.overdue) criteria.overdueAt = ctx.now;
  if (filter.matterId) criteria.matterId = filter.matterId;
  if (text) criteria.text = text;
  const deskCode = filter.deskCode?.trim();
  if (deskCode) {
    criteria.deskCode = deskCode;
    if (deskCode === ctx.ownDeskCode) criteria.deskCodeOwn = true;
  }
  return { ok: true, criteria };
}

/** Whether the criteria narrow anything (no criteria: the whole register). */
export function registerHasCriteria(criteria: RegisterCriteria): boolean {
  return Object.values(criteria).some((value) => value !== undefined);
}

/** Who is reading the register: the operator (shared/access/mask.ts decides what they read). */
export type RegisterViewer = CaseViewer;

/** Whether a case matches the criteria, for this viewer (see the module comment on masks). */
export function registerRowMatches(
  row: CaseEntity,
  criteria: RegisterCriteria,
  viewer: RegisterViewer,
): boolean {
  const c = criteria;
  if (c.receivedFrom !== undefined && row.receivedAt < c.receivedFrom) return false;
  if (c.receivedBefore !== undefined && row.receivedAt >= c.receivedBefore) return false;
  if (c.kindId !== undefined && row.kindId !== c.kindId) return false;
  if (c.levelId !== undefined && row.levelId !== c.levelId) return false;
  if (c.channelId !== undefined && row.channelId !== c.channelId) return false;
  if (c.matterId !== undefined && row.matterId !== c.matterId) return false;
  if (
    c.deskCode !== undefined &&
    row.originDeskCode !== c.deskCode &&
    !(c.deskCodeOwn === true && row.originDeskCode === undefined)
  ) {
    return false;
  }
  if (c.status === 'open' && row.status === 'closed') return false;
  if (c.status !== undefined && c.status !== 'open' && row.status !== c.status) return false;
  if (c.overdueAt !== undefined && !(row.openDueAt !== undefined && row.openDueAt < c.overdueAt)) {
    return false;
  }
  const masked =
    c.categoryIds !== undefined ||
    c.unitId !== undefined ||
    c.handlerName !== undefined ||
    c.text !== undefined;
  if (masked && !viewerReadsCase(row, viewer)) return false;
  if (c.categoryIds !== undefined && !c.categoryIds.includes(row.categoryId ?? '')) return false;
  if (c.unitId !== undefined && row.unitId !== c.unitId) return false;
  if (c.handlerName !== undefined && row.handlerName?.trim() !== c.handlerName) return false;
  if (c.text !== undefined && !searchMatches(searchTextsOf(row), c.text)) return false;
  return true;
}

/**
 * Sorts that list in two runs (the deadline sort: cases with a running deadline, then the rest)
 * number them 0 and 1; the others only have run 0.
 */
export type RegisterPhase = 0 | 1;

/** Where a page stopped: the run and the sort key of its last case. */
export interface RegisterCursor {
  readonly phase: RegisterPhase;
  readonly key: readonly string[];
}

type SortRow = Pick<CaseEntity, 'id' | 'receivedAt' | 'number' | 'openDueAt'>;

/** The run a case belongs to under a sort. */
export function registerPhaseOf(row: SortRow, sort: RegisterSort): RegisterPhase {
  return sort === 'deadlineAsc' && row.openDueAt === undefined ? 1 : 0;
}

/** Whether a run lists its keys from the largest down. */
function isDescending(sort: RegisterSort, phase: RegisterPhase): boolean {
  switch (sort) {
    case 'receivedDesc':
    case 'numberDesc':
      return true;
    case 'receivedAsc':
    case 'numberAsc':
      return false;
    case 'deadlineAsc':
      return phase === 1;
    default:
      throw missingCaseError(sort);
  }
}

/** The cursor a case leaves when it is the last of a page. */
export function registerCursorOf(row: SortRow, sort: RegisterSort): RegisterCursor {
  const phase = registerPhaseOf(row, sort);
  switch (sort) {
    case 'receivedDesc':
    case 'receivedAsc':
      return { phase, key: [row.receivedAt, row.id] };
    case 'numberAsc':
    case 'numberDesc':
      return { phase, key: [row.number] };
    case 'deadlineAsc':
      return row.openDueAt !== undefined
        ? { phase, key: [row.openDueAt, row.id] }
        : { phase, key: [row.receivedAt, row.id] };
    default:
      throw missingCaseError(sort);
  }
}

function compareKeys(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? '';
    const y = b[i] ?? '';
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

/** Negative when `a` comes first in the register under the sort. */
export function registerCursorCompare(
  a: RegisterCursor,
  b: RegisterCursor,
  sort: RegisterSort,
): number {
  if (a.phase !== b.phase) return a.phase - b.phase;
  const order = compareKeys(a.key, b.key);
  return isDescending(sort, a.phase) ? -order : order;
}

/** The register's order of two cases (a total order: the id breaks ties). */
export function registerCompare(a: SortRow, b: SortRow, sort: RegisterSort): number {
  return registerCursorCompare(registerCursorOf(a, sort), registerCursorOf(b, sort), sort);
}

/** Whether a case comes strictly after the cursor (belongs to a later page). */
export function registerIsAfter(
  row: SortRow,
  cursor: RegisterCursor | undefined,
  sort: RegisterSort,
): boolean {
  return (
    cursor === undefined || registerCursorCompare(registerCursorOf(row, sort), cursor, sort) > 0
  );
}

/**
 * One walk along an index: the rows whose index key starts with `prefix`, with the next key
 * part in [`from`, `before`), in the index's order (or reversed). Index names are those of
 * SCHEMA_V1; compound ones are written `[a+b+c]`.
 */
export interface RegisterWalk {
  readonly index: string;
  readonly prefix: readonly string[];
  readonly from?: string;
  readonly before?: string;
  readonly reverse: boolean;
  readonly phase: RegisterPhase;
}

/**
 * Where the rows come from: index walks in run order, or the full-text index (the search then
 * decides the candidates, and they are sorted in memory: a query's matches are few).
 */
export type RegisterPlan =
  | { readonly source: 'walk'; readonly walks: readonly RegisterWalk[] }
  | { readonly source: 'search'; readonly text: string };

/**
 * Equality filters that have a `[field+receivedAt+id]` index, the most selective first: the
 * walk goes along the first one given, the predicate checks the rest.
 */
const RECEIVED_PREFIXES: readonly {
  readonly field: string;
  readonly valueOf: (c: RegisterCriteria) => string | undefined;
}[] = [
  { field: 'matterId', valueOf: (c) => c.matterId },
  { field: 'handlerName', valueOf: (c) => c.handlerName },
  { field: 'unitId', valueOf: (c) => c.unitId },
  {
    field: 'categoryId',
    // A parent with children is several values: walk another index and check them.
    valueOf: (c) => (c.categoryIds?.length === 1 ? c.categoryIds[0] : undefined),
  },
  { field: 'status', valueOf: (c) => (c.status === 'open' ? undefined : c.status) },
  { field: 'levelId', valueOf: (c) => c.levelId },
  { field: 'channelId', valueOf: (c) => c.channelId },
  { field: 'kindId', valueOf: (c) => c.kindId },
];

function receivedWalk(
  criteria: RegisterCriteria,
  reverse: boolean,
  phase: RegisterPhase,
): RegisterWalk {
  const bounds = {
    ...(criteria.receivedFrom ? { from: criteria.receivedFrom } : {}),
    ...(criteria.receivedBefore ? { before: criteria.receivedBefore } : {}),
  };
  for (const { field, valueOf } of RECEIVED_PREFIXES) {
    const value = valueOf(criteria);
    if (value !== undefined) {
      return { index: `[${field}+receivedAt+id]`, prefix: [value], ...bounds, reverse, phase };
    }
  }
  return { index: '[receivedAt+id]', prefix: [], ...bounds, reverse, phase };
}

/**
 * Which index to walk for the criteria and sort. Every walk's rows still go through
 * `registerRowMatches` (the walk narrows, the predicate decides) and, for two-run sorts,
 * `registerPhaseOf`.
 */
export function registerPlan(criteria: RegisterCriteria, sort: RegisterSort): RegisterPlan {
  if (criteria.text !== undefined) return { source: 'search', text: criteria.text };
  switch (sort) {
    case 'receivedDesc':
    case 'receivedAsc':
      return { source: 'walk', walks: [receivedWalk(criteria, sort === 'receivedDesc', 0)] };
    case 'numberAsc':
    case 'numberDesc':
      return {
        source: 'walk',
        walks: [{ index: 'number', prefix: [], reverse: sort === 'numberDesc', phase: 0 }],
      };
    case 'deadlineAsc': {
      const before = criteria.overdueAt ? { before: criteria.overdueAt } : {};
      const running: RegisterWalk = criteria.unitId
        ? {
            index: '[unitId+openDueAt+id]',
            prefix: [criteria.unitId],
            ...before,
            reverse: false,
            phase: 0,
          }
        : { index: '[openDueAt+id]', prefix: [], ...before, reverse: false, phase: 0 };
      // An overdue case always has a running deadline: the second run would be empty.
      const rest = criteria.overdueAt ? [] : [receivedWalk(criteria, true, 1)];
      return { source: 'walk', walks: [running, ...rest] };
    }
    default:
      throw missingCaseError(sort);
  }
}

/** How many cases and how many matters (linked cases count once: DOMAIN.md section 6 rule 2). */
export interface RegisterCount {
  readonly cases: number;
  readonly matters: number;
}

/** Counts cases and distinct matters. */
export function registerCount(rows: Iterable<Pick<CaseEntity, 'matterId'>>): RegisterCount {
  let cases = 0;
  const matters = new Set<CaseId>();
  for (const row of rows) {
    cases++;
    matters.add(row.matterId);
  }
  return { cases, matters: matters.size };
}

/**
 * Walking the cases that hold a search piece newest id first (ids are UUIDv7: their time is when
 * the case was registered on a desk), whether no case still to come can be among the `wanted`
 * newest received. A case's id is never older than its receipt (`caseIdTimeFor`), so once
 * `wanted` matches are held and the next case's id time is before the receipt of the last of
 * them, every case still to come was received earlier still.
 *
 * @param held The matches held so far, newest received first (at most `wanted` are needed).
 * @param nextId The id of the next case the walk would read.
 */
export function registerSearchWalkDone(
  held: readonly Pick<CaseEntity, 'receivedAt'>[],
  wanted: number,
  nextId: string,
): boolean {
  const last = held[wanted - 1];
  const nextMs = uuidV7Time(nextId);
  return last !== undefined && nextMs !== undefined && nextMs < Date.parse(last.receivedAt);
}

/**
 * The time a new case's id is made with: now, or its receipt when that is later (a receipt may be
 * up to a few minutes ahead of the desk's clock), so that an id is never older than its receipt.
 * `registerSearchWalkDone` relies on it.
 */
export function caseIdTimeFor(wallMs: number, receivedAt: IsoInstant): number {
  const receivedMs = Date.parse(receivedAt);
  return Number.isFinite(receivedMs) ? Math.max(wallMs, Math.ceil(receivedMs)) : wallMs;
}
