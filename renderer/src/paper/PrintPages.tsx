/**
 * The pages of a print job, as paginated: each page on its own sheet with the form's header,
 * its part of the tables and 「第 x 页 共 y 页」. The printer's copy (`PrintRoot`) holds every
 * page; the screen preview (`PrintPreviewPages`) draws only the pages near the screen and keeps
 * the others as empty sheets of the same size, so a register of hundreds of pages is not laid
 * out twice.
 */
import { memo, useEffect, useRef, useState } from 'react';
import type { PrintMargins } from './page-style';
import {
  printDocClass,
  PrintSectionView,
  type PaginateWords,
  type PaginatedDocument,
} from './measure';
import type { PagePlan } from './paginate';
import type { PlacedRow } from './measure';
import { PrintPageFoot, PrintPageHead } from './PrintParts';

export interface PrintPagesProps {
  readonly documents: readonly PaginatedDocument[];
  readonly margins: PrintMargins;
  readonly words: PaginateWords;
  /** Only the first pages (the printer's copy is filled in slices). */
  readonly limit?: number;
}

interface SheetRef {
  readonly document: PaginatedDocument;
  readonly page: PagePlan<PlacedRow>;
  readonly index: number;
}

/** Every page of the documents, in order. */
export function printSheets(documents: readonly PaginatedDocument[]): SheetRef[] {
  return documents.flatMap((document) =>
    document.pages.map((page, index) => ({ document, page, index })),
  );
}

interface PrintSheetProps {
  readonly sheet: SheetRef;
  readonly margins: PrintMargins;
  readonly words: PaginateWords;
  /** False: an empty sheet of the page's size (off screen in the preview). */
  readonly drawn: boolean;
}

/**
 * Whether a sheet would draw the same: the printer's copy is filled a few pages at a time and the
 * preview redraws as pages come, and drawing every earlier page again each time would cost more
 * the longer the register. An empty sheet depends only on its size and its label.
 */
function sheetSame(a: PrintSheetProps, b: PrintSheetProps): boolean {
  if (a.drawn !== b.drawn || a.margins !== b.margins || a.words !== b.words) return false;
  const x = a.sheet;
  const y = b.sheet;
  if (x.index !== y.index || x.document.pages.length !== y.document.pages.length) return false;
  if (a.drawn) return x.page === y.page && x.document.doc === y.document.doc;
  const [c, d] = [x.document.doc, y.document.doc];
  return (
    x.document.box === y.document.box &&
    c.header.title === d.header.title &&
    printDocClass(c) === printDocClass(d)
  );
}

const PrintSheet = memo(function PrintSheet({ sheet, margins, words, drawn }: PrintSheetProps) {
  const { document, page, index } = sheet;
  const { doc, box, pages } = document;
  const pageText = words.pageOf(index + 1, pages.length);
  return (
    <section
      className="pf-sheet"
      aria-label={`${doc.header.title} ${pageText}`}
      data-pf-drawn={drawn ? 'true' : 'false'}
      style={{
        width: `${box.widthMm + margins.left + margins.right}mm`,
        padding: `${margins.top}mm ${margins.right}mm ${margins.bottom}mm ${margins.left}mm`,
      }}
    >
      <div
        className={`${printDocClass(doc)} pf-page`}
        style={{ width: `${box.widthMm}mm`, height: `${box.heightMm}mm` }}
      >
        {drawn ? (
          <>
            <PrintPageHead doc={doc} />
            <div className="pf-page-body">
              {page.map((placed) => {
                const section = doc.sections[placed.section];
                if (!section) return null;
                return (
                  <PrintSectionView
                    key={`${section.key}/${placed.section}`}
                    section={section}
                    rows={placed.type === 'table' ? placed.rows.map((r) => r.row) : undefined}
                    continued={placed.type === 'table' && placed.continued}
                    words={words}
                  />
                );
              })}
            </div>
            <PrintPageFoot doc={doc} pageText={pageText} />
          </>
        ) : null}
      </div>
    </section>
  );
}, sheetSame);

/** Every page, drawn (the printer's copy). */
export function PrintPages({ documents, margins, words, limit }: PrintPagesProps) {
  const sheets = printSheets(documents);
  return (
    <>
      {sheets.slice(0, limit ?? sheets.length).map((sheet) => (
        <PrintSheet
          key={`${sheet.document.doc.key}/${sheet.index}`}
          sheet={sheet}
          margins={margins}
          words={words}
          drawn
        />
      ))}
    </>
  );
}

/** How far beyond the screen pages are drawn, so that scrolling does not show them empty. */
const NEAR = '150% 0px';

/**
 * The screen preview: every page as a sheet of its size, drawn only while near the screen (one
 * observer for all sheets).
 */
export function PrintPreviewPages({ documents, margins, words }: PrintPagesProps) {
  const sheets = printSheets(documents);
  const holder = useRef<HTMLDivElement>(null);
  // The first pages are drawn before the observer first answers.
  const [near, setNear] = useState<ReadonlySet<number>>(() => new Set([0, 1, 2]));
  const count = sheets.length;
  useEffect(() => {
    const element = holder.current;
    if (!element || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(
      (entries) => {
        setNear((previous) => {
          const next = new Set(previous);
          for (const entry of entries) {
            const index = Number((entry.target as HTMLElement).dataset.pfIndex);
            if (entry.isIntersecting) next.add(index);
            else next.delete(index);
          }
          return next;
        });
      },
      { rootMargin: NEAR },
    );
    for (const child of Array.from(element.children)) observer.observe(child);
    return () => observer.disconnect();
    // The sheets are observed again when pages are added (the layout goes on in slices).
  }, [count]);
  return (
    <div ref={holder}>
      {sheets.map((sheet, i) => (
        <div key={`${sheet.document.doc.key}/${sheet.index}`} data-pf-index={i}>
          <PrintSheet sheet={sheet} margins={margins} words={words} drawn={near.has(i)} />
        </div>
      ))}
    </div>
  );
}
