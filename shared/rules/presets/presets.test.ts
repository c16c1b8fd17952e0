import { describe, expect, it } from 'vitest';
import { numberPatternProblems } from '../../register/numbering';
import type { CategoryDef, DeadlineRule, DeadlineSpec, DeskRules, LocalizedText } from '../rules';
import { CHANNEL_IDS, CHANNELS, PRESET_IDS, PRESETS, presetFor } from './index';

function duplicates(ids: readonly string[]): string[] {
  return ids.filter((id, index) => ids.indexOf(id) !== index);
}

function categoryIds(categories: readonly CategoryDef[]): string[] {
  return categories.flatMap((c) => [c.id, ...categoryIds(c.children ?? [])]);
}

function isLocalizedText(value: unknown): value is LocalizedText {
  return (
    typeof value === 'object' && value !== null && Object.keys(value).sort().join() === 'en,zh'
  );
}

/** Every `{ zh, en }` anywhere in the rules, with where it was found. */
function allTexts(value: unknown, path = ''): [string, LocalizedText][] {
  if (isLocalizedText(value)) return [[path, value]];
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, child]) => allTexts(child, `${path}.${key}`));
}

function allDeadlineRules(rules: DeskRules): DeadlineRule[] {
  const d = rules.deadlines;
  return [...d.handling, ...d.followUp, ...(d.interim ?? [])];
}

function allDeadlineSpecs(rules: DeskRules): DeadlineSpec[] {
  const d = rules.deadlines;
  return [
    ...allDeadlineRules(rules).map((rule) => rule.deadline),
    d.escalated,
    ...(d.dispatch ? [d.dispatch] : []),
    ...(d.maxExtension ? [d.maxExtension] : []),
  ];
}

describe.each(PRESET_IDS)('the %s preset', (presetId) => {
  const rules = presetFor(presetId);
  const kindIds = rules.kinds.map((k) => k.id);
  const levelIds = rules.levels.map((l) => l.id);

  it('starts a new intake at one of its own kinds', () => {
    expect(kindIds).toContain(rules.defaultKindId);
  });

  it('is filed under its own id', () => {
    expect(rules.presetId).toBe(presetId);
    expect(PRESETS[presetId]).toBe(rules);
  });

  it('has unique ids for kinds, levels, ranks, channels and final causes', () => {
    expect(rules.kinds.length).toBeGreaterThan(0);
    expect(duplicates(kindIds)).toEqual([]);
    expect(duplicates(levelIds)).toEqual([]);
    expect(duplicates(rules.levels.map((l) => String(l.rank)))).toEqual([]);
    expect(duplicates(rules.channels.map((c) => c.id))).toEqual([]);
    expect(rules.finalCauses.length).toBeGreaterThan(0);
    expect(duplicates(categoryIds(rules.finalCauses))).toEqual([]);
  });

  it('has category ids unique across all its kinds', () => {
    expect(duplicates(rules.kinds.flatMap((k) => categoryIds(k.categories)))).toEqual([]);
  });

  it('keeps categories to two levels', () => {
    for (const kind of rules.kinds) {
      for (const parent of kind.categories) {
        for (const child of parent.children ?? []) expect(child.children ?? []).toEqual([]);
      }
    }
  });

  it('uses ids in camelCase', () => {
    const ids = [
      ...kindIds,
      ...levelIds,
      ...rules.channels.map((c) => c.id),
      ...rules.kinds.flatMap((k) => categoryIds(k.categories)),
      ...categoryIds(rules.finalCauses),
    ];
    expect(ids.filter((id) => !/^[a-z][A-Za-z0-9]*$/.test(id))).toEqual([]);
  });

  it('names only kinds and levels it defines in its deadline and level rules', () => {
    for (const rule of allDeadlineRules(rules)) {
      for (const id of rule.kindIds ?? []) expect(kindIds).toContain(id);
      for (const id of rule.levelIds ?? []) expect(levelIds).toContain(id);
    }
    const classes = rules.kinds.map((k) => k.class);
    for (const rule of rules.levelRules) {
      expect(levelIds).toContain(rule.levelId);
      expect(rule.anyOf.length).toBeGreaterThan(0);
      for (const id of rule.kindIds ?? []) expect(kindIds).toContain(id);
      for (const condition of rule.anyOf) {
        if (condition.type === 'overdue') expect(classes).toContain(condition.kindClass);
        if (condition.type === 'amountAtLeast') expect(Number.isInteger(condition.fen)).toBe(true);
      }
    }
  });

  it('gives every kind a handling and a follow-up deadline', () => {
    const d = rules.deadlines;
    for (const kindId of kindIds) {
      const matches = (rule: DeadlineRule) =>
        !rule.urgentOnly && !rule.levelIds && (!rule.kindIds || rule.kindIds.includes(kindId));
      expect(d.handling.some(matches), kindId).toBe(true);
      expect(d.followUp.some(matches), kindId).toBe(true);
    }
  });

  it('has deadlines with sensible amounts', () => {
    for (const spec of allDeadlineSpecs(rules)) {
      if (spec.unit === 'sameWorkingDay') expect(spec.amount).toBe(0);
      else
        expect(Number.isInteger(spec.amount) && spec.amount > 0, JSON.stringify(spec)).toBe(true);
    }
  });

  it('turns invalid complaints into a kind it defines, if at all', () => {
    if (rules.invalidComplaintBecomesKindId !== undefined) {
      expect(kindIds).toContain(rules.invalidComplaintBecomesKindId);
    }
  });

  it('labels everything in both languages', () => {
    const texts = allTexts(rules);
    expect(texts.length).toBeGreaterThan(20);
    const blank = texts.filter(([, t]) => t.zh.trim() === '' || t.en.trim() === '');
    expect(blank.map(([path]) => path)).toEqual([]);
  });

  it('has follow-up rules within range', () => {
    const f = rules.followUp;
    expect(f.sampleRateSatisfied).toBeGreaterThanOrEqual(0);
    expect(f.sampleRateSatisfied).toBeLessThanOrEqual(1);
    expect(f.scale.min).toBeLessThan(f.scale.max);
    expect(f.scale.satisfiedAtLeast).toBeGreaterThan(f.scale.min);
    expect(f.scale.satisfiedAtLeast).toBeLessThanOrEqual(f.scale.max);
    expect(f.questions.length).toBeGreaterThan(0);
    expect(f.methods.length).toBeGreaterThan(0);
    if (f.visitTarget !== undefined) expect(f.visitTarget).toBeLessThanOrEqual(1);
    const classes = rules.kinds.map((k) => k.class);
    for (const c of f.alwaysForClasses) expect(classes).toContain(c);
  });

  it('numbers with the default pattern, which has no problems', () => {
    expect(rules.numbering).toEqual({ pattern: '{YY}{MM}-{SEQ:4}', resetEvery: 'month' });
    expect(numberPatternProblems(rules.numbering.pattern, rules.numbering.resetEvery)).toEqual([]);
  });

  it('picks its channels from the shared list', () => {
    expect(rules.channels.length).toBeGreaterThan(0);
    for (const channel of rules.channels) expect(channel).toBe(CHANNELS[channel.id as never]);
  });

  it('has a report period start day every month has', () => {
    expect(rules.reportPeriodStartDay).toBeGreaterThanOrEqual(1);
    expect(rules.reportPeriodStartDay).toBeLessThanOrEqual(28);
  });

  it('is frozen, so a desk cannot edit the shipped preset by accident', () => {
    expect(Object.isFrozen(rules)).toBe(true);
    expect(Object.isFrozen(rules.kinds[0]?.categories)).toBe(true);
  });
});

describe('the shared channel list', () => {
  it('has every channel of DOMAIN.md section 1, each used by some preset', () => {
    expect(CHANNEL_IDS).toHaveLength(12);
    const used = new Set(PRESET_IDS.flatMap((id) => PRESETS[id].channels.map((c) => c.id)));
    expect([...CHANNEL_IDS].filter((id) => !used.has(id))).toEqual([]);
  });

  it('offers post-discharge follow-up to the hospital only', () => {
    const having = PRESET_IDS.filter((id) =>
      PRESETS[id].channels.some((c) => c.id === 'dischargeFollowUp'),
    );
    expect(having).toEqual(['hospital']);
  });
});

describe('preset specifics', () => {
  it('property: 5 complaint and 7 request categories, invalid complaints become requests', () => {
    const { kinds, invalidComplaintBecomesKindId, reportPeriodStartDay } = PRESETS.property;
    expect(kinds.map((k) => [k.id, k.categories.length])).toEqual([
      ['complaint', 5],
      ['request', 7],
    ]);
    expect(invalidComplaintBecomesKindId).toBe('request');
    expect(reportPeriodStartDay).toBe(25);
    expect(PRESETS.property.terms.registerTitle.zh).toBe('客户投诉/需求登记表');
    expect(PRESETS.property.followUp.questions).toHaveLength(5);
  });

  it('hotline: six kinds, phone first, scripts and referrals', () => {
    const h = PRESETS.hotline;
    expect(h.kinds.map((k) => k.id)).toEqual([
      'suggestion',
      'appeal',
      'help',
      'complaintReport',
      'inquiry',
      'praise',
    ]);
    expect(h.channels[0]?.id).toBe('phone');
    expect(h.channels.map((c) => c.id)).not.toContain('letter');
    expect(h.channels.map((c) => c.id)).not.toContain('walkIn');
    expect(h.scripts?.opening.zh).toBe('您好！市长热线，请问有什么可以帮到您？');
    expect(h.followUp.openingScript?.zh).toBe(
      '您好，这里是市长热线，现在需要对您之前的来电做一个回访，请问您有时间吗？',
    );
    expect(h.followUp.unreachableAfterWorkingDays).toBe(2);
    expect(h.deadlines.dispatch).toEqual({ amount: 1, unit: 'clockHours', fromOpening: true });
    expect(h.referrals.map((r) => r.phone)).toEqual(['12348', '110', '12388', '', '', '']);
    expect(h.terms.customer.zh).toBe('来电人');
    expect(h.terms.handler.zh).toBe('承办单位');
  });

  it('hospital: level 1 ranks highest; same-day hand-over; 5 working days of extension', () => {
    const h = PRESETS.hospital;
    expect([...h.levels].sort((a, b) => b.rank - a.rank).map((l) => l.id)).toEqual([
      'level1',
      'level2',
      'level3',
    ]);
    expect(h.deadlines.dispatch?.unit).toBe('sameWorkingDay');
    expect(h.deadlines.maxExtension).toEqual({ amount: 5, unit: 'workingDays' });
    expect(h.terms.customer.zh).toBe('投诉人');
    expect(h.terms.handler.zh).toBe('责任科室');
  });

  it('company: quality and non-quality complaints, dispatch within 30 minutes', () => {
    const c = PRESETS.company;
    expect(c.kinds.find((k) => k.id === 'complaint')?.categories.map((x) => x.id)).toEqual([
      'quality',
      'nonQuality',
    ]);
    expect(c.deadlines.dispatch).toEqual({ amount: 30, unit: 'clockMinutes', fromOpening: true });
  });
});
