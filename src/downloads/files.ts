/** The download files of the site: each dataset as CSV and JSON, and everything in one file of each. */
import type { Report } from '../schemas/report.ts';
import { toCsv, toJson, toRecords } from './csv.ts';
import { allDatasets, allMetricsDataset, type Dataset } from './datasets.ts';

export interface DownloadFile {
  name: string;
  type: string;
  body: string;
}

export function publishedDatasets(report: Report): Dataset[] {
  return [...allDatasets(report), allMetricsDataset(report)];
}

export function downloadFiles(report: Report): DownloadFile[] {
  const datasets = allDatasets(report);
  const files = [...datasets, allMetricsDataset(report)].flatMap((d): DownloadFile[] => [
    { name: `${d.id}.csv`, type: 'text/csv; charset=utf-8', body: toCsv(d) },
    { name: `${d.id}.json`, type: 'application/json', body: toJson(d) },
  ]);
  const everything = {
    company: report.company.name,
    asOf: report.asOf,
    reportingPeriod: report.company.reportingPeriod,
    minimumCellSize: report.company.minimumCellSize,
    datasets: Object.fromEntries(datasets.map((d) => [d.id, toRecords(d)])),
  };
  files.push({ name: 'all.json', type: 'application/json', body: `${JSON.stringify(everything, null, 1)}\n` });
  return files;
}
