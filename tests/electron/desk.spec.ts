// The first clerk journey in the real desktop application: set the desk up, register a
// complaint, find it in the register. Where no Electron binary exists, the whole file is
// skipped with the reason (see fixtures.ts).
import { FirstRunSetup, Intake, Register } from './desk-pages';
import { electronBinary, expect, SKIP_REASON, test } from './fixtures';

test.skip(!electronBinary.found, SKIP_REASON);

test('first run: set up the desk, register a complaint, find it in the register', async ({
  page,
}) => {
  const complaint = {
    subject: '3号楼电梯停运',
    content: '住户反映3号楼电梯自昨晚起停运，老人上下楼困难，请尽快维修。',
  };

  await test.step('the desk runs on its fixed origin with only the bridge exposed', async () => {
    const facts = await page.evaluate(async () => {
      const bridge = (window as unknown as Record<string, unknown>)['deskBridge'] as
        { appInfo(): Promise<{ runtime: string }> } | undefined;
      return {
        origin: window.location.origin,
        hasRequire: 'require' in window,
        hasProcess: 'process' in window,
        runtime: bridge ? (await bridge.appInfo()).runtime : undefined,
      };
    });
    expect(facts).toEqual({
      origin: 'app://desk',
      hasRequire: false,
      hasProcess: false,
      runtime: 'electron',
    });
  });

  await test.step('first-run setup', async () => {
    await new FirstRunSetup(page).complete({
      organisation: '示例物业服务中心',
      desk: '一号受理台',
      operator: '王小明',
    });
  });

  await test.step('register a complaint', async () => {
    const intake = new Intake(page);
    await intake.open();
    await intake.register(complaint);
  });

  await test.step('find it in the register', async () => {
    const register = new Register(page);
    await register.open();
    await expect(register.rowFor(complaint.subject)).toBeVisible();
  });
});
