/**
 * What other code may use of the server (the load tests, the benchmark, the group report, the
 * desk client's tests): the app factory, the store, and a server on a port of one's choice.
 */
export { buildServer, type BuildServerOptions } from './app';
export { runAdmin, adminMain, ADMIN_USAGE } from './admin';
export { SyncError } from './errors';
export {
  configFromEnv,
  openStore,
  serve,
  startServer,
  SERVER_ENV,
  type RunningServer,
  type ServerConfig,
  type StartServerOptions,
  type OpenStoreOptions,
} from './main';
export { migrate, MIGRATIONS } from './migrations';
export { openPglite, openPostgres, type SqlDatabase, type SqlExecutor } from './sql';
export {
  createStore,
  formatCursor,
  newToken,
  tokenHash,
  type Caller,
  type PushInput,
  type Store,
  type StoreOptions,
} from './store';
