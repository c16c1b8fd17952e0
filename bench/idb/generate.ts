/**
 * Fills a desk database with a property-management desk's history: `cases` cases received over
 * 2025-2026 with about `events` events in all, 1 customer file per 5 cases, units and clerks.
 * Each case is made with the pure core (ids, HLC, deadlines, the reducer) and written with its
 * events by bulkPut (a desk working alone keeps no outbox), a batch of cases per transaction,
 * into the app's own database class, so every index of the schema is maintained as the app maintains it.
 */
import type { CustomerId, DeskId, IsoInstant, StaffId, UnitId } from '@shared/kernel/brand';
import { deadlineContextFromSettings, localDateOf } from '@shared/calendar/deadline';
import {
  CASE_STATUSES,
  type CaseEntity,
  type CaseEventEntity,
  type CaseStatus,
  type CustomerEntity,
  type StaffEntity,
  type UnitEntity,
} from '@shared/model/entities';
import { hlcNext } from '@shared/kernel/hlc';
import { newId } from '@shared/kernel/ids';
import { numberFormat, numberPeriodKey } from '@shared/register/numbering';
import { presetFor } from '@shared/rules/presets';
import type { DeskDatabase } from '../../renderer/src/db/database';
import { calendarDefault, deskSetUp, deskState } from '../../renderer/src/db/repos/settings';
import { caseMake, type BenchDesk, type CasePlan, type CustomerPlan } from './case-maker';
import { randomSeeded, type Random } from './random';
import { CLERKS, ESTATES, GIVEN_NAMES, SURNAMES, UNITS } from './texts';

export interface GenerateProgress {
  readonly cases: number;
  readonly events: number;
}

export interface GenerateOptions {
  readonly cases: number;
  readonly events: number;
  readonly nowMs: number;
  readonly batch: number;
  readonly log: (message: string) => void;
  /** What an interrupted generation already committed: this one goes on from there. */
  readonly resume?: GenerateProgress;
  /** Called after each batch is committed, so an interrupted run can be resumed. */
  readonly committed?: (progress: GenerateProgress) => void;
}

export interface GenerateResult {
  readonly cases: number;
  readonly events: number;
  readonly customers: number;
  readonly statuses: Readonly<Partial<Record<CaseStatus, number>>>;
  /** Making the records with the pure core, in the page's main thread (this session). */
  readonly makeMs: number;
  /** This session, writes included (making and writing overlap). */
  readonly totalMs: number;
  /** Cases an interrupted generation had written before this session resumed it. */
  readonly resumedFrom?: number;
}

/** 2025-01-01 00:00 in Shanghai. */
const FIRST_MS = Date.UTC(2024, 11, 31, 16);
const HOUR = 3_600_000;
const SHANGHAI_OFFSET = 8 * HOUR;
const PLAN_SEED = 20_261_123;
/** Transactions queued at once: enough to keep IndexedDB busy while the next batch is made. */
const WRITES_IN_FLIGHT = 2;

interface DeskRecords {
  readonly desk: BenchDesk;
  /** Staff and units to write: absent when resuming (they are in the database). */
  readonly staff?: readonly StaffEntity[];
  readonly units?: readonly UnitEntity[];
}

/** Sets the desk up, or reads back the one an interrupted generation set up. */
async function deskRecords(db: DeskDatabase, options: GenerateOptions): Promise<DeskRecords> {
  const nowIso = new Date(options.nowMs).toISOString() as IsoInstant;
  if (!options.resume) {
    await deskSetUp(db, {
      organisationName: '锦华物业服务有限公司',
      deskName: '翠湖片区物业服务中心',
      presetId: 'property',
      operatorName: CLERKS[0],
      locale: 'zh-CN',
      now: nowIso,
      wallMs: FIRST_MS,
      // The benchmark never signs in: its writes use the generated staff's sessions.
      password: 'bench-desk',
    });
  }
  const stored = await deskState(db);
  if (!stored) throw new Error('generator: the desk was not set up');
  const deadline = deadlineContextFromSettings(calendarDefault());
  const base = { deskId: stored.identity.deskId, rules: stored.rules, deadline };
  if (options.resume) {
    const staff = await db.staff.orderBy(':id').toArray();
    const units = await db.units.toArray();
    return {
      desk: {
        ...base,
        clerks: [stored.operator, ...staff.filter((s) => s.id !== stored.operator.id)],
        // Topics name their unit by position in UNITS.
        units: UNITS.map((name) => {
          const unit = units.find((u) => u.name === name);
          if (!unit) throw new Error(`generator: unit ${name} missing, cannot resume`);
          return unit;
        }),
        nowMs: options.nowMs,
      },
    };
  }
  const staff: StaffEntity[] = CLERKS.slice(1).map((name) => ({
    id: newId<StaffId>(FIRST_MS),
    name,
    roles: ['clerk'] as const,
    active: true,
    createdAt: nowIso,
  }));
  const units: UnitEntity[] = UNITS.map((name) => ({
    id: newId<UnitId>(FIRST_MS),
    name,
    active: true,
  }));
  return {
    desk: { ...base, clerks: [stored.operator, ...staff], units, nowMs: options.nowMs },
    staff,
    units,
  };
}

export async function deskGenerate(
  db: DeskDatabase,
  options: GenerateOptions,
): Promise<GenerateResult> {
  const started = performance.now();
  const { desk, staff, units } = await deskRecords(db, options);
  // The plans (callers, times, numbers) come from one seed, so a resumed run plans the same.
  const random = randomSeeded(PLAN_SEED);
  const planned = customersPlan(Math.max(1, Math.round(options.cases / 5)), random);
  const customers = options.resume ? await customersStored(db, planned) : planned;
  const plans = casesPlan(options, desk, customers, random);
  if (staff && units) {
    const customerRows = customers.map((c, i) => customerRow(c, plans.firstUse[i] ?? FIRST_MS));
    await db.transaction('rw', [db.staff, db.units, db.customers], async () => {
      await db.staff.bulkPut(staff);
      await db.units.bulkPut(units);
      await db.customers.bulkPut(customerRows);
    });
  }

  const from = options.resume?.cases ?? 0;
  let events = options.resume?.events ?? 0;
  let makeMs = 0;
  // Batches are written while the next are made: IndexedDB commits off the main thread.
  const writing: Promise<unknown>[] = [];
  for (let start = from; start < plans.cases.length; start += options.batch) {
    const madeAt = performance.now();
    // Each batch has its own seed, so a resumed run makes what the first would have made.
    const batchRandom = randomSeeded(PLAN_SEED + 1 + start / options.batch);
    const cases: CaseEntity[] = [];
    const caseEvents: CaseEventEntity[] = [];
    for (const plan of plans.cases.slice(start, start + options.batch)) {
      // Add notes and urgings while the history is behind the average asked for.
      const behind = Math.round(((start + cases.length) * options.events) / options.cases) - events;
      const made = caseMake(
        desk,
        { ...plan, extraEvents: Math.min(3, Math.max(0, behind)) },
        batchRandom,
      );
      cases.push(made.snapshot);
      // The generated desk works alone: no outbox rows (shared/sync/outbox.ts).
      caseEvents.push(...made.events);
      events += made.events.length;
    }
    makeMs += performance.now() - madeAt;
    if (writing.length >= WRITES_IN_FLIGHT) await writing.shift();
    const progress = { cases: start + cases.length, events };
    writing.push(
      db
        .transaction('rw', [db.cases, db.events], () =>
          Promise.all([db.cases.bulkPut(cases), db.events.bulkPut(caseEvents)]),
        )
        .then(() => options.committed?.(progress)),
    );
    const tenth = Math.max(1, Math.round(plans.cases.length / options.batch / 10)) * options.batch;
    if (progress.cases % tenth === 0 || progress.cases === plans.cases.length) {
      options.log(
        `made ${progress.cases} cases, ${events} events, queued for writing (${Math.round((performance.now() - started) / 1000)} s)`,
      );
    }
  }
  await Promise.all(writing);
  const nowIso = new Date(options.nowMs).toISOString() as IsoInstant;
  // Every event happened before `nowMs`: a clock stamped there is ahead of them all.
  await db.settings.bulkPut([
    { key: 'numbering', value: plans.counter, updatedAt: nowIso },
    { key: 'clock', value: hlcNext(undefined, options.nowMs, desk.deskId), updatedAt: nowIso },
  ]);
  const statuses: Partial<Record<CaseStatus, number>> = {};
  for (const status of CASE_STATUSES) {
    statuses[status] = await db.cases.where('status').equals(status).count();
  }
  return {
    cases: plans.cases.length,
    events,
    customers: customers.length,
    statuses,
    makeMs,
    totalMs: performance.now() - started,
    ...(from > 0 ? { resumedFrom: from } : {}),
  };
}

function customersPlan(count: number, random: Random): CustomerPlan[] {
  const phones = new Set<string>();
  const out: CustomerPlan[] = [];
  for (let i = 0; i < count; i++) {
    let phone: string;
    do {
      phone = `1${random.pick(['3', '5', '7', '8', '9'])}${String(random.int(0, 999_999_999)).padStart(9, '0')}`;
    } while (phones.has(phone));
    phones.add(phone);
    const building = random.int(1, 40);
    const room = `${building}-${random.int(1, 33)}0${random.int(1, 4)}`;
    const surname = random.pick(SURNAMES);
    // Callers often give only a surname and a title.
    const name = random.chance(0.25)
      ? surname + random.pick(['先生', '女士'])
      : surname + random.pick(GIVEN_NAMES);
    out.push({
      id: newId<CustomerId>(FIRST_MS + i),
      name,
      phone,
      address: `${random.pick(ESTATES)} ${room}`,
      building,
      room,
    });
  }
  return out;
}

/**
 * The planned callers with the ids their files were written under: ids are random, but each
 * holds its plan position as its time (FIRST_MS + i), so id order is plan order.
 */
async function customersStored(
  db: DeskDatabase,
  planned: readonly CustomerPlan[],
): Promise<CustomerPlan[]> {
  const ids = (await db.customers.orderBy(':id').primaryKeys()) as CustomerId[];
  if (ids.length !== planned.length) throw new Error('generator: customers differ, cannot resume');
  return planned.map((c, i) => ({ ...c, id: ids[i] ?? c.id }));
}

function customerRow(c: CustomerPlan, firstMs: number): CustomerEntity {
  const at = new Date(firstMs).toISOString() as IsoInstant;
  return {
    id: c.id,
    name: c.name,
    phones: [c.phone],
    address: c.address,
    createdAt: at,
    updatedAt: at,
  };
}

interface CasesPlan {
  readonly cases: Omit<CasePlan, 'extraEvents'>[];
  /** When each customer first called (their file's creation). */
  readonly firstUse: number[];
  /** The last serial of each numbering period. */
  readonly counter: Record<string, number>;
}

/** Received times (mostly in office hours), numbers in received order, callers (some often). */
function casesPlan(
  options: GenerateOptions,
  desk: BenchDesk,
  customers: readonly CustomerPlan[],
  random: Random,
): CasesPlan {
  const span = options.nowMs - 10 * 60_000 - FIRST_MS;
  const times: number[] = [];
  for (let i = 0; i < options.cases; i++) {
    let ms = FIRST_MS + Math.floor(random.next() * span);
    const hour = Math.floor(((ms + SHANGHAI_OFFSET) % (24 * HOUR)) / HOUR);
    if ((hour < 8 || hour >= 21) && random.chance(0.8))
      ms = Math.min(ms + 10 * HOUR, FIRST_MS + span);
    times.push(ms);
  }
  times.sort((a, b) => a - b);
  const numbering = desk.rules.numbering;
  const counter: Record<string, number> = {};
  const firstUse: number[] = [];
  const cases = times.map((receivedMs) => {
    const localDate = localDateOf(
      new Date(receivedMs).toISOString() as IsoInstant,
      desk.deadline.timeZone,
    );
    const period = numberPeriodKey(numbering, localDate);
    const serial = (counter[period] ?? 0) + 1;
    counter[period] = serial;
    // A few households call again and again (skewed draw); 3% of callers stay anonymous.
    const which = random.chance(0.03) ? -1 : Math.floor(customers.length * random.next() ** 1.6);
    const customer = which < 0 ? undefined : customers[which];
    if (customer && firstUse[which] === undefined) firstUse[which] = receivedMs;
    return { receivedMs, number: numberFormat(numbering, localDate, serial), customer };
  });
  return { cases, firstUse, counter };
}

/**
 * The fields the current reducer gives generated cases (over a sample of every path): a stored
 * database whose cases have other fields was made by an older reducer and is made again.
 */
export function caseShape(): string {
  const random = randomSeeded(1);
  const nowMs = Date.UTC(2026, 10, 1);
  const desk: BenchDesk = {
    deskId: 'desk-shape' as DeskId,
    rules: presetFor('property'),
    deadline: deadlineContextFromSettings(calendarDefault()),
    clerks: [{ id: 'staff-shape' as StaffId, name: CLERKS[0] }],
    units: UNITS.map((name, i) => ({ id: `unit-${i}` as UnitId, name })),
    nowMs,
  };
  const keys = new Set<string>();
  for (let i = 0; i < 300; i++) {
    const receivedMs = nowMs - Math.floor(random.next() * 60 * 24 * HOUR);
    const made = caseMake(desk, { receivedMs, number: `shape-${i}`, extraEvents: 1 }, random);
    for (const key of Object.keys(made.snapshot)) keys.add(key);
  }
  return [...keys].sort().join(',');
}
