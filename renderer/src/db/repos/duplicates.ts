/**
 * Possible duplicates at intake (DOMAIN.md section 2): the earlier cases with the same phone,
 * the same address or room, or a similar subject, found by index; shared/intake/duplicates.ts decides
 * which of them are duplicates and ranks them.
 */
import type { CaseId, CustomerId, IsoInstant } from '@shared/kernel/brand';
import type { CaseEntity } from '@shared/model/entities';
import {
  DUPLICATE_WINDOW_DAYS_DEFAULT,
  duplicateCandidates,
  duplicatePhoneKey,
  duplicateTextPieces,
  duplicateWindowStart,
  isDuplicateWindowDays,
  type DuplicateCandidate,
  type DuplicateProbe,
} from '@shared/intake/duplicates';
import { uuidV7Time } from '@shared/kernel/ids';
import { viewerReadsCase } from '@shared/access/mask';
import type { RegisterViewer } from '@shared/register/query';
import { searchPiecesRarestFirst } from '@shared/register/search';
import type { DeskDatabase } from '../database';
import { customersByAddress, customersByPhone } from './customers';
import { settingsGet } from './settings';

/** The desk's duplicate window in days (the default when unset or out of range). */
export async function duplicateWindowDays(db: DeskDatabase): Promise<number> {
  const days = await settingsGet(db, 'duplicateWindowDays');
  return days !== undefined && isDuplicateWindowDays(days) ? days : DUPLICATE_WINDOW_DAYS_DEFAULT;
}

/** Look a text up by at most this many of its rarest pieces: similar texts share rare ones. */
const TEXT_PIECES_LOOKED_UP = 3;
/** Read at most this many cases per lookup: a common piece in a busy window says little. */
const ROWS_PER_LOOKUP = 500;

async function casesOfCustomers(
  db: DeskDatabase,
  ids: readonly CustomerId[],
): Promise<CaseEntity[]> {
  return ids.length === 0
    ? []
    : db.cases
        .where('customer.customerId')
        .anyOf([...ids])
        .limit(ROWS_PER_LOOKUP)
        .toArray();
}

/**
 * Cases received in the window whose subject or text holds the probe's probably rarest pieces:
 * each piece's cases are read newest id first, and the walk stops at the first id made before
 * the window (an id is never older than its receipt: `caseIdTimeFor`), so a common piece costs
 * the window's cases, never the whole desk's, and the newest are the ones read.
 */
async function byText(
  db: DeskDatabase,
  probe: DuplicateProbe,
  windowStart: IsoInstant,
): Promise<CaseEntity[]> {
  const pieces = searchPiecesRarestFirst(duplicateTextPieces(probe)).slice(
    0,
    TEXT_PIECES_LOOKED_UP,
  );
  const startMs = Date.parse(windowStart);
  const beforeWindow = (row: CaseEntity) => (uuidV7Time(row.id) ?? Infinity) < startMs;
  const groups = await Promise.all(
    pieces.map((piece) =>
      db.cases
        .where('searchTerms')
        .equals(piece)
        .reverse()
        .until(beforeWindow)
        .limit(ROWS_PER_LOOKUP)
        .toArray(),
    ),
  );
  return groups.flat();
}

/**
 * The possible duplicates of what the clerk is typing, most likely first, received within the
 * window; without the confidential cases the viewer may not read (their text would show).
 */
export async function duplicatesFind(
  db: DeskDatabase,
  probe: DuplicateProbe,
  options: { readonly windowDays: number; readonly viewer: RegisterViewer; readonly limit: number },
): Promise<DuplicateCandidate<CaseEntity>[]> {
  const phone = probe.phone.trim();
  const address = probe.address.trim();
  const windowStart = duplicateWindowStart(probe.at, options.windowDays);
  return db.transaction('r', [db.cases, db.customers], async () => {
    const [phoneFiles, addressFiles] = await Promise.all([
      duplicatePhoneKey(phone) === '' ? [] : customersByPhone(db, phone),
      customersByAddress(db, address),
    ]);
    const groups = await Promise.all([
      phone === '' ? [] : db.cases.where('customer.phone').equals(phone).toArray(),
      address === '' ? [] : db.cases.where('customer.address').equals(address).toArray(),
      casesOfCustomers(
        db,
        [...phoneFiles, ...addressFiles].map((file) => file.id),
      ),
      byText(db, probe, windowStart),
    ]);
    const seen = new Set<CaseId>();
    const rows = groups.flat().filter((row) => {
      if (seen.has(row.id) || row.receivedAt < windowStart) return false;
      seen.add(row.id);
      // A case the viewer may not read in full is not offered: its customer would show.
      return viewerReadsCase(row, options.viewer);
    });
    return duplicateCandidates(probe, rows, options.windowDays).slice(0, options.limit);
  });
}
