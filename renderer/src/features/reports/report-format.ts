/** How the reports screen writes rates and averages: `87.5%`, `3.2`, and `—` for none. */
export function percentText(rate: number | undefined): string {
  return rate === undefined ? '—' : `${(rate * 100).toFixed(1)}%`;
}

export function decimalText(value: number | undefined, digits = 1): string {
  return value === undefined ? '—' : value.toFixed(digits);
}
