/**
 * The protocol end to end through the HTTP app (app.inject), once on PGlite and once on a real
 * PostgreSQL server: round trips, pages and cursors, epochs, routing, head office, files, and
 * every refused request with its status, its message and an unchanged database.
 */
import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hlcFormat } from '@shared/kernel/hlc';
import {
  MAX_CLOCK_SKEW_MS,
  PROTOCOL_HEADER,
  PROTOCOL_VERSION,
  PUSH_MAX_EVENTS,
  REQUEST_MAX_BYTES,
  type HelloResponse,
  type PullResponse,
  type PushResponse,
  type SyncErrorBody,
} from '@shared/sync/protocol';
import { BACKENDS } from '../test/backends';
import { buildServer } from './app';
import type { Store } from './store';

const FAST_SCRYPT = { N: 2 ** 10, r: 8, p: 1, dkLen: 32 };
const START = Date.parse('2026-12-05T09:00:00.000Z');

interface Reply<T> {
  status: number;
  body: T;
  headers: Record<string, unknown>;
}

let serial = 0;
/** A well-formed wire event of `caseId`, stamped at the test clock. */
function wireEvent(caseId: string, now: number, extra: Record<string, unknown> = {}) {
  serial += 1;
  return {
    id: `ev-${serial}-${Math.random().toString(36).slice(2, 8)}`,
    caseId,
    type: 'case/fieldsChanged',
    at: new Date(now).toISOString(),
    hlc: hlcFormat({ wallMs: now, counter: serial % 1000, nodeId: 'deskX' }),
    actorId: 'staff-1',
    actorName: '王芳',
    deskId: 'local-desk',
    payload: { subject: `subject ${serial}` },
    ...extra,
  };
}

describe.each(BACKENDS)('central server on $name', (backend) => {
  let store: Store;
  let app: FastifyInstance;
  let now = START;
  const tokens: Record<string, string> = {};
  const tok = (code: string): string => {
    const token = tokens[code];
    if (token === undefined) throw new Error(`no token for ${code}`);
    return token;
  };

  beforeAll(async () => {
    if (backend.skip !== '') return;
    store = await backend.open({ clock: () => now, scrypt: FAST_SCRYPT });
    app = await buildServer({ store });
    await store.createOrganisation('Acme');
    await store.createOrganisation('Other');
    for (const code of ['A1', 'A2', 'A3']) {
      tokens[code] = (await store.createDesk('Acme', code, `Acme desk ${code}`)).token;
    }
    tokens.B1 = (await store.createDesk('Other', 'B1', 'Other desk')).token;
    await store.createAccount('Acme', 'boss', 'boss-password');
    await store.createAccount('Other', 'spy', 'spy-password');
  });

  afterAll(async () => {
    await app?.close();
    await store?.close();
  });

  async function post<T>(
    url: string,
    token: string | undefined,
    body: unknown,
    headers: Record<string, string> = {},
  ): Promise<Reply<T>> {
    const payload = typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body);
    const res = await app.inject({
      method: 'POST',
      url,
      payload,
      headers: {
        'content-type': 'application/json',
        ...(token !== undefined ? { authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
    });
    return { status: res.statusCode, body: res.json() as T, headers: res.headers };
  }

  const push = (token: string, events: unknown[], routes?: unknown[]) =>
    post<PushResponse & SyncErrorBody>('/v1/push', token, {
      protocol: PROTOCOL_VERSION,
      events,
      ...(routes ? { routes } : {}),
    });

  const pull = (token: string, cursor: string | null, limit?: number) =>
    post<PullResponse & SyncErrorBody>('/v1/pull', token, {
      protocol: PROTOCOL_VERSION,
      cursor,
      ...(limit !== undefined ? { limit } : {}),
    });

  /** Every event the token can pull, following `more`. */
  async function pullAll(token: string, limit = 1000): Promise<PullResponse['events'][number][]> {
    const seen: PullResponse['events'][number][] = [];
    let cursor: string | null = null;
    for (;;) {
      const page: Reply<PullResponse & SyncErrorBody> = await pull(token, cursor, limit);
      expect(page.status).toBe(200);
      seen.push(...page.body.events);
      cursor = page.body.cursor;
      if (!page.body.more) return seen;
    }
  }

  async function session(login: string, password: string): Promise<string> {
    const res = await post<{ token: string }>('/v1/session', undefined, {
      protocol: PROTOCOL_VERSION,
      login,
      password,
    });
    expect(res.status).toBe(200);
    return res.body.token;
  }

  /** Row counts of every table a request could write. */
  async function tables(): Promise<Record<string, number>> {
    const out: Record<string, number> = {};
    for (const t of ['cases', 'desk_cases', 'events', 'deliveries', 'files', 'sessions']) {
      const rows = await store.db.query<{ n: string }>(`SELECT count(*)::text AS n FROM ${t}`);
      out[t] = Number(rows[0]?.n);
    }
    return out;
  }

  /** Expects `request` to be refused with `status`/`code`, a message, and nothing written. */
  async function refused(
    request: () => Promise<Reply<unknown>>,
    status: number,
    code: string,
    message: RegExp,
  ): Promise<SyncErrorBody> {
    const before = await tables();
    const res = await request();
    expect(res.status).toBe(status);
    const body = res.body as SyncErrorBody;
    expect(body.error.code).toBe(code);
    expect(body.error.message).toMatch(message);
    expect(await tables()).toEqual(before);
    return body;
  }

  it.skipIf(backend.skip !== '')('answers /health with the epoch', async () => {
    const res = await app.inject({ method: 'GET', url: '/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ok: true, epoch: await store.epoch(), version: PROTOCOL_VERSION });
  });

  it.skipIf(backend.skip !== '')('says who a desk and a head office are (hello)', async () => {
    const desk = await post<HelloResponse>('/v1/hello', tokens.A1, { protocol: 1 });
    expect(desk.status).toBe(200);
    expect(desk.body.kind).toBe('desk');
    expect(desk.body.desk).toEqual({ code: 'A1', name: 'Acme desk A1' });
    expect(desk.body.organisation.name).toBe('Acme');
    expect(desk.body.desks.map((d) => d.code)).toEqual(['A1', 'A2', 'A3']);
    expect(desk.body.serverTime).toBe(new Date(now).toISOString());
    const boss = await post<HelloResponse>('/v1/hello', await session('boss', 'boss-password'), {
      protocol: 1,
    });
    expect(boss.body).toMatchObject({ kind: 'headOffice', account: 'boss' });
    expect(boss.body.desks.map((d) => d.code)).toEqual(['A1', 'A2', 'A3']);
  });

  it.skipIf(backend.skip !== '')(
    'round-trips a batch, acknowledges a re-push without writing twice, and pages in commit order',
    async () => {
      const events = Array.from({ length: 5 }, () => wireEvent('case-round', now));
      const first = await push(tok('A1'), events);
      expect(first.status).toBe(200);
      expect(first.body.acknowledged).toEqual(events.map((e) => e.id));
      const afterFirst = await tables();
      // The same batch again (the acknowledgement was lost): acknowledged, nothing new.
      const again = await push(tok('A1'), [...events, events[0]]);
      expect(again.status).toBe(200);
      expect(again.body.acknowledged).toEqual(events.map((e) => e.id));
      expect(await tables()).toEqual(afterFirst);

      // Pages of 2: 2, 2, 1, each with a cursor that resumes after it.
      const ids: string[] = [];
      let cursor: string | null = null;
      const sizes: number[] = [];
      for (;;) {
        const page: Reply<PullResponse & SyncErrorBody> = await pull(tok('A1'), cursor, 2);
        expect(page.status).toBe(200);
        expect(page.body.epoch).toBe(await store.epoch());
        sizes.push(page.body.events.length);
        ids.push(...page.body.events.map((e) => e.id));
        cursor = page.body.cursor;
        if (!page.body.more) break;
      }
      expect(sizes).toEqual([2, 2, 1]);
      expect(ids).toEqual(events.map((e) => e.id));
      // Nothing after the last cursor; the cursor stays where it is.
      const tail = await pull(tok('A1'), cursor, 2);
      expect(tail.body).toMatchObject({ events: [], more: false, cursor });
      // The pulled event is the pushed one plus the desk that pushed it.
      const pulled = (await pull(tok('A1'), null, 1)).body.events[0];
      expect(pulled).toEqual({ ...events[0], originDeskCode: 'A1' });
    },
  );

  it.skipIf(backend.skip !== '')(
    'refuses a cursor of an earlier epoch with 409, then serves a full pull',
    async () => {
      await push(tok('A1'), [wireEvent('case-epoch', now)]);
      const page = await pull(tok('A1'), null);
      const stale = page.body.cursor;
      await store.newEpoch();
      await refused(() => pull(tok('A1'), stale), 409, 'epochChanged', /pull from the start/);
      const fresh = await pull(tok('A1'), null);
      expect(fresh.status).toBe(200);
      expect(fresh.body.cursor.startsWith(`${await store.epoch()}.`)).toBe(true);
      await refused(() => pull(tok('A1'), 'not-a-cursor'), 400, 'malformed', /cursor/);
    },
  );

  it.skipIf(backend.skip !== '')(
    'routes a case: the routed desk receives its whole history and every later event',
    async () => {
      const history = [wireEvent('case-routed', now), wireEvent('case-routed', now)];
      expect((await push(tok('A1'), history)).status).toBe(200);
      const a2Before = (await pullAll(tok('A2'))).map((e) => e.id);
      expect(a2Before).not.toContain(history[0]?.id);

      const dispatch = wireEvent('case-routed', now, { type: 'case/dispatched' });
      const routed = await push(
        tok('A1'),
        [dispatch],
        [{ caseId: 'case-routed', deskCodes: ['A2'] }],
      );
      expect(routed.status).toBe(200);
      const later = wireEvent('case-routed', now);
      await push(tok('A1'), [later]);

      const a2 = (await pullAll(tok('A2'))).filter((e) => e.caseId === 'case-routed');
      expect(a2.map((e) => e.id)).toEqual([...history, dispatch, later].map((e) => e.id));
      expect(new Set(a2.map((e) => e.originDeskCode))).toEqual(new Set(['A1']));
      // The routed desk may write to the case; A1 receives its event.
      const reply = wireEvent('case-routed', now, { type: 'case/replied' });
      expect((await push(tok('A2'), [reply])).status).toBe(200);
      const a1 = await pullAll(tok('A1'));
      expect(a1.find((e) => e.id === reply.id)?.originDeskCode).toBe('A2');
      // A desk of the same organisation it was not routed to sees none of it, and may not write.
      const a3 = await pullAll(tok('A3'));
      expect(a3.some((e) => e.caseId === 'case-routed')).toBe(false);
      await refused(
        () => push(tok('A3'), [wireEvent('case-routed', now)]),
        403,
        'forbidden',
        /Case case-routed is not a case this desk may write to/,
      );
      // A new case routed in the batch that creates it (dispatched at intake, before any sync).
      const intake = [wireEvent('case-new-routed', now), wireEvent('case-new-routed', now)];
      const both = await push(tok('A1'), intake, [
        { caseId: 'case-new-routed', deskCodes: ['A2'] },
      ]);
      expect(both.status).toBe(200);
      const a2New = (await pullAll(tok('A2'))).filter((e) => e.caseId === 'case-new-routed');
      expect(a2New.map((e) => e.id)).toEqual(intake.map((e) => e.id));
      // Routing again changes nothing (no history delivered twice).
      const before = await tables();
      await push(tok('A1'), [], [{ caseId: 'case-routed', deskCodes: ['A2'] }]);
      expect(await tables()).toEqual(before);
    },
  );

  it.skipIf(backend.skip !== '')(
    "shows head office every desk of its organisation and nothing of another's",
    async () => {
      await push(tok('B1'), [wireEvent('case-other-org', now)]);
      const acme = await pullAll(await session('boss', 'boss-password'), 3);
      const origins = new Set(acme.map((e) => e.originDeskCode));
      expect(origins).toEqual(new Set(['A1', 'A2']));
      expect(acme.some((e) => e.caseId === 'case-other-org')).toBe(false);
      expect(new Set(acme.map((e) => e.id)).size).toBe(acme.length);
      const other = await pullAll(await session('spy', 'spy-password'));
      expect(other.map((e) => e.caseId)).toEqual(['case-other-org']);
      // Head office reads only.
      const boss = await session('boss', 'boss-password');
      await refused(
        () => push(boss, [wireEvent('case-boss', now)]),
        403,
        'forbidden',
        /head-office account reads only/,
      );
    },
  );

  it.skipIf(backend.skip !== '')('refuses wrong, revoked and expired tokens with 401', async () => {
    const event = wireEvent('case-auth', now);
    await refused(
      () => push(undefined as unknown as string, [event]),
      401,
      'unauthorized',
      /No token/,
    );
    await refused(() => push('not-a-token', [event]), 401, 'unauthorized', /not known/);
    const { token } = await store.createDesk('Acme', 'A9', 'Revoked desk');
    await store.revokeDesk('Acme', 'A9');
    await refused(() => push(token, [event]), 401, 'unauthorized', /revoked/);
    await refused(() => pull(token, null), 401, 'unauthorized', /revoked/);
    const hello = await post<HelloResponse>('/v1/hello', tokens.A1, { protocol: 1 });
    expect(hello.body.desks.map((d) => d.code)).not.toContain('A9');
    // A new token works; the old one stays refused.
    const renewed = await store.reissueDeskToken('Acme', 'A9');
    expect((await push(renewed, [wireEvent('case-a9', now)])).status).toBe(200);
    await refused(() => pull(token, null), 401, 'unauthorized', /revoked/);
    // A head-office session expires.
    const boss = await session('boss', 'boss-password');
    now += 13 * 60 * 60 * 1000;
    try {
      await refused(() => pull(boss, null), 401, 'unauthorized', /expired/);
    } finally {
      now = START;
    }
  });

  it.skipIf(backend.skip !== '')(
    'refuses wrong passwords with 401, then with 429 after five',
    async () => {
      await store.createAccount('Acme', 'clerk', 'clerk-password');
      const attempt = (password: string) =>
        post<SyncErrorBody>('/v1/session', undefined, { protocol: 1, login: 'clerk', password });
      for (let i = 0; i < 5; i++) {
        await refused(
          () => attempt('wrong-password'),
          401,
          'unauthorized',
          /Wrong login or password/,
        );
      }
      await refused(() => attempt('clerk-password'), 429, 'tooManyRequests', /wait/);
      now += 16 * 60 * 1000;
      try {
        expect((await attempt('clerk-password')).status).toBe(200);
      } finally {
        now = START;
      }
    },
  );

  it.skipIf(backend.skip !== '')(
    "keeps every organisation out of another's cases, events and desks",
    async () => {
      const acmeEvent = wireEvent('case-acme-private', now);
      await push(tok('A1'), [acmeEvent]);
      // Another organisation's desk writing to the case, or taking over an event id.
      await refused(
        () => push(tok('B1'), [wireEvent('case-acme-private', now)]),
        403,
        'forbidden',
        /not a case this desk may write to/,
      );
      await refused(
        () => push(tok('B1'), [{ ...acmeEvent, caseId: 'case-b1-own' }]),
        403,
        'forbidden',
        /already used outside this organisation/,
      );
      // Routing to a desk code of another organisation (or to none).
      await refused(
        () => push(tok('A1'), [], [{ caseId: 'case-acme-private', deskCodes: ['B1'] }]),
        403,
        'forbidden',
        /Desk code B1 is not a desk of this organisation/,
      );
      // Routing another organisation's case to oneself.
      await refused(
        () => push(tok('B1'), [], [{ caseId: 'case-acme-private', deskCodes: ['B1'] }]),
        403,
        'forbidden',
        /not a case this desk may write to/,
      );
      const b1 = await pullAll(tok('B1'));
      expect(b1.some((e) => e.caseId === 'case-acme-private')).toBe(false);
    },
  );

  it.skipIf(backend.skip !== '')(
    'refuses malformed bodies with 400 naming the first wrong field',
    async () => {
      const { hlc: _dropped, ...noClock } = wireEvent('case-bad', now);
      await refused(() => push(tok('A1'), [noClock]), 400, 'malformed', /^events\.0\.hlc: /);
      await refused(
        () => push(tok('A1'), [wireEvent('case-bad', now, { type: 'case/teleported' })]),
        400,
        'malformed',
        /^events\.0\.type: /,
      );
      await refused(
        () => post('/v1/push', tokens.A1, '{"protocol":1,"events":['),
        400,
        'malformed',
        /not valid JSON/,
      );
      await refused(() => post('/v1/push', tokens.A1, '[1,2]'), 400, 'malformed', /JSON object/);
      await refused(
        () => post('/v1/pull', tokens.A1, { protocol: 1, cursor: null, limit: 0 }),
        400,
        'malformed',
        /^limit: /,
      );
      await refused(
        () =>
          post('/v1/push', tokens.A1, gzipSync('{"protocol":1}').subarray(0, 10), {
            'content-encoding': 'gzip',
          }),
        400,
        'malformed',
        /not valid gzip/,
      );
    },
  );

  it.skipIf(backend.skip !== '')('refuses an old protocol version with 426 first', async () => {
    // Before the token: even a request with no token learns the version.
    await refused(
      () => post('/v1/push', undefined, { protocol: 0, events: [] }),
      426,
      'protocolVersion',
      /speaks sync protocol 1; the request says 0/,
    );
    await refused(
      () => post('/v1/pull', tokens.A1, { cursor: null }),
      426,
      'protocolVersion',
      /says none/,
    );
    const res = await app.inject({
      method: 'GET',
      url: `/v1/files/${'a'.repeat(64)}`,
      headers: { authorization: `Bearer ${tokens.A1}`, [PROTOCOL_HEADER]: '2' },
    });
    expect(res.statusCode).toBe(426);
  });

  it.skipIf(backend.skip !== '')(
    'refuses oversize batches and bodies with 413, gzip bombs included',
    async () => {
      const many = Array.from({ length: PUSH_MAX_EVENTS + 1 }, () => wireEvent('case-big', now));
      await refused(() => push(tok('A1'), many), 413, 'tooLarge', /at most 1000 events/);
      const huge = JSON.stringify({
        protocol: 1,
        events: [wireEvent('case-big', now, { payload: { note: 'x'.repeat(REQUEST_MAX_BYTES) } })],
      });
      await refused(() => post('/v1/push', tokens.A1, huge), 413, 'tooLarge', /larger than/);
      // 64 MB of spaces packs into about 64 KB: refused once the unpacked bytes pass the limit.
      const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024, 0x20));
      expect(bomb.length).toBeLessThan(REQUEST_MAX_BYTES / 10);
      await refused(
        () => post('/v1/push', tokens.A1, bomb, { 'content-encoding': 'gzip' }),
        413,
        'tooLarge',
        /unpacks to more than/,
      );
    },
  );

  it.skipIf(backend.skip !== '')(
    'refuses a batch with a clock far ahead (422) and writes none of it',
    async () => {
      const good = wireEvent('case-clock', now);
      const ahead = wireEvent('case-clock', now, {
        hlc: hlcFormat({ wallMs: now + MAX_CLOCK_SKEW_MS + 60_000, counter: 0, nodeId: 'x' }),
      });
      const body = await refused(
        () => push(tok('A1'), [good, ahead]),
        422,
        'clockAhead',
        /ahead of the server's time/,
      );
      expect(body.error.eventId).toBe(ahead.id);
      expect(body.error.serverTime).toBe(new Date(now).toISOString());
      // Just inside the allowed skew is fine.
      const close = wireEvent('case-clock', now, {
        hlc: hlcFormat({ wallMs: now + MAX_CLOCK_SKEW_MS - 1000, counter: 0, nodeId: 'x' }),
      });
      expect((await push(tok('A1'), [close])).status).toBe(200);
    },
  );

  it.skipIf(backend.skip !== '')(
    'answers the CORS preflight of any desk origin with the sync headers, before any token',
    async () => {
      // The desk calls from app://desk (Electron) or the browser build's own address. Requests
      // carry a bearer token, never a cookie, so every origin is allowed and credentials never.
      const before = await tables();
      for (const origin of ['app://desk', 'http://127.0.0.1:4510', 'https://evil.example']) {
        for (const url of ['/v1/push', '/v1/pull', `/v1/files/${'a'.repeat(64)}`, '/v1/nowhere']) {
          const res = await app.inject({
            method: 'OPTIONS',
            url,
            headers: {
              origin,
              'access-control-request-method': url.startsWith('/v1/files') ? 'PUT' : 'POST',
              'access-control-request-headers': `authorization, content-type, content-encoding, ${PROTOCOL_HEADER}`,
            },
          });
          expect(res.statusCode, `${origin} ${url}`).toBe(204);
          expect(res.headers['access-control-allow-origin']).toBe('*');
          expect(res.headers['access-control-allow-credentials']).toBeUndefined();
          const allowed = String(res.headers['access-control-allow-headers'])
            .split(',')
            .map((h) => h.trim().toLowerCase());
          for (const header of [
            'authorization',
            'content-type',
            'content-encoding',
            PROTOCOL_HEADER,
          ]) {
            expect(allowed).toContain(header);
          }
          const methods = String(res.headers['access-control-allow-methods'])
            .split(',')
            .map((m) => m.trim());
          expect(methods).toEqual(expect.arrayContaining(['GET', 'POST', 'PUT', 'OPTIONS']));
          expect(Number(res.headers['access-control-max-age'])).toBeGreaterThan(0);
          expect(res.body).toBe('');
        }
      }
      // Answers and refusals carry the header too, so the desk can read the reason of a refusal.
      const ok = await post('/v1/hello', tokens.A1, { protocol: 1 }, { origin: 'app://desk' });
      expect(ok.status).toBe(200);
      expect(ok.headers['access-control-allow-origin']).toBe('*');
      const denied = await post(
        '/v1/hello',
        'not-a-token',
        { protocol: 1 },
        { origin: 'app://desk' },
      );
      expect(denied.status).toBe(401);
      expect(denied.headers['access-control-allow-origin']).toBe('*');
      expect(denied.headers['access-control-allow-credentials']).toBeUndefined();
      const old = await post('/v1/pull', undefined, { protocol: 0 }, { origin: 'app://desk' });
      expect(old.status).toBe(426);
      expect(old.headers['access-control-allow-origin']).toBe('*');
      const health = await app.inject({ method: 'GET', url: '/health', headers: { origin: 'x' } });
      expect(health.headers['access-control-allow-origin']).toBe('*');
      // A preflight writes nothing and needs no token.
      expect(await tables()).toEqual(before);
    },
  );

  it.skipIf(backend.skip !== '')('takes gzipped requests and gzips large responses', async () => {
    const events = Array.from({ length: 20 }, () => wireEvent('case-gzip', now));
    const res = await post<PushResponse>(
      '/v1/push',
      tokens.A1,
      gzipSync(JSON.stringify({ protocol: 1, events })),
      { 'content-encoding': 'gzip' },
    );
    expect(res.status).toBe(200);
    expect(res.body.acknowledged).toHaveLength(20);
    const zipped = await app.inject({
      method: 'POST',
      url: '/v1/pull',
      payload: { protocol: 1, cursor: null, limit: 1000 },
      headers: { authorization: `Bearer ${tokens.A1}`, 'accept-encoding': 'gzip' },
    });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    const page = JSON.parse(gunzipSync(zipped.rawPayload).toString('utf8')) as PullResponse;
    expect(page.events.filter((e) => e.caseId === 'case-gzip')).toHaveLength(20);
  });

  it.skipIf(backend.skip !== '')(
    'moves attachments content-addressed, readable only where an event names them',
    async () => {
      const bytes = Buffer.from(`photo of the broken meter ${backend.name}`);
      const hash = createHash('sha256').update(bytes).digest('hex');
      const file = (method: 'GET' | 'PUT', token: string, h = hash, payload?: Buffer) =>
        app.inject({
          method,
          url: `/v1/files/${h}`,
          headers: {
            authorization: `Bearer ${token}`,
            [PROTOCOL_HEADER]: String(PROTOCOL_VERSION),
            ...(payload ? { 'content-type': 'application/octet-stream' } : {}),
          },
          ...(payload ? { payload } : {}),
        });
      const missing = await post<{ missing: string[] }>('/v1/files/missing', tokens.A1, {
        protocol: 1,
        hashes: [hash],
      });
      expect(missing.body.missing).toEqual([hash]);

      const wrong = await file('PUT', tok('A1'), 'b'.repeat(64), bytes);
      expect(wrong.statusCode).toBe(400);
      expect(wrong.json().error.message).toMatch(/SHA-256 is/);
      expect((await file('PUT', tok('A1'), hash, bytes)).statusCode).toBe(204);
      expect((await file('PUT', tok('A1'), hash, bytes)).statusCode).toBe(204);
      const after = await post<{ missing: string[] }>('/v1/files/missing', tokens.A1, {
        protocol: 1,
        hashes: [hash],
      });
      expect(after.body.missing).toEqual([]);
      // Another organisation lacks it even after Acme uploaded it.
      const otherMissing = await post<{ missing: string[] }>('/v1/files/missing', tokens.B1, {
        protocol: 1,
        hashes: [hash],
      });
      expect(otherMissing.body.missing).toEqual([hash]);

      // No event names it yet: not served.
      expect((await file('GET', tok('A1'))).statusCode).toBe(404);
      await push(tok('A1'), [
        wireEvent('case-file', now, {
          type: 'case/attachmentAdded',
          payload: { hash, name: 'meter.jpg', size: bytes.length },
        }),
      ]);
      const got = await file('GET', tok('A1'));
      expect(got.statusCode).toBe(200);
      expect(got.rawPayload.equals(bytes)).toBe(true);
      const boss = await session('boss', 'boss-password');
      expect((await file('GET', boss)).statusCode).toBe(200);
      // Not for a desk of the organisation that does not see the case, nor for another org.
      expect((await file('GET', tok('A3'))).statusCode).toBe(404);
      expect((await file('GET', tok('B1'))).statusCode).toBe(404);
      expect((await file('GET', await session('spy', 'spy-password'))).statusCode).toBe(404);
      // Head office does not upload; a bad token does not either.
      expect((await file('PUT', boss, hash, bytes)).statusCode).toBe(403);
      expect((await file('PUT', 'nope', hash, bytes)).statusCode).toBe(401);
    },
  );

  it.skipIf(backend.skip !== '')('refuses a file larger than the limit with 413', async () => {
    const small = await buildServer({ store, fileMaxBytes: 1024 });
    try {
      const bytes = Buffer.alloc(2048, 1);
      const res = await small.inject({
        method: 'PUT',
        url: `/v1/files/${createHash('sha256').update(bytes).digest('hex')}`,
        headers: {
          authorization: `Bearer ${tokens.A1}`,
          [PROTOCOL_HEADER]: '1',
          'content-type': 'application/octet-stream',
        },
        payload: bytes,
      });
      expect(res.statusCode).toBe(413);
      expect(res.json().error.code).toBe('tooLarge');
    } finally {
      await small.close();
    }
  });

  it.skipIf(backend.skip !== '')(
    'never skips an event while pushes commit concurrently (cursor in commit order)',
    async () => {
      const desks = ['A1', 'A2', 'A3'] as const;
      const pushed: string[] = [];
      const boss = await session('boss', 'boss-password');
      const start = (await pull(boss, null, 1000)).body;
      let cursor = start.cursor;
      let more = start.more;
      while (more) {
        const page = (await pull(boss, cursor, 1000)).body;
        cursor = page.cursor;
        more = page.more;
      }
      const seen: string[] = [];
      let done = false;
      const reader = (async () => {
        while (!done) {
          const page = await pull(boss, cursor, 50);
          seen.push(...page.body.events.map((e) => e.id));
          cursor = page.body.cursor;
        }
      })();
      await Promise.all(
        desks.map(async (code) => {
          for (let round = 0; round < 5; round++) {
            const batch = Array.from({ length: 10 }, () => wireEvent(`case-conc-${code}`, now));
            pushed.push(...batch.map((e) => e.id));
            expect((await push(tok(code), batch)).status).toBe(200);
          }
        }),
      );
      done = true;
      await reader;
      for (;;) {
        const page = await pull(boss, cursor, 1000);
        seen.push(...page.body.events.map((e) => e.id));
        cursor = page.body.cursor;
        if (!page.body.more) break;
      }
      expect(seen.sort()).toEqual([...pushed].sort());
    },
  );
});
