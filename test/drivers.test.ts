/** Key drivers of the likelihood to recommend and of staying: the Shapley decomposition of R^2, its bootstrap, the survey groups and the demo story. */
import { beforeAll, describe, expect, it } from 'vitest';
import { covariance, keyDrivers, mulberry32, percentile, shapleyR2, subsetR2, type DriverRows } from '../src/stats/drivers.ts';
import { createSurveyAggregate, DRIVERS_MINIMUM_N, retentionWaves, STAYED_QUARTERS } from '../src/metrics/survey.ts';
import { createOrdersAggregate, quartersObserved } from '../src/metrics/orders.ts';
import { runDataBuild } from '../src/pipeline/run.ts';
import { driversDataset } from '../src/downloads/datasets.ts';
import { reportSchema, type Report } from '../src/schemas/report.ts';
import { DATA_DIR } from './helpers/data-dir.ts';
import { surveyRow } from './helpers/survey-row.ts';

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

const row = surveyRow;

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
    expect(dataset.columns).toEqual(['outcome', 'segment', 'n', 'r2', 'metric', 'share', 'low', 'high']);
    const recommend = dataset.rows.filter((r) => r[0] === 'recommend_0_10');
    expect(recommend).toHaveLength(5 * report.drivers!.groups.filter((g) => g.suppressed === null).length);
    expect(recommend.some((r) => r[1] === 'enterprise')).toBe(false);
  });

  it('has a key-driver model of staying: the six waves whose next two quarters are observed, linked respondents only', () => {
    const retention = reportSchema.shape.drivers.parse(report.drivers)!.retention!;
    expect(retention).toMatchObject({ outcome: 'ordered_next_2_quarters', resamples: 400 });
    expect(retention.waves).toEqual(['2024-Q4', '2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4', '2026-Q1']);
    expect(retention.groups.map((g) => g.segment)).toEqual([null, ...report.company.segments.map((s) => s.id)]);
    const whole = retention.groups[0]!;
    expect(whole.suppressed).toBeNull();
    // Fewer than all respondents of those waves: only linked ones with five answers count.
    expect(whole.n).toBeGreaterThan(5000);
    expect(whole.n).toBeLessThan(6 * 2600);
    // A 0/1 outcome: R^2 is small.
    expect(whole.r2).toBeLessThan(0.05);
    for (const g of retention.groups.filter((g) => g.suppressed === null)) {
      expect(g.n).toBeGreaterThanOrEqual(DRIVERS_MINIMUM_N);
      expect(g.dimensions.reduce((s, d) => s + d.share, 0)).toBeCloseTo(100, 9);
      for (const d of g.dimensions) expect(d.low).toBeLessThanOrEqual(d.high);
    }
    // Published segments' n add up to the whole company's (no segment of a pooled wave is lost).
    if (retention.groups.every((g) => g.suppressed === null)) expect(retention.groups.slice(1).reduce((s, g) => s + g.n!, 0)).toBe(whole.n);
    const dataset = driversDataset(report);
    const staying = dataset.rows.filter((r) => r[0] === 'ordered_next_2_quarters');
    expect(staying).toHaveLength(5 * retention.groups.filter((g) => g.suppressed === null).length);
    expect(staying.filter((r) => r[1] === null).map((r) => r[2])).toEqual(Array(5).fill(whole.n));
  });
});

describe('key drivers of staying', () => {
  const order = (id: string, customer: string, date: string) => ({
    order_id: id, customer_id: customer, order_date: date, segment: 'a', country: 'FI', acquisition_channel: 'search' as const,
    quoted_amount: 10, charged_amount: 10, promised_date: date, delivered_date: date,
  });
  const WAVES = ['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4'];

  it('takes the waves whose next two quarters end inside the reporting period', () => {
    expect(STAYED_QUARTERS).toBe(2);
    expect(retentionWaves(WAVES, '2025-12-31')).toEqual(['2025-Q1', '2025-Q2']);
    // A period ending inside a quarter has not seen all of it.
    expect(retentionWaves(WAVES, '2025-12-30')).toEqual(['2025-Q1']);
    expect(retentionWaves(WAVES, '2025-09-30')).toEqual(['2025-Q1']);
    expect(retentionWaves(['2025-Q4'], '2025-12-31')).toEqual([]);
    expect(quartersObserved('2025-Q4', 2, '2026-06-30')).toBe(true);
    expect(quartersObserved('2025-Q4', 2, '2026-06-29')).toBe(false);
  });

  it('counts a customer\'s orders in the quarters after a wave, and nothing for an unknown customer or an unobserved quarter', () => {
    const orders = createOrdersAggregate(WAVES, ['a'], '2025-12-31');
    orders.add(order('1', 'c1', '2025-02-10')); // in the wave itself
    orders.add(order('2', 'c1', '2025-04-01')); // the quarter after
    orders.add(order('3', 'c1', '2025-09-30')); // two quarters after
    orders.add(order('4', 'c1', '2025-09-30'));
    orders.add(order('5', 'c1', '2025-10-01')); // three quarters after
    orders.add(order('6', 'c2', '2024-06-01')); // history only
    expect(orders.ordersAfter('c1', '2025-Q1', 2)).toBe(3);
    expect(orders.ordersAfter('c1', '2025-Q1', 1)).toBe(1);
    expect(orders.ordersAfter('c1', '2025-Q2', 2)).toBe(3);
    expect(orders.ordersAfter('c2', '2025-Q1', 2)).toBe(0);
    expect(orders.ordersAfter('c2', '2024-Q2', 2)).toBe(0);
    expect(orders.ordersAfter('nobody', '2025-Q1', 2)).toBeNull();
    expect(orders.ordersAfter('c1', '2025-Q3', 2)).toBeNull(); // 2026-Q1 is after the period
  });

  /**
   * A tiny company, repeated `copies` times: who stayed is known by hand, and each respondent's
   * reliability answer is 5 exactly when they should count as having stayed, 1 when not; so the
   * regression explains everything (R^2 = 1) only if every counted respondent got the right outcome.
   */
  function tinyCompany(copies: number, inA = (k: number) => k % 2 === 0) {
    const orders = createOrdersAggregate(WAVES, ['a', 'b'], '2025-12-31');
    const survey = createSurveyAggregate(WAVES, ['a', 'b'], undefined, { repeatAnswers: 'first' });
    const random = mulberry32(11);
    const answer = () => 1 + Math.floor(random() * 5);
    let id = 0;
    const answers = (reliability: number) => ({ trust_reliability: reliability, trust_transparency: answer(), trust_competence: answer(), trust_empathy: answer(), trust_consistency: answer() });
    for (let k = 0; k < copies; k++) {
      const c = (name: string) => `${name}-${k}`;
      const buy = (customer: string, date: string) => orders.add(order(String(id++), customer, date));
      buy(c('next'), '2025-05-05'); // answers 2025-Q1, orders the next quarter: stayed
      buy(c('later'), '2025-08-20'); // answers 2025-Q1, orders two quarters later: stayed
      buy(c('same'), '2025-01-15'); // answers 2025-Q1, orders only that quarter and three later: not
      buy(c('same'), '2025-10-15');
      buy(c('q2'), '2025-04-02'); // answers 2025-Q2, orders then and in 2025-Q4: stayed
      buy(c('q2'), '2025-12-31');
      buy(c('before'), '2025-01-20'); // answers 2025-Q2, ordered only before: not
      const segment = inA(k) ? 'a' : 'b';
      survey.add(row({ wave: '2025-Q1', segment, customer_id: c('next'), ...answers(5) }));
      survey.add(row({ wave: '2025-Q1', segment, customer_id: c('next'), ...answers(1) })); // a repeat answer: skipped
      survey.add(row({ wave: '2025-Q1', segment, customer_id: c('later'), ...answers(5) }));
      survey.add(row({ wave: '2025-Q1', segment, customer_id: c('same'), ...answers(1) }));
      survey.add(row({ wave: '2025-Q2', segment, customer_id: c('q2'), ...answers(5) }));
      survey.add(row({ wave: '2025-Q2', segment, customer_id: c('before'), ...answers(1) }));
      survey.add(row({ wave: '2025-Q3', segment, customer_id: c('next'), ...answers(3) })); // outcome not yet observed
      survey.add(row({ wave: '2025-Q2', segment, customer_id: c('unknown'), ...answers(3) })); // orders.csv does not know them
      survey.add(row({ wave: '2025-Q2', segment, ...answers(3) })); // not linked
      survey.add(row({ wave: '2025-Q2', segment, customer_id: c('later'), ...answers(5), trust_empathy: undefined })); // a dimension left out
    }
    return { orders, survey };
  }

  it('counts as stayed exactly the linked customers who ordered in the two quarters after their wave', () => {
    const { orders, survey } = tinyCompany(40);
    const asked: string[] = [];
    const result = survey.retentionDrivers(30, retentionWaves(WAVES, '2025-12-31'), (id, wave) => {
      const n = orders.ordersAfter(id, wave, STAYED_QUARTERS);
      if (id.endsWith('-0')) asked.push(`${id} ${wave} ${n}`);
      return n;
    });
    // Only the pooled waves are asked about (not 2025-Q3), and only complete, kept, linked answers.
    expect(asked.sort()).toEqual(['before-0 2025-Q2 0', 'later-0 2025-Q1 1', 'next-0 2025-Q1 1', 'q2-0 2025-Q2 1', 'same-0 2025-Q1 0', 'unknown-0 2025-Q2 null']);
    expect(result.waves).toEqual(['2025-Q1', '2025-Q2']);
    const [whole, a, b] = result.groups;
    expect(whole).toMatchObject({ segment: null, n: 5 * 40, suppressed: null });
    expect(whole!.r2).toBeCloseTo(1, 9);
    expect(whole!.dimensions[0]!.metric).toBe('trust_reliability');
    expect(whole!.dimensions[0]!.share).toBeGreaterThan(90);
    expect(a).toMatchObject({ segment: 'a', n: 100, suppressed: null });
    expect(b).toMatchObject({ segment: 'b', n: 100, suppressed: null });
    expect(b!.r2).toBeCloseTo(1, 9);
  });

  it('is suppressed like the recommendation model: fewer than 100, hidden segments, their complements', () => {
    const { orders, survey } = tinyCompany(40);
    const pooled = retentionWaves(WAVES, '2025-12-31');
    const after = (id: string, wave: string) => orders.ordersAfter(id, wave, STAYED_QUARTERS);
    // A minimum cell size above 100 is the threshold.
    expect(survey.retentionDrivers(150, pooled, after).groups.map((g) => g.suppressed)).toEqual([null, 'small_cell', 'small_cell']);
    // A published segment that would give a small hidden one away is hidden too.
    const uneven = tinyCompany(40, (k) => k < 30); // a: 150 answers, b: 50
    const unevenAfter = (id: string, wave: string) => uneven.orders.ordersAfter(id, wave, STAYED_QUARTERS);
    expect(uneven.survey.retentionDrivers(30, pooled, unevenAfter).groups.map((g) => [g.n, g.suppressed])).toEqual([[200, null], [150, null], [null, 'small_cell']]);
    expect(uneven.survey.retentionDrivers(60, pooled, unevenAfter).groups.map((g) => [g.n, g.suppressed])).toEqual([[200, null], [null, 'complementary'], [null, 'small_cell']]);
    // A segment hidden in the survey metrics is hidden here; the other one then gives it away.
    expect(survey.retentionDrivers(30, pooled, after, (s) => (s === 'a' ? 'small_cell' : null)).groups.map((g) => [g.segment, g.n, g.suppressed])).toEqual([
      [null, 200, null],
      ['a', null, 'small_cell'],
      ['b', 100, null],
    ]);
    // Only one pooled wave: 3 linked answers per copy, 120 in all, 60 per segment.
    expect(survey.retentionDrivers(30, ['2025-Q1'], after).groups.map((g) => [g.n, g.suppressed])).toEqual([[120, null], [null, 'small_cell'], [null, 'small_cell']]);
    // Too few for the whole company.
    const small = tinyCompany(10);
    const groups = small.survey.retentionDrivers(30, pooled, (id, wave) => small.orders.ordersAfter(id, wave, STAYED_QUARTERS)).groups;
    expect(groups.map((g) => g.suppressed)).toEqual(['small_cell', 'small_cell', 'small_cell']);
    expect(groups[0]).toEqual({ segment: null, n: null, suppressed: 'small_cell', r2: null, dimensions: [] });
    // No pooled wave, no rows.
    const none = survey.retentionDrivers(30, [], after);
    expect(none.waves).toEqual([]);
    expect(none.groups.map((g) => g.suppressed)).toEqual(['no_data', 'no_data', 'no_data']);
  });

  it('is deterministic, and independent of the order the analyses run in', () => {
    const run = () => {
      const { orders, survey } = tinyCompany(40);
      const ask = () => survey.retentionDrivers(30, retentionWaves(WAVES, '2025-12-31'), (id, wave) => orders.ordersAfter(id, wave, STAYED_QUARTERS));
      return { first: ask(), second: ask() };
    };
    const one = run();
    const two = run();
    expect(JSON.stringify(one.first)).toBe(JSON.stringify(two.first));
    expect(JSON.stringify(one.first)).toBe(JSON.stringify(one.second));
    // The intervals are those of the seeded bootstrap, to the last digit.
    expect(one.first.groups[0]!.dimensions.every((d) => Number.isFinite(d.low) && Number.isFinite(d.high))).toBe(true);
  });
});
