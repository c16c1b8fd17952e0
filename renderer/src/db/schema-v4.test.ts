import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import type { IsoInstant } from '@shared/kernel/brand';
import type { OutboxEntity, SettingsEntity } from '@shared/model/entities';
import { openDeskDatabase } from './database';
import { schemaDeclareUpTo } from './backup/tables';
import { testDatabase, testDeskSetUp, testRegister, testSyncJoin } from './test-builders';

const databases: Dexie[] = [];
afterEach(async () => {
  await Promise.all(databases.splice(0).map((db) => db.delete()));
});

/**
 * A database at schema version 3 holding a desk's cases, events, settings and one outbox row per
 * event, as version 3 wrote them; `syncing`: its settings name a server.
 */
async function deskAtVersion3(syncing: boolean): Promise<{ name: string; outbox: OutboxEntity[] }> {
  const source = testDatabase();
  databases.push(source);
  const desk = await testDeskSetUp(source);
  if (syncing) await testSyncJoin(source, desk);
  await testRegister(source, desk, '2026-11-03T02:00:00.000Z' as IsoInstant);
  await testRegister(source, desk, '2026-11-03T03:00:00.000Z' as IsoInstant);
  const events = await source.events.toArray();
  const outbox = events.map((e) => ({
    id: e.id,
    caseId: e.caseId,
    hlc: e.hlc,
    queuedAt: e.at as IsoInstant,
  }));
  const name = `t-${crypto.randomUUID()}`;
  const before = new Dexie(name);
  schemaDeclareUpTo(before, 3);
  await before.table('cases').bulkAdd(await source.cases.toArray());
  await before.table('events').bulkAdd(events);
  await before.table<SettingsEntity>('settings').bulkAdd(await source.settings.toArray());
  await before.table('outbox').bulkPut(outbox);
  before.close();
  return { name, outbox };
}

describe('the upgrade to schema version 4', () => {
  it('empties the outbox of a desk that does not sync', async () => {
    const { name } = await deskAtVersion3(false);
    const db = openDeskDatabase(name);
    databases.push(db);
    expect(await db.outbox.count()).toBe(0);
    expect(db.verno).toBe(4);
    expect(await db.events.count()).toBe(2);
  });

  it('keeps the outbox of a desk set to sync', async () => {
    const { name, outbox } = await deskAtVersion3(true);
    const db = openDeskDatabase(name);
    databases.push(db);
    expect(await db.outbox.orderBy('hlc').toArray()).toEqual(
      [...outbox].sort((a, b) => (a.hlc < b.hlc ? -1 : 1)),
    );
  });
});
