/**
 * Problems found row by row are summarised as they arrive, so a file with a problem on every one
 * of millions of rows keeps a few issues and a count, not millions.
 */
import { describe, expect, it } from 'vitest';
import { IssueSummary, summariseIssues, type Issue } from '../src/pipeline/issues.ts';

const unknown = (line: number): Issue => ({ file: 'company/survey.csv', line, column: 11, field: 'customer_id', message: `expected a customer id that appears in company/orders.csv, found "C${line}"`, hint: 'leave the cell empty' });

describe('IssueSummary', () => {
  it('keeps five problems of a kind and one line for the rest, as they arrive', () => {
    const summary = new IssueSummary();
    for (let line = 2; line <= 1_000_001; line++) summary.push(unknown(line));
    expect(summary.length).toBe(1_000_000);
    const kept = summary.finish();
    expect(kept.map((issue) => `${issue.line}: ${issue.message}`)).toEqual([
      '2: expected a customer id that appears in company/orders.csv, found "C2"',
      '3: expected a customer id that appears in company/orders.csv, found "C3"',
      '4: expected a customer id that appears in company/orders.csv, found "C4"',
      '5: expected a customer id that appears in company/orders.csv, found "C5"',
      '6: expected a customer id that appears in company/orders.csv, found "C6"',
      '7: … and 999,995 more like these, up to line 1,000,001',
    ]);
    expect(kept[5]!.hint).toBe('leave the cell empty');
  });

  it('gives what summariseIssues gives on the whole list, kinds kept apart', () => {
    const issues = [...Array.from({ length: 9 }, (_, i) => unknown(i + 2)), { file: 'company/survey.csv', line: 4, column: 3, field: 'wave', message: 'expected a quarter within the reporting period (2024-Q4 to 2026-Q3), found "2019-Q1"' }];
    const summary = new IssueSummary();
    for (const issue of issues) summary.push(issue);
    expect(summary.finish()).toEqual(summariseIssues(issues));
    expect(summariseIssues(issues).map((issue) => `${issue.line}:${issue.field}`)).toEqual(['2:customer_id', '3:customer_id', '4:customer_id', '5:customer_id', '6:customer_id', '7:customer_id', '4:wave']);
  });
});
