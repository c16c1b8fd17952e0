/**
 * The intake form's state, kept as a draft while the clerk types (issue 10): written at most
 * every `DRAFT_WRITE_MS` while typing (so a crash of the window loses at most that much),
 * written at once when the page goes away or the screen is left, read back when the intake
 * screen opens, and dropped when the case is saved or the form cleared.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { IsoInstant } from '@shared/kernel/brand';
import { CASE_FLAGS, type CaseFlag } from '@shared/rules/rules';
import type { IntakeDraft } from '@shared/workflow/intake';
import {
  draftRead,
  draftRemove,
  draftWrite,
  draftWriteNow,
  type DraftWritten,
} from '../../db/repos/drafts';
import { useDeskSession } from '../../desk/desk-session';

/** At most one draft write this often while typing. */
export const DRAFT_WRITE_MS = 400;

const TEXT_FIELDS = [
  'customerName',
  'phone',
  'address',
  'organisation',
  'channelId',
  'kindId',
  'categoryId',
  'levelId',
  'subject',
  'content',
  'demand',
  'amountYuan',
  'receivedAtLocal',
] as const satisfies readonly (keyof IntakeDraft)[];

/** What the clerk typed (the preset's channel, kind, level and the received time are not). */
const TYPED_FIELDS = [
  'customerName',
  'phone',
  'address',
  'organisation',
  'categoryId',
  'subject',
  'content',
  'demand',
  'amountYuan',
] as const satisfies readonly (keyof IntakeDraft)[];

/** Longer than any field may be saved with: a stored value beyond it is not a typed draft. */
const MAX_STORED_TEXT = 100_000;

/** Has the clerk typed anything? A blank form is no draft. */
export function intakeDraftIsBlank(draft: IntakeDraft): boolean {
  return draft.flags.length === 0 && TYPED_FIELDS.every((field) => draft[field].trim() === '');
}

/**
 * A stored draft read back over a fresh form: only fields of the right type are taken (the row
 * may come from an older version of the desk, or be damaged); undefined when nothing usable.
 */
export function intakeDraftFromStored(value: unknown, fresh: IntakeDraft): IntakeDraft | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const stored = value as Record<string, unknown>;
  const next: Record<string, unknown> = { ...fresh };
  for (const field of TEXT_FIELDS) {
    const text = Object.hasOwn(stored, field) ? stored[field] : undefined;
    if (typeof text === 'string' && text.length <= MAX_STORED_TEXT) next[field] = text;
  }
  const flags = Object.hasOwn(stored, 'flags') ? stored.flags : undefined;
  if (Array.isArray(flags)) {
    next.flags = CASE_FLAGS.filter((flag: CaseFlag) => flags.includes(flag));
  }
  const draft = next as unknown as IntakeDraft;
  return intakeDraftIsBlank(draft) ? undefined : draft;
}

export interface IntakeDraftState {
  readonly draft: IntakeDraft;
  readonly setDraft: (next: IntakeDraft) => void;
  /** When the draft shown was restored from a previous visit. */
  readonly restoredAt?: IsoInstant;
  /** Where the last write went (undefined before the first). */
  readonly kept?: DraftWritten;
  /** Empties the form and drops the draft (after a save, or on 清空). */
  readonly reset: () => void;
}

/** The intake form's draft; `fresh` makes an empty form (the preset's defaults, received now). */
export function useIntakeDraft(fresh: () => IntakeDraft): IntakeDraftState {
  const session = useDeskSession();
  const [draft, setDraftState] = useState<IntakeDraft>(fresh);
  const [restoredAt, setRestoredAt] = useState<IsoInstant | undefined>();
  const [kept, setKept] = useState<DraftWritten | undefined>();
  const latest = useRef(draft);
  const typed = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  // Writes and removals run one after another, so a late write never revives a dropped draft.
  const queue = useRef<Promise<void>>(Promise.resolve());
  const freshRef = useRef(fresh);
  useEffect(() => {
    freshRef.current = fresh;
  }, [fresh]);

  const enqueue = useCallback((work: () => Promise<void>) => {
    queue.current = queue.current.then(work, work);
  }, []);

  const write = useCallback(() => {
    const value = latest.current;
    enqueue(async () => {
      if (intakeDraftIsBlank(value)) await draftRemove(session, 'intake');
      else setKept(await draftWrite(session, 'intake', value));
    });
  }, [enqueue, session]);

  /** Writes at once what a pending timer would have written. */
  const flush = useCallback(() => {
    if (timer.current === undefined) return;
    clearTimeout(timer.current);
    timer.current = undefined;
    write();
  }, [write]);

  // Read back the draft of a previous visit, unless the clerk has already started typing.
  useEffect(() => {
    let live = true;
    void draftRead(session, 'intake').then((row) => {
      if (!live || typed.current || !row) return;
      const restored = intakeDraftFromStored(row.value, freshRef.current());
      if (!restored) return;
      latest.current = restored;
      setDraftState(restored);
      setRestoredAt(row.updatedAt);
    });
    return () => {
      live = false;
    };
  }, [session]);

  // Leaving the screen writes what is pending; closing or reloading the window writes it at once
  // to the fallback (an IndexedDB write would not finish) and warns only if it cannot be kept.
  useEffect(() => {
    const pageHide = () => {
      if (timer.current === undefined || intakeDraftIsBlank(latest.current)) return;
      draftWriteNow(session, 'intake', latest.current);
    };
    const beforeUnload = (event: BeforeUnloadEvent) => {
      if (intakeDraftIsBlank(latest.current)) return;
      if (draftWriteNow(session, 'intake', latest.current)) return;
      event.preventDefault();
    };
    window.addEventListener('pagehide', pageHide);
    window.addEventListener('beforeunload', beforeUnload);
    return () => {
      window.removeEventListener('pagehide', pageHide);
      window.removeEventListener('beforeunload', beforeUnload);
      flush();
    };
  }, [flush, session]);

  const setDraft = useCallback(
    (next: IntakeDraft) => {
      typed.current = true;
      latest.current = next;
      setDraftState(next);
      // Throttled, not debounced: a clerk who never pauses still has a draft every few hundred ms.
      timer.current ??= setTimeout(() => {
        timer.current = undefined;
        write();
      }, DRAFT_WRITE_MS);
    },
    [write],
  );

  const reset = useCallback(() => {
    if (timer.current !== undefined) clearTimeout(timer.current);
    timer.current = undefined;
    typed.current = true;
    const empty = freshRef.current();
    latest.current = empty;
    setDraftState(empty);
    setRestoredAt(undefined);
    setKept(undefined);
    enqueue(() => draftRemove(session, 'intake'));
  }, [enqueue, session]);

  return { draft, setDraft, restoredAt, kept, reset };
}
