/**
 * A refused request: its `SyncErrorCode` (which fixes the HTTP status) and an English message
 * for the desk's log. The app turns it into a `SyncErrorBody`.
 */
import { SYNC_ERROR_STATUS, type SyncErrorBody, type SyncErrorCode } from '@shared/sync/protocol';

export class SyncError extends Error {
  constructor(
    readonly code: SyncErrorCode,
    message: string,
    readonly extra: { readonly eventId?: string; readonly serverTime?: string } = {},
  ) {
    super(message);
    this.name = 'SyncError';
  }

  get status(): number {
    return SYNC_ERROR_STATUS[this.code];
  }

  body(): SyncErrorBody {
    return { error: { code: this.code, message: this.message, ...this.extra } };
  }
}

/** Whether `error` is a SyncError (also across bundles, where `instanceof` may not hold). */
export function isSyncError(error: unknown): error is SyncError {
  return error instanceof SyncError;
}
