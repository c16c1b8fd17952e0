/**
 * The case number as a Code 128 barcode and a QR code at the top of a case form, so that a
 * returned paper sheet is opened by a scan (shared/paper/scan-code.ts says what they encode).
 */
import bwipjs from 'bwip-js/browser';
import { useMemo } from 'react';

/**
 * Sizes on paper. A Code 128 module of 0.3 mm is 2.4 dots at 200 dpi (what the print tests
 * rasterise at) and 3.5 at an office printer's 300 dpi: enough for a scanner and for zbarimg.
 */
const BAR_MODULE_MM = 0.3;
const BAR_HEIGHT_MM = 8;
const QR_SIZE_MM = 14;
/** In a list form's number cell: 0.48 mm a module, 3.8 dots at 200 dpi. */
const CELL_QR_SIZE_MM = 10;

/** An SVG drawing as an image address, stretched to the box it is given. */
function svgSource(svg: string): string {
  const stretched = svg.replace('<svg ', '<svg preserveAspectRatio="none" ');
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(stretched)}`;
}

function viewBoxWidth(svg: string): number {
  const match = /viewBox="0 0 ([\d.]+) /.exec(svg);
  return match ? Number(match[1]) : 0;
}

export function PrintCodes({ code }: Readonly<{ code: string }>) {
  const drawn = useMemo(() => {
    const bars = bwipjs.toSVG({ bcid: 'code128', text: code, scale: 1, height: BAR_HEIGHT_MM });
    const qr = bwipjs.toSVG({ bcid: 'qrcode', text: code, scale: 1 });
    // At scale 1 bwip-js draws a Code 128 module one unit wide.
    return {
      bars: svgSource(bars),
      barsWidthMm: viewBoxWidth(bars) * BAR_MODULE_MM,
      qr: svgSource(qr),
    };
  }, [code]);
  return (
    <>
      <img
        className="pf-code-bars"
        src={drawn.bars}
        alt={code}
        data-pf-code={code}
        style={{ width: `${drawn.barsWidthMm}mm`, height: `${BAR_HEIGHT_MM}mm` }}
      />
      <img
        className="pf-code-qr"
        src={drawn.qr}
        alt={code}
        style={{ width: `${QR_SIZE_MM}mm`, height: `${QR_SIZE_MM}mm` }}
      />
    </>
  );
}

/** A list form's row: the case number as a QR code under its text (a barcode would not fit). */
export function PrintCellCode({ code }: Readonly<{ code: string }>) {
  const source = useMemo(
    () => svgSource(bwipjs.toSVG({ bcid: 'qrcode', text: code, scale: 1 })),
    [code],
  );
  return (
    <img
      className="pf-cell-code"
      src={source}
      alt={code}
      style={{ width: `${CELL_QR_SIZE_MM}mm`, height: `${CELL_QR_SIZE_MM}mm` }}
    />
  );
}
