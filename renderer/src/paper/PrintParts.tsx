/**
 * The pieces of a printed page, drawn from the form's data. The same components lay out the
 * measuring copy (measure.ts) and the pages, so measured heights are the printed heights.
 *
 * Values and notes carry what customers said: each is shown through `isolateBidi`, so a
 * right-to-left override typed into a name cannot print it reversed (the measuring copy uses the
 * same components, so the labels it adds are measured too).
 */
import { useEffect, useMemo } from 'react';
import { isolateBidi } from '@shared/kernel/bidi';
import type {
  PrintCell,
  PrintDocument,
  PrintImage,
  PrintImagesSection,
  PrintNoteSection,
  PrintRow,
  PrintSignaturesSection,
  PrintTableSection,
} from './model';
import { PrintCellCode, PrintCodes } from './PrintCodes';

function cellClass(cell: PrintCell): string | undefined {
  const classes = [
    cell.role === 'label' ? 'pf-label' : '',
    cell.align ? `pf-${cell.align}` : '',
    cell.nowrap ? 'pf-nowrap' : '',
  ].filter(Boolean);
  return classes.length > 0 ? classes.join(' ') : undefined;
}

export function PrintRowView({ row }: Readonly<{ row: PrintRow }>) {
  return (
    <tr data-pf-row={row.key}>
      {row.cells.map((cell, i) => {
        const style = cell.minHeightMm ? { height: `${cell.minHeightMm}mm` } : undefined;
        return cell.role === 'head' ? (
          <th
            key={i}
            scope="col"
            colSpan={cell.colSpan}
            rowSpan={cell.rowSpan}
            className={cellClass(cell)}
            style={style}
          >
            {cell.text}
          </th>
        ) : (
          <td key={i} colSpan={cell.colSpan} className={cellClass(cell)} style={style}>
            {isolateBidi(cell.text)}
            {cell.code ? <PrintCellCode code={cell.code} /> : null}
          </td>
        );
      })}
    </tr>
  );
}

export interface PrintTableViewProps {
  readonly section: PrintTableSection;
  readonly rows: readonly PrintRow[];
  readonly continued: boolean;
  readonly continuedText: string;
}

/** A table of a form, or the part of it on one page, with its caption and header rows. */
export function PrintTableView({ section, rows, continued, continuedText }: PrintTableViewProps) {
  const total = section.columns.reduce((sum, width) => sum + width, 0);
  return (
    <div className="pf-section" data-pf-section={section.key}>
      {section.caption ? (
        <div className="pf-caption" data-pf-caption="">
          {continued ? `${section.caption}${continuedText}` : section.caption}
        </div>
      ) : null}
      <table className="pf-table" aria-label={section.caption}>
        <colgroup>
          {section.columns.map((width, i) => (
            <col key={i} style={{ width: `${((width / total) * 100).toFixed(3)}%` }} />
          ))}
        </colgroup>
        {section.head.length > 0 ? (
          <thead>
            {section.head.map((row) => (
              <PrintRowView key={row.key} row={row} />
            ))}
          </thead>
        ) : null}
        <tbody>
          {rows.map((row) => (
            <PrintRowView key={row.key} row={row} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function PrintNoteView({ section }: Readonly<{ section: PrintNoteSection }>) {
  return (
    <div className="pf-section" data-pf-section={section.key}>
      <div className="pf-note">{isolateBidi(section.text)}</div>
    </div>
  );
}

export function PrintSignaturesView({ section }: Readonly<{ section: PrintSignaturesSection }>) {
  return (
    <div className="pf-section" data-pf-section={section.key}>
      <div className="pf-signatures">
        {section.lines.map((line) => (
          <div key={line.label} className="pf-sign">
            <span>{line.label}</span>
            <span className="pf-sign-line" />
            <span className="pf-sign-date">{section.dateText}</span>
          </div>
        ))}
      </div>
    </div>
  );
}

export function PrintPageHead({ doc }: Readonly<{ doc: PrintDocument }>) {
  return (
    <div className="pf-page-head" data-pf-head="">
      {doc.header.code ? <PrintCodes code={doc.header.code} /> : null}
      <div className="pf-org">{doc.header.organisation}</div>
      <div className="pf-title">{doc.header.title}</div>
      <div className="pf-meta">
        <span>{doc.header.left}</span>
        <span>{doc.header.right}</span>
      </div>
    </div>
  );
}

export function PrintPageFoot({
  doc,
  pageText,
}: Readonly<{ doc: PrintDocument; pageText: string }>) {
  return (
    <div className="pf-page-foot" data-pf-foot="">
      <span>{doc.footerLeft}</span>
      <span>{pageText}</span>
      <span>{doc.footerRight}</span>
    </div>
  );
}

function PrintImageView({ image }: Readonly<{ image: PrintImage }>) {
  // A blob URL per rendering (preview, print root, measuring copy), revoked with it.
  const url = useMemo(() => URL.createObjectURL(image.image), [image.image]);
  useEffect(() => () => URL.revokeObjectURL(url), [url]);
  return (
    <figure className="pf-annex-item">
      <img src={url} alt={image.caption} className="pf-annex-image" />
      <figcaption>{image.caption}</figcaption>
    </figure>
  );
}

/** A page of an annex of images, at a fixed size so it is measured before the images load. */
export function PrintImagesView({ section }: Readonly<{ section: PrintImagesSection }>) {
  return (
    <div className="pf-section" data-pf-section={section.key}>
      {section.caption ? <div className="pf-caption">{section.caption}</div> : null}
      <div className={`pf-annex pf-annex-${section.perPage}`}>
        {section.images.map((image) => (
          <PrintImageView key={image.key} image={image} />
        ))}
      </div>
    </div>
  );
}
