/**
 * bridge.printPage and bridge.printToPdf: always A4, after the page's fonts are ready, one at a
 * time per window.
 *
 * Units differ between Electron's two print APIs, and the bridge speaks millimetres:
 * - `printToPDF` margins are inches (Electron's PrintToPDFOptions).
 * - `print` custom margins are documented as "pixels", but Electron passes the integers straight
 *   into Chromium's custom-margin settings, which Chromium reads as points (1/72 inch:
 *   `PrintSettings::requested_custom_margins_in_points_`). We convert millimetres to points.
 * - `pageSize` (A4 unless the request asks A3) is passed to both: printToPDF's default is Letter.
 */
import type { PrintToPDFOptions, WebContentsPrintOptions } from 'electron';
import type { PageMargins, PdfResult, PrintRequest, PrintResult } from '@shared/platform/bridge';
import type { BridgeDeps, SenderContents } from './deps';
import { bridgeFailure, type BridgeFailure } from './failure';
import { dialogSafeFileName, saveWithDialog } from './save-file';

const MM_PER_INCH = 25.4;
const POINTS_PER_INCH = 72;

/** Default wait for `document.fonts.ready` before printing. */
export const FONTS_TIMEOUT_MS = 10_000;

export function mmToInches(mm: number): number {
  return mm / MM_PER_INCH;
}

/** Millimetres to whole points, the unit `webContents.print` margins really use. */
export function mmToPrintPoints(mm: number): number {
  return Math.round((mm / MM_PER_INCH) * POINTS_PER_INCH);
}

function mapMargins(margins: PageMargins, convert: (mm: number) => number) {
  return {
    top: convert(margins.top),
    bottom: convert(margins.bottom),
    left: convert(margins.left),
    right: convert(margins.right),
  };
}

export function printOptionsFor(request: PrintRequest): WebContentsPrintOptions {
  return {
    silent: false,
    printBackground: true,
    landscape: request.landscape,
    pageSize: request.pageSize ?? 'A4',
    margins: { marginType: 'custom', ...mapMargins(request.margins, mmToPrintPoints) },
  };
}

export function pdfOptionsFor(request: PrintRequest): PrintToPDFOptions {
  return {
    pageSize: request.pageSize ?? 'A4',
    landscape: request.landscape,
    printBackground: true,
    margins: mapMargins(request.margins, mmToInches),
  };
}

/** The file name the PDF save dialog suggests. */
export function pdfFileNameFor(title: string): string {
  const base = dialogSafeFileName(title).replace(/\.pdf$/i, '');
  return `${base === '' ? '打印' : base}.pdf`;
}

/** Resolves true once the page's web fonts are loaded, false on timeout or error. */
export async function waitForFonts(sender: SenderContents, timeoutMs: number): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    const ready = sender
      .executeJavaScript('document.fonts.ready.then(() => true)')
      .then((value: unknown) => value === true)
      .catch(() => false);
    return await Promise.race([ready, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** True for the failure reasons Electron gives when the clerk closes the print dialog. */
function isCancellation(failureReason: string): boolean {
  return /cancel/i.test(failureReason);
}

export interface PrintService {
  printPage(sender: SenderContents, request: PrintRequest): Promise<PrintResult | BridgeFailure>;
  printToPdf(sender: SenderContents, request: PrintRequest): Promise<PdfResult | BridgeFailure>;
}

/**
 * Printing for one set of handlers. A window with a print or PDF under way refuses another
 * (including while its save dialog is open), so a double click never prints twice.
 */
export function createPrintService(deps: BridgeDeps): PrintService {
  const busy = new WeakSet<SenderContents>();
  const fontsTimeoutMs = deps.fontsTimeoutMs ?? FONTS_TIMEOUT_MS;

  async function exclusively<T>(
    sender: SenderContents,
    run: () => Promise<T | BridgeFailure>,
  ): Promise<T | BridgeFailure> {
    if (busy.has(sender)) return bridgeFailure('print-in-progress');
    busy.add(sender);
    try {
      if (!(await waitForFonts(sender, fontsTimeoutMs))) {
        deps.log(`print: fonts not ready after ${fontsTimeoutMs} ms`);
        return bridgeFailure('fonts-not-ready');
      }
      return await run();
    } finally {
      busy.delete(sender);
    }
  }

  return {
    printPage: (sender, request) =>
      exclusively<PrintResult>(
        sender,
        () =>
          new Promise((resolve) => {
            try {
              sender.print(printOptionsFor(request), (success, failureReason) => {
                if (success) resolve({ status: 'printed' });
                else if (isCancellation(failureReason)) resolve({ status: 'cancelled' });
                else {
                  deps.log(`print: ${failureReason}`);
                  resolve(bridgeFailure('print-failed'));
                }
              });
            } catch (error) {
              // Electron throws at once for settings Chromium rejects (an invalid page size).
              deps.log('print: refused by Electron', error);
              resolve(bridgeFailure('print-failed'));
            }
          }),
      ),

    printToPdf: (sender, request) =>
      exclusively<PdfResult>(sender, async () => {
        let pdf: Uint8Array;
        try {
          pdf = await sender.printToPDF(pdfOptionsFor(request));
        } catch (error) {
          deps.log('printToPDF failed', error);
          return bridgeFailure('pdf-failed');
        }
        return saveWithDialog(deps, sender, pdfFileNameFor(request.title), pdf);
      }),
  };
}
