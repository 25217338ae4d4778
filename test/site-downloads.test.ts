/** Downloads written piece by piece are byte for byte the files written in one go. */
import { describe, expect, it } from 'vitest';
import { toCsv, toJson, toRecords } from '../src/downloads/csv.ts';
import { allDatasets } from '../src/downloads/datasets.ts';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { datasetById, downloadBody, downloadNames } from '../src/downloads/files.ts';
import { writeDownloads } from '../src/downloads/write.ts';
import { jsonText } from '../src/integration/json-file.ts';
import { jsonRecords } from '../src/downloads/stream.ts';
import { runDataBuild } from '../src/pipeline/run.ts';

const FIXTURE = new URL('./fixtures/small/', import.meta.url).pathname;
const CONTENT = new URL('./fixtures/small-content/', import.meta.url).pathname;

describe('downloads', async () => {
  const result = await runDataBuild({ dataDir: FIXTURE, contentDir: CONTENT, today: '2026-11-23' });
  const report = result.report!;

  it('builds from the fixture', () => {
    expect(result.issues).toEqual([]);
  });

  it('writes each dataset as toCsv and toJson do', () => {
    for (const { name } of downloadNames(report)) {
      if (name === 'all.json') continue;
      const dataset = datasetById(report, name.replace(/\.(csv|json)$/, ''));
      expect(downloadBody(report, name), name).toBe(name.endsWith('.csv') ? toCsv(dataset) : toJson(dataset));
    }
  });

  it('writes all.json as JSON.stringify writes everything at once', () => {
    const everything = {
      company: report.company.name,
      asOf: report.asOf,
      reportingPeriod: report.company.reportingPeriod,
      minimumCellSize: report.company.minimumCellSize,
      datasets: Object.fromEntries(allDatasets(report).map((d) => [d.id, toRecords(d)])),
    };
    expect(downloadBody(report, 'all.json')).toBe(`${JSON.stringify(everything, null, 1)}\n`);
  });

  it('writes empty datasets and odd cells as JSON.stringify does', () => {
    const dataset = { columns: ['a', 'b', 'c'], rows: [[1.5, 'x "y"\n', null], [Number.NaN, true, undefined as unknown as null]] };
    expect([...jsonRecords(dataset)].join('')).toBe(JSON.stringify(toRecords(dataset), null, 1));
    expect([...jsonRecords({ ...dataset, rows: [] })].join('')).toBe('[]');
  });

  it('writes the report model as JSON.stringify does, piece by piece', () => {
    expect(jsonText(report)).toBe(JSON.stringify(report));
    const odd = { a: undefined, b: [undefined, () => 1, 1e21, -0, 'é"\n'], c: { d: null, e: new Date(0) } };
    expect(jsonText(odd)).toBe(JSON.stringify(odd));
  });

  it('writes the same bytes to disk, streamed', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'trust-downloads-'));
    try {
      await writeDownloads(report, folder);
      for (const { name } of downloadNames(report)) expect(await readFile(join(folder, name), 'utf8'), name).toBe(downloadBody(report, name));
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
