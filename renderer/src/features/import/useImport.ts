import { useCallback, useState } from 'react';
import { importCheck, type ImportCheckResult } from '@shared/import/check';
import {
  importHeaderRecognise,
  type ImportHeader,
  type ImportMapping,
} from '@shared/import/fields';
import { cellText, type ImportCell } from '@shared/import/values';
import { useDeskSession } from '../../desk/desk-session';
import { useDeskState } from '../../desk/desk-state';
import { useDeskServices } from '../../desk/services';
import { useErrorMessage } from '../../desk/useErrorMessage';
import { casesImport, importExistingNumbers, importNewUnitNames } from '../../db/repos/import';
import { tableReadInWorker } from '../../export/table-read-client';
import type { TableReadResult } from '../../export/table-read';

export type ImportStage =
  | { readonly step: 'choose' }
  | { readonly step: 'reading'; readonly fileName: string }
  | {
      readonly step: 'readFailed';
      readonly fileName: string;
      readonly problem: Extract<TableReadResult, { ok: false }>['problem'];
    }
  | {
      readonly step: 'loaded';
      readonly fileName: string;
      readonly encoding?: string;
      readonly rows: readonly (readonly ImportCell[])[];
      /** Column headers as recognised (or the first row's texts when none was). */
      readonly columns: readonly string[];
      readonly recognised: boolean;
    };

export interface ImportChecked {
  readonly result: ImportCheckResult;
  readonly newUnits: readonly string[];
}

/** Reading, mapping, checking and (on confirmation) writing an imported register. */
export function useImport() {
  const { db, now } = useDeskServices();
  const { rules, deadlineContext, operator } = useDeskState();
  const session = useDeskSession();
  const errorMessage = useErrorMessage();
  const [stage, setStage] = useState<ImportStage>({ step: 'choose' });
  const [mapping, setMappingState] = useState<ImportMapping>({});
  const [dataStartRow, setDataStartRow] = useState(1);
  const [checked, setChecked] = useState<ImportChecked | undefined>();
  const [busy, setBusy] = useState<'checking' | 'importing' | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [imported, setImported] = useState<number | undefined>();

  const choose = useCallback(
    async (file: File) => {
      setChecked(undefined);
      setImported(undefined);
      setError(undefined);
      setStage({ step: 'reading', fileName: file.name });
      const read = await tableReadInWorker(file.name, await file.arrayBuffer());
      if (!read.ok) {
        setStage({ step: 'readFailed', fileName: file.name, problem: read.problem });
        return;
      }
      const header: ImportHeader | undefined = importHeaderRecognise(
        read.rows.slice(0, 10).map((row) => row.map(cellText)),
        rules,
      );
      setMappingState(header?.mapping ?? {});
      setDataStartRow(header?.dataStartRow ?? 1);
      setStage({
        step: 'loaded',
        fileName: file.name,
        encoding: read.encoding,
        rows: read.rows,
        columns: header?.columns ?? (read.rows[0] ?? []).map(cellText),
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
    if (stage.step !== 'loaded') return;
    setBusy('checking');
    const ctx = {
      rules,
      deadlineContext,
      now: now(),
      existingNumbers: new Set<string>(),
      operatorName: operator.name,
    };
    const first = importCheck(stage.rows, dataStartRow, mapping, ctx);
    const existing = await importExistingNumbers(
      db,
      first.accepted.map((c) => c.number),
    );
    const result =
      existing.size === 0
        ? first
        : importCheck(stage.rows, dataStartRow, mapping, { ...ctx, existingNumbers: existing });
    setChecked({ result, newUnits: await importNewUnitNames(db, result.accepted) });
    setBusy(undefined);
  }, [dataStartRow, db, deadlineContext, mapping, now, operator.name, rules, stage]);

  const confirm = useCallback(async () => {
    if (!checked || stage.step !== 'loaded') return;
    if (checked.result.rejected.length > 0 || checked.result.accepted.length === 0) return;
    setBusy('importing');
    setError(undefined);
    try {
      const done = await casesImport(session, {
        cases: checked.result.accepted,
        channelId: rules.channels[0]?.id ?? 'other',
        fileName: stage.fileName,
      });
      setImported(done.created);
      setChecked(undefined);
      setStage({ step: 'choose' });
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(undefined);
    }
  }, [checked, errorMessage, rules.channels, session, stage]);

  return {
    stage,
    mapping,
    setMapping,
    dataStartRow,
    choose,
    check,
    checked,
    confirm,
    busy,
    error,
    imported,
  };
}
