/**
 * Errors the data layer throws. Each carries a code from a closed union; the UI turns codes
 * into sentences in one place (STYLE.md section 7).
 */
import type { Permission } from '@shared/access/permissions';
import type { WorkflowRefusal } from '@shared/workflow/refusals';

/**
 * The workflow refused an event. Thrown inside a transaction so that Dexie aborts it: nothing
 * of the command is written.
 */
export class WorkflowError extends Error {
  override readonly name = 'WorkflowError';
  readonly refusal: WorkflowRefusal;

  constructor(refusal: WorkflowRefusal) {
    super(`Workflow refused ${refusal.eventType}: ${refusal.code}`);
    this.refusal = refusal;
  }
}

export type StorageErrorCode = 'quotaExceeded' | 'notFound' | 'duplicateNumber' | 'unknown';

/** IndexedDB could not do what was asked; `cause` keeps the original error for the log. */
export class StorageError extends Error {
  override readonly name = 'StorageError';
  readonly code: StorageErrorCode;

  constructor(
    code: StorageErrorCode,
    options?: { readonly message?: string; readonly cause?: unknown },
  ) {
    super(options?.message ?? `Storage failed: ${code}`, { cause: options?.cause });
    this.code = code;
  }
}

/**
 * The operator's roles do not hold the permission a write needs (shared/access/permissions.ts).
 * Thrown before or inside the write's transaction: nothing is written.
 */
export class AccessDeniedError extends Error {
  override readonly name = 'AccessDeniedError';
  readonly permission: Permission;

  constructor(permission: Permission) {
    super(`Access denied: ${permission}`);
    this.permission = permission;
  }
}

/** The desk is already set up: setting it up again would replace its identity. */
export class DeskAlreadySetUpError extends Error {
  override readonly name = 'DeskAlreadySetUpError';
  readonly code = 'alreadySetUp';
}

interface NamedError {
  readonly name?: unknown;
  readonly inner?: unknown;
  readonly failures?: unknown;
}

/** Dexie wraps the IndexedDB error that aborted a transaction (`inner`, bulk `failures`). */
function errorNames(error: unknown, depth = 0): string[] {
  if (typeof error !== 'object' || error === null || depth > 4) return [];
  const { name, inner, failures } = error as NamedError;
  const names = typeof name === 'string' ? [name] : [];
  names.push(...errorNames(inner, depth + 1));
  if (Array.isArray(failures)) {
    for (const failure of failures) names.push(...errorNames(failure, depth + 1));
  }
  return names;
}

/** Maps any error out of Dexie to a `StorageError` (our own errors pass through unchanged). */
export function storageErrorFrom(error: unknown): StorageError {
  if (error instanceof StorageError) return error;
  const names = errorNames(error);
  if (names.includes('QuotaExceededError'))
    return new StorageError('quotaExceeded', { cause: error });
  // `cases.number` is the only unique index besides primary keys, which are UUIDv7 generated
  // on the desk: a constraint failure is a number that already exists.
  if (names.includes('ConstraintError'))
    return new StorageError('duplicateNumber', { cause: error });
  return new StorageError('unknown', { cause: error });
}

/** Is this one of the data layer's own errors, which callers handle by code? */
export function isDeskError(
  error: unknown,
): error is WorkflowError | StorageError | DeskAlreadySetUpError | AccessDeniedError {
  return (
    error instanceof AccessDeniedError ||
    error instanceof WorkflowError ||
    error instanceof StorageError ||
    error instanceof DeskAlreadySetUpError
  );
}

/**
 * Runs a write and rethrows whatever Dexie threw as a `StorageError`. Used around whole
 * transactions, never inside one (a catch inside would keep the transaction alive).
 */
export async function withStorageErrors<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    throw isDeskError(error) ? error : storageErrorFrom(error);
  }
}
