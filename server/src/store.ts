/**
 * The server's data: accounts, the events of every desk, who sees which case, the attachments.
 * Every operation that touches data takes the caller (whose organisation comes from its token,
 * never from the request) and names that organisation in each query. The HTTP layer (app.ts)
 * only parses, checks and answers; the benchmark and the group report call this directly.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { passwordHash, passwordMatches, type ScryptParams } from '@shared/access/credentials';
import type { HlcStamp } from '@shared/kernel/brand';
import { hlcIsFarAhead } from '@shared/kernel/hlc';
import type { CaseEventEntity } from '@shared/model/entities';
import {
  MAX_CLOCK_SKEW_MS,
  PULL_DEFAULT_EVENTS,
  PULL_MAX_EVENTS,
  deskCodeSchema,
  type HelloResponse,
  type PullResponse,
  type PulledEvent,
  type PushResponse,
  type SessionResponse,
} from '@shared/sync/protocol';
import { SyncError } from './errors';
import { migrate } from './migrations';
import type { SqlDatabase, SqlExecutor } from './sql';

/** Who is asking: a desk (by its token) or a head-office account (by its session). */
export type Caller =
  | {
      readonly kind: 'desk';
      readonly organisationId: string;
      readonly organisationName: string;
      readonly deskId: string;
      readonly deskCode: string;
      readonly deskName: string;
    }
  | {
      readonly kind: 'headOffice';
      readonly organisationId: string;
      readonly organisationName: string;
      readonly accountId: string;
      readonly login: string;
    };

/** A push as the protocol's schema parsed it. */
export interface PushInput {
  readonly events: readonly Record<string, unknown>[];
  readonly routes: readonly { readonly caseId: string; readonly deskCodes: readonly string[] }[];
}

export interface OrganisationListing {
  readonly id: string;
  readonly name: string;
  readonly desks: readonly { code: string; name: string; active: boolean }[];
  readonly accounts: readonly string[];
}

export interface StoreOptions {
  /** The server's clock, Unix milliseconds (tests move it). */
  readonly clock?: () => number;
  /** scrypt parameters for new head-office passwords (tests lower them). */
  readonly scrypt?: ScryptParams;
  /** How long a head-office session lasts. */
  readonly sessionMs?: number;
}

const SERVER_SCRYPT: ScryptParams = { N: 2 ** 15, r: 8, p: 1, dkLen: 32 };
const SESSION_MS = 12 * 60 * 60 * 1000;
/** Wrong passwords for one login within `SIGN_IN_WINDOW_MS` before sign-ins wait. */
const SIGN_IN_MAX_FAILURES = 5;
const SIGN_IN_WINDOW_MS = 15 * 60 * 1000;
/** At most this many logins' failures are remembered at once. */
const SIGN_IN_TRACKED_MAX = 10_000;
/** First key of the per-organisation advisory lock under which cursor sequences are taken. */
const SEQ_LOCK = 4_500_002;

/** A bearer token: 32 random bytes, base64url. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What the database keeps of a token. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

/** The cursor the protocol sends: `<epoch>.<sequence>`. */
export function formatCursor(epoch: string, seq: number): string {
  return `${epoch}.${seq}`;
}

export type Store = Awaited<ReturnType<typeof createStore>>;

/** Migrates `db` and returns the store's operations on it. */
export async function createStore(db: SqlDatabase, options: StoreOptions = {}) {
  const clock = options.clock ?? Date.now;
  const scrypt = options.scrypt ?? SERVER_SCRYPT;
  const sessionMs = options.sessionMs ?? SESSION_MS;
  await migrate(db);
  // Failed sign-ins per login: kept in memory (a restart forgets them, which only helps a
  // legitimate user; several processes each count their own).
  const failures = new Map<string, { count: number; since: number }>();

  async function epoch(): Promise<string> {
    const rows = await db.query<{ value: string }>(
      "SELECT value FROM server_meta WHERE key = 'epoch'",
    );
    const value = rows[0]?.value;
    if (value === undefined) throw new Error('server_meta has no epoch: the schema is damaged');
    return value;
  }

  async function organisationByName(tx: SqlExecutor, name: string) {
    const rows = await tx.query<{ id: string; name: string }>(
      'SELECT id, name FROM organisations WHERE name = $1 OR id = $1',
      [name],
    );
    const org = rows[0];
    if (!org) throw new Error(`No organisation is called "${name}".`);
    return org;
  }

  async function deskOf(tx: SqlExecutor, organisationId: string, code: string) {
    const rows = await tx.query<{ id: string; code: string; name: string }>(
      'SELECT id, code, name FROM desks WHERE organisation_id = $1 AND code = $2',
      [organisationId, code],
    );
    const desk = rows[0];
    if (!desk) throw new Error(`The organisation has no desk with the code "${code}".`);
    return desk;
  }

  async function issueToken(tx: SqlExecutor, organisationId: string, deskId: string) {
    const now = iso(clock());
    await tx.query(
      'UPDATE desk_tokens SET revoked_at = $3 WHERE organisation_id = $1 AND desk_id = $2 AND revoked_at IS NULL',
      [organisationId, deskId, now],
    );
    const token = newToken();
    await tx.query(
      'INSERT INTO desk_tokens (token_hash, desk_id, organisation_id, created_at) VALUES ($1, $2, $3, $4)',
      [tokenHash(token), deskId, organisationId, now],
    );
    return token;
  }

  async function deskCaller(hash: string): Promise<Caller | undefined> {
    const rows = await db.query<{
      desk_id: string;
      code: string;
      name: string;
      organisation_id: string;
      organisation_name: string;
      revoked: boolean;
    }>(
      `SELECT d.id AS desk_id, d.code, d.name, o.id AS organisation_id, o.name AS organisation_name,
              t.revoked_at IS NOT NULL AS revoked
         FROM desk_tokens t
         JOIN desks d ON d.id = t.desk_id AND d.organisation_id = t.organisation_id
         JOIN organisations o ON o.id = t.organisation_id
        WHERE t.token_hash = $1`,
      [hash],
    );
    const row = rows[0];
    if (!row) return undefined;
    if (row.revoked) {
      throw new SyncError(
        'unauthorized',
        'This desk token was revoked: ask the administrator of the server for a new one.',
      );
    }
    return {
      kind: 'desk',
      organisationId: row.organisation_id,
      organisationName: row.organisation_name,
      deskId: row.desk_id,
      deskCode: row.code,
      deskName: row.name,
    };
  }

  async function sessionCaller(hash: string): Promise<Caller | undefined> {
    const rows = await db.query<{
      account_id: string;
      login: string;
      organisation_id: string;
      organisation_name: string;
      expired: boolean;
    }>(
      `SELECT a.id AS account_id, a.login, o.id AS organisation_id, o.name AS organisation_name,
              s.expires_at <= $2::timestamptz AS expired
         FROM sessions s
         JOIN accounts a ON a.id = s.account_id AND a.organisation_id = s.organisation_id
         JOIN organisations o ON o.id = s.organisation_id
        WHERE s.token_hash = $1`,
      [hash, iso(clock())],
    );
    const row = rows[0];
    if (!row) return undefined;
    if (row.expired) {
      throw new SyncError('unauthorized', 'The head-office session has expired: sign in again.');
    }
    return {
      kind: 'headOffice',
      organisationId: row.organisation_id,
      organisationName: row.organisation_name,
      accountId: row.account_id,
      login: row.login,
    };
  }

  function deskOnly(caller: Caller, what: string): asserts caller is Caller & { kind: 'desk' } {
    if (caller.kind !== 'desk') {
      throw new SyncError(
        'forbidden',
        `A head-office account reads only: it cannot ${what}. Desks do that with their own token.`,
      );
    }
  }

  return {
    db,
    clock,

    epoch,

    /** Gives the database a new epoch: every desk's cursor becomes stale and it pulls again. */
    async newEpoch(): Promise<string> {
      const value = randomUUID().replaceAll('-', '');
      await db.query("UPDATE server_meta SET value = $1 WHERE key = 'epoch'", [value]);
      return value;
    },

    // ---- administration (the admin command line; no caller: whoever runs it owns the server)

    async createOrganisation(name: string): Promise<{ id: string; name: string }> {
      const trimmed = name.trim();
      if (trimmed === '' || trimmed.length > 200) {
        throw new Error('An organisation needs a name of 1 to 200 characters.');
      }
      const existing = await db.query('SELECT 1 FROM organisations WHERE name = $1', [trimmed]);
      if (existing.length > 0) throw new Error(`An organisation "${trimmed}" already exists.`);
      const id = randomUUID();
      await db.query('INSERT INTO organisations (id, name, created_at) VALUES ($1, $2, $3)', [
        id,
        trimmed,
        iso(clock()),
      ]);
      return { id, name: trimmed };
    },

    /** Creates a desk and returns its token: the only time anyone sees it. */
    async createDesk(
      organisation: string,
      code: string,
      name: string,
    ): Promise<{ id: string; code: string; name: string; token: string }> {
      if (!deskCodeSchema.safeParse(code).success) {
        throw new Error(`A desk code is 1 to 6 letters or digits; "${code}" is not.`);
      }
      if (name.trim() === '') throw new Error('A desk needs a name.');
      return db.transaction(async (tx) => {
        const org = await organisationByName(tx, organisation);
        const taken = await tx.query(
          'SELECT 1 FROM desks WHERE organisation_id = $1 AND code = $2',
          [org.id, code],
        );
        if (taken.length > 0) {
          throw new Error(`"${org.name}" already has a desk with the code "${code}".`);
        }
        const id = randomUUID();
        await tx.query(
          'INSERT INTO desks (id, organisation_id, code, name, created_at) VALUES ($1, $2, $3, $4, $5)',
          [id, org.id, code, name.trim(), iso(clock())],
        );
        const token = await issueToken(tx, org.id, id);
        return { id, code, name: name.trim(), token };
      });
    },

    /** Revokes the desk's token: its next request is refused (its events stay). */
    async revokeDesk(organisation: string, code: string): Promise<void> {
      await db.transaction(async (tx) => {
        const org = await organisationByName(tx, organisation);
        const desk = await deskOf(tx, org.id, code);
        await tx.query(
          'UPDATE desk_tokens SET revoked_at = $3 WHERE organisation_id = $1 AND desk_id = $2 AND revoked_at IS NULL',
          [org.id, desk.id, iso(clock())],
        );
      });
    },

    /** Revokes the desk's token and issues a new one (a lost or leaked token). */
    async reissueDeskToken(organisation: string, code: string): Promise<string> {
      return db.transaction(async (tx) => {
        const org = await organisationByName(tx, organisation);
        const desk = await deskOf(tx, org.id, code);
        return issueToken(tx, org.id, desk.id);
      });
    },

    async createAccount(organisation: string, login: string, password: string): Promise<void> {
      if (login.trim() === '' || login.length > 200) {
        throw new Error('A login is 1 to 200 characters.');
      }
      if (password.length < 8 || password.length > 500) {
        throw new Error('A head-office password is 8 to 500 characters.');
      }
      const stored = await passwordHash(password, randomBytes(16), scrypt);
      await db.transaction(async (tx) => {
        const org = await organisationByName(tx, organisation);
        const taken = await tx.query('SELECT 1 FROM accounts WHERE login = $1', [login.trim()]);
        if (taken.length > 0) throw new Error(`The login "${login.trim()}" is taken.`);
        await tx.query(
          'INSERT INTO accounts (id, organisation_id, login, password, created_at) VALUES ($1, $2, $3, $4::jsonb, $5)',
          [
            randomUUID(),
            org.id,
            login.trim(),
            JSON.stringify({ params: stored.params, salt: stored.salt, hash: stored.hash }),
            iso(clock()),
          ],
        );
      });
    },

    async list(): Promise<OrganisationListing[]> {
      const orgs = await db.query<{ id: string; name: string }>(
        'SELECT id, name FROM organisations ORDER BY name',
      );
      const desks = await db.query<{
        organisation_id: string;
        code: string;
        name: string;
        active: boolean;
      }>(
        `SELECT d.organisation_id, d.code, d.name,
                EXISTS (SELECT 1 FROM desk_tokens t
                         WHERE t.desk_id = d.id AND t.organisation_id = d.organisation_id
                           AND t.revoked_at IS NULL) AS active
           FROM desks d ORDER BY d.code`,
      );
      const accounts = await db.query<{ organisation_id: string; login: string }>(
        'SELECT organisation_id, login FROM accounts ORDER BY login',
      );
      return orgs.map((o) => ({
        id: o.id,
        name: o.name,
        desks: desks
          .filter((d) => d.organisation_id === o.id)
          .map((d) => ({ code: d.code, name: d.name, active: d.active })),
        accounts: accounts.filter((a) => a.organisation_id === o.id).map((a) => a.login),
      }));
    },

    // ---- the protocol

    /** The caller a bearer token stands for; 401 for none, unknown, revoked or expired. */
    async authenticate(token: string | undefined): Promise<Caller> {
      if (token === undefined || token === '') {
        throw new SyncError(
          'unauthorized',
          'No token: send "Authorization: Bearer <desk token or head-office session>".',
        );
      }
      const hash = tokenHash(token);
      const caller = (await deskCaller(hash)) ?? (await sessionCaller(hash));
      if (!caller) {
        throw new SyncError(
          'unauthorized',
          'This token is not known to the server: check the desk token in the sync settings.',
        );
      }
      return caller;
    },

    /** Signs a head-office account in: a session token, stored hashed, with an expiry. */
    async signIn(login: string, password: string): Promise<SessionResponse> {
      const now = clock();
      const failed = failures.get(login);
      if (
        failed &&
        now - failed.since < SIGN_IN_WINDOW_MS &&
        failed.count >= SIGN_IN_MAX_FAILURES
      ) {
        throw new SyncError(
          'tooManyRequests',
          `Too many wrong passwords for this login: wait ${Math.ceil((failed.since + SIGN_IN_WINDOW_MS - now) / 60000)} minutes.`,
        );
      }
      const rows = await db.query<{
        id: string;
        organisation_id: string;
        password: { params: ScryptParams; salt: string; hash: string };
      }>('SELECT id, organisation_id, password FROM accounts WHERE login = $1', [login]);
      const account = rows[0];
      // Hash even for an unknown login, so the time taken does not tell which logins exist.
      const matches = account
        ? await passwordMatches(password, account.password)
        : (await passwordHash(password, new Uint8Array(16), scrypt), false);
      if (!account || !matches) {
        const previous = failed && now - failed.since < SIGN_IN_WINDOW_MS ? failed : undefined;
        // Forget old windows so that guessing many logins cannot grow the map without end.
        if (failures.size >= SIGN_IN_TRACKED_MAX) {
          for (const [key, entry] of failures) {
            if (now - entry.since >= SIGN_IN_WINDOW_MS) failures.delete(key);
          }
          if (failures.size >= SIGN_IN_TRACKED_MAX) failures.clear();
        }
        failures.set(login, { count: (previous?.count ?? 0) + 1, since: previous?.since ?? now });
        throw new SyncError('unauthorized', 'Wrong login or password.');
      }
      failures.delete(login);
      const token = newToken();
      const expiresAt = iso(now + sessionMs);
      await db.transaction(async (tx) => {
        await tx.query('DELETE FROM sessions WHERE expires_at <= $1::timestamptz', [iso(now)]);
        await tx.query(
          'INSERT INTO sessions (token_hash, account_id, organisation_id, expires_at) VALUES ($1, $2, $3, $4)',
          [tokenHash(token), account.id, account.organisation_id, expiresAt],
        );
      });
      return { token, expiresAt };
    },

    async hello(caller: Caller): Promise<HelloResponse> {
      const desks = await db.query<{ code: string; name: string }>(
        `SELECT d.code, d.name FROM desks d
          WHERE d.organisation_id = $1
            AND EXISTS (SELECT 1 FROM desk_tokens t
                         WHERE t.desk_id = d.id AND t.organisation_id = $1 AND t.revoked_at IS NULL)
          ORDER BY d.code`,
        [caller.organisationId],
      );
      return {
        kind: caller.kind,
        organisation: { id: caller.organisationId, name: caller.organisationName },
        ...(caller.kind === 'desk'
          ? { desk: { code: caller.deskCode, name: caller.deskName } }
          : { account: caller.login }),
        desks,
        serverTime: iso(clock()),
        epoch: await epoch(),
      };
    },

    /**
     * Stores a desk's batch. All or nothing: a refused batch writes nothing. Idempotent by event
     * id. Sequences are taken under the organisation's advisory lock, held to the commit, so a
     * puller never sees a later sequence before an earlier one of its organisation commits.
     */
    async push(caller: Caller, input: PushInput): Promise<PushResponse> {
      deskOnly(caller, 'push events');
      const now = clock();
      const serverTime = iso(now);
      const byId = new Map<string, Record<string, unknown>>();
      for (const event of input.events) {
        const id = String(event.id);
        if (hlcIsFarAhead(String(event.hlc) as HlcStamp, now, MAX_CLOCK_SKEW_MS)) {
          throw new SyncError(
            'clockAhead',
            `Event ${id} carries the clock ${String(event.hlc)}, more than ${MAX_CLOCK_SKEW_MS / 60000} minutes ahead of the server's time ${serverTime}: set this computer's date and time right, then sync again.`,
            { eventId: id, serverTime },
          );
        }
        if (!byId.has(id)) byId.set(id, event);
      }
      const events = [...byId.values()];
      const org = caller.organisationId;
      const caseIds = unique([
        ...events.map((e) => String(e.caseId)),
        ...input.routes.map((r) => r.caseId),
      ]);
      const routeCodes = unique(input.routes.flatMap((r) => r.deskCodes));

      await db.transaction(async (tx) => {
        await tx.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [SEQ_LOCK, org]);

        // Cases: another organisation's are refused; so are this organisation's cases the desk
        // was never given (pushed by another desk and not routed here). The same query reads
        // which desks of the organisation see each known case: the batch's events are delivered
        // to those desks below without joining the growing tables again.
        const known = await tx.query<{ id: string; organisation_id: string; desks: string[] }>(
          `SELECT c.id, c.organisation_id,
                  ARRAY(SELECT dc.desk_id FROM desk_cases dc
                         WHERE dc.case_id = c.id AND dc.organisation_id = $2) AS desks
             FROM cases c WHERE c.id = ANY($1::text[])`,
          [caseIds, org],
        );
        for (const c of known) {
          if (c.organisation_id !== org || !c.desks.includes(caller.deskId)) {
            throw new SyncError(
              'forbidden',
              `Case ${c.id} is not a case this desk may write to: it was neither created here nor routed here.`,
            );
          }
        }
        // Event ids another organisation already holds cannot be taken over (nor acknowledged).
        const taken = await tx.query<{ id: string }>(
          'SELECT id FROM events WHERE id = ANY($1::text[]) AND organisation_id <> $2',
          [[...byId.keys()], org],
        );
        const firstTaken = taken[0];
        if (firstTaken) {
          throw new SyncError(
            'forbidden',
            `Event id ${firstTaken.id} is already used outside this organisation.`,
          );
        }
        // Routes name desks of this organisation only.
        const desks =
          routeCodes.length === 0
            ? []
            : await tx.query<{ id: string; code: string }>(
                'SELECT id, code FROM desks WHERE organisation_id = $1 AND code = ANY($2::text[])',
                [org, routeCodes],
              );
        const deskIdByCode = new Map(desks.map((d) => [d.code, d.id]));
        const unknownCode = routeCodes.find((code) => !deskIdByCode.has(code));
        if (unknownCode !== undefined) {
          throw new SyncError(
            'forbidden',
            `Desk code ${unknownCode} is not a desk of this organisation: the case cannot be routed there.`,
          );
        }

        /** Which desks see each case of the batch. */
        const seenBy = new Map(known.map((c) => [c.id, new Set(c.desks)]));
        const newCases = caseIds.filter((id) => !seenBy.has(id));
        if (newCases.length > 0) {
          await tx.query(
            `WITH c AS (INSERT INTO cases (id, organisation_id) SELECT unnest($1::text[]), $2 RETURNING id)
             INSERT INTO desk_cases (desk_id, case_id, organisation_id) SELECT $3, c.id, $2 FROM c`,
            [newCases, org, caller.deskId],
          );
          for (const id of newCases) seenBy.set(id, new Set([caller.deskId]));
        }

        // Routes: each desk newly given a case receives its history so far; the events of this
        // batch reach it below like every later event of the case.
        const grantDesks: string[] = [];
        const grantCases: string[] = [];
        for (const route of input.routes) {
          for (const code of unique(route.deskCodes)) {
            const deskId = deskIdByCode.get(code);
            if (deskId === undefined || deskId === caller.deskId) continue;
            grantDesks.push(deskId);
            grantCases.push(route.caseId);
          }
        }
        if (grantDesks.length > 0) {
          const granted = await tx.query<{ desk_id: string; case_id: string }>(
            `INSERT INTO desk_cases (desk_id, case_id, organisation_id)
             SELECT g.desk_id, g.case_id, $3 FROM unnest($1::text[], $2::text[]) AS g(desk_id, case_id)
             ON CONFLICT DO NOTHING RETURNING desk_id, case_id`,
            [grantDesks, grantCases, org],
          );
          if (granted.length > 0) {
            // The history is found by case first (MATERIALIZED keeps the planner from starting
            // at the organisation's index, which grows with every event), then its
            // organisation is checked.
            await tx.query(
              `WITH history AS MATERIALIZED (
                 SELECT g.desk_id, e.id AS event_id, e.seq, e.organisation_id
                   FROM unnest($1::text[], $2::text[]) AS g(desk_id, case_id)
                   JOIN events e ON e.case_id = g.case_id)
               INSERT INTO deliveries (desk_id, seq, event_id)
               SELECT h.desk_id, nextval('sync_seq'), h.event_id FROM (
                 SELECT desk_id, event_id FROM history WHERE organisation_id = $3
                  ORDER BY seq, desk_id) AS h`,
              [granted.map((g) => g.desk_id), granted.map((g) => g.case_id), org],
            );
            for (const g of granted) seenBy.get(g.case_id)?.add(g.desk_id);
          }
        }

        if (events.length === 0) return;
        // Every event goes to each desk that sees its case, in the batch's order then the
        // desks' order. One statement stores the events and, for those that were new (an
        // already stored id is neither written again nor delivered twice), their deliveries.
        const deliveryDesks: string[] = [];
        const deliveryEvents: string[] = [];
        for (const e of events) {
          const id = String(e.id);
          for (const deskId of [...(seenBy.get(String(e.caseId)) ?? [])].sort()) {
            deliveryDesks.push(deskId);
            deliveryEvents.push(id);
          }
        }
        await tx.query(
          `WITH stored AS (
             INSERT INTO events (id, organisation_id, case_id, desk_id, seq, type, hlc, file_hash, body)
             SELECT u.id, $7, u.case_id, $8, nextval('sync_seq'), u.type, u.hlc, u.file_hash, u.body::jsonb
               FROM (SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[])
                       WITH ORDINALITY AS x(id, case_id, type, hlc, file_hash, body, ord)
                      ORDER BY x.ord) AS u
             ON CONFLICT (id) DO NOTHING RETURNING id)
           INSERT INTO deliveries (desk_id, seq, event_id)
           SELECT h.desk_id, nextval('sync_seq'), h.event_id FROM (
             SELECT d.desk_id, d.event_id
               FROM unnest($9::text[], $10::text[]) WITH ORDINALITY AS d(desk_id, event_id, ord)
              WHERE d.event_id IN (SELECT id FROM stored)
              ORDER BY d.ord) AS h`,
          [
            events.map((e) => String(e.id)),
            events.map((e) => String(e.caseId)),
            events.map((e) => String(e.type)),
            events.map((e) => String(e.hlc)),
            events.map((e) => fileHashOf(e)),
            events.map((e) => JSON.stringify(e)),
            org,
            caller.deskId,
            deliveryDesks,
            deliveryEvents,
          ],
        );
      });
      return { acknowledged: [...byId.keys()], serverTime };
    },

    /**
     * A page of events after `cursor`: for a desk, what was delivered to it (its cases and the
     * cases routed to it); for head office, every event of its organisation.
     */
    async pull(
      caller: Caller,
      cursor: string | null,
      limit = PULL_DEFAULT_EVENTS,
    ): Promise<PullResponse> {
      const current = await epoch();
      let after = 0;
      if (cursor !== null) {
        const match = /^([0-9a-f]+)\.(\d{1,18})$/.exec(cursor);
        if (!match || match[1] === undefined || match[2] === undefined) {
          throw new SyncError('malformed', 'cursor: not a cursor this server gave out.');
        }
        if (match[1] !== current) {
          throw new SyncError(
            'epochChanged',
            'The server was restored or reset since this cursor was given: forget the cursor and pull from the start.',
          );
        }
        after = Number(match[2]);
      }
      const take = Math.min(Math.max(1, Math.floor(limit)), PULL_MAX_EVENTS);
      const org = caller.organisationId;
      const rows =
        caller.kind === 'desk'
          ? await db.query<{ seq: string; body: Record<string, unknown>; code: string }>(
              // The page is cut from the index first, then joined: a join before the LIMIT let
              // the planner read and sort every row after the cursor, for every page.
              `SELECT p.seq::text AS seq, e.body, d.code
                 FROM (SELECT dl.seq, dl.event_id FROM deliveries dl
                        WHERE dl.desk_id = $1 AND dl.seq > $3::bigint
                        ORDER BY dl.seq LIMIT $4) AS p
                 JOIN events e ON e.id = p.event_id AND e.organisation_id = $2
                 JOIN desks d ON d.id = e.desk_id AND d.organisation_id = $2
                ORDER BY p.seq`,
              [caller.deskId, org, String(after), take + 1],
            )
          : await db.query<{ seq: string; body: Record<string, unknown>; code: string }>(
              `SELECT p.seq::text AS seq, p.body, d.code
                 FROM (SELECT e.seq, e.body, e.desk_id FROM events e
                        WHERE e.organisation_id = $1 AND e.seq > $2::bigint
                        ORDER BY e.seq LIMIT $3) AS p
                 JOIN desks d ON d.id = p.desk_id AND d.organisation_id = $1
                ORDER BY p.seq`,
              [org, String(after), take + 1],
            );
      const page = rows.slice(0, take);
      const last = page[page.length - 1];
      const events: PulledEvent[] = page.map((r) => ({
        ...(r.body as unknown as CaseEventEntity),
        originDeskCode: r.code,
      }));
      return {
        events,
        cursor: formatCursor(current, last ? Number(last.seq) : after),
        more: rows.length > take,
        epoch: current,
      };
    },

    /** Which of `hashes` the server lacks for the caller's organisation. */
    async filesMissing(caller: Caller, hashes: readonly string[]): Promise<string[]> {
      const wanted = unique(hashes);
      const held = await db.query<{ hash: string }>(
        'SELECT hash FROM files WHERE organisation_id = $1 AND hash = ANY($2::text[])',
        [caller.organisationId, wanted],
      );
      const have = new Set(held.map((r) => r.hash));
      return wanted.filter((h) => !have.has(h));
    },

    /** Stores an attachment's bytes for the desk's organisation once their SHA-256 is checked. */
    async putFile(caller: Caller, hash: string, bytes: Uint8Array): Promise<void> {
      deskOnly(caller, 'upload files');
      const actual = createHash('sha256').update(bytes).digest('hex');
      if (actual !== hash) {
        throw new SyncError(
          'malformed',
          `The bytes' SHA-256 is ${actual}, not ${hash}: the upload was damaged or names the wrong file.`,
        );
      }
      await db.query(
        `INSERT INTO files (organisation_id, hash, size, bytes, created_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT DO NOTHING`,
        [caller.organisationId, hash, bytes.byteLength, bytes, iso(clock())],
      );
    },

    /**
     * An attachment's bytes, only when an event the caller may read names it: any event of the
     * organisation for head office, an event of a case the desk sees for a desk.
     */
    async getFile(caller: Caller, hash: string): Promise<Uint8Array> {
      const org = caller.organisationId;
      const rows =
        caller.kind === 'desk'
          ? await db.query<{ bytes: Uint8Array }>(
              `SELECT f.bytes FROM files f
                WHERE f.organisation_id = $1 AND f.hash = $2
                  AND EXISTS (SELECT 1 FROM events e
                                JOIN desk_cases dc ON dc.case_id = e.case_id AND dc.desk_id = $3
                                                  AND dc.organisation_id = $1
                               WHERE e.organisation_id = $1 AND e.file_hash = $2)`,
              [org, hash, caller.deskId],
            )
          : await db.query<{ bytes: Uint8Array }>(
              `SELECT f.bytes FROM files f
                WHERE f.organisation_id = $1 AND f.hash = $2
                  AND EXISTS (SELECT 1 FROM events e WHERE e.organisation_id = $1 AND e.file_hash = $2)`,
              [org, hash],
            );
      const row = rows[0];
      if (!row) {
        throw new SyncError('notFound', `No file ${hash} that this token may read.`);
      }
      return row.bytes;
    },

    close: () => db.close(),
  };
}

/** The attachment hash an event names, if it is a `case/attachmentAdded` with one. */
function fileHashOf(event: Record<string, unknown>): string | null {
  if (event.type !== 'case/attachmentAdded') return null;
  const payload = event.payload as Record<string, unknown> | undefined;
  const hash = payload?.hash;
  return typeof hash === 'string' && /^[0-9a-f]{64}$/.test(hash) ? hash : null;
}
