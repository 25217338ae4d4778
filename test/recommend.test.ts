/** Gap-driven recommendations: signals, weights and ranking worked out by hand. */
import { describe, expect, it } from 'vitest';
import { findSignals, recommend } from '../src/report/recommend.ts';
import type { ReportComparison, ReportEstimate, ReportMetric } from '../src/schemas/report.ts';

const e = (value: number | null, wave = 'W2', low: number | null = null, high: number | null = null): ReportEstimate => ({
  wave, segment: null, tier: null, value, low, high, se: value === null ? null : 1, n: value === null ? null : 100, nEffective: null, suppressed: null,
});

function metric(id: string, over: Partial<ReportMetric> & { latest: number; first?: number }): ReportMetric {
  const { latest, first, ...rest } = over;
  return {
    id, source: 'survey', kind: 'index', better: 'higher', census: false, dimension: null, group: null, fromKpis: false,
    comparisons: [], changes: { sinceFirst: null, sincePrevious: null }, segmentDifferences: [], noComparison: null,
    result: { latest: e(latest), byWave: [e(first ?? latest, 'W1'), e(latest)], bySegment: [], bySegmentWave: [] },
    ...rest,
  };
}

const gap = (statisticId: string, value: number, verdict: ReportComparison['verdict'] = 'larger_than_uncertainty'): ReportComparison => ({
  statisticId, comparable: true, gap: value, margin: 2, p: 0.001, pAdjusted: 0.004, verdict, flags: [], company: { value: 10, low: 8, high: 12, n: 100, markets: null },
});
// A context figure: another population and question. It never carries a gap, so it is never a reason.
const context = (statisticId: string): ReportComparison => ({
  statisticId, comparable: false, gap: null, margin: null, p: null, pAdjusted: null, verdict: null, flags: ['country', 'question'], company: { value: 10, low: 8, high: 12, n: 100, markets: null },
});

const metrics = [
  metric('trust_reliability', { latest: 80, dimension: 'reliability' }),
  metric('trust_transparency', { latest: 62, dimension: 'transparency' }),
  metric('trust_empathy', { latest: 74, dimension: 'empathy' }),
  // NPS 20 points below a benchmark: 20 / 2 (NPS spans 200) = 10. The -30 within the uncertainty
  // and the context figure are not reasons.
  metric('nps', { latest: 10, kind: 'nps', comparisons: [gap('industry', -20), gap('other', -4), gap('noisy', -30, 'within_uncertainty'), gap('unknown', -40, 'cannot_judge'), context('us-grocers')] }),
  // A share 8 points above a public figure is good news, not a signal.
  metric('csat', { latest: 88, kind: 'share', comparisons: [gap('good', 8), context('acsi')] }),
  // Concern about data use 20 points below US adults: context only, never a reason.
  metric('data_concern', { latest: 57, kind: 'share', better: 'lower', comparisons: [context('pew')] }),
];

describe('signals', () => {
  it('names the weakest dimension, the ones below average, and the largest bad gap per metric', () => {
    // Dimensions average (80 + 62 + 74) / 3 = 72; empathy is above it, so only transparency is named.
    expect(findSignals({ metrics, sayVsDo: [] })).toEqual([
      { kind: 'weakest_dimension', metric: 'trust_transparency', value: 62, strongest: 'trust_reliability', strongestValue: 80, points: 18 },
      { kind: 'gap', metric: 'nps', statisticId: 'industry', gap: -20, points: 20, others: 1 },
    ]);
  });
});

describe('tested dimension claims', () => {
  it('names no weakest dimension when it is within the uncertainty of the next one', () => {
    // 70 and 71 with SE 1 each: the difference of 1 has SE 1.41, far from significant.
    const close = [
      metric('trust_reliability', { latest: 71, dimension: 'reliability' }),
      metric('trust_transparency', { latest: 70, dimension: 'transparency' }),
    ];
    expect(findSignals({ metrics: close, sayVsDo: [] })).toEqual([]);
  });
});

describe('declines', () => {
  const change = (verdict: 'declined' | 'no_clear_change', difference: number) => ({
    fromWave: 'W1', toWave: 'W2', from: 90, to: 90 + difference, difference, low: null, high: null, p: null, pAdjusted: null, threshold: 2, holds: verdict === 'declined', verdict,
  });
  it('names a decline only when its test or materiality supports it', () => {
    const resolution = metric('complaint_resolution_rate', { latest: 89, first: 90, kind: 'share', census: true, changes: { sinceFirst: change('no_clear_change', -1), sincePrevious: null } });
    const onTime = metric('on_time_delivery', { latest: 86, first: 90, kind: 'share', census: true, changes: { sinceFirst: change('declined', -4), sincePrevious: null } });
    expect(findSignals({ metrics: [resolution, onTime], sayVsDo: [] })).toEqual([
      { kind: 'decline', metric: 'on_time_delivery', from: 90, to: 86, first: 'W1', last: 'W2', points: 4, census: true },
    ]);
  });
});

describe('decisions', () => {
  const topics = [
    { topic: 'transparency', order: 1, metrics: ['trust_transparency'], dimensions: ['transparency'] },
    { topic: 'recommendations', order: 2, metrics: ['nps'], dimensions: [] },
    { topic: 'five-elements', order: 3, metrics: ['trust_transparency', 'nps'], dimensions: [] },
    { topic: 'unrelated', order: 4, metrics: ['csat'], dimensions: ['reliability'] },
  ];

  it('gives each finding to one article, heaviest first, and repeats no finding', () => {
    const ranked = recommend({ metrics, sayVsDo: [], topics });
    // Weakest dimension: 18 points; NPS gap: 20 / 2 = 10. Each goes to the first article naming its metric.
    expect(ranked.map((r) => [r.topic, r.score, r.reasons.map((x) => x.kind)])).toEqual([
      ['transparency', 18, ['weakest_dimension']],
      ['recommendations', 10, ['gap']],
    ]);
  });

  it('weighs a satisfied-but-not-loyal segment by its retention shortfall', () => {
    const withRetention = [...metrics, metric('retention_rate', { latest: 60, kind: 'share', census: true })];
    const ranked = recommend({
      metrics: withRetention,
      sayVsDo: [{ segment: 'deal-seekers', retention: { value: 31 }, satisfiedNotLoyal: true }],
      topics: [{ topic: 'say-do', order: 1, metrics: ['say_vs_do'], dimensions: [] }],
    });
    expect(ranked).toEqual([{ topic: 'say-do', score: 29, reasons: [{ kind: 'satisfied_not_loyal', metric: 'say_vs_do', segments: ['deal-seekers'], points: 29 }] }]);
  });

  it('puts a weak dimension that drives loyalty before a weaker one that does not', () => {
    const dims = [
      metric('trust_reliability', { latest: 80, dimension: 'reliability' }),
      metric('trust_transparency', { latest: 62, dimension: 'transparency' }),
      metric('trust_empathy', { latest: 66, dimension: 'empathy' }),
    ];
    const share = (m: string, value: number, low: number, high: number) => ({ metric: m, share: value, low, high });
    const drivers = {
      outcome: 'recommend_0_10' as const, method: 'shapley_r2' as const, wave: 'W2', resamples: 400,
      groups: [{ segment: null, n: 900, suppressed: null, r2: 0.4, dimensions: [share('trust_reliability', 50, 44, 56), share('trust_transparency', 10, 6, 14), share('trust_empathy', 40, 34, 46)] }],
    };
    const signals = findSignals({ metrics: dims, sayVsDo: [], drivers });
    // Empathy: share 40 % (interval above an equal third), 66 below the others' mean of 71:
    // a driver, weight (69.3 - 66) x 40 / 33.3 = 4.0. Transparency is weakest but drives little:
    // 18 x 10 / 33.3 = 5.4, held just below the driver.
    expect(signals.map((r) => [r.kind, r.metric])).toEqual([
      ['driver', 'trust_empathy'],
      ['weakest_dimension', 'trust_transparency'],
    ]);
    const ranked = recommend({ metrics: dims, sayVsDo: [], drivers, topics: [
      { topic: 'empathy', order: 1, metrics: ['trust_empathy'], dimensions: ['empathy'] },
      { topic: 'transparency', order: 2, metrics: ['trust_transparency'], dimensions: ['transparency'] },
    ] });
    expect(ranked.map((r) => r.topic)).toEqual(['empathy', 'transparency']);
    expect(ranked[0]!.score).toBeGreaterThan(ranked[1]!.score);
  });
});
