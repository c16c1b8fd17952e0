/**
 * Nominal types: a string or number that the compiler keeps apart from others of the same
 * representation, so a case id cannot be passed where a staff id is wanted and fen cannot be
 * added to yuan by accident.
 */
declare const brand: unique symbol;
export type Brand<T, Name extends string> = T & { readonly [brand]: Name };

export type CaseId = Brand<string, 'CaseId'>;
export type EventId = Brand<string, 'EventId'>;
export type CustomerId = Brand<string, 'CustomerId'>;
export type UnitId = Brand<string, 'UnitId'>;
export type StaffId = Brand<string, 'StaffId'>;
export type DeskId = Brand<string, 'DeskId'>;
export type AuditId = Brand<string, 'AuditId'>;

/** An ISO-8601 UTC instant, e.g. `2026-10-09T01:30:00.000Z`. */
export type IsoInstant = Brand<string, 'IsoInstant'>;
/** A local calendar date in the desk's time zone, `YYYY-MM-DD`. */
export type IsoDate = Brand<string, 'IsoDate'>;
/** An amount of money in integer fen (1 yuan = 100 fen). */
export type Fen = Brand<number, 'Fen'>;
/** A hybrid logical clock stamp, sortable as a string (see hlc.ts). */
export type HlcStamp = Brand<string, 'HlcStamp'>;

export function isoInstant(date: Date): IsoInstant {
  return date.toISOString() as IsoInstant;
}

export function fenFromYuan(yuan: number): Fen {
  return Math.round(yuan * 100) as Fen;
}

export function yuanFromFen(fen: Fen): number {
  return fen / 100;
}
