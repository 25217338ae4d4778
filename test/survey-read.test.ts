/**
 * A large survey is read in a worker thread while the orders are read (src/pipeline/survey-read.ts).
 * Read in the worker or in this thread, the same files give the same report and the same problems.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runDataBuild } from '../src/pipeline/run.ts';
import { formatIssue } from '../src/pipeline/issues.ts';

const FIXTURE = fileURLToPath(new URL('./fixtures/small/', import.meta.url));
const CONTENT = fileURLToPath(new URL('./fixtures/small-content/', import.meta.url));

let root = '';
let original = '';
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'trust-survey-read-'));
  await cp(FIXTURE, root, { recursive: true });
  original = await readFile(join(root, 'company/survey.csv'), 'utf8');
});
afterAll(() => rm(root, { recursive: true, force: true }));

async function both(survey: string) {
  await writeFile(join(root, 'company/survey.csv'), survey);
  const run = (workers: 'always' | 'never') => runDataBuild({ dataDir: root, contentDir: CONTENT, today: '2026-11-30', workers });
  const [inWorker, inThread] = [await run('always'), await run('never')];
  expect(JSON.stringify(inWorker.report)).toBe(JSON.stringify(inThread.report));
  expect(inWorker.issues.map(formatIssue)).toEqual(inThread.issues.map(formatIssue));
  expect(inWorker.counts).toEqual(inThread.counts);
  return inWorker;
}

const lines = () => original.trimEnd().split('\n');

describe('survey read in a worker thread or in this one', () => {
  it('gives the same report on valid data', async () => {
    const result = await both(original);
    expect(result.issues).toEqual([]);
    expect(result.report).toBeDefined();
  });

  it('gives the same problems for every kind of problem a survey row can have', async () => {
    const rows = lines();
    const header = rows[0]!.split(',');
    const edit = (line: number, column: string, value: string) => {
      const cells = rows[line - 1]!.split(',');
      cells[header.indexOf(column)] = value;
      rows[line - 1] = cells.join(',');
    };
    edit(2, 'segment', 'Families'); // a label, not an id
    edit(3, 'wave', '2019-Q1'); // outside the period
    edit(4, 'nps', '11'); // out of range
    edit(5, 'customer_id', 'C-nobody'); // unknown to orders.csv
    edit(6, 'country', 'fi'); // not capitals
    rows[7] = rows[8]!; // a repeated respondent id
    rows.push(`${rows[9]!.split(',')[0]}x,,2026-Q3,families,FI,7,,,,,,,,,,`); // valid, mostly empty
    const result = await both(`${rows.join('\n')}\n`);
    expect(result.issues.map((issue) => `${issue.line}:${issue.field}`)).toEqual(['2:segment', '3:wave', '4:nps', '5:customer_id', '6:country', '9:respondent_id']);
  });

  it('gives the same problem for a broken header', async () => {
    const result = await both(original.replace('respondent_id', 'respondent'));
    expect(result.issues.map((issue) => `${issue.line}:${issue.column}`)).toEqual(['1:1', '1:1']);
  });
});
