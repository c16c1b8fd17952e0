/**
 * How a case stands against a deadline, in words: the one text the register's rows, the case
 * page, the printed register and the Excel register show for `deadlineStanding` (shared/register/
 * standing.ts), so none of them can call a case replied on time "overdue".
 */
import {
  deadlineRemaining,
  type DeadlineContext,
  type DeadlineRemaining,
} from '@shared/calendar/deadline';
import type { IsoInstant } from '@shared/kernel/brand';
import type { Locale } from '@shared/rules/rules';
import {
  deadlineStanding,
  type DeadlineKind,
  type DeadlineStanding,
} from '@shared/register/standing';
import type { CaseEntity } from '@shared/model/entities';
import { featureLocale } from './locale-kit';

export const standingLocale = featureLocale(
  {
    kind: {
      handling: '处理期限',
      dispatch: '派单时限',
      interim: '临时措施时限',
    },
    handling: {
      metInTime: '按时回复',
      metLate: '超时回复',
      overdue: '已超期',
    },
    dispatch: {
      metInTime: '按时派单',
      metLate: '超时派单',
      overdue: '派单超时',
    },
    interim: {
      metInTime: '临时措施按时落实',
      metLate: '临时措施超时落实',
      overdue: '临时措施超时',
    },
    dueSoon: '即将到期',
    ok: '未到期',
    exempt: '不受时限限制',
    days: '{{count}} 个工作日',
    hours: '{{hours}} 个工作小时',
    minutes: '{{minutes}} 分钟',
    late: '超期 {{amount}}',
    left: '剩余 {{amount}}',
    joined: '{{state}}（{{detail}}）',
  },
  {
    kind: {
      handling: 'Reply deadline',
      dispatch: 'Dispatch deadline',
      interim: 'Temporary measure deadline',
    },
    handling: {
      metInTime: 'Replied on time',
      metLate: 'Replied late',
      overdue: 'Overdue',
    },
    dispatch: {
      metInTime: 'Dispatched on time',
      metLate: 'Dispatched late',
      overdue: 'Late to dispatch',
    },
    interim: {
      metInTime: 'Temporary measure on time',
      metLate: 'Temporary measure late',
      overdue: 'Temporary measure overdue',
    },
    dueSoon: 'Due soon',
    ok: 'In time',
    exempt: 'Exempt from the deadline',
    days: '{{count}} working day(s)',
    hours: '{{hours}} working hours',
    minutes: '{{minutes}} min',
    late: '{{amount}} late',
    left: '{{amount}} left',
    joined: '{{state}} ({{detail}})',
  },
);

type StandingWords = (typeof standingLocale)['zh'];

export function standingWords(locale: Locale): StandingWords {
  return (locale === 'en' ? standingLocale.en : standingLocale.zh) as StandingWords;
}

function fill(text: string, values: Readonly<Record<string, string | number>>): string {
  return text.replace(/\{\{(\w+)\}\}/g, (whole, key: string) =>
    key in values ? String(values[key]) : whole,
  );
}

/**
 * How much time `r` measures, in the largest unit that says it: working days, else working hours
 * (one decimal), else minutes of the clock (a 30-minute dispatch limit is late by minutes,
 * whether or not the desk is open).
 */
export function amountText(r: DeadlineRemaining, w: StandingWords, clockMinutes = false): string {
  if (r.workingDays >= 1) return fill(w.days, { count: r.workingDays });
  if (clockMinutes && r.clockMinutes < 60) return fill(w.minutes, { minutes: r.clockMinutes });
  const hours = Math.max(0, Math.round(r.workingMinutes / 6) / 10);
  return fill(w.hours, { hours });
}

/** The short state word: 按时回复, 超时派单, 已超期, 即将到期 ... ('' when there is nothing). */
export function standingStateText(
  standing: DeadlineStanding,
  kind: DeadlineKind,
  locale: Locale,
): string {
  const w = standingWords(locale);
  switch (standing.state) {
    case 'metInTime':
    case 'metLate':
    case 'overdue':
      return w[kind][standing.state];
    case 'dueSoon':
    case 'ok':
    case 'exempt':
      return w[standing.state];
    case 'none':
      return '';
  }
}

/**
 * The state and how far it is from the due time: 「超时回复（超期 1 个工作日）」,
 * 「已超期（超期 2 个工作日）」, 「剩余 3 个工作日」, 「按时回复」. For cells of the register.
 */
export function standingText(
  standing: DeadlineStanding,
  kind: DeadlineKind,
  now: IsoInstant,
  ctx: DeadlineContext,
  locale: Locale,
): string {
  const w = standingWords(locale);
  const state = standingStateText(standing, kind, locale);
  const dueAt = standing.deadline?.dueAt;
  const clock = kind === 'dispatch';
  switch (standing.state) {
    case 'metLate': {
      if (!dueAt || !standing.metAt) return state;
      const r = deadlineRemaining(dueAt, standing.metAt, ctx);
      return fill(w.joined, { state, detail: fill(w.late, { amount: amountText(r, w, clock) }) });
    }
    case 'overdue': {
      if (!dueAt) return state;
      const r = deadlineRemaining(dueAt, now, ctx);
      return fill(w.joined, { state, detail: fill(w.late, { amount: amountText(r, w, clock) }) });
    }
    case 'dueSoon':
    case 'ok': {
      if (!dueAt) return state;
      const r = deadlineRemaining(dueAt, now, ctx);
      return fill(w.joined, { state, detail: fill(w.left, { amount: amountText(r, w, clock) }) });
    }
    case 'metInTime':
    case 'exempt':
    case 'none':
      return state;
  }
}

/**
 * The standing line of the register's 处理情况 cell: the reply deadline's standing at `now`, and
 * the dispatch and interim ones when they were missed, for the printed and the Excel register.
 */
export function registerStandingText(
  now: IsoInstant,
  ctx: DeadlineContext,
  locale: Locale,
): (c: CaseEntity) => string {
  return (c) => {
    const parts = [standingText(deadlineStanding(c, now, ctx), 'handling', now, ctx, locale)];
    for (const kind of ['dispatch', 'interim'] as const) {
      const standing = deadlineStanding(c, now, ctx, kind);
      if (standing.state === 'overdue' || standing.state === 'metLate') {
        parts.push(standingText(standing, kind, now, ctx, locale));
      }
    }
    return parts.filter((part) => part !== '').join(locale === 'en' ? '; ' : '；');
  };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Every state word of both languages, longest first (so 超时回复 is not read as a prefix). */
const STATE_WORDS = [standingLocale.zh, standingLocale.en]
  .flatMap((w) => [
    ...(['handling', 'dispatch', 'interim'] as const).flatMap((kind) => Object.values(w[kind])),
    w.dueSoon,
    w.ok,
    w.exempt,
  ])
  .sort((a, b) => b.length - a.length);

/** One part of a standing line: a state word, then its detail in brackets (either width). */
const STANDING_PART = new RegExp(
  `^(?:${STATE_WORDS.map(escapeRegExp).join('|')})(?:\\s*[（(].*[）)])?$`,
);

/**
 * Whether `line` is a standing line that `registerStandingText` writes (in either language): the
 * importer leaves it out of the reply when a desk's own register is imported again.
 */
export function isRegisterStandingLine(line: string): boolean {
  const parts = line.trim().split(/；|; /);
  return parts.length > 0 && parts.every((part) => STANDING_PART.test(part.trim()));
}
