/**
 * Full-text search over cases (DESIGN.md "Chinese search") without reading every candidate.
 *
 * Each case stores the pieces of its text in the multi-entry `searchTerms` index. Reading a
 * case costs about ten times as much as reading an index key, and a common piece (电梯) is held
 * by thousands of cases, so:
 * - a query of several pieces first takes the ids of its probably rarest pieces from the index
 *   (keys only) and intersects them; a small intersection is read whole;
 * - otherwise the cases holding one piece are read newest id first and the walk stops as soon as
 *   no case still to come can be among the newest received matches (`registerSearchWalkDone`);
 * - every case read is still checked against the whole query (`searchMatches`) and the caller's
 *   other conditions.
 */
import type { CaseId } from '@shared/kernel/brand';
import type { CaseEntity } from '@shared/model/entities';
import { registerSearchWalkDone } from '@shared/register/query';
import {
  searchMatches,
  searchPiecesRarestFirst,
  searchQueryTerms,
  searchTextsOf,
} from '@shared/register/search';
import type { DeskDatabase } from '../database';

/** How much is read at once; tests make them small to take every path with few cases. */
export interface SearchLimits {
  /** Keys taken per piece when intersecting: a piece held by more cases is checked on the rows. */
  readonly pieceKeysAtMost: number;
  /** Candidates this few are read whole instead of walked. */
  readonly readWholeAtMost: number;
  /** Cases read at once when walking a list of ids. */
  readonly walkChunk: number;
}

// A key costs ~15 µs and a case ~150 µs to read on a 100,000-case desk in Chromium (npm run bench).
const SEARCH_LIMITS: SearchLimits = { pieceKeysAtMost: 3000, readWholeAtMost: 300, walkChunk: 64 };

/** Whether a case belongs to the answer beyond the text (filters, the page's cursor). */
export type SearchAccept = (row: CaseEntity) => boolean;

interface SearchQuery {
  readonly text: string;
  /** Rarest first. */
  readonly pieces: readonly string[];
  readonly matches: (row: CaseEntity) => boolean;
}

function searchQuery(text: string, accept: SearchAccept): SearchQuery | undefined {
  const pieces = searchPiecesRarestFirst([...new Set(searchQueryTerms(text))]);
  if (pieces.length === 0) return undefined;
  return {
    text,
    pieces,
    matches: (row) => {
      const terms = new Set(row.searchTerms);
      return (
        pieces.every((piece) => terms.has(piece)) &&
        searchMatches(searchTextsOf(row), text) &&
        accept(row)
      );
    },
  };
}

/** Newest received first, then the larger id: the register's default order. */
function newestReceivedFirst(a: CaseEntity, b: CaseEntity): number {
  if (a.receivedAt !== b.receivedAt) return a.receivedAt > b.receivedAt ? -1 : 1;
  return a.id === b.id ? 0 : a.id > b.id ? -1 : 1;
}

/** Keeps the `wanted` newest received of the rows added. */
class NewestHeld {
  readonly rows: CaseEntity[] = [];
  constructor(private readonly wanted: number) {}

  add(row: CaseEntity): void {
    let at = this.rows.length;
    while (at > 0 && newestReceivedFirst(row, this.rows[at - 1] as CaseEntity) < 0) at--;
    if (at >= this.wanted) return;
    this.rows.splice(at, 0, row);
    if (this.rows.length > this.wanted) this.rows.pop();
  }

  /** Whether no case from `nextId` on (walking newest id first) can still be held. */
  done(nextId: string): boolean {
    return registerSearchWalkDone(this.rows, this.wanted, nextId);
  }
}

/**
 * The ids of the cases that hold the query's pieces, as far as the pieces that are not common
 * tell (intersection of their whole key lists), stopping once it is small; undefined when every
 * piece is common.
 */
async function idsOfRarePieces(
  db: DeskDatabase,
  pieces: readonly string[],
  keysAtMost: number,
  readWholeAtMost: number,
): Promise<Set<CaseId> | undefined> {
  let ids: Set<CaseId> | undefined;
  for (const piece of pieces) {
    const holders = db.cases.where('searchTerms').equals(piece);
    // Without a limit Dexie reads the keys in one request (getAllKeys) rather than a cursor.
    const keys = await (
      Number.isFinite(keysAtMost) ? holders.limit(keysAtMost + 1) : holders
    ).primaryKeys();
    if (keys.length > keysAtMost) continue;
    const known = ids;
    ids = new Set(known ? keys.filter((id) => known.has(id)) : keys);
    if (ids.size <= readWholeAtMost) break;
  }
  return ids;
}

async function rowsOf(db: DeskDatabase, ids: readonly CaseId[]): Promise<CaseEntity[]> {
  const rows = await db.cases.bulkGet([...ids]);
  return rows.filter((row): row is CaseEntity => row !== undefined);
}

/**
 * The `wanted` newest received cases whose text holds `text` and that `accept` takes, newest
 * received first. Empty when the query has no letters, digits or Han characters.
 */
export async function searchNewest(
  db: DeskDatabase,
  text: string,
  accept: SearchAccept,
  wanted: number,
  limits: SearchLimits = SEARCH_LIMITS,
): Promise<CaseEntity[]> {
  const query = searchQuery(text, accept);
  if (!query || wanted <= 0) return [];
  return db.transaction('r', db.cases, async () => {
    const held = new NewestHeld(wanted);
    const ids =
      query.pieces.length > 1
        ? await idsOfRarePieces(db, query.pieces, limits.pieceKeysAtMost, limits.readWholeAtMost)
        : undefined;
    if (ids) {
      // Newest id first: UUIDv7 strings sort by time.
      const order = [...ids].sort((a, b) => (a < b ? 1 : a > b ? -1 : 0));
      const chunk = ids.size <= limits.readWholeAtMost ? order.length : limits.walkChunk;
      for (let start = 0; start < order.length; start += chunk) {
        for (const row of await rowsOf(db, order.slice(start, start + chunk))) {
          if (held.done(row.id)) return held.rows;
          if (query.matches(row)) held.add(row);
        }
      }
      return held.rows;
    }
    await db.cases
      .where('searchTerms')
      .equals(query.pieces[0] ?? '')
      .reverse()
      .until((row) => held.done(row.id))
      .each((row) => {
        if (query.matches(row)) held.add(row);
      });
    return held.rows;
  });
}

/** The cases a search can find, from its pieces' keys alone, and the whole check of a row. */
export interface SearchCandidates {
  /**
   * The ids of the cases holding the query's pieces, as far as the pieces read tell (a superset
   * of the answer: the pieces were intersected until the set was small).
   */
  readonly ids: ReadonlySet<CaseId>;
  /** The whole query and `accept`, checked on a case read. */
  readonly matches: (row: CaseEntity) => boolean;
}

/**
 * The candidates of a search (keys only, no case read), for an answer in an order the search
 * cannot walk itself: the caller walks the order's index and reads only the candidates it meets.
 * Undefined when the query has no letters, digits or Han characters.
 */
export async function searchCandidates(
  db: DeskDatabase,
  text: string,
  accept: SearchAccept,
  limits: SearchLimits = SEARCH_LIMITS,
): Promise<SearchCandidates | undefined> {
  const query = searchQuery(text, accept);
  if (!query) return undefined;
  const ids = await idsOfRarePieces(
    db,
    query.pieces,
    Number.POSITIVE_INFINITY,
    limits.readWholeAtMost,
  );
  return { ids: ids ?? new Set(), matches: query.matches };
}

/**
 * Every case whose text holds `text` and that `accept` takes, in no particular order (for counts
 * and for sorts other than newest received, which need the whole set).
 */
export async function searchAll(
  db: DeskDatabase,
  text: string,
  accept: SearchAccept,
  limits: SearchLimits = SEARCH_LIMITS,
): Promise<CaseEntity[]> {
  const query = searchQuery(text, accept);
  if (!query) return [];
  return db.transaction('r', db.cases, async () => {
    const ids = await idsOfRarePieces(
      db,
      query.pieces,
      Number.POSITIVE_INFINITY,
      limits.readWholeAtMost,
    );
    return (await rowsOf(db, [...(ids ?? [])])).filter(query.matches);
  });
}
