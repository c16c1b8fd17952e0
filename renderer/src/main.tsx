import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { i18nStart } from './app/i18n';
import { LoadingScreen } from './app/LoadingScreen';
import { StartProblem, UpgradedElsewhereBanner } from './app/StartProblem';
import { systemNow } from './desk/services';
import { deskDatabaseActiveName, getDeskDatabase } from './db/database';
import { backupBeforeUpgrade, deskDatabaseLeftoversRemove } from './db/repos/backup';
import { deskDatabaseOpen } from './db/open';
import { storageRequestPersistence } from './db/persist';
import { casesSearchIndexPending } from './db/repos/cases';
import { bridgeResolve } from './platform/bridge';

async function start() {
  await i18nStart('zh-CN');
  const rootElement = document.getElementById('root');
  if (!rootElement) throw new Error('index.html has no #root');
  const root = createRoot(rootElement);
  const show = (node: ReactNode) => root.render(<StrictMode>{node}</StrictMode>);
  show(<LoadingScreen />);

  const bridge = bridgeResolve();
  // A database about to be upgraded is backed up first, as it is; a failed backup is logged and
  // the desk still starts (it cannot run on the old schema).
  await bridge
    .appInfo()
    .then((info) => backupBeforeUpgrade(deskDatabaseActiveName(), bridge, info))
    .catch((error: unknown) => console.error('backup before upgrade failed', error));
  const db = getDeskDatabase();
  let started = false;
  let upgradedElsewhere = false;
  const render = () => {
    show(
      <>
        {upgradedElsewhere ? <UpgradedElsewhereBanner /> : null}
        <App services={services} />
      </>,
    );
  };
  // The database opens before anything renders from it: a failure is said, not waited on.
  const opened = await deskDatabaseOpen(db, {
    onBlocked: () => {
      if (!started) show(<StartProblem code="blocked" waiting />);
    },
    onUpgradedElsewhere: () => {
      upgradedElsewhere = true;
      if (started) render();
    },
  });
  if (!opened.ok) {
    console.error('the database did not open', opened.error.cause ?? opened.error);
    show(<StartProblem code={opened.error.code} />);
    return;
  }
  const persistence = await storageRequestPersistence();
  const services = { db, bridge, now: systemNow, persistence };
  // A restore's half-filled database (its window was closed) or a replaced one not yet deleted.
  void deskDatabaseLeftoversRemove().catch((error: unknown) => {
    console.error('removing leftover databases failed', error);
  });
  // Cases saved just before the desk last stopped may still lack their search pieces.
  void casesSearchIndexPending(services.db).catch((error: unknown) => {
    console.error('search index repair failed', error);
  });
  if (import.meta.env.VITE_E2E_HOOKS === '1') {
    // End-to-end test builds only; see e2e-hooks/desk-test-hooks.ts.
    const { deskTestHooksInstall } = await import('./e2e-hooks/desk-test-hooks');
    deskTestHooksInstall(services.db);
  }
  started = true;
  render();
}

void start();
