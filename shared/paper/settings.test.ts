import { describe, expect, it } from 'vitest';
import {
  PRINT_SETTINGS_DEFAULT,
  printSettingsCheck,
  printSettingsDraftOf,
  printSettingsRestore,
} from './settings';

describe('printSettingsRestore', () => {
  it.each([
    ['nothing stored', undefined],
    ['not an object', 'landscape'],
    ['an empty object', {}],
  ])('gives the defaults for %s', (_name, stored) => {
    expect(printSettingsRestore(stored)).toEqual(PRINT_SETTINGS_DEFAULT);
  });

  it('keeps every stored field that is usable and fills in the rest', () => {
    const restored = printSettingsRestore({
      headerText: '阳光花园物业服务中心（盖章）',
      signatures: { unitHead: false, reviewer: 'no' },
      maskPhones: false,
      orientation: { register: 'portrait', followUpSheet: 'sideways' },
      margins: { top: 20, right: 2, bottom: '12', left: 18.5 },
    });
    expect(restored.headerText).toBe('阳光花园物业服务中心（盖章）');
    expect(restored.signatures.unitHead).toBe(false);
    expect(restored.signatures.reviewer).toBe(true);
    expect(restored.signatures.dispatcher).toBe(true);
    expect(restored.maskPhones).toBe(false);
    expect(restored.orientation).toEqual({
      register: 'portrait',
      followUpSheet: 'landscape',
      monthlyReport: 'portrait',
    });
    // 2 mm is closer than a printer prints; a string is not a number.
    expect(restored.margins).toEqual({ top: 20, right: 12, bottom: 12, left: 18.5 });
  });

  it('prints the register on A4 unless A3 was chosen; other sizes are not kept', () => {
    expect(PRINT_SETTINGS_DEFAULT.registerPaper).toBe('A4');
    expect(printSettingsRestore({ registerPaper: 'A3' }).registerPaper).toBe('A3');
    expect(printSettingsRestore({ registerPaper: 'A5' }).registerPaper).toBe('A4');
    expect(printSettingsRestore({ registerPaper: 3 }).registerPaper).toBe('A4');
    // A choice survives the settings form's check.
    const draft = printSettingsDraftOf({ ...PRINT_SETTINGS_DEFAULT, registerPaper: 'A3' });
    const checked = printSettingsCheck(draft);
    expect(checked.ok && checked.settings.registerPaper).toBe('A3');
  });
});

describe('printSettingsCheck', () => {
  const draft = printSettingsDraftOf(PRINT_SETTINGS_DEFAULT);

  it('accepts the defaults as typed, and trims the header', () => {
    const result = printSettingsCheck({ ...draft, headerText: '  仁和医院  ' });
    expect(result).toEqual({
      ok: true,
      settings: { ...PRINT_SETTINGS_DEFAULT, headerText: '仁和医院' },
    });
  });

  it.each([
    ['', 'notANumber'],
    ['abc', 'notANumber'],
    ['-3', 'notANumber'],
    ['12.25', 'notANumber'],
    ['4', 'outOfRange'],
    ['41', 'outOfRange'],
  ] as const)('refuses a margin of %j (%s) and saves nothing', (text, code) => {
    const result = printSettingsCheck({ ...draft, margins: { ...draft.margins, top: text } });
    expect(result).toEqual({ ok: false, errors: [{ field: 'margins.top', code }] });
  });

  it('accepts margins with one decimal', () => {
    const result = printSettingsCheck({ ...draft, margins: { ...draft.margins, left: '12.5' } });
    expect(result.ok && result.settings.margins.left).toBe(12.5);
  });

  it('refuses a header longer than a line of the form', () => {
    const result = printSettingsCheck({ ...draft, headerText: '院'.repeat(61) });
    expect(result).toEqual({ ok: false, errors: [{ field: 'headerText', code: 'tooLong' }] });
  });
});
