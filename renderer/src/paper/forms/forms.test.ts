import { calendarCreate } from '@shared/calendar/working-calendar';
import { DEFAULT_BUSINESS_HOURS } from '@shared/calendar/deadline';
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { caseForViewer } from '@shared/access/mask';
import type { IsoDate, IsoInstant, StaffId } from '@shared/kernel/brand';
import type { CaseEntity, CaseEventEntity } from '@shared/model/entities';
import { presetFor } from '@shared/rules/presets';
import { PRINT_SETTINGS_DEFAULT } from '@shared/paper/settings';
import type { Locale } from '@shared/rules/rules';
import type { CaseEventType } from '@shared/workflow/events';
import { caseFold } from '@shared/workflow/reducer';
import { SAMPLE_PAYLOADS, caseStory } from '@shared/workflow/test-builders';
import { statsLabelsOf } from '@shared/stats/combine';
import { periodOfMonth } from '@shared/stats/period';
import { statsReport } from '@shared/stats/report';
import { FIXTURE_AS_OF, FIXTURE_CTX, statsFixture } from '@shared/stats/test-fixture';
import { vocabularyLocale } from '../../vocabulary/words';
import { printFormsLocale } from '../locale';
import type { PrintDocument } from '../model';
import type { FormContext } from './common';
import { dispatchDocument } from './dispatch';
import { eventDetailText } from './event-text';
import { followUpSheetDocument } from './follow-up-sheet';
import { handlingRecordDocument } from './handling-record';
import { handlingNoticeDocument, handoverDocument } from './hospital';
import { monthlyReportDocument } from './monthly-report';
import { registerDocument } from './register';
import { printPageRule } from '../page-style';
import { reviewRecordDocument } from './review-record';

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.init({
    lng: 'zh-CN',
    // Only the words paper uses: the vocabulary and the forms' own (no UI words).
    resources: {
      'zh-CN': { translation: { ...vocabularyLocale.zh, printForms: printFormsLocale.zh } },
      en: { translation: { ...vocabularyLocale.en, printForms: printFormsLocale.en } },
    },
    interpolation: { escapeValue: false },
  });
});

function context(overrides: Partial<FormContext> = {}, locale: Locale = 'zh-CN'): FormContext {
  const t = i18n.getFixedT(locale);
  return {
    t: (key, options) => t(key, options ?? {}),
    locale,
    rules: presetFor('property'),
    timeZone: 'Asia/Shanghai',
    settings: PRINT_SETTINGS_DEFAULT,
    organisation: '阳光花园物业服务中心',
    printedAt: '2026-10-30T02:00:00.000Z' as IsoInstant,
    deadlineContext: {
      calendar: calendarCreate([]),
      businessHours: DEFAULT_BUSINESS_HOURS,
      timeZone: 'Asia/Shanghai',
    },
    ...overrides,
  };
}

/** A case that went through intake, dispatch, reply, follow-up and closing. */
function closedCase(): { item: CaseEntity; events: CaseEventEntity[] } {
  const story = caseStory();
  const events: CaseEventEntity[] = [
    story.event('case/received', { categoryId: 'lift' }),
    story.event('case/dispatched', { instructions: '今日内到场' }),
    story.event('case/accepted'),
    story.event('case/replied'),
    story.event('case/followedUp'),
    story.event('case/responsibilityDetermined'),
    story.event('case/correctiveAction'),
    story.event('case/closed', { finalCauseId: 'equipmentFault' }),
  ];
  const item = caseFold(events);
  if (!item) throw new Error('no case');
  return { item, events };
}

/** Every text a document prints. */
function textsOf(doc: PrintDocument): string[] {
  return [
    ...Object.values(doc.header),
    doc.footerLeft,
    doc.footerRight,
    ...doc.sections.flatMap((section) => {
      switch (section.type) {
        case 'table':
          return [
            section.caption ?? '',
            ...[...section.head, ...section.rows].flatMap((r) => r.cells.map((c) => c.text)),
          ];
        case 'note':
          return [section.text];
        case 'signatures':
          return [section.dateText, ...section.lines.map((line) => line.label)];
        case 'images':
          return [section.caption ?? '', ...section.images.map((image) => image.caption)];
      }
    }),
  ];
}

/** i18next gives the key back when a word is missing: no printed text may look like one. */
function expectNoMissingWords(doc: PrintDocument) {
  const keys = textsOf(doc).filter((text) =>
    /\b(printForms|event|status|flag)\.[a-zA-Z]/.test(text),
  );
  expect(keys).toEqual([]);
}

describe('the case forms', () => {
  const builders = {
    dispatch: dispatchDocument,
    handover: handoverDocument,
    handlingNotice: handlingNoticeDocument,
    handlingRecord: handlingRecordDocument,
    reviewRecord: reviewRecordDocument,
  } as const;

  it.each(Object.entries(builders))('%s prints every word, in both languages', (_form, build) => {
    for (const locale of ['zh-CN', 'en'] as const) {
      const doc = build(context({}, locale), closedCase());
      expectNoMissingWords(doc);
      expect(doc.caseId).toBe(closedCase().item.id);
      expect(doc.orientation).toBe('portrait');
    }
  });

  it('puts the number and the print date on the dispatch sheet, and the unit’s reply', () => {
    const doc = dispatchDocument(context(), closedCase());
    expect(doc.header).toEqual({
      organisation: '阳光花园物业服务中心',
      title: '客户投诉/需求派工单',
      left: '编号：2610-0001',
      right: '打印日期：2026-10-30',
      // Scanned when the sheet comes back: opens the case at the reply.
      code: '2610-0001/D',
    });
    const texts = textsOf(doc);
    expect(texts).toEqual(
      expect.arrayContaining(['工程部', '李强', '今日内到场', '已更换电梯控制板，恢复运行']),
    );
    expect(texts).toEqual(expect.arrayContaining(['交办人签字：', '接单人签字：', '负责人签字：']));
  });

  it('lists the whole history on the handling record, one row per step', () => {
    const { item, events } = closedCase();
    const doc = handlingRecordDocument(context(), { item, events });
    expect(doc.header.code).toBe(item.number);
    const history = doc.sections.find((s) => s.type === 'table' && s.key === 'history');
    expect(history?.type === 'table' && history.rows.map((r) => r.cells[2]?.text)).toEqual([
      '受理登记',
      '交办',
      '接单',
      '办结回复',
      '回访',
      '定责',
      '纠正预防措施',
      '结案',
    ]);
  });

  it('leaves out the signature lines the desk turned off', () => {
    const settings = {
      ...PRINT_SETTINGS_DEFAULT,
      signatures: { ...PRINT_SETTINGS_DEFAULT.signatures, unitHead: false },
    };
    const texts = textsOf(dispatchDocument(context({ settings }), closedCase()));
    expect(texts).toContain('交办人签字：');
    expect(texts).not.toContain('负责人签字：');
    const none = {
      ...PRINT_SETTINGS_DEFAULT,
      signatures: {
        ...PRINT_SETTINGS_DEFAULT.signatures,
        dispatcher: false,
        recipient: false,
        unitHead: false,
      },
    };
    const doc = dispatchDocument(context({ settings: none }), closedCase());
    expect(doc.sections.some((s) => s.type === 'signatures')).toBe(false);
  });

  it('prints a blank review record to fill in at the meeting when no review is recorded', () => {
    const doc = reviewRecordDocument(context(), closedCase());
    const round = doc.sections.find((s) => s.key === 'round0');
    expect(
      round?.type === 'table' && round.rows.filter((r) => r.cells[1]?.role === 'blank').length,
    ).toBe(7);
  });
});

describe('eventDetailText', () => {
  it.each(Object.keys(SAMPLE_PAYLOADS) as CaseEventType[])('words %s in both languages', (type) => {
    const event = caseStory().event(type);
    for (const locale of ['zh-CN', 'en'] as const) {
      const text = eventDetailText(context({}, locale), event);
      expect(text).not.toMatch(/\b(printForms|event)\.[a-zA-Z]/);
    }
  });
});

describe('the register', () => {
  const range = { from: '2026-10-01' as IsoDate, to: '2026-10-31' as IsoDate };

  it('has the two header rows of the paper register and one row per case', () => {
    const { item } = closedCase();
    const doc = registerDocument(
      context(),
      [item, { ...item, id: 'b' as CaseEntity['id'] }],
      range,
    );
    expect(doc.orientation).toBe('landscape');
    const table = doc.sections[0];
    expect(table?.type).toBe('table');
    if (table?.type !== 'table') return;
    expect(table.head).toHaveLength(2);
    // Exactly the 21 columns of DOMAIN.md section 6.
    expect(table.columns).toHaveLength(21);
    expect(table.rows[0]?.cells).toHaveLength(21);
    expect(table.rows.map((r) => r.cells[0]?.text)).toEqual(['1', '2']);
    // The closed case was replied within its deadline: in time, as on the register screen, on
    // the second line of 处理情况(单据联号).
    expect(table.rows[0]?.cells[11]?.text).toBe(`${item.number}（已结案）\n按时回复`);
    // Dates in the register's year print as month-day: the year is in the header.
    expect(table.rows[0]?.cells[6]?.text).toBe('10-09');
    expect(doc.header.left).toBe('受理日期：2026-10-01 至 2026-10-31\u3000共 2 件');
    expectNoMissingWords(doc);
  });

  it('prints on A4 landscape by default and on A3 landscape when the desk chose A3', () => {
    const { item } = closedCase();
    const a4 = registerDocument(context(), [item], range);
    expect(a4.paper).toBe('A4');
    expect(printPageRule(a4.orientation, PRINT_SETTINGS_DEFAULT.margins, a4.paper)).toBe(
      '@page { size: A4 landscape; margin: 12mm 12mm 12mm 15mm; }',
    );
    const a3 = registerDocument(
      context({ settings: { ...PRINT_SETTINGS_DEFAULT, registerPaper: 'A3' } }),
      [item],
      range,
    );
    expect([a3.orientation, a3.paper]).toEqual(['landscape', 'A3']);
    expect(printPageRule(a3.orientation, PRINT_SETTINGS_DEFAULT.margins, a3.paper)).toBe(
      '@page { size: A3 landscape; margin: 12mm 12mm 12mm 15mm; }',
    );
    // The choice is the register's alone: case forms stay on A4.
    expect(printPageRule('portrait', PRINT_SETTINGS_DEFAULT.margins)).toContain(
      'size: A4 portrait',
    );
  });

  it('keeps the serial number and the phone on one line (「191/3」, a masked landline)', () => {
    const { item } = closedCase();
    const landline = { ...item, customer: { ...item.customer, phone: '0571-88880007' } };
    const doc = registerDocument(context(), [landline], range);
    const row = doc.sections[0]?.type === 'table' ? doc.sections[0].rows[0] : undefined;
    expect(row?.cells[0]).toMatchObject({ text: '1', nowrap: true });
    expect(row?.cells[3]?.nowrap).toBe(true);
    expect(row?.cells.filter((cell) => cell.nowrap)).toHaveLength(2);
  });

  it('masks what a confidential case hides from an operator who may not read it', () => {
    const { item } = closedCase();
    const secret = { ...item, flags: ['confidential' as const] };
    const clerk = { id: 'staff-c' as StaffId, name: '赵敏', roles: ['clerk' as const] };
    const doc = registerDocument(context(), [caseForViewer(secret, clerk)], range);
    const row = doc.sections[0]?.type === 'table' ? doc.sections[0].rows[0] : undefined;
    const texts = row?.cells.map((c) => c.text) ?? [];
    expect(texts).not.toContain(item.subject);
    expect(texts).not.toContain(item.customer.address);
    expect(texts).toContain('（保密）');
    expect(texts.join('|')).not.toContain(item.customer.name);
    expect(texts.join('|')).not.toContain(item.customer.phone);
  });

  it('says so when nothing was registered in the range', () => {
    const doc = registerDocument(context(), [], range);
    const table = doc.sections[0];
    expect(table?.type === 'table' && table.rows[0]?.cells[0]?.text).toBe(
      '本期间没有登记的投诉或需求',
    );
  });
});

describe('the follow-up sheet', () => {
  it('leaves the result columns blank and keeps the number to call', () => {
    const { item } = closedCase();
    const doc = followUpSheetDocument(context(), [item], '2026-10-30' as IsoDate);
    const table = doc.sections[0];
    if (table?.type !== 'table') throw new Error('no table');
    const cells = table.rows[0]?.cells ?? [];
    expect(cells[3]?.text).toBe('13812345678');
    // Each row's number carries its QR code, to open the case when the sheet comes back.
    expect(cells[1]).toMatchObject({ text: item.number, code: item.number });
    expect(cells.slice(-3).map((c) => c.role)).toEqual(['blank', 'blank', 'blank']);
    expectNoMissingWords(doc);
  });
});

describe('the monthly report', () => {
  const rules = presetFor('property');
  const figures = statsReport({
    cases: statsFixture(rules),
    range: periodOfMonth(2026, 11, rules.reportPeriodStartDay),
    rules,
    deadlineContext: FIXTURE_CTX,
    asOf: FIXTURE_AS_OF,
  });

  it('prints the figures of shared/stats in the sections of the monthly workbook', () => {
    for (const locale of ['zh-CN', 'en'] as const) {
      const doc = monthlyReportDocument(context({}, locale), {
        figures,
        labels: statsLabelsOf(rules),
      });
      expectNoMissingWords(doc);
    }
    const doc = monthlyReportDocument(context(), { figures, labels: statsLabelsOf(rules) });
    expect(doc.header.title).toBe('客户投诉/需求信息月报表');
    expect(doc.header.left).toBe('报告期：2026-10-25 至 2026-11-24');
    expect(doc.sections.map((s) => (s.type === 'table' ? s.caption : s.type))).toEqual([
      '一、受理情况',
      '二、按类型和类别',
      '三、按级别',
      '四、处理时效',
      '五、回访与满意度',
      '六、按最终原因',
      '七、按承办单位',
      '八、重大及超期事项',
      'signatures',
    ]);
    const intake = doc.sections[0];
    expect(intake?.type === 'table' && intake.rows[0]?.cells.map((c) => c.text)).toEqual([
      '受理事项（按事项计）',
      String(figures.matters),
      '',
    ]);
    const notable = doc.sections[7];
    expect(notable?.type === 'table' && notable.rows.length).toBe(
      Math.max(1, figures.notable.length),
    );
  });
});

describe('the handling record’s attachments', () => {
  it('lists the files on the case and prints the images in an annex, four to a page', () => {
    const { item, events } = closedCase();
    const story = caseStory({ caseId: item.id });
    story.see(...events);
    const photo = (n: number, caption?: string) =>
      story.event('case/attachmentAdded', {
        attachmentId: `photo-${n}`,
        name: `现场${n}.jpg`,
        ...(caption ? { caption } : { caption: undefined }),
      });
    const withFiles = [
      ...events,
      photo(1, '顶棚渗水'),
      story.event('case/attachmentAdded', {
        attachmentId: 'letter',
        name: '来信.pdf',
        kind: 'pdf',
        mediaType: 'application/pdf',
        caption: '业主来信',
      }),
      photo(2),
      story.event('case/attachmentRemoved', { attachmentId: 'photo-2', name: '现场2.jpg' }),
    ];
    const images = [1, 3, 4, 5, 6].map((n) => ({
      attachment: {
        ...SAMPLE_PAYLOADS['case/attachmentAdded'],
        attachmentId: `photo-${n}`,
        name: `现场${n}.jpg`,
        caption: n === 1 ? '顶棚渗水' : undefined,
        addedAt: item.receivedAt,
        addedById: item.receiverId,
        addedByName: '王丽',
      },
      image: new Blob([]),
    }));
    const doc = handlingRecordDocument(context(), {
      item,
      events: withFiles,
      annex: { perPage: 4, images },
    });
    expectNoMissingWords(doc);
    const list = doc.sections.find((s) => s.key === 'attachments');
    if (list?.type !== 'table') throw new Error('no attachment list');
    expect(list.rows.map((r) => r.cells.map((c) => c.text).slice(1, 5))).toEqual([
      ['现场1.jpg', '图片', '1.2 KB', '顶棚渗水'],
      ['来信.pdf', 'PDF', '1.2 KB', '业主来信'],
    ]);
    const annex = doc.sections.filter((s) => s.type === 'images');
    expect(annex.map((s) => [s.caption, s.type === 'images' ? s.images.length : 0])).toEqual([
      ['附件图片', 4],
      ['附件图片（续）', 1],
    ]);
    expect(textsOf(doc)).toContain('图 1　顶棚渗水');
    expect(textsOf(doc)).toContain('图 5　现场6.jpg');
    // The annex comes after the signature lines.
    const kinds = doc.sections.map((s) => s.type);
    expect(kinds.indexOf('signatures')).toBeLessThan(kinds.indexOf('images'));
  });

  it('has no attachment list and no annex when the case has no file', () => {
    const doc = handlingRecordDocument(context(), closedCase());
    expect(doc.sections.some((s) => s.key === 'attachments' || s.type === 'images')).toBe(false);
  });
});
