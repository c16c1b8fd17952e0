import { describe, expect, it } from 'vitest';
import { deskSetupCheck, type DeskSetupDraft } from './desk-setup';

const good: DeskSetupDraft = {
  organisationName: '阳光花园物业服务中心',
  deskName: '一号客服台',
  deskCode: '',
  presetId: 'property',
  operatorName: '王丽',
};

describe('deskSetupCheck', () => {
  it('accepts a complete form', () => {
    expect(deskSetupCheck(good)).toEqual([]);
  });

  it('requires the names, ignoring blanks', () => {
    expect(deskSetupCheck({ ...good, organisationName: '  ', operatorName: '' })).toEqual([
      { field: 'organisationName', code: 'required' },
      { field: 'operatorName', code: 'required' },
    ]);
  });

  it('limits lengths', () => {
    expect(deskSetupCheck({ ...good, deskName: '台'.repeat(51) })).toEqual([
      { field: 'deskName', code: 'tooLong', max: 50 },
    ]);
  });

  it.each([
    ['A01', []],
    ['a1', []],
    ['A-01', [{ field: 'deskCode', code: 'badDeskCode' }]],
    ['ABCDEFG', [{ field: 'deskCode', code: 'badDeskCode' }]],
    ['一号', [{ field: 'deskCode', code: 'badDeskCode' }]],
  ])('desk code %j', (deskCode, expected) => {
    expect(deskSetupCheck({ ...good, deskCode })).toEqual(expected);
  });
});
