/**
 * Record ids (DESIGN.md "Data model"): UUIDv7 strings generated on the desk, time-ordered and
 * unique across desks. The time is a parameter so the core stays pure; the randomness comes from
 * the caller or, when absent, from `crypto.getRandomValues` (through the `uuid` package).
 */
import { v7 } from 'uuid';
import { strictAssert } from './assert';

/** The largest time a UUIDv7 can hold: 48 bits of milliseconds. */
const MAX_UUID_V7_MSECS = 2 ** 48 - 1;

const UUID_V7_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/**
 * A new UUIDv7 for the given time, branded as the id type asked for.
 *
 * Ids made in different milliseconds sort by time as strings; two made in the same millisecond
 * are in random order (the HLC, not the id, orders events).
 *
 * @param msecs Unix time in milliseconds (0 to 2^48 - 1; a fraction is dropped).
 * @param random 16 random bytes, for deterministic ids in tests; drawn from the platform when absent.
 *
 * @example
 * const id = newId<CaseId>(now.getTime());
 */
export function newId<T extends string>(msecs: number, random?: Uint8Array): T {
  const ms = Math.floor(msecs);
  strictAssert(ms >= 0 && ms <= MAX_UUID_V7_MSECS, `newId: time out of range: ${msecs}`);
  strictAssert(random === undefined || random.length >= 16, 'newId: random needs 16 bytes');
  return (random ? v7({ msecs: ms, random }) : v7({ msecs: ms })) as T;
}

/** Whether a string is a lower-case UUIDv7 (version 7, RFC 9562 variant), as `newId` makes. */
export function isUuidV7(s: string): boolean {
  return UUID_V7_PATTERN.test(s);
}

/** The Unix time in milliseconds held by a UUIDv7, or undefined when `s` is not one. */
export function uuidV7Time(s: string): number | undefined {
  if (!isUuidV7(s)) {
    return undefined;
  }
  return Number.parseInt(s.slice(0, 8) + s.slice(9, 13), 16);
}
