/**
 * The closing line of `npm test` (test/helpers/summary-reporter.ts), on test modules shaped as
 * vitest hands them over.
 */
import { describe, expect, it } from 'vitest';
import type { TestModule } from 'vitest/node';
import SummaryReporter from './helpers/summary-reporter.ts';

type State = 'passed' | 'failed' | 'skipped' | 'pending';

function module(states: State[], moduleState: 'passed' | 'failed' = states.includes('failed') ? 'failed' : 'passed'): TestModule {
  const tests = states.map((state) => ({ result: () => ({ state }) }));
  return { state: () => moduleState, children: { allTests: () => tests.values() } } as unknown as TestModule;
}

function summary(modules: TestModule[], errors = 0, seconds = 96.44): string {
  let clock = 1000;
  let out = '';
  const reporter = new SummaryReporter({ now: () => clock, write: (text) => (out += text) });
  reporter.onTestRunStart();
  clock += seconds * 1000;
  reporter.onTestRunEnd(modules, Array.from({ length: errors }, () => ({ message: 'boom' })));
  return out;
}

describe('the summary line', () => {
  it('counts passed and failed tests, the files and the time', () => {
    expect(summary([module(['passed', 'passed']), module(['passed', 'failed'])])).toBe('\ntests: 3 passed, 1 failed in 2 files, 96.4 s\n');
  });

  it('names skipped tests only when there are some', () => {
    expect(summary([module(['passed', 'skipped', 'pending'])], 0, 12.34)).toBe('\ntests: 1 passed, 0 failed, 2 skipped in 1 file, 12.3 s\n');
  });

  it('counts a file that failed before any test ran as one failure', () => {
    expect(summary([module([], 'failed'), module(['passed'])])).toBe('\ntests: 1 passed, 1 failed in 2 files, 96.4 s\n');
  });

  it('adds errors thrown outside any test, which fail the run too', () => {
    expect(summary([module(['passed'])], 1)).toBe('\ntests: 1 passed, 0 failed, 1 error outside tests in 1 file, 96.4 s\n');
    expect(summary([module(['passed'])], 2)).toBe('\ntests: 1 passed, 0 failed, 2 errors outside tests in 1 file, 96.4 s\n');
  });
});
