/**
 * What every step command shares: the result it returns, the closed list of reasons a form is
 * refused, and the checks of typed text and times. A command turns what the clerk typed into
 * the payload of one event with the desk's rules (deadlines are decided here, when the step
 * happens, and stored in the event), or says which fields are wrong and why. The workflow
 * reducer still decides whether the case's state allows the step.
 */
import type { IsoInstant } from '../../kernel/brand';
import type { DeadlineContext } from '../../calendar/deadline';
import type { DeskRules } from '../../rules/rules';
import { localDateTimeToInstant } from '../../kernel/time';

/** Why a field of a step's form is refused; the renderer has a sentence for each. */
export const COMMAND_ERROR_CODES = [
  /** Nothing typed where something is needed. */
  'required',
  /** Longer than a record can hold. */
  'tooLong',
  /** Not a complete local date and time. */
  'invalidTime',
  /** A deadline at or before the case was received. */
  'beforeIntake',
  /** A deadline that has already passed. */
  'notInFuture',
  /** An extension that does not move the deadline later. */
  'notAfterDeadline',
  /** An extension past the longest the rules allow. */
  'beyondMaxExtension',
  /** A value that is not one of the options offered. */
  'unknownOption',
  /** The rules do not allow converting the case into that kind (only inquiry to complaint). */
  'cannotConvert',
  /** Only a complaint can be judged invalid. */
  'notAComplaint',
  /** The value is the one the case already has. */
  'unchanged',
] as const;

export type CommandErrorCode = (typeof COMMAND_ERROR_CODES)[number];

export interface CommandError<F extends string> {
  readonly field: F;
  readonly code: CommandErrorCode;
}

/** A payload ready to record, or the fields to fix (nothing is recorded then). */
export type CommandResult<P, F extends string> =
  | { readonly ok: true; readonly payload: P }
  | { readonly ok: false; readonly errors: readonly CommandError<F>[] };

/** What a command decides with: the desk's rules, its calendar and the instant of the step. */
export interface CommandContext {
  readonly rules: DeskRules;
  readonly deadline: DeadlineContext;
  /** When the step happens: the event's `at`, and where deadlines of the step count from. */
  readonly now: IsoInstant;
}

/** Longest free text of a note, a reason or a decision. */
export const NOTE_LIMIT = 2_000;
/** Longest free text of a reply or an answer (what was done may be long). */
export const TEXT_LIMIT = 10_000;

/** Collects the errors of one form while its fields are read. */
export interface CommandChecker<F extends string> {
  readonly errors: CommandError<F>[];
  add(field: F, code: CommandErrorCode): void;
  /** The trimmed text; an error when it is required and blank or longer than `limit`. */
  text(field: F, value: string, options?: { required?: boolean; limit?: number }): string;
  /** The instant a typed local date and time names; an error (and undefined) when it is none. */
  time(field: F, value: string, timeZone: string): IsoInstant | undefined;
  /** The payload when no error was added, else the errors. */
  result<P>(build: () => P): CommandResult<P, F>;
}

export function commandChecker<F extends string>(): CommandChecker<F> {
  const errors: CommandError<F>[] = [];
  const add = (field: F, code: CommandErrorCode) => {
    errors.push({ field, code });
  };
  return {
    errors,
    add,
    text(field, value, options = {}) {
      const trimmed = value.trim();
      if (options.required && trimmed === '') add(field, 'required');
      else if (trimmed.length > (options.limit ?? NOTE_LIMIT)) add(field, 'tooLong');
      return trimmed;
    },
    time(field, value, timeZone) {
      if (value.trim() === '') {
        add(field, 'required');
        return undefined;
      }
      const instant = localDateTimeToInstant(value, timeZone);
      if (instant === undefined) add(field, 'invalidTime');
      return instant;
    },
    result(build) {
      return errors.length > 0
        ? { ok: false, errors: [...errors] }
        : { ok: true, payload: build() };
    },
  };
}

/** The text, or undefined when it is blank (optional payload fields are left out, not empty). */
export function optionalText(text: string): string | undefined {
  return text === '' ? undefined : text;
}

/** Whether `a` is strictly later than `b` (ISO instants of the same form compare as text). */
export function isLater(a: IsoInstant, b: IsoInstant): boolean {
  return Date.parse(a) > Date.parse(b);
}
