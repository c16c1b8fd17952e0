// Types for local-postgres.mjs, for the TypeScript that imports it (the server tests' setup).
export interface LocalPostgres {
  readonly url: string;
  stop(): void;
}
export function postgresBin(): string | undefined;
export function startLocalPostgres(options: {
  readonly port: number | string;
  readonly database?: string;
  readonly durable?: boolean;
  readonly prefix?: string;
}): LocalPostgres | undefined;
