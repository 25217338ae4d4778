/** Every download of the site, described, with its size in rows (src/views/Data.astro). */
import type { MessageKey, Translator } from '../i18n/core.ts';
import { publishedDatasets } from '../downloads/files.ts';
import { metricName } from '../site/metric-text.ts';
import { shared, type PreparedReport } from '../site/model.ts';
import { downloadPath } from '../site/paths.ts';

/** The datasets other than one metric's, by id. */
const DESCRIPTION: Record<string, MessageKey> = {
  comparisons: 'data.comparisons',
  changes: 'data.changes',
  'segment-differences': 'data.segment_differences',
  drivers: 'data.drivers',
  cohorts: 'data.cohorts',
  'say-vs-do': 'data.say_vs_do',
  benchmarks: 'data.benchmarks',
  'all-metrics': 'data.all_metrics',
};

const METRIC_PREFIX = 'metric-';

export interface DataPageProps {
  suppressionNote: string;
  allJson: string;
  datasets: Array<{ id: string; description: string; rows: string; csv: string; json: string }>;
}

function describe(id: string, t: Translator): string {
  if (id.startsWith(METRIC_PREFIX)) return t('data.metric', { metric: metricName(id.slice(METRIC_PREFIX.length), t) });
  const key = DESCRIPTION[id];
  if (!key) throw new Error(`no description for the dataset "${id}"`);
  return t(key);
}

export function dataPage(model: PreparedReport, t: Translator): DataPageProps {
  const report = model.report;
  // Row counts only, counted once for every locale's page.
  const datasets = shared(report, 'dataset-rows', () => publishedDatasets(report).map((d) => ({ id: d.id, rows: d.rows.length })));
  return {
    suppressionNote: t('data.suppression_note', { minimum: report.company.minimumCellSize }),
    allJson: downloadPath('all', 'json'),
    datasets: datasets.map((d) => ({ id: d.id, description: describe(d.id, t), rows: t.format.integer(d.rows), csv: downloadPath(d.id, 'csv'), json: downloadPath(d.id, 'json') })),
  };
}
