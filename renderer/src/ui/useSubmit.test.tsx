import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useSubmit, type SubmitOptions } from './useSubmit';

/** A save button driven by the hook, with the failure under it. */
function SaveButton({
  action,
  options,
}: Readonly<{ action: () => Promise<unknown>; options?: SubmitOptions }>) {
  const submit = useSubmit(action, options);
  return (
    <>
      <button type="button" onClick={() => void submit.run()}>
        {submit.pending ? 'Saving' : 'Save'}
      </button>
      {submit.failure ? <p role="alert">{submit.failure}</p> : null}
    </>
  );
}

/** A promise the test settles when it wants. */
function deferred() {
  let resolve: () => void = () => undefined;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

afterEach(cleanup);

describe('useSubmit', () => {
  it('runs the action once when pressed twice before it settles', async () => {
    const gate = deferred();
    const action = vi.fn(() => gate.promise);
    render(<SaveButton action={action} />);
    const button = screen.getByRole('button', { name: 'Save' });
    // Two presses in the same frame: the state has not re-rendered between them.
    act(() => {
      button.click();
      button.click();
    });
    expect(action).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('button', { name: 'Saving' })).toBeInTheDocument();
    await act(async () => gate.resolve());
    expect(screen.getByRole('button', { name: 'Save' })).toBeInTheDocument();
  });

  it('runs again once the first run has settled', async () => {
    const user = userEvent.setup();
    const action = vi.fn(() => Promise.resolve());
    render(<SaveButton action={action} />);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Save' })).toBeInTheDocument());
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(action).toHaveBeenCalledTimes(2);
  });

  it('shows a failure in the caller’s words, and clears it on the next run', async () => {
    const user = userEvent.setup();
    const action = vi
      .fn<() => Promise<void>>()
      .mockRejectedValueOnce(new Error('disk full'))
      .mockResolvedValueOnce(undefined);
    const failureOf = (error: unknown) => `Not saved: ${(error as Error).message}`;
    render(<SaveButton action={action} options={{ failureOf }} />);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Not saved: disk full');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.queryByRole('alert')).not.toBeInTheDocument());
    expect(action).toHaveBeenCalledTimes(2);
  });

  it('lets a second run start after a failure', async () => {
    const user = userEvent.setup();
    const action = vi.fn(() => Promise.reject(new Error('refused')));
    render(<SaveButton action={action} options={{ failureOf: () => 'Refused' }} />);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByRole('alert');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(action).toHaveBeenCalledTimes(2);
  });

  it('stays pending after a success that ends the screen, but not after a failure', async () => {
    const user = userEvent.setup();
    const action = vi
      .fn<() => Promise<void>>()
      .mockRejectedValueOnce(new Error('refused'))
      .mockResolvedValueOnce(undefined);
    render(
      <SaveButton
        action={action}
        options={{ failureOf: () => 'Refused', pendingAfterSuccess: true }}
      />,
    );
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByRole('alert');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByRole('button', { name: 'Saving' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Saving' }));
    expect(action).toHaveBeenCalledTimes(2);
  });
});
