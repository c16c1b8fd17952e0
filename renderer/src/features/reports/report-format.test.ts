import { describe, expect, it } from 'vitest';
import { decimalText, percentText, scoreText } from './report-format';

describe('the reports screen’s figures', () => {
  it('writes an average score with the two decimals of the table, never 5.0 for 4.95', () => {
    expect(scoreText(4.95)).toBe('4.95');
    expect(scoreText(99 / 20)).toBe('4.95');
    expect(scoreText(5)).toBe('5.00');
    expect(scoreText(undefined)).toBe('—');
  });

  it('rounds half up on the digits shown, whatever the binary value', () => {
    expect(decimalText(1.005, 2)).toBe('1.01');
    expect(decimalText(4.945, 2)).toBe('4.95');
    expect(decimalText(2.25)).toBe('2.3');
    expect(percentText(0.8745)).toBe('87.5%');
    expect(percentText(undefined)).toBe('—');
  });
});
