/**
 * The pages of a print job, as paginated: each page on its own sheet with the form's header,
 * its part of the tables and 「第 x 页 共 y 页」. Rendered twice by the preview: once in the
 * screen preview and once in the print root (`PrintRoot`), which is all the printer sees.
 */
import type { PrintMargins } from './page-style';
import {
  printDocClass,
  PrintSectionView,
  type PaginateWords,
  type PaginatedDocument,
} from './measure';
import { PrintPageFoot, PrintPageHead } from './PrintParts';

export interface PrintPagesProps {
  readonly documents: readonly PaginatedDocument[];
  readonly margins: PrintMargins;
  readonly words: PaginateWords;
}

export function PrintPages({ documents, margins, words }: PrintPagesProps) {
  return (
    <>
      {documents.map(({ doc, box, pages }) =>
        pages.map((page, index) => {
          const pageText = words.pageOf(index + 1, pages.length);
          return (
            <section
              key={`${doc.key}/${index}`}
              className="pf-sheet"
              aria-label={`${doc.header.title} ${pageText}`}
              style={{
                width: `${box.widthMm + margins.left + margins.right}mm`,
                padding: `${margins.top}mm ${margins.right}mm ${margins.bottom}mm ${margins.left}mm`,
              }}
            >
              <div
                className={`${printDocClass(doc)} pf-page`}
                style={{ width: `${box.widthMm}mm`, height: `${box.heightMm}mm` }}
              >
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
              </div>
            </section>
          );
        }),
      )}
    </>
  );
}
