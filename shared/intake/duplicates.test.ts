import { describe, expect, it } from 'vitest';
import type { CaseId, IsoInstant } from '../kernel/brand';
import {
  DUPLICATE_WINDOW_DAYS_DEFAULT,
  duplicateAddressKey,
  duplicateCandidates,
  duplicateCheck,
  duplicatePhoneKey,
  duplicatePieces,
  duplicateSimilarity,
  duplicateTextPieces,
  duplicateWindowStart,
  isDuplicateWindowDays,
  type DuplicateCase,
  type DuplicateProbe,
} from './duplicates';

const AT = '2026-10-20T02:00:00.000Z' as IsoInstant;
const DAY = 86_400_000;
const daysBefore = (days: number) =>
  new Date(Date.parse(AT) - days * DAY).toISOString() as IsoInstant;

function probe(overrides: Partial<DuplicateProbe> = {}): DuplicateProbe {
  return { phone: '', address: '', subject: '', content: '', at: AT, ...overrides };
}

function earlier(id: string, overrides: Partial<DuplicateCase> = {}): DuplicateCase {
  return {
    id: id as CaseId,
    receivedAt: daysBefore(3),
    subject: '三号楼电梯故障停运',
    content: '电梯从昨天晚上开始停运，老人上下楼困难。',
    customer: { name: '张伟', phone: '138-1234 5678', address: '3-1502' },
    ...overrides,
  };
}

describe('keys', () => {
  it.each([
    ['138-1234 5678', '13812345678'],
    ['(010) 8888-6666', '01088886666'],
    ['＋86 138１２３４５６７８', '8613812345678'],
  ])('phone %s → %s', (typed, key) => {
    expect(duplicatePhoneKey(typed)).toBe(key);
  });

  it('compares addresses without spaces and full-width forms', () => {
    expect(duplicateAddressKey(' ３-1502 ')).toBe(duplicateAddressKey('3-1502'));
    expect(duplicateAddressKey('5栋 1203室')).toBe('5栋1203室');
  });
});

describe('duplicateSimilarity', () => {
  it('splits text into the search pieces', () => {
    expect([...duplicatePieces('3号楼电梯')]).toEqual(['3', '号楼', '楼电', '电梯']);
    expect([...duplicatePieces('漏')]).toEqual(['漏']);
  });

  it.each<[string, string, number]>([
    ['三号楼电梯故障停运', '三号楼电梯故障停运', 1],
    ['三号楼电梯故障停运', '3号楼电梯又停了', 0.4],
    ['三号楼电梯故障停运', '楼道灯不亮', 0],
    ['', '电梯', 0],
  ])('%s ~ %s ≈ %s', (a, b, expected) => {
    expect(duplicateSimilarity(a, b)).toBeCloseTo(expected, 1);
  });

  it('offers only pieces of two characters or more for the index lookup', () => {
    expect(duplicateTextPieces({ subject: '3号楼 电梯' })).toEqual(['号楼', '电梯']);
  });
});

describe('duplicateCheck', () => {
  it('finds the same phone whatever its separators', () => {
    const found = duplicateCheck(probe({ phone: '13812345678' }), earlier('a'), 30);
    expect(found?.reasons).toEqual(['samePhone']);
  });

  it('finds the same room', () => {
    expect(duplicateCheck(probe({ address: '3-1502' }), earlier('a'), 30)?.reasons).toEqual([
      'sameAddress',
    ]);
  });

  it('finds a similar subject, and a similar text when the content was typed', () => {
    expect(
      duplicateCheck(probe({ subject: '3号楼电梯又停了' }), earlier('a'), 30)?.reasons,
    ).toEqual(['similarText']);
    const short = probe({ subject: '电梯坏了', content: '三号楼电梯从昨天晚上开始停运' });
    expect(duplicateCheck(short, earlier('a'), 30)?.reasons).toEqual(['similarText']);
  });

  it('gives every reason that applies', () => {
    const all = probe({ phone: '13812345678', address: '3-1502', subject: '三号楼电梯故障停运' });
    const found = duplicateCheck(all, earlier('a'), 30);
    expect(found?.reasons).toEqual(['samePhone', 'sameAddress', 'similarText']);
    expect(found?.similarity).toBe(1);
  });

  it.each<[string, Partial<DuplicateProbe>]>([
    ['nothing typed', {}],
    ['another phone', { phone: '13900000000' }],
    ['a short phone that would match too much', { phone: '5678' }],
    ['another room', { address: '3-1501' }],
    ['another matter', { subject: '楼道灯不亮' }],
  ])('finds nothing for %s', (_name, overrides) => {
    // The earlier caller left a short number: a short probe must not match it.
    const shortPhone = earlier('a', { customer: { name: '', phone: '5678', address: '3-1502' } });
    expect(duplicateCheck(probe(overrides), shortPhone, 30)).toBeUndefined();
  });

  it('looks back only as far as the window', () => {
    const p = probe({ phone: '13812345678' });
    expect(duplicateCheck(p, earlier('a', { receivedAt: daysBefore(29) }), 30)).toBeDefined();
    expect(duplicateCheck(p, earlier('a', { receivedAt: daysBefore(30) }), 30)).toBeDefined();
    expect(duplicateCheck(p, earlier('a', { receivedAt: daysBefore(31) }), 30)).toBeUndefined();
    expect(duplicateCheck(p, earlier('a', { receivedAt: daysBefore(31) }), 60)).toBeDefined();
  });
});

describe('duplicateCandidates', () => {
  it('ranks the same phone first, then the room, then the text, each case once', () => {
    const byText = earlier('text', {
      customer: { name: '李明', phone: '13900000000', address: '5-0101' },
      subject: '3号楼电梯又停了',
    });
    const byRoom = earlier('room', {
      customer: { name: '张太太', phone: '', address: '3-1502' },
      subject: '楼道灯不亮',
    });
    const byPhone = earlier('phone', { subject: '物业费发票', content: '' });
    const unrelated = earlier('none', {
      customer: { name: '王五', phone: '13700000000', address: '9-0909' },
      subject: '绿化修剪',
      content: '',
    });
    const found = duplicateCandidates(
      probe({ phone: '13812345678', address: '3-1502', subject: '三号楼电梯故障停运' }),
      [byText, unrelated, byRoom, byPhone, byPhone],
    );
    expect(found.map((f) => f.case.id)).toEqual(['phone', 'room', 'text']);
  });

  it('has a default window of 30 days and a sane range for the setting', () => {
    expect(DUPLICATE_WINDOW_DAYS_DEFAULT).toBe(30);
    expect(duplicateWindowStart(AT, 30)).toBe(daysBefore(30));
    expect([0, 1, 30, 366, 367, 2.5].map(isDuplicateWindowDays)).toEqual([
      false,
      true,
      true,
      true,
      false,
      false,
    ]);
  });
});
