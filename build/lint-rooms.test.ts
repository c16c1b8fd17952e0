/**
 * The import rules between rooms (eslint.config.js, README "Layout") refuse what they should,
 * and let through what the layout allows. Each case lints one line as if it stood in a file.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const eslint = new ESLint({ cwd: root });

async function restrictedImports(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? [])
    .filter((message) => message.ruleId === 'no-restricted-imports')
    .map((message) => message.message);
}

describe('rooms by role', () => {
  it.each([
    ['renderer/src/db/repos/cases.ts', "import { x } from '../../features/case/x';"],
    ['renderer/src/db/repos/cases.ts', "import { x } from '../../app/App';"],
    ['renderer/src/db/repos/cases.ts', "import { x } from '../../ui/FormDialog';"],
    ['renderer/src/paper/forms/register.ts', "import { x } from '../../app/locales/zh-CN';"],
    ['renderer/src/paper/forms/register.ts', "import { x } from '../../features/print/x';"],
    ['renderer/src/export/list-sheets.ts', "import { x } from '../app/locales/en';"],
    ['renderer/src/ui/DeadlineText.tsx', "import { x } from '../app/Shell';"],
    ['renderer/src/ui/DeadlineText.tsx', "import { x } from '../features/case/CasePage';"],
    ['renderer/src/desk/services.ts', "import { x } from '../features/home/HomePage';"],
    ['renderer/src/vocabulary/facts.ts', "import { x } from '../desk/services';"],
    ['renderer/src/features/case/CasePage.tsx', "import { x } from '../../app/routes';"],
    ['renderer/src/features/case/CasePage.tsx', "import { x } from 'electron';"],
    ['shared/workflow/reducer.ts', "import { x } from '../../renderer/src/db/database';"],
    ['shared/workflow/reducer.ts', "import Dexie from 'dexie';"],
  ])('%s refuses %s', async (file, code) => {
    expect(await restrictedImports(file, code)).toHaveLength(1);
  });

  it.each([
    ['renderer/src/db/repos/print.ts', "import { x } from '@shared/paper/forms';"],
    ['renderer/src/db/repos/stats.ts', "import { x } from '@shared/export/register-sheet';"],
    ['renderer/src/features/case/CasePage.tsx', "import { x } from '../../ui/FormDialog';"],
    ['renderer/src/features/case/CasePage.tsx', "import { x } from '../../desk/services';"],
    ['renderer/src/paper/forms/register.ts', "import { x } from '../../vocabulary/format';"],
    ['renderer/src/app/routes.tsx', "import { x } from '../features/case/CasePage';"],
    ['renderer/src/features/case/CasePage.test.tsx', "import { x } from '../../app/i18n';"],
  ])('%s allows %s', async (file, code) => {
    expect(await restrictedImports(file, code)).toEqual([]);
  });
});
