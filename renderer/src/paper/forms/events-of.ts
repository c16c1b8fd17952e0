/** Picking steps out of a case's history for a form. */
import type { CaseEventEntity } from '@shared/model/entities';
import type { CaseEventOf, CaseEventType } from '@shared/workflow/events';

/** Every event of a type, oldest first. */
export function eventsOf<T extends CaseEventType>(
  events: readonly CaseEventEntity[],
  type: T,
): CaseEventEntity<CaseEventOf<T>>[] {
  return events.filter((event) => event.type === type) as CaseEventEntity<CaseEventOf<T>>[];
}

/** The latest event of a type, if any. */
export function lastEvent<T extends CaseEventType>(
  events: readonly CaseEventEntity[],
  type: T,
): CaseEventEntity<CaseEventOf<T>> | undefined {
  return eventsOf(events, type).at(-1);
}
