import { describe, expect, it } from 'vitest';
import { calendarCreate } from '@shared/calendar/working-calendar';
import { DEFAULT_BUSINESS_HOURS, type DeadlineContext } from '@shared/calendar/deadline';
import type { IsoInstant } from '@shared/kernel/brand';
import type { DeadlineStanding } from '@shared/register/standing';
import { isRegisterStandingLine, standingText } from './standing';

const ctx: DeadlineContext = {
  calendar: calendarCreate([]),
  businessHours: DEFAULT_BUSINESS_HOURS,
  timeZone: 'Asia/Shanghai',
};
const due = '2026-11-25T09:00:00.000Z' as IsoInstant;
const late = '2026-11-27T09:00:00.000Z' as IsoInstant;
const early = '2026-11-23T09:00:00.000Z' as IsoInstant;

const STANDINGS: readonly [DeadlineStanding, IsoInstant][] = [
  [{ state: 'metInTime', deadline: { dueAt: due }, metAt: early }, late],
  [{ state: 'metLate', deadline: { dueAt: due }, metAt: late }, late],
  [{ state: 'overdue', deadline: { dueAt: due } }, late],
  [{ state: 'dueSoon', deadline: { dueAt: due } }, early],
  [{ state: 'ok', deadline: { dueAt: due } }, early],
  [{ state: 'exempt' }, late],
];

describe('isRegisterStandingLine', () => {
  it('knows every standing the register writes, of every deadline, in both languages', () => {
    for (const locale of ['zh-CN', 'en'] as const) {
      for (const kind of ['handling', 'dispatch', 'interim'] as const) {
        for (const [standing, now] of STANDINGS) {
          const line = standingText(standing, kind, now, ctx, locale);
          expect(line, `${locale} ${kind} ${standing.state}`).not.toBe('');
          expect(isRegisterStandingLine(line), line).toBe(true);
        }
      }
    }
    expect(
      isRegisterStandingLine('超时回复（超期 2 个工作日）；派单超时（超期 3 个工作小时）'),
    ).toBe(true);
    expect(isRegisterStandingLine('Replied late (2 working day(s) late); Late to dispatch')).toBe(
      true,
    );
  });

  it('leaves a clerk’s own words alone, even when they start with a state word', () => {
    for (const text of [
      '已修复，住户满意',
      '按时回复了业主，更换了电梯按钮',
      '2611-0001（已办结）',
      '已超期的原因：配件未到',
      '',
    ]) {
      expect(isRegisterStandingLine(text), text).toBe(false);
    }
  });
});
