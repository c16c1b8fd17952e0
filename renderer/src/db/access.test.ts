/**
 * The role table walked at the repository level: every case event (so every step of the case
 * page) and every other guarded write, for every role alone. A write the role may not make is
 * refused with `AccessDeniedError` and writes nothing; one it may make is never refused for the
 * role (it may still be refused by the workflow for the case's state).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CASE_EVENT_PERMISSION,
  PERMISSIONS,
  rolesMay,
  type Permission,
} from '@shared/access/permissions';
import type { CaseId, IsoInstant, StaffId } from '@shared/kernel/brand';
import { STAFF_ROLES, type StaffRole } from '@shared/model/entities';
import type { CaseEventType, CasePayloadOf } from '@shared/workflow/events';
import { sessionMay } from './access';
import type { DeskDatabase } from './database';
import { AccessDeniedError } from './errors';
import { accountPasswordReset, securityPolicyChange } from './repos/accounts';
import { SECURITY_POLICY_DEFAULT } from '@shared/access/credentials';
import { caseAppendEvent, caseRegister, type CaseAppendableType } from './repos/cases';
import { deadlinesRecompute } from './repos/deadlines';
import { rulesAidsChange } from './repos/hotline-aids';
import { casesImport } from './repos/import';
import { knowledgeAdd } from './repos/knowledge';
import { printRecord } from './repos/print';
import { settingsChange, settingsGet, type StoredDeskState } from './repos/settings';
import { staffAdd } from './repos/staff';
import { statsExportRecord } from './repos/stats';
import { unitAdd } from './repos/units';
import { deskSessionOf, type DeskSession } from './session';
import {
  SET_UP_AT,
  TEST_SCRYPT,
  testDatabase,
  testDeskSetUp,
  testReceivedPayload,
  testSession,
} from './test-builders';

let db: DeskDatabase;
let desk: StoredDeskState;
let caseId: CaseId;

beforeAll(async () => {
  db = testDatabase();
  desk = await testDeskSetUp(db);
  caseId = (await caseRegister(testSession(db, desk), testReceivedPayload(desk, SET_UP_AT))).id;
});
afterAll(async () => {
  await db.delete();
});

/** A session of an operator who has only `role`. */
function sessionAs(role: StaffRole): DeskSession {
  return deskSessionOf(
    db,
    { ...desk, operator: { id: `staff-${role}` as StaffId, name: role, roles: [role] } },
    () => SET_UP_AT,
  );
}

/** What the write threw, or undefined. */
async function thrown(write: () => Promise<unknown>): Promise<unknown> {
  try {
    await write();
    return undefined;
  } catch (error) {
    return error;
  }
}

/** How many rows every table holds, to see that a refusal wrote nothing. */
async function rowCounts(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of db.tables) counts[table.name] = await table.count();
  return counts;
}

async function expectRule(
  role: StaffRole,
  permission: Permission,
  write: () => Promise<unknown>,
): Promise<void> {
  const before = await rowCounts();
  const error = await thrown(write);
  if (rolesMay([role], permission)) {
    expect(error, `${role} may ${permission}`).not.toBeInstanceOf(AccessDeniedError);
  } else {
    expect(error, `${role} may not ${permission}`).toBeInstanceOf(AccessDeniedError);
    expect((error as AccessDeniedError).permission).toBe(permission);
    expect(await rowCounts(), `${role} ${permission} wrote nothing`).toEqual(before);
  }
}

const CASE_EVENT_TYPES = Object.keys(CASE_EVENT_PERMISSION).filter(
  (type): type is CaseAppendableType => type !== 'case/received',
);

describe('every case step for every role', () => {
  for (const role of STAFF_ROLES) {
    it(`${role}: each event appended only with its permission`, async () => {
      for (const type of CASE_EVENT_TYPES) {
        // The payload does not matter for the role's check, which comes first; an allowed
        // event may still be refused by the workflow for the case's state.
        const payload = { note: 'x', reason: 'x' } as unknown as CasePayloadOf<typeof type>;
        await expectRule(role, CASE_EVENT_PERMISSION[type], () =>
          caseAppendEvent(sessionAs(role), caseId, type, payload),
        );
      }
      await expectRule(role, 'case.register', () =>
        caseRegister(sessionAs(role), testReceivedPayload(desk, SET_UP_AT)),
      );
    });
  }

  it('a unit handler cannot supervise; a supervisor can, and the event names them', async () => {
    const note = { note: '请加快处理' };
    await expect(
      caseAppendEvent(sessionAs('handler'), caseId, 'case/supervised', note),
    ).rejects.toBeInstanceOf(AccessDeniedError);
    const after = await caseAppendEvent(sessionAs('supervisor'), caseId, 'case/supervised', note);
    expect(after.supervised).toBe(true);
  });

  it('covers every event type the workflow has', () => {
    const all: CaseEventType[] = ['case/received', ...CASE_EVENT_TYPES];
    expect(new Set(all)).toEqual(new Set(Object.keys(CASE_EVENT_PERMISSION)));
  });
});

describe('every other guarded write for every role', () => {
  const writes: Partial<Record<Permission, (s: DeskSession) => Promise<unknown>>> = {
    'settings.rules': async (s) => settingsChange(s, 'duplicateWindowDays', 30),
    'settings.calendar': async (s) =>
      settingsChange(s, 'calendar', (await settingsGet(db, 'calendar')) ?? desk.calendar),
    'settings.units': (s) => unitAdd(s, { name: `部门-${s.operator.name}-${Math.random()}` }),
    'settings.aids': (s) => rulesAidsChange(s, { referrals: [] }),
    'settings.print': async (s) => {
      const print = await settingsGet(db, 'print');
      // An unset print setting is written as the defaults' stand-in: only the role matters.
      return settingsChange(s, 'print', print ?? ({} as never));
    },
    'knowledge.edit': (s) =>
      knowledgeAdd(s, { question: '电梯坏了怎么办', answer: '报修', kindId: '', categoryId: '' }),
    'accounts.manage': async (s) => {
      await staffAdd(s, { name: `新人-${Math.random()}`, roles: ['clerk'] });
      await accountPasswordReset(
        s,
        desk.operator.id,
        { next: 'abcd-1234', confirmation: 'abcd-1234' },
        TEST_SCRYPT,
      );
      await securityPolicyChange(s, SECURITY_POLICY_DEFAULT);
    },
    import: (s) => casesImport(s, { cases: [], channelId: 'phone', fileName: 'x.xlsx' }),
    export: (s) =>
      statsExportRecord(s, { action: 'register.exported', table: 'register', detail: '' }),
    print: (s) => printRecord(s, { form: 'register', caseIds: [], output: 'pdf' }),
    'case.changeDeadline': (s) =>
      deadlinesRecompute(s, {} as Parameters<typeof deadlinesRecompute>[1]),
  };

  for (const role of STAFF_ROLES) {
    it(`${role}: settings, accounts, knowledge, import, export and print by the table`, async () => {
      for (const [permission, write] of Object.entries(writes) as [
        Permission,
        (s: DeskSession) => Promise<unknown>,
      ][]) {
        await expectRule(role, permission, () => write(sessionAs(role)));
      }
    });
  }

  it('names only permissions of the table', () => {
    for (const permission of Object.keys(writes)) expect(PERMISSIONS).toContain(permission);
    expect(sessionMay(sessionAs('admin'), 'restore')).toBe(true);
    expect(sessionMay(sessionAs('clerk'), 'restore')).toBe(false);
  });
});

describe('the session carries roles', () => {
  it('a session made from the stored desk has its operator roles', () => {
    const s = testSession(db, desk, SET_UP_AT as IsoInstant);
    expect(s.operator.roles).toEqual(desk.operator.roles);
  });
});
