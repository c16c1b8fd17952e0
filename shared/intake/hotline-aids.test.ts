import { describe, expect, it } from 'vitest';
import {
  aidsReferralsCheck,
  aidsReferralsClean,
  aidsScriptsCheck,
  aidsScriptsClean,
} from './hotline-aids';
import { presetFor } from '../rules/presets';

const text = (zh: string, en = '') => ({ zh, en });

describe('aidsScriptsCheck', () => {
  it('accepts the hotline preset as it ships', () => {
    const scripts = presetFor('hotline').scripts;
    expect(scripts).toBeDefined();
    if (scripts) expect(aidsScriptsCheck(scripts)).toEqual([]);
  });

  it('needs an opening and no empty closing line; one language is enough', () => {
    expect(
      aidsScriptsCheck({
        opening: text('  ', ''),
        closings: [text('', 'Goodbye'), text(' ', ' ')],
      }),
    ).toEqual([
      { path: 'opening.zh', code: 'required' },
      { path: 'closings.1.zh', code: 'required' },
    ]);
  });

  it('limits a line’s length in each language', () => {
    expect(aidsScriptsCheck({ opening: text('您好', 'x'.repeat(501)), closings: [] })).toEqual([
      { path: 'opening.en', code: 'tooLong', max: 500 },
    ]);
  });

  it('trims what it stores', () => {
    expect(
      aidsScriptsClean({ opening: text(' 您好 ', ' Hi '), closings: [text(' 再见 ')] }),
    ).toEqual({ opening: text('您好', 'Hi'), closings: [text('再见')] });
  });
});

describe('aidsReferralsCheck', () => {
  it('accepts the hotline preset’s directory (some entries have no phone)', () => {
    expect(aidsReferralsCheck(presetFor('hotline').referrals)).toEqual([]);
  });

  it('needs a name; a phone, when given, must look like one', () => {
    expect(
      aidsReferralsCheck([
        { name: text('法律援助'), phone: '12348', scope: text('') },
        { name: text(''), phone: '打114问', scope: text('消费纠纷') },
      ]),
    ).toEqual([
      { path: 'referrals.1.name.zh', code: 'required' },
      { path: 'referrals.1.phone', code: 'invalidPhone' },
    ]);
  });

  it('trims names, phones and scopes', () => {
    expect(
      aidsReferralsClean([{ name: text(' 消协 '), phone: ' 12315 ', scope: text(' 消费 ') }]),
    ).toEqual([{ name: text('消协'), phone: '12315', scope: text('消费') }]);
  });
});
