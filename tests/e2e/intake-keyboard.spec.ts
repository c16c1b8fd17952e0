import { expect, test, type Page } from '@playwright/test';
import { Desk } from './support/desk';
import { dateFieldValue, expectDateFieldFocused } from './support/date-field';

/** The typical phone complaint a hotline clerk types while the caller speaks. */
const CALL = {
  name: '赵女士',
  phone: '13812345678',
  room: '幸福路12号3单元',
  subject: '小区门口路灯不亮',
  content: '幸福路12号门口路灯连续三晚不亮，夜间行人看不清路。',
};

/** A trained clerk's pace: one keystroke every 150 ms (400 a minute), the same before and after. */
const PACE_MS = 150;

/** Tabs forward until `label` has the focus, counting the presses (at most `limit`). */
async function tabTo(page: Page, label: string, limit = 40): Promise<number> {
  const target = page.getByRole('textbox', { name: label, exact: true });
  for (let presses = 0; presses <= limit; presses++) {
    if (await target.evaluate((el) => el === document.activeElement)) return presses;
    await page.keyboard.press('Tab', { delay: PACE_MS });
  }
  throw new Error(`${label} not reached by ${limit} presses of Tab`);
}

test('a phone complaint is typed and saved by keyboard alone, in few keystrokes', async ({
  page,
}) => {
  const desk = new Desk(page);
  await desk.openAt('2026-11-23T09:15:00');
  await desk.setUp({
    organisation: '市民服务热线',
    desk: '坐席 8',
    preset: '市民服务热线',
    operator: '李强',
  });
  await desk.goIntake();
  await expect(page.getByLabel('来电人姓名')).toBeFocused();
  // The hotline's most common kind, and a calm side panel before anything is typed.
  await expect(page.getByLabel('类型').locator('option:checked')).toHaveText('一般诉求');
  const aside = page.getByRole('complementary', { name: '客户档案与重复提示' });
  await expect(aside).toContainText('输入电话、房号或主题时');
  await expect(aside.getByRole('heading')).toHaveCount(0);

  const started = Date.now();
  let typed = 0;
  let moves = 0;
  const type = async (text: string) => {
    await page.keyboard.type(text, { delay: PACE_MS });
    typed += [...text].length;
  };
  await type(CALL.name);
  moves += await tabTo(page, '联系电话');
  await type(CALL.phone);
  moves += await tabTo(page, '地址');
  await type(CALL.room);
  moves += await tabTo(page, '主题');
  await type(CALL.subject);
  moves += await tabTo(page, '诉求内容');
  await type(CALL.content);
  await page.keyboard.press('Control+Enter');
  moves += 1;
  await expect(page.getByRole('alert').filter({ hasText: '已登记，编号' })).toBeVisible();
  const seconds = (Date.now() - started) / 1000;

  console.log(
    `[intake-keyboard] ${typed + moves} keystrokes (${typed} characters, ${moves} to move and save), ${seconds.toFixed(1)} s at ${PACE_MS} ms a keystroke`,
  );
  // The received time is out of the Tab sequence but one shortcut away, and still editable.
  await page.keyboard.press('Alt+T');
  const received = page.getByRole('group', { name: '受理时间' });
  await expectDateFieldFocused(received);
  await expect(dateFieldValue(received)).toHaveValue('2026-11-23 09:15');
  await desk.screenshot('intake-keyboard-after-save');

  await desk.goRegister();
  const row = desk.registerTable().getByRole('row').filter({ hasText: CALL.subject });
  await expect(row).toContainText(CALL.name);
  await expect(row).toContainText('2026-11-23 09:15');
  // name→phone→room→subject→content is four presses of Tab, and Ctrl+Enter saves.
  expect(moves).toBe(5);
});
