import { describe, expect, it } from 'vitest';
import { searchTermsOf, searchTextsOf } from '../register/search';
import { BACKUP_DERIVED, backupRecordDerive, backupRecordLean } from './records';

const texts = {
  number: '2611-0007',
  customer: { name: '王女士', phone: '13800001111', address: '3-1502', organisation: '物业' },
  subject: '楼上漏水',
  content: '卫生间天花板漏水三天',
  demand: '尽快维修',
};
const terms = searchTermsOf(searchTextsOf(texts));
const kase = { id: 'c1', ...texts, searchTerms: terms, status: 'received' };

describe('derived values in a backup (format 2)', () => {
  it('writes a case whose pieces are the ones its texts give as "$derived", in the same place', () => {
    const lean = backupRecordLean('cases', kase) as Record<string, unknown>;
    expect(lean.searchTerms).toBe(BACKUP_DERIVED);
    expect(Object.keys(lean)).toEqual(Object.keys(kase));
    const back = backupRecordDerive('cases', lean);
    expect(JSON.stringify(back)).toBe(JSON.stringify(kase));
  });

  it('writes any other pieces as they are: pending, from an older function, in another order', () => {
    for (const searchTerms of [[], ['旧'], [...terms].reverse(), [...terms, 'x']]) {
      const other = { ...kase, searchTerms };
      expect(backupRecordLean('cases', other)).toBe(other);
      expect(backupRecordDerive('cases', other)).toBe(other);
    }
  });

  it('leaves other tables and format 1 lines unchanged', () => {
    const knowledge = { id: 'k', question: '漏水', searchTerms: searchTermsOf(['漏水']) };
    expect(backupRecordLean('knowledge', knowledge)).toBe(knowledge);
    expect(backupRecordDerive('knowledge', { ...knowledge, searchTerms: BACKUP_DERIVED })).toEqual({
      ...knowledge,
      searchTerms: BACKUP_DERIVED,
    });
  });

  it('cannot make pieces from texts that are not strings', () => {
    const bad = { ...kase, subject: 7, searchTerms: BACKUP_DERIVED };
    expect(backupRecordLean('cases', { ...kase, subject: 7 })).toEqual({ ...kase, subject: 7 });
    expect(() => backupRecordDerive('cases', bad)).toThrow();
  });
});
