/**
 * `npm run bench`: performance benchmarks, kept out of `npm test`. Each prints its figures; none
 * asserts a time, since machines differ.
 */
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { parseCsvFile } from '../src/pipeline/csv.ts';
import { runDataBuild } from '../src/pipeline/run.ts';

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);

async function writeSurveyLikeCsv(path: string, rows: number): Promise<void> {
  const out = createWriteStream(path);
  out.write('respondent_id,wave,segment,country,nps,csat,trust_reliability,comment\n');
  let seed = 42;
  const next = () => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed);
  for (let i = 0; i < rows; i++) {
    const line = `r${i},2026-Q${(i % 4) + 1},seg-${next() % 6},FI,${next() % 11},${(next() % 5) + 1},${(next() % 5) + 1},"ok, fine"\n`;
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

async function benchCsv(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'trust-bench-'));
  try {
    const file = join(dir, 'survey.csv');
    await writeSurveyLikeCsv(file, ROWS);
    const { size } = await stat(file);
    const started = performance.now();
    let records = 0;
    let cells = 0;
    await parseCsvFile(file, 'survey.csv', {
      header() {},
      record(record) {
        records++;
        cells += record.cells.length;
      },
      issue(issue) {
        throw new Error(issue.message);
      },
    });
    const seconds = (performance.now() - started) / 1000;
    const heap = process.memoryUsage().heapUsed / 2 ** 20;
    console.log(
      `csv parse: ${records.toLocaleString('en')} rows, ${cells.toLocaleString('en')} cells, ` +
        `${(size / 2 ** 20).toFixed(0)} MiB in ${seconds.toFixed(2)} s ` +
        `(${(records / seconds / 1e6).toFixed(2)} M rows/s), heap ${heap.toFixed(0)} MiB`,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The whole data build (load, validate, compute, join) on the shipped demo data. */
async function benchDataBuild(): Promise<void> {
  const started = performance.now();
  const result = await runDataBuild({ dataDir: 'data', today: '2026-11-23' });
  const seconds = (performance.now() - started) / 1000;
  const { respondents, orders, complaints } = result.counts;
  const heap = process.memoryUsage().heapUsed / 2 ** 20;
  console.log(`data build: ${respondents} answers, ${orders} orders, ${complaints} complaints in ${seconds.toFixed(2)} s, heap ${heap.toFixed(0)} MiB`);
}

await benchCsv();
await benchDataBuild();
