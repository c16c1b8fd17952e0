import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { i18nStart } from './app/i18n';
import { systemNow } from './desk/services';
import { deskDatabaseActiveName, getDeskDatabase } from './db/database';
import { backupBeforeUpgrade } from './db/repos/backup';
import { storageRequestPersistence } from './db/persist';
import { casesSearchIndexPending } from './db/repos/cases';
import { bridgeResolve } from './platform/bridge';

async function start() {
  await i18nStart('zh-CN');
  const persistence = await storageRequestPersistence();
  const bridge = bridgeResolve();
  // A database about to be upgraded is backed up first, as it is; a failed backup is logged and
  // the desk still starts (it cannot run on the old schema).
  await bridge
    .appInfo()
    .then((info) => backupBeforeUpgrade(deskDatabaseActiveName(), bridge, info))
    .catch((error: unknown) => console.error('backup before upgrade failed', error));
  const services = { db: getDeskDatabase(), bridge, now: systemNow, persistence };
  // Cases saved just before the desk last stopped may still lack their search pieces.
  void casesSearchIndexPending(services.db).catch((error: unknown) => {
    console.error('search index repair failed', error);
  });
  if (import.meta.env.VITE_E2E_HOOKS === '1') {
    // End-to-end test builds only; see e2e-hooks/desk-test-hooks.ts.
    const { deskTestHooksInstall } = await import('./e2e-hooks/desk-test-hooks');
    deskTestHooksInstall(services.db);
  }
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root');
  createRoot(root).render(
    <StrictMode>
      <App services={services} />
    </StrictMode>,
  );
}

void start();
