/**
 * Events for the load tests and the benchmark: whole case journeys (intake, dispatch, accept,
 * reply, follow-up, close) made with the workflow's own test builders, so every event applies
 * and a desk's snapshot is a real case.
 */
import type { CaseId } from '@shared/kernel/brand';
import type { CaseEventEntity } from '@shared/model/entities';
import type { CaseEventType } from '@shared/workflow/events';
import { caseStory } from '@shared/workflow/test-builders';

const JOURNEY: readonly CaseEventType[] = [
  'case/received',
  'case/dispatched',
  'case/accepted',
  'case/replied',
  'case/followedUp',
  'case/closed',
];

/** 2026-11-02 09:00 in Shanghai, safely behind any server clock. */
export const OPS_T0_MS = Date.UTC(2026, 10, 2, 1, 0);

/**
 * `count` events of `deskCode`'s cases, journeys of up to six events each; case ids are
 * `<deskCode>-<tag>-<n>`, unique across desks and runs with different tags.
 */
export function deskEvents(
  deskCode: string,
  count: number,
  tag = 'c',
  startMs = OPS_T0_MS,
): CaseEventEntity[] {
  const events: CaseEventEntity[] = [];
  for (let n = 0; events.length < count; n++) {
    const story = caseStory({
      caseId: `${deskCode}-${tag}-${n}` as CaseId,
      deskId: `desk-${deskCode}`,
      startMs: startMs + n * 1000,
    });
    for (const type of JOURNEY) {
      if (events.length >= count) break;
      events.push(story.event(type));
    }
  }
  return events;
}
