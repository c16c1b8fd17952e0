/**
 * `npm run server:report -- ...` (build/run-server-report.mjs): opens the server's database as the
 * admin tool does, writes the group report, prints one line. Exit code 0 on success, 1 with the
 * reason on stderr.
 */
import { configFromEnv, openStore } from '../main';
import type { Store } from '../store';
import { REPORT_USAGE, groupReportWrite, reportArgs, reportSummary } from './group-report';

export async function reportMain(argv: readonly string[], env = process.env): Promise<number> {
  const args = argv[0] === '--' ? argv.slice(1) : argv;
  if (args.length === 0 || args[0] === 'help' || args[0] === '--help') {
    console.log(REPORT_USAGE);
    return args.length === 0 ? 1 : 0;
  }
  let store: Store | undefined;
  try {
    const options = reportArgs(args);
    const config = configFromEnv(env);
    store = await openStore(
      config.databaseUrl === undefined
        ? { dataDir: config.dataDir }
        : { databaseUrl: config.databaseUrl },
    );
    const result = await groupReportWrite(store, options, options.out);
    console.log(reportSummary(result, options.out));
    return 0;
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    return 1;
  } finally {
    await store?.close();
  }
}
