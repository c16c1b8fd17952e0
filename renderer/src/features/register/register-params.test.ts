import { describe, expect, it } from 'vitest';
import {
  registerViewFromParams,
  registerViewIsFiltered,
  registerViewToParams,
  type RegisterView,
} from './register-params';

describe('the register view in the address', () => {
  it('round-trips every filter and the sort', () => {
    const view: RegisterView = {
      filter: {
        receivedFrom: '2026-10-01',
        receivedTo: '2026-10-31',
        kindId: 'complaint',
        categoryId: 'lift',
        levelId: 'major',
        status: 'open',
        unitId: 'unit-1',
        handlerName: '李强',
        channelId: 'phone',
        overdue: true,
        matterId: 'case-1',
        text: '电梯 停运',
      },
      sort: 'deadlineAsc',
    };
    const params = registerViewToParams(view);
    expect(params.toString()).toContain('q=%E7%94%B5%E6%A2%AF+%E5%81%9C%E8%BF%90');
    expect(registerViewFromParams(new URLSearchParams(params.toString()))).toEqual(view);
  });

  it('leaves out empty fields and the default sort', () => {
    const params = registerViewToParams({
      filter: { kindId: '', text: '', overdue: false },
      sort: 'receivedDesc',
    });
    expect(params.toString()).toBe('');
    expect(registerViewFromParams(params)).toEqual({ filter: {}, sort: 'receivedDesc' });
  });

  it('falls back to the default sort for an unknown one', () => {
    expect(registerViewFromParams(new URLSearchParams('sort=byMood&overdue=yes')).sort).toBe(
      'receivedDesc',
    );
    expect(registerViewFromParams(new URLSearchParams('overdue=yes')).filter).toEqual({});
  });

  it('says whether anything is filtered', () => {
    expect(registerViewIsFiltered({ filter: {}, sort: 'numberAsc' })).toBe(false);
    expect(
      registerViewIsFiltered({ filter: { overdue: false, text: '' }, sort: 'numberAsc' }),
    ).toBe(false);
    expect(registerViewIsFiltered({ filter: { overdue: true }, sort: 'numberAsc' })).toBe(true);
  });
});
