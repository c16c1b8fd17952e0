/**
 * vitest globalSetup of the `server` project: a real PostgreSQL server for the suite, in a
 * temporary folder, on 127.0.0.1:SERVER_TEST_PG_PORT (default 54331), stopped and deleted at the
 * end. PostgreSQL refuses to run as root, so as root its programs run as the `postgres` user
 * (runuser); as a normal user they run directly. Without PostgreSQL's programs the PostgreSQL half
 * of the suite is skipped with the reason printed (the PGlite half always runs).
 */
import { startLocalPostgres } from '../../build/local-postgres.mjs';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The test cluster's address (database `postgres`), or '' when it could not start. */
    pgUrl: string;
    /** Why there is no test cluster, when there is none. */
    pgSkipReason: string;
  }
}

export default function setup(project: TestProject): (() => void) | undefined {
  const port = Number(process.env.SERVER_TEST_PG_PORT ?? 54331);
  const cluster = startLocalPostgres({ port, prefix: 'desk-server-pg-' });
  if (cluster === undefined) {
    const reason = 'no PostgreSQL programs (initdb, pg_ctl) found: install Debian "postgresql"';
    console.warn(`server tests: the PostgreSQL half is skipped: ${reason}.`);
    project.provide('pgUrl', '');
    project.provide('pgSkipReason', reason);
    return undefined;
  }
  project.provide('pgUrl', cluster.url);
  project.provide('pgSkipReason', '');
  return () => cluster.stop();
}
