/**
 * Customer segments: one segment's page (src/views/Segment.astro) with its trust dimensions and
 * every metric against all customers; the index of segments (src/views/Segments.astro), paged.
 */
import type { Translator } from '../i18n/core.ts';
import type { MetricId } from '../metrics/catalogue.ts';
import { driversChart, segmentDimensionsChart, type SiteChart } from '../site/charts.ts';
import { segmentName } from '../site/lookup.ts';
import { DIFFERENCE_LABEL, formatGap, formatGapRange, metricId, metricName } from '../site/metric-text.ts';
import { SEGMENTS_PER_PAGE, type PreparedMetric, type PreparedReport } from '../site/model.ts';
import { paths, segmentsPageCount } from '../site/paths.ts';
import { estimateCell, judgedMark, type EstimateCell, type Judged } from './common.ts';

export interface SegmentRow {
  id: MetricId;
  href: string;
  name: string;
  segment: EstimateCell;
  all: EstimateCell;
  /** Against the rest of the company; null for a dash. */
  difference: {
    mark: Judged | null;
    gap: string;
    range: string | null;
    verdict: string;
    /** Compared with the whole company rather than the rest of it. */
    versusCompany: boolean;
  } | null;
}

export interface SegmentPageProps {
  name: string;
  description: string;
  segmentsHref: string;
  lead: string;
  /** The say-versus-do warning, when the segment is satisfied but not loyal. */
  sayDoFlag: string | null;
  chart: SiteChart | undefined;
  drivers: SiteChart | undefined;
  tableHeading: string;
  rows: SegmentRow[];
}

export function segmentPage(model: PreparedReport, t: Translator, id: string): SegmentPageProps {
  const report = model.report;
  const name = segmentName(report, id, t.locale);
  const minimum = report.company.minimumCellSize;
  const wave = report.waves.at(-1)!;
  const trustCell = model.metrics.get('trust_index')?.bySegment.get(id);
  const respondents = trustCell?.n ?? null;
  return {
    name,
    description: t('segment.description', { segment: name, company: report.company.name }),
    segmentsHref: paths.segments(t.locale),
    lead: respondents !== null
      ? t('segment.lead', { wave, n: respondents })
      : trustCell?.suppressed === 'complementary' ? t('segment.lead_hidden', { wave }) : t('segment.lead_suppressed', { wave, minimum }),
    sayDoFlag: model.sayVsDo.get(id)?.satisfiedNotLoyal ? t('segment.say_do_flag', { segment: name }) : null,
    chart: segmentDimensionsChart(report, id, t),
    drivers: driversChart(report, t, id),
    tableHeading: t('segment.all_metrics', { wave }),
    rows: report.metrics.filter((m) => m.result).map((m): SegmentRow => {
      const pm = model.metrics.get(m.id)!;
      const d = pm.differences.get(id);
      return {
        id: metricId(m.id),
        href: paths.metric(t.locale, m.id),
        name: metricName(m.id, t),
        segment: estimateCell(m, pm.bySegment.get(id)!, t, minimum, { showN: true }),
        all: estimateCell(m, m.result!.latest, t, minimum, { showN: true }),
        difference: d
          ? {
              mark: judgedMark(d.verdict),
              gap: formatGap(m, d.difference, t),
              range: d.low !== null && d.high !== null ? formatGapRange(m, d.low, d.high, t) : null,
              verdict: t(DIFFERENCE_LABEL[d.verdict]),
              versusCompany: d.versus === 'company',
            }
          : null,
      };
    }),
  };
}

/** The metrics the segments index shows, in this order, when they have data. */
const SEGMENTS_KEY_METRICS: readonly MetricId[] = ['trust_index', 'nps', 'csat', 'retention_rate'];

export interface SegmentsPageProps {
  title: string;
  description: string;
  heading: string;
  lead: string;
  /** Links to every page of the list, when there is more than one. */
  pages: Array<{ href: string; text: string; current: boolean }>;
  caption: string;
  columns: string[];
  rows: Array<{ href: string; name: string; cells: EstimateCell[] }>;
  /** The note on dashes, only when this page shows one. */
  note: string | null;
}

/** `page`: the page of the list, from 1. */
export function segmentsPage(model: PreparedReport, t: Translator, page = 1): SegmentsPageProps {
  const report = model.report;
  const minimum = report.company.minimumCellSize;
  const key = SEGMENTS_KEY_METRICS.map((id) => model.metrics.get(id)).filter((m): m is PreparedMetric => m !== undefined && m.metric.result !== null);
  const wave = report.waves.at(-1)!;
  const count = report.company.segments.length;
  const pages = segmentsPageCount(report);
  const segments = report.company.segments.slice((page - 1) * SEGMENTS_PER_PAGE, page * SEGMENTS_PER_PAGE);
  const pageLabel = t('segments.page', { page, pages });
  const title = t('segments.title');
  return {
    title: pages > 1 ? `${title} · ${pageLabel}` : title,
    description: t('segments.description', { company: report.company.name }),
    heading: title,
    lead: pages > 1
      ? t('segments.lead_paged', { count, wave, first: (page - 1) * SEGMENTS_PER_PAGE + 1, last: (page - 1) * SEGMENTS_PER_PAGE + segments.length })
      : t('segments.lead', { count, wave }),
    pages: pages > 1 ? Array.from({ length: pages }, (_, i) => i + 1).map((n) => ({ href: paths.segmentsPage(t.locale, n), text: t.format.integer(n), current: n === page })) : [],
    caption: pages > 1 ? `${title}, ${pageLabel}` : title,
    columns: key.map((m) => metricName(m.metric.id, t)),
    rows: segments.map((s) => ({
      href: paths.segment(t.locale, s.id),
      name: segmentName(report, s.id, t.locale),
      cells: key.map((m) => estimateCell(m.metric, m.bySegment.get(s.id)!, t, minimum, { showN: true })),
    })),
    note: segments.some((s) => key.some((m) => m.bySegment.get(s.id)?.value === null)) ? t('segments.note', { minimum }) : null,
  };
}
