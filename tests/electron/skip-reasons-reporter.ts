// Prints why tests were skipped. The list reporter shows only that they were, and "skipped
// because no Electron binary could be downloaded" must be visible in the output of every run.
import type { Reporter, TestCase, TestResult } from '@playwright/test/reporter';

export default class SkipReasonsReporter implements Reporter {
  private readonly reasons = new Map<string, string[]>();

  onTestEnd(test: TestCase, result: TestResult): void {
    if (result.status !== 'skipped') return;
    for (const annotation of test.annotations) {
      if (annotation.type !== 'skip' || !annotation.description) continue;
      const titles = this.reasons.get(annotation.description) ?? [];
      titles.push(test.titlePath().filter(Boolean).join(' › '));
      this.reasons.set(annotation.description, titles);
    }
  }

  onEnd(): void {
    for (const [reason, titles] of this.reasons) {
      console.log(`\n  Skipped ${titles.length} test(s): ${reason}`);
      for (const title of titles) console.log(`    - ${title}`);
    }
  }

  printsToStdio(): boolean {
    return true;
  }
}
