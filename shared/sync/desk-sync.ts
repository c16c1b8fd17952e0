/**
 * The desk side of sync as pure decisions (DESIGN.md "Sync"): what is stored about the server,
 * how a typed address is read, which desks a pushed batch routes cases to, how long to wait after
 * a failure, how a failed response is named, and what the top bar says. The engine
 * (renderer/src/db/sync/engine.ts) performs them; nothing here touches the network or storage.
 */
import { SYNC_ERROR_STATUS, deskCodeSchema, type SyncDesk, type SyncErrorCode } from './protocol';

/** What the desk stores about its server (settings key `sync`). */
export interface SyncSettings {
  /** The server's base address as `syncAddressParse` normalised it: `https://host:port`. */
  readonly address: string;
  /** The desk's token, or the head-office session's token. Never shown whole. */
  readonly token: string;
  /** Whether the background sync runs. */
  readonly enabled: boolean;
  /** A desk pushes and pulls its own; a head office only pulls every desk (read-only). */
  readonly kind: 'desk' | 'headOffice';
  /** The head-office account's login (kind `headOffice`). */
  readonly login?: string;
  /** What the last successful "test connection" said. */
  readonly organisation?: { readonly id: string; readonly name: string };
  readonly desk?: SyncDesk;
  readonly desks: readonly SyncDesk[];
}

/** Where pulling continues: the server's opaque cursor (settings key `syncCursor`). */
export type SyncCursor = string;

export type SyncAddressProblem = 'empty' | 'notAUrl' | 'notHttp' | 'hasCredentials';

/**
 * The server address as typed (`sync.example.cn`, `http://10.0.0.5:8080/`, with or without the
 * scheme): its origin plus path without a trailing slash. A missing scheme means https; http is
 * taken as typed (a server on the office network often has no certificate).
 */
export function syncAddressParse(typed: string):
  | { readonly ok: true; readonly address: string; readonly origin: string }
  | {
      readonly ok: false;
      readonly code: SyncAddressProblem;
    } {
  const text = typed.trim();
  if (text === '') return { ok: false, code: 'empty' };
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return { ok: false, code: 'notAUrl' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, code: 'notHttp' };
  if (url.username || url.password) return { ok: false, code: 'hasCredentials' };
  if (url.hostname === '' || /\s/.test(text)) return { ok: false, code: 'notAUrl' };
  const path = url.pathname.replace(/\/+$/, '');
  return { ok: true, address: `${url.origin}${path}`, origin: url.origin };
}

/** The origin of a stored address (for the connect-src allow-list), undefined when unreadable. */
export function syncOriginOf(address: string): string | undefined {
  const parsed = syncAddressParse(address);
  return parsed.ok ? parsed.origin : undefined;
}

/** A token as the settings page shows it: only its last four characters. */
export function syncTokenMask(token: string): string {
  if (token.length <= 4) return '•'.repeat(token.length);
  return `${'•'.repeat(8)}${token.slice(-4)}`;
}

/**
 * The routes of a push batch: each `case/dispatched` to a unit that another desk serves
 * (`UnitEntity.deskCode`) sends the case to that desk. One route per case, codes in order.
 */
export function syncRoutesFor(
  events: readonly { readonly caseId: string; readonly type: string; readonly payload: unknown }[],
  units: readonly { readonly id: string; readonly deskCode?: string }[],
  ownDeskCode: string | undefined,
): { caseId: string; deskCodes: string[] }[] {
  const servedBy = new Map(units.map((u) => [u.id, u.deskCode]));
  const routes = new Map<string, string[]>();
  for (const event of events) {
    if (event.type !== 'case/dispatched') continue;
    const unitId = (event.payload as { readonly unitId?: string }).unitId;
    const code = unitId === undefined ? undefined : servedBy.get(unitId);
    if (code === undefined || code === ownDeskCode || !deskCodeSchema.safeParse(code).success) {
      continue;
    }
    const codes = routes.get(event.caseId) ?? [];
    if (!codes.includes(code)) codes.push(code);
    routes.set(event.caseId, codes);
  }
  return [...routes].map(([caseId, deskCodes]) => ({ caseId, deskCodes }));
}

/** The first wait after a failure, and the longest. */
export const SYNC_BACKOFF_BASE_MS = 2_000;
export const SYNC_BACKOFF_MAX_MS = 5 * 60_000;

/**
 * How long to wait before the next try after `failures` failures in a row: exponential from
 * `SYNC_BACKOFF_BASE_MS`, capped, with jitter (half fixed, half random) so that many desks coming
 * back online together do not all knock at once. `random` is in [0, 1).
 */
export function syncBackoffMs(failures: number, random: number): number {
  const exp = Math.min(SYNC_BACKOFF_MAX_MS, SYNC_BACKOFF_BASE_MS * 2 ** Math.max(0, failures - 1));
  return Math.round(exp / 2 + (exp / 2) * Math.min(Math.max(random, 0), 1));
}

/** Why a request failed: a code of the protocol, no network, or an answer the desk cannot read. */
export type SyncFailureCode = SyncErrorCode | 'network' | 'badResponse' | 'server';

export interface SyncFailure {
  readonly code: SyncFailureCode;
  /** English detail for the log (the server's message, the HTTP status). */
  readonly detail: string;
  /** For `clockAhead`: the server's time. */
  readonly serverTime?: string;
}

const CODE_BY_STATUS = new Map<number, SyncErrorCode>(
  Object.entries(SYNC_ERROR_STATUS).map(([code, status]) => [status, code as SyncErrorCode]),
);

/** The failure an HTTP error response stands for, from its body when it names a code. */
export function syncFailureOf(status: number, body: unknown): SyncFailure {
  const error = (body as { error?: { code?: unknown; message?: unknown; serverTime?: unknown } })
    ?.error;
  const named =
    typeof error?.code === 'string' && error.code in SYNC_ERROR_STATUS
      ? (error.code as SyncErrorCode)
      : CODE_BY_STATUS.get(status);
  const detail = `HTTP ${status}${typeof error?.message === 'string' ? `: ${error.message}` : ''}`;
  return {
    code: named ?? (status >= 500 ? 'server' : 'badResponse'),
    detail,
    ...(typeof error?.serverTime === 'string' ? { serverTime: error.serverTime } : {}),
  };
}

/** Failures that trying again will not cure: sync stops until someone changes the settings. */
export function syncFailureStops(code: SyncFailureCode): boolean {
  return (
    code === 'unauthorized' ||
    code === 'forbidden' ||
    code === 'clockAhead' ||
    code === 'protocolVersion' ||
    code === 'malformed'
  );
}

/** What the top bar shows. */
export type SyncStatus =
  | { readonly state: 'off' }
  | { readonly state: 'synced'; readonly at?: string }
  | { readonly state: 'waiting'; readonly pending: number }
  | { readonly state: 'offline'; readonly pending: number }
  | { readonly state: 'error'; readonly pending: number; readonly failure: SyncFailure };

/** The status from the engine's last outcome and what still waits in the outbox. */
export function syncStatusOf(input: {
  readonly enabled: boolean;
  readonly pending: number;
  readonly failure?: SyncFailure;
  readonly lastSyncedAt?: string;
}): SyncStatus {
  const { enabled, pending, failure } = input;
  if (!enabled) return { state: 'off' };
  if (failure?.code === 'network') return { state: 'offline', pending };
  if (failure) return { state: 'error', pending, failure };
  if (pending > 0) return { state: 'waiting', pending };
  return input.lastSyncedAt ? { state: 'synced', at: input.lastSyncedAt } : { state: 'synced' };
}
