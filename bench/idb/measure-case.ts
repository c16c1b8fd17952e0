/**
 * A case page opening (the case and its history) and an intake save (check, payload, register:
 * one transaction writing counter, customer, event, snapshot and outbox row), through the app's
 * code and by hand. The intakes are removed afterwards, so runs leave the database as they found
 * it.
 */
import type { CaseId, CustomerId, EventId, IsoInstant } from '@shared/kernel/brand';
import { localDateOf } from '@shared/calendar/deadline';
import type { CaseEntity, CaseEventEntity, CustomerEntity } from '@shared/model/entities';
import { hlcNext } from '@shared/kernel/hlc';
import { newId } from '@shared/kernel/ids';
import { numberFormat, numberPeriodKey } from '@shared/register/numbering';
import { instantToLocalDateTime } from '@shared/kernel/time';
import type { CaseReceived } from '@shared/workflow/events';
import { intakeCheck, intakePayload, type IntakeDraft } from '@shared/workflow/intake';
import { caseApply } from '@shared/workflow/reducer';
import {
  caseEvents,
  caseGet,
  caseRegister,
  caseSearchIndexSettled,
} from '../../renderer/src/db/repos/cases';
import { phoneKey } from '../../renderer/src/db/repos/customers';
import { settingsGet } from '../../renderer/src/db/repos/settings';
import { deskSessionOf } from '../../renderer/src/db/session';
import type { BenchContext, Measurement } from './context';
import { rawCaseOpen, rawCasesDelete, rawIntake, rawIntakeIndex, type RawIntake } from './raw';
import type { Random } from './random';
import { statsOf, timePair } from './timing';

export async function measureCaseOpen(ctx: BenchContext, random: Random): Promise<Measurement> {
  const keys = (await ctx.db.cases.toCollection().primaryKeys()) as CaseId[];
  const ids = Array.from({ length: ctx.warmup + ctx.runs }, () => random.pick(keys));
  const pick = (i: number) => ids[i] ?? keys[0] ?? ('' as CaseId);
  let events = 0;
  const result = await timePair({
    warmup: ctx.warmup,
    runs: ctx.runs,
    app: async (i) => {
      const item = await caseGet(ctx.db, pick(i));
      return item ? { item, events: await caseEvents(ctx.db, item.id) } : null;
    },
    baseline: (i) => rawCaseOpen(ctx.raw, pick(i)),
    agree: (app, raw) => {
      events += app?.events.length ?? 0;
      return app?.item.id === raw.item?.id && app?.events.length === raw.events.length;
    },
  });
  return {
    id: 'caseOpen',
    label: 'case page open (case + history)',
    ...result,
    appCall: 'caseGet + caseEvents (as CasePage loads), a random case each run',
    baselineCall: "get on cases + getAll on events 'caseId', one transaction",
    answer: `${(events / (ctx.warmup + ctx.runs)).toFixed(1)} events per case on average`,
  };
}

interface Caller {
  readonly name: string;
  readonly phone: string;
  readonly address: string;
  /** Whether the caller already has a customer file. */
  readonly known: boolean;
}

function draftOf(i: number, nowLocal: string, caller: Caller | undefined): IntakeDraft {
  return {
    customerName: caller?.name ?? '',
    phone: caller?.phone ?? '',
    address: caller?.address ?? '',
    organisation: '',
    channelId: 'phone',
    kindId: 'complaint',
    categoryId: 'lift',
    levelId: 'general',
    subject: `${(i % 30) + 1}号楼电梯故障停运`,
    content: '电梯从今天早上开始停运，家里有老人，上下楼非常困难，打了维保电话没人接。',
    demand: '尽快修复电梯，并说明停运原因',
    amountYuan: '',
    flags: [],
    receivedAtLocal: nowLocal,
  };
}

/**
 * Half the runs' callers already have a file (a repeat caller), half are new: run `i` takes
 * caller `2i` for the app and `2i + 1` for the baseline, both of the same sort.
 */
async function callersOf(ctx: BenchContext, count: number): Promise<Caller[]> {
  const known = await ctx.db.customers.limit(count).toArray();
  return Array.from({ length: count }, (_, i) => {
    const file = known[i];
    return Math.floor(i / 2) % 2 === 0 && file
      ? { name: file.name, phone: file.phones[0] ?? '', address: file.address, known: true }
      : {
          name: '测试来电',
          phone: `1990${String(i).padStart(7, '0')}`,
          address: `翠湖苑 ${(i % 30) + 1}-1201`,
          known: false,
        };
  });
}

export async function measureIntake(ctx: BenchContext): Promise<Measurement> {
  const { db, desk } = ctx;
  const timeZone = ctx.deadline.timeZone;
  const total = ctx.warmup + ctx.runs;
  const callers = await callersOf(ctx, total * 2);
  const counterBefore = await settingsGet(db, 'numbering');
  const created: CaseId[] = [];
  // The same writer handle as the intake screen, on the system clock.
  const session = deskSessionOf(db, desk);
  const intakeContext = { rules: desk.rules, deadline: ctx.deadline, receiver: session.operator };
  const appSave = async (i: number) => {
    const at = session.now();
    const draft = draftOf(i, instantToLocalDateTime(at, timeZone), callers[2 * i] ?? callers[0]);
    const check = intakeCheck(draft, desk.rules, at, timeZone);
    if (check.errors.length > 0) throw new Error(`intake refused: ${JSON.stringify(check.errors)}`);
    const saved = await caseRegister(session, intakePayload(draft, intakeContext));
    created.push(saved.id);
    return saved;
  };
  // The baseline's records are made before its clock starts: it times the storage alone.
  const prepared = Array.from({ length: total }, (_, i) =>
    rawRecords(ctx, i, callers[2 * i + 1] ?? callers[1]),
  );
  const rawSaved: CaseEntity[] = [];
  const rawCreated: CaseId[] = [];
  const rawSave = async (i: number) => {
    const r = prepared[i];
    if (!r) throw new Error('raw intake not prepared');
    const saved = await rawIntake(ctx.raw, r);
    created.push(saved.id);
    rawCreated.push(saved.id);
    rawSaved.push(saved);
    return saved;
  };
  // The search pieces are written by a second transaction the save starts and does not wait for:
  // how long after the save it ends (untimed for the save; the next save waits for it).
  const indexMs: number[] = [];
  const settle = async (side: 'app' | 'baseline') => {
    const start = performance.now();
    if (side === 'app') {
      await caseSearchIndexSettled(db);
      indexMs.push(performance.now() - start);
    } else {
      const saved = rawSaved.pop();
      if (saved) await rawIntakeIndex(ctx.raw, saved);
    }
  };

  const result = await timePair({
    warmup: ctx.warmup,
    runs: ctx.runs,
    app: appSave,
    baseline: rawSave,
    settle,
    agree: (app, raw) => app.eventCount === 1 && raw.eventCount === 1 && app.number !== raw.number,
  });
  const indexed = statsOf(indexMs.slice(ctx.warmup));
  const pending = await db.cases.where('searchPending').equals(1).count();
  // The app must have kept numbering in step with the hand-written intakes between them.
  const numbers = await db.cases.bulkGet(created);
  const agree = result.agree && new Set(numbers.map((row) => row?.number)).size === created.length;
  // The raw intakes bypassed Dexie, so the case tallies never counted them: they leave the same
  // way, and the app's leave through Dexie, which takes them off the tallies again.
  await rawCasesDelete(ctx.raw, rawCreated);
  await intakeCleanUp(
    ctx,
    created,
    callers.filter((c) => !c.known).map((c) => phoneKey(c.phone)),
    counterBefore,
  );
  return {
    id: 'intakeSave',
    label: 'intake save',
    targetMs: 20,
    app: result.app,
    baseline: result.baseline,
    agree,
    appCall: 'intakeCheck + intakePayload + caseRegister (the save button)',
    baselineCall:
      'one readwrite transaction: counter, number check, phone lookup; put customer, event, case (without its search pieces), outbox, counter, clock',
    answer: `${created.length} cases written and removed again`,
    note:
      `the search pieces of the new case (about a hundred index entries) are written by a second transaction ` +
      `the save starts and does not wait for; it ended a median ${indexed.median} ms ` +
      `(p95 ${indexed.p95} ms) after the save returned; ${pending} cases were left without pieces`,
  };
}

function rawRecords(ctx: BenchContext, i: number, caller: Caller | undefined): RawIntake {
  const { desk } = ctx;
  const wallMs = Date.now();
  const at = new Date(wallMs).toISOString() as IsoInstant;
  const timeZone = ctx.deadline.timeZone;
  const actor = { id: desk.operator.id, name: desk.operator.name };
  const draft = draftOf(i, instantToLocalDateTime(at, timeZone), caller);
  const payload = intakePayload(draft, {
    rules: desk.rules,
    deadline: ctx.deadline,
    receiver: actor,
  });
  const localDate = localDateOf(payload.receivedAt, timeZone);
  const caseId = newId<CaseId>(wallMs);
  const customer: CustomerEntity | undefined =
    caller && !caller.known
      ? {
          id: newId<CustomerId>(wallMs),
          name: caller.name,
          phones: [phoneKey(caller.phone)],
          address: caller.address,
          createdAt: at,
          updatedAt: at,
        }
      : undefined;
  const event: CaseEventEntity<CaseReceived> = {
    id: newId<EventId>(wallMs),
    caseId,
    type: 'case/received',
    at,
    hlc: hlcNext(undefined, wallMs, desk.identity.deskId),
    actorId: actor.id,
    actorName: actor.name,
    deskId: desk.identity.deskId,
    payload: {
      ...payload,
      number: '',
      customer: { ...payload.customer, ...(customer ? { customerId: customer.id } : {}) },
    },
  };
  const applied = caseApply(undefined, event);
  if (!applied.ok) throw new Error(`raw intake refused: ${applied.refusal.code}`);
  return {
    phone: phoneKey(caller?.phone ?? ''),
    customer,
    event,
    snapshot: applied.next,
    period: numberPeriodKey(desk.rules.numbering, localDate),
    numberOf: (serial) =>
      numberFormat(desk.rules.numbering, localDate, serial, desk.identity.deskCode),
  };
}

/** Removes the bench's intakes: cases, events, outbox rows, new callers' files; restores the counter. */
async function intakeCleanUp(
  ctx: BenchContext,
  caseIds: readonly CaseId[],
  newPhones: readonly string[],
  counter: Readonly<Record<string, number>> | undefined,
): Promise<void> {
  const { db } = ctx;
  await db.transaction(
    'rw',
    [db.cases, db.events, db.outbox, db.customers, db.settings],
    async () => {
      await db.cases.bulkDelete([...caseIds]);
      await db.events
        .where('caseId')
        .anyOf([...caseIds])
        .delete();
      await db.outbox
        .where('caseId')
        .anyOf([...caseIds])
        .delete();
      await db.customers
        .where('phones')
        .anyOf([...newPhones])
        .delete();
      if (counter)
        await db.settings.put({
          key: 'numbering',
          value: counter,
          updatedAt: new Date().toISOString() as IsoInstant,
        });
    },
  );
}
