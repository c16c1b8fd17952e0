/**
 * The admin command line (`npm run server:admin -- <command>`): organisations, desks and their
 * tokens, head-office accounts. It opens the same database as the server (DATABASE_URL or
 * DESK_SERVER_DATA); on PGlite, stop the server first (one process per data folder).
 */
import { configFromEnv, openStore } from './main';
import type { Store } from './store';

export const ADMIN_USAGE = `Usage: npm run server:admin -- <command>
  create-org <name>                      a new organisation
  create-desk <org> <code> <name>        a desk; prints its token once (1-6 letters or digits)
  revoke-desk <org> <code>               revokes the desk's token (its events stay)
  new-token <org> <code>                 revokes the desk's token and prints a new one, once
  create-account <org> <login>           a head-office account; the password is read from the
                                         first line of standard input (8 characters at least)
  list                                   organisations, desks and accounts
  new-epoch                              after restoring the database from a backup: every desk
                                         forgets its cursor and pulls again
<org> is an organisation's name or id.`;

/** The commands `runAdmin` knows (checked before the database is opened). */
export const ADMIN_COMMANDS = [
  'create-org',
  'create-desk',
  'revoke-desk',
  'new-token',
  'create-account',
  'list',
  'new-epoch',
];

export interface AdminIo {
  readonly out: (line: string) => void;
  /** The first line of standard input (the password of create-account). */
  readonly readLine: () => Promise<string>;
}

function need(args: readonly string[], count: number, usage: string): string[] {
  if (args.length !== count || args.some((a) => a.trim() === '')) {
    throw new Error(`Usage: ${usage}`);
  }
  return [...args];
}

/** Runs one admin command against `store`. Throws with a message for the operator. */
export async function runAdmin(store: Store, argv: readonly string[], io: AdminIo): Promise<void> {
  const [command, ...args] = argv;
  switch (command) {
    case 'create-org': {
      const [name] = need(args, 1, 'create-org <name>');
      const org = await store.createOrganisation(name ?? '');
      io.out(`organisation "${org.name}" created (id ${org.id})`);
      return;
    }
    case 'create-desk': {
      const [org, code, name] = need(args, 3, 'create-desk <org> <code> <name>');
      const desk = await store.createDesk(org ?? '', code ?? '', name ?? '');
      io.out(`desk ${desk.code} "${desk.name}" created. Its token (shown only now, keep it safe):`);
      io.out(desk.token);
      return;
    }
    case 'revoke-desk': {
      const [org, code] = need(args, 2, 'revoke-desk <org> <code>');
      await store.revokeDesk(org ?? '', code ?? '');
      io.out(`desk ${code ?? ''}: token revoked`);
      return;
    }
    case 'new-token': {
      const [org, code] = need(args, 2, 'new-token <org> <code>');
      const token = await store.reissueDeskToken(org ?? '', code ?? '');
      io.out(`desk ${code ?? ''}: the old token is revoked. The new token (shown only now):`);
      io.out(token);
      return;
    }
    case 'create-account': {
      const [org, login] = need(args, 2, 'create-account <org> <login>');
      const password = (await io.readLine()).replace(/\r?\n$/, '');
      await store.createAccount(org ?? '', login ?? '', password);
      io.out(`head-office account "${login ?? ''}" created`);
      return;
    }
    case 'list': {
      const orgs = await store.list();
      if (orgs.length === 0) io.out('no organisations');
      for (const org of orgs) {
        io.out(`${org.name} (id ${org.id})`);
        for (const desk of org.desks) {
          io.out(`  desk ${desk.code} ${desk.name}${desk.active ? '' : ' (revoked)'}`);
        }
        for (const login of org.accounts) io.out(`  head office ${login}`);
      }
      return;
    }
    case 'new-epoch': {
      const epoch = await store.newEpoch();
      io.out(`new epoch ${epoch}: every desk will pull everything again`);
      return;
    }
    default:
      throw new Error(
        command === undefined ? ADMIN_USAGE : `Unknown command "${command}".\n${ADMIN_USAGE}`,
      );
  }
}

function readFirstLine(): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    process.stdin.setEncoding('utf8');
    process.stdin.on('data', (chunk: string) => {
      text += chunk;
      const end = text.indexOf('\n');
      if (end >= 0) {
        process.stdin.pause();
        resolve(text.slice(0, end));
      }
    });
    process.stdin.on('end', () => resolve(text));
    process.stdin.on('error', reject);
  });
}

/** `npm run server:admin -- ...`: exit code 0 on success, 1 with the reason on stderr. */
export async function adminMain(argv: readonly string[], env = process.env): Promise<number> {
  if (argv.length === 0 || argv[0] === 'help' || argv[0] === '--help') {
    console.log(ADMIN_USAGE);
    return argv.length === 0 ? 1 : 0;
  }
  if (!ADMIN_COMMANDS.includes(argv[0] ?? '')) {
    console.error(`Unknown command "${argv[0] ?? ''}".\n${ADMIN_USAGE}`);
    return 1;
  }
  let store: Store | undefined;
  try {
    const config = configFromEnv(env);
    store = await openStore(
      config.databaseUrl === undefined
        ? { dataDir: config.dataDir }
        : { databaseUrl: config.databaseUrl },
    );
    await runAdmin(store, argv, { out: (line) => console.log(line), readLine: readFirstLine });
    return 0;
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    return 1;
  } finally {
    await store?.close();
  }
}
