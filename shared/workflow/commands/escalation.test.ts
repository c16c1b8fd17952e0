import { describe, expect, it } from 'vitest';
import { fenFromYuan } from '../../kernel/brand';
import { deadlineCompute } from '../../calendar/deadline';
import type { CaseDeadline, CaseEntity } from '../../model/entities';
import { workingDays } from '../../rules/presets/common';
import { rulesHandlingDeadline } from '../../rules/rules-query';
import { caseApply } from '../reducer';
import { caseAt } from '../test-builders';
import {
  caseLevelSuggestion,
  consultCommand,
  escalateCommand,
  levelChangeCommand,
  reviewCommand,
  reviewersParse,
  type LevelSuggestionCase,
  type ReviewInput,
} from './escalation';
import { commandContextAt, sh } from './test-context';

const deadline: CaseDeadline = { dueAt: sh('2026-10-13 17:30'), basis: 'handling' };
const generalComplaint: LevelSuggestionCase = {
  kindId: 'complaint',
  levelId: 'general',
  flags: [],
  amountFen: undefined,
  deadline,
  exemptReason: undefined,
  status: 'dispatched',
};

describe('caseLevelSuggestion (property preset)', () => {
  const before = commandContextAt('2026-10-12 10:00');
  const after = commandContextAt('2026-10-14 09:00');

  it('suggests major for 2,000 yuan or more', () => {
    expect(
      caseLevelSuggestion({ ...generalComplaint, amountFen: fenFromYuan(2000) }, before),
    ).toEqual({ levelId: 'major', reasons: [{ type: 'amountAtLeast', fen: fenFromYuan(2000) }] });
    expect(
      caseLevelSuggestion({ ...generalComplaint, amountFen: fenFromYuan(1999.99) }, before),
    ).toBeUndefined();
  });

  it('suggests major for a general complaint past its deadline with no final solution', () => {
    expect(caseLevelSuggestion(generalComplaint, before)).toBeUndefined();
    expect(caseLevelSuggestion(generalComplaint, after)).toEqual({
      levelId: 'major',
      reasons: [{ type: 'overdue', kindClass: 'complaint' }],
    });
  });

  it.each<[string, Partial<LevelSuggestionCase>]>([
    ['replied', { status: 'replied' }],
    ['closed', { status: 'closed' }],
    ['exempt from its deadline', { exemptReason: '工期较长' }],
    ['already major', { levelId: 'major' }],
    ['a request', { kindId: 'request' }],
  ])('suggests nothing when the overdue case is %s', (_name, overrides) => {
    expect(caseLevelSuggestion({ ...generalComplaint, ...overrides }, after)).toBeUndefined();
  });

  it('suggests level 1 for a hospital complaint exposed by the media', () => {
    const ctx = commandContextAt('2026-10-12 10:00', 'hospital');
    const c: LevelSuggestionCase = { ...generalComplaint, levelId: undefined, flags: ['media'] };
    expect(caseLevelSuggestion(c, ctx)?.levelId).toBe('level1');
  });
});

describe('escalateCommand', () => {
  it('counts the escalated deadline of 15 working days from now, across National Day', () => {
    const ctx = commandContextAt('2026-09-30 10:00');
    // Oct 8, 9, 10, 12-16, 19-23, 26, 27.
    expect(
      escalateCommand({ reason: '金额较大', levelId: 'major', suggestedByRule: true }, ctx),
    ).toEqual({
      ok: true,
      payload: {
        reason: '金额较大',
        levelId: 'major',
        deadline: { dueAt: sh('2026-10-27 17:30'), basis: 'escalated' },
        suggestedByRule: true,
      },
    });
  });

  it('keeps the level when none is chosen and refuses an unknown one', () => {
    const ctx = commandContextAt('2026-09-30 10:00');
    const kept = escalateCommand({ reason: '客户不满', levelId: '', suggestedByRule: false }, ctx);
    expect(kept.ok && 'levelId' in kept.payload).toBe(false);
    expect(kept.ok && 'suggestedByRule' in kept.payload).toBe(false);
    expect(escalateCommand({ reason: '', levelId: 'huge', suggestedByRule: false }, ctx)).toEqual({
      ok: false,
      errors: [
        { field: 'reason', code: 'required' },
        { field: 'levelId', code: 'unknownOption' },
      ],
    });
  });
});

describe('levelChangeCommand', () => {
  const ctx = commandContextAt('2026-09-30 10:00');
  // A property complaint received 2026-09-30 10:00 as 一般: 5 working days, across National Day.
  const received = sh('2026-09-30 10:00');
  const general = caseAt('dispatched', {
    kindId: 'complaint',
    levelId: 'general',
    receivedAt: received,
    deadline: { ...deadlineCompute(workingDays(5), received, ctx.deadline), basis: 'handling' },
  }).state;

  it('changes to another known level with a reason', () => {
    const result = levelChangeCommand(
      { levelId: 'major', reason: '逾期', suggestedByRule: true },
      general,
      ctx,
    );
    expect(result.ok && result.payload).toMatchObject({
      levelId: 'major',
      reason: '逾期',
      suggestedByRule: true,
    });
  });

  it("counts the new level's time limit from intake: 重大 gets 15 working days, as at intake", () => {
    expect(general.deadline?.dueAt).toBe(sh('2026-10-13 17:30'));
    const result = levelChangeCommand(
      { levelId: 'major', reason: '金额较大', suggestedByRule: false },
      general,
      ctx,
    );
    // Oct 8, 9, 10, 12-16, 19-23, 26, 27: the deadline intake gives a 重大 complaint.
    expect(result.ok && result.payload.deadline).toEqual({
      dueAt: sh('2026-10-27 17:30'),
      basis: 'handling',
    });
    const atIntake = rulesHandlingDeadline(ctx.rules, { ...general, levelId: 'major' });
    expect(result.ok && result.payload.deadline?.dueAt).toBe(
      atIntake && deadlineCompute(atIntake, received, ctx.deadline).dueAt,
    );
    // And back to 一般: 5 working days again.
    const major = {
      ...general,
      levelId: 'major',
      deadline: { dueAt: sh('2026-10-27 17:30'), basis: 'handling' as const },
    };
    const back = levelChangeCommand(
      { levelId: 'general', reason: '核实金额', suggestedByRule: false },
      major,
      ctx,
    );
    expect(back.ok && back.payload.deadline?.dueAt).toBe(sh('2026-10-13 17:30'));
  });

  it('the reducer takes the deadline from the payload', () => {
    const { state, story } = caseAt('dispatched', general);
    const result = levelChangeCommand(
      { levelId: 'major', reason: '金额较大', suggestedByRule: false },
      state,
      ctx,
    );
    if (!result.ok) throw new Error('refused');
    const applied = caseApply(state, story.event('case/levelChanged', result.payload));
    const next = applied.ok ? applied.next : undefined;
    expect(next?.levelId).toBe('major');
    expect(next?.deadline?.dueAt).toBe(sh('2026-10-27 17:30'));
    expect(next?.openDueAt).toBe(sh('2026-10-27 17:30'));
  });

  it.each<[string, Partial<CaseEntity>]>([
    // The hotline and hospital give every level the same limit.
    ['the limit is the same for both levels', { kindId: 'request' }],
    [
      'the deadline was extended',
      { deadline: { dueAt: sh('2026-10-20 17:30'), basis: 'extension' } },
    ],
    [
      'the deadline counts from an escalation',
      { deadline: { dueAt: sh('2026-10-27 17:30'), basis: 'escalated' } },
    ],
    ['the case is closed', { status: 'closed' }],
  ])('keeps the deadline when %s', (_name, overrides) => {
    const result = levelChangeCommand(
      { levelId: 'major', reason: '原因', suggestedByRule: false },
      { ...general, ...overrides },
      ctx,
    );
    expect(result.ok).toBe(true);
    expect(result.ok && 'deadline' in result.payload).toBe(false);
  });

  it("counts a reopened case's deadline from its reopening", () => {
    const reopenedAt = sh('2026-10-19 09:00');
    const reopened = {
      ...general,
      deadline: { dueAt: sh('2026-10-26 17:30'), basis: 'recomputed' as const },
    };
    const result = levelChangeCommand(
      { levelId: 'major', reason: '原因', suggestedByRule: false },
      reopened,
      ctx,
      { reopenedAt },
    );
    // 15 working days after 2026-10-19: Oct 20-23, 26-30, Nov 2-6, 9.
    expect(result.ok && result.payload.deadline).toEqual({
      dueAt: sh('2026-11-09 17:30'),
      basis: 'recomputed',
    });
    // Without the reopening's time nothing is guessed.
    const unknown = levelChangeCommand(
      { levelId: 'major', reason: '原因', suggestedByRule: false },
      reopened,
      ctx,
    );
    expect(unknown.ok && 'deadline' in unknown.payload).toBe(false);
  });

  it.each([
    ['', 'required'],
    ['huge', 'unknownOption'],
    ['general', 'unchanged'],
  ])('refuses level %j', (levelId, code) => {
    expect(
      levelChangeCommand({ levelId, reason: '原因', suggestedByRule: false }, general, ctx),
    ).toEqual({ ok: false, errors: [{ field: 'levelId', code }] });
  });
});

describe('the interim step follows the level (company preset)', () => {
  const ctx = commandContextAt('2026-09-30 16:00', 'company');
  const received = sh('2026-09-30 15:00');
  const general = caseAt('dispatched', {
    kindId: 'complaint',
    levelId: 'general',
    receivedAt: received,
  });
  const interim = { dueAt: sh('2026-10-08 15:30') };
  const major = caseAt('dispatched', {
    kindId: 'complaint',
    levelId: 'major',
    receivedAt: received,
    interimDeadline: interim,
  });

  it('starts the temporary measure’s 8 working hours when a complaint becomes major', () => {
    const { state, story } = general;
    expect(state.interimDeadline).toBeUndefined();
    const result = levelChangeCommand(
      { levelId: 'major', reason: '客户要求赔偿', suggestedByRule: true },
      state,
      ctx,
    );
    if (!result.ok) throw new Error('refused');
    // 16:00-17:30 on Sep 30, then Oct 8 from 08:30 with the lunch break: 2026-10-08 16:30.
    expect(result.payload.interimDeadline?.dueAt).toBe(sh('2026-10-08 16:30'));
    const applied = caseApply(state, story.event('case/levelChanged', result.payload));
    expect(applied.ok && applied.next.interimOpenDueAt).toBe(sh('2026-10-08 16:30'));
  });

  it('starts it as well when an escalation raises the level', () => {
    const result = escalateCommand(
      { reason: '媒体曝光', levelId: 'major', suggestedByRule: false },
      ctx,
      general.state,
    );
    expect(result.ok && result.payload.interimDeadline?.dueAt).toBe(sh('2026-10-08 16:30'));
    const kept = escalateCommand({ reason: '客户不满', levelId: '', suggestedByRule: false }, ctx);
    expect(kept.ok && 'interimDeadline' in kept.payload).toBe(false);
  });

  it('drops a temporary measure not yet recorded when the level goes down, keeps it otherwise', () => {
    const { state, story } = major;
    const down = levelChangeCommand(
      { levelId: 'general', reason: '核实后为一般投诉', suggestedByRule: false },
      state,
      ctx,
    );
    if (!down.ok) throw new Error('refused');
    expect(down.payload.interimDropped).toBe(true);
    const applied = caseApply(state, story.event('case/levelChanged', down.payload));
    const next = applied.ok ? applied.next : undefined;
    expect(next?.levelId).toBe('general');
    expect(next && 'interimDeadline' in next).toBe(false);
    expect(next?.interimOpenDueAt).toBeUndefined();
    // Once recorded, the step is history: a change of level leaves it.
    const met = { ...state, interimMetAt: sh('2026-10-08 10:00') };
    const after = levelChangeCommand(
      { levelId: 'general', reason: '核实后为一般投诉', suggestedByRule: false },
      met,
      ctx,
    );
    expect(after.ok && 'interimDropped' in after.payload).toBe(false);
    expect(after.ok && 'interimDeadline' in after.payload).toBe(false);
  });
});

describe('reviewCommand', () => {
  const input: ReviewInput = {
    customerDemand: '赔偿误工费',
    progress: '电梯已修复',
    proposedSolution: '减免一个月物业费',
    feasibility: '可行',
    cost: '300 元',
    fairness: '与同类处理一致',
    reviewers: '赵敏、钱进, 孙立',
    decision: '同意方案',
  };

  it('records the review record with its round and the reviewers split', () => {
    const result = reviewCommand(input, 2);
    expect(result.ok && result.payload.review).toEqual({
      ...input,
      reviewers: ['赵敏', '钱进', '孙立'],
      round: 2,
    });
  });

  it('requires the proposed solution, a reviewer and the decision', () => {
    expect(
      reviewCommand({ ...input, proposedSolution: '', reviewers: ' 、 ', decision: '' }, 1),
    ).toEqual({
      ok: false,
      errors: [
        { field: 'proposedSolution', code: 'required' },
        { field: 'reviewers', code: 'required' },
        { field: 'decision', code: 'required' },
      ],
    });
  });

  it('splits names on the separators clerks use', () => {
    expect(reviewersParse('赵敏，钱进；孙立 李四')).toEqual(['赵敏', '钱进', '孙立', '李四']);
  });
});

describe('consultCommand', () => {
  const c = { kindId: 'complaint', levelId: 'major', flags: [] };
  const ctx = commandContextAt('2026-10-09 10:00');

  it('records the outcome and the note', () => {
    expect(consultCommand({ outcome: 'agrees', note: '客户同意' }, c, ctx)).toEqual({
      ok: true,
      payload: { outcome: 'agrees', note: '客户同意' },
    });
  });

  it('sets the follow-up due time when the request cannot be met', () => {
    const result = consultCommand({ outcome: 'cannotBeMet', note: '已解释无法赔偿的原因' }, c, ctx);
    expect(result.ok && result.payload.followUpDueAt).toBe(sh('2026-10-10 10:00'));
  });

  it('requires an outcome and a note', () => {
    expect(consultCommand({ outcome: '', note: '' }, c, ctx)).toEqual({
      ok: false,
      errors: [
        { field: 'outcome', code: 'required' },
        { field: 'note', code: 'required' },
      ],
    });
  });
});
