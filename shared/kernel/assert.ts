/** Throws when an invariant that must always hold is broken. */
export function strictAssert(condition: unknown, message: string): asserts condition {
  if (!condition) {
    throw new Error(`Assertion failed: ${message}`);
  }
}

/**
 * Ends an exhaustive `switch`: the compiler rejects the call when a case is missing.
 *
 * @example
 * switch (event.type) {
 *   case 'case/received': ...
 *   default: throw missingCaseError(event);
 * }
 */
export function missingCaseError(value: never): Error {
  return new Error(`Unhandled case: ${JSON.stringify(value)}`);
}
