/**
 * The two databases every server test runs against: PGlite in memory and the real PostgreSQL
 * server of postgres-setup.ts (a fresh database per store, so suites do not see each other).
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { openStore } from '../src/main';
import type { Store, StoreOptions } from '../src/store';

export interface Backend {
  readonly name: 'pglite' | 'postgres';
  /** Why this backend is skipped, or '' when it runs. */
  readonly skip: string;
  /** A new, empty, migrated store. */
  open(options?: StoreOptions): Promise<Store>;
}

/** A fresh database on the test cluster; returns its address. */
export async function freshPostgresDatabase(): Promise<string> {
  const admin = inject('pgUrl');
  const name = `desk_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  return admin.replace(/\/postgres$/, `/${name}`);
}

export const BACKENDS: readonly Backend[] = [
  { name: 'pglite', skip: '', open: (options) => openStore({ ...options }) },
  {
    name: 'postgres',
    skip: inject('pgUrl') === '' ? inject('pgSkipReason') : '',
    open: async (options) => openStore({ ...options, databaseUrl: await freshPostgresDatabase() }),
  },
];
