/**
 * What a step of the case page is (DOMAIN.md section 2): one module per step declares its id,
 * the events it records, when it is offered and its dialog, the way Excalidraw's actions carry
 * their `PanelComponent`. The registry (`case-steps.ts`) lists them; the actions panel and the
 * dialog host read only that list.
 */
import type { ComponentType } from 'react';
import type { CaseEntity, CaseEventEntity } from '@shared/model/entities';
import type { DeskRules } from '@shared/rules/rules';
import type { LevelSuggestion } from '@shared/rules/rules-query';
import type { CaseEventType } from '@shared/workflow/events';
import type { caseActionsLocale } from '../locale';

type CaseActionsWords = (typeof caseActionsLocale)['zh'];
/** A step's name among its words: a step without its words does not compile. */
export type CaseStepWord = keyof CaseActionsWords['actions'];
/** A field's label among the steps' words. */
export type CaseStepFieldWord = keyof CaseActionsWords['fields'];

/** What every step's dialog gets from the actions panel. */
export interface CaseStepDialogProps {
  /** The case as it is now (live: it follows changes made in other windows). */
  readonly caseEntity: CaseEntity;
  readonly events: readonly CaseEventEntity[];
  readonly onClose: () => void;
  /** The level a rule suggested, when the dialog was opened from the suggestion banner. */
  readonly suggestion?: LevelSuggestion;
}

/** `step`: moves the case along its workflow; `record`: recorded beside it. */
export type CaseStepGroup = 'step' | 'record';

export interface CaseStepDef<Id extends CaseStepWord = CaseStepWord> {
  /** Names the step's words: `caseActions.actions.<id>` is its button and dialog title. */
  readonly id: Id;
  readonly group: CaseStepGroup;
  /** The events the step may record: offered when the reducer allows any of them. */
  readonly events: readonly CaseEventType[];
  /** What else the case needs for the step to make sense. */
  readonly isOffered?: (c: CaseEntity, rules: DeskRules) => boolean;
  /** The key under `caseActions.actions` of its button when it is not the id (a re-dispatch). */
  readonly labelOf?: (c: CaseEntity) => CaseStepWord;
  /** The step's form; mounted while open, so every opening starts from a fresh form. */
  readonly Dialog: ComponentType<CaseStepDialogProps>;
}

/** Keeps the step's id as its literal, so the registry's ids form a closed union. */
export function caseStepDefine<const Id extends CaseStepWord>(
  step: CaseStepDef<Id>,
): CaseStepDef<Id> {
  return step;
}

/** A dispatch of a case that already had a unit is a re-dispatch (改派). */
export function isRedispatch(c: Pick<CaseEntity, 'unitId'>): boolean {
  return c.unitId !== undefined;
}
