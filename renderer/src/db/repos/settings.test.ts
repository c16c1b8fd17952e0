import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_BUSINESS_HOURS, DEFAULT_TIME_ZONE } from '@shared/calendar/deadline';
import type { IsoInstant } from '@shared/kernel/brand';
import { presetFor } from '@shared/rules/presets';
import type { DeskDatabase } from '../database';
import { DeskAlreadySetUpError } from '../errors';
import {
  SET_UP_AT,
  TEST_PASSWORD,
  TEST_SCRYPT,
  testDatabase,
  testDeskSetUp,
} from '../test-builders';
import { auditList } from './audit';
import { deskSetUp, deskState, settingsGet, settingsPut } from './settings';
import { staffList } from './staff';

let db: DeskDatabase;
afterEach(async () => {
  await db.delete();
});

describe('deskSetUp', () => {
  it('starts from nothing: the first run has no desk state', async () => {
    db = testDatabase();
    expect(await deskState(db)).toBeUndefined();
  });

  it('writes the identity, rules, calendar, locale, counter, operator and audit entry', async () => {
    db = testDatabase();
    const desk = await testDeskSetUp(db);

    expect(desk.identity).toMatchObject({
      organisationName: '示例物业',
      deskName: '客服中心',
      setUpAt: SET_UP_AT,
    });
    expect(desk.identity).not.toHaveProperty('deskCode');
    expect(desk.rules).toEqual(presetFor('property'));
    expect(desk.calendar).toEqual({
      timeZone: DEFAULT_TIME_ZONE,
      businessHours: DEFAULT_BUSINESS_HOURS,
      extraYears: [],
    });
    expect(desk.locale).toBe('zh-CN');
    expect(await settingsGet(db, 'numbering')).toEqual({});
    expect(await settingsGet(db, 'currentOperatorId')).toBe(desk.operator.id);
    expect(desk.operator).toMatchObject({
      name: '王芳',
      active: true,
      roles: ['admin', 'clerk', 'shiftLead', 'supervisor'],
    });
    expect(await staffList(db)).toEqual([desk.operator]);
    expect(await auditList(db, 10)).toEqual([
      expect.objectContaining({
        action: 'desk.setUp',
        actorId: desk.operator.id,
        target: desk.identity.deskId,
      }),
    ]);
  });

  it('refuses a second set-up and leaves the first one as it was', async () => {
    db = testDatabase();
    const first = await testDeskSetUp(db);

    await expect(
      deskSetUp(db, {
        organisationName: '另一家',
        deskName: '另一台',
        presetId: 'property',
        operatorName: '张三',
        locale: 'en',
        now: '2026-11-03T01:00:00.000Z' as IsoInstant,
        password: TEST_PASSWORD,
        scrypt: TEST_SCRYPT,
      }),
    ).rejects.toBeInstanceOf(DeskAlreadySetUpError);

    expect(await deskState(db)).toEqual(first);
    expect(await staffList(db)).toHaveLength(1);
    expect(await auditList(db, 10)).toHaveLength(1);
  });

  it('keeps a desk code when one is given', async () => {
    db = testDatabase();
    const { identity } = await deskSetUp(db, {
      organisationName: '市民热线',
      deskName: '一号台',
      deskCode: ' A01 ',
      presetId: 'property',
      operatorName: '赵六',
      locale: 'en',
      now: SET_UP_AT,
      password: TEST_PASSWORD,
      scrypt: TEST_SCRYPT,
    });
    expect(identity.deskCode).toBe('A01');
    expect((await deskState(db))?.locale).toBe('en');
  });
});

describe('settingsPut', () => {
  it('replaces one key and leaves the others', async () => {
    db = testDatabase();
    await testDeskSetUp(db);
    await settingsPut(db, 'locale', 'en', '2026-11-05T00:00:00.000Z' as IsoInstant);
    expect(await settingsGet(db, 'locale')).toBe('en');
    expect(await settingsGet(db, 'numbering')).toEqual({});
  });
});
