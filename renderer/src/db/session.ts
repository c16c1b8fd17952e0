/**
 * The writer handle (DESIGN.md "Writing: one session handle"): every repository that writes
 * takes a `DeskSession` and derives the envelope of what it writes (ids, HLC, wall time, actor,
 * desk) from it, so screens, the e2e hooks, the benchmark and the tests state only intent.
 */
import type { DeskId, IsoInstant, StaffId } from '@shared/kernel/brand';
import { DEFAULT_TIME_ZONE } from '@shared/calendar/deadline';
import type {
  CalendarSettings,
  DeskIdentity,
  StaffEntity,
  StaffRole,
} from '@shared/model/entities';
import type { NumberingRules } from '@shared/rules/rules';
import type { DeskDatabase } from './database';

/** Who is at the keyboard: the actor of every event and audit entry the session writes. */
export interface SessionOperator {
  readonly id: StaffId;
  readonly name: string;
  /** What the operator may do (shared/access/permissions.ts); every write checks them. */
  readonly roles: readonly StaffRole[];
}

/** The desk writing: its id stamps the HLC and the events; its rules number the cases. */
export interface SessionDesk {
  readonly deskId: DeskId;
  /** The desk's code in case numbers, when its numbering uses one. */
  readonly deskCode?: string;
  /** The desk's IANA zone: the received date's local month picks the numbering period. */
  readonly timeZone: string;
  readonly numbering: NumberingRules;
  /** Signed in to the sync server as a head office: reads every desk, writes no case. */
  readonly headOffice?: boolean;
}

/**
 * A desk's writer handle: the database, the acting operator, the desk and the clock.
 *
 * The operator is the one signed in at the desk (features/accounts), with the roles of their
 * staff row; the repositories refuse what those roles may not do (db/access.ts).
 */
export interface DeskSession {
  readonly db: DeskDatabase;
  readonly operator: SessionOperator;
  readonly desk: SessionDesk;
  /** The current instant; tests and the e2e clock freeze it. */
  readonly now: () => IsoInstant;
}

/** What a session is built from: the stored desk (or the app's desk state) and its operator. */
export interface DeskSessionSource {
  readonly identity: Pick<DeskIdentity, 'deskId' | 'deskCode'>;
  readonly rules: { readonly numbering: NumberingRules };
  readonly calendar: Pick<CalendarSettings, 'timeZone'>;
  readonly operator: Pick<StaffEntity, 'id' | 'name' | 'roles'>;
  /** The desk is a head office (sync settings): see `SessionDesk.headOffice`. */
  readonly headOffice?: boolean;
}

function systemNow(): IsoInstant {
  return new Date().toISOString() as IsoInstant;
}

/** The session of `desk`'s operator on `db`, on the system clock unless `now` is given. */
export function deskSessionOf(
  db: DeskDatabase,
  desk: DeskSessionSource,
  now: () => IsoInstant = systemNow,
): DeskSession {
  const { deskId, deskCode } = desk.identity;
  return {
    db,
    operator: { id: desk.operator.id, name: desk.operator.name, roles: desk.operator.roles },
    desk: {
      deskId,
      ...(deskCode === undefined ? {} : { deskCode }),
      // Read as the deadline context reads it (`deadlineContextFromSettings`).
      timeZone: desk.calendar.timeZone || DEFAULT_TIME_ZONE,
      numbering: desk.rules.numbering,
      ...(desk.headOffice === true ? { headOffice: true } : {}),
    },
    now,
  };
}

/** When a write happens: the record's time and the wall clock its ids and HLC are made from. */
export interface WriteInstant {
  readonly at: IsoInstant;
  readonly wallMs: number;
}

/** The envelope of one write, derived from the session: when, by whom, on which desk. */
export interface WriteStamp extends WriteInstant {
  readonly actorId: StaffId;
  readonly actorName: string;
  /** The actor's roles: writes made with the stamp check them (db/access.ts). */
  readonly actorRoles: readonly StaffRole[];
  readonly deskId: DeskId;
  /** Made at a head office: no case event may be written with it (db/access.ts). */
  readonly headOffice?: boolean;
}

/** The instant `at`, with the wall clock read from it. */
export function writeInstantAt(at: IsoInstant): WriteInstant {
  return { at, wallMs: Date.parse(at) };
}

/**
 * The envelope of a write the session makes now, reading its clock once. `at` is the record's
 * time when the step already fixed it (the instant a command was checked against, or a time the
 * clerk chose); the ids and the HLC then still come from the session's clock.
 */
export function sessionStamp(session: DeskSession, at?: IsoInstant): WriteStamp {
  const now = writeInstantAt(session.now());
  return {
    at: at ?? now.at,
    wallMs: now.wallMs,
    actorId: session.operator.id,
    actorName: session.operator.name,
    actorRoles: session.operator.roles,
    deskId: session.desk.deskId,
    ...(session.desk.headOffice === true ? { headOffice: true } : {}),
  };
}
