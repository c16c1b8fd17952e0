/**
 * The facts of an event, described once: what happened in a step of a case, as labelled facts
 * in the desk's words (the unit, the deadline, the reasons, the review, the satisfaction),
 * never the stored payload. The case page's timeline lists them (`factsOnScreen`); the printed
 * handling record and review record join them into one sentence (`factsOnPaper`).
 *
 * Screen and paper word some facts differently (paper says 「期限：…」 where the timeline has
 * 「新期限」, paper leaves the review's analysis to its own table), so a fact carries both: its
 * label and value for the screen, and the phrase paper prints. Pure but for the translation
 * function passed in.
 */
import { missingCaseError } from '@shared/kernel/assert';
import type { IsoInstant } from '@shared/kernel/brand';
import type { CaseDeadline, CaseEventEntity } from '@shared/model/entities';
import { isPrintFormId, printFormTitle } from '@shared/paper/forms';
import type { CategoryDef } from '@shared/rules/rules';
import { rulesKind, rulesLabel, rulesLevel } from '@shared/rules/rules-query';
import type { InterimMove } from '@shared/workflow/events';
import type { CaseEventRecord } from '@shared/workflow/reducer';
import { formatDateTime } from './date-time';
import { formatBytes } from './bytes';
import {
  channelText,
  dateTime,
  deadlineText,
  finalCauseText,
  kindText,
  levelText,
  type WordsContext,
} from './rules-words';

/** One fact of an event. */
export interface EventFact {
  /** The timeline's label; absent when only paper states the fact. */
  readonly label?: string;
  /** The timeline's value; a fact without one is not listed. */
  readonly value?: string;
  /** The phrase the printed history gives the fact; absent when paper leaves it out. */
  readonly printed?: string;
}

/** A fact as the timeline lists it. */
export interface EventDetail {
  readonly label: string;
  readonly value: string;
}

/** A final cause and its parent (`[parent, cause]`), or `[cause]` at the first level. */
export function finalCausePath(causes: readonly CategoryDef[], id: string): CategoryDef[] {
  for (const cause of causes) {
    if (cause.id === id) return [cause];
    const child = cause.children?.find((candidate) => candidate.id === id);
    if (child) return [cause, child];
  }
  return [];
}

const filled = (text: string | undefined): text is string =>
  text !== undefined && text.trim() !== '';

/** The facts the timeline lists, in reading order; empty values are left out. */
export function factsOnScreen(facts: readonly EventFact[]): EventDetail[] {
  return facts.flatMap((fact) =>
    fact.label !== undefined && filled(fact.value)
      ? [{ label: fact.label, value: fact.value }]
      : [],
  );
}

/** The sentence paper prints: the printed phrases, joined by 「；」. */
export function factsOnPaper(facts: readonly EventFact[]): string {
  return facts
    .map((fact) => fact.printed)
    .filter(filled)
    .join('；');
}

/** The facts of one event, in reading order. */
export function eventFacts(event: CaseEventEntity, ctx: WordsContext): EventFact[] {
  const { t, rules, locale, timeZone } = ctx;
  // The timeline's words, and the phrases of paper.
  const s = (key: string, options?: Record<string, unknown>) =>
    t(`eventFacts.${key}`, options ?? {});
  const p = (key: string, options?: Record<string, unknown>) =>
    t(`eventFacts.paper.${key}`, options);
  const time = (instant: IsoInstant | undefined) => formatDateTime(instant, timeZone);
  const list = (items: readonly string[]) => items.join(locale === 'zh-CN' ? '、' : ', ');
  /** The deadline as the timeline shows it: whether the rules or a person set it. */
  const deadline = (d: CaseDeadline, manualReason?: string) => {
    const due = time(d.dueAt);
    const text =
      d.basis === 'manual' && manualReason !== undefined
        ? s('deadlineManual', { due })
        : d.basis === 'handling'
          ? s('deadlineByRule', { due })
          : due;
    return d.warning === 'noCalendarData'
      ? `${text}（${s('calendarWarning', { years: (d.warningYears ?? []).join('、') })}）`
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

  const facts: EventFact[] = [];
  /** A fact on both: the timeline's label (a key) and value, and paper's phrase. */
  const fact = (
    key: string | undefined,
    value: string | undefined,
    printed?: string | false | undefined,
  ) =>
    facts.push({
      ...(key === undefined ? {} : { label: s(key), value }),
      ...(typeof printed === 'string' ? { printed } : {}),
    });
  /** A fact paper states and the timeline leaves out. */
  const printedOnly = (printed: string | false | undefined) => fact(undefined, undefined, printed);

  /** Where a change of level started or dropped the interim step. */
  const interimMoved = (move: InterimMove) => {
    if (move.interimDeadline !== undefined) {
      const due = time(move.interimDeadline.dueAt);
      fact('interimDue', due, p('interimDue', { due }));
    } else if (move.interimDropped) {
      fact('interimDropped', s('yes'), p('interimDropped'));
    }
  };

  const e = event as CaseEventRecord;
  switch (e.type) {
    case 'case/received':
      fact('number', e.payload.number);
      printedOnly(p('channel', { channel: channelText(ctx, e.payload.channelId) }));
      printedOnly(p('kind', { kind: kindText(ctx, e.payload) }));
      if (e.payload.deadline) {
        fact(
          'deadline',
          deadline(e.payload.deadline),
          p('due', { due: deadlineText(ctx, e.payload.deadline) }),
        );
      }
      printedOnly(e.payload.imported && p('imported'));
      break;
    case 'case/fieldsChanged': {
      const names = Object.keys(e.payload.fields);
      fact(
        'changedFields',
        list(names.map((name) => t(`eventFacts.field.${name}`, { defaultValue: name }))),
        p('fieldsChanged', {
          fields: names.map((name) => t(`eventFacts.paper.fieldName.${name}`)).join('、'),
        }),
      );
      fact('reason', e.payload.reason, e.payload.reason);
      break;
    }
    case 'case/handledDirectly':
      fact('answer', e.payload.answer, e.payload.answer);
      fact(
        'followUp',
        e.payload.followUpRequired
          ? e.payload.followUpDueAt
            ? s('followUpBy', { due: time(e.payload.followUpDueAt) })
            : s('yes')
          : s('followUpNone'),
      );
      break;
    case 'case/dispatched':
      fact('unit', e.payload.unitName, p('dispatched', { unit: e.payload.unitName }));
      fact(
        'handler',
        e.payload.handlerName,
        e.payload.handlerName && p('handler', { name: e.payload.handlerName }),
      );
      fact(
        'deadline',
        deadline(e.payload.deadline, e.payload.deadlineReason),
        p('due', { due: deadlineText(ctx, e.payload.deadline) }),
      );
      fact('deadlineReason', e.payload.deadlineReason, e.payload.deadlineReason);
      fact('instructions', e.payload.instructions, e.payload.instructions);
      break;
    case 'case/accepted':
      fact('acceptedBy', e.payload.handlerName, p('handler', { name: e.payload.handlerName }));
      break;
    case 'case/returned':
      fact('reason', e.payload.reason, p('reason', { reason: e.payload.reason }));
      break;
    case 'case/exempted':
      fact('reason', e.payload.reason, e.payload.reason);
      break;
    case 'case/extensionRequested':
      fact(
        'requestedDueAt',
        time(e.payload.requestedDueAt),
        p('requested', { due: dateTime(ctx, e.payload.requestedDueAt) }),
      );
      fact('reason', e.payload.reason, e.payload.reason);
      break;
    case 'case/extensionDecided':
      fact(
        'decision',
        s(e.payload.approved ? 'approved' : 'refused'),
        e.payload.approved
          ? p('approved', { due: deadlineText(ctx, e.payload.deadline) })
          : p('refused'),
      );
      if (e.payload.deadline) fact('newDeadline', deadline(e.payload.deadline));
      fact('note', e.payload.note, e.payload.note);
      break;
    case 'case/replied':
      fact('reply', e.payload.reply, e.payload.reply);
      fact(
        'toldCustomer',
        e.payload.toldCustomer,
        p('toldCustomer', { text: e.payload.toldCustomer }),
      );
      if (e.payload.followUpDueAt) {
        fact('followUp', s('followUpBy', { due: time(e.payload.followUpDueAt) }));
      }
      break;
    case 'case/urged':
    case 'case/supervised':
    case 'case/interimMet':
    case 'case/noted':
      fact('note', e.payload.note, e.payload.note);
      break;
    case 'case/escalated':
      fact('reason', e.payload.reason, e.payload.reason);
      if (e.payload.levelId) {
        fact(
          'level',
          level(e.payload.levelId),
          p('level', { level: levelText(ctx, e.payload.levelId) }),
        );
      }
      fact(
        'newDeadline',
        deadline(e.payload.deadline),
        p('due', { due: deadlineText(ctx, e.payload.deadline) }),
      );
      if (e.payload.suggestedByRule) fact('byRule', s('yes'), p('byRule'));
      interimMoved(e.payload);
      break;
    case 'case/reviewed': {
      // Paper gives the round and the decision; the review record prints the rest in full.
      const r = e.payload.review;
      fact('round', s('roundValue', { round: r.round }), p('reviewRound', { round: r.round }));
      fact('customerDemand', r.customerDemand);
      fact('progress', r.progress);
      fact('proposedSolution', r.proposedSolution);
      fact('feasibility', r.feasibility);
      fact('cost', r.cost);
      fact('fairness', r.fairness);
      fact('reviewers', list(r.reviewers));
      fact('reviewDecision', r.decision, r.decision);
      break;
    }
    case 'case/consulted':
      fact(
        'consultOutcome',
        s(`consultOutcomes.${e.payload.outcome}`),
        p(`consult.${e.payload.outcome}`),
      );
      fact('note', e.payload.note, e.payload.note);
      if (e.payload.followUpDueAt) {
        fact('followUp', s('followUpBy', { due: time(e.payload.followUpDueAt) }));
      }
      break;
    case 'case/followUpAttempted':
      fact('method', s(`methods.${e.payload.method}`), p(`method.${e.payload.method}`));
      fact(
        'outcome',
        s(`followUpOutcomes.${e.payload.outcome}`),
        p(`attempt.${e.payload.outcome}`),
      );
      if (e.payload.smsSent) fact('smsSent', s('yes'), p('smsSent'));
      fact('note', e.payload.note, e.payload.note);
      break;
    case 'case/followedUp': {
      const f = e.payload;
      fact('method', s(`methods.${f.method}`), p(`method.${f.method}`));
      fact(
        'satisfaction',
        `${s('satisfactionValue', { score: f.satisfaction })} · ${s(f.satisfied ? 'satisfied' : 'notSatisfied')}`,
        p('satisfaction', {
          score: f.satisfaction,
          verdict: p(f.satisfied ? 'satisfied' : 'notSatisfied'),
        }),
      );
      const answers = f.answers
        .map((answer, i) => {
          if (answer.trim() === '') return '';
          const question = rules.followUp.questions[i];
          // "Was it solved?：Yes" reads badly: the question's own mark gives way to the colon.
          const asked = question ? rulesLabel(question, locale).replace(/[？?：:]\s*$/u, '') : '';
          return asked ? `${asked}：${answer}` : answer;
        })
        .filter((line) => line !== '');
      // Paper prints the answers alone, in the order of the questions.
      fact('answers', answers.length > 0 ? answers.join('\n') : undefined, f.answers.join('；'));
      fact('note', f.note, f.note);
      if (f.sampled) fact('sampled', s('sampledYes'), p('sampled'));
      break;
    }
    case 'case/followUpWaived':
      fact('waiveReason', s(`waiveReasons.${e.payload.reason}`), p(`waived.${e.payload.reason}`));
      fact('note', e.payload.note, e.payload.note);
      break;
    case 'case/responsibilityDetermined':
      // The timeline opens with the verdict; paper states it after who is responsible.
      fact('validity', s(e.payload.valid ? 'valid' : 'invalid'));
      fact(
        'responsibleUnit',
        e.payload.unitName,
        e.payload.unitName && p('responsibleUnit', { unit: e.payload.unitName }),
      );
      fact(
        'responsiblePerson',
        e.payload.personName,
        e.payload.personName && p('responsiblePerson', { name: e.payload.personName }),
      );
      printedOnly(p(e.payload.valid ? 'valid' : 'invalid'));
      fact('note', e.payload.note, e.payload.note);
      break;
    case 'case/correctiveAction':
      fact('rootCause', e.payload.rootCause, p('rootCause', { text: e.payload.rootCause }));
      fact('action', e.payload.action, p('action', { text: e.payload.action }));
      fact('owner', e.payload.owner, p('owner', { name: e.payload.owner }));
      fact(
        'approvedBy',
        e.payload.approvedBy,
        e.payload.approvedBy && p('approvedBy', { name: e.payload.approvedBy }),
      );
      fact(
        'effectCheck',
        e.payload.effectCheck,
        e.payload.effectCheck && p('effectCheck', { text: e.payload.effectCheck }),
      );
      break;
    case 'case/closed': {
      const path = finalCausePath(rules.finalCauses, e.payload.finalCauseId);
      fact(
        'finalCause',
        path.length > 0
          ? path.map((cause) => rulesLabel(cause.label, locale)).join(' / ')
          : e.payload.finalCauseId,
        p('finalCause', { cause: finalCauseText(ctx, e.payload.finalCauseId) }),
      );
      fact('summary', e.payload.summary, e.payload.summary);
      break;
    }
    case 'case/reopened':
      fact('reason', e.payload.reason, e.payload.reason);
      if (e.payload.deadline) {
        fact(
          'newDeadline',
          deadline(e.payload.deadline),
          p('due', { due: deadlineText(ctx, e.payload.deadline) }),
        );
      }
      break;
    case 'case/converted':
      fact(
        'converted',
        s('convertedValue', { from: kind(e.payload.fromKindId), to: kind(e.payload.toKindId) }),
        p('converted', {
          from: kindText(ctx, { kindId: e.payload.fromKindId }),
          to: kindText(ctx, { kindId: e.payload.toKindId }),
        }),
      );
      fact('reason', e.payload.reason, e.payload.reason);
      break;
    case 'case/markedInvalid':
      fact('explanation', e.payload.explanation, e.payload.explanation);
      if (e.payload.newKindId) {
        fact(
          'becomesKind',
          kind(e.payload.newKindId),
          p('countedAs', { kind: kindText(ctx, { kindId: e.payload.newKindId }) }),
        );
      }
      if (e.payload.close && !e.payload.newKindId) fact('closes', s('closesValue'));
      break;
    case 'case/levelChanged':
      fact(
        'level',
        level(e.payload.levelId),
        p('level', { level: levelText(ctx, e.payload.levelId) }),
      );
      fact('reason', e.payload.reason, e.payload.reason);
      if (e.payload.suggestedByRule) fact('byRule', s('yes'), p('byRule'));
      if (e.payload.deadline) {
        fact(
          'newDeadline',
          deadline(e.payload.deadline),
          p('due', { due: deadlineText(ctx, e.payload.deadline) }),
        );
      }
      interimMoved(e.payload);
      break;
    case 'case/deadlineChanged':
      fact(
        'newDeadline',
        deadline(e.payload.deadline),
        p('due', { due: deadlineText(ctx, e.payload.deadline) }),
      );
      fact('reason', e.payload.reason, e.payload.reason);
      break;
    case 'case/printed': {
      const form = isPrintFormId(e.payload.form)
        ? rulesLabel(printFormTitle(rules, e.payload.form), locale)
        : e.payload.form;
      fact('form', form, form);
      break;
    }
    case 'case/exported':
      fact('table', e.payload.table, e.payload.table);
      break;
    // The matters feature shows which cases were linked; paper says so in a word.
    case 'case/linked':
      printedOnly(p('linked'));
      break;
    case 'case/unlinked':
      printedOnly(p('unlinked'));
      break;
    case 'case/attachmentAdded':
      fact('fileName', e.payload.name, p('attachmentAdded', { name: e.payload.name }));
      fact('fileCaption', e.payload.caption, e.payload.caption);
      fact('fileSize', formatBytes(e.payload.size, locale));
      if (e.payload.locationRemoved) fact('locationRemoved', s('yes'));
      break;
    case 'case/attachmentRemoved':
      fact('fileName', e.payload.name, p('attachmentRemoved', { name: e.payload.name }));
      fact('reason', e.payload.reason, e.payload.reason);
      break;
    default:
      throw missingCaseError(e);
  }
  return facts;
}
