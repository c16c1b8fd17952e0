/**
 * The sync protocol over HTTP (shared/sync/protocol.ts): one method per endpoint, every failure
 * thrown as a `SyncRequestError` naming a `SyncFailureCode` (the server's code, `network` when
 * the server could not be reached, `badResponse` when its answer is not the protocol's). The
 * engine takes a `SyncTransport`, so its tests run it against an in-memory fake.
 */
import {
  PROTOCOL_HEADER,
  PROTOCOL_VERSION,
  type FilesMissingResponse,
  type HelloResponse,
  type PullResponse,
  type PushRequest,
  type PushResponse,
  type SessionResponse,
} from '@shared/sync/protocol';
import type { CaseEventEntity } from '@shared/model/entities';
import { syncFailureOf, type SyncFailure } from '@shared/sync/desk-sync';

export class SyncRequestError extends Error {
  override readonly name = 'SyncRequestError';
  readonly failure: SyncFailure;

  constructor(failure: SyncFailure) {
    super(`Sync ${failure.code}: ${failure.detail}`);
    this.failure = failure;
  }
}

/** What the engine asks of the server. */
export interface SyncTransport {
  hello(): Promise<HelloResponse>;
  push(
    events: readonly CaseEventEntity[],
    routes: NonNullable<PushRequest['routes']>,
  ): Promise<PushResponse>;
  pull(cursor: string | null, limit?: number): Promise<PullResponse>;
  filesMissing(hashes: readonly string[]): Promise<FilesMissingResponse>;
  filePut(hash: string, bytes: Uint8Array): Promise<void>;
  fileGet(hash: string): Promise<Uint8Array>;
}

type Fetch = typeof fetch;

async function send(fetchImpl: Fetch, url: string, init: RequestInit): Promise<Response> {
  let response: Response;
  try {
    response = await fetchImpl(url, init);
  } catch (error) {
    // fetch rejects only when no answer came: no network, refused, blocked by the page's policy.
    throw new SyncRequestError({ code: 'network', detail: String(error) });
  }
  if (!response.ok) {
    const body: unknown = await response.json().catch(() => undefined);
    throw new SyncRequestError(syncFailureOf(response.status, body));
  }
  return response;
}

async function json<T>(response: Response): Promise<T> {
  try {
    return (await response.json()) as T;
  } catch (error) {
    throw new SyncRequestError({ code: 'badResponse', detail: String(error) });
  }
}

/** The JSON POST every endpoint but files takes: the protocol version in the body. */
async function post<T>(
  fetchImpl: Fetch,
  address: string,
  path: string,
  token: string | undefined,
  body: object,
): Promise<T> {
  const response = await send(fetchImpl, `${address}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
    },
    body: JSON.stringify({ protocol: PROTOCOL_VERSION, ...body }),
  });
  return json<T>(response);
}

/** The protocol at `address` (a normalised base address) with `token`. */
export function syncTransportHttp(
  address: string,
  token: string,
  fetchImpl: Fetch = (...args) => fetch(...args),
): SyncTransport {
  const auth = { authorization: `Bearer ${token}`, [PROTOCOL_HEADER]: String(PROTOCOL_VERSION) };
  return {
    hello: () => post(fetchImpl, address, '/v1/hello', token, {}),
    push: (events, routes) =>
      // The wire event is the stored event (protocol.ts: `wireEventSchema` is the backup's
      // record); its payload type is the reducer's union, which the zod input type widens.
      post(fetchImpl, address, '/v1/push', token, {
        events,
        routes,
      } satisfies { events: readonly CaseEventEntity[]; routes: PushRequest['routes'] }),
    pull: (cursor, limit) =>
      post(
        fetchImpl,
        address,
        '/v1/pull',
        token,
        limit === undefined ? { cursor } : { cursor, limit },
      ),
    filesMissing: (hashes) => post(fetchImpl, address, '/v1/files/missing', token, { hashes }),
    filePut: async (hash, bytes) => {
      await send(fetchImpl, `${address}/v1/files/${hash}`, {
        method: 'PUT',
        headers: { ...auth, 'content-type': 'application/octet-stream' },
        body: bytes as Uint8Array<ArrayBuffer>,
      });
    },
    fileGet: async (hash) => {
      const response = await send(fetchImpl, `${address}/v1/files/${hash}`, {
        method: 'GET',
        headers: auth,
      });
      return new Uint8Array(await response.arrayBuffer());
    },
  };
}

/** A head-office account signs in: its login and password for a bearer token. */
export function syncSessionOpen(
  address: string,
  login: string,
  password: string,
  fetchImpl: Fetch = (...args) => fetch(...args),
): Promise<SessionResponse> {
  return post(fetchImpl, address, '/v1/session', undefined, { login, password });
}
