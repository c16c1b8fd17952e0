import type { CaseEventEntity } from '../../../../shared/entities';

/** Payload fields that carry the words of a step, in the order a reader wants them. */
const TEXT_FIELDS = [
  'unitName',
  'handlerName',
  'answer',
  'reply',
  'toldCustomer',
  'reason',
  'note',
  'explanation',
  'instructions',
  'summary',
  'action',
] as const;

/** The free-text lines of an event, for the timeline (structured fields are shown apart). */
export function eventTextLines(event: CaseEventEntity): string[] {
  const payload = event.payload as unknown as Record<string, unknown>;
  return TEXT_FIELDS.map((field) => payload[field]).filter(
    (value): value is string => typeof value === 'string' && value.trim() !== '',
  );
}
