/**
 * Test hooks for the end-to-end suite, in builds made with `VITE_E2E_HOOKS=1` only (main.tsx
 * loads this module behind that flag; the production build, `npm run web` and the packaged app
 * never contain it).
 *
 * Playwright cannot reach IndexedDB through the application's code, and typing 120 cases or 20
 * steps of one case into the screens would make the print tests slow and about the screens
 * rather than the forms. These hooks go through the application's own code path: the intake
 * check and payload the intake screen uses, `caseRegister`, `caseAppendEvent` (the reducer
 * refuses what the workflow refuses), written through the same session handle as the screens
 * (`deskSessionOf`). Exposed as `window.__deskTest`.
 */
import type { CaseId, IsoInstant } from '@shared/kernel/brand';
import type { AuditEntity } from '@shared/model/entities';
import { intakeCheck, intakePayload, type IntakeDraft } from '@shared/workflow/intake';
import { deadlineContextFromSettings } from '@shared/calendar/deadline';
import type { DeskDatabase } from '../db/database';
import { deskSessionOf } from '../db/session';
import { auditList } from '../db/repos/audit';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { tableChecksums, type TableChecksums } from '../db/table-checksums';
import { recordEncode } from '../db/backup/binary';
import { backupLine } from '../db/backup/write';
import {
  caseAppendEvent,
  caseEvents,
  caseRegister,
  type CaseAppendableType,
} from '../db/repos/cases';
import { deskState } from '../db/repos/settings';
import { staffGet, staffList } from '../db/repos/staff';
import { accountSignIn, type SignInResult } from '../db/repos/accounts';
import { signInStored } from '../desk/sign-in';
import { intakeDraftEmpty } from '../features/intake/intake-draft';

export interface DeskTestEvent {
  readonly type: CaseAppendableType;
  readonly payload: unknown;
  /** When the step happened (defaults to now). */
  readonly at?: string;
}

export interface DeskTestHooks {
  /** Registers cases as the intake screen would, from what a clerk would type. */
  registerCases(
    drafts: readonly Partial<IntakeDraft>[],
  ): Promise<{ readonly id: CaseId; readonly number: string }[]>;
  /**
   * Appends steps to a case as the operator signed in at this window; rejects, writing nothing,
   * with the data layer's refusal (`AccessDeniedError`, `WorkflowError`).
   */
  appendEvents(caseId: string, events: readonly DeskTestEvent[]): Promise<void>;
  /** The latest audit entries, newest first. */
  auditLatest(limit: number): Promise<AuditEntity[]>;
  /**
   * Tries a password for the operator named `name` through the sign-in repository, as the
   * sign-in screen does (counting failures), without signing this window in.
   */
  signInAttempt(name: string, password: string): Promise<SignInResult>;
  /**
   * The checksum of every backed-up table (db/table-checksums.ts), leaving out audit entries of
   * the given actions (a restore adds its own entry to the restored log).
   */
  tableChecksums(skipAuditActions?: readonly string[]): Promise<TableChecksums>;
  /**
   * Per case number, the SHA-256 of its stored row and of its events (in id order), as a backup
   * writes them: to show that a change to one case left the others as they were.
   */
  caseChecksums(): Promise<Record<string, { readonly case: string; readonly events: string }>>;
  /** What is stored of attachments: rows of `files` and `fileChunks`, and a case's events. */
  attachmentStore(
    caseId: string,
  ): Promise<{ readonly files: number; readonly chunks: number; readonly events: number }>;
}

declare global {
  interface Window {
    __deskTest?: DeskTestHooks;
  }
}

/**
 * The desk as stored now, and the session of the operator signed in at this window (as the
 * screens build it, with that operator's roles) on the system clock.
 */
async function desk(db: DeskDatabase) {
  const state = await deskState(db);
  if (!state) throw new Error('__deskTest: set the desk up first');
  const staffId = signInStored(state.identity.deskId);
  const operator = staffId ? await staffGet(db, staffId) : undefined;
  if (!operator?.active) throw new Error('__deskTest: sign in first');
  return {
    ...state,
    operator,
    deadline: deadlineContextFromSettings(state.calendar),
    session: deskSessionOf(db, { ...state, operator }),
  };
}

export function deskTestHooksInstall(db: DeskDatabase): void {
  window.__deskTest = {
    async registerCases(drafts) {
      const d = await desk(db);
      const timeZone = d.deadline.timeZone;
      const created: { id: CaseId; number: string }[] = [];
      for (const partial of drafts) {
        const now = d.session.now();
        const draft: IntakeDraft = { ...intakeDraftEmpty(d.rules, now, timeZone), ...partial };
        const check = intakeCheck(draft, d.rules, now, timeZone);
        if (check.errors.length > 0) {
          throw new Error(`__deskTest: intake refused ${JSON.stringify(check.errors)}`);
        }
        const item = await caseRegister(
          d.session,
          intakePayload(draft, {
            rules: d.rules,
            deadline: d.deadline,
            receiver: d.session.operator,
          }),
        );
        created.push({ id: item.id, number: item.number });
      }
      return created;
    },
    async appendEvents(caseId, events) {
      const d = await desk(db);
      for (const event of events) {
        await caseAppendEvent(
          d.session,
          caseId as CaseId,
          event.type,
          event.payload as never,
          event.at as IsoInstant | undefined,
        );
      }
    },
    auditLatest: (limit) => auditList(db, limit),
    async signInAttempt(name, password) {
      const member = (await staffList(db)).find((s) => s.name === name);
      if (!member) throw new Error(`__deskTest: no operator ${name}`);
      return accountSignIn(db, member.id, password, new Date().toISOString() as IsoInstant);
    },
    tableChecksums: (skip = []) =>
      tableChecksums(
        db,
        (table, record) =>
          table !== 'audit' || !skip.includes((record as Partial<AuditEntity>).action ?? ''),
      ),
    async caseChecksums() {
      const digest = async (records: readonly unknown[]) => {
        let text = '';
        for (const record of records)
          text += backupLine(await recordEncode(record, () => undefined));
        return bytesToHex(sha256(new TextEncoder().encode(text)));
      };
      const out: Record<string, { case: string; events: string }> = {};
      for (const row of await db.cases.toArray()) {
        const events = await db.events.where('caseId').equals(row.id).sortBy('id');
        out[row.number] = { case: await digest([row]), events: await digest(events) };
      }
      return out;
    },
    async attachmentStore(caseId) {
      const [files, chunks, events] = await Promise.all([
        db.files.count(),
        db.fileChunks.count(),
        caseEvents(db, caseId as CaseId),
      ]);
      return { files, chunks, events: events.length };
    },
  };
}
