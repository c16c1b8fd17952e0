import { useCallback, useEffect, useRef, useState } from 'react';
import {
  importHeaderRecognise,
  type ImportHeader,
  type ImportMapping,
} from '@shared/import/fields';
import { cellText } from '@shared/import/values';
import { useDeskSession } from '../../desk/desk-session';
import { useDeskState } from '../../desk/desk-state';
import { useDeskServices } from '../../desk/services';
import { useErrorMessage } from '../../desk/useErrorMessage';
import { importWorkerStart, type ImportWorkerClient } from '../../export/import-client';
import type { ImportCheckSummary, ImportRead } from '../../export/import-protocol';

export type ImportStage =
  | { readonly step: 'choose' }
  | { readonly step: 'reading'; readonly fileName: string }
  | {
      readonly step: 'readFailed';
      readonly fileName: string;
      readonly problem: Extract<ImportRead, { ok: false }>['problem'];
    }
  | {
      readonly step: 'loaded';
      readonly fileName: string;
      readonly encoding?: string;
      /** Rows of the sheet (the worker holds them). */
      readonly rowCount: number;
      /** Column headers as recognised (or the first row's texts when none was). */
      readonly columns: readonly string[];
      readonly recognised: boolean;
    };

export interface ImportChecked {
  readonly summary: ImportCheckSummary;
}

/** Rows checked or cases written so far, of how many. */
export interface ImportProgress {
  readonly phase: 'check' | 'write';
  readonly done: number;
  readonly total: number;
}

/**
 * Reading, mapping, checking and (on confirmation) writing an imported register. All three run
 * in the import worker (export/import.worker.ts), which holds the rows: the page only shows
 * progress, and the write can be cancelled, leaving the database as it was.
 */
export function useImport() {
  const { db, now } = useDeskServices();
  const { rules, deadlineContext, operator } = useDeskState();
  const session = useDeskSession();
  const errorMessage = useErrorMessage();
  const worker = useRef<ImportWorkerClient | undefined>(undefined);
  const [stage, setStage] = useState<ImportStage>({ step: 'choose' });
  const [mapping, setMappingState] = useState<ImportMapping>({});
  const [dataStartRow, setDataStartRow] = useState(1);
  const [checked, setChecked] = useState<ImportChecked | undefined>();
  const [busy, setBusy] = useState<'checking' | 'importing' | 'cancelling' | undefined>();
  const [progress, setProgress] = useState<ImportProgress | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [imported, setImported] = useState<number | undefined>();
  const [cancelled, setCancelled] = useState(false);

  // Leaving the screen ends the worker (a write under way is finished first).
  useEffect(
    () => () => {
      worker.current?.close();
      worker.current = undefined;
    },
    [],
  );

  const choose = useCallback(
    async (file: File) => {
      worker.current?.close();
      const client = importWorkerStart();
      worker.current = client;
      setChecked(undefined);
      setImported(undefined);
      setCancelled(false);
      setError(undefined);
      setStage({ step: 'reading', fileName: file.name });
      let read: ImportRead;
      try {
        read = await client.read(file.name, await file.arrayBuffer());
      } catch (failure) {
        console.error('reading the register failed', failure);
        read = { ok: false, problem: 'unreadable' };
      }
      // Another file chosen meanwhile: its answer is the one that counts.
      if (worker.current !== client) return;
      if (!read.ok) {
        setStage({ step: 'readFailed', fileName: file.name, problem: read.problem });
        return;
      }
      const header: ImportHeader | undefined = importHeaderRecognise(
        read.head.map((row) => row.map(cellText)),
        rules,
      );
      setMappingState(header?.mapping ?? {});
      setDataStartRow(header?.dataStartRow ?? 1);
      setStage({
        step: 'loaded',
        fileName: file.name,
        ...(read.encoding ? { encoding: read.encoding } : {}),
        rowCount: read.rowCount,
        columns: header?.columns ?? (read.head[0] ?? []).map(cellText),
        recognised: header !== undefined,
      });
    },
    [rules],
  );

  const setMapping = useCallback((next: ImportMapping) => {
    setMappingState(next);
    setChecked(undefined);
  }, []);

  const check = useCallback(async () => {
    const client = worker.current;
    if (stage.step !== 'loaded' || !client) return;
    setBusy('checking');
    setError(undefined);
    setCancelled(false);
    setProgress({ phase: 'check', done: 0, total: stage.rowCount });
    try {
      const summary = await client.check(
        {
          database: db.name,
          dataStartRow,
          mapping,
          rules,
          deadlineContext,
          now: now(),
          operatorName: operator.name,
        },
        (done, total) => setProgress({ phase: 'check', done, total }),
      );
      setChecked({ summary });
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(undefined);
      setProgress(undefined);
    }
  }, [dataStartRow, db, deadlineContext, errorMessage, mapping, now, operator.name, rules, stage]);

  const confirm = useCallback(async () => {
    const client = worker.current;
    if (!checked || stage.step !== 'loaded' || !client) return;
    const { summary } = checked;
    if (summary.rejected.length > 0 || summary.accepted === 0) return;
    setBusy('importing');
    setError(undefined);
    setCancelled(false);
    setProgress({ phase: 'write', done: 0, total: summary.accepted });
    try {
      const done = await client.write(
        {
          database: db.name,
          operator: session.operator,
          desk: session.desk,
          now: session.now(),
          channelId: rules.channels[0]?.id ?? 'other',
          fileName: stage.fileName,
        },
        (written, total) => setProgress({ phase: 'write', done: written, total }),
      );
      if (done === 'cancelled') {
        setCancelled(true);
      } else {
        setImported(done.created);
        setChecked(undefined);
        setStage({ step: 'choose' });
        client.close();
        if (worker.current === client) worker.current = undefined;
      }
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(undefined);
      setProgress(undefined);
    }
  }, [checked, db, errorMessage, rules.channels, session, stage]);

  const cancel = useCallback(() => {
    if (busy !== 'importing') return;
    setBusy('cancelling');
    worker.current?.cancel();
  }, [busy]);

  return {
    stage,
    mapping,
    setMapping,
    dataStartRow,
    choose,
    check,
    checked,
    confirm,
    cancel,
    cancelled,
    busy,
    progress,
    error,
    imported,
  };
}
