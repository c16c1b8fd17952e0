import { useEffect, useRef, useState } from 'react';
import { printContentBox } from '@shared/paper/forms';
import type { PageMargins } from '@shared/platform/bridge';
import type { PrintDocument } from './model';
import { printPaginateInSlices, type PaginateWords, type PaginatedDocument } from './measure';
import { printDocumentsSame } from './same-documents';

export type PaginatedState =
  | {
      readonly status: 'laying';
      /** The pages finished so far (the first ones show while the rest are laid out). */
      readonly documents: readonly PaginatedDocument[];
    }
  | { readonly status: 'ready'; readonly documents: readonly PaginatedDocument[] }
  | { readonly status: 'failed'; readonly error: unknown };

/** A change of dates comes as one change per field: the layout waits for the last of them. */
export const PAGINATE_DEBOUNCE_MS = 250;

const LAYING: PaginatedState = { status: 'laying', documents: [] };

/**
 * The pages of a print job, laid out in slices after the fonts are ready (the first page shows
 * as soon as it is measured); laid out again when the documents really change (a live query
 * that brings the same rows again does not lay them out twice) or the margins do. A new
 * layout waits `PAGINATE_DEBOUNCE_MS` and stops the one under way.
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
  // What was last laid out (or is being laid out), to skip the same documents coming again.
  const laid = useRef<{
    docs: readonly PrintDocument[];
    margins: PageMargins;
    words: PaginateWords;
  }>(undefined);
  const running = useRef<{ controller: AbortController; timer?: ReturnType<typeof setTimeout> }>(
    undefined,
  );
  const [shown, setShown] = useState<readonly PrintDocument[]>();

  useEffect(() => {
    if (!docs || !margins || !words) return;
    const last = laid.current;
    if (
      last &&
      last.margins === margins &&
      last.words === words &&
      printDocumentsSame(last.docs, docs)
    ) {
      // The same pages again (a live query re-read): keep the layout done or under way.
      setShown(last.docs);
      return;
    }
    laid.current = { docs, margins, words };
    setShown(docs);
    if (running.current) {
      clearTimeout(running.current.timer);
      running.current.controller.abort();
    }
    const controller = new AbortController();
    const start = () => {
      printPaginateInSlices(
        docs,
        (doc) => printContentBox(doc.orientation, margins, doc.paper),
        words,
        {
          signal: controller.signal,
          onProgress: (documents) => {
            if (!controller.signal.aborted) {
              setState({ docs, result: { status: 'laying', documents } });
            }
          },
        },
      ).then(
        (documents) => {
          if (!controller.signal.aborted)
            setState({ docs, result: { status: 'ready', documents } });
        },
        (error: unknown) => {
          if (!controller.signal.aborted) setState({ docs, result: { status: 'failed', error } });
        },
      );
    };
    // The first layout starts at once; a change waits for the changes that follow it.
    if (last === undefined) {
      running.current = { controller };
      start();
    } else {
      running.current = { controller, timer: setTimeout(start, PAGINATE_DEBOUNCE_MS) };
    }
  }, [docs, margins, words]);

  // Leaving the preview stops the layout (and forgets it, should the preview come back).
  useEffect(
    () => () => {
      laid.current = undefined;
      if (running.current) {
        clearTimeout(running.current.timer);
        running.current.controller.abort();
      }
    },
    [],
  );
  return state && shown && state.docs === shown ? state.result : LAYING;
}
