/**
 * Matching the words of an imported register against the desk's rules: a kind, category, level
 * or final cause may be written as its label in either language or as its id; a satisfaction as
 * a score or a word.
 */
import type { CategoryDef, DeskRules, KindDef, LevelDef, LocalizedText } from '../rules/rules';
import { headerNormalize } from './fields';

function same(text: string, label: LocalizedText, id: string): boolean {
  const t = headerNormalize(text);
  return (
    t === headerNormalize(label.zh) || t === headerNormalize(label.en) || t === id.toLowerCase()
  );
}

export function matchKind(rules: DeskRules, text: string): KindDef | undefined {
  return rules.kinds.find((kind) => same(text, kind.label, kind.id));
}

/**
 * A category of the kind, written as its own label (first or second level) or as the path
 * `设备管理/电梯`; returns its id.
 */
export function matchCategory(kind: KindDef, text: string): string | undefined {
  const path = text
    .split(/[/／>＞\\-]/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
  const find = (list: readonly CategoryDef[], word: string) =>
    list.find((category) => same(word, category.label, category.id));
  if (path.length === 2) {
    const [parentWord = '', childWord = ''] = path;
    const parent = find(kind.categories, parentWord);
    return parent ? find(parent.children ?? [], childWord)?.id : undefined;
  }
  const top = find(kind.categories, text.trim());
  if (top) return top.id;
  for (const parent of kind.categories) {
    const child = find(parent.children ?? [], text.trim());
    if (child) return child.id;
  }
  return undefined;
}

export function matchLevel(rules: DeskRules, text: string): LevelDef | undefined {
  return rules.levels.find((level) => same(text, level.label, level.id));
}

export function matchFinalCause(rules: DeskRules, text: string): string | undefined {
  return rules.finalCauses.find((cause) => same(text, cause.label, cause.id))?.id;
}

/**
 * Words paper registers use for satisfaction, on the desk's scale: 满意 and 非常满意 are the top
 * of the scale (satisfied), 基本满意 one below, 一般 the middle, 不满意 and 非常不满意 the bottom.
 */
function wordScore(word: string, min: number, max: number): number | undefined {
  switch (headerNormalize(word)) {
    case '非常满意':
    case '满意':
    case 'satisfied':
    case 'verysatisfied':
      return max;
    case '基本满意':
    case '比较满意':
      return Math.max(min, max - 1);
    case '一般':
      return Math.round((min + max) / 2);
    case '不满意':
    case 'notsatisfied':
      return Math.min(max, min + 1);
    case '非常不满意':
      return min;
    default:
      return undefined;
  }
}

/** A satisfaction score on the desk's scale, from a number, `5分`, `满意(5)` or a word. */
export function matchSatisfaction(rules: DeskRules, value: string | number): number | undefined {
  const { min, max } = rules.followUp.scale;
  if (typeof value === 'number') {
    return Number.isInteger(value) && value >= min && value <= max ? value : undefined;
  }
  const text = value.trim().normalize('NFKC');
  const digits = /^(?:\D*?)(\d+)(?:\s*分)?\D*$/.exec(text);
  if (digits) return matchSatisfaction(rules, Number(digits[1]));
  return wordScore(text, min, max);
}
