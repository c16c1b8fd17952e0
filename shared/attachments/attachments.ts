/**
 * A case's attachments, folded from its events: `case/attachmentAdded` adds one,
 * `case/attachmentRemoved` takes it off the case (its file stays stored, recoverable by an
 * administrator until purged). Pure.
 */
import type { IsoInstant, StaffId } from '../kernel/brand';
import type { CaseEventEntity } from '../model/entities';
import type { CasePayloadOf } from '../workflow/events';

export type AttachmentAddedPayload = CasePayloadOf<'case/attachmentAdded'>;

/** One attachment of a case as screens and paper show it. */
export interface CaseAttachment extends AttachmentAddedPayload {
  readonly addedAt: IsoInstant;
  readonly addedById: StaffId;
  readonly addedByName: string;
}

/** The attachments still on the case, in the order they were added. */
export function attachmentsOf(events: readonly CaseEventEntity[]): CaseAttachment[] {
  const live = new Map<string, CaseAttachment>();
  for (const event of events) {
    if (event.type === 'case/attachmentAdded') {
      const payload = event.payload as AttachmentAddedPayload;
      live.set(payload.attachmentId, {
        ...payload,
        addedAt: event.at,
        addedById: event.actorId,
        addedByName: event.actorName,
      });
    } else if (event.type === 'case/attachmentRemoved') {
      live.delete((event.payload as CasePayloadOf<'case/attachmentRemoved'>).attachmentId);
    }
  }
  return [...live.values()];
}

/** The bytes the attachments take, each distinct file counted once. */
export function attachmentsBytes(attachments: readonly CaseAttachment[]): number {
  const sizes = new Map(attachments.map((a) => [a.hash, a.size]));
  let total = 0;
  for (const size of sizes.values()) total += size;
  return total;
}

/** Attachments that paper prints as images in the annex (inline images only). */
export function attachmentsAnnexImages<A extends CaseAttachment>(attachments: readonly A[]): A[] {
  return attachments.filter((a) => a.kind === 'image' && a.inline);
}

/** Attachments taken off the case, newest removal last, each with its addition's facts. */
export function attachmentsRemovedOf(events: readonly CaseEventEntity[]): CaseAttachment[] {
  const added = new Map<string, CaseAttachment>();
  const removed: CaseAttachment[] = [];
  for (const event of events) {
    if (event.type === 'case/attachmentAdded') {
      const payload = event.payload as AttachmentAddedPayload;
      added.set(payload.attachmentId, {
        ...payload,
        addedAt: event.at,
        addedById: event.actorId,
        addedByName: event.actorName,
      });
    } else if (event.type === 'case/attachmentRemoved') {
      const { attachmentId } = event.payload as CasePayloadOf<'case/attachmentRemoved'>;
      const one = added.get(attachmentId);
      if (one) removed.push(one);
    }
  }
  // A file restored since (added again under a new id) is on the case: not listed as removed.
  const live = new Set(attachmentsOf(events).map((a) => a.hash));
  return removed.filter((a) => !live.has(a.hash));
}
