import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FormDialog, type FormDialogProps } from './FormDialog';
import { useSubmit } from './useSubmit';

const LABELS = { cancel: 'Cancel', submit: 'Save', pending: 'Saving' };

/** A one-field dialog: `save` decides whether the name is accepted. */
function NameDialog({
  save,
  onClose,
  ...rest
}: Readonly<
  { save: (name: string) => Promise<boolean>; onClose: () => void } & Partial<FormDialogProps>
>) {
  const [name, setName] = useState('');
  const [invalid, setInvalid] = useState(false);
  const submit = useSubmit(
    async () => {
      const ok = await save(name);
      setInvalid(!ok);
      return ok;
    },
    { failureOf: (error) => `Not saved: ${(error as Error).message}` },
  );
  return (
    <FormDialog
      title="Name"
      labels={LABELS}
      onClose={onClose}
      onSubmit={submit.run}
      pending={submit.pending}
      summary={invalid ? 'Fix the fields' : null}
      failure={submit.failure}
      {...rest}
    >
      <label>
        Name
        <input
          value={name}
          onChange={(e) => setName(e.target.value)}
          aria-invalid={invalid}
          autoFocus
        />
      </label>
      <label>
        Note
        <textarea />
      </label>
    </FormDialog>
  );
}

function setUp(save: (name: string) => Promise<boolean> = () => Promise.resolve(true)) {
  const onClose = vi.fn();
  const saveSpy = vi.fn(save);
  render(<NameDialog save={saveSpy} onClose={onClose} />);
  return { user: userEvent.setup(), onClose, save: saveSpy };
}

afterEach(cleanup);

describe('FormDialog', () => {
  it('is a dialog named by its title', () => {
    setUp();
    expect(screen.getByRole('dialog', { name: 'Name' })).toBeInTheDocument();
  });

  it('submits on Enter in a one-line field', async () => {
    const { user, save } = setUp();
    await user.type(screen.getByRole('textbox', { name: 'Name' }), '王女士{Enter}');
    expect(save).toHaveBeenCalledWith('王女士');
  });

  it('submits on Ctrl+Enter in a text area', async () => {
    const { user, save } = setUp();
    await user.click(screen.getByRole('textbox', { name: 'Note' }));
    await user.keyboard('{Control>}{Enter}{/Control}');
    expect(save).toHaveBeenCalledTimes(1);
  });

  it('disables both buttons and says it is saving while the save runs', async () => {
    let finish: (ok: boolean) => void = () => undefined;
    const { user } = setUp(() => new Promise<boolean>((resolve) => (finish = resolve)));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.getByRole('button', { name: 'Saving' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Cancel' })).toBeDisabled();
    finish(true);
    expect(await screen.findByRole('button', { name: 'Save' })).toBeEnabled();
  });

  it('saves once when submitted twice before the save settles', async () => {
    let finish: (ok: boolean) => void = () => undefined;
    const { user, save } = setUp(() => new Promise<boolean>((resolve) => (finish = resolve)));
    const field = screen.getByRole('textbox', { name: 'Name' });
    await user.type(field, '{Enter}');
    await user.type(field, '{Enter}');
    finish(true);
    expect(save).toHaveBeenCalledTimes(1);
  });

  it('shows the failure in words and keeps the dialog open', async () => {
    const { user, onClose } = setUp(() => Promise.reject(new Error('disk full')));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Not saved: disk full')).toBeInTheDocument();
    expect(onClose).not.toHaveBeenCalled();
  });

  it('asks to fix the fields and puts the cursor in the first wrong one', async () => {
    const { user } = setUp(() => Promise.resolve(false));
    await user.click(screen.getByRole('textbox', { name: 'Note' }));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Fix the fields')).toBeInTheDocument();
    await vi.waitFor(() => expect(screen.getByRole('textbox', { name: 'Name' })).toHaveFocus());
  });

  it('closes on Cancel and on Escape without saving', async () => {
    const { user, onClose, save } = setUp();
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    await user.keyboard('{Escape}');
    expect(onClose).toHaveBeenCalledTimes(2);
    expect(save).not.toHaveBeenCalled();
  });
});
