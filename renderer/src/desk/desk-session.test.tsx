import { renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { IsoInstant, StaffId } from '@shared/kernel/brand';
import { deadlineContextFromSettings } from '@shared/calendar/deadline';
import type { DeskDatabase } from '../db/database';
import type { StoredDeskState } from '../db/repos/settings';
import { testDatabase, testDeskSetUp } from '../db/test-builders';
import { bridgeResolve } from '../platform/bridge';
import { useDeskSession } from './desk-session';
import { DeskStateContext, type DeskState } from './desk-state';
import { DeskServicesContext, type DeskServices } from './services';

const NOW = '2026-11-04T02:00:00.000Z' as IsoInstant;

let db: DeskDatabase;
afterEach(async () => {
  await db.delete();
});

function renderOnDesk(desk: StoredDeskState) {
  const services: DeskServices = {
    db,
    bridge: bridgeResolve(),
    now: () => NOW,
    persistence: 'persisted',
  };
  let state: DeskState = { ...desk, deadlineContext: deadlineContextFromSettings(desk.calendar) };
  const wrapper = ({ children }: { children: ReactNode }) => (
    <DeskServicesContext.Provider value={services}>
      <DeskStateContext.Provider value={state}>{children}</DeskStateContext.Provider>
    </DeskServicesContext.Provider>
  );
  const hook = renderHook(() => useDeskSession(), { wrapper });
  return {
    ...hook,
    /** Changes the desk state (another operator at the keyboard ...) and renders again. */
    change: (next: Partial<DeskState>) => {
      state = { ...state, ...next };
      hook.rerender();
    },
  };
}

describe('useDeskSession', () => {
  it('hands the screens the operator at the keyboard, the desk and the services’ clock', async () => {
    db = testDatabase();
    const desk = await testDeskSetUp(db);
    const { result } = renderOnDesk(desk);
    expect(result.current.db).toBe(db);
    expect(result.current.operator).toEqual({
      id: desk.operator.id,
      name: desk.operator.name,
      roles: desk.operator.roles,
    });
    expect(result.current.desk.deskId).toBe(desk.identity.deskId);
    expect(result.current.now()).toBe(NOW);
  });

  it('stays the same handle between renders, and follows a change of operator', async () => {
    db = testDatabase();
    const desk = await testDeskSetUp(db);
    const { result, rerender, change } = renderOnDesk(desk);
    const first = result.current;
    rerender();
    expect(result.current).toBe(first);

    change({ operator: { ...desk.operator, id: 'staff-2' as StaffId, name: '陈晓' } });
    expect(result.current).not.toBe(first);
    expect(result.current.operator.name).toBe('陈晓');
  });
});
