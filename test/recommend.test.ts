/** Gap-driven recommendations: signals, weights and ranking worked out by hand. */
import { describe, expect, it } from 'vitest';
import { findSignals, recommend } from '../src/report/recommend.ts';
import type { ReportComparison, ReportEstimate, ReportMetric } from '../src/schemas/report.ts';

const e = (value: number | null, wave = 'W2', low: number | null = null, high: number | null = null): ReportEstimate => ({
  wave, segment: null, tier: null, value, low, high, se: null, n: value === null ? null : 100, suppressed: null,
});

function metric(id: string, over: Partial<ReportMetric> & { latest: number; first?: number }): ReportMetric {
  const { latest, first, ...rest } = over;
  return {
    id, source: 'survey', kind: 'index', better: 'higher', census: false, dimension: null, group: null, fromKpis: false,
    comparisons: [], noComparison: null,
    result: { latest: e(latest), byWave: [e(first ?? latest, 'W1'), e(latest)], bySegment: [], bySegmentWave: [] },
    ...rest,
  };
}

const gap = (statisticId: string, value: number, flags: ReportComparison['flags'] = []): ReportComparison => ({
  statisticId, contextOnly: false, comparable: true, gap: value, margin: 2, significant: true, flags,
});

const metrics = [
  metric('trust_reliability', { latest: 80, dimension: 'reliability' }),
  metric('trust_transparency', { latest: 62, dimension: 'transparency' }),
  metric('trust_empathy', { latest: 74, dimension: 'empathy' }),
  // NPS 20 points below a figure from another population: 20 / 2 (scale of 200) / 2 (weaker evidence) = 5.
  metric('nps', { latest: 10, kind: 'nps', comparisons: [gap('industry', -20, ['population']), gap('other', -4, ['population'])] }),
  // A share 8 points above a public figure is good news, not a signal.
  metric('csat', { latest: 88, kind: 'share', comparisons: [gap('good', 8)] }),
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

describe('ranking', () => {
  const topics = [
    { topic: 'transparency', order: 1, metrics: ['trust_transparency'], dimensions: ['transparency'] },
    { topic: 'recommendations', order: 2, metrics: ['nps'], dimensions: [] },
    { topic: 'five-elements', order: 3, metrics: ['trust_transparency', 'nps'], dimensions: [] },
    { topic: 'unrelated', order: 4, metrics: ['csat'], dimensions: ['reliability'] },
  ];

  it('ranks articles by their heaviest reason plus a quarter of the others', () => {
    const ranked = recommend({ metrics, sayVsDo: [], topics });
    // five-elements: 18 + 0.25 x 5 = 19.25 -> 19.3; transparency: 18; recommendations: 5.
    expect(ranked.map((r) => [r.topic, r.score])).toEqual([
      ['five-elements', 19.3],
      ['transparency', 18],
      ['recommendations', 5],
    ]);
    expect(ranked[0]!.reasons.map((r) => r.kind)).toEqual(['weakest_dimension', 'gap']);
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
});
