/**
 * Hybrid logical clock (DESIGN.md "Sync"): a stamp that follows the wall clock but never goes
 * back, and that moves past every stamp a desk has seen, so the order of stamps respects cause
 * and effect across desks. Header fields merge last-writer-wins by it.
 *
 * A stamp is `${wallMs}-${counter}-${nodeId}` with the wall time zero-padded to 15 digits and
 * the counter to 5, so plain string order is the clock's order (ties broken by node id).
 *
 * @example
 * let clock = hlcNext(undefined, now, deskId);   // a local event
 * clock = hlcReceive(clock, remote.hlc, now, deskId); // after seeing another desk's event
 */
import { strictAssert } from './assert';
import type { HlcStamp } from './brand';

export interface HlcParts {
  /** Logical wall time in Unix milliseconds (at or a little ahead of the real clock). */
  readonly wallMs: number;
  /** Orders stamps within one millisecond. */
  readonly counter: number;
  /** The desk (or other replica) that made the stamp. */
  readonly nodeId: string;
}

const WALL_DIGITS = 15;
const COUNTER_DIGITS = 5;
const MAX_WALL_MS = 10 ** WALL_DIGITS - 1;
const MAX_COUNTER = 10 ** COUNTER_DIGITS - 1;
const STAMP_PATTERN = /^(\d{15})-(\d{5})-(\S+)$/;

/** Builds a stamp from its parts. Throws when a part cannot be written in the fixed format. */
export function hlcFormat(parts: HlcParts): HlcStamp {
  const { wallMs, counter, nodeId } = parts;
  strictAssert(
    Number.isInteger(wallMs) && wallMs >= 0 && wallMs <= MAX_WALL_MS,
    `hlc: wall time out of range: ${wallMs}`,
  );
  strictAssert(
    Number.isInteger(counter) && counter >= 0 && counter <= MAX_COUNTER,
    `hlc: counter out of range: ${counter}`,
  );
  strictAssert(/^\S+$/.test(nodeId), `hlc: node id must be non-empty without spaces: "${nodeId}"`);
  return `${String(wallMs).padStart(WALL_DIGITS, '0')}-${String(counter).padStart(COUNTER_DIGITS, '0')}-${nodeId}` as HlcStamp;
}

/** The parts of a stamp, or undefined when `s` is not a well-formed stamp. */
export function hlcParse(s: string): HlcParts | undefined {
  const match = STAMP_PATTERN.exec(s);
  if (!match) {
    return undefined;
  }
  const [, wall, counter, nodeId] = match;
  if (wall === undefined || counter === undefined || nodeId === undefined) {
    return undefined;
  }
  return { wallMs: Number(wall), counter: Number(counter), nodeId };
}

/** Whether `s` is a well-formed stamp (for checking stamps that arrive from outside). */
export function isHlcStamp(s: string): s is HlcStamp {
  return STAMP_PATTERN.test(s);
}

function partsOf(stamp: HlcStamp): HlcParts {
  const parts = hlcParse(stamp);
  strictAssert(parts, `hlc: malformed stamp "${stamp}"`);
  return parts;
}

/**
 * The stamp after `wallMs` and `counter`: counters that would overflow roll into the next
 * millisecond (the logical time runs a little ahead of the wall clock rather than failing).
 */
function stampAt(wallMs: number, counter: number, nodeId: string): HlcStamp {
  return counter > MAX_COUNTER
    ? hlcFormat({ wallMs: wallMs + 1, counter: 0, nodeId })
    : hlcFormat({ wallMs, counter, nodeId });
}

/**
 * The stamp for a new local event: later than `last` even if the wall clock went back.
 *
 * @param last The desk's latest stamp (issued or received), if any.
 * @param wallMs The desk's wall clock, Unix milliseconds.
 */
export function hlcNext(last: HlcStamp | undefined, wallMs: number, nodeId: string): HlcStamp {
  const wall = Math.floor(wallMs);
  if (last === undefined) {
    return hlcFormat({ wallMs: wall, counter: 0, nodeId });
  }
  const prev = partsOf(last);
  return wall > prev.wallMs
    ? hlcFormat({ wallMs: wall, counter: 0, nodeId })
    : stampAt(prev.wallMs, prev.counter + 1, nodeId);
}

/**
 * The desk's stamp after it receives `remote`: later than both `local` and `remote`. Check the
 * remote stamp with `hlcIsFarAhead` first, or a desk with a wrong clock drags every desk along.
 */
export function hlcReceive(
  local: HlcStamp | undefined,
  remote: HlcStamp,
  wallMs: number,
  nodeId: string,
): HlcStamp {
  const wall = Math.floor(wallMs);
  const r = partsOf(remote);
  const l = local === undefined ? undefined : partsOf(local);
  const lWall = l?.wallMs ?? -1;
  const maxWall = Math.max(wall, lWall, r.wallMs);
  if (maxWall === lWall && maxWall === r.wallMs) {
    return stampAt(maxWall, Math.max(l?.counter ?? 0, r.counter) + 1, nodeId);
  }
  if (maxWall === lWall) {
    return stampAt(maxWall, (l?.counter ?? 0) + 1, nodeId);
  }
  if (maxWall === r.wallMs) {
    return stampAt(maxWall, r.counter + 1, nodeId);
  }
  return hlcFormat({ wallMs: maxWall, counter: 0, nodeId });
}

/** Orders stamps: negative when `a` is earlier, positive when later, 0 when equal. */
export function hlcCompare(a: HlcStamp, b: HlcStamp): number {
  if (a === b) {
    return 0;
  }
  return a < b ? -1 : 1;
}

/** The later of two stamps. */
export function hlcMax(a: HlcStamp, b: HlcStamp): HlcStamp {
  return hlcCompare(a, b) >= 0 ? a : b;
}

/**
 * Whether a remote stamp is more than `maxSkewMs` ahead of the local wall clock. Such a stamp
 * is refused (with a message about the sender's clock) rather than allowed to win every later
 * edit. A malformed stamp counts as far ahead: it must be refused too.
 */
export function hlcIsFarAhead(remote: HlcStamp, wallMs: number, maxSkewMs: number): boolean {
  const parts = hlcParse(remote);
  return parts === undefined || parts.wallMs - wallMs > maxSkewMs;
}
