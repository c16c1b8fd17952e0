/**
 * Imported cases keep their original numbers. When such a number follows the desk's own
 * pattern, the desk's counter for its period must move past it, or the next case registered
 * in that period would be given the same number (DOMAIN.md section 5: never reused).
 */
import type { NumberingRules } from '../rules/rules';

const TOKEN = /\{([^{}]*)\}/g;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

type Part = 'YYYY' | 'YY' | 'MM' | 'DD' | 'SEQ';

/**
 * The period key and serial of a number written in the desk's pattern (with its desk code, when
 * it has one), or undefined for a number in another form.
 *
 * @example numberParse({ pattern: '{YY}{MM}-{SEQ:4}', resetEvery: 'month' }, '2611-0042')
 * // { key: '2611', serial: 42 }
 */
export function numberParse(
  rules: NumberingRules,
  number: string,
  deskCode?: string,
): { readonly key: string; readonly serial: number } | undefined {
  const parts: Part[] = [];
  let source = '';
  let last = 0;
  for (const match of rules.pattern.matchAll(TOKEN)) {
    source += escapeRegExp(rules.pattern.slice(last, match.index));
    last = (match.index ?? 0) + match[0].length;
    const name = match[1] ?? '';
    if (name === 'YYYY') {
      parts.push('YYYY');
      source += '(\\d{4})';
    } else if (name === 'YY' || name === 'MM' || name === 'DD') {
      parts.push(name);
      source += '(\\d{2})';
    } else if (/^SEQ(?::\d+)?$/.test(name)) {
      parts.push('SEQ');
      source += '(\\d+)';
    } else {
      source += escapeRegExp(match[0]);
    }
  }
  source += escapeRegExp(rules.pattern.slice(last));
  const code = deskCode?.trim();
  const prefix = code ? `${escapeRegExp(code)}-` : '';
  const match = new RegExp(`^${prefix}${source}$`).exec(number.trim());
  if (!match) return undefined;
  const value = (part: Part) => {
    const i = parts.indexOf(part);
    return i < 0 ? undefined : match[i + 1];
  };
  const serialText = value('SEQ');
  if (serialText === undefined) return undefined;
  const serial = Number(serialText);
  if (!Number.isSafeInteger(serial) || serial < 1) return undefined;
  const yy = value('YY') ?? value('YYYY')?.slice(2);
  switch (rules.resetEvery) {
    case 'month': {
      const mm = value('MM');
      return yy !== undefined && mm !== undefined ? { key: yy + mm, serial } : undefined;
    }
    case 'year': {
      const yyyy = value('YYYY') ?? (yy === undefined ? undefined : `20${yy}`);
      return yyyy === undefined ? undefined : { key: yyyy, serial };
    }
    case 'never':
      return { key: 'all', serial };
  }
}

/**
 * The counter after reserving the numbers: each period's last serial moves up to the highest
 * imported serial of that period (never down).
 */
export function numberReserve(
  counter: Readonly<Record<string, number>>,
  numbers: readonly string[],
  rules: NumberingRules,
  deskCode?: string,
): Record<string, number> {
  const next: Record<string, number> = { ...counter };
  for (const number of numbers) {
    const parsed = numberParse(rules, number, deskCode);
    if (parsed && parsed.serial > (next[parsed.key] ?? 0)) next[parsed.key] = parsed.serial;
  }
  return next;
}
