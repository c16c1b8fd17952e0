import { describe, expect, it } from 'vitest';
import {
  searchExactPiece,
  searchPiecesRarestFirst,
  searchMatches,
  searchNormalize,
  searchQueryTerms,
  searchTermsOf,
  searchTextsOf,
} from './search';

/** What the index does: a case is a candidate when it holds every piece of the query. */
function isCandidate(texts: readonly string[], query: string): boolean {
  const terms = new Set(searchTermsOf(texts));
  return searchQueryTerms(query).every((term) => terms.has(term));
}

const CASE_TEXTS = [
  '2610-0007',
  '张伟',
  '13812345678',
  '3-1502',
  '三号楼电梯故障停运',
  '厨房天花板漏水，物业费已经交了还没人来修',
  '尽快维修',
];

describe('searchNormalize', () => {
  it('turns full-width letters and digits into ASCII and lower-cases', () => {
    expect(searchNormalize('ＡＢＣ１５０２号')).toBe('abc1502号');
  });
});

describe('searchTermsOf', () => {
  it('indexes bigrams and single characters of Han runs', () => {
    expect(searchTermsOf(['电梯故障'])).toEqual(['电梯', '梯故', '故障', '电', '梯', '故', '障']);
  });

  it('splits Han runs at punctuation, Latin and digits', () => {
    const terms = searchTermsOf(['漏水，物业费']);
    expect(terms).toContain('漏水');
    expect(terms).toContain('物业');
    expect(terms).not.toContain('水物');
  });

  it('indexes a room number as its parts', () => {
    expect(searchTermsOf(['3-1502'])).toEqual(['3', '1502']);
  });

  it('indexes a phone number whole and by its suffixes of four digits or more', () => {
    expect(searchTermsOf(['13812345678'])).toEqual([
      '13812345678',
      '3812345678',
      '812345678',
      '12345678',
      '2345678',
      '345678',
      '45678',
      '5678',
    ]);
  });

  it('indexes Latin words whole and lower-cased', () => {
    expect(searchTermsOf(['WiFi 故障'])).toEqual(['wifi', '故障', '故', '障']);
  });

  it('de-duplicates across texts', () => {
    expect(searchTermsOf(['漏水', '漏水 漏水'])).toEqual(['漏水', '漏', '水']);
  });

  it('is empty for empty texts', () => {
    expect(searchTermsOf(['', '  ', '，。！'])).toEqual([]);
  });
});

describe('searchQueryTerms', () => {
  it.each([
    ['电梯故障', ['电梯', '梯故', '故障']],
    ['漏', ['漏']],
    ['3号楼', ['3', '号楼']],
    ['３－１５０２', ['3', '1502']],
    ['  漏水   物业费 ', ['漏水', '物业', '业费']],
    ['', []],
    ['，', []],
  ])('%j needs %j', (query, expected) => {
    expect(searchQueryTerms(query)).toEqual(expected);
  });
});

describe('Chinese search, index then exact check', () => {
  it.each([
    ['漏水', true],
    ['物业费', true],
    ['电梯故障', true],
    ['三号楼 停运', true],
    ['漏', true],
    ['梯', true],
    ['13812345678', true],
    ['5678', true],
    ['１３８１２３４５６７８', true],
    ['3-1502', true],
    ['1502', true],
    ['３－１５０２', true],
    ['张伟', true],
    ['2610-0007', true],
    ['电梯漏水', false],
    ['四号楼', false],
    ['13812345679', false],
    ['2-1502', false],
    ['燃气', false],
  ])('%j -> %s', (query, expected) => {
    expect(isCandidate(CASE_TEXTS, query) && searchMatches(CASE_TEXTS, query)).toBe(expected);
  });

  it('finds every true match among the candidates for Han queries (no false negatives)', () => {
    const text = '三号楼电梯故障停运';
    const chars = Array.from(text);
    for (let start = 0; start < chars.length; start++) {
      for (let end = start + 1; end <= chars.length; end++) {
        const query = chars.slice(start, end).join('');
        expect(isCandidate([text], query), query).toBe(true);
        expect(searchMatches([text], query), query).toBe(true);
      }
    }
  });

  it('keeps a candidate whose pieces are scattered out when the exact check fails', () => {
    // 电梯 and 梯故 and 故障 are all there, but not as 电梯故障.
    const texts = ['电梯故', '梯故障'];
    expect(isCandidate(texts, '电梯故障')).toBe(true);
    expect(searchMatches(texts, '电梯故障')).toBe(false);
  });

  it('does not match across two texts', () => {
    expect(searchMatches(['物业', '费用'], '物业费')).toBe(false);
  });

  it('matches everything for an empty query', () => {
    expect(searchMatches(CASE_TEXTS, '   ')).toBe(true);
  });
});

describe('searchExactPiece', () => {
  it.each([
    ['电梯', '电梯'],
    [' 漏 ', '漏'],
    ['５６７８', '5678'],
    ['AB12', 'ab12'],
    ['2610', '2610'],
    ['电梯故障', undefined],
    ['3-1502', undefined],
    ['三号楼 停运', undefined],
    ['电梯!', undefined],
    ['', undefined],
  ])('%j -> %j', (query, expected) => {
    expect(searchExactPiece(query)).toBe(expected);
  });

  it('is held by a case exactly when the case matches (every piece of these texts as a query)', () => {
    const texts = [...CASE_TEXTS, 'ab12cd 3号楼', '电', '１５０２室'];
    const queries = new Set<string>();
    for (const text of texts) {
      const chars = Array.from(text);
      for (let start = 0; start < chars.length; start++) {
        for (let end = start + 1; end <= Math.min(chars.length, start + 12); end++) {
          queries.add(chars.slice(start, end).join(''));
        }
      }
    }
    let exact = 0;
    for (const query of queries) {
      const piece = searchExactPiece(query);
      if (piece === undefined) continue;
      exact++;
      for (const one of texts) {
        const holds = searchTermsOf([one]).includes(piece);
        // Holding the piece is the search's answer: it must mean the text contains the query.
        expect(holds ? searchMatches([one], query) : true, `${query} in ${one}`).toBe(true);
        expect(isCandidate([one], query), `${query} in ${one}`).toBe(holds);
      }
    }
    expect(exact).toBeGreaterThan(50);
  });
});

describe('searchTextsOf', () => {
  it('lists number, customer, subject, content and demand', () => {
    expect(
      searchTextsOf({
        number: '2610-0007',
        customer: { name: '张伟', phone: '13812345678', address: '3-1502', organisation: '某公司' },
        subject: 's',
        content: 'c',
        demand: 'd',
      }),
    ).toEqual(['2610-0007', '张伟', '13812345678', '3-1502', '某公司', 's', 'c', 'd']);
  });
});

describe('searchPiecesRarestFirst', () => {
  it('tries long Latin or digit words first, then two-character words, Han pairs, single characters', () => {
    expect(searchPiecesRarestFirst(['漏水', '37', '902'])).toEqual(['902', '37', '漏水']);
    expect(searchPiecesRarestFirst(['水', '1502', '电梯', 'a'])).toEqual([
      '1502',
      '电梯',
      '水',
      'a',
    ]);
    expect(searchPiecesRarestFirst([])).toEqual([]);
  });
});
