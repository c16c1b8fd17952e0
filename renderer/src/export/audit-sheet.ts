/**
 * The audit log as a table sheet (审计日志): one ruled row per entry, oldest first, with the
 * action's name in the desk's language and the result of the chain check under the title.
 */
import type { AuditVerification } from '@shared/audit/chain';
import { excelLocalClock } from '@shared/export/register-sheet';
import {
  FULL_WIDTH_SPACE,
  STYLE_CENTRED,
  STYLE_DATE_TIME,
  STYLE_INTEGER,
  STYLE_TEXT,
} from '@shared/export/sheet-style';
import type { SheetCellValue, TableLayout } from '@shared/export/table-sheet';
import type { AuditEntity } from '@shared/model/entities';
import { auditActionLabel } from '../vocabulary/words';
import { listLayout } from './list-sheets';
import { fill, type SheetLanguage } from './sheet-words';

export interface AuditSheetContext {
  readonly lang: SheetLanguage;
  readonly timeZone: string;
  /** `单位 受理台`, under the title. */
  readonly deskLine: string;
  readonly madeLine: string;
  readonly verification: AuditVerification;
  /** The names of the operators by id (entries keep the id; a name is for the reader). */
  readonly staffNames: ReadonlyMap<string, string>;
}

export function auditSheetLayout(ctx: AuditSheetContext): TableLayout {
  const a = ctx.lang.words.audit;
  const v = ctx.verification;
  const result = v.ok ? fill(a.chainOk, { count: v.count }) : fill(a.chainBroken, { seq: v.seq });
  const columns = [
    { label: a.seq, width: 8, style: STYLE_INTEGER },
    { label: a.at, width: 18, style: STYLE_DATE_TIME },
    { label: a.actor, width: 12, style: STYLE_CENTRED },
    { label: a.action, width: 18, style: STYLE_CENTRED },
    { label: a.target, width: 30, style: STYLE_TEXT },
    { label: a.detail, width: 30, style: STYLE_TEXT },
    { label: a.hash, width: 20, style: STYLE_TEXT },
  ];
  return listLayout(columns, {
    title: a.title,
    sheet: a.sheet,
    subtitle: `${ctx.deskLine}${FULL_WIDTH_SPACE}${fill(a.chain, { result })}`,
    lang: ctx.lang,
    madeLine: ctx.madeLine,
  });
}

export function auditSheetRow(entry: AuditEntity, ctx: AuditSheetContext): SheetCellValue[] {
  const clock = excelLocalClock(ctx.timeZone);
  return [
    entry.seq,
    clock.dateTime(entry.at),
    ctx.staffNames.get(entry.actorId) ?? entry.actorId,
    auditActionLabel(entry.action, ctx.lang.locale),
    entry.target ?? null,
    entry.detail ?? null,
    // The start of the hash is enough to compare with the desk's own check.
    entry.hash.slice(0, 16),
  ];
}
