/**
 * What the printer sees: the pages in a container directly under `<body>`. Print CSS hides
 * every other child of the body (the application, dialogs), so the pages print without the
 * application around them; on screen this container is hidden and the preview shows the pages.
 *
 * Hundreds of pages are not drawn in one go (that would hold the UI thread for seconds): they
 * are added a few at a time, as many as draw in about 20 ms, and `onComplete` says when all are
 * in. A print started from the
 * browser's own menu before that (`beforeprint`) draws the rest at once.
 */
import { useEffect, useRef, useState } from 'react';
import { createPortal, flushSync } from 'react-dom';
import type { PaperSize, PrintOrientation } from '@shared/paper/settings';
import type { PaginateWords, PaginatedDocument } from './measure';
import { printPageRule, type PrintMargins } from './page-style';
import { PrintPages, printSheets } from './PrintPages';
import './print-forms.css';

export interface PrintRootProps {
  readonly documents: readonly PaginatedDocument[];
  readonly orientation: PrintOrientation;
  /** A4 unless the job is a register the desk prints on A3. */
  readonly paper?: PaperSize;
  readonly margins: PrintMargins;
  readonly words: PaginateWords;
  /** Called with true once every page is in the printer's copy. */
  readonly onComplete?: (complete: boolean) => void;
}

/** Pages drawn at first; then as many per slice as take about `SLICE_MS` to draw. */
const FIRST_PAGES = 1;
const SLICE_MS = 20;
const MOST_PAGES_PER_SLICE = 12;

export function PrintRoot({
  documents,
  orientation,
  paper,
  margins,
  words,
  onComplete,
}: PrintRootProps) {
  const total = printSheets(documents).length;
  const [drawn, setDrawn] = useState({ documents, count: Math.min(total, FIRST_PAGES) });
  const count = drawn.documents === documents ? drawn.count : Math.min(total, FIRST_PAGES);
  if (drawn.documents !== documents) setDrawn({ documents, count });
  // How long a page took to draw, lately: a register's page of short rows draws in a few
  // milliseconds, a page of long ones or a busy machine takes more.
  const msPerPage = useRef(8);

  useEffect(() => {
    onComplete?.(count >= total);
    if (count >= total) return;
    const timer = setTimeout(() => {
      const pages = Math.max(
        1,
        Math.min(MOST_PAGES_PER_SLICE, Math.floor(SLICE_MS / msPerPage.current)),
      );
      const began = performance.now();
      // Drawn now, in this task, so that its time is known.
      flushSync(() =>
        setDrawn((state) =>
          state.documents === documents
            ? { documents, count: Math.min(total, state.count + pages) }
            : state,
        ),
      );
      msPerPage.current = Math.max(0.5, (performance.now() - began) / pages);
    }, 0);
    return () => clearTimeout(timer);
  }, [count, total, documents, onComplete]);

  useEffect(() => {
    const drawAll = () => flushSync(() => setDrawn({ documents, count: total }));
    window.addEventListener('beforeprint', drawAll);
    return () => window.removeEventListener('beforeprint', drawAll);
  }, [documents, total]);

  return createPortal(
    <div className="pf-print-root" data-testid="print-root">
      <style>{printPageRule(orientation, margins, paper)}</style>
      <PrintPages documents={documents} margins={margins} words={words} limit={count} />
    </div>,
    document.body,
  );
}
