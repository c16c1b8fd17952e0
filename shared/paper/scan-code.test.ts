import { describe, expect, it } from 'vitest';
import { scanCodeOf, scanCodeRead } from './scan-code';

describe('scanCodeOf', () => {
  it.each([
    ['dispatch', '2611-0001/D'],
    ['handover', '2611-0001/D'],
    ['handlingRecord', '2611-0001'],
    ['followUpSheet', '2611-0001'],
  ] as const)('a %s says %s', (form, code) => {
    expect(scanCodeOf('2611-0001', form)).toBe(code);
  });
});

describe('scanCodeRead', () => {
  it.each([
    ['2611-0001/D', { number: '2611-0001', step: 'reply' }],
    ['2611-0001/d', { number: '2611-0001', step: 'reply' }],
    [' 2611-0001 \n', { number: '2611-0001' }],
    ['TS2611-0001', { number: 'TS2611-0001' }],
    ['', undefined],
    ['   ', undefined],
    ['/D', undefined],
  ])('reads %j', (text, expected) => {
    expect(scanCodeRead(text)).toEqual(expected);
  });

  it('reads back what every form prints', () => {
    for (const form of ['dispatch', 'handlingRecord'] as const) {
      expect(scanCodeRead(scanCodeOf('2611-0042', form))?.number).toBe('2611-0042');
    }
  });
});
