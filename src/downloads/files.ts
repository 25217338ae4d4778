/**
 * The download files of the site: each dataset as CSV and JSON, and everything in one file of each.
 * Names are listed without their bodies, and each body is computed on its own when its file is
 * written, so a build never holds every download in memory at once.
 */
import type { Report } from '../schemas/report.ts';
import { csvLines, jsonRecords } from './stream.ts';
import {
  allDatasets,
  allMetricsDataset,
  benchmarksDataset,
  changesDataset,
  cohortsDataset,
  comparisonsDataset,
  driversDataset,
  metricDataset,
  metricDatasetId,
  sayVsDoDataset,
  segmentDifferencesDataset,
  type Dataset,
} from './datasets.ts';

export interface DownloadFile {
  name: string;
  type: string;
  body: string;
}

const CSV_TYPE = 'text/csv; charset=utf-8';
const JSON_TYPE = 'application/json';

export function publishedDatasets(report: Report): Dataset[] {
  return [...allDatasets(report), allMetricsDataset(report)];
}

/** The ids of the published datasets, in the order of `publishedDatasets`. */
export function publishedDatasetIds(report: Report): string[] {
  return [
    ...report.metrics.map((m) => metricDatasetId(m.id)),
    'comparisons', 'changes', 'segment-differences', 'cohorts', 'say-vs-do', 'drivers', 'benchmarks', 'all-metrics',
  ];
}

/** One published dataset by id, computed alone. */
export function datasetById(report: Report, id: string): Dataset {
  const metric = report.metrics.find((m) => metricDatasetId(m.id) === id);
  if (metric) return metricDataset(metric);
  switch (id) {
    case 'comparisons': return comparisonsDataset(report);
    case 'changes': return changesDataset(report);
    case 'segment-differences': return segmentDifferencesDataset(report);
    case 'cohorts': return cohortsDataset(report);
    case 'say-vs-do': return sayVsDoDataset(report);
    case 'drivers': return driversDataset(report);
    case 'benchmarks': return benchmarksDataset(report);
    case 'all-metrics': return allMetricsDataset(report);
  }
  throw new Error(`no dataset "${id}"`);
}

/** Every download's name and type: a CSV and a JSON per dataset, and everything in all.json. */
export function downloadNames(report: Report): Array<Pick<DownloadFile, 'name' | 'type'>> {
  return [
    ...publishedDatasetIds(report).flatMap((id) => [
      { name: `${id}.csv`, type: CSV_TYPE },
      { name: `${id}.json`, type: JSON_TYPE },
    ]),
    { name: 'all.json', type: JSON_TYPE },
  ];
}

/**
 * The text of one download, by name, in pieces: a dataset's rows are made when its first piece
 * is read, and all.json makes one dataset at a time.
 */
export function* downloadPieces(report: Report, name: string): Generator<string> {
  if (name === 'all.json') {
    const head = JSON.stringify({ company: report.company.name, asOf: report.asOf, reportingPeriod: report.company.reportingPeriod, minimumCellSize: report.company.minimumCellSize }, null, 1);
    // The same text as JSON.stringify({ ...head, datasets }, null, 1), one dataset at a time.
    yield `${head.slice(0, -2)},\n "datasets": {`;
    const ids = publishedDatasetIds(report).filter((id) => id !== 'all-metrics');
    for (const [i, id] of ids.entries()) {
      yield `${i === 0 ? '\n' : ',\n'}  ${JSON.stringify(id)}: `;
      yield* jsonRecords(datasetById(report, id), 2);
    }
    yield ids.length === 0 ? '}\n}\n' : '\n }\n}\n';
    return;
  }
  const dot = name.lastIndexOf('.');
  const dataset = datasetById(report, name.slice(0, dot));
  if (name.slice(dot) === '.csv') yield* csvLines(dataset);
  else {
    yield* jsonRecords(dataset);
    yield '\n';
  }
}

/** One download as one string (tests, small files). */
export function downloadBody(report: Report, name: string): string {
  return [...downloadPieces(report, name)].join('');
}

export function downloadFiles(report: Report): DownloadFile[] {
  return downloadNames(report).map((file) => ({ ...file, body: downloadBody(report, file.name) }));
}
