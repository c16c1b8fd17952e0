/**
 * A change the rules refuse (a duplicate name, the last administrator ...), found again inside
 * the write's transaction so that two windows cannot both pass the form's check. Thrown inside
 * the transaction, so Dexie aborts it and nothing is written; the form shows `problems` next to
 * the fields they belong to.
 */
import { isDeskError, storageErrorFrom } from '../errors';

export class ChangeRefusedError<P> extends Error {
  override readonly name = 'ChangeRefusedError';
  readonly problems: readonly P[];

  constructor(problems: readonly P[]) {
    super(`Change refused: ${JSON.stringify(problems).slice(0, 200)}`);
    this.problems = problems;
  }
}

/** Runs a write; refusals and the data layer's own errors pass, anything else becomes a StorageError. */
export async function withRefusals<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    throw error instanceof ChangeRefusedError || isDeskError(error)
      ? error
      : storageErrorFrom(error);
  }
}
