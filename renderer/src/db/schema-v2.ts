/**
 * Schema version 2: only the tables that change or are new (Dexie keeps the others as in
 * version 1). Declared once, for every issue that needs a table, so that the version chain stays
 * one line of versions.
 *
 * - `cases`: the dispatch and interim deadlines of open cases, present only while each is open
 *   (the to-dispatch and interim queues walk them), beside version 1's indexes; `*flags`, the
 *   few flagged cases (confidential, reporter withheld) that the register's indexed counts
 *   leave out for a viewer who may not read them.
 * - `audit`: `seq`, the position of an entry in the hash chain (unique, gap-free).
 * - `credentials`: an operator's password hash and sign-in state, apart from `staff` so that
 *   lists of staff never carry a hash.
 * - `files`: an attachment's content and thumbnail, keyed by the SHA-256 of its bytes (the same
 *   photo added twice is stored once); `fileChunks` holds the bytes of large files in pieces.
 */
import { SCHEMA_V1 } from './schema-v1';

export const SCHEMA_V2 = {
  cases: [SCHEMA_V1.cases, 'dispatchOpenDueAt', 'interimOpenDueAt', '*flags'].join(', '),
  audit: 'id, at, action, target, &seq',
  credentials: 'staffId',
  files: 'hash, addedAt',
  fileChunks: '[hash+index], hash',
} as const;
