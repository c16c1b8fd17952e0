/**
 * What the timeline shows of each event: its meaningful fields as label and value, in words a
 * clerk reads (the unit, the deadline, the reasons, the review record, the satisfaction), never
 * the stored payload. Pure but for the translation function passed in.
 */
import type { TFunction } from 'i18next';
import { missingCaseError } from '../../../../shared/assert';
import type { IsoInstant } from '../../../../shared/brand';
import type { CaseDeadline, CaseEventEntity } from '../../../../shared/entities';
import type { CategoryDef, DeskRules, Locale } from '../../../../shared/rules';
import { isPrintFormId, printFormTitle } from '../../../../shared/print/forms';
import { rulesKind, rulesLabel, rulesLevel } from '../../../../shared/rules-query';
import type { CaseEventRecord } from '../../../../shared/workflow/reducer';
import { formatDateTime } from '../../app/format';

export interface EventDetail {
  readonly label: string;
  readonly value: string;
}

export interface EventDetailsContext {
  readonly t: TFunction;
  readonly rules: Pick<
    DeskRules,
    'kinds' | 'levels' | 'finalCauses' | 'followUp' | 'presetId' | 'terms'
  >;
  readonly locale: Locale;
  readonly timeZone: string;
}

/** Header fields, named as the case page names them. */
const FIELD_LABELS: Readonly<Record<string, string>> = {
  kindId: 'case.kind',
  categoryId: 'case.category',
  levelId: 'case.level',
  channelId: 'case.channel',
  customer: 'case.customer',
  subject: 'case.subject',
  content: 'case.content',
  demand: 'case.demand',
  amountFen: 'case.amount',
  flags: 'case.flags',
};

/** A final cause and its parent (`[parent, cause]`), or `[cause]` at the first level. */
export function finalCausePath(causes: readonly CategoryDef[], id: string): CategoryDef[] {
  for (const cause of causes) {
    if (cause.id === id) return [cause];
    const child = cause.children?.find((candidate) => candidate.id === id);
    if (child) return [cause, child];
  }
  return [];
}

/** The details of one event, in reading order; empty values are left out. */
export function eventDetails(event: CaseEventEntity, ctx: EventDetailsContext): EventDetail[] {
  const { t, rules, locale, timeZone } = ctx;
  const k = (key: string, options?: Record<string, unknown>) =>
    t(`caseActions.timeline.${key}`, options ?? {});
  const time = (instant: IsoInstant | undefined) => formatDateTime(instant, timeZone);
  const deadline = (d: CaseDeadline, manualReason?: string) => {
    const due = time(d.dueAt);
    const text =
      d.basis === 'manual' && manualReason !== undefined
        ? k('deadlineManual', { due })
        : d.basis === 'handling'
          ? k('deadlineByRule', { due })
          : due;
    return d.warning === 'noCalendarData'
      ? `${text}（${k('calendarWarning', { years: (d.warningYears ?? []).join('、') })}）`
      : text;
  };
  const kind = (id: string) => {
    const def = rulesKind(rules, id);
    return def ? rulesLabel(def.label, locale) : id;
  };
  const level = (id: string) => {
    const def = rulesLevel(rules, id);
    return def ? rulesLabel(def.label, locale) : id;
  };
  const rows: [string, string | undefined][] = [];
  const add = (key: string, value: string | undefined) => rows.push([k(key), value]);
  const e = event as CaseEventRecord;
  switch (e.type) {
    case 'case/received':
      add('number', e.payload.number);
      if (e.payload.deadline) add('deadline', deadline(e.payload.deadline));
      break;
    case 'case/fieldsChanged':
      add(
        'changedFields',
        Object.keys(e.payload.fields)
          .map((name) => (FIELD_LABELS[name] ? t(FIELD_LABELS[name]) : name))
          .join(locale === 'zh-CN' ? '、' : ', '),
      );
      add('reason', e.payload.reason);
      break;
    case 'case/handledDirectly':
      add('answer', e.payload.answer);
      add(
        'followUp',
        e.payload.followUpRequired
          ? e.payload.followUpDueAt
            ? k('followUpBy', { due: time(e.payload.followUpDueAt) })
            : k('yes')
          : k('followUpNone'),
      );
      break;
    case 'case/dispatched':
      add('unit', e.payload.unitName);
      add('handler', e.payload.handlerName);
      add('deadline', deadline(e.payload.deadline, e.payload.deadlineReason));
      add('deadlineReason', e.payload.deadlineReason);
      add('instructions', e.payload.instructions);
      break;
    case 'case/accepted':
      add('acceptedBy', e.payload.handlerName);
      break;
    case 'case/returned':
    case 'case/exempted':
      add('reason', e.payload.reason);
      break;
    case 'case/extensionRequested':
      add('requestedDueAt', time(e.payload.requestedDueAt));
      add('reason', e.payload.reason);
      break;
    case 'case/extensionDecided':
      add('decision', k(e.payload.approved ? 'approved' : 'refused'));
      if (e.payload.deadline) add('newDeadline', deadline(e.payload.deadline));
      add('note', e.payload.note);
      break;
    case 'case/replied':
      add('reply', e.payload.reply);
      add('toldCustomer', e.payload.toldCustomer);
      if (e.payload.followUpDueAt) {
        add('followUp', k('followUpBy', { due: time(e.payload.followUpDueAt) }));
      }
      break;
    case 'case/urged':
    case 'case/supervised':
    case 'case/noted':
      add('note', e.payload.note);
      break;
    case 'case/escalated':
      add('reason', e.payload.reason);
      if (e.payload.levelId) add('level', level(e.payload.levelId));
      add('newDeadline', deadline(e.payload.deadline));
      if (e.payload.suggestedByRule) add('byRule', k('yes'));
      break;
    case 'case/reviewed': {
      const r = e.payload.review;
      add('round', k('roundValue', { round: r.round }));
      add('customerDemand', r.customerDemand);
      add('progress', r.progress);
      add('proposedSolution', r.proposedSolution);
      add('feasibility', r.feasibility);
      add('cost', r.cost);
      add('fairness', r.fairness);
      add('reviewers', r.reviewers.join(locale === 'zh-CN' ? '、' : ', '));
      add('reviewDecision', r.decision);
      break;
    }
    case 'case/consulted':
      add('consultOutcome', t(`caseActions.consultOutcomes.${e.payload.outcome}`));
      add('note', e.payload.note);
      if (e.payload.followUpDueAt) {
        add('followUp', k('followUpBy', { due: time(e.payload.followUpDueAt) }));
      }
      break;
    case 'case/followUpAttempted':
      add('method', t(`caseActions.methods.${e.payload.method}`));
      add('outcome', t(`caseActions.followUpOutcomes.${e.payload.outcome}`));
      if (e.payload.smsSent) add('smsSent', k('yes'));
      add('note', e.payload.note);
      break;
    case 'case/followedUp': {
      const p = e.payload;
      add('method', t(`caseActions.methods.${p.method}`));
      add(
        'satisfaction',
        `${k('satisfactionValue', { score: p.satisfaction })} · ${k(p.satisfied ? 'satisfied' : 'notSatisfied')}`,
      );
      const answers = p.answers
        .map((answer, i) => {
          if (answer.trim() === '') return '';
          const question = rules.followUp.questions[i];
          // "Was it solved?：Yes" reads badly: the question's own mark gives way to the colon.
          const asked = question ? rulesLabel(question, locale).replace(/[？?：:]\s*$/u, '') : '';
          return asked ? `${asked}：${answer}` : answer;
        })
        .filter((line) => line !== '');
      add('answers', answers.length > 0 ? answers.join('\n') : undefined);
      add('note', p.note);
      if (p.sampled) add('sampled', k('sampledYes'));
      break;
    }
    case 'case/followUpWaived':
      add('waiveReason', t(`caseActions.waiveReasons.${e.payload.reason}`));
      add('note', e.payload.note);
      break;
    case 'case/responsibilityDetermined':
      add('validity', k(e.payload.valid ? 'valid' : 'invalid'));
      add('responsibleUnit', e.payload.unitName);
      add('responsiblePerson', e.payload.personName);
      add('note', e.payload.note);
      break;
    case 'case/correctiveAction':
      add('rootCause', e.payload.rootCause);
      add('action', e.payload.action);
      add('owner', e.payload.owner);
      add('approvedBy', e.payload.approvedBy);
      add('effectCheck', e.payload.effectCheck);
      break;
    case 'case/closed': {
      const path = finalCausePath(rules.finalCauses, e.payload.finalCauseId);
      add(
        'finalCause',
        path.length > 0
          ? path.map((cause) => rulesLabel(cause.label, locale)).join(' / ')
          : e.payload.finalCauseId,
      );
      add('summary', e.payload.summary);
      break;
    }
    case 'case/reopened':
      add('reason', e.payload.reason);
      if (e.payload.deadline) add('newDeadline', deadline(e.payload.deadline));
      break;
    case 'case/converted':
      add(
        'converted',
        k('convertedValue', { from: kind(e.payload.fromKindId), to: kind(e.payload.toKindId) }),
      );
      add('reason', e.payload.reason);
      break;
    case 'case/markedInvalid':
      add('explanation', e.payload.explanation);
      if (e.payload.newKindId) add('becomesKind', kind(e.payload.newKindId));
      if (e.payload.close && !e.payload.newKindId) add('closes', k('closesValue'));
      break;
    case 'case/levelChanged':
      add('level', level(e.payload.levelId));
      add('reason', e.payload.reason);
      if (e.payload.suggestedByRule) add('byRule', k('yes'));
      break;
    case 'case/deadlineChanged':
      add('newDeadline', deadline(e.payload.deadline));
      add('reason', e.payload.reason);
      break;
    case 'case/printed':
      add(
        'form',
        isPrintFormId(e.payload.form)
          ? rulesLabel(printFormTitle(rules, e.payload.form), locale)
          : e.payload.form,
      );
      break;
    case 'case/exported':
      add('table', e.payload.table);
      break;
    // The matters feature shows which cases were linked.
    case 'case/linked':
    case 'case/unlinked':
      break;
    default:
      throw missingCaseError(e);
  }
  return rows
    .filter((row): row is [string, string] => row[1] !== undefined && row[1].trim() !== '')
    .map(([label, value]) => ({ label, value }));
}
