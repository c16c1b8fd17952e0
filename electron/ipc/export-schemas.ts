/**
 * What the main process accepts for the streaming register export (zod): the sheet's layout
 * (shared/export/table-sheet.ts), pages of cell values and the session token.
 */
import { z } from 'zod';
import { MAX_NAME_LENGTH, isPlainFileName } from './schemas';

/** Rows per `exportRows` call; the renderer sends pages of 1,000. */
export const MAX_EXPORT_PAGE_ROWS = 5_000;
export const MAX_EXPORT_COLUMNS = 60;
/** Excel's own limit for the text of one cell. */
export const MAX_CELL_TEXT = 32_767;

const argb = z.string().regex(/^[0-9A-Fa-f]{8}$/);
const edge = z.object({ style: z.enum(['thin', 'medium']) }).strict();

const cellStyle = z
  .object({
    font: z
      .object({
        name: z.string().max(50).optional(),
        size: z.number().min(6).max(72).optional(),
        bold: z.boolean().optional(),
        color: z.object({ argb }).strict().optional(),
      })
      .strict()
      .optional(),
    alignment: z
      .object({
        horizontal: z.enum(['left', 'center', 'right']).optional(),
        vertical: z.enum(['top', 'middle', 'bottom']).optional(),
        wrapText: z.boolean().optional(),
      })
      .strict()
      .optional(),
    border: z
      .object({
        top: edge.optional(),
        left: edge.optional(),
        bottom: edge.optional(),
        right: edge.optional(),
      })
      .strict()
      .optional(),
    fill: z
      .object({
        type: z.literal('pattern'),
        pattern: z.literal('solid'),
        fgColor: z.object({ argb }).strict(),
      })
      .strict()
      .optional(),
    numFmt: z.string().max(50).optional(),
  })
  .strict();

const index = z.number().int().min(0).max(MAX_EXPORT_COLUMNS);
const text = (max: number) => z.string().max(max);

export const tableLayoutSchema = z
  .object({
    // Excel's limit for a sheet name; no characters Excel refuses in one.
    sheetName: z
      .string()
      .min(1)
      .max(31)
      .regex(/^[^\\/?*[\]:]+$/),
    title: text(MAX_NAME_LENGTH),
    subtitle: text(500),
    headerRows: z.number().int().min(1).max(3),
    header: z
      .array(
        z
          .object({
            text: text(200),
            firstRow: z.number().int().min(0).max(2),
            lastRow: z.number().int().min(0).max(2),
            firstColumn: index,
            lastColumn: index,
          })
          .strict(),
      )
      .max(MAX_EXPORT_COLUMNS * 3),
    columns: z
      .array(z.object({ width: z.number().min(1).max(255), style: cellStyle }).strict())
      .min(1)
      .max(MAX_EXPORT_COLUMNS),
    landscape: z.boolean(),
    paper: z.enum(['A4', 'A3']).optional(),
    pageFooter: text(200),
    totalText: text(200),
    signature: text(500).optional(),
  })
  .strict();

const cellValue = z.union([z.string().max(MAX_CELL_TEXT), z.number().finite(), z.date(), z.null()]);

/** A session token: 32 hex digits made by the main process. */
export const exportToken = z.string().regex(/^[0-9a-f]{32}$/);

const fileName = z
  .string()
  .min(1)
  .max(MAX_NAME_LENGTH)
  .refine(isPlainFileName, 'a file name without a folder');

export const EXPORT_ARGUMENTS = {
  exportBegin: z.tuple([z.object({ suggestedName: fileName, layout: tableLayoutSchema }).strict()]),
  exportRows: z.tuple([
    exportToken,
    z.array(z.array(cellValue).max(MAX_EXPORT_COLUMNS)).max(MAX_EXPORT_PAGE_ROWS),
  ]),
  exportFinish: z.tuple([exportToken, z.number().int().min(0)]),
  exportCancel: z.tuple([exportToken]),
} as const;
