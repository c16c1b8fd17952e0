import { describe, expect, it } from 'vitest';
import { WORKFLOW_REFUSAL_CODES } from '@shared/workflow/refusals';
import { CASE_STATUSES } from '@shared/model/entities';
import { CASE_FLAGS } from '@shared/rules/rules';
import { BRIDGE_FAILURE_REASONS } from '@shared/platform/bridge';
import { SAMPLE_PAYLOADS } from '@shared/workflow/test-builders';
import { en } from './locales/en';
import { zhCN } from './locales/zh-CN';

function leaves(value: unknown, path = ''): string[] {
  if (typeof value === 'string') return [path];
  return Object.entries(value as Record<string, unknown>).flatMap(([key, child]) =>
    leaves(child, path ? `${path}.${key}` : key),
  );
}

describe('locales', () => {
  it('English has exactly the keys of Chinese', () => {
    expect(leaves(en).sort()).toEqual(leaves(zhCN).sort());
  });

  it('no string is left empty', () => {
    for (const locale of [zhCN, en]) {
      const empty = leaves(locale).filter((path) => {
        const value = path
          .split('.')
          .reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], locale);
        return (value as string).trim() === '';
      });
      expect(empty).toEqual([]);
    }
  });

  it.each([
    ['refusal', WORKFLOW_REFUSAL_CODES],
    ['status', CASE_STATUSES],
    ['flag', CASE_FLAGS],
    ['bridge', BRIDGE_FAILURE_REASONS],
    ['event', Object.keys(SAMPLE_PAYLOADS)],
  ] as const)('every %s code has words in both languages', (key, codes) => {
    for (const locale of [zhCN, en]) {
      const table = locale[key] as Record<string, string>;
      expect(codes.filter((code) => !table[code])).toEqual([]);
    }
  });
});
