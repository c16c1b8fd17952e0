import { describe, expect, it } from 'vitest';
import { fenFromYuan, type Fen } from '../kernel/brand';
import { PRESETS } from './presets';
import type { CaseFlag, DeadlineSpec, DeskRules, LevelCondition } from './rules';
import {
  rulesDefaultKind,
  rulesCanConvertKind,
  rulesCategoryPath,
  rulesDefaultLevel,
  rulesFollowUpDeadline,
  rulesFollowUpRequired,
  rulesHandlingDeadline,
  rulesInterimDeadline,
  rulesIsSatisfied,
  rulesKind,
  rulesLabel,
  rulesLevel,
  rulesSampleDraw,
  rulesSuggestedLevel,
} from './rules-query';

const { property, hotline, hospital, company } = PRESETS;
const WD = (amount: number): DeadlineSpec => ({ amount, unit: 'workingDays' });

describe('rulesKind and rulesLevel', () => {
  it('find by id, or undefined', () => {
    expect(rulesKind(property, 'request')?.class).toBe('request');
    expect(rulesKind(hotline, 'complaintReport')?.class).toBe('complaint');
    expect(rulesKind(property, 'nope')).toBeUndefined();
    expect(rulesLevel(hospital, 'level2')?.rank).toBe(2);
    expect(rulesLevel(hospital, 'major')).toBeUndefined();
  });
});

describe('rulesDefaultKind', () => {
  it('starts the hotline at 一般诉求, not at the 建议 its list begins with', () => {
    expect(rulesDefaultKind(PRESETS.hotline).id).toBe('appeal');
  });

  it("falls back to the preset's default for rules stored before the field existed", () => {
    const { defaultKindId: _stored, ...older } = PRESETS.hotline;
    expect(rulesDefaultKind(older).id).toBe('appeal');
  });

  it('takes the first kind when the default names a kind the desk removed', () => {
    const rules = {
      ...PRESETS.hotline,
      defaultKindId: 'gone',
      kinds: PRESETS.hotline.kinds.slice(2),
    };
    expect(rulesDefaultKind(rules).id).toBe('help');
  });
});

describe('rulesDefaultLevel', () => {
  it.each([
    ['property', 'general'],
    ['hotline', 'general'],
    ['hospital', 'level3'],
    ['company', 'general'],
  ] as const)('%s starts at %s', (presetId, levelId) => {
    expect(rulesDefaultLevel(PRESETS[presetId]).id).toBe(levelId);
  });

  it('takes the lowest rank wherever it is listed', () => {
    const levels = [
      { id: 'b', label: { zh: '乙', en: 'B' }, rank: 5 },
      { id: 'a', label: { zh: '甲', en: 'A' }, rank: 2 },
      { id: 'c', label: { zh: '丙', en: 'C' }, rank: 9 },
    ];
    expect(rulesDefaultLevel({ levels }).id).toBe('a');
  });

  it('refuses rules without levels', () => {
    expect(() => rulesDefaultLevel({ levels: [] })).toThrow(/at least one level/);
  });
});

describe('rulesHandlingDeadline', () => {
  it.each<[string, DeskRules, string, string | undefined, CaseFlag[], DeadlineSpec | undefined]>([
    ['property complaint', property, 'complaint', undefined, [], WD(5)],
    ['property major complaint', property, 'complaint', 'major', ['media'], WD(15)],
    ['property request', property, 'request', undefined, [], WD(5)],
    ['property unknown kind', property, 'praise', undefined, [], undefined],
    ['hotline appeal', hotline, 'appeal', undefined, [], WD(5)],
    [
      'hotline urgent help',
      hotline,
      'help',
      undefined,
      ['urgent'],
      { amount: 0, unit: 'sameWorkingDay' },
    ],
    ['hospital complaint', hospital, 'complaint', 'level1', [], WD(2)],
    ['company inquiry', company, 'inquiry', undefined, [], { amount: 24, unit: 'clockHours' }],
    ['company complaint, no level', company, 'complaint', undefined, [], WD(3)],
    ['company general complaint', company, 'complaint', 'general', ['urgent'], WD(3)],
    ['company major complaint', company, 'complaint', 'major', [], WD(2)],
    ['company suggestion', company, 'suggestion', undefined, [], WD(3)],
  ])('%s', (_name, rules, kindId, levelId, flags, expected) => {
    expect(rulesHandlingDeadline(rules, { kindId, levelId, flags })).toEqual(expected);
  });

  it('takes the first matching rule', () => {
    const rules: Pick<DeskRules, 'deadlines' | 'levels'> = {
      levels: property.levels,
      deadlines: {
        ...property.deadlines,
        handling: [
          { levelIds: ['major'], deadline: WD(1) },
          { kindIds: ['complaint'], deadline: WD(2) },
          { deadline: WD(3) },
        ],
      },
    };
    const deadline = (kindId: string, levelId?: string) =>
      rulesHandlingDeadline(rules, { kindId, levelId, flags: [] })?.amount;
    expect(deadline('complaint', 'major')).toBe(1);
    expect(deadline('complaint')).toBe(2);
    expect(deadline('request', 'general')).toBe(3);
  });
});

describe('rulesInterimDeadline', () => {
  it('is the 8 working hours of a company major complaint, and nothing elsewhere', () => {
    expect(
      rulesInterimDeadline(company, { kindId: 'complaint', levelId: 'major', flags: [] }),
    ).toEqual({
      amount: 8,
      unit: 'workingHours',
    });
    expect(rulesInterimDeadline(company, { kindId: 'complaint', flags: [] })).toBeUndefined();
    expect(
      rulesInterimDeadline(property, { kindId: 'complaint', levelId: 'major', flags: [] }),
    ).toBeUndefined();
  });
});

describe('rulesFollowUpDeadline', () => {
  it.each<[string, DeskRules, string, DeadlineSpec | undefined]>([
    ['property complaint', property, 'complaint', { amount: 24, unit: 'clockHours' }],
    ['property request', property, 'request', { amount: 72, unit: 'clockHours' }],
    ['property unknown kind', property, 'praise', undefined],
    ['hotline appeal', hotline, 'appeal', WD(3)],
    ['hotline inquiry', hotline, 'inquiry', WD(3)],
    ['hospital complaint', hospital, 'complaint', WD(3)],
    ['company complaint', company, 'complaint', WD(1)],
    ['company inquiry', company, 'inquiry', WD(3)],
  ])('%s', (_name, rules, kindId, expected) => {
    expect(rulesFollowUpDeadline(rules, kindId)).toEqual(expected);
  });

  it('can take the level and flags into account', () => {
    const rules: Pick<DeskRules, 'deadlines' | 'levels'> = {
      levels: property.levels,
      deadlines: {
        ...property.deadlines,
        followUp: [{ urgentOnly: true, deadline: WD(1) }, { deadline: WD(4) }],
      },
    };
    expect(rulesFollowUpDeadline(rules, 'complaint')?.amount).toBe(4);
    expect(rulesFollowUpDeadline(rules, 'complaint', { flags: ['urgent'] })?.amount).toBe(1);
  });
});

describe('rulesSuggestedLevel', () => {
  const media: LevelCondition = { type: 'flag', flag: 'media' };
  const twoThousand: LevelCondition = { type: 'amountAtLeast', fen: fenFromYuan(2000) };
  const overdue: LevelCondition = { type: 'overdue', kindClass: 'complaint' };
  const base = { flags: [] as CaseFlag[], overdue: false };

  it.each<
    [
      string,
      DeskRules,
      Parameters<typeof rulesSuggestedLevel>[1],
      ReturnType<typeof rulesSuggestedLevel>,
    ]
  >([
    [
      'property: 2,000 yuan exactly suggests major',
      property,
      { ...base, kindId: 'complaint', amountFen: fenFromYuan(2000) },
      { levelId: 'major', reasons: [twoThousand] },
    ],
    [
      'property: 1,999.99 yuan does not',
      property,
      { ...base, kindId: 'complaint', amountFen: 199_999 as Fen },
      undefined,
    ],
    [
      'property: overdue general complaint suggests major',
      property,
      { ...base, kindId: 'complaint', levelId: 'general', overdue: true },
      { levelId: 'major', reasons: [overdue] },
    ],
    [
      'property: no suggestion when already major',
      property,
      { ...base, kindId: 'complaint', levelId: 'major', flags: ['media'], overdue: true },
      undefined,
    ],
    [
      'property: every matching condition is a reason',
      property,
      {
        kindId: 'complaint',
        flags: ['media', 'urgent'],
        amountFen: fenFromYuan(5000),
        overdue: true,
      },
      { levelId: 'major', reasons: [media, twoThousand, overdue] },
    ],
    [
      'property: group dispute suggests major',
      property,
      { ...base, kindId: 'complaint', flags: ['groupDispute'] },
      { levelId: 'major', reasons: [{ type: 'flag', flag: 'groupDispute' }] },
    ],
    [
      'property: levels are for complaints, not requests',
      property,
      { ...base, kindId: 'request', amountFen: fenFromYuan(9000), overdue: true },
      undefined,
    ],
    [
      'property: an urgent flag alone does not',
      property,
      { ...base, kindId: 'complaint', flags: ['urgent', 'safety'] },
      undefined,
    ],
    [
      'hotline: no level rules',
      hotline,
      { ...base, kindId: 'complaintReport', flags: ['media'], overdue: true },
      undefined,
    ],
    [
      'hospital: media exposure suggests level 1',
      hospital,
      { ...base, kindId: 'complaint', levelId: 'level3', flags: ['media'] },
      { levelId: 'level1', reasons: [media] },
    ],
    [
      'hospital: no suggestion when already level 1',
      hospital,
      { ...base, kindId: 'complaint', levelId: 'level1', flags: ['media'] },
      undefined,
    ],
    [
      'company: safety suggests major',
      company,
      { ...base, kindId: 'complaint', flags: ['safety'] },
      { levelId: 'major', reasons: [{ type: 'flag', flag: 'safety' }] },
    ],
    [
      'company: any compensation suggests major',
      company,
      { ...base, kindId: 'complaint', amountFen: 1 as Fen },
      { levelId: 'major', reasons: [{ type: 'amountAtLeast', fen: 1 as Fen }] },
    ],
    [
      'company: a zero amount does not',
      company,
      { ...base, kindId: 'complaint', amountFen: 0 as Fen },
      undefined,
    ],
    [
      'company: an inquiry is never raised',
      company,
      { ...base, kindId: 'inquiry', flags: ['media'] },
      undefined,
    ],
  ])('%s', (_name, rules, c, expected) => {
    expect(rulesSuggestedLevel(rules, c)).toEqual(expected);
  });

  it('picks the highest level when several rules match', () => {
    const rules: Pick<DeskRules, 'kinds' | 'levels' | 'levelRules'> = {
      kinds: hospital.kinds,
      levels: hospital.levels,
      levelRules: [
        { levelId: 'level2', anyOf: [{ type: 'flag', flag: 'lawsuit' }] },
        { levelId: 'level1', anyOf: [media] },
      ],
    };
    const c = { ...base, kindId: 'complaint', flags: ['lawsuit', 'media'] as CaseFlag[] };
    expect(rulesSuggestedLevel(rules, c)).toEqual({ levelId: 'level1', reasons: [media] });
    expect(rulesSuggestedLevel(rules, { ...c, levelId: 'level1' })).toBeUndefined();
    expect(rulesSuggestedLevel(rules, { ...c, flags: ['lawsuit'] })?.levelId).toBe('level2');
  });
});

describe('rulesCanConvertKind', () => {
  it.each<[string, DeskRules, string, string, boolean]>([
    ['hotline inquiry to complaint', hotline, 'inquiry', 'complaintReport', true],
    ['hotline complaint to inquiry', hotline, 'complaintReport', 'inquiry', false],
    ['hotline inquiry to appeal', hotline, 'inquiry', 'appeal', false],
    ['hotline suggestion to complaint', hotline, 'suggestion', 'complaintReport', false],
    ['company inquiry to complaint', company, 'inquiry', 'complaint', true],
    ['company complaint to inquiry', company, 'complaint', 'inquiry', false],
    ['company inquiry to itself', company, 'inquiry', 'inquiry', false],
    ['property request to complaint', property, 'request', 'complaint', false],
    ['unknown kinds', company, 'ghost', 'complaint', false],
  ])('%s: %s', (_name, rules, from, to, expected) => {
    expect(rulesCanConvertKind(rules, from, to)).toBe(expected);
  });
});

describe('rulesFollowUpRequired', () => {
  it.each<[string, DeskRules, string, boolean | undefined, 'always' | 'sample']>([
    ['property complaint', property, 'complaint', true, 'always'],
    ['property satisfied request', property, 'request', true, 'sample'],
    ['property request, satisfaction unknown', property, 'request', undefined, 'sample'],
    ['property unsatisfied request', property, 'request', false, 'always'],
    ['hotline appeal', hotline, 'appeal', true, 'always'],
    ['hotline praise', hotline, 'praise', undefined, 'sample'],
    ['hospital complaint', hospital, 'complaint', true, 'always'],
    ['company complaint', company, 'complaint', undefined, 'always'],
    ['company satisfied inquiry', company, 'inquiry', true, 'sample'],
  ])('%s', (_name, rules, kindId, satisfied, expected) => {
    expect(rulesFollowUpRequired(rules, kindId, satisfied)).toBe(expected);
  });
});

describe('rulesSampleDraw', () => {
  it.each<[DeskRules, number, boolean]>([
    [property, 0, true],
    [property, 0.1499, true],
    [property, 0.15, false],
    [property, 0.99, false],
    [hotline, 0, false],
  ])('draw %#', (rules, random01, expected) => {
    expect(rulesSampleDraw(rules, random01)).toBe(expected);
  });
});

describe('rulesIsSatisfied', () => {
  it.each<[DeskRules, number, boolean]>([
    [property, 5, true],
    [property, 4, false],
    [hotline, 4, true],
    [hotline, 3, false],
  ])('score %# ', (rules, score, expected) => {
    expect(rulesIsSatisfied(rules, score)).toBe(expected);
  });
});

describe('rulesCategoryPath', () => {
  it.each<[string, DeskRules, string, string, string[]]>([
    ['a first-level category', property, 'complaint', 'building', ['房屋管理']],
    ['a second-level one', property, 'complaint', 'illegalConstruction', ['房屋管理', '违章搭建']],
    ['a request category', property, 'request', 'developer', ['开发板块']],
    ['a category of another kind', property, 'request', 'building', []],
    ['an unknown kind', property, 'ghost', 'building', []],
    ['hotline urgent help', hotline, 'help', 'helpUrgent', ['紧急求助']],
    [
      'hospital medical dispute',
      hospital,
      'complaint',
      'medicalAccident',
      ['医疗纠纷', '医疗事故争议'],
    ],
  ])('%s', (_name, rules, kindId, categoryId, labels) => {
    expect(rulesCategoryPath(rules, kindId, categoryId).map((c) => c.label.zh)).toEqual(labels);
  });
});

describe('rulesLabel', () => {
  it.each([
    [{ zh: '投诉', en: 'Complaint' }, 'zh-CN', '投诉'],
    [{ zh: '投诉', en: 'Complaint' }, 'en', 'Complaint'],
    [{ zh: '投诉', en: '' }, 'en', '投诉'],
    [{ zh: '', en: 'Complaint' }, 'zh-CN', 'Complaint'],
  ] as const)('%j in %s', (text, locale, expected) => {
    expect(rulesLabel(text, locale)).toBe(expected);
  });
});
