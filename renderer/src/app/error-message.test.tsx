import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { i18nSetLocale, i18nStart } from './i18n';
import { AccessDeniedError } from '../db/errors';
import { useErrorMessage } from '../desk/useErrorMessage';

function Message({ error }: Readonly<{ error: unknown }>) {
  return <p>{useErrorMessage()(error)}</p>;
}

afterEach(cleanup);

describe('useErrorMessage', () => {
  it('names a refused permission in words, not by its id', async () => {
    await i18nStart('zh-CN');
    const { rerender } = render(<Message error={new AccessDeniedError('case.supervise')} />);
    expect(screen.getByText('您的角色无权执行此操作：督办。')).toBeTruthy();
    await i18nSetLocale('en');
    rerender(<Message error={new AccessDeniedError('restoreCase')} />);
    expect(
      screen.getByText('Your role may not do this: restore a case from a backup.'),
    ).toBeTruthy();
    await i18nSetLocale('zh-CN');
  });
});
