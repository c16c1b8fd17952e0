// The bundle `npm run server` and `npm run server:admin` run: it builds, carries its SQL
// migrations as text, and its admin command works on a fresh PGlite data folder.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs build script without types
import { buildServerBundle } from './build-server.mjs';

const run = promisify(execFile);

it('bundles the server with its migrations, and the admin command runs from the bundle', async () => {
  const bundle = (await buildServerBundle()) as string;
  expect(readFileSync(bundle, 'utf8')).toContain('CREATE TABLE events');
  const dataDir = mkdtempSync(path.join(tmpdir(), 'desk-server-bundle-'));
  try {
    const script = `import(${JSON.stringify(bundle)}).then((m) => m.cli(process.argv.slice(1)))`;
    const env = { ...process.env, DESK_SERVER_DATA: dataDir };
    const created = await run(process.execPath, ['-e', script, 'admin', 'create-org', 'Acme'], {
      env,
    });
    expect(created.stdout).toMatch(/organisation "Acme" created/);
    const listed = await run(process.execPath, ['-e', script, 'admin', 'list'], { env });
    expect(listed.stdout).toMatch(/^Acme \(id /);
    const wrong = await run(process.execPath, ['-e', script, 'admin', 'nonsense'], { env }).catch(
      (error: { code: number; stderr: string }) => error,
    );
    expect(wrong).toMatchObject({ code: 1, stderr: expect.stringMatching(/Unknown command/) });
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}, 120_000);
