import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import type { IsoInstant } from '@shared/kernel/brand';
import { dayCountsOf, type DayCountEntity } from '@shared/register/day-counts';
import { registerCount, registerRowMatches } from '@shared/register/query';
import { openDeskDatabase } from '../database';
import { SCHEMA_V1 } from '../schema-v1';
import { SCHEMA_V2 } from '../schema-v2';
import { testDatabase, testDeskSetUp, testRegister } from '../test-builders';
import { dayCountsReady } from './day-counts';
import { registerCounts } from './register';

const databases: Dexie[] = [];
afterEach(async () => {
  await Promise.all(databases.splice(0).map((db) => db.delete()));
});

const order = (a: DayCountEntity, b: DayCountEntity) =>
  JSON.stringify([a.facet, a.day, a.status]) < JSON.stringify([b.facet, b.day, b.status]) ? -1 : 1;

describe('the day counts', () => {
  it('are built from the stored cases by the upgrade to version 3, then kept', async () => {
    // The cases as a desk wrote them, copied into a database at schema version 2.
    const source = testDatabase();
    databases.push(source);
    const desk = await testDeskSetUp(source);
    for (let i = 0; i < 12; i++) {
      const at = new Date(Date.parse('2026-11-03T20:00:00.000Z') + i * 9 * 3_600_000);
      await testRegister(source, desk, at.toISOString() as IsoInstant, {
        kindId: i % 3 === 0 ? 'request' : 'complaint',
        channelId: i % 2 === 0 ? 'walkIn' : 'phone',
      });
    }
    const cases = await source.cases.toArray();
    const settings = await source.settings.toArray();
    const name = `t-${crypto.randomUUID()}`;
    const before = new Dexie(name);
    before.version(1).stores(SCHEMA_V1);
    before.version(2).stores(SCHEMA_V2);
    await before.table('cases').bulkAdd(cases);
    await before.table('settings').bulkAdd(settings);
    before.close();

    const db = openDeskDatabase(name);
    databases.push(db);
    expect(await dayCountsReady(db)).toBe(true);
    const stored = (await db.dayCounts.toArray()).filter((row) => row.facet !== '#');
    expect(stored.sort(order)).toEqual(dayCountsOf(cases).sort(order));

    await testRegister(db, desk, '2026-11-05T03:00:00.000Z' as IsoInstant, { kindId: 'request' });
    const after = await db.cases.toArray();
    const criteria = {
      kindId: 'request',
      receivedFrom: '2026-11-04T16:00:00.000Z' as IsoInstant,
    };
    expect(await registerCounts(db, criteria, desk.operator)).toEqual(
      registerCount(after.filter((row) => registerRowMatches(row, criteria, desk.operator))),
    );
    const kept = (await db.dayCounts.toArray()).filter((row) => row.facet !== '#');
    expect(kept.sort(order)).toEqual(dayCountsOf(after).sort(order));
  });

  it('start kept in a new database', async () => {
    const db = testDatabase();
    databases.push(db);
    expect(await dayCountsReady(db)).toBe(true);
  });
});
