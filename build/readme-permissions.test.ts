/**
 * The README prints the role table (section "Accounts and roles"); it must say what the code
 * enforces, cell for cell.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { permissionsTableMarkdown } from '../shared/access/permissions';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The cells of a Markdown table, trimmed (Prettier may pad the columns its own way). */
function cells(table: string): string[][] {
  return table
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.startsWith('|') && !/^\|[\s|:-]+\|$/.test(line))
    .map((line) =>
      line
        .slice(1, -1)
        .split('|')
        .map((cell) => cell.trim()),
    );
}

describe('README role table', () => {
  it('equals the table in shared/access/permissions.ts', () => {
    const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
    const match = /<!-- permissions:start -->([\s\S]*?)<!-- permissions:end -->/.exec(readme);
    expect(match, 'README has the permissions markers').not.toBeNull();
    const printed = cells(match?.[1] ?? '');
    expect(printed.length).toBeGreaterThan(10);
    expect(printed).toEqual(cells(permissionsTableMarkdown()));
  });
});
