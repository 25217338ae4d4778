/**
 * Prints one plain closing line after vitest's own summary, so any CI can read the result without
 * knowing vitest's format:
 *
 *   tests: 412 passed, 0 failed, 1 skipped in 47 files, 96.4 s
 *
 * "skipped" only when some were; a file that failed before any test ran (an import error, a
 * failing beforeAll) counts as one failed; errors outside any test (which fail the run too) are
 * added as ", N errors outside tests".
 */
import type { SerializedError } from 'vitest';
import type { Reporter, TestModule } from 'vitest/node';

export interface SummaryOptions {
  now?: () => number;
  write?: (text: string) => void;
}

export default class SummaryReporter implements Reporter {
  readonly #now: () => number;
  readonly #write: (text: string) => void;
  #start: number;

  constructor(options: SummaryOptions = {}) {
    this.#now = options.now ?? (() => performance.now());
    this.#write = options.write ?? ((text) => process.stdout.write(text));
    this.#start = this.#now();
  }

  onTestRunStart(): void {
    this.#start = this.#now();
  }

  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<SerializedError> = []): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') failed++;
        else skipped++;
      }
      if (module.state() === 'failed' && [...module.children.allTests()].length === 0) failed++;
    }
    const seconds = ((this.#now() - this.#start) / 1000).toFixed(1);
    const files = `${testModules.length} file${testModules.length === 1 ? '' : 's'}`;
    const errors = unhandledErrors.length;
    this.#write(
      `\ntests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}` +
        `${errors ? `, ${errors} error${errors === 1 ? '' : 's'} outside tests` : ''} in ${files}, ${seconds} s\n`,
    );
  }
}
