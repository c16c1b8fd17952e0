import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BIDI_CONTROLS, bidiControlLabel, hasBidiControls, isolateBidi } from './bidi';

const CONTROLS = [
  ...['202A', '202B', '202C', '202D', '202E'],
  ...['2066', '2067', '2068', '2069'],
  ...['200E', '200F', '061C'],
].map((hex) => String.fromCodePoint(Number.parseInt(hex, 16)));

describe('hasBidiControls', () => {
  it('finds every control the desk neutralises', () => {
    for (const control of CONTROLS) expect(hasBidiControls(`张三${control}abc`)).toBe(true);
  });

  it('leaves honest text alone, including right-to-left letters and neighbouring characters', () => {
    for (const text of [
      '张建国',
      'Zhang Jianguo',
      'محمد',
      'שלום',
      '3-1502',
      '\u200d',
      '\u2029',
      '\u2065',
      '\u202f',
    ]) {
      expect(hasBidiControls(text)).toBe(false);
    }
  });
});

describe('isolateBidi', () => {
  it('returns text without controls unchanged', () => {
    expect(isolateBidi('张建国 3-1502')).toBe('张建国 3-1502');
    expect(isolateBidi('')).toBe('');
  });

  it('shows a right-to-left override as a visible label inside an isolate', () => {
    expect(isolateBidi('张三\u202Egpj.exe')).toBe('\u2068张三⟨U+202E⟩gpj.exe\u2069');
  });

  it('labels each control with its code point', () => {
    expect(bidiControlLabel('\u061C')).toBe('⟨U+061C⟩');
    expect(isolateBidi('\u200Ea\u2066b\u2069')).toBe('\u2068⟨U+200E⟩a⟨U+2066⟩b⟨U+2069⟩\u2069');
  });

  it('never lets a control through except the isolate it adds around the value', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...CONTROLS), fc.string())), (parts) => {
        const shown = isolateBidi(parts.join(''));
        const inner = hasBidiControls(parts.join('')) ? shown.slice(1, -1) : shown;
        expect(BIDI_CONTROLS.test(inner)).toBe(false);
      }),
    );
  });
});
