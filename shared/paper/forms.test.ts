import { describe, expect, it } from 'vitest';
import { presetFor } from '../rules/presets';
import {
  PRINT_FORM_IDS,
  isCaseForm,
  isPrintFormId,
  printCaseFormsOf,
  printContentBox,
  printFormPaper,
  printDispatchFormOf,
  printFormOrientation,
  printFormTitle,
  printFormsOf,
  printSignatureRoles,
} from './forms';
import { PRINT_SETTINGS_DEFAULT } from './settings';

describe('the forms of each preset (DOMAIN.md section 7)', () => {
  it.each([
    ['property', 'dispatch'],
    ['hotline', 'dispatch'],
    ['company', 'dispatch'],
    ['hospital', 'handover'],
  ] as const)('%s hands cases over on its %s sheet', (presetId, sheet) => {
    expect(printDispatchFormOf(presetId)).toBe(sheet);
    expect(printFormsOf(presetId)).toContain(sheet);
  });

  it('every preset prints the register, the handling record, the follow-up sheet, the review record and the monthly report', () => {
    for (const presetId of ['property', 'hotline', 'hospital', 'company'] as const) {
      expect(printFormsOf(presetId)).toEqual(
        expect.arrayContaining([
          'register',
          'handlingRecord',
          'followUpSheet',
          'reviewRecord',
          'monthlyReport',
        ]),
      );
    }
  });

  it('only the hospital prints the hand-over sheet and the handling notice', () => {
    expect(printFormsOf('hospital')).toEqual(
      expect.arrayContaining(['handover', 'handlingNotice']),
    );
    expect(printFormsOf('hospital')).not.toContain('dispatch');
    for (const presetId of ['property', 'hotline', 'company'] as const) {
      expect(printFormsOf(presetId)).not.toContain('handover');
      expect(printFormsOf(presetId)).not.toContain('handlingNotice');
    }
  });

  it('lists the case forms of a preset for its case page', () => {
    expect(printCaseFormsOf('property')).toEqual(['dispatch', 'handlingRecord', 'reviewRecord']);
    expect(printCaseFormsOf('hospital')).toEqual([
      'handover',
      'handlingNotice',
      'handlingRecord',
      'reviewRecord',
    ]);
  });

  it('knows its form ids and which are about one case', () => {
    expect(PRINT_FORM_IDS.filter(isCaseForm)).toEqual([
      'dispatch',
      'handover',
      'handlingNotice',
      'handlingRecord',
      'reviewRecord',
    ]);
    expect(isPrintFormId('register')).toBe(true);
    expect(isPrintFormId('invoice')).toBe(false);
  });
});

describe('printFormTitle', () => {
  it('takes the register title from the desk rules, so an edited title prints', () => {
    const rules = presetFor('property');
    expect(printFormTitle(rules, 'register').zh).toBe('客户投诉/需求登记表');
    const edited = {
      ...rules,
      terms: { ...rules.terms, registerTitle: { zh: '报修登记簿', en: 'Repairs book' } },
    };
    expect(printFormTitle(edited, 'register').zh).toBe('报修登记簿');
  });

  it.each([
    ['property', 'reviewRecord', '客户投诉解决方案内部评审表'],
    ['property', 'monthlyReport', '客户投诉/需求信息月报表'],
    ['company', 'dispatch', '客户投诉信息反馈单'],
    ['hospital', 'handover', '服务态度投诉交办单'],
    ['hospital', 'handlingNotice', '服务态度投诉处理通知单'],
    ['hotline', 'register', '市长热线来电登记表'],
  ] as const)('%s prints %s as %s', (presetId, form, title) => {
    expect(printFormTitle(presetFor(presetId), form).zh).toBe(title);
  });

  it('gives every form of every preset a title in both languages', () => {
    for (const presetId of ['property', 'hotline', 'hospital', 'company'] as const) {
      for (const form of PRINT_FORM_IDS) {
        const title = printFormTitle(presetFor(presetId), form);
        expect(title.zh.length).toBeGreaterThan(1);
        expect(title.en.length).toBeGreaterThan(1);
      }
    }
  });
});

describe('signature lines', () => {
  it('prints 交办人, 接单人 and 负责人 on a dispatch sheet by default', () => {
    expect(printSignatureRoles('dispatch', PRINT_SETTINGS_DEFAULT)).toEqual([
      'dispatcher',
      'recipient',
      'unitHead',
    ]);
  });

  it('leaves out the lines the desk turned off', () => {
    const settings = {
      signatures: { ...PRINT_SETTINGS_DEFAULT.signatures, unitHead: false, approver: false },
    };
    expect(printSignatureRoles('dispatch', settings)).toEqual(['dispatcher', 'recipient']);
    expect(printSignatureRoles('register', settings)).toEqual(['preparer']);
  });
});

describe('paper', () => {
  it('prints the list forms as the desk chose and case forms upright', () => {
    const settings = {
      orientation: {
        register: 'landscape',
        followUpSheet: 'portrait',
        monthlyReport: 'landscape',
      },
    } as const;
    expect(printFormOrientation('register', settings)).toBe('landscape');
    expect(printFormOrientation('followUpSheet', settings)).toBe('portrait');
    expect(printFormOrientation('monthlyReport', settings)).toBe('landscape');
    expect(printFormOrientation('dispatch', settings)).toBe('portrait');
    expect(printFormOrientation('handlingRecord', settings)).toBe('portrait');
  });

  it('leaves the A4 area inside the margins, a millimetre short in height', () => {
    const margins = { top: 12, right: 12, bottom: 12, left: 15 };
    expect(printContentBox('portrait', margins)).toEqual({ widthMm: 183, heightMm: 272 });
    expect(printContentBox('landscape', margins)).toEqual({ widthMm: 270, heightMm: 185 });
  });

  it('leaves the A3 area for a register the desk prints on A3; other forms stay on A4', () => {
    const margins = { top: 12, right: 12, bottom: 12, left: 15 };
    expect(printContentBox('landscape', margins, 'A3')).toEqual({ widthMm: 393, heightMm: 272 });
    expect(printContentBox('portrait', margins, 'A3')).toEqual({ widthMm: 270, heightMm: 395 });
    expect(printFormPaper('register', { registerPaper: 'A3' })).toBe('A3');
    expect(printFormPaper('register', { registerPaper: 'A4' })).toBe('A4');
    expect(printFormPaper('followUpSheet', { registerPaper: 'A3' })).toBe('A4');
    expect(printFormPaper('dispatch', { registerPaper: 'A3' })).toBe('A4');
  });
});
