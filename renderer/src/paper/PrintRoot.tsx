/**
 * What the printer sees: the pages in a container directly under `<body>`. Print CSS hides
 * every other child of the body (the application, dialogs), so the pages print without the
 * application around them; on screen this container is hidden and the preview shows the pages.
 *
 * Hundreds of pages are not drawn in one go (that would hold the UI thread for seconds): they
 * are added a few at a time, and `onComplete` says when all are in. A print started from the
 * browser's own menu before that (`beforeprint`) draws the rest at once.
 */
import { useEffect, useState } from 'react';
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

/** Pages added per slice: about 30 ms of drawing for a full page of a register. */
const PAGES_PER_SLICE = 6;

export function PrintRoot({
  documents,
  orientation,
  paper,
  margins,
  words,
  onComplete,
}: PrintRootProps) {
  const total = printSheets(documents).length;
  const [drawn, setDrawn] = useState({ documents, count: Math.min(total, PAGES_PER_SLICE) });
  const count = drawn.documents === documents ? drawn.count : Math.min(total, PAGES_PER_SLICE);
  if (drawn.documents !== documents) setDrawn({ documents, count });

  useEffect(() => {
    onComplete?.(count >= total);
    if (count >= total) return;
    const timer = setTimeout(() => {
      setDrawn((state) =>
        state.documents === documents
          ? { documents, count: Math.min(total, state.count + PAGES_PER_SLICE) }
          : state,
      );
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
