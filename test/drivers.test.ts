/** Key drivers of the likelihood to recommend: the Shapley decomposition of R^2, its bootstrap, the survey groups and the demo story. */
import { beforeAll, describe, expect, it } from 'vitest';
import { covariance, keyDrivers, mulberry32, percentile, shapleyR2, subsetR2, type DriverRows } from '../src/stats/drivers.ts';
import { createSurveyAggregate, DRIVERS_MINIMUM_N } from '../src/metrics/survey.ts';
import type { SurveyRow } from '../src/schemas/company-data.ts';
import { runDataBuild } from '../src/pipeline/run.ts';
import { driversDataset } from '../src/downloads/datasets.ts';
import { reportSchema, type Report } from '../src/schemas/report.ts';
import { DATA_DIR } from './helpers/data-dir.ts';

/** Rows of (y, x1, ..., xk) as the drivers module takes them. */
const rowsOf = (table: number[][]): DriverRows => ({ values: table.flat(), n: table.length, width: table[0]!.length });

describe('Shapley decomposition of R^2 (LMG)', () => {
  it('with two predictors is the average of the two orders increments (hand-computed)', () => {
    // y, x1, x2. Var(x1) = Var(x2) = Var(y) = 2, Cov(x1, y) = 8/5, Cov(x2, y) = 3/5, Cov(x1, x2) = 8/5:
    // r1^2 = 16/25, r2^2 = 9/100, R^2(x1, x2) = 173/180;
    // LMG(x1) = (16/25 + (173/180 - 9/100)) / 2 = 34/45, LMG(x2) = (9/100 + (173/180 - 16/25)) / 2 = 37/180.
    const rows = rowsOf([[1, 1, 2], [3, 2, 1], [2, 3, 4], [5, 4, 3], [4, 5, 5]]);
    const cov = covariance(rows);
    expect(subsetR2(cov, 3, 0, [1])).toBeCloseTo(16 / 25, 12);
    expect(subsetR2(cov, 3, 0, [2])).toBeCloseTo(9 / 100, 12);
    const { r2, phi } = shapleyR2(cov, 3);
    expect(r2).toBeCloseTo(173 / 180, 12);
    expect(phi[0]).toBeCloseTo(34 / 45, 12);
    expect(phi[1]).toBeCloseTo(37 / 180, 12);
    const result = keyDrivers(rows, { resamples: 50, seed: 1 });
    expect(result.shares.map((s) => s.share)).toEqual([expect.closeTo((100 * 136) / 173, 9), expect.closeTo((100 * 37) / 173, 9)]);
  });

  it('with uncorrelated predictors gives each its squared correlation with the outcome', () => {
    // A 2^5 factorial design: the five predictors are exactly uncorrelated.
    const table: number[][] = [];
    const random = mulberry32(7);
    for (let mask = 0; mask < 32; mask++) {
      const x = [0, 1, 2, 3, 4].map((j) => (mask & (1 << j) ? 4 : 2));
      table.push([Math.floor(random() * 11), ...x]);
    }
    const rows = rowsOf(table);
    const cov = covariance(rows);
    const { r2, phi } = shapleyR2(cov, 6);
    const squaredCorrelation = (j: number) => (cov[j]! * cov[j]!) / (cov[0]! * cov[j * 6 + j]!);
    for (let j = 1; j <= 5; j++) expect(phi[j - 1]).toBeCloseTo(squaredCorrelation(j), 12);
    expect(r2).toBeCloseTo([1, 2, 3, 4, 5].reduce((s, j) => s + squaredCorrelation(j), 0), 12);
  });

  it('gives shares that add to 100, each from 0 to 100, with intervals inside 0..100, on random correlated data', () => {
    const random = mulberry32(42);
    for (let trial = 0; trial < 5; trial++) {
      const table: number[][] = [];
      for (let i = 0; i < 200; i++) {
        const common = random() * 4;
        const x = [0, 1, 2, 3, 4].map(() => Math.max(1, Math.min(5, Math.round(1 + common * 0.7 + random() * 2))));
        table.push([Math.max(0, Math.min(10, Math.round(x[0]! * (trial + 1) * 0.3 + x[3]! * 0.5 + random() * 4))), ...x]);
      }
      const result = keyDrivers(rowsOf(table), { resamples: 60, seed: trial });
      expect(result.shares).toHaveLength(5);
      expect(result.shares.reduce((s, d) => s + d.share, 0)).toBeCloseTo(100, 9);
      for (const d of result.shares) {
        expect(d.share).toBeGreaterThanOrEqual(0);
        expect(d.share).toBeLessThanOrEqual(100);
        expect(d.low).toBeGreaterThanOrEqual(0);
        expect(d.low).toBeLessThanOrEqual(d.high);
        expect(d.high).toBeLessThanOrEqual(100);
      }
      expect(result.r2Low).toBeLessThanOrEqual(result.r2High);
    }
  });

  it('handles a constant predictor (it explains nothing) and an outcome without variance', () => {
    const table = [[0, 1, 3], [4, 2, 3], [5, 3, 3], [9, 4, 3], [10, 5, 3]];
    const { r2, phi } = shapleyR2(covariance(rowsOf(table)), 3);
    expect(r2).toBeGreaterThan(0.9);
    expect(phi[1]).toBe(0);
    expect(keyDrivers(rowsOf(table.map((r) => [7, r[1]!, r[2]!])), { resamples: 10 }).shares).toEqual([]);
  });

  it('is deterministic: the same rows and seed give the same intervals, byte for byte', () => {
    const random = mulberry32(3);
    const table = Array.from({ length: 150 }, () => [Math.floor(random() * 11), ...[0, 1, 2, 3, 4].map(() => 1 + Math.floor(random() * 5))]);
    const a = keyDrivers(rowsOf(table), { resamples: 400, seed: 99 });
    const b = keyDrivers(rowsOf(table), { resamples: 400, seed: 99 });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(a.resamples).toBe(400);
    expect(JSON.stringify(keyDrivers(rowsOf(table), { resamples: 400, seed: 100 }))).not.toBe(JSON.stringify(a));
  });

  it('takes type-7 percentiles', () => {
    expect(percentile([1, 2, 3, 4, 5], 0.5)).toBe(3);
    expect(percentile([1, 2, 3, 4, 5], 0.025)).toBeCloseTo(1.1, 12);
    expect(percentile([10], 0.975)).toBe(10);
  });
});

const row = (over: Partial<SurveyRow>): SurveyRow => ({
  respondent_id: 'r',
  customer_id: undefined,
  wave: '2026-Q3',
  segment: 'a',
  country: 'FI',
  nps: undefined,
  csat: undefined,
  trust_reliability: undefined,
  trust_transparency: undefined,
  trust_competence: undefined,
  trust_empathy: undefined,
  trust_consistency: undefined,
  data_concern: undefined,
  transparency_importance: undefined,
  problem_trust: undefined,
  peer_influence: undefined,
  ...over,
});

function surveyWith(sizes: Record<string, number>, options: { repeatAnswers?: 'first' | 'all' } = {}) {
  const segments = Object.keys(sizes);
  const survey = createSurveyAggregate(['2026-Q2', '2026-Q3'], segments, undefined, options);
  const random = mulberry32(5);
  const answer = () => 1 + Math.floor(random() * 5);
  for (const segment of segments) {
    for (let i = 0; i < sizes[segment]!; i++) {
      const r = answer();
      survey.add(row({ segment, nps: Math.min(10, 2 * r + Math.floor(random() * 2)), trust_reliability: r, trust_transparency: answer(), trust_competence: answer(), trust_empathy: answer(), trust_consistency: answer() }));
    }
  }
  return survey;
}

describe('key-driver groups of the survey', () => {
  it('counts only the latest wave, complete answers and rows the repeat-answer rule keeps', () => {
    const survey = surveyWith({ a: 120 }, { repeatAnswers: 'first' });
    const complete = { nps: 7, trust_reliability: 3, trust_transparency: 3, trust_competence: 3, trust_empathy: 3, trust_consistency: 3 };
    survey.add(row({ ...complete, wave: '2026-Q2' })); // an earlier wave
    survey.add(row({ ...complete, nps: undefined })); // no 0-10 answer
    survey.add(row({ ...complete, trust_empathy: undefined })); // a dimension left out
    expect(survey.add(row({ ...complete, customer_id: 'c1' }))).toBe(true);
    expect(survey.add(row({ ...complete, customer_id: 'c1' }))).toBe(false); // a repeat answer
    const [whole, a] = survey.drivers(30);
    expect(whole).toMatchObject({ segment: null, n: 121, suppressed: null });
    expect(a).toMatchObject({ segment: 'a', n: 121, suppressed: null });
    expect(whole!.dimensions.map((d) => d.metric)).toEqual(['trust_reliability', 'trust_transparency', 'trust_competence', 'trust_empathy', 'trust_consistency']);
    expect(whole!.dimensions[0]!.share).toBeGreaterThan(50); // the 0-10 answer was drawn from reliability
  });

  it(`publishes a segment only from ${DRIVERS_MINIMUM_N} respondents and keeps no n of a suppressed one`, () => {
    const groups = surveyWith({ a: 150, b: 130, c: 60, d: 0 }).drivers(30);
    expect(groups.map((g) => [g.segment, g.suppressed])).toEqual([[null, null], ['a', null], ['b', null], ['c', 'small_cell'], ['d', 'no_data']]);
    expect(groups[0]!.n).toBe(340);
    expect(groups[3]).toEqual({ segment: 'c', n: null, suppressed: 'small_cell', r2: null, dimensions: [] });
    // With a larger minimum cell size, that is the threshold (and a, the only other segment, is
    // hidden too: the whole company minus a would give b's 130 away).
    expect(surveyWith({ a: 150, b: 130 }).drivers(140).map((g) => g.suppressed)).toEqual([null, 'complementary', 'small_cell']);
  });

  it('hides a segment the survey metrics hide, with their reason', () => {
    const groups = surveyWith({ a: 150, b: 130, c: 120 }).drivers(30, (s) => (s === 'b' ? 'small_cell' : s === 'c' ? 'complementary' : null));
    expect(groups.map((g) => [g.segment, g.n, g.suppressed])).toEqual([[null, 400, null], ['a', 150, null], ['b', null, 'small_cell'], ['c', null, 'complementary']]);
  });

  it('hides one more segment when the total minus the published segments would be a group smaller than the minimum', () => {
    // c (20) is hidden; published whole (270) minus a (150) and b (100) would give it away.
    const groups = surveyWith({ a: 150, b: 100, c: 20 }).drivers(30);
    expect(groups.map((g) => [g.segment, g.suppressed])).toEqual([[null, null], ['a', null], ['b', 'complementary'], ['c', 'small_cell']]);
    // A hidden group of the minimum size or more needs no partner.
    expect(surveyWith({ a: 150, b: 100, c: 40 }).drivers(30).map((g) => g.suppressed)).toEqual([null, null, null, 'small_cell']);
  });
});

describe('the demo company', () => {
  let report: Report;
  beforeAll(async () => {
    report = (await runDataBuild({ dataDir: DATA_DIR, today: '2026-11-23' })).report!;
  }, 120_000);
  const share = (segment: string | null, metric: string) => {
    const group = report.drivers!.groups.find((g) => g.segment === segment)!;
    return group.dimensions.find((d) => d.metric === `trust_${metric}`)!;
  };

  it('has a valid key-driver model: latest wave, 400 resamples, the whole company first', () => {
    const drivers = reportSchema.shape.drivers.parse(report.drivers)!;
    expect(drivers).toMatchObject({ outcome: 'recommend_0_10', method: 'shapley_r2', wave: '2026-Q3', resamples: 400 });
    expect(drivers.groups.map((g) => g.segment)).toEqual([null, ...report.company.segments.map((s) => s.id)]);
    for (const g of drivers.groups.filter((g) => g.suppressed === null)) {
      expect(g.dimensions.reduce((s, d) => s + d.share, 0)).toBeCloseTo(100, 9);
      expect(g.n).toBeGreaterThanOrEqual(DRIVERS_MINIMUM_N);
    }
  });

  it('tells the story: reliability and transparency drive recommendation, competence and empathy little', () => {
    const whole = report.drivers!.groups[0]!;
    const ranked = [...whole.dimensions].sort((a, b) => b.share - a.share).map((d) => d.metric);
    expect(ranked.slice(0, 2).sort()).toEqual(['trust_reliability', 'trust_transparency']);
    expect(ranked[2]).toBe('trust_consistency');
    for (const strong of ['reliability', 'transparency']) {
      for (const weak of ['competence', 'empathy']) expect(share(null, strong).low, `${strong} over ${weak}`).toBeGreaterThan(share(null, weak).high);
    }
  });

  it('shows small businesses differ: competence matters most to them', () => {
    const sb = report.drivers!.groups.find((g) => g.segment === 'small-business')!;
    expect(sb.suppressed).toBeNull();
    expect([...sb.dimensions].sort((a, b) => b.share - a.share)[0]!.metric).toBe('trust_competence');
    expect(share('small-business', 'competence').low).toBeGreaterThan(share(null, 'competence').high);
    expect(share('small-business', 'competence').low).toBeGreaterThan(share('small-business', 'reliability').high);
  });

  it('suppresses the enterprise segment (too few for a regression) and leaves it out of the download', () => {
    const enterprise = report.drivers!.groups.find((g) => g.segment === 'enterprise')!;
    expect(enterprise).toEqual({ segment: 'enterprise', n: null, suppressed: 'small_cell', r2: null, dimensions: [] });
    const dataset = driversDataset(report);
    expect(dataset.columns).toEqual(['segment', 'n', 'r2', 'metric', 'share', 'low', 'high']);
    expect(dataset.rows).toHaveLength(5 * report.drivers!.groups.filter((g) => g.suppressed === null).length);
    expect(dataset.rows.some((r) => r[0] === 'enterprise')).toBe(false);
  });
});
