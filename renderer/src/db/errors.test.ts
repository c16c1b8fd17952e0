import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { StorageError, WorkflowError, storageErrorFrom, withStorageErrors } from './errors';

describe('storageErrorFrom', () => {
  const quota = new DOMException('full', 'QuotaExceededError');
  it.each([
    ['a quota error', quota, 'quotaExceeded'],
    [
      'a transaction aborted by a quota error',
      new Dexie.AbortError('aborted', quota),
      'quotaExceeded',
    ],
    ['a unique index violation', new Dexie.ConstraintError('number taken'), 'duplicateNumber'],
    [
      'a bulk write with a unique index violation',
      new Dexie.BulkError('bulk', [new DOMException('dup', 'ConstraintError')]),
      'duplicateNumber',
    ],
    [
      'another window upgraded the database',
      new Dexie.VersionError('too old'),
      'upgradedElsewhere',
    ],
    [
      'an open that failed on an older version',
      new Dexie.OpenFailedError('open', new DOMException('v', 'VersionError')),
      'upgradedElsewhere',
    ],
    ['no IndexedDB at all', new Dexie.MissingAPIError('no idb'), 'unavailable'],
    ['an open that failed', new Dexie.OpenFailedError('open'), 'unavailable'],
    ['an aborted transaction', new Dexie.AbortError('aborted'), 'transactionFailed'],
    ['a closed database', new Dexie.DatabaseClosedError('closed'), 'upgradedElsewhere'],
    ['anything else', new Error('boom'), 'unknown'],
    ['a thrown string', 'boom', 'unknown'],
  ] as const)('maps %s', (_, error, code) => {
    const mapped = storageErrorFrom(error);
    expect(mapped).toBeInstanceOf(StorageError);
    expect(mapped.code).toBe(code);
    expect(mapped.cause).toBe(error);
  });

  it('keeps a StorageError as it is', () => {
    const error = new StorageError('notFound');
    expect(storageErrorFrom(error)).toBe(error);
  });
});

describe('withStorageErrors', () => {
  it('passes workflow refusals through unchanged', async () => {
    const refusal = new WorkflowError({
      code: 'closed',
      eventType: 'case/urged',
      status: 'closed',
    });
    await expect(withStorageErrors(() => Promise.reject(refusal))).rejects.toBe(refusal);
  });

  it('turns other failures into storage errors', async () => {
    await expect(withStorageErrors(() => Promise.reject(new Error('x')))).rejects.toMatchObject({
      code: 'unknown',
    });
  });
});
