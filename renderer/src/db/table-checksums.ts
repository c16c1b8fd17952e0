/**
 * A checksum of each table: the SHA-256 of its records as a backup writes them (one JSON line
 * each, binary values as references named by their hash, in primary-key order). Equal checksums
 * mean equal tables; a table's checksum equals the `sha256` of its part in a backup's manifest
 * (but for `cases`, whose search pieces format 2 writes as `"$derived"`, docs/backup-format.md),
 * so a restore can be compared with the backup it came from. Read a page at a time.
 */
import type Dexie from 'dexie';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { recordEncode } from './backup/binary';
import { backupTablesOf } from './backup/tables';
import { backupLine, tablePages } from './backup/write';

export interface TableChecksum {
  readonly count: number;
  readonly sha256: string;
}

/** Table name → its row count and SHA-256. */
export type TableChecksums = Readonly<Record<string, TableChecksum>>;

/**
 * The checksum of every backed-up table of `db`, by table name. `keep` leaves records out
 * (e.g. the audit entry a restore adds) so that what remains can be compared.
 */
export async function tableChecksums(
  db: Dexie,
  keep: (table: string, record: unknown) => boolean = () => true,
): Promise<TableChecksums> {
  const encoder = new TextEncoder();
  const out: Record<string, TableChecksum> = {};
  for (const table of backupTablesOf(db)) {
    const hash = sha256.create();
    let count = 0;
    for await (const page of tablePages(table, 1000)) {
      let text = '';
      for (const record of page) {
        if (!keep(table.name, record)) continue;
        text += backupLine(await recordEncode(record, () => undefined));
        count++;
      }
      hash.update(encoder.encode(text));
    }
    out[table.name] = { count, sha256: bytesToHex(hash.digest()) };
  }
  return out;
}
