import { useEffect, useState } from 'react';
import { printContentBox } from '@shared/paper/forms';
import type { PageMargins } from '@shared/platform/bridge';
import type { PrintDocument } from './model';
import { printPaginate, type PaginateWords, type PaginatedDocument } from './measure';

export type PaginatedState =
  | { readonly status: 'laying' }
  | { readonly status: 'ready'; readonly documents: readonly PaginatedDocument[] }
  | { readonly status: 'failed'; readonly error: unknown };

/**
 * The pages of a print job, laid out after the fonts are ready; laid out again whenever the
 * documents change (a live query brings new data) or the margins do.
 */
export function usePaginated(
  docs: readonly PrintDocument[] | undefined,
  margins: PageMargins | undefined,
  words: PaginateWords | undefined,
): PaginatedState {
  const [state, setState] = useState<{
    readonly docs: readonly PrintDocument[];
    readonly result: PaginatedState;
  }>();
  useEffect(() => {
    if (!docs || !margins || !words) return;
    let current = true;
    printPaginate(docs, (doc) => printContentBox(doc.orientation, margins, doc.paper), words).then(
      (documents) => {
        if (current) setState({ docs, result: { status: 'ready', documents } });
      },
      (error: unknown) => {
        if (current) setState({ docs, result: { status: 'failed', error } });
      },
    );
    return () => {
      current = false;
    };
  }, [docs, margins, words]);
  return state && state.docs === docs ? state.result : { status: 'laying' };
}
