import type { CaseViewer } from '@shared/access/mask';
import type { StaffId } from '@shared/kernel/brand';
import { afterEach, describe, expect, it } from 'vitest';
import type { CaseEntity } from '@shared/model/entities';
import { KNOWLEDGE_DRAFT_EMPTY, type KnowledgeDraft } from '@shared/intake/knowledge';
import type { DeskDatabase } from '../database';
import type { DeskSession } from '../session';
import { testDatabase, testDeskSetUp, testRegister, testSession } from '../test-builders';
import { auditList } from './audit';
import { caseAppendEvent } from './cases';
import {
  knowledgeAdd,
  knowledgeAddFromCase,
  knowledgeCaseDraft,
  knowledgeOfCase,
  knowledgeSearch,
  knowledgeUpdate,
} from './knowledge';
import { ChangeRefusedError } from './refused';
import type { StoredDeskState } from './settings';

let db: DeskDatabase;
const ADMIN: CaseViewer = { id: 'staff-admin' as StaffId, name: '王芳', roles: ['admin'] };
afterEach(async () => {
  await db.delete();
});

let minute = 0;
/** Each write a minute after the last, so "newest first" is well defined. */
function nextSession(desk: StoredDeskState): DeskSession {
  minute += 1;
  const wallMs = Date.parse('2026-11-03T02:00:00.000Z') + minute * 60_000;
  return testSession(db, desk, new Date(wallMs).toISOString());
}

function draft(question: string, answer: string): KnowledgeDraft {
  return { ...KNOWLEDGE_DRAFT_EMPTY, question, answer };
}

async function setUp(): Promise<StoredDeskState> {
  db = testDatabase();
  return testDeskSetUp(db);
}

async function seed(desk: StoredDeskState) {
  await knowledgeAdd(
    nextSession(desk),
    draft('小区停水怎么办', '请拨打供水公司热线 96390 报修，停水通知见公众号。'),
  );
  await knowledgeAdd(nextSession(desk), draft('燃气费在哪里交', '可在燃气公司营业厅或微信缴费。'));
  await knowledgeAdd(
    nextSession(desk),
    draft('自来水水质发黄', '多为管道锈蚀，请联系物业清洗水箱；停水后放水片刻即可。'),
  );
}

describe('knowledgeSearch in Chinese', () => {
  it('finds entries by a word of the question or the answer, question matches first', async () => {
    const desk = await setUp();
    await seed(desk);
    const found = await knowledgeSearch(db, { viewer: ADMIN, text: '停水', limit: 10 });
    expect(found.map((e) => e.question)).toEqual(['小区停水怎么办', '自来水水质发黄']);
  });

  it('needs every part of the query; a single character and digits work', async () => {
    const desk = await setUp();
    await seed(desk);
    expect(
      (await knowledgeSearch(db, { viewer: ADMIN, text: '停水 公众号', limit: 10 })).map(
        (e) => e.question,
      ),
    ).toEqual(['小区停水怎么办']);
    expect(
      (await knowledgeSearch(db, { viewer: ADMIN, text: '气', limit: 10 })).map((e) => e.question),
    ).toEqual(['燃气费在哪里交']);
    expect(
      (await knowledgeSearch(db, { viewer: ADMIN, text: '96390', limit: 10 })).map(
        (e) => e.question,
      ),
    ).toEqual(['小区停水怎么办']);
    // A phrase no entry holds finds nothing, though each of its characters is indexed.
    expect(await knowledgeSearch(db, { viewer: ADMIN, text: '水费', limit: 10 })).toEqual([]);
  });

  it('lists the newest entries for an empty query, within the limit', async () => {
    const desk = await setUp();
    await seed(desk);
    expect(
      (await knowledgeSearch(db, { viewer: ADMIN, text: '  ', limit: 2 })).map((e) => e.question),
    ).toEqual(['自来水水质发黄', '燃气费在哪里交']);
  });

  it('leaves out deactivated entries unless asked for them', async () => {
    const desk = await setUp();
    await seed(desk);
    const [gas] = await knowledgeSearch(db, { viewer: ADMIN, text: '燃气', limit: 10 });
    if (!gas) throw new Error('seeded entry missing');
    await knowledgeUpdate(nextSession(desk), gas.id, { active: false });
    expect(await knowledgeSearch(db, { viewer: ADMIN, text: '燃气', limit: 10 })).toEqual([]);
    expect(
      await knowledgeSearch(db, { viewer: ADMIN, text: '燃气', limit: 10, includeInactive: true }),
    ).toEqual([expect.objectContaining({ question: '燃气费在哪里交', active: false })]);
  });
});

describe('editing', () => {
  it('re-indexes an edited entry: the old words no longer find it, the new ones do', async () => {
    const desk = await setUp();
    const entry = await knowledgeAdd(nextSession(desk), draft('燃气费在哪里交', '营业厅'));
    const edited = await knowledgeUpdate(nextSession(desk), entry.id, {
      draft: { ...draft('燃气费怎么缴纳', '微信缴费'), kindId: 'inquiry' },
    });
    expect(edited).toMatchObject({ kindId: 'inquiry', createdAt: entry.createdAt, active: true });
    expect(await knowledgeSearch(db, { viewer: ADMIN, text: '营业厅', limit: 10 })).toEqual([]);
    expect(
      (await knowledgeSearch(db, { viewer: ADMIN, text: '微信', limit: 10 })).map((e) => e.id),
    ).toEqual([entry.id]);
    expect((await auditList(db, 10)).map((a) => a.action)).toEqual(
      expect.arrayContaining(['knowledge.added', 'knowledge.changed']),
    );
  });

  it('refuses an entry without an answer and writes nothing', async () => {
    const desk = await setUp();
    const error = await knowledgeAdd(nextSession(desk), draft('燃气费在哪里交', ' ')).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ChangeRefusedError);
    expect((error as ChangeRefusedError<unknown>).problems).toEqual([
      { field: 'answer', code: 'required' },
    ]);
    expect(await knowledgeSearch(db, { viewer: ADMIN, text: '', limit: 10 })).toEqual([]);
  });
});

describe('from a closed case', () => {
  async function closedCase(desk: StoredDeskState): Promise<CaseEntity> {
    const registered = await testRegister(db, desk, '2026-11-03T01:00:00.000Z', {
      subject: '小区停水三天无人通知',
    });
    const step = (wallMs: number) => testSession(db, desk, new Date(wallMs).toISOString());
    const base = Date.parse('2026-11-03T01:10:00.000Z');
    await caseAppendEvent(step(base), registered.id, 'case/handledDirectly', {
      answer: '已告知：管网检修，11月4日恢复供水。',
      followUpRequired: false,
    });
    return caseAppendEvent(step(base + 60_000), registered.id, 'case/closed', {
      finalCauseId: 'other',
      summary: '已答复停水原因',
    });
  }

  it('proposes the subject and the answer given, and links the entry to the case', async () => {
    const desk = await setUp();
    const closed = await closedCase(desk);
    expect(closed.status).toBe('closed');
    const proposed = await knowledgeCaseDraft(db, closed.id);
    expect(proposed).toMatchObject({
      question: '小区停水三天无人通知',
      answer: '已告知：管网检修，11月4日恢复供水。',
      kindId: 'complaint',
    });
    if (!proposed) throw new Error('no draft');
    const entry = await knowledgeAddFromCase(nextSession(desk), closed.id, proposed);
    expect(entry.sourceCaseId).toBe(closed.id);
    expect(await knowledgeOfCase(db, closed.id)).toEqual([entry]);
    expect(
      (await knowledgeSearch(db, { viewer: ADMIN, text: '管网检修', limit: 5 })).map((e) => e.id),
    ).toEqual([entry.id]);
  });

  it('refuses a case that is not closed', async () => {
    const desk = await setUp();
    const open = await testRegister(db, desk, '2026-11-03T01:00:00.000Z');
    const error = await knowledgeAddFromCase(
      nextSession(desk),
      open.id,
      draft('楼道灯不亮', '已修好'),
    ).catch((e: unknown) => e);
    expect((error as ChangeRefusedError<unknown>).problems).toEqual([{ code: 'caseNotClosed' }]);
    expect(await knowledgeOfCase(db, open.id)).toEqual([]);
  });

  it('keeps a confidential case out of the knowledge base', async () => {
    const desk = await setUp();
    const closed = await closedCase(desk);
    const proposed = await knowledgeCaseDraft(db, closed.id);
    if (!proposed) throw new Error('no draft');
    const entry = await knowledgeAddFromCase(nextSession(desk), closed.id, proposed);
    // The case is marked confidential afterwards (or was, before this check existed).
    await db.cases.update(closed.id, { flags: ['confidential'] });
    const clerk: CaseViewer = { id: 'staff-c' as StaffId, name: '赵敏', roles: ['clerk'] };
    expect(await knowledgeSearch(db, { viewer: clerk, text: '管网检修', limit: 5 })).toEqual([]);
    expect(await knowledgeSearch(db, { viewer: clerk, text: '', limit: 5 })).toEqual([]);
    expect(
      (await knowledgeSearch(db, { viewer: ADMIN, text: '管网检修', limit: 5 })).map((e) => e.id),
    ).toEqual([entry.id]);
    expect(await knowledgeCaseDraft(db, closed.id)).toBeUndefined();
    const error = await knowledgeAddFromCase(nextSession(desk), closed.id, proposed).catch(
      (e: unknown) => e,
    );
    expect((error as ChangeRefusedError<unknown>).problems).toEqual([{ code: 'caseConfidential' }]);
  });
});
