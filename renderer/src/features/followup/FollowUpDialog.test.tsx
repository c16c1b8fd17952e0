import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CaseId, IsoInstant } from '@shared/kernel/brand';
import { newId } from '@shared/kernel/ids';
import { caseFold } from '@shared/workflow/reducer';
import { caseStory, seededBytes } from '@shared/workflow/test-builders';
import { deadlineContextFromSettings } from '@shared/calendar/deadline';
import type { CaseEntity } from '@shared/model/entities';
import { followUpDrawNumber } from '@shared/workflow/followup';
import { DeskStateContext } from '../../desk/desk-state';
import { i18nStart } from '../../app/i18n';
import { DeskServicesContext } from '../../desk/services';
import type { DeskDatabase } from '../../db/database';
import { caseEvents, caseGet } from '../../db/repos/cases';
import type { StoredDeskState } from '../../db/repos/settings';
import { testDatabase, testDeskSetUp } from '../../db/test-builders';
import { bridgeResolve } from '../../platform/bridge';
import { FollowUpDialog } from './FollowUpDialog';

const NOW = '2026-11-04T02:00:00.000Z' as IsoInstant;

let db: DeskDatabase;
beforeAll(async () => {
  await i18nStart('zh-CN');
});
afterEach(async () => {
  await db.delete();
});

function renderDialog(desk: StoredDeskState, caseEntity: CaseEntity, onClose = vi.fn()) {
  const services = {
    db,
    bridge: bridgeResolve(),
    now: () => NOW,
    persistence: 'persisted' as const,
  };
  const state = { ...desk, deadlineContext: deadlineContextFromSettings(desk.calendar) };
  render(
    <DeskServicesContext.Provider value={services}>
      <DeskStateContext.Provider value={state}>
        <MemoryRouter>
          <FollowUpDialog open caseEntity={caseEntity} onClose={onClose} />
        </MemoryRouter>
      </DeskStateContext.Provider>
    </DeskServicesContext.Provider>,
  );
  return onClose;
}

/** Types the answers to the rules' questions, found by their labels. */
function answer(answers: Readonly<Record<string, string>>) {
  for (const [question, text] of Object.entries(answers)) {
    fireEvent.change(screen.getByRole('textbox', { name: question }), { target: { value: text } });
  }
}

/**
 * A replied request whose draw is drawn or not, as asked: its id is chosen (from seeded random
 * bytes) on the wanted side of the 15% sample, and its history written as a desk would.
 */
async function repliedRequest(desk: StoredDeskState, drawn: boolean): Promise<CaseEntity> {
  const startMs = Date.parse('2026-11-03T01:00:00.000Z');
  let caseId: CaseId | undefined;
  for (let i = 0; caseId === undefined; i++) {
    const id = newId<CaseId>(startMs, seededBytes(i + 1));
    if (followUpDrawNumber(id) < 0.15 === drawn) caseId = id;
  }
  const story = caseStory({ caseId, deskId: desk.identity.deskId, startMs });
  const events = [
    story.event('case/received', { kindId: 'request', categoryId: undefined, number: '2611-0001' }),
    story.event('case/dispatched'),
    story.event('case/replied', { followUpDueAt: undefined }),
  ];
  const replied = caseFold(events);
  if (!replied) throw new Error('no case');
  await db.transaction('rw', db.cases, db.events, async () => {
    await db.events.bulkAdd(events);
    await db.cases.add(replied);
  });
  return replied;
}

// MUI in jsdom is slow to type into: these stories get more time than the default.
const SLOW = 30_000;

describe('FollowUpDialog', () => {
  it(
    'records a drawn request followed up by a visit as sampled and satisfied',
    async () => {
      db = testDatabase();
      const desk = await testDeskSetUp(db);
      const request = await repliedRequest(desk, true);
      const onClose = renderDialog(desk, request);
      const user = userEvent.setup({ delay: null });

      expect(await screen.findByText(/抽样回访：本件被抽中/)).toBeInTheDocument();
      expect(screen.queryByRole('button', { name: '按抽样规则免回访' })).not.toBeInTheDocument();
      await user.selectOptions(screen.getByRole('combobox', { name: '回访方式' }), '上门');
      answer({ 服务质量的评价: '好', 服务效果的评价: '好', 客户的满意程度评价: '好' });
      answer({ 缺点与不足评价: '无', 客户的建议: '无' });
      await user.selectOptions(screen.getByRole('combobox', { name: '满意度（1–5 分）' }), '5');
      expect(screen.getByText('满意：保存后回访完成，可以结案。')).toBeInTheDocument();
      await user.click(screen.getByRole('button', { name: '保存' }));

      await waitFor(() => expect(onClose).toHaveBeenCalled());
      const last = (await caseEvents(db, request.id)).at(-1);
      expect(last).toMatchObject({
        type: 'case/followedUp',
        payload: {
          method: 'visit',
          satisfaction: 5,
          satisfied: true,
          sampled: true,
          answers: ['好', '好', '好', '无', '无'],
        },
      });
    },
    SLOW,
  );

  it(
    'waives a request the draw passed over',
    async () => {
      db = testDatabase();
      const desk = await testDeskSetUp(db);
      const request = await repliedRequest(desk, false);
      const onClose = renderDialog(desk, request);
      const user = userEvent.setup({ delay: null });

      expect(await screen.findByText(/抽样回访：本件未被抽中/)).toBeInTheDocument();
      await user.click(screen.getByRole('button', { name: '按抽样规则免回访' }));
      await waitFor(() => expect(onClose).toHaveBeenCalled());
      expect((await caseGet(db, request.id))?.followUp.state).toBe('waived');
      expect((await caseEvents(db, request.id)).at(-1)?.payload).toEqual({
        reason: 'notSampled',
        note: '未被抽中（抽样比例 15%）',
      });
    },
    SLOW,
  );

  it(
    'sends an unsatisfied customer back for remedial action',
    async () => {
      db = testDatabase();
      const desk = await testDeskSetUp(db);
      const request = await repliedRequest(desk, true);
      renderDialog(desk, request);
      const user = userEvent.setup({ delay: null });

      await screen.findByRole('combobox', { name: '回访结果' });
      answer({ 服务质量的评价: '一般', 服务效果的评价: '一般', 客户的满意程度评价: '一般' });
      answer({ 缺点与不足评价: '疏通后仍有异味', 客户的建议: '请再检查一次' });
      // Property: only 5 out of 5 is satisfied.
      await user.selectOptions(screen.getByRole('combobox', { name: '满意度（1–5 分）' }), '4');
      expect(screen.getByText(/不满意：保存后退回处理人\/接单人补救/)).toBeInTheDocument();
      await user.click(screen.getByRole('button', { name: '保存' }));

      await waitFor(async () => expect((await caseGet(db, request.id))?.remedial).toBe(true));
      const now = await caseGet(db, request.id);
      expect(now?.status).toBe('accepted');
      expect(now?.followUp).toMatchObject({ state: 'notDue', satisfaction: 4, satisfied: false });
    },
    SLOW,
  );

  it(
    'saves nothing while the form has errors',
    async () => {
      db = testDatabase();
      const desk = await testDeskSetUp(db);
      const request = await repliedRequest(desk, false);
      const onClose = renderDialog(desk, request);
      const user = userEvent.setup({ delay: null });
      const before = (await caseEvents(db, request.id)).length;

      await screen.findByRole('combobox', { name: '回访结果' });
      await user.click(screen.getByRole('button', { name: '保存' }));
      expect(await screen.findByText('请先改正标红的项目，尚未保存。')).toBeInTheDocument();
      expect(screen.getAllByText('请填写此项')).toHaveLength(6);
      expect(onClose).not.toHaveBeenCalled();
      expect(await caseEvents(db, request.id)).toHaveLength(before);
    },
    SLOW,
  );
});
