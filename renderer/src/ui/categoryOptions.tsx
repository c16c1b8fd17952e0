import type { ReactElement } from 'react';
import { rulesLabel } from '@shared/rules/rules-query';
import type { KindDef, Locale } from '@shared/rules/rules';

/**
 * The `<option>`s of a kind's categories for a native select: each category, then its
 * sub-categories as `parent / child`, so a clerk picks either level from one list.
 */
export function categoryOptions(kind: KindDef | undefined, locale: Locale): ReactElement[] {
  return (kind?.categories ?? []).flatMap((category) => {
    const parent = rulesLabel(category.label, locale);
    return [
      <option key={category.id} value={category.id}>
        {parent}
      </option>,
      ...(category.children ?? []).map((child) => (
        <option key={child.id} value={child.id}>
          {`${parent} / ${rulesLabel(child.label, locale)}`}
        </option>
      )),
    ];
  });
}
