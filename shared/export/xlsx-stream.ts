/**
 * A table sheet (table-sheet.ts) written as SpreadsheetML text a row at a time, for the browser
 * build's streamed register export: ExcelJS's streaming WorkbookWriter needs Node streams and is
 * not in its browser build (exceljs/exceljs#1228, #2753), and its in-memory workbook of 100,000
 * rows takes gigabytes. The parts are plain strings; renderer/src/export/xlsx-zip.ts deflates
 * them into the .xlsx zip as they come. The sheet is the same as the ExcelJS writers make from
 * the same layout: title, subtitle and header merged and styled, ruled rows, the total line,
 * frozen header, A4 fitted to the width, header rows repeated in print, page numbers in the footer.
 *
 * Strings are written inline (`t="inlineStr"`), not in a shared table, so nothing grows with the
 * number of rows except the file.
 */
import {
  STYLE_HEADER,
  STYLE_NOTE,
  STYLE_SUBTITLE,
  STYLE_TITLE,
  STYLE_TOTAL,
  type SheetCellStyle,
} from './sheet-style';
import {
  sheetRowHeight,
  tableSheetOptions,
  tableTopRows,
  type SheetCellValue,
  type TableLayout,
} from './table-sheet';

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Text safe inside an XML element or attribute (characters XML 1.0 forbids are dropped). */
export function xmlText(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex -- these are exactly the characters XML refuses
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
  );
}

/** `A`, `B`, … `Z`, `AA`: the letters of a 1-based column. */
export function columnLetters(column: number): string {
  let n = column;
  let out = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    out = String.fromCharCode(65 + rest) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** Excel's serial day number of a Date that carries local wall time as UTC (table-sheet.ts). */
export function excelSerial(date: Date): number {
  return date.getTime() / 86_400_000 + 25_569;
}

/** The cell styles of a sheet, numbered as `cellXfs` entries (0 is Excel's default). */
class StyleTable {
  private readonly styles: SheetCellStyle[] = [{}];
  private readonly index = new Map<string, number>([[JSON.stringify({}), 0]]);

  id(style: SheetCellStyle): number {
    const key = JSON.stringify(style);
    let id = this.index.get(key);
    if (id === undefined) {
      id = this.styles.length;
      this.styles.push(style);
      this.index.set(key, id);
    }
    return id;
  }

  xml(): string {
    const fonts: string[] = [];
    const fills = [
      '<fill><patternFill patternType="none"/></fill>',
      '<fill><patternFill patternType="gray125"/></fill>',
    ];
    const borders: string[] = [];
    const numFmts: string[] = [];
    const pick = (list: string[], xml: string) => {
      const at = list.indexOf(xml);
      if (at >= 0) return at;
      list.push(xml);
      return list.length - 1;
    };
    const xfs = this.styles.map((style) => {
      const font = style.font ?? {};
      const fontId = pick(
        fonts,
        `<font>${font.bold ? '<b/>' : ''}<sz val="${font.size ?? 11}"/>` +
          `${font.color ? `<color rgb="${xmlText(font.color.argb)}"/>` : '<color theme="1"/>'}` +
          `<name val="${xmlText(font.name ?? 'Calibri')}"/></font>`,
      );
      const fillId = style.fill
        ? pick(
            fills,
            `<fill><patternFill patternType="solid"><fgColor rgb="${xmlText(style.fill.fgColor.argb)}"/><bgColor indexed="64"/></patternFill></fill>`,
          )
        : 0;
      const edge = (name: 'left' | 'right' | 'top' | 'bottom') => {
        const line = style.border?.[name];
        return line
          ? `<${name} style="${line.style}"><color indexed="64"/></${name}>`
          : `<${name}/>`;
      };
      const borderId = pick(
        borders,
        `<border>${edge('left')}${edge('right')}${edge('top')}${edge('bottom')}<diagonal/></border>`,
      );
      let numFmtId = 0;
      if (style.numFmt) {
        const code = xmlText(style.numFmt);
        const known = numFmts.findIndex((f) => f.includes(`formatCode="${code}"`));
        numFmtId = 164 + (known >= 0 ? known : numFmts.length);
        if (known < 0) numFmts.push(`<numFmt numFmtId="${numFmtId}" formatCode="${code}"/>`);
      }
      const a = style.alignment;
      const alignment = a
        ? `<alignment${a.horizontal ? ` horizontal="${a.horizontal}"` : ''}` +
          `${a.vertical ? ` vertical="${a.vertical === 'middle' ? 'center' : a.vertical}"` : ''}` +
          `${a.wrapText ? ' wrapText="1"' : ''}/>`
        : '';
      return (
        `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"` +
        `${numFmtId ? ' applyNumberFormat="1"' : ''} applyFont="1"${fillId ? ' applyFill="1"' : ''}` +
        ` applyBorder="1"${alignment ? ' applyAlignment="1">' + alignment + '</xf>' : '/>'}`
      );
    });
    return (
      `${XML_HEAD}<styleSheet xmlns="${MAIN_NS}">` +
      (numFmts.length ? `<numFmts count="${numFmts.length}">${numFmts.join('')}</numFmts>` : '') +
      `<fonts count="${fonts.length}">${fonts.join('')}</fonts>` +
      `<fills count="${fills.length}">${fills.join('')}</fills>` +
      `<borders count="${borders.length}">${borders.join('')}</borders>` +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      `<cellXfs count="${xfs.length}">${xfs.join('')}</cellXfs>` +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      '</styleSheet>'
    );
  }
}

function cellXml(ref: string, value: SheetCellValue | undefined, style: number): string {
  const s = style ? ` s="${style}"` : '';
  if (value === null || value === undefined || value === '') return `<c r="${ref}"${s}/>`;
  if (typeof value === 'number')
    return Number.isFinite(value) ? `<c r="${ref}"${s}><v>${value}</v></c>` : `<c r="${ref}"${s}/>`;
  if (value instanceof Date) return `<c r="${ref}"${s}><v>${excelSerial(value)}</v></c>`;
  return `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${xmlText(value)}</t></is></c>`;
}

/**
 * The parts of a one-sheet workbook for `layout`: the fixed parts at once, the sheet's XML in
 * pieces (`sheetStart`, `rows` per page, `sheetEnd`). The styles are all known from the layout.
 */
export function xlsxTableWriter(layout: TableLayout) {
  const styles = new StyleTable();
  const width = layout.columns.length;
  const last = columnLetters(width);
  const columnStyles = layout.columns.map((column) => styles.id(column.style));
  const title = styles.id(STYLE_TITLE);
  const subtitle = styles.id(STYLE_SUBTITLE);
  const header = styles.id(STYLE_HEADER);
  const total = styles.id(STYLE_TOTAL);
  const totalFirst = styles.id({
    ...STYLE_TOTAL,
    alignment: { horizontal: 'left', vertical: 'middle' },
  });
  const note = styles.id(STYLE_NOTE);
  const options = tableSheetOptions(layout);
  const top = tableTopRows(layout);
  const merges: string[] = [`A1:${last}1`, `A2:${last}2`];
  for (const cell of layout.header) {
    if (cell.firstRow === cell.lastRow && cell.firstColumn === cell.lastColumn) continue;
    merges.push(
      `${columnLetters(1 + cell.firstColumn)}${3 + cell.firstRow}:${columnLetters(1 + cell.lastColumn)}${3 + cell.lastRow}`,
    );
  }
  let rowNumber = 0;

  const row = (cells: string, height?: number) => {
    rowNumber++;
    return `<row r="${rowNumber}"${height ? ` ht="${height}" customHeight="1"` : ''}>${cells}</row>`;
  };
  const sheetName = layout.sheetName.slice(0, 31);
  const quotedName = `'${sheetName.replace(/'/g, "''")}'`;
  const printTitles = options.pageSetup.printTitlesRow?.split(':');

  return {
    contentTypes(): string {
      return (
        `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
        '</Types>'
      );
    },
    rootRels(): string {
      return (
        `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        `<Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`
      );
    },
    workbook(): string {
      return (
        `${XML_HEAD}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><bookViews><workbookView/></bookViews>` +
        `<sheets><sheet name="${xmlText(sheetName)}" sheetId="1" r:id="rId1"/></sheets>` +
        (printTitles
          ? `<definedNames><definedName name="_xlnm.Print_Titles" localSheetId="0">${xmlText(quotedName)}!$${printTitles[0]}:$${printTitles[1]}</definedName></definedNames>`
          : '') +
        '</workbook>'
      );
    },
    workbookRels(): string {
      return (
        `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        `<Relationship Id="rId1" Type="${REL_NS}/worksheet" Target="worksheets/sheet1.xml"/>` +
        `<Relationship Id="rId2" Type="${REL_NS}/styles" Target="styles.xml"/></Relationships>`
      );
    },
    styles(): string {
      return styles.xml();
    },
    /** The sheet up to and including the header rows. */
    sheetStart(): string {
      const cols = layout.columns
        .map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${c.width}" customWidth="1"/>`)
        .join('');
      const grid: string[][] = Array.from({ length: layout.headerRows }, () =>
        Array.from({ length: width }, () => ''),
      );
      for (const cell of layout.header) {
        const line = grid[cell.firstRow];
        if (line) line[cell.firstColumn] = cell.text;
      }
      return (
        `${XML_HEAD}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
        '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' +
        `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${top}" topLeftCell="A${top + 1}" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>` +
        '<sheetFormatPr defaultRowHeight="15"/>' +
        `<cols>${cols}</cols><sheetData>` +
        row(cellXml('A1', layout.title, title), 30) +
        row(cellXml('A2', layout.subtitle, subtitle), 18) +
        grid
          .map((values) => {
            const r = rowNumber + 1;
            return row(
              values.map((v, i) => cellXml(`${columnLetters(i + 1)}${r}`, v, header)).join(''),
              22,
            );
          })
          .join('')
      );
    },
    /** One page of records' rows. */
    rows(values: readonly (readonly SheetCellValue[])[]): string {
      let out = '';
      for (const record of values) {
        const r = rowNumber + 1;
        const height = sheetRowHeight(
          layout.columns.map((column, i) => ({
            value: record[i],
            width: column.width,
            style: column.style,
          })),
        );
        out += row(
          layout.columns
            .map((_, i) => cellXml(`${columnLetters(i + 1)}${r}`, record[i], columnStyles[i] ?? 0))
            .join(''),
          height,
        );
      }
      return out;
    },
    /** The total line, the signature, and the rest of the sheet after `count` records. */
    sheetEnd(count: number): string {
      const first = top + count + 1;
      let out = row(
        Array.from({ length: width }, (_, i) =>
          cellXml(
            `${columnLetters(i + 1)}${first}`,
            i === 0 ? layout.totalText.replace('{count}', String(count)) : null,
            i === 0 ? totalFirst : total,
          ),
        ).join(''),
      );
      const endMerges = [...merges, `A${first}:${last}${first}`];
      if (layout.signature) {
        out += row(cellXml(`A${first + 1}`, layout.signature, note));
        endMerges.push(`A${first + 1}:${last}${first + 1}`);
      }
      const m = options.pageSetup.margins;
      const footer = xmlText(options.headerFooter.oddFooter);
      return (
        out +
        '</sheetData>' +
        `<mergeCells count="${endMerges.length}">${endMerges.map((ref) => `<mergeCell ref="${ref}"/>`).join('')}</mergeCells>` +
        `<printOptions horizontalCentered="${options.pageSetup.horizontalCentered ? 1 : 0}"/>` +
        `<pageMargins left="${m.left}" right="${m.right}" top="${m.top}" bottom="${m.bottom}" header="${m.header}" footer="${m.footer}"/>` +
        `<pageSetup paperSize="${options.pageSetup.paperSize}" orientation="${options.pageSetup.orientation}" fitToWidth="${options.pageSetup.fitToWidth}" fitToHeight="${options.pageSetup.fitToHeight}"/>` +
        `<headerFooter><oddFooter>${footer}</oddFooter><evenFooter>${footer}</evenFooter></headerFooter>` +
        '</worksheet>'
      );
    },
  };
}
