/**
 * Versioned SQL migrations (server/migrations/NNNN_name.sql), applied at start, each in the same
 * transaction as its row in `schema_migrations`, under an advisory lock so that two server
 * processes starting together do not both apply one. The files are bundled as text, so the built
 * server carries its schema with it.
 */
import init from '../migrations/0001_init.sql?raw';
import type { SqlDatabase } from './sql';

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

/** Every migration, in order. A new file is added here (a test checks none is forgotten). */
export const MIGRATIONS: readonly Migration[] = [{ version: 1, name: '0001_init', sql: init }];

const MIGRATION_LOCK = 4_500_001;

/** Applies the migrations `db` lacks; returns the versions it applied. */
export async function migrate(db: SqlDatabase): Promise<number[]> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.exec(
      `CREATE TABLE IF NOT EXISTS schema_migrations (
         version integer PRIMARY KEY,
         name text NOT NULL,
         applied_at timestamptz NOT NULL DEFAULT now()
       )`,
    );
    const rows = await tx.query<{ version: number }>('SELECT version FROM schema_migrations');
    const done = new Set(rows.map((r) => Number(r.version)));
    const applied: number[] = [];
    for (const migration of MIGRATIONS) {
      if (done.has(migration.version)) continue;
      await tx.exec(migration.sql);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
        migration.version,
        migration.name,
      ]);
      applied.push(migration.version);
    }
    return applied;
  });
}
