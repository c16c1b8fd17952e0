import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CaseEventEntity } from '@shared/model/entities';
import { presetFor } from '@shared/rules/presets';
import { caseStory, instantAt, testDeadline, T0_MS } from '@shared/workflow/test-builders';
import { SAMPLE_PAYLOADS } from '@shared/workflow/test-builders';
import type { CaseEventType } from '@shared/workflow/events';
import { eventFacts, factsOnPaper, factsOnScreen } from './event-facts';
import type { WordsContext } from './rules-words';
import { vocabularyLocale } from './words';

const i18n = i18next.createInstance();
let ctx: WordsContext;

beforeAll(async () => {
  await i18n.init({
    lng: 'zh-CN',
    // The vocabulary alone: the facts need none of the UI's words.
    resources: { 'zh-CN': { translation: vocabularyLocale.zh } },
    interpolation: { escapeValue: false },
  });
  ctx = {
    t: (key, options) => i18n.t(key, options ?? {}),
    rules: presetFor('property'),
    locale: 'zh-CN',
    timeZone: 'Asia/Shanghai',
  };
});

const story = caseStory();
const DAY = 24 * 3600_000;

function details(event: CaseEventEntity) {
  return Object.fromEntries(factsOnScreen(eventFacts(event, ctx)).map((d) => [d.label, d.value]));
}

describe('eventFacts on screen', () => {
  it('shows a dispatch with its unit, handler and the deadline the rules gave', () => {
    const event = story.event('case/dispatched', {
      deadline: testDeadline(instantAt(T0_MS + 4 * DAY)),
      instructions: '今天派人查看',
    });
    expect(details(event)).toEqual({
      承办单位: '工程部',
      处理人: '李强',
      处理期限: '2026-10-13 09:30（按规定）',
      交办意见: '今天派人查看',
    });
  });

  it('marks a deadline set by hand and gives its reason', () => {
    const event = story.event('case/dispatched', {
      deadline: { dueAt: instantAt(T0_MS + DAY), basis: 'manual' },
      deadlineReason: '与业主约定',
    });
    expect(details(event)).toMatchObject({
      处理期限: '2026-10-10 09:30（人工调整）',
      调整原因: '与业主约定',
    });
  });

  it('warns about a deadline counted into a year without holiday data', () => {
    const event = story.event('case/escalated', {
      deadline: {
        dueAt: instantAt(T0_MS + 90 * DAY),
        basis: 'escalated',
        warning: 'noCalendarData',
        warningYears: [2027],
      },
    });
    expect(details(event)['新期限']).toContain('2027 年无官方节假日数据');
  });

  it('shows the whole review record', () => {
    expect(details(story.event('case/reviewed'))).toEqual({
      评审次数: '第 1 次',
      客户要求: '赔偿误工费',
      处理进展: '已修复',
      拟定方案: '减免一个月物业费',
      可行性: '可行',
      成本: '300元',
      公平性: '与以往同类处理一致',
      评审人: '赵敏、钱进',
      评审结论: '同意方案',
    });
  });

  it('shows a follow-up with its satisfaction and the answers to the rules’ questions', () => {
    const event = story.event('case/followedUp', {
      satisfaction: 3,
      satisfied: false,
      answers: ['一般', '', '不满意'],
    });
    expect(details(event)).toEqual({
      回访方式: '电话',
      满意度: '3 分 · 不满意',
      回访内容: '服务质量的评价：一般\n客户的满意程度评价：不满意',
    });
  });

  it('drops a question’s own mark before the colon', () => {
    const hotline = { ...ctx, rules: presetFor('hotline') };
    const event = story.event('case/followedUp', { answers: ['已联系'] });
    const lines = factsOnScreen(eventFacts(event, hotline)).find((d) => d.label === '回访内容');
    expect(lines?.value).toBe('承办单位是否已与您联系：已联系');
  });

  it('names the final cause and the kinds of a conversion', () => {
    expect(details(story.event('case/closed', { finalCauseId: 'repairDelay' }))).toMatchObject({
      最终原因: '维修不及时',
    });
    expect(
      details(story.event('case/converted', { fromKindId: 'request', toKindId: 'complaint' })),
    ).toMatchObject({ 类型: '需求 → 投诉' });
  });

  it('has words for every event type, with no raw payload', () => {
    for (const type of Object.keys(SAMPLE_PAYLOADS) as CaseEventType[]) {
      for (const detail of factsOnScreen(eventFacts(story.event(type), ctx))) {
        expect(detail.label).not.toMatch(/caseActions\.|eventFacts\./);
        expect(detail.value).not.toMatch(/caseActions\.|eventFacts\.|[{}]/);
      }
    }
  });
});

describe('eventFacts on paper', () => {
  it('has a phrase for every event type, with no raw key', () => {
    for (const type of Object.keys(SAMPLE_PAYLOADS) as CaseEventType[]) {
      const sentence = factsOnPaper(eventFacts(story.event(type), ctx));
      expect(sentence).not.toMatch(/printForms\.|eventFacts\.|[{}]/);
    }
  });

  it('words a fact as paper does, in paper’s order, beside the timeline’s', () => {
    const facts = eventFacts(
      story.event('case/responsibilityDetermined', {
        valid: true,
        unitName: '工程部',
        personName: '李强',
        note: '维修超时',
      }),
      ctx,
    );
    expect(factsOnScreen(facts).map((d) => d.label)).toEqual([
      '有效性',
      '责任单位',
      '责任人',
      '说明',
    ]);
    expect(factsOnPaper(facts)).toBe('责任单位：工程部；责任人：李强；有效；维修超时');
  });

  it('states on paper what the timeline leaves out, and the reverse', () => {
    const received = eventFacts(story.event('case/received'), ctx);
    expect(factsOnScreen(received).map((d) => d.label)).toContain('编号');
    expect(factsOnPaper(received)).toMatch(/^渠道：.+；类型：.+/);
    expect(factsOnScreen(eventFacts(story.event('case/linked'), ctx))).toEqual([]);
    expect(factsOnPaper(eventFacts(story.event('case/linked'), ctx))).toBe(
      '与其他来件关联为同一事项',
    );
  });
});
