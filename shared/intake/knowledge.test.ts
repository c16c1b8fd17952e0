import { describe, expect, it } from 'vitest';
import type { IsoInstant, StaffId } from '../kernel/brand';
import type { KnowledgeEntity, KnowledgeId } from '../model/entities';
import {
  KNOWLEDGE_DRAFT_EMPTY,
  knowledgeCheck,
  knowledgeDraftFromCase,
  knowledgeFieldsOf,
  knowledgeRank,
} from './knowledge';

describe('knowledgeCheck', () => {
  it('needs a question and an answer', () => {
    expect(knowledgeCheck({ ...KNOWLEDGE_DRAFT_EMPTY, question: ' ' })).toEqual([
      { field: 'question', code: 'required' },
      { field: 'answer', code: 'required' },
    ]);
  });

  it('limits their length', () => {
    expect(
      knowledgeCheck({ ...KNOWLEDGE_DRAFT_EMPTY, question: '问'.repeat(201), answer: '答' }),
    ).toEqual([{ field: 'question', code: 'tooLong', max: 200 }]);
  });
});

describe('knowledgeFieldsOf', () => {
  it('trims, indexes Chinese pieces and drops a category without a kind', () => {
    const fields = knowledgeFieldsOf({
      question: ' 停水通知在哪里查？ ',
      answer: '请关注自来水公司公众号',
      kindId: '',
      categoryId: 'water',
    });
    expect(fields.question).toBe('停水通知在哪里查？');
    expect(fields).not.toHaveProperty('kindId');
    expect(fields).not.toHaveProperty('categoryId');
    expect(fields.searchTerms).toEqual(
      expect.arrayContaining(['停水', '水通', '公众号'.slice(0, 2)]),
    );
  });
});

function entry(question: string, updatedAt: string): KnowledgeEntity {
  return {
    id: question as KnowledgeId,
    question,
    answer: '……',
    active: true,
    createdAt: updatedAt as IsoInstant,
    updatedAt: updatedAt as IsoInstant,
    createdById: 's' as StaffId,
    searchTerms: [],
  };
}

it('knowledgeRank puts entries whose question holds the query first, then the newest', () => {
  const ranked = knowledgeRank(
    [
      entry('燃气费怎么交', '2026-09-01T00:00:00Z'),
      entry('停水怎么办', '2026-08-01T00:00:00Z'),
      entry('停水多久恢复', '2026-09-02T00:00:00Z'),
    ],
    '停水',
  );
  expect(ranked.map((e) => e.question)).toEqual(['停水多久恢复', '停水怎么办', '燃气费怎么交']);
});

describe('knowledgeDraftFromCase', () => {
  const closed = { subject: ' 小区停水三天 ', kindId: 'appeal', categoryId: 'water' };

  it('takes the subject as the question and the reply as the answer', () => {
    expect(knowledgeDraftFromCase({ ...closed, reply: '已协调供水公司抢修' }, '已回访')).toEqual({
      question: '小区停水三天',
      answer: '已协调供水公司抢修',
      kindId: 'appeal',
      categoryId: 'water',
    });
  });

  it('falls back to the closing summary when there was no reply', () => {
    expect(knowledgeDraftFromCase({ ...closed, reply: '  ' }, '已告知停水原因').answer).toBe(
      '已告知停水原因',
    );
    expect(knowledgeDraftFromCase({ ...closed, categoryId: undefined }, undefined)).toMatchObject({
      answer: '',
      categoryId: '',
    });
  });
});
