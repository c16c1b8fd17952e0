/**
 * The desk's rules in words as the printed forms give them (kinds, levels, channels, final
 * causes, deadlines): shared by the forms and by the facts of events. Pure but for the
 * translation function passed in.
 */
import type { IsoInstant } from '@shared/kernel/brand';
import type { CaseDeadline, CaseEntity } from '@shared/model/entities';
import { printDateTime } from '@shared/paper/dates';
import type { DeskRules, Locale, LocalizedText } from '@shared/rules/rules';
import { rulesKind, rulesLabel } from '@shared/rules/rules-query';

/** i18next's `t`, narrowed to what pure code uses. */
export type Translate = (key: string, options?: Record<string, unknown>) => string;

/** What turning the desk's records into words needs: its words, language, rules and clock. */
export interface WordsContext {
  readonly t: Translate;
  readonly locale: Locale;
  readonly rules: DeskRules;
  readonly timeZone: string;
}

export function words(ctx: Pick<WordsContext, 'locale'>, text: LocalizedText): string {
  return rulesLabel(text, ctx.locale);
}

export function dateTime(
  ctx: Pick<WordsContext, 'timeZone'>,
  instant: IsoInstant | undefined,
): string {
  return printDateTime(instant, ctx.timeZone);
}

/** `2026-10-13 17:30`, with the warning when its year has no holiday data. */
export function deadlineText(ctx: WordsContext, deadline: CaseDeadline | undefined): string {
  if (!deadline) return '';
  const due = dateTime(ctx, deadline.dueAt);
  return deadline.warning === 'noCalendarData'
    ? `${due}${ctx.t('eventFacts.paper.noCalendarData', { years: (deadline.warningYears ?? []).join('、') })}`
    : due;
}

export function kindText(ctx: WordsContext, c: Pick<CaseEntity, 'kindId'>): string {
  const kind = rulesKind(ctx.rules, c.kindId);
  return kind ? words(ctx, kind.label) : c.kindId;
}

export function levelText(ctx: WordsContext, levelId: string | undefined): string {
  const level = ctx.rules.levels.find((l) => l.id === levelId);
  return level ? words(ctx, level.label) : '';
}

export function channelText(ctx: WordsContext, channelId: string): string {
  const channel = ctx.rules.channels.find((c) => c.id === channelId);
  return channel ? words(ctx, channel.label) : channelId;
}

export function finalCauseText(ctx: WordsContext, causeId: string | undefined): string {
  if (!causeId) return '';
  for (const cause of ctx.rules.finalCauses) {
    if (cause.id === causeId) return words(ctx, cause.label);
    const child = cause.children?.find((c) => c.id === causeId);
    if (child) return `${words(ctx, cause.label)}/${words(ctx, child.label)}`;
  }
  return causeId;
}
