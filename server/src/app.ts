/**
 * The HTTP face of the server (shared/sync/protocol.ts): parse, check in a fixed order, answer.
 * Order of checks for a JSON request: size (413, counted after gunzip), JSON (400), protocol
 * version (426), token (401), body schema (400 naming the first wrong field), then the store,
 * whose refusals (403, 409, 422 ...) write nothing. File requests carry the protocol in a header
 * and are checked before their bytes are read.
 */
import { promisify } from 'node:util';
import { gunzipSync, gzip } from 'node:zlib';
import Fastify, {
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  type FastifyServerOptions,
} from 'fastify';
import type { z } from 'zod';
import {
  FILE_MAX_BYTES,
  PROTOCOL_HEADER,
  PROTOCOL_VERSION,
  PUSH_MAX_EVENTS,
  REQUEST_MAX_BYTES,
  filesMissingRequestSchema,
  helloRequestSchema,
  pullRequestSchema,
  pushRequestSchema,
  sessionRequestSchema,
  type FilesMissingResponse,
} from '@shared/sync/protocol';
import { SyncError } from './errors';
import type { Caller, Store } from './store';

const gzipAsync = promisify(gzip);

/** Responses smaller than this are not worth compressing. */
const GZIP_MIN_BYTES = 1024;

export interface BuildServerOptions {
  readonly store: Store;
  /** Fastify's logger: `false` (tests), `true`, or pino options such as `{ level: 'info' }`. */
  readonly logger?: FastifyServerOptions['logger'];
  /** JSON bodies larger than this after gunzip get 413 (default `REQUEST_MAX_BYTES`). */
  readonly requestMaxBytes?: number;
  /** Attachment uploads larger than this get 413 (default `FILE_MAX_BYTES`). */
  readonly fileMaxBytes?: number;
}

declare module 'fastify' {
  interface FastifyRequest {
    caller?: Caller;
  }
}

function bearer(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (typeof header !== 'string') return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  return match?.[1];
}

/** The first problem zod found, as "field: message". */
function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'The body is not what this endpoint takes.';
  const where = issue.path.length > 0 ? issue.path.join('.') : '(body)';
  return `${where}: ${issue.message}`;
}

function checkProtocol(version: unknown): void {
  if (version !== PROTOCOL_VERSION) {
    throw new SyncError(
      'protocolVersion',
      `This server speaks sync protocol ${PROTOCOL_VERSION}; the request says ${version === undefined ? 'none' : JSON.stringify(version)}. Update the desk application.`,
    );
  }
}

function fileHash(request: FastifyRequest): string {
  const hash = (request.params as { hash?: string }).hash ?? '';
  if (!/^[0-9a-f]{64}$/.test(hash)) {
    throw new SyncError(
      'malformed',
      'hash: a file is named by its SHA-256 in 64 lowercase hex digits.',
    );
  }
  return hash;
}

/** Builds the app (not listening): `app.inject` in tests, `app.listen` in `startServer`. */
export async function buildServer(options: BuildServerOptions): Promise<FastifyInstance> {
  const { store } = options;
  const requestMaxBytes = options.requestMaxBytes ?? REQUEST_MAX_BYTES;
  const fileMaxBytes = options.fileMaxBytes ?? FILE_MAX_BYTES;
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: requestMaxBytes,
    // Never log a token: the default request serializer logs method, url and address only, and
    // no URL carries a token or a password.
  });

  // The desk calls from another origin (app://desk in Electron, the browser build's own
  // address), so every answer allows any origin: requests carry a bearer token, never a cookie,
  // so a page that does not hold a token gets nothing it could not get without the browser.
  // A preflight (Authorization, a JSON body) is answered here before any route or token check.
  app.addHook('onRequest', async (request, reply) => {
    reply.header('access-control-allow-origin', '*');
    if (request.method === 'OPTIONS') {
      await reply
        .status(204)
        .header('access-control-allow-methods', 'GET, POST, PUT, OPTIONS')
        .header(
          'access-control-allow-headers',
          `authorization, content-type, content-encoding, ${PROTOCOL_HEADER}`,
        )
        .header('access-control-max-age', '600')
        .send();
    }
  });

  app.removeAllContentTypeParsers();
  app.addContentTypeParser(
    'application/json',
    { parseAs: 'buffer', bodyLimit: requestMaxBytes },
    (request, body: Buffer, done) => {
      try {
        const encoding = String(request.headers['content-encoding'] ?? 'identity').toLowerCase();
        let raw: Buffer;
        if (encoding === 'gzip') {
          // The limit applies to the unpacked bytes: a small gzip bomb stops at the limit.
          raw = gunzipSync(body, { maxOutputLength: requestMaxBytes });
        } else if (encoding === 'identity') {
          raw = body;
        } else {
          throw new SyncError(
            'malformed',
            `content-encoding ${encoding} is not accepted: send the body plain or gzipped.`,
          );
        }
        done(null, JSON.parse(raw.toString('utf8')));
      } catch (error) {
        done(bodyError(error, requestMaxBytes), undefined);
      }
    },
  );
  app.addContentTypeParser(
    'application/octet-stream',
    { parseAs: 'buffer', bodyLimit: fileMaxBytes },
    (_request, body: Buffer, done) => done(null, body),
  );

  app.setErrorHandler((error: Error & { code?: string; statusCode?: number }, request, reply) => {
    if (error instanceof SyncError) {
      if (error.status >= 500) request.log.error({ err: error }, 'refused');
      else request.log.info({ code: error.code, reason: error.message }, 'refused');
      return reply.status(error.status).send(error.body());
    }
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      const limit = request.routeOptions.url === '/v1/files/:hash' ? fileMaxBytes : requestMaxBytes;
      const refused = new SyncError('tooLarge', `The request is larger than ${limit} bytes.`);
      return reply.status(refused.status).send(refused.body());
    }
    if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
      const refused = new SyncError('malformed', error.message);
      return reply.status(refused.status).send(refused.body());
    }
    request.log.error({ err: error }, 'request failed');
    return reply.status(500).send({
      error: { code: 'serverError', message: 'The server failed; the failure is logged.' },
    });
  });

  app.setNotFoundHandler((request, reply) => {
    const refused = new SyncError('notFound', `No endpoint ${request.method} ${request.url}.`);
    return reply.status(refused.status).send(refused.body());
  });

  // gzip responses for clients that accept it (@fastify/compress is not installed).
  app.addHook('onSend', async (request, reply, payload) => {
    const accepts = /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
    if (!accepts || reply.getHeader('content-encoding') !== undefined) return payload;
    // Attachments are mostly JPEG and PDF, already packed: gzip would spend CPU for nothing.
    if (String(reply.getHeader('content-type') ?? '').startsWith('application/octet-stream')) {
      return payload;
    }
    const bytes =
      typeof payload === 'string'
        ? Buffer.from(payload)
        : Buffer.isBuffer(payload)
          ? payload
          : undefined;
    if (bytes === undefined || bytes.length < GZIP_MIN_BYTES) return payload;
    reply.header('content-encoding', 'gzip');
    reply.header('vary', 'accept-encoding');
    reply.removeHeader('content-length');
    return gzipAsync(bytes);
  });

  /** A JSON endpoint: protocol, then (unless `open`) the token, then the schema, then `handle`. */
  function jsonRoute<S extends z.ZodType, R>(
    url: string,
    schema: S,
    handle: (body: z.output<S>, caller: Caller | undefined) => Promise<R>,
    open = false,
  ): void {
    app.post(url, async (request: FastifyRequest, reply: FastifyReply) => {
      const body: unknown = request.body;
      if (typeof body !== 'object' || body === null || Array.isArray(body)) {
        throw new SyncError('malformed', '(body): a JSON object is expected.');
      }
      checkProtocol((body as Record<string, unknown>).protocol);
      const caller = open ? undefined : await store.authenticate(bearer(request));
      const events = (body as Record<string, unknown>).events;
      if (Array.isArray(events) && events.length > PUSH_MAX_EVENTS) {
        throw new SyncError(
          'tooLarge',
          `A push holds at most ${PUSH_MAX_EVENTS} events; this one holds ${events.length}: send them in batches.`,
        );
      }
      const parsed = schema.safeParse(body);
      if (!parsed.success) throw new SyncError('malformed', firstIssue(parsed.error));
      const result = await handle(parsed.data, caller);
      return reply.status(200).send(result);
    });
  }

  /** Who the caller is, for a route that `jsonRoute` authenticated. */
  const who = (caller: Caller | undefined): Caller => {
    if (!caller) throw new Error('route without authentication');
    return caller;
  };

  app.get('/health', async () => ({
    ok: true,
    epoch: await store.epoch(),
    version: PROTOCOL_VERSION,
  }));

  jsonRoute(
    '/v1/session',
    sessionRequestSchema,
    (body) => store.signIn(body.login, body.password),
    true,
  );
  jsonRoute('/v1/hello', helloRequestSchema, (_body, caller) => store.hello(who(caller)));
  jsonRoute('/v1/push', pushRequestSchema, (body, caller) => store.push(who(caller), body));
  jsonRoute('/v1/pull', pullRequestSchema, (body, caller) =>
    store.pull(who(caller), body.cursor, body.limit),
  );
  jsonRoute(
    '/v1/files/missing',
    filesMissingRequestSchema,
    async (body, caller): Promise<FilesMissingResponse> => ({
      missing: await store.filesMissing(who(caller), body.hashes),
    }),
  );

  // File requests: protocol header and token are checked before the bytes are read.
  const fileAccess = async (request: FastifyRequest) => {
    const header = request.headers[PROTOCOL_HEADER];
    checkProtocol(typeof header === 'string' ? Number(header) : undefined);
    request.caller = await store.authenticate(bearer(request));
    fileHash(request);
  };

  app.put(
    '/v1/files/:hash',
    { bodyLimit: fileMaxBytes, onRequest: fileAccess },
    async (request, reply) => {
      const body = request.body;
      if (!Buffer.isBuffer(body)) {
        throw new SyncError('malformed', 'The file travels as application/octet-stream bytes.');
      }
      await store.putFile(who(request.caller), fileHash(request), body);
      return reply.status(204).send();
    },
  );

  app.get('/v1/files/:hash', { onRequest: fileAccess }, async (request, reply) => {
    const bytes = await store.getFile(who(request.caller), fileHash(request));
    return reply
      .status(200)
      .header('content-type', 'application/octet-stream')
      .send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  });

  return app;
}

/** What a failure to read a JSON body means for the client. */
function bodyError(error: unknown, limit: number): SyncError {
  if (error instanceof SyncError) return error;
  const code = (error as { code?: string }).code;
  if (error instanceof RangeError || code === 'ERR_BUFFER_TOO_LARGE') {
    return new SyncError('tooLarge', `The request unpacks to more than ${limit} bytes.`);
  }
  if (error instanceof SyntaxError) {
    return new SyncError('malformed', '(body): not valid JSON.');
  }
  return new SyncError('malformed', '(body): not valid gzip.');
}
