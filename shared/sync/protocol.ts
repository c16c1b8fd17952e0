/**
 * The sync protocol between a desk and the central server (DESIGN.md "Sync"), written once here
 * so that `server/` and the desk's sync client read and write the same shapes. Every request
 * carries `PROTOCOL_VERSION` (in the body of a JSON request, in the `x-sync-protocol` header of
 * a file request); the server refuses another version with 426 before it reads anything else.
 *
 * Endpoints (all under `/v1`, `Authorization: Bearer <token>`; JSON bodies may be sent with
 * `content-encoding: gzip`, and responses are gzipped when the client accepts it):
 * - `GET  /health`                      no token; `{ ok, epoch, version }`.
 * - `POST /v1/session`  SessionRequest  → SessionResponse: a head-office account signs in with its
 *                                         login and password and gets a bearer token (no token).
 * - `POST /v1/hello`    HelloRequest    → HelloResponse: who the token is, the server's time and
 *                                         epoch, the organisation's desks (the "test connection").
 * - `POST /v1/push`     PushRequest     → PushResponse: a desk's outbox batch; idempotent by
 *                                         event id; the client deletes only the `acknowledged` ids.
 * - `POST /v1/pull`     PullRequest     → PullResponse: the events after a cursor, in the order
 *                                         the server committed them, in pages.
 * - `POST /v1/files/missing` FilesMissingRequest → FilesMissingResponse: which of these hashes
 *                                         the server lacks for this organisation.
 * - `PUT  /v1/files/:hash`   raw bytes (`application/octet-stream`, ≤ `FILE_MAX_BYTES`); the
 *                                         server checks the SHA-256 against `:hash`; 204.
 * - `GET  /v1/files/:hash`   → raw bytes, only when an event of the caller's organisation names
 *                                         the hash (`case/attachmentAdded`); otherwise 404.
 *
 * Errors are `SyncErrorBody` with the status of `SYNC_ERROR_STATUS`; a refused request changes
 * nothing on the server.
 */
import { z } from 'zod';
import { eventRecord } from '../backup/records';
import type { CaseEventEntity } from '../model/entities';

export const PROTOCOL_VERSION = 1;

/** The header that carries the protocol version on requests without a JSON body. */
export const PROTOCOL_HEADER = 'x-sync-protocol';

/** At most this many events in one push, and in one pull page. */
export const PUSH_MAX_EVENTS = 1000;
export const PULL_MAX_EVENTS = 1000;
export const PULL_DEFAULT_EVENTS = 500;

/** A JSON request body larger than this (after gunzip) is refused with 413. */
export const REQUEST_MAX_BYTES = 8 * 1024 * 1024;

/** An attachment's stored bytes travel in one request of at most this size. */
export const FILE_MAX_BYTES = 30 * 1024 * 1024;

/** A clock this far ahead of the server's is refused: it would win every later edit. */
export const MAX_CLOCK_SKEW_MS = 5 * 60 * 1000;

const protocol = z.literal(PROTOCOL_VERSION);
const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
/** A desk code as the numbering prints it (DOMAIN.md section 5): letters and digits. */
export const deskCodeSchema = z.string().regex(/^[A-Za-z0-9]{1,6}$/);

/**
 * An event as it travels: exactly the stored event (`CaseEventEntity`), plus, on the way up, the
 * codes of the desks the pushing desk routes the case to (a dispatch to a unit that another desk
 * serves). The server never trusts `deskId` for access: the token says which desk pushed.
 */
export const wireEventSchema = eventRecord;

/** Routing the pushing desk adds to a batch: which other desks must receive which cases. */
export const caseRouteSchema = z.object({
  caseId: z.string().min(1).max(200),
  deskCodes: z.array(deskCodeSchema).max(100),
});

export const pushRequestSchema = z.object({
  protocol,
  events: z.array(wireEventSchema).max(PUSH_MAX_EVENTS),
  /** Cases this desk sends to other desks; the server delivers their whole history there. */
  routes: z.array(caseRouteSchema).max(PUSH_MAX_EVENTS).default([]),
});
export type PushRequest = z.input<typeof pushRequestSchema>;

export interface PushResponse {
  /** Every id of the batch the server now holds (new or already there): delete these. */
  readonly acknowledged: readonly string[];
  readonly serverTime: string;
}

/**
 * A cursor is opaque to the client: `<epoch>.<sequence>`. A cursor from another epoch (the server
 * was restored or reset) is answered with 409 `epochChanged`: the client forgets its cursor and
 * pulls everything again (events are idempotent by id, so nothing doubles).
 */
export const pullRequestSchema = z.object({
  protocol,
  cursor: z.string().max(100).nullable(),
  limit: z.int().min(1).max(PULL_MAX_EVENTS).default(PULL_DEFAULT_EVENTS),
});
export type PullRequest = z.input<typeof pullRequestSchema>;

/** An event as pulled: the stored event and the code of the desk that pushed it. */
export type PulledEvent = CaseEventEntity & { readonly originDeskCode: string };

export interface PullResponse {
  readonly events: readonly PulledEvent[];
  /** Store it with the page, in one transaction; send it on the next pull. */
  readonly cursor: string;
  /** More events wait after this page. */
  readonly more: boolean;
  readonly epoch: string;
}

export const helloRequestSchema = z.object({ protocol });

export interface SyncDesk {
  readonly code: string;
  readonly name: string;
}

export interface HelloResponse {
  readonly kind: 'desk' | 'headOffice';
  readonly organisation: { readonly id: string; readonly name: string };
  /** The desk this token belongs to (absent for a head-office account). */
  readonly desk?: SyncDesk;
  /** The head-office account's name (absent for a desk). */
  readonly account?: string;
  /** Every active desk of the organisation, for the "served by desk" choice on a unit. */
  readonly desks: readonly SyncDesk[];
  readonly serverTime: string;
  readonly epoch: string;
}

export const sessionRequestSchema = z.object({
  protocol,
  login: z.string().min(1).max(200),
  password: z.string().min(1).max(500),
});
export type SessionRequest = z.input<typeof sessionRequestSchema>;

export interface SessionResponse {
  readonly token: string;
  readonly expiresAt: string;
}

export const filesMissingRequestSchema = z.object({
  protocol,
  hashes: z.array(sha256).max(PUSH_MAX_EVENTS),
});
export type FilesMissingRequest = z.input<typeof filesMissingRequestSchema>;

export interface FilesMissingResponse {
  readonly missing: readonly string[];
}

export const SYNC_ERROR_STATUS = {
  /** The body is not what the endpoint takes (the message names the first wrong field). */
  malformed: 400,
  /** No token, an unknown token, a revoked token, a wrong password. */
  unauthorized: 401,
  /** A valid token asking for what it may not (a head office pushing, another organisation). */
  forbidden: 403,
  notFound: 404,
  /** The cursor belongs to an earlier epoch: pull again from the start. */
  epochChanged: 409,
  tooLarge: 413,
  /** An event's clock is more than `MAX_CLOCK_SKEW_MS` ahead of the server's. */
  clockAhead: 422,
  /** The request's protocol version is not `PROTOCOL_VERSION`. */
  protocolVersion: 426,
  /** Too many failed sign-ins or requests: wait. */
  tooManyRequests: 429,
} as const;
export type SyncErrorCode = keyof typeof SYNC_ERROR_STATUS;

export interface SyncErrorBody {
  readonly error: {
    readonly code: SyncErrorCode;
    /** English, for logs; the desk shows its own words for `code`. */
    readonly message: string;
    /** For `clockAhead`: the offending event and the server's time. */
    readonly eventId?: string;
    readonly serverTime?: string;
  };
}
