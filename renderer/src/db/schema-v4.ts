/**
 * Schema version 4: no table changes its indexes; the upgrade empties the outbox of a desk that
 * is not set to sync (shared/sync/outbox.ts `isSyncQueuing`). Until version 3 every event got an
 * outbox row whether or not a server would ever read it (a standalone desk of 20,000 cases held
 * 99,995); from now on a desk queues events only once it syncs, and queues its history once
 * when it joins (the `syncBacklog` setting, repos/outbox.ts).
 */
export const SCHEMA_V4 = {} as const;
