/**
 * The bundled entry (build/run-server.mjs): `serve` starts the server, `admin ...` runs one admin
 * command.
 */
import { adminMain } from './admin';
import { serve } from './main';

export * from './index';

export async function cli(argv: readonly string[]): Promise<void> {
  const [mode, ...rest] = argv;
  if (mode === 'admin') {
    process.exitCode = await adminMain(rest[0] === '--' ? rest.slice(1) : rest);
    return;
  }
  if (mode === 'serve' || mode === undefined) {
    try {
      await serve();
    } catch (error) {
      console.error(
        `The server did not start: ${error instanceof Error ? error.message : String(error)}`,
      );
      process.exitCode = 1;
    }
    return;
  }
  console.error(`Unknown mode "${mode}": use "serve" or "admin".`);
  process.exitCode = 1;
}
