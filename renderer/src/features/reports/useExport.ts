import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDeskSession } from '../../desk/desk-session';
import { useDeskState } from '../../desk/desk-state';
import { fileStreamOf } from '@shared/platform/bridge';
import { useDeskServices } from '../../desk/services';
import { statsExportRecord } from '../../db/repos/stats';
import { sessionMay } from '../../db/access';
import { exportRun, type ExportOutcome, type ExportRun } from '../../export/export-client';
import type { ExportJob, ExportTable } from '../../export/export-protocol';
import { permissionWordKey } from '../../vocabulary/permission-words';

/** What the export dialog shows while a workbook is being made. */
export interface ExportProgress {
  readonly table: ExportTable;
  readonly done: number;
  readonly total: number;
}

export interface ExportMessage {
  readonly severity: 'success' | 'info' | 'error';
  readonly text: string;
}

type JobInput = ExportJob extends infer J
  ? J extends ExportJob
    ? Omit<J, 'dbName' | 'now' | 'maskPhones' | 'viewer'>
    : never
  : never;

/**
 * Runs exports one at a time off the UI thread, shows their progress, saves them through the
 * bridge and records each saved export in the audit log.
 */
export function useExport(maskPhones: boolean) {
  const { t } = useTranslation();
  const { db, bridge, now } = useDeskServices();
  const session = useDeskSession();
  // The signed-in operator's unit (a unit handler reads the cases of their unit).
  const operatorUnitId = useDeskState().operator.unitId;
  const [progress, setProgress] = useState<ExportProgress | undefined>();
  const [message, setMessage] = useState<ExportMessage | undefined>();
  const running = useRef<ExportRun | undefined>(undefined);
  const [streaming, setStreaming] = useState(false);
  // The browser build streams the register to a file as the worker makes it.
  const fileStream = fileStreamOf(bridge);

  useEffect(() => {
    let live = true;
    void bridge.appInfo().then((info) => {
      if (live) setStreaming(info.runtime === 'electron');
    });
    return () => {
      live = false;
    };
  }, [bridge]);

  // Leaving the screen cancels a running export rather than leaving the worker behind.
  useEffect(() => () => running.current?.cancel(), []);

  const describe = useCallback(
    (outcome: ExportOutcome, table: ExportTable): ExportMessage => {
      switch (outcome.status) {
        case 'saved':
          return {
            severity: 'success',
            text: t('reports.exports.saved', { file: outcome.path, rows: outcome.rows }),
          };
        case 'cancelled':
          return { severity: 'info', text: t('reports.exports.cancelled') };
        case 'saveFailed':
          return { severity: 'error', text: t(`bridge.${outcome.reason}`) };
        case 'failed':
          return {
            severity: 'error',
            text: t(`reports.exports.problems.${outcome.problem}`, {
              file: outcome.file ?? '',
              desk: outcome.file ?? '',
              table: t(`reports.exports.tables.${table}`),
            }),
          };
      }
    },
    [t],
  );

  const start = useCallback(
    async (input: JobInput) => {
      if (running.current) return;
      // The worker reads the database itself: the role is checked before it starts.
      if (!sessionMay(session, 'export')) {
        setMessage({
          severity: 'error',
          text: t('accounts.denied', { permission: t(permissionWordKey('export')) }),
        });
        return;
      }
      const at = now();
      // The viewer is the signed-in operator of this session, passed explicitly: the worker masks
      // confidential cases for them alone.
      const viewer = {
        id: session.operator.id,
        name: session.operator.name,
        roles: session.operator.roles,
        ...(operatorUnitId ? { unitId: operatorUnitId } : {}),
      };
      const job = { ...input, dbName: db.name, now: at, maskPhones, viewer } as ExportJob;
      setMessage(undefined);
      setProgress({ table: job.table, done: 0, total: 0 });
      const run = exportRun(job, {
        bridge,
        streaming,
        ...(fileStream ? { fileStream } : {}),
        onProgress: (done, total) => setProgress({ table: job.table, done, total }),
      });
      running.current = run;
      const outcome = await run.outcome;
      running.current = undefined;
      setProgress(undefined);
      if (outcome.status === 'saved') {
        await statsExportRecord(session, {
          action:
            job.table === 'register'
              ? 'register.exported'
              : job.table === 'audit'
                ? 'audit.exported'
                : 'report.exported',
          table: job.table,
          detail: outcome.detail,
        });
      }
      setMessage(describe(outcome, job.table));
    },
    [bridge, db, describe, fileStream, maskPhones, now, operatorUnitId, session, streaming, t],
  );

  const cancel = useCallback(() => running.current?.cancel(), []);

  return { start, cancel, progress, message, dismiss: () => setMessage(undefined) };
}
