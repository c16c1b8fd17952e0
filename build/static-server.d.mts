// Types for static-server.mjs, for the TypeScript that imports it (its test, tests/e2e).
import type { Server } from 'node:http';

export const CONTENT_SECURITY_POLICY: string;
export const SECURITY_HEADERS: Readonly<Record<string, string>>;
export function decodedPath(url: string | undefined): string | undefined;
export function contentSecurityPolicyWith(syncOrigins?: readonly string[]): string;
export function syncOriginsFromEnv(value: string | undefined): string[];
export function createDeskServer(
  root: string,
  options?: { readonly syncOrigins?: readonly string[] },
): Server;
