import { expect, type Locator } from '@playwright/test';

/**
 * The desk's date pickers (DateTimeInput) are a group of typed sections named by their label,
 * with a hidden input of the same label holding the value: `getByLabel` finds both, the group
 * first. This returns the group of a located date field.
 */
function dateGroup(field: Locator): Locator {
  return field.first().locator('xpath=ancestor-or-self::*[@role="group"][1]');
}

/** Whether a labelled element is a date picker's group (or its hidden input). */
export async function isDateField(field: Locator): Promise<boolean> {
  return field.first().evaluate((element) => {
    const group = element.closest('[role="group"]');
    return group !== null && group.querySelector('input[aria-hidden="true"]') !== null;
  });
}

/** The value a date picker holds, as shown: `2026-10-14 17:30`, '' when empty. */
export function dateFieldValue(field: Locator): Locator {
  return dateGroup(field).locator('input[aria-hidden="true"]');
}

/**
 * Types a date or a time into a date picker as a clerk does: click it, select every section,
 * type the digits (`2026-10-14T17:30` types 202610141730; the field moves from section to
 * section by itself), then checks that the field holds what was meant.
 */
export async function fillDateField(field: Locator, value: string) {
  const group = dateGroup(field);
  const page = group.page();
  await group.getByRole('spinbutton').first().click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(value.replace(/\D/g, ''));
  await expect(dateFieldValue(group)).toHaveValue(value.replace('T', ' '));
}

/** Waits until the focus is in a date picker (on one of its sections). */
export async function expectDateFieldFocused(field: Locator) {
  const group = dateGroup(field);
  await expect
    .poll(() => group.evaluate((element) => element.contains(document.activeElement)))
    .toBe(true);
}
