// Prints one closing line for the whole suite (unit, e2e, Electron), from the JSON reports the
// runners wrote, so a CI log ends with the totals: "Summary: N passed, N failed, N skipped".
import { readFile } from 'node:fs/promises';

const dir = new URL('../test-results/summary/', import.meta.url);

async function readJson(name) {
  try {
    return JSON.parse(await readFile(new URL(name, dir), 'utf8'));
  } catch {
    return undefined;
  }
}

const totals = { passed: 0, failed: 0, skipped: 0 };
const unit = await readJson('unit.json');
if (unit) {
  totals.passed += unit.numPassedTests ?? 0;
  totals.failed += unit.numFailedTests ?? 0;
  totals.skipped += (unit.numPendingTests ?? 0) + (unit.numTodoTests ?? 0);
}
for (const name of ['e2e.json', 'electron.json']) {
  const report = await readJson(name);
  if (!report?.stats) continue;
  totals.passed += (report.stats.expected ?? 0) + (report.stats.flaky ?? 0);
  totals.failed += report.stats.unexpected ?? 0;
  totals.skipped += report.stats.skipped ?? 0;
}
console.log(`Summary: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exitCode = totals.failed > 0 ? 1 : 0;
