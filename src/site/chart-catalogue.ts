/**
 * Every chart the site shows in one locale, once each: what the chart image downloads
 * (`/{locale}/charts/{id}.svg` and `.png`) are made from. It calls the chart builders exactly as the
 * pages do (src/presentation/home.ts, metric.ts with its retention extras, and segment.ts, drawn by
 * the views in src/views/); a chart on several pages (the trust trend, the company's key drivers)
 * is listed once. A page links only the images of charts listed here (`chartImageFormats`).
 *
 * A chart id names a file, so ids must be unique in a locale and safe in a path: two different
 * charts with one id would make one download overwrite the other, and that throws here.
 */
import { sourcePublisher } from './library-text.ts';
import type { Translator } from '../i18n/core.ts';
import { standaloneSvg } from '../charts/standalone.ts';
import type { Report, ReportComparison, ReportSource } from '../schemas/report.ts';
import { sourceYear } from './benchmark-text.ts';
import {
  chartSvg, cohortChart, comparisonChart, dimensionsChart, drawableContext, driversChart, markerComparison, sayVsDoChart,
  segmentChart, segmentDimensionsChart, segmentTrendsChart, tierChart, trendChart, type SiteChart,
} from './charts.ts';
import { sourceById, statisticById } from './lookup.ts';
import { prepared } from './model.ts';

export interface CatalogueChart {
  chart: SiteChart;
  /** The publishers of the public figures the chart draws: benchmarks and context figures (none for most charts). */
  benchmarks: ReportSource[];
  /**
   * Whether a PNG is rendered: as the chart says (`SiteChart.images`). Not for each segment's own
   * charts once there are more segments than a page lists: thousands of PNGs at some 50 ms each
   * would cost minutes of every cold build. Their SVG is still offered (about 1 ms each).
   */
  png: boolean;
}

/** Chart ids become file names: lower-case letters, digits, hyphens and underscores only. */
export const SAFE_CHART_ID = /^[a-z0-9]+(?:[-_][a-z0-9]+)*$/;

export function siteCharts(report: Report, t: Translator): CatalogueChart[] {
  const byId = new Map<string, CatalogueChart>();
  const add = (chart: SiteChart | undefined, benchmarks: ReportSource[] = []) => {
    if (!chart) return;
    const seen = byId.get(chart.id);
    if (seen) {
      // The same chart reached from two pages is fine; two different charts under one id are a bug.
      if (seen.chart !== chart && chartSvg(seen.chart) !== chartSvg(chart)) throw new Error(`two different charts have the id "${chart.id}" (${t.locale})`);
      return;
    }
    byId.set(chart.id, { chart, benchmarks, png: (chart.images ?? ['png', 'svg']).includes('png') });
  };
  const sources = (statisticIds: string[]) => {
    const found = statisticIds.map((id) => sourceById(report, statisticById(report, id).sourceId));
    return found.filter((s, i) => found.indexOf(s) === i);
  };
  const model = prepared(report);

  // The overview (Home.astro).
  const trust = model.metrics.get('trust_index')?.metric;
  if (trust?.result) add(trendChart(report, trust, t), sources([markerComparison(trust)?.statisticId].filter((id): id is string => id !== undefined)));
  add(dimensionsChart(report, t));
  add(driversChart(report, t));
  add(sayVsDoChart(report, t));

  // Each metric page (Metric.astro, RetentionExtras.astro).
  for (const metric of report.metrics) {
    const marker = sources([markerComparison(metric)?.statisticId].filter((id): id is string => id !== undefined));
    if (metric.result !== null) {
      add(trendChart(report, metric, t), marker);
      add(segmentChart(report, metric, t), marker);
      add(segmentTrendsChart(report, metric, t));
      if (metric.id === 'trust_index' || metric.dimension) add(driversChart(report, t));
      add(tierChart(report, metric, t));
      if (metric.id === 'retention_rate') add(cohortChart(report, t));
    }
    add(comparisonChart(report, metric, t), sources(metric.comparisons.filter((c) => drawnInComparison(report, c)).map((c) => c.statisticId)));
  }

  // Each segment page (Segment.astro).
  for (const segment of report.company.segments) {
    add(segmentDimensionsChart(report, segment.id, t));
    add(driversChart(report, t, segment.id));
  }
  return [...byId.values()];
}

/**
 * The public figures `comparisonChart` draws: each benchmark (comparable, with a gap) and each
 * context figure it can place on the metric's axis; the others stay in the chart's table and are
 * not credited under the picture.
 */
function drawnInComparison(report: Report, c: ReportComparison): boolean {
  return c.comparable ? c.gap !== null : drawableContext(c, statisticById(report, c.statisticId));
}

/** The source line(s) under a chart image: the company and the period (and the as-of date when it differs), then any benchmark sources. */
export function chartSourceLines(report: Report, entry: CatalogueChart, t: Translator): string[] {
  const f = t.format;
  const period = report.company.reportingPeriod;
  // "Figures as of" only when that date is not the period's end (the staleness of benchmarks is measured then).
  const asOf = report.asOf === period.end ? '' : ` ${t('footer.as_of', { date: f.date(report.asOf) })}`;
  const lines = [t('chart.image_source', { company: report.company.name, start: f.date(period.start), end: f.date(period.end) }) + asOf];
  if (entry.benchmarks.length > 0) {
    // One entry per publisher with its years: "Qualtrics XM Institute 2022, 2023, 2024", not the publisher three times.
    const years = new Map<string, string[]>();
    for (const s of [...entry.benchmarks].sort((a, b) => (a.year ?? 0) - (b.year ?? 0))) {
      const list = years.get(sourcePublisher(s, t.locale)) ?? [];
      const year = sourceYear(s, t);
      if (!list.includes(year)) list.push(year);
      years.set(sourcePublisher(s, t.locale), list);
    }
    lines.push(t('chart.image_benchmarks', { sources: f.list([...years].map(([publisher, ys]) => `${publisher} ${ys.join(', ')}`)) }));
  }
  return lines;
}

/** The chart as a self-contained SVG file in the translator's locale (see `src/charts/standalone.ts`). */
export function chartImageSvg(report: Report, entry: CatalogueChart, t: Translator): string {
  const { chart } = entry;
  return standaloneSvg(chart.scene, { locale: t.locale, title: chart.title, description: chart.description, source: chartSourceLines(report, entry, t) });
}

export type ChartImageFormat = 'png' | 'svg';

/**
 * getStaticPaths of the chart image routes: one entry per chart per published locale (for PNGs,
 * those with `png`). Throws on an id that is not safe as a file name (ids come from metric and
 * segment ids, which are slugs). The props keep only what the file needs, not the whole chart.
 */
export function chartImagePaths(report: Report, translator: (locale: string) => Translator, format: ChartImageFormat) {
  return report.company.locales.flatMap((locale) => {
    const t = translator(locale);
    return siteCharts(report, t)
      .filter((entry) => format === 'svg' || entry.png)
      .map((entry) => {
        const { id, scene, title, description } = entry.chart;
        if (!SAFE_CHART_ID.test(id)) throw new Error(`chart id "${id}" is not safe as a file name`);
        const source = chartSourceLines(report, entry, t);
        return { params: { locale, chart: id }, props: { svg: () => standaloneSvg(scene, { locale, title, description, source }) } };
      });
  });
}

export type ChartImageProps = ReturnType<typeof chartImagePaths>[number]['props'];

