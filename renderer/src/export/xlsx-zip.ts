/**
 * The .xlsx zip of a streamed table sheet (shared/export/xlsx-stream.ts): the small parts first,
 * then the sheet deflated as its rows come, each piece handed to `emit` as soon as it is made, so
 * a register of any length is never held whole (the browser build's large exports).
 */
import { Zip, ZipDeflate, strToU8 } from 'fflate';
import type { SheetCellValue, TableLayout } from '@shared/export/table-sheet';
import { xlsxTableWriter } from '@shared/export/xlsx-stream';

export interface XlsxZipStream {
  /** Appends a page of records' rows; returns the zip bytes made so far (maybe none). */
  rows(values: readonly (readonly SheetCellValue[])[]): Uint8Array[];
  /** Ends the sheet after `count` records and closes the zip; returns the last bytes. */
  end(count: number): Uint8Array[];
}

export function xlsxZipStream(layout: TableLayout): { stream: XlsxZipStream; first: Uint8Array[] } {
  const writer = xlsxTableWriter(layout);
  let out: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else out.push(chunk);
  });
  const take = () => {
    if (failure) throw failure;
    const taken = out;
    out = [];
    return taken;
  };
  const small = (name: string, text: string) => {
    const part = new ZipDeflate(name, { level: 6 });
    zip.add(part);
    part.push(strToU8(text), true);
  };
  small('[Content_Types].xml', writer.contentTypes());
  small('_rels/.rels', writer.rootRels());
  small('xl/workbook.xml', writer.workbook());
  small('xl/_rels/workbook.xml.rels', writer.workbookRels());
  small('xl/styles.xml', writer.styles());
  const sheet = new ZipDeflate('xl/worksheets/sheet1.xml', { level: 6 });
  zip.add(sheet);
  sheet.push(strToU8(writer.sheetStart()));
  const first = take();
  return {
    first,
    stream: {
      rows(values) {
        sheet.push(strToU8(writer.rows(values)));
        return take();
      },
      end(count) {
        sheet.push(strToU8(writer.sheetEnd(count)), true);
        zip.end();
        return take();
      },
    },
  };
}
