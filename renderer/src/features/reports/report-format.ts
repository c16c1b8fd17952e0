/** How the reports screen writes rates and averages: `87.5%`, `4.95`, and `—` for none. */

/** An average satisfaction score has two decimals wherever it is shown (headline and table). */
export const SCORE_DIGITS = 2;

/**
 * One rounding rule for every figure of the screen: half away from zero on the decimal digits
 * shown (`toFixed` alone rounds the binary value, so 1.005 would print as 1.00).
 */
function roundedText(value: number, digits: number): string {
  const factor = 10 ** digits;
  const scaled = Number((Math.abs(value) * factor).toPrecision(15));
  return ((Math.sign(value) * Math.round(scaled)) / factor).toFixed(digits);
}

export function percentText(rate: number | undefined): string {
  return rate === undefined ? '—' : `${roundedText(rate * 100, 1)}%`;
}

export function decimalText(value: number | undefined, digits = 1): string {
  return value === undefined ? '—' : roundedText(value, digits);
}

/** An average satisfaction score: `4.95`. */
export function scoreText(value: number | undefined): string {
  return decimalText(value, SCORE_DIGITS);
}
