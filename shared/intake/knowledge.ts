/**
 * The knowledge base (知识库) of standard answers (S003-A): checking an entry, the texts it is
 * searched by, and the entry a closed case proposes (its subject as the question, the answer
 * the customer was given as the answer).
 */
import type { CaseEntity, KnowledgeEntity } from '../model/entities';
import { searchMatches, searchTermsOf } from '../register/search';

export const KNOWLEDGE_LIMITS = { question: 200, answer: 4000 } as const;

/** What the knowledge form holds, as typed. */
export interface KnowledgeDraft {
  readonly question: string;
  readonly answer: string;
  /** Empty when the entry is for any kind. */
  readonly kindId: string;
  /** Empty when the entry is for any category. */
  readonly categoryId: string;
}

export type KnowledgeField = keyof KnowledgeDraft;
export type KnowledgeErrorCode = 'required' | 'tooLong';

export interface KnowledgeError {
  readonly field: KnowledgeField;
  readonly code: KnowledgeErrorCode;
  readonly max?: number;
}

export const KNOWLEDGE_DRAFT_EMPTY: KnowledgeDraft = {
  question: '',
  answer: '',
  kindId: '',
  categoryId: '',
};

/** A question and an answer are required, each within its length. */
export function knowledgeCheck(draft: KnowledgeDraft): KnowledgeError[] {
  const errors: KnowledgeError[] = [];
  for (const field of ['question', 'answer'] as const) {
    const value = draft[field].trim();
    const max = KNOWLEDGE_LIMITS[field];
    if (value === '') errors.push({ field, code: 'required' });
    else if (value.length > max) errors.push({ field, code: 'tooLong', max });
  }
  return errors;
}

/** The texts an entry is found by: its question and its answer. */
export function knowledgeSearchTexts(
  entry: Pick<KnowledgeEntity, 'question' | 'answer'>,
): string[] {
  return [entry.question, entry.answer];
}

/** The stored fields of a checked draft: trimmed texts, search pieces, empty choices dropped. */
export function knowledgeFieldsOf(
  draft: KnowledgeDraft,
): Pick<KnowledgeEntity, 'question' | 'answer' | 'kindId' | 'categoryId' | 'searchTerms'> {
  const question = draft.question.trim();
  const answer = draft.answer.trim();
  return {
    question,
    answer,
    ...(draft.kindId === '' ? {} : { kindId: draft.kindId }),
    // A category belongs to a kind: without a kind it means nothing.
    ...(draft.kindId === '' || draft.categoryId === '' ? {} : { categoryId: draft.categoryId }),
    searchTerms: searchTermsOf(knowledgeSearchTexts({ question, answer })),
  };
}

/**
 * Orders entries that matched `query`: those whose question holds it first, then the most
 * recently updated.
 */
export function knowledgeRank(
  entries: readonly KnowledgeEntity[],
  query: string,
): KnowledgeEntity[] {
  const inQuestion = (entry: KnowledgeEntity) => searchMatches([entry.question], query);
  return [...entries].sort(
    (a, b) =>
      Number(inQuestion(b)) - Number(inQuestion(a)) ||
      (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0),
  );
}

/**
 * The entry a closed case proposes: its subject as the question and, as the answer, what the
 * customer was told (the reply or direct answer), else the closing summary.
 */
export function knowledgeDraftFromCase(
  c: Pick<CaseEntity, 'subject' | 'reply' | 'kindId' | 'categoryId'>,
  closingSummary: string | undefined,
): KnowledgeDraft {
  const reply = c.reply?.trim() ?? '';
  return {
    question: c.subject.trim(),
    answer: reply !== '' ? reply : (closingSummary?.trim() ?? ''),
    kindId: c.kindId,
    categoryId: c.categoryId ?? '',
  };
}
