/**
 * Chinese search (DESIGN.md "Data model"): no tokenizer splits Chinese on spaces, so each case
 * stores the pieces of its text in a multi-entry index:
 * - every two overlapping Han characters (漏水, 水管 ...) and every single Han character, so a
 *   query of any length finds its candidates;
 * - every whole Latin or digit word (a phone number, the parts of a room number such as `3-1502`),
 *   and for digit words of 4 or more every suffix of 4 or more, so the last digits of a phone
 *   number find it.
 *
 * A query takes the cases that hold all of its pieces (`searchQueryTerms`), then keeps those
 * whose text really contains it (`searchMatches`).
 *
 * Known limit: a part of a Latin or digit word that is neither the whole word nor (for digits) a
 * suffix finds nothing in the index (`150` does not find `1502`). `searchMatches` alone (a scan)
 * does find it.
 */
import type { CaseEntity } from '../model/entities';

type RunKind = 'han' | 'word';

interface TextRun {
  readonly kind: RunKind;
  /** The characters of the run (code points, so rare Han characters stay whole). */
  readonly chars: readonly string[];
}

const HAN = /\p{Script=Han}/u;
const WORD = /[\p{L}\p{N}]/u;
const DIGITS = /^\p{Nd}+$/u;
const MIN_DIGIT_SUFFIX = 4;

/**
 * Text as it is indexed and compared: NFKC (full-width letters and digits become ASCII, and so on),
 * then lower case.
 */
export function searchNormalize(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

function kindOf(char: string): RunKind | undefined {
  if (HAN.test(char)) {
    return 'han';
  }
  return WORD.test(char) ? 'word' : undefined;
}

/** Splits normalised text into runs of Han characters and runs of other letters and digits. */
function runsOf(normalized: string): TextRun[] {
  const runs: TextRun[] = [];
  let kind: RunKind | undefined;
  let chars: string[] = [];
  const flush = () => {
    if (kind !== undefined && chars.length > 0) {
      runs.push({ kind, chars });
    }
    chars = [];
  };
  for (const char of normalized) {
    const next = kindOf(char);
    if (next !== kind) {
      flush();
      kind = next;
    }
    if (next !== undefined) {
      chars.push(char);
    }
  }
  flush();
  return runs;
}

function bigramsOf(chars: readonly string[]): string[] {
  const pieces: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) {
    pieces.push(`${chars[i]}${chars[i + 1]}`);
  }
  return pieces;
}

/**
 * The de-duplicated index pieces of a case's searchable texts (number, customer, subject,
 * content, demand ...).
 *
 * @example
 * searchTermsOf(['3-1502', '漏水']); // ['3', '1502', '漏水', '漏', '水']
 */
export function searchTermsOf(texts: readonly string[]): string[] {
  const terms = new Set<string>();
  for (const text of texts) {
    for (const run of runsOf(searchNormalize(text))) {
      if (run.kind === 'han') {
        for (const bigram of bigramsOf(run.chars)) {
          terms.add(bigram);
        }
        for (const char of run.chars) {
          terms.add(char);
        }
      } else {
        const word = run.chars.join('');
        terms.add(word);
        if (DIGITS.test(word)) {
          for (let start = 1; run.chars.length - start >= MIN_DIGIT_SUFFIX; start++) {
            terms.add(run.chars.slice(start).join(''));
          }
        }
      }
    }
  }
  return [...terms];
}

/**
 * The index pieces a case must hold to match `query`: the bigrams of each Han run (the character
 * itself for a run of one) and each Latin or digit word. Empty when the query has no letters,
 * digits or Han characters (then every case is a candidate).
 */
export function searchQueryTerms(query: string): string[] {
  const terms = new Set<string>();
  for (const run of runsOf(searchNormalize(query))) {
    if (run.kind === 'han') {
      const pieces = run.chars.length === 1 ? run.chars : bigramsOf(run.chars);
      for (const piece of pieces) {
        terms.add(piece);
      }
    } else {
      terms.add(run.chars.join(''));
    }
  }
  return [...terms];
}

/**
 * The one index piece whose holders are exactly the query's matches, when there is one: a query
 * that is, once normalised, a single Han character, two Han characters, or one Latin or digit
 * word. A case holds that piece only if its texts contain the query (the pieces are made from
 * the same normalised texts), and a search takes only the cases that hold it, so counting the
 * piece's keys counts the search's answer without reading a case. Undefined for any other query
 * (several pieces, or characters the pieces leave out), whose candidates must be checked.
 *
 * @example
 * searchExactPiece(' 电梯 '); // '电梯'
 * searchExactPiece('漏水管'); // undefined (two pieces)
 */
export function searchExactPiece(query: string): string | undefined {
  const normalized = searchNormalize(query).trim();
  const pieces = searchQueryTerms(normalized);
  return pieces.length === 1 && pieces[0] === normalized ? normalized : undefined;
}

/**
 * Whether the texts really contain the query, after normalisation: every whitespace-separated part
 * of the query must be a substring of the texts (each part may be in a different text). An empty
 * query matches everything.
 */
export function searchMatches(haystackTexts: readonly string[], query: string): boolean {
  // A line break between texts keeps a part from matching across two fields.
  const haystack = haystackTexts.map(searchNormalize).join('\n');
  return searchNormalize(query)
    .split(/\s+/u)
    .filter((part) => part.length > 0)
    .every((part) => haystack.includes(part));
}

/** The searchable texts of a case: number, customer, subject, content and demand. */
export function searchTextsOf(
  c: Pick<CaseEntity, 'number' | 'customer' | 'subject' | 'content' | 'demand'>,
): string[] {
  return [
    c.number,
    c.customer.name,
    c.customer.phone,
    c.customer.address,
    c.customer.organisation ?? '',
    c.subject,
    c.content,
    c.demand,
  ];
}

/**
 * How rare a query piece usually is in the index, smaller first: a Latin or digit word of three
 * or more characters (a room, a phone tail), then one of two (a building number), then a Han
 * pair (common words such as 漏水 or 电梯 stand in thousands of complaints), then a single
 * character. Only an order of trial: the search checks every piece in the end.
 */
function pieceRarity(piece: string): number {
  const chars = [...piece];
  if (chars.length === 1) return 3;
  if (HAN.test(chars[0] ?? '')) return 2;
  return chars.length === 2 ? 1 : 0;
}

/** The query's pieces, the probably rarest first (ties keep the query's order). */
export function searchPiecesRarestFirst(pieces: readonly string[]): string[] {
  return pieces
    .map((piece, at) => ({ piece, at, rarity: pieceRarity(piece) }))
    .sort((a, b) => a.rarity - b.rarity || a.at - b.at)
    .map((p) => p.piece);
}
