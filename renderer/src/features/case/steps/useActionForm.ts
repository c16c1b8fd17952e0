import { useCallback, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  CommandError,
  CommandErrorCode,
  CommandResult,
} from '@shared/workflow/commands/command';

/** A code of the command's union, or one the dialog finds itself (a unit that was deactivated). */
export type ActionErrorCode = CommandErrorCode | 'unitInactive';

export interface ActionFieldError<F extends string> {
  readonly field: F;
  readonly code: ActionErrorCode;
}

/** The props that bind a MUI TextField to one value of the form, with its error under it. */
export interface ActionTextProps {
  readonly name: string;
  readonly label: string;
  readonly value: string;
  readonly onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => void;
  readonly error: boolean;
  readonly helperText?: string;
}

export interface ActionForm<V, F extends string> {
  readonly values: V;
  readonly set: <K extends keyof V>(key: K, value: V[K]) => void;
  readonly errors: readonly ActionFieldError<F>[];
  readonly setErrors: (errors: readonly ActionFieldError<F>[]) => void;
  /** Shows the result's errors next to their fields; true when the result holds a payload. */
  readonly accept: <P>(
    result: CommandResult<P, F>,
  ) => result is Extract<CommandResult<P, F>, { ok: true }>;
  /** `error` and the sentence for a field's first error, else the help text. */
  readonly problem: (field: F, help?: string) => { error: boolean; helperText?: string };
  /** A text field bound to a string value; `field` names its errors (defaults to the key). */
  readonly text: (
    key: keyof V & string,
    label: string,
    options?: { readonly field?: F; readonly help?: string },
  ) => ActionTextProps;
}

/**
 * The state of a step's form: the values as typed and the errors its command found, each shown
 * as a sentence next to its field. `params` fill the sentences (the intake time, a deadline).
 */
export function useActionForm<V extends object, F extends string>(
  initial: V | (() => V),
  params: Readonly<Record<string, string>> = {},
): ActionForm<V, F> {
  const { t } = useTranslation();
  const [values, setValues] = useState<V>(initial);
  const [errors, setErrors] = useState<readonly ActionFieldError<F>[]>([]);
  const set = useCallback(<K extends keyof V>(key: K, value: V[K]) => {
    setValues((current) => ({ ...current, [key]: value }));
  }, []);
  const accept = <P>(
    result: CommandResult<P, F>,
  ): result is Extract<CommandResult<P, F>, { ok: true }> => {
    setErrors(result.ok ? [] : (result.errors as readonly CommandError<F>[]));
    return result.ok;
  };
  const problem = (field: F, help?: string) => {
    const found = errors.find((e) => e.field === field);
    if (found) return { error: true, helperText: t(`caseActions.errors.${found.code}`, params) };
    return help === undefined ? { error: false } : { error: false, helperText: help };
  };
  const text = (
    key: keyof V & string,
    label: string,
    options: { readonly field?: F; readonly help?: string } = {},
  ): ActionTextProps => ({
    name: options.field ?? key,
    label,
    value: String(values[key] ?? ''),
    onChange: (event) => set(key, event.target.value as V[typeof key]),
    ...problem(options.field ?? (key as unknown as F), options.help),
  });
  return { values, set, errors, setErrors, accept, problem, text };
}
