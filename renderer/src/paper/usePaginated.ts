import { useEffect, useRef, useState } from 'react';
import { printContentBox } from '@shared/paper/forms';
import type { PageMargins } from '@shared/platform/bridge';
import type { PrintDocument } from './model';
import {
  printLayout,
  type PaginateWords,
  type PaginatedDocument,
  type PrintLayout,
} from './measure';
import { printDocumentContinues, printDocumentsSame } from './same-documents';

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

/** One layout: what it lays out (the latest rows of a list still being read) and its run. */
interface Laid {
  readonly run: number;
  readonly margins: PageMargins;
  readonly words: PaginateWords;
  docs: readonly PrintDocument[];
  complete: boolean;
  layout?: PrintLayout;
  timer?: ReturnType<typeof setTimeout>;
}

function continues(previous: readonly PrintDocument[], next: readonly PrintDocument[]): boolean {
  return (
    previous.length === next.length &&
    next.every((doc, i) => {
      const before = previous[i];
      return before !== undefined && printDocumentContinues(before, doc);
    })
  );
}

/**
 * The pages of a print job, laid out in slices after the fonts are ready (the first page shows
 * as soon as it is measured). `complete` false: the documents are a long list still being read;
 * when they come again with more rows (`printDocumentContinues`), the layout goes on from the
 * rows it has measured, and the job is ready once it comes complete. Laid out again when the
 * documents really change (a live query that brings the same rows again does not lay them out
 * twice) or the margins do: a new layout waits `PAGINATE_DEBOUNCE_MS` and stops the one under way.
 */
export function usePaginated(
  docs: readonly PrintDocument[] | undefined,
  margins: PageMargins | undefined,
  words: PaginateWords | undefined,
  complete = true,
): PaginatedState {
  const [state, setState] = useState<{ readonly run: number; readonly result: PaginatedState }>();
  const laid = useRef<Laid>(undefined);
  const runs = useRef(0);
  const [shown, setShown] = useState<number>();

  useEffect(() => {
    if (!docs || !margins || !words) return;
    const last = laid.current;
    if (last && last.margins === margins && last.words === words) {
      // The same pages again (a live query re-read): keep the layout done or under way.
      if (last.complete === complete && printDocumentsSame(last.docs, docs)) return;
      if (!last.complete && continues(last.docs, docs)) {
        // More rows of a list being read (or its last part): measure on from where it got to.
        last.docs = docs;
        last.complete = complete;
        last.layout?.update(docs, !complete);
        return;
      }
    }
    if (last) {
      clearTimeout(last.timer);
      last.layout?.stop();
    }
    runs.current += 1;
    const run = runs.current;
    const next: Laid = { run, margins, words, docs, complete };
    laid.current = next;
    setShown(run);
    const start = () => {
      next.layout = printLayout(
        (doc) => printContentBox(doc.orientation, margins, doc.paper),
        words,
        {
          onProgress: (documents, finished) =>
            setState({ run, result: { status: finished ? 'ready' : 'laying', documents } }),
          onError: (error) => setState({ run, result: { status: 'failed', error } }),
        },
      );
      // The latest rows: more may have come while the change waited.
      next.layout.update(next.docs, !next.complete);
    };
    // The first layout starts at once; a change waits for the changes that follow it.
    if (last === undefined) start();
    else next.timer = setTimeout(start, PAGINATE_DEBOUNCE_MS);
  }, [docs, margins, words, complete]);

  // Leaving the preview stops the layout (and forgets it, should the preview come back).
  useEffect(
    () => () => {
      const last = laid.current;
      laid.current = undefined;
      if (last) {
        clearTimeout(last.timer);
        last.layout?.stop();
      }
    },
    [],
  );
  return state && state.run === shown ? state.result : LAYING;
}
