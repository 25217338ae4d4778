/**
 * Pages at any number of segments: metric pages and the overview list every segment up to a
 * limit and summarise beyond it (the highest and lowest, with their tests), the segments index is
 * paged, and what a page draws does not grow with the number of segments.
 */
import { describe, expect, it } from 'vitest';
import { loadTranslationSystem } from '../src/i18n/node.ts';
import type { Report, ReportEstimate, ReportMetric } from '../src/schemas/report.ts';
import { chartSvg, driversChart, sayVsDoChart, segmentChart, segmentTrendsChart, shownSayVsDo } from '../src/site/charts.ts';
import { segmentList } from '../src/site/metric-text.ts';
import { extremes, prepared, SEGMENT_EXTREMES, SEGMENT_LIST_LIMIT, SEGMENTS_PER_PAGE } from '../src/site/model.ts';
import { paths, segmentsPageCount, segmentsPagePaths } from '../src/site/paths.ts';
import { pagesOf } from '../src/site/sitemap.ts';

const WAVES = ['2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3'];
const id = (k: number) => `seg-${String(k + 1).padStart(4, '0')}`;

const estimate = (wave: string | null, segment: string | null, value: number | null, n = 200): ReportEstimate => ({
  wave, segment, tier: null, value, low: value === null ? null : value - 3, high: value === null ? null : value + 3,
  se: null, n: value === null ? null : n, nEffective: null, suppressed: value === null ? 'small_cell' : null,
});

/** A report model with `count` segments: every seventh segment too small to publish. */
function reportWith(count: number): Report {
  const segments = Array.from({ length: count }, (_, k) => ({ id: id(k), labels: { en: `Segment ${k + 1}`, fi: `Segmentti ${k + 1}` } }));
  const value = (k: number, w: number) => (k % 7 === 3 ? null : 60 + ((k * 37) % 31) + w);
  const metric = (metricId: string, kind: ReportMetric['kind']): ReportMetric => ({
    id: metricId, source: 'survey', kind, better: 'higher', census: false, dimension: null, group: null, fromKpis: false,
    result: {
      latest: estimate(WAVES.at(-1)!, null, 75, 5000),
      byWave: WAVES.map((w, i) => estimate(w, null, 72 + i, 5000)),
      bySegment: segments.map((s, k) => estimate(WAVES.at(-1)!, s.id, value(k, 3))),
      bySegmentWave: segments.flatMap((s, k) => WAVES.map((w, i) => estimate(w, s.id, value(k, i)))),
    },
    comparisons: [],
    changes: { sinceFirst: null, sincePrevious: null },
    segmentDifferences: segments.flatMap((s, k) => (value(k, 3) === null ? [] : [{
      segment: s.id, versus: 'rest' as const, difference: value(k, 3)! - 75, low: null, high: null, p: 0.01, pAdjusted: 0.02, threshold: null, holds: true,
      verdict: value(k, 3)! > 75 ? 'better' as const : 'worse' as const,
    }])),
    noComparison: 'no_public_benchmark',
  });
  const sayVsDo = segments.map((s, k) => ({
    segment: s.id, nps: estimate(null, s.id, 10), csat: estimate(null, s.id, value(k, 3)), retention: estimate(null, s.id, 40 + (k % 50)),
    repeat: estimate(null, s.id, 50), satisfiedNotLoyal: k % 5 === 0,
  }));
  return {
    company: { name: 'Many Segments Ltd', locales: ['en', 'fi'], defaultLocale: 'en', minimumCellSize: 30, segments },
    waves: WAVES,
    metrics: [metric('csat', 'share'), metric('trust_index', 'index')],
    sayVsDo,
    drivers: {
      outcome: 'recommend_0_10', method: 'shapley_r2', wave: WAVES.at(-1)!, resamples: 100,
      groups: [
        { segment: null, n: 5000, suppressed: null, r2: 0.4, dimensions: [{ metric: 'trust_index', share: 100, low: 90, high: 100 }] },
        ...segments.map((s) => ({ segment: s.id, n: null, suppressed: 'small_cell' as const, r2: null, dimensions: [] })),
      ],
    },
    library: { staleAfterYears: 7, sources: [], statistics: [] },
    guidance: [],
    recommendations: [],
  } as unknown as Report;
}

const t = (await loadTranslationSystem()).translator('en');

describe('a few segments', () => {
  const report = reportWith(6);
  const csat = report.metrics[0]!;

  it('lists every segment on the metric page, as before', () => {
    expect(prepared(report).manySegments).toBe(false);
    expect(segmentChart(report, csat, t).table.rows).toHaveLength(6);
    expect(segmentTrendsChart(report, csat, t).table.rows).toHaveLength(6);
    expect(shownSayVsDo(report)).toBe(report.sayVsDo);
    expect(segmentsPageCount(report)).toBe(1);
    expect(segmentsPagePaths(report)).toEqual([]);
  });
});

describe('many segments', () => {
  const report = reportWith(4000);
  const csat = report.metrics[0]!;

  it('shows the highest and lowest segments on a metric page, each with its test', () => {
    expect(prepared(report).manySegments).toBe(true);
    const chart = segmentChart(report, csat, t);
    expect(chart.table.rows).toHaveLength(2 * SEGMENT_EXTREMES);
    expect(chart.table.columns.at(-1)).toBe('Difference');
    const values = chart.table.rows.map((row) => Number.parseFloat(row[1]!));
    expect(values).toEqual([...values].sort((a, b) => b - a));
    expect(chart.table.rows[0]![4]).toMatch(/better than the rest/);
    expect(chart.table.rows.at(-1)![4]).toMatch(/worse than the rest/);
    expect(chart.title).toContain('highest and lowest');
    expect(chart.description).toContain('10 of 4,000 segments');
    // The bars: the ten, and one row saying how many segments lie between them.
    expect(chart.scene.marks.filter((m) => m.type === 'rect')).toHaveLength(2 * SEGMENT_EXTREMES);
    expect(chart.scene.marks.some((m) => m.type === 'text' && m.text.includes('segments in between'))).toBe(true);
  });

  it('draws the same segments wave by wave, and names at most a few of the missing ones', () => {
    const bars = segmentChart(report, csat, t);
    const trends = segmentTrendsChart(report, csat, t);
    expect(trends.table.rows.map((row) => row[0])).toEqual(bars.table.rows.map((row) => row[0]));
    for (const note of bars.notes) expect(note.length).toBeLessThan(300);
    expect(bars.notes.some((note) => /and 566 other segments: fewer than 30/.test(note))).toBe(true);
  });

  it('keeps what a page draws the same size whatever the number of segments', () => {
    const size = (r: Report) => {
      const metric = r.metrics[0]!;
      const charts = [segmentChart(r, metric, t), segmentTrendsChart(r, metric, t), sayVsDoChart(r, t)!, driversChart(r, t)!];
      return charts.reduce((sum, c) => sum + chartSvg(c).length + JSON.stringify(c.table).length + c.notes.join('').length, 0);
    };
    const small = size(reportWith(SEGMENT_LIST_LIMIT + 1));
    expect(size(report)).toBeLessThan(small * 1.2);
  });

  it('shows on the overview the segments at risk and the highest and lowest retention', () => {
    const rows = shownSayVsDo(report);
    expect(rows.length).toBeLessThanOrEqual(4 * SEGMENT_EXTREMES);
    const atRisk = report.sayVsDo.filter((r) => r.satisfiedNotLoyal).slice(0, 2 * SEGMENT_EXTREMES);
    for (const r of atRisk) expect(rows).toContain(r);
    expect(sayVsDoChart(report, t)!.description).toMatch(/Satisfied but not loyal: .* and \d+ other segments\./);
  });

  it('pages the segments index and lists every page in the sitemap', () => {
    expect(segmentsPageCount(report)).toBe(4000 / SEGMENTS_PER_PAGE);
    expect(paths.segmentsPage('fi', 1)).toBe('/fi/segments/');
    expect(paths.segmentsPage('fi', 3)).toBe('/fi/segments/page/3/');
    expect(segmentsPagePaths(report)).toHaveLength(2 * (4000 / SEGMENTS_PER_PAGE - 1));
    const pages = pagesOf(report, 'en');
    expect(pages).toContain('/en/segments/page/40/');
    expect(pages.filter((p) => p.startsWith('/en/segments/')).length).toBe(1 + 39 + 4000);
  });
});

describe('lists and rankings', () => {
  it('names up to ten segments, then the first five and how many others', () => {
    const names = Array.from({ length: 12 }, (_, i) => `S${i + 1}`);
    expect(segmentList(names.slice(0, 10), t)).toBe('S1, S2, S3, S4, S5, S6, S7, S8, S9 and S10');
    expect(segmentList(names, t)).toBe('S1, S2, S3, S4, S5 and 7 other segments');
  });

  it('takes the highest and the lowest once each', () => {
    expect(extremes([9, 8, 7, 6], 2)).toEqual({ highest: [9, 8, 7, 6], lowest: [] });
    expect(extremes([9, 8, 7, 6, 5], 2)).toEqual({ highest: [9, 8], lowest: [6, 5] });
  });
});
