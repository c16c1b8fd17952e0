/**
 * A printed form as data: a page header, sections of ruled tables, notes and signature lines.
 * Form builders (`forms/`) turn cases into a `PrintDocument`; `paginate.ts` decides what goes
 * on each page from measured heights; `PrintPages.tsx` draws the pages. Keeping the form as
 * plain data is what lets a long cell continue on the next page: its text can be cut.
 */
import type { CaseId } from '@shared/kernel/brand';
import type { PrintFormId } from '@shared/paper/forms';
import type { PaperSize, PrintOrientation } from '@shared/paper/settings';

export type PrintCellRole =
  /** A field name in a form grid: bold, centred. */
  | 'label'
  /** What was recorded. */
  | 'value'
  /** A column heading. */
  | 'head'
  /** Left empty for the pen. */
  | 'blank';

export interface PrintCell {
  readonly text: string;
  readonly role: PrintCellRole;
  readonly colSpan?: number;
  /** Header rows only: body rows never span rows, so any body row can be cut. */
  readonly rowSpan?: number;
  readonly align?: 'left' | 'center' | 'right';
  /** Room to write in by hand: the cell is at least this tall. */
  readonly minHeightMm?: number;
  /** Kept on one line (a number that must not break); its column is made wide enough. */
  readonly nowrap?: boolean;
  /** Drawn under the text as a QR code: a list form's case number, to open the case by a scan. */
  readonly code?: string;
}

export interface PrintRow {
  readonly key: string;
  readonly cells: readonly PrintCell[];
}

export type PrintDensity = 'normal' | 'compact';

export interface PrintTableSection {
  readonly type: 'table';
  readonly key: string;
  /** A heading over the table, printed again with 「（续）」 where the table continues. */
  readonly caption?: string;
  /** Relative column widths. */
  readonly columns: readonly number[];
  /** Header rows, repeated at the top of every page the table reaches. */
  readonly head: readonly PrintRow[];
  readonly rows: readonly PrintRow[];
}

/** A paragraph outside the grid, e.g. the instructions of a notice. Kept whole on a page. */
export interface PrintNoteSection {
  readonly type: 'note';
  readonly key: string;
  readonly text: string;
}

export interface PrintSignatureLine {
  readonly label: string;
}

/** The signature and date lines at the foot of a form. Kept whole on a page. */
export interface PrintSignaturesSection {
  readonly type: 'signatures';
  readonly key: string;
  readonly lines: readonly PrintSignatureLine[];
  /** Words of the date line, e.g. 「 年 月 日」. */
  readonly dateText: string;
}

/** One image of an annex, with the caption printed under it. */
export interface PrintImage {
  readonly key: string;
  readonly image: Blob;
  readonly caption: string;
}

/**
 * A page's worth of images (an annex of photos): two (one column) or four (two by two) at a
 * fixed printed size, so the layout does not wait for the images to load. Kept whole on a page.
 */
export interface PrintImagesSection {
  readonly type: 'images';
  readonly key: string;
  readonly caption?: string;
  readonly perPage: 2 | 4;
  readonly images: readonly PrintImage[];
}

export type PrintSection =
  PrintTableSection | PrintNoteSection | PrintSignaturesSection | PrintImagesSection;

/** What the top of every page says. */
export interface PrintPageHeader {
  /** The organisation (or the desk's header text). */
  readonly organisation: string;
  readonly title: string;
  /** Left of the line under the title: the case number, or the dates covered. */
  readonly left: string;
  /** Right of that line: the print date. */
  readonly right: string;
  /**
   * What the page's barcode and QR code encode (a case form's number, `/D` on a dispatch
   * sheet), so that the returned sheet opens its case when scanned; none on list forms.
   */
  readonly code?: string;
}

export interface PrintDocument {
  /** Unique within a print job (one document per case in a batch). */
  readonly key: string;
  readonly form: PrintFormId;
  readonly orientation: PrintOrientation;
  /** The sheet it prints on; A4 when absent (only the register may print on A3). */
  readonly paper?: PaperSize;
  readonly density: PrintDensity;
  readonly header: PrintPageHeader;
  /** Printed left of the page count on every page (the case number, or the form's title). */
  readonly footerLeft: string;
  readonly footerRight: string;
  readonly sections: readonly PrintSection[];
  /** The case a case form is about, for its `case/printed` event and the audit log. */
  readonly caseId?: CaseId;
}
