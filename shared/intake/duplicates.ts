/**
 * Possible duplicates at intake (DOMAIN.md section 2): while the clerk types, earlier cases
 * with the same phone, the same address or room, or a similar text, received within a window
 * (default 30 days), are shown so that a second report of one matter can be linked to it.
 * Pure: the repository finds the candidates by index, this module decides and ranks.
 */
import type { IsoInstant } from '../kernel/brand';
import type { CaseEntity } from '../model/entities';
import { searchNormalize } from '../register/search';

/** How far back intake looks for duplicates, unless the desk's setting says otherwise. */
export const DUPLICATE_WINDOW_DAYS_DEFAULT = 30;

/** The longest window a desk may set (a year): beyond that "duplicate" means little. */
export const DUPLICATE_WINDOW_DAYS_MAX = 366;

/** Texts at least this similar (Dice coefficient of their pieces, 0..1) count as similar. */
export const DUPLICATE_SIMILARITY_MIN = 0.3;

export type DuplicateReason = 'samePhone' | 'sameAddress' | 'similarText';

/** What the clerk has typed so far. */
export interface DuplicateProbe {
  readonly phone: string;
  readonly address: string;
  readonly subject: string;
  readonly content: string;
  /** When the new case is received: the window reaches back from here. */
  readonly at: IsoInstant;
}

export type DuplicateCase = Pick<
  CaseEntity,
  'id' | 'receivedAt' | 'subject' | 'content' | 'customer'
>;

export interface DuplicateCandidate<C extends DuplicateCase = DuplicateCase> {
  readonly case: C;
  readonly reasons: readonly DuplicateReason[];
  /** Text similarity, 0..1. */
  readonly similarity: number;
  /** For ranking: same phone weighs most, then the address, then the text. */
  readonly score: number;
}

const DAY_MS = 86_400_000;

/** A phone as compared: digits only (spaces, dashes, brackets and `+` dropped). */
export function duplicatePhoneKey(phone: string): string {
  return searchNormalize(phone).replace(/\D/g, '');
}

/** An address as compared: normalised (full-width to ASCII, lower case), without spaces. */
export function duplicateAddressKey(address: string): string {
  return searchNormalize(address).replace(/\s/gu, '');
}

/** Phones shorter than this (an extension, a typo) match too much to mean anything. */
const PHONE_KEY_MIN = 5;

const HAN = /\p{Script=Han}/u;
const WORD = /[\p{L}\p{N}]/u;

/**
 * The pieces texts are compared by: overlapping two-character pieces of Han runs (a run of one
 * is kept whole) and whole Latin or digit words, the same pieces the search index uses.
 */
export function duplicatePieces(text: string): Set<string> {
  const pieces = new Set<string>();
  let run: string[] = [];
  let word = '';
  const flushRun = () => {
    if (run.length === 1) pieces.add(run[0] ?? '');
    for (let i = 0; i + 1 < run.length; i++) pieces.add(`${run[i]}${run[i + 1]}`);
    run = [];
  };
  const flushWord = () => {
    if (word) pieces.add(word);
    word = '';
  };
  for (const char of searchNormalize(text)) {
    if (HAN.test(char)) {
      flushWord();
      run.push(char);
    } else if (WORD.test(char)) {
      flushRun();
      word += char;
    } else {
      flushRun();
      flushWord();
    }
  }
  flushRun();
  flushWord();
  return pieces;
}

/** The Dice coefficient of two texts' pieces: 1 for the same pieces, 0 for none shared. */
export function duplicateSimilarity(a: string, b: string): number {
  const x = duplicatePieces(a);
  const y = duplicatePieces(b);
  if (x.size === 0 || y.size === 0) return 0;
  let shared = 0;
  for (const piece of x) if (y.has(piece)) shared++;
  return (2 * shared) / (x.size + y.size);
}

/** The earliest received time the window takes in. */
export function duplicateWindowStart(at: IsoInstant, windowDays: number): IsoInstant {
  return new Date(Date.parse(at) - windowDays * DAY_MS).toISOString() as IsoInstant;
}

/** Whether a window length is one a desk may set: whole days from 1 to a year. */
export function isDuplicateWindowDays(days: number): boolean {
  return Number.isInteger(days) && days >= 1 && days <= DUPLICATE_WINDOW_DAYS_MAX;
}

/** Why a case may be a duplicate of what is being typed, or undefined when it is not one. */
export function duplicateCheck<C extends DuplicateCase>(
  probe: DuplicateProbe,
  candidate: C,
  windowDays: number,
): DuplicateCandidate<C> | undefined {
  if (candidate.receivedAt < duplicateWindowStart(probe.at, windowDays)) return undefined;
  const reasons: DuplicateReason[] = [];
  const phone = duplicatePhoneKey(probe.phone);
  if (phone.length >= PHONE_KEY_MIN && phone === duplicatePhoneKey(candidate.customer.phone)) {
    reasons.push('samePhone');
  }
  const address = duplicateAddressKey(probe.address);
  if (address !== '' && address === duplicateAddressKey(candidate.customer.address)) {
    reasons.push('sameAddress');
  }
  // The subject against the subject, and (when content was typed) the whole text against the
  // whole text: a short subject is compared with what the other case said, not its details.
  const subjects = duplicateSimilarity(probe.subject, candidate.subject);
  const texts =
    probe.content.trim() === ''
      ? 0
      : duplicateSimilarity(
          `${probe.subject}\n${probe.content}`,
          `${candidate.subject}\n${candidate.content}`,
        );
  const similarity = Math.max(subjects, texts);
  if (similarity >= DUPLICATE_SIMILARITY_MIN) reasons.push('similarText');
  if (reasons.length === 0) return undefined;
  const score =
    (reasons.includes('samePhone') ? 3 : 0) +
    (reasons.includes('sameAddress') ? 2 : 0) +
    2 * similarity;
  return { case: candidate, reasons, similarity, score };
}

/**
 * The possible duplicates among `cases`, most likely first (then the newest). Each case is
 * listed once, with every reason that applies.
 */
export function duplicateCandidates<C extends DuplicateCase>(
  probe: DuplicateProbe,
  cases: Iterable<C>,
  windowDays: number = DUPLICATE_WINDOW_DAYS_DEFAULT,
): DuplicateCandidate<C>[] {
  const seen = new Set<string>();
  const found: DuplicateCandidate<C>[] = [];
  for (const candidate of cases) {
    if (seen.has(candidate.id)) continue;
    seen.add(candidate.id);
    const checked = duplicateCheck(probe, candidate, windowDays);
    if (checked) found.push(checked);
  }
  return found.sort(
    (a, b) =>
      b.score - a.score ||
      (a.case.receivedAt === b.case.receivedAt
        ? 0
        : a.case.receivedAt > b.case.receivedAt
          ? -1
          : 1),
  );
}

/** The search pieces worth looking a probe's text up by (for the repository's index lookup). */
export function duplicateTextPieces(probe: Pick<DuplicateProbe, 'subject'>): string[] {
  return [...duplicatePieces(probe.subject)].filter((piece) => piece.length >= 2);
}
