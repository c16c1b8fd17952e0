/**
 * What the printer sees: the pages in a container directly under `<body>`. Print CSS hides
 * every other child of the body (the application, dialogs), so the pages print without the
 * application around them; on screen this container is hidden and the preview shows the pages.
 */
import { createPortal } from 'react-dom';
import type { PaperSize, PrintOrientation } from '@shared/paper/settings';
import type { PaginateWords, PaginatedDocument } from './measure';
import { printPageRule, type PrintMargins } from './page-style';
import { PrintPages } from './PrintPages';
import './print-forms.css';

export interface PrintRootProps {
  readonly documents: readonly PaginatedDocument[];
  readonly orientation: PrintOrientation;
  /** A4 unless the job is a register the desk prints on A3. */
  readonly paper?: PaperSize;
  readonly margins: PrintMargins;
  readonly words: PaginateWords;
}

export function PrintRoot({ documents, orientation, paper, margins, words }: PrintRootProps) {
  return createPortal(
    <div className="pf-print-root" data-testid="print-root">
      <style>{printPageRule(orientation, margins, paper)}</style>
      <PrintPages documents={documents} margins={margins} words={words} />
    </div>,
    document.body,
  );
}
