import { describe, expect, it } from 'vitest';
import { backupFillProgress } from './format';

const TABLES = [
  { name: 'cases', count: 100 },
  { name: 'events', count: 500 },
  { name: 'customers', count: 0 },
  { name: 'settings', count: 7 },
];

describe('a restore fill’s progress', () => {
  it('counts the tables already filled, in the manifest’s order, and the current one so far', () => {
    expect(backupFillProgress(TABLES, { table: 'cases', records: 40 })).toEqual({
      done: 40,
      total: 607,
    });
    expect(backupFillProgress(TABLES, { table: 'events', records: 200 })).toEqual({
      done: 300,
      total: 607,
    });
    expect(backupFillProgress(TABLES, { table: 'settings', records: 7 })).toEqual({
      done: 607,
      total: 607,
    });
  });

  it('never says more than all, and starts from nothing for a table it does not know', () => {
    expect(backupFillProgress(TABLES, { table: 'settings', records: 99 }).done).toBe(607);
    expect(backupFillProgress(TABLES, { table: 'elsewhere', records: 5 })).toEqual({
      done: 0,
      total: 607,
    });
    expect(backupFillProgress([], { table: 'cases', records: 0 })).toEqual({ done: 0, total: 0 });
  });
});
