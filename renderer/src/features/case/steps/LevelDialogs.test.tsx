import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { IsoInstant } from '@shared/kernel/brand';
import { deadlineContextFromSettings } from '@shared/calendar/deadline';
import type { CaseEntity } from '@shared/model/entities';
import type { LevelSuggestion } from '@shared/rules/rules-query';
import { DeskStateContext } from '../../../desk/desk-state';
import { i18nStart } from '../../../app/i18n';
import { DeskServicesContext } from '../../../desk/services';
import type { DeskDatabase } from '../../../db/database';
import { caseEvents } from '../../../db/repos/cases';
import type { StoredDeskState } from '../../../db/repos/settings';
import { testDatabase, testDeskSetUp, testRegister } from '../../../db/test-builders';
import { bridgeResolve } from '../../../platform/bridge';
import type { CaseStepDef } from './case-step';
import { escalateStep } from './escalate';
import { levelChangeStep } from './level-change';

const NOW = '2026-11-04T02:00:00.000Z' as IsoInstant;
const MEDIA: LevelSuggestion = { levelId: 'major', reasons: [{ type: 'flag', flag: 'media' }] };

let db: DeskDatabase;
beforeAll(async () => {
  await i18nStart('zh-CN');
});
afterEach(async () => {
  await db.delete();
});

type LevelDialog = CaseStepDef['Dialog'];

function renderDialog(
  Dialog: LevelDialog,
  desk: StoredDeskState,
  caseEntity: CaseEntity,
  suggestion?: LevelSuggestion,
) {
  const services = {
    db,
    bridge: bridgeResolve(),
    now: () => NOW,
    persistence: 'persisted' as const,
  };
  const state = { ...desk, deadlineContext: deadlineContextFromSettings(desk.calendar) };
  const onClose = vi.fn();
  render(
    <DeskServicesContext.Provider value={services}>
      <DeskStateContext.Provider value={state}>
        <MemoryRouter>
          <Dialog caseEntity={caseEntity} events={[]} onClose={onClose} suggestion={suggestion} />
        </MemoryRouter>
      </DeskStateContext.Provider>
    </DeskServicesContext.Provider>,
  );
  return onClose;
}

async function complaint() {
  db = testDatabase();
  const desk = await testDeskSetUp(db);
  const saved = await testRegister(db, desk, '2026-11-03T01:00:00.000Z', { subject: '记者来电' });
  return { desk, saved };
}

async function lastPayload(caseEntity: CaseEntity): Promise<Record<string, unknown>> {
  const events = await caseEvents(db, caseEntity.id);
  return events[events.length - 1]?.payload as Record<string, unknown>;
}

describe.each([
  ['调整级别', levelChangeStep.Dialog, 'case/levelChanged', '调整原因'],
  ['升级处理', escalateStep.Dialog, 'case/escalated', '升级原因'],
] as const)('%s from the suggestion banner', (action, Dialog, type, reasonLabel) => {
  it('starts with the rule’s level and reasons and records that the rule suggested it', async () => {
    const { desk, saved } = await complaint();
    const onClose = renderDialog(Dialog, desk, saved, MEDIA);
    expect(screen.getByRole('combobox', { name: /级别/ })).toHaveDisplayValue('重大');
    expect(screen.getByRole('textbox', { name: new RegExp(reasonLabel) })).not.toHaveValue('');
    await userEvent.click(screen.getByRole('button', { name: `确认${action}` }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    const events = await caseEvents(db, saved.id);
    expect(events[events.length - 1]?.type).toBe(type);
    expect(await lastPayload(saved)).toMatchObject({ levelId: 'major', suggestedByRule: true });
  });

  it('does not credit the rule when the clerk picks another level', async () => {
    const { desk, saved } = await complaint();
    const onClose = renderDialog(Dialog, desk, saved, MEDIA);
    await userEvent.selectOptions(screen.getByRole('combobox', { name: /级别/ }), '一般');
    await userEvent.click(screen.getByRole('button', { name: `确认${action}` }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    const payload = await lastPayload(saved);
    expect(payload).toMatchObject({ levelId: 'general' });
    // The command leaves the flag out rather than writing false.
    expect(payload.suggestedByRule ?? false).toBe(false);
  });
});
