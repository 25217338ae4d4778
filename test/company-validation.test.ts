/**
 * Bad company inputs, each breaking one rule in a thinned copy of the demo data (the demo's
 * company.yaml and the first lines of each file unchanged), with the exact message.
 * Each case edits one line by its number.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatIssue } from '../src/pipeline/issues.ts';
import { runDataBuild } from '../src/pipeline/run.ts';
import { tempSampleDataDir, type TempData } from './helpers/data-dir.ts';

let data: TempData;
const originals = new Map<string, string>();

beforeAll(async () => {
  data = await tempSampleDataDir();
  for (const name of ['survey.csv', 'orders.csv', 'complaints.csv']) originals.set(name, await readFile(join(data.dir, 'company', name), 'utf8'));
});
afterAll(async () => {
  await data.remove();
});

/** Replace line `line` (1-based) of a company file, run the data build, restore the file. */
async function problemsWith(name: string, line: number, change: (cells: string[]) => string[]): Promise<string[]> {
  const lines = originals.get(name)!.split('\n');
  lines[line - 1] = change(lines[line - 1]!.split(',')).join(',');
  await writeFile(join(data.dir, 'company', name), lines.join('\n'));
  try {
    const result = await runDataBuild({ dataDir: data.dir, today: '2026-11-23' });
    const prefix = `${data.display('')}/`;
    return result.issues.map((issue) => formatIssue(issue).replaceAll(prefix, '<data>/'));
  } finally {
    await writeFile(join(data.dir, 'company', name), originals.get(name)!);
  }
}

const set = (index: number, value: string) => (cells: string[]) => cells.map((c, i) => (i === index ? value : c));
const columnOf = (cells: string[], index: number) => cells.slice(0, index).join(',').length + (index > 0 ? 2 : 1);

describe('company data', () => {
  it('reports an unknown segment with a suggestion', async () => {
    const cells = originals.get('survey.csv')!.split('\n')[4]!.split(',');
    expect(await problemsWith('survey.csv', 5, set(3, 'familes'))).toEqual([
      `<data>/company/survey.csv:5:${columnOf(cells, 3)}: segment: expected a segment listed in company.yaml (families, young-professionals, seniors, deal-seekers, small-business, enterprise), found "familes"\n  hint: did you mean "families"?`,
    ]);
  });

  it('reports a survey wave outside the reporting period', async () => {
    const cells = originals.get('survey.csv')!.split('\n')[9]!.split(',');
    expect(await problemsWith('survey.csv', 10, set(2, '2023-Q1'))).toEqual([
      `<data>/company/survey.csv:10:${columnOf(cells, 2)}: wave: expected a quarter within the reporting period (2024-Q4 to 2026-Q3), found "2023-Q1"\n  hint: widen reporting_period in company.yaml, or remove rows outside it`,
    ]);
  });

  it('reports an NPS answer off the 0-10 scale and a decimal comma in a comma file', async () => {
    const cells = originals.get('survey.csv')!.split('\n')[1]!.split(',');
    expect(await problemsWith('survey.csv', 2, set(5, '11'))).toEqual([
      `<data>/company/survey.csv:2:${columnOf(cells, 5)}: nps: expected a whole number from 0 to 10 or an empty cell, found "11"\n  hint: the answer to "How likely are you to recommend us?" on the 0-10 scale`,
    ]);
  });

  it('reports a survey customer id that no order knows', async () => {
    const cells = originals.get('survey.csv')!.split('\n')[1]!.split(',');
    expect(await problemsWith('survey.csv', 2, set(1, 'C999999'))).toEqual([
      `<data>/company/survey.csv:2:${columnOf(cells, 1)}: customer_id: expected a customer id that appears in <data>/company/orders.csv, found "C999999"\n  hint: leave the cell empty for respondents who are not linked to a customer`,
    ]);
  });

  it('reports a delivery before the order', async () => {
    const cells = originals.get('orders.csv')!.split('\n')[2]!.split(',');
    const found = await problemsWith('orders.csv', 3, set(9, '2022-09-01'));
    expect(found).toEqual([
      `<data>/company/orders.csv:3:${columnOf(cells, 9)}: delivered_date: expected a delivery on or after the order date ${cells[2]}, found 2022-09-01\n  hint: check whether the two dates were swapped`,
    ]);
  });

  it('reports an impossible date', async () => {
    const cells = originals.get('orders.csv')!.split('\n')[2]!.split(',');
    expect(await problemsWith('orders.csv', 3, set(8, '2022-02-30'))).toEqual([
      `<data>/company/orders.csv:3:${columnOf(cells, 8)}: promised_date: expected a date written as YYYY-MM-DD that exists on the calendar, found "2022-02-30"\n  hint: set the column format to ISO dates (YYYY-MM-DD) before exporting`,
    ]);
  });

  it('reports a first response before the complaint was opened', async () => {
    const cells = originals.get('complaints.csv')!.split('\n')[1]!.split(',');
    expect(await problemsWith('complaints.csv', 2, set(3, '2020-01-01T00:00'))).toEqual([
      `<data>/company/complaints.csv:2:${columnOf(cells, 3)}: first_response_at: expected the first response at or after the complaint was opened, found it earlier\n  hint: check the time zone and whether the columns were swapped`,
    ]);
  });

  it('reports a duplicate order id', async () => {
    const second = originals.get('orders.csv')!.split('\n')[1]!.split(',')[0]!;
    expect(await problemsWith('orders.csv', 3, set(0, second))).toEqual([
      `<data>/company/orders.csv:3:1: order_id: expected a unique order id, found "${second}" again\n  hint: each order appears once; remove the duplicate row`,
    ]);
  });
});

describe('kpis.csv', () => {
  it('supplies survey metrics when the raw survey is not here, and rejects unknown metrics', async () => {
    const other = await tempSampleDataDir();
    try {
      await rm(join(other.dir, 'company', 'survey.csv'));
      await writeFile(
        join(other.dir, 'company', 'kpis.csv'),
        'period,segment,metric,value,n,low,high\n2026-Q3,all,csat,80,400,,\n2026-Q3,all,nps,12.5,400,5.1,19.9\n2026-Q3,families,csat,75,20,,\n2026-Q3,all,trust_indx,70,400,,\n',
      );
      const result = await runDataBuild({ dataDir: other.dir, today: '2026-11-23' });
      expect(result.issues.map((i) => formatIssue(i).replace(`${other.display('')}/`, '<data>/'))).toEqual([
        '<data>/company/kpis.csv:5:13: metric: expected a metric id, found "trust_indx"\n  hint: did you mean "trust_index"?',
      ]);
      await writeFile(
        join(other.dir, 'company', 'kpis.csv'),
        'period,segment,metric,value,n,low,high\n2026-Q3,all,csat,80,400,,\n2026-Q3,all,nps,12.5,400,5.1,19.9\n2026-Q3,families,csat,75,20,,\n',
      );
      const ok = await runDataBuild({ dataDir: other.dir, today: '2026-11-23' });
      expect(ok.issues).toEqual([]);
      const csat = ok.report!.metrics.find((m) => m.id === 'csat')!;
      expect(csat.fromKpis).toBe(true);
      // Wilson interval for 320 of 400
      expect(csat.result!.latest).toMatchObject({ value: 80, n: 400 });
      expect(csat.result!.latest.low).toBeCloseTo(75.8, 1);
      expect(csat.result!.bySegment[0]).toMatchObject({ segment: 'families', suppressed: 'small_cell', value: null });
      const nps = ok.report!.metrics.find((m) => m.id === 'nps')!;
      expect(nps.result!.latest).toMatchObject({ value: 12.5, low: 5.1, high: 19.9 });
    } finally {
      await other.remove();
    }
  });
});
