/**
 * Every deadline a preset defines is used somewhere a clerk sees it (issue 12 item 4): each kind
 * of `DeskRules.deadlines` is mapped to the case field or command a screen reads, and the walk
 * checks that a case the rule applies to really gets a due time there (the case page, the
 * register and the queues show it through `deadlineStanding`; the follow-up queue shows
 * `followUp.dueAt`; the escalation and extension dialogs show their commands' due times).
 * A new kind of deadline fails this test until it is wired to a screen.
 */
import { describe, expect, it } from 'vitest';
import type { StaffId } from '../../kernel/brand';
import type { CaseEntity } from '../../model/entities';
import { deadlineStanding } from '../../register/standing';
import type { DeadlineRule, DeadlineRules, DeskRules } from '../rules';
import { PRESET_IDS, presetFor } from '.';
import { caseFold } from '../../workflow/reducer';
import { caseStory } from '../../workflow/test-builders';
import { intakePayload, type IntakeDraft } from '../../workflow/intake';
import { escalateCommand } from '../../workflow/commands/escalation';
import { extensionLatest } from '../../workflow/commands/extension';
import { followUpDueAtOf } from '../../workflow/commands/deadlines';
import { commandContextAt, TEST_DEADLINE_CONTEXT, sh } from '../../workflow/commands/test-context';

const AT = '2026-11-23T10:00';

function draftFor(rule: DeadlineRule | undefined, rules: DeskRules): IntakeDraft {
  return {
    customerName: '',
    phone: '',
    address: '',
    organisation: '',
    channelId: rules.channels[0]?.id ?? '',
    kindId: rule?.kindIds?.[0] ?? rules.kinds[0]?.id ?? '',
    categoryId: '',
    levelId: rule?.levelIds?.[0] ?? '',
    subject: '时限可达性',
    content: '',
    demand: '',
    amountYuan: '',
    flags: rule?.urgentOnly ? ['urgent'] : [],
    receivedAtLocal: AT,
  };
}

function caseOf(draft: IntakeDraft, rules: DeskRules): CaseEntity {
  const payload = intakePayload(draft, {
    rules,
    deadline: TEST_DEADLINE_CONTEXT,
    receiver: { id: 's' as StaffId, name: '王芳' },
  });
  const story = caseStory({ startMs: Date.parse(sh(AT)) });
  const c = caseFold([story.event('case/received', { ...payload, number: '2611-0001' })]);
  if (!c) throw new Error('no case');
  return c;
}

type Reach = (deadlines: DeadlineRules, rules: DeskRules) => void;

/** Where each kind of deadline reaches a screen; keyed by every kind, so none is forgotten. */
const REACH: { readonly [K in keyof Required<DeadlineRules>]: Reach } = {
  handling: (d, rules) => {
    for (const rule of d.handling) {
      const c = caseOf(draftFor(rule, rules), rules);
      expect(c.deadline?.dueAt).toBeDefined();
      expect(deadlineStanding(c, sh(AT), TEST_DEADLINE_CONTEXT).state).not.toBe('none');
    }
  },
  dispatch: (d, rules) => {
    if (!d.dispatch) return;
    const c = caseOf(draftFor(undefined, rules), rules);
    expect(deadlineStanding(c, sh(AT), TEST_DEADLINE_CONTEXT, 'dispatch').state).not.toBe('none');
  },
  interim: (d, rules) => {
    for (const rule of d.interim ?? []) {
      const c = caseOf(draftFor(rule, rules), rules);
      expect(deadlineStanding(c, sh(AT), TEST_DEADLINE_CONTEXT, 'interim').state).not.toBe('none');
    }
  },
  followUp: (d, rules) => {
    for (const rule of d.followUp) {
      const c = caseOf(draftFor(rule, rules), rules);
      expect(followUpDueAtOf(c, commandContextAt(AT, rules.presetId))).toBeDefined();
    }
  },
  escalated: (_d, rules) => {
    const result = escalateCommand(
      { reason: '客户不满意', levelId: '', suggestedByRule: false },
      commandContextAt(AT, rules.presetId),
    );
    expect(result.ok && result.payload.deadline.dueAt).toBeTruthy();
  },
  maxExtension: (d, rules) => {
    if (!d.maxExtension) return;
    const c = caseOf(draftFor(d.handling[0], rules), rules);
    expect(extensionLatest(c, commandContextAt(AT, rules.presetId))).toBeDefined();
  },
};

describe('every deadline of every preset reaches a screen', () => {
  it.each(PRESET_IDS)('%s', (id) => {
    const rules = presetFor(id);
    for (const kind of Object.keys(rules.deadlines)) {
      const reach = REACH[kind as keyof DeadlineRules] as Reach | undefined;
      if (!reach) throw new Error(`deadline kind ${kind} of ${rules.presetId} reaches no screen`);
      reach(rules.deadlines, rules);
    }
  });
});
