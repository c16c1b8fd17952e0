import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { IsoInstant } from '@shared/kernel/brand';
import { deadlineContextFromSettings } from '@shared/calendar/deadline';
import type { CaseEntity } from '@shared/model/entities';
import { DeskStateContext } from '../../desk/desk-state';
import { i18nStart } from '../../app/i18n';
import { DeskServicesContext } from '../../desk/services';
import type { DeskDatabase } from '../../db/database';
import { caseAppendEvent } from '../../db/repos/cases';
import { knowledgeOfCase } from '../../db/repos/knowledge';
import type { StoredDeskState } from '../../db/repos/settings';
import { testDatabase, testDeskSetUp, testRegister, testSession } from '../../db/test-builders';
import { bridgeResolve } from '../../platform/bridge';
import { AddToKnowledgeButton } from './AddToKnowledgeButton';

const NOW = '2026-11-04T02:00:00.000Z' as IsoInstant;

let db: DeskDatabase;
beforeAll(async () => {
  await i18nStart('zh-CN');
});
afterEach(async () => {
  await db.delete();
});

function renderOnDesk(desk: StoredDeskState, node: ReactNode) {
  const services = {
    db,
    bridge: bridgeResolve(),
    now: () => NOW,
    persistence: 'persisted' as const,
  };
  const state = { ...desk, deadlineContext: deadlineContextFromSettings(desk.calendar) };
  return render(
    <DeskServicesContext.Provider value={services}>
      <DeskStateContext.Provider value={state}>
        <MemoryRouter>{node}</MemoryRouter>
      </DeskStateContext.Provider>
    </DeskServicesContext.Provider>,
  );
}

/** A water-cut complaint answered on the spot and closed. */
async function closedCase(desk: StoredDeskState): Promise<CaseEntity> {
  const registered = await testRegister(db, desk, '2026-11-03T01:00:00.000Z', {
    subject: '小区停水三天无人通知',
  });
  const step = (wallMs: number) => testSession(db, desk, new Date(wallMs).toISOString());
  const base = Date.parse('2026-11-03T01:10:00.000Z');
  await caseAppendEvent(step(base), registered.id, 'case/handledDirectly', {
    answer: '管网检修，11月4日恢复供水。',
    followUpRequired: false,
  });
  return caseAppendEvent(step(base + 60_000), registered.id, 'case/closed', {
    finalCauseId: 'other',
    summary: '已答复',
  });
}

describe('AddToKnowledgeButton', () => {
  it('shows nothing for a case that is not closed', async () => {
    db = testDatabase();
    const desk = await testDeskSetUp(db);
    const open = await testRegister(db, desk, '2026-11-03T01:00:00.000Z');
    const { container } = renderOnDesk(desk, <AddToKnowledgeButton item={open} />);
    // Give the live query time to answer, then check nothing was drawn.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(container).toBeEmptyDOMElement();
  });

  it(
    'proposes the subject and the answer, saves the edited entry, then links to it',
    { timeout: 30_000 },
    async () => {
      db = testDatabase();
      const desk = await testDeskSetUp(db);
      const closed = await closedCase(desk);
      const user = userEvent.setup();
      renderOnDesk(desk, <AddToKnowledgeButton item={closed} />);

      await user.click(await screen.findByRole('button', { name: '加入知识库' }));
      const dialog = await screen.findByRole('dialog', { name: '把本件的答复加入知识库' });
      expect(within(dialog).getByLabelText(/问题/)).toHaveValue('小区停水三天无人通知');
      const answer = within(dialog).getByLabelText(/标准答复/);
      expect(answer).toHaveValue('管网检修，11月4日恢复供水。');

      // An empty answer is refused next to the field and nothing is written.
      await user.clear(answer);
      await user.click(within(dialog).getByRole('button', { name: '保存' }));
      expect(await within(dialog).findByText('请填写此项')).toBeVisible();
      expect(await knowledgeOfCase(db, closed.id)).toEqual([]);

      await user.type(answer, '停水多因管网检修，可拨打供水热线查询恢复时间。');
      await user.click(within(dialog).getByRole('button', { name: '保存' }));
      await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());

      expect(await knowledgeOfCase(db, closed.id)).toEqual([
        expect.objectContaining({
          question: '小区停水三天无人通知',
          answer: '停水多因管网检修，可拨打供水热线查询恢复时间。',
          sourceCaseId: closed.id,
          createdById: desk.operator.id,
        }),
      ]);
      expect(await screen.findByRole('link', { name: /已加入知识库/ })).toBeVisible();
      expect(screen.queryByRole('button', { name: '加入知识库' })).not.toBeInTheDocument();
    },
  );
});
