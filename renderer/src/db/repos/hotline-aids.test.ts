import { afterEach, describe, expect, it } from 'vitest';
import type { IsoInstant } from '@shared/kernel/brand';
import type { DeskDatabase } from '../database';
import { testDatabase, testDeskSetUp, testSession } from '../test-builders';
import { auditList } from './audit';
import { rulesAidsChange } from './hotline-aids';
import { ChangeRefusedError } from './refused';
import { settingsGet, settingsPut } from './settings';

let db: DeskDatabase;
afterEach(async () => {
  await db.delete();
});

const AT = '2026-11-03T02:00:00.000Z' as IsoInstant;

describe('rulesAidsChange', () => {
  it('writes scripts and referrals into the rules, keeping the rest, audited', async () => {
    db = testDatabase();
    const desk = await testDeskSetUp(db);
    const by = testSession(db, desk, AT);
    // Someone else changed the rules after this screen read them: that change must survive.
    await settingsPut(db, 'rules', { ...desk.rules, reportPeriodStartDay: 1 }, AT);

    const next = await rulesAidsChange(by, {
      scripts: { opening: { zh: ' 您好！物业客服。 ', en: '' }, closings: [] },
      referrals: [
        { name: { zh: '消费者协会', en: '' }, phone: ' 12315 ', scope: { zh: '', en: '' } },
      ],
    });
    const stored = await settingsGet(db, 'rules');
    expect(stored).toEqual(next);
    expect(stored?.reportPeriodStartDay).toBe(1);
    expect(stored?.scripts?.opening.zh).toBe('您好！物业客服。');
    expect(stored?.referrals).toEqual([
      { name: { zh: '消费者协会', en: '' }, phone: '12315', scope: { zh: '', en: '' } },
    ]);
    expect(await auditList(db, 20)).toContainEqual(
      expect.objectContaining({ action: 'settings.changed', target: 'rules' }),
    );

    await rulesAidsChange(by, { scripts: null });
    expect(await settingsGet(db, 'rules')).not.toHaveProperty('scripts');
    expect((await settingsGet(db, 'rules'))?.referrals).toHaveLength(1);
  });

  it('refuses a referral without a name and changes nothing', async () => {
    db = testDatabase();
    const desk = await testDeskSetUp(db);
    const by = testSession(db, desk, AT);
    const error = await rulesAidsChange(by, {
      referrals: [{ name: { zh: '', en: '' }, phone: '12315', scope: { zh: '', en: '' } }],
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChangeRefusedError);
    expect(await settingsGet(db, 'rules')).toEqual(desk.rules);
  });
});
