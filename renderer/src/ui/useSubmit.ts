import { useCallback, useRef, useState } from 'react';

export interface SubmitOptions {
  /**
   * The sentence shown when the action throws (the caller's wording, usually built with
   * `useErrorMessage`); `undefined` when the caller shows the failure its own way.
   */
  readonly failureOf?: (error: unknown) => string | undefined;
  /**
   * For a save that ends the screen (the first-run setup, a dialog that closes): after a
   * success it stays pending, so the button cannot save again while the screen goes.
   */
  readonly pendingAfterSuccess?: boolean;
}

export interface Submit<A extends readonly unknown[], R> {
  /**
   * Runs the action unless one is still running; resolves with its result, or `undefined`
   * when it was a second press or failed.
   */
  readonly run: (...args: A) => Promise<R | undefined>;
  /** True while the action runs: disable the buttons and say it is saving. */
  readonly pending: boolean;
  /** Why the last run failed, in the caller's words; cleared when a run starts. */
  readonly failure: string | null;
  readonly setFailure: (failure: string | null) => void;
}

/**
 * One async action of a form (save, print, link): exposes `pending` for the buttons and the
 * failure as a sentence. A second press while the first runs does nothing; the guard is a ref,
 * not state, so two presses in one frame (Enter and a click) cannot both pass it.
 */
export function useSubmit<A extends readonly unknown[], R>(
  action: (...args: A) => Promise<R>,
  options: SubmitOptions = {},
): Submit<A, R> {
  const running = useRef(false);
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const { failureOf, pendingAfterSuccess = false } = options;
  const run = useCallback(
    async (...args: A): Promise<R | undefined> => {
      if (running.current) return undefined;
      running.current = true;
      setPending(true);
      setFailure(null);
      let succeeded = false;
      try {
        const result = await action(...args);
        succeeded = true;
        return result;
      } catch (error) {
        if (!failureOf) throw error;
        setFailure(failureOf(error) ?? null);
        return undefined;
      } finally {
        if (!(succeeded && pendingAfterSuccess)) {
          running.current = false;
          setPending(false);
        }
      }
    },
    [action, failureOf, pendingAfterSuccess],
  );
  return { run, pending, failure, setFailure };
}
