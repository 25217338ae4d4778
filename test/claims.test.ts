/**
 * Claims that hold: every rule behind "larger than the uncertainty", "improved", "declined",
 * "better than the rest" and "hidden", with values worked out by hand.
 */
import { describe, expect, it } from 'vitest';
import { benchmarkUncertainty } from '../src/stats/benchmark-uncertainty.ts';
import { holm, rSquaredP, shareDifference, welchDifference, normalCdf } from '../src/stats/tests.ts';
import { kaplanMeierMedian } from '../src/stats/survival.ts';
import { cronbachAlpha } from '../src/stats/reliability.ts';
import { compare, judgeGaps } from '../src/report/compare.ts';
import { adjustFamily, censusDifference, change, verdictOfChange, verdictOfDifference } from '../src/report/changes.ts';
import { protectResults } from '../src/metrics/disclosure.ts';
import { createSurveyAggregate } from '../src/metrics/survey.ts';
import { metricDefinition } from '../src/metrics/catalogue.ts';
import { cellKey, fromCensus, fromInterval, type Estimate } from '../src/metrics/estimate.ts';
import { cutResult } from '../src/metrics/results.ts';
import { wilson } from '../src/stats/intervals.ts';
import type { ReportStatistic } from '../src/schemas/report.ts';
import type { SurveyRow } from '../src/schemas/company-data.ts';
import { surveyRow } from './helpers/survey-row.ts';

const share = { qualifier: null, measure: 'level' as const, unit: 'percent' as const, scale: { min: 0, max: 100 } };
const npsScale = { qualifier: null, measure: 'level' as const, unit: 'points' as const, scale: { min: -100, max: 100 } };

describe('the uncertainty of a public figure: one rule', () => {
  it('takes a published margin of error as 1.96 standard errors', () => {
    const u = benchmarkUncertainty({ ...share, value: 79, n: 4272 }, { n: 4272, marginOfError: 1.9, sample: 'probability', designEffect: null });
    expect(u.basis).toBe('published_margin');
    expect(u.margin).toBe(1.9);
    expect(u.se).toBeCloseTo(0.96941, 5); // 1.9 / 1.959964
  });

  it('gives an opt-in sample no margin at all, whatever its n', () => {
    expect(benchmarkUncertainty({ ...share, value: 86, n: 1000 }, { n: 1000, marginOfError: null, sample: 'opt_in', designEffect: null })).toEqual({ basis: 'opt_in', se: null, margin: null, nEffective: null });
    // Even a margin printed for an opt-in panel is not used.
    expect(benchmarkUncertainty({ ...share, value: 86, n: 1000 }, { n: 1000, marginOfError: 3.1, sample: 'opt_in', designEffect: null }).se).toBeNull();
  });

  it('uses n over the design effect for a probability sample: Wilson SE at the effective n', () => {
    // n_eff = 1000 / 2 = 500; Wilson for 250 of 500 is 45.64 % to 54.36 %: SE = 8.732 / 3.92 = 2.2275.
    const u = benchmarkUncertainty({ ...share, value: 50, n: 1000 }, { n: 1000, marginOfError: null, sample: 'probability', designEffect: 2 });
    expect(u).toMatchObject({ basis: 'design_effect', nEffective: 500 });
    expect(u.se).toBeCloseTo(2.22753, 4);
    // An NPS of +20 with no passives (the largest variance it allows): adjusted Wald at n = 1000,
    // p' = 600.75 / 1003, d' = 400.75 / 1003: SE = 3.0917 points.
    expect(benchmarkUncertainty({ ...npsScale, value: 20, n: 1000 }, { n: 1000, marginOfError: null, sample: 'probability', designEffect: 1 }).se).toBeCloseTo(3.09172, 4);
  });

  it('says "unknown" without a margin or a declared design effect, and for ranges and qualifiers', () => {
    expect(benchmarkUncertainty({ ...share, value: 81, n: 5101 }, { n: 5101, marginOfError: null, sample: 'probability', designEffect: null }).basis).toBe('unknown');
    expect(benchmarkUncertainty({ ...npsScale, value: 30.1, n: null }, { n: null, marginOfError: null, sample: 'unknown', designEffect: null }).basis).toBe('unknown');
    expect(benchmarkUncertainty({ ...share, value: 99, qualifier: 'up_to', n: null }, { n: null, marginOfError: 2, sample: 'probability', designEffect: null }).basis).toBe('not_single_value');
    // A subgroup's figure (its own n, or none) inherits neither the whole sample's margin nor its n.
    expect(benchmarkUncertainty({ ...share, value: 60, n: 800 }, { n: 4272, marginOfError: 1.9, sample: 'probability', designEffect: null }).basis).toBe('unknown');
    expect(benchmarkUncertainty({ ...share, value: 60, n: null }, { n: 4272, marginOfError: 1.9, sample: 'probability', designEffect: null }).basis).toBe('unknown');
    expect(benchmarkUncertainty({ ...npsScale, value: 29, n: null }, { n: 10000, marginOfError: null, sample: 'probability', designEffect: 1.5 }).basis).toBe('unknown');
  });
});

const stat = (over: Partial<ReportStatistic>): ReportStatistic => ({
  id: 'x', sourceId: 's', metric: 'nps', measure: 'level', unit: 'points', scale: { min: -100, max: 100 }, value: 20, low: null, high: null,
  decimals: 1, qualifier: null, population: 'US consumers rating retailers', markets: ['US'], n: 1000, industry: 'retail',
  uncertainty: { basis: 'published_margin', se: 1.9 / 1.959963984540054, margin: 1.9, nEffective: null },
  wording: 'NPS', status: 'primary', caveat: null, note: null, datedFrom: '2024-06-01', ageYears: 2, stale: false, i18n: {}, origin: { file: 'f', line: 1 },
  ...over,
});
const company = (value: number, se: number): Estimate => ({ ...cellKey('2026-Q3', null), value, low: value - 1.96 * se, high: value + 1.96 * se, se, n: 500, nEffective: null, suppressed: null });

describe('benchmark or context', () => {
  const nps = metricDefinition('nps');
  const link = nps.benchmarks[0]!;
  const us = { markets: ['US'], industry: 'retail' };

  it('tests a gap to a figure that asks the same question of a comparable population', () => {
    // gap = 10 - 20 = -10; SE = sqrt(2^2 + 0.9694^2) = 2.2225; z = -4.4993; p = 6.82e-6.
    const [c] = judgeGaps([compare(nps, link, company(10, 2), stat({}), us)]);
    expect(c).toMatchObject({ comparable: true, gap: -10, verdict: 'larger_than_uncertainty', flags: [] });
    expect(c!.margin).toBeCloseTo(1.959964 * 2.22253, 3);
    expect(c!.p).toBeCloseTo(6.8169e-6, 8);
  });

  it('makes a figure from another country or industry context: no gap, no verdict', () => {
    const other = compare(nps, link, company(10, 2), stat({ id: 'grocers', industry: 'grocery' }), us);
    expect(other).toMatchObject({ comparable: false, gap: null, verdict: null, flags: ['industry'] });
    const fi = compare(nps, link, company(10, 2), stat({}), { markets: ['FI', 'TH', 'VN'], industry: 'retail' });
    expect(fi).toMatchObject({ comparable: false, gap: null, verdict: null, flags: ['country'] });
    const noIndustry = compare(nps, link, company(10, 2), stat({}), { markets: ['US'], industry: null });
    expect(noIndustry.flags).toEqual(['industry']);
  });

  it('sets a figure about some of the company\'s markets beside the customers in those markets', () => {
    // The company is in the US and GB; the public figure covers the US only. US customers: 6 (SE 3).
    const us = { ...company(6, 3), n: 120 };
    const c = compare(nps, link, company(10, 2), stat({}), { markets: ['US', 'GB'], industry: 'retail' }, (markets) => (markets.join() === 'US' ? us : null));
    expect(c).toMatchObject({ comparable: true, gap: -14, flags: ['partial_markets'], company: { value: 6, n: 120, markets: ['US'] } });
    // Without a figure for those markets it cannot be a benchmark: the populations differ.
    const without = compare(nps, link, company(10, 2), stat({}), { markets: ['US', 'GB'], industry: 'retail' });
    expect(without).toMatchObject({ comparable: false, gap: null, verdict: null, flags: ['partial_markets', 'country'] });
  });

  it('never lets a differently worded question be more than context', () => {
    const concern = metricDefinition('data_concern');
    const c = compare(concern, concern.benchmarks[0]!, company(57, 1), stat({ metric: 'data_concern', unit: 'percent', scale: { min: 0, max: 100 }, value: 79, industry: null }), us);
    expect(c).toMatchObject({ comparable: false, gap: null, verdict: null });
    expect(c.flags).toEqual(['referent', 'answer_scale']);
  });

  it('says "cannot be judged" when the public uncertainty is unknown or the sample is opt-in', () => {
    const unknown = compare(nps, link, company(10, 2), stat({ uncertainty: { basis: 'unknown', se: null, margin: null, nEffective: null } }), us);
    expect(unknown).toMatchObject({ comparable: true, gap: -10, margin: null, p: null, verdict: 'cannot_judge', flags: ['benchmark_uncertainty_unknown'] });
    const optIn = compare(nps, link, company(10, 2), stat({ uncertainty: { basis: 'opt_in', se: null, margin: null, nEffective: null } }), us);
    expect(optIn).toMatchObject({ verdict: 'cannot_judge', flags: ['opt_in_sample'] });
    // judgeGaps leaves them alone.
    expect(judgeGaps([unknown])[0]!.verdict).toBe('cannot_judge');
  });

  it('adjusts the report\'s gaps together: a gap at p = 0.03 alone holds, beside two others it does not', () => {
    const at = (p: number) => ({ statisticId: String(p), comparable: true, gap: 1, margin: 1, p, pAdjusted: null, verdict: null, flags: [], company: { value: 1, low: 0, high: 2, n: 100, markets: null } });
    // Holm: 0.01 x 3 = 0.03; 0.03 x 2 = 0.06; 0.04 x 1 = 0.04 -> kept non-decreasing: 0.06.
    const judged = judgeGaps([at(0.03), at(0.01), at(0.04)]);
    expect(judged.map((c) => c.pAdjusted)).toEqual([0.06, 0.03, 0.06]);
    expect(judged.map((c) => c.verdict)).toEqual(['within_uncertainty', 'larger_than_uncertainty', 'within_uncertainty']);
    expect(holm([])).toEqual([]);
  });
});

describe('tests of a difference', () => {
  it('two shares: pooled z test and Newcombe\'s interval, 60 of 100 against 50 of 100', () => {
    // pooled 0.55; SE = sqrt(0.55 x 0.45 x 0.02) = 0.070356; z = 1.4213; p = 0.1552.
    const a = { ...wilson(60, 100), n: 100 };
    const b = { ...wilson(50, 100), n: 100 };
    const d = shareDifference(a, b);
    expect(d.difference).toBeCloseTo(10, 10);
    expect(d.p).toBeCloseTo(0.15522, 4);
    expect(d.low).toBeCloseTo(-3.7302, 3);
    expect(d.high).toBeCloseTo(23.2123, 3);
  });

  it('two means: Welch, 10 (SE 1, n 50) against 7 (SE 1.5, n 30)', () => {
    // SE = sqrt(1 + 2.25) = 1.8028; df = 3.25^2 / (1/49 + 5.0625/29) = 54.17; t = 1.6641; p = 0.1019.
    const d = welchDifference({ value: 10, se: 1, n: 50 }, { value: 7, se: 1.5, n: 30 });
    expect(d.se).toBeCloseTo(1.80278, 5);
    expect(d.p).toBeCloseTo(0.1019, 3);
  });

  it('tests whether a regression explains more than chance (F test), against printed F tables', () => {
    // F(5, 20) at 5 %: 2.71, i.e. R^2 = 13.55 / 33.55 with n = 26; F(5, 100000) at 5 %: 2.2141.
    expect(rSquaredP(13.55 / 33.55, 26, 5)).toBeCloseTo(0.05, 3);
    expect(rSquaredP(11.0705 / 100011.0705, 100006, 5)).toBeCloseTo(0.05, 3);
    expect(rSquaredP(0, 100, 5)).toBe(1);
  });

  it('has a normal distribution function accurate to printed tables', () => {
    expect(normalCdf(1.959963984540054)).toBeCloseTo(0.975, 6);
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(-1)).toBeCloseTo(0.158655, 6);
  });
});

describe('changes', () => {
  const census = metricDefinition('complaint_resolution_rate');
  const materiality = { share: 2, hours: 2, orders: 0.1, metrics: {} };
  const at = (wave: string, value: number, n = 400) => fromCensus(cellKey(wave, null), n, 30, () => value);

  /** A single claim as its own family: Holm leaves p as it is, then the verdict. */
  const decided = <C extends ReturnType<typeof change>>(c: C) => {
    adjustFamily([c!]);
    c!.verdict = verdictOfChange(census, c!.difference, c!.holds);
    return c!;
  };

  it('calls a census change a decline only beyond chance variation and from the declared materiality', () => {
    // 91.9 % to 85.2 % of 400 complaints: binomial (Wilson-based) SEs about 1.38 and 1.78 points,
    // z about -2.98: beyond chance, and 6.7 points is over the 2-point threshold.
    const fell = decided(change(census, at('2024-Q4', 91.9), at('2026-Q3', 85.2), materiality));
    expect(fell).toMatchObject({ verdict: 'declined', threshold: 2, holds: true });
    expect(fell.p!).toBeLessThan(0.005);
    // One point on 400 complaints is chance.
    expect(decided(change(census, at('2024-Q4', 91.9), at('2026-Q3', 90.9), materiality))).toMatchObject({ verdict: 'no_clear_change', holds: false });
    // One point on 40,000 is beyond chance, but below a 2-point threshold it is still no change...
    expect(decided(change(census, at('2024-Q4', 91.9, 40_000), at('2026-Q3', 90.9, 40_000), materiality)).verdict).toBe('no_clear_change');
    // ...unless the company declares 1 point material for this metric.
    expect(decided(change(census, at('2024-Q4', 91.9, 40_000), at('2026-Q3', 90.9, 40_000), { ...materiality, metrics: { complaint_resolution_rate: 1 } })).verdict).toBe('declined');
  });

  it('tests a survey change, then adjusts the family before any verdict', () => {
    const csat = metricDefinition('csat');
    const w = (wave: string, agreed: number) => fromInterval(cellKey(wave, null), 100, 30, () => wilson(agreed, 100));
    const c = change(csat, w('2024-Q4', 50), w('2026-Q3', 60), materiality)!;
    expect(c.p).toBeCloseTo(0.15522, 4);
    expect(c.verdict).toBe('no_clear_change');
    adjustFamily([c]);
    expect([c.pAdjusted, c.holds]).toEqual([c.p, false]);
  });

  it('sets a census segment against the rest of the company', () => {
    // Total 80 % of 1,000; segment 60 % of 200: the rest is (800 - 120) / 800 = 85 %; -25 points.
    const d = censusDifference(census, { ...at('2026-Q3', 60, 200), segment: 'small' }, at('2026-Q3', 80, 1000), materiality)!;
    expect(d).toMatchObject({ versus: 'rest', verdict: 'no_clear_difference', holds: null });
    expect(d.difference).toBeCloseTo(-25, 10);
    adjustFamily([d]);
    expect(verdictOfDifference(census, d.difference, d.holds)).toBe('worse');
  });
});

describe('time to event', () => {
  it('is the ordinary median without censoring', () => {
    expect(kaplanMeierMedian([4, 1, 3, 2], [true, true, true, true])).toBe(2.5);
    expect(kaplanMeierMedian([5, 1, 3], [true, true, true])).toBe(3);
  });
  it('keeps a censored case in the risk set until it leaves', () => {
    // S(1) = 3/4; 2 is censored; S(3) = 3/4 x 1/2 = 3/8 <= 0.5 -> 3.
    expect(kaplanMeierMedian([1, 2, 3, 4], [true, false, true, true])).toBe(3);
    // Most cases still waiting: the median is not reached.
    expect(kaplanMeierMedian([1, 5, 6, 7], [true, false, false, false])).toBeNull();
  });
});

describe('internal consistency', () => {
  it('computes Cronbach\'s alpha from sums and cross-products', () => {
    // x1 = 1, 2, 3, 4; x2 = 2, 2, 4, 4: var 1.6667 and 1.3333, cov 1.3333; total 5.6667;
    // alpha = 2 x (1 - 3 / 5.6667) = 0.94118.
    const x1 = [1, 2, 3, 4];
    const x2 = [2, 2, 4, 4];
    const sums = [10, 12];
    const cross = [x1.reduce((s, v) => s + v * v, 0), x1.reduce((s, v, i) => s + v * x2[i]!, 0), x1.reduce((s, v, i) => s + v * x2[i]!, 0), x2.reduce((s, v) => s + v * v, 0)];
    const r = cronbachAlpha(4, sums, cross)!;
    expect(r.alpha).toBeCloseTo(0.941176, 5);
    expect(r.high).toBeLessThanOrEqual(1);
    expect(r.low).toBeLessThan(r.alpha);
  });
});

describe('weighting and repeated answers', () => {
  const row = (id: string, segment: string, csat: number, customer?: string): SurveyRow =>
    surveyRow({ respondent_id: id, segment, csat, customer_id: customer });

  it('post-stratifies to the declared mix, with Kish\'s effective n', () => {
    // a: 2 satisfied of 2; b: 0 of 2. Targets a 1 : b 3. Weights a 0.25 x 4 / 2 = 0.5, b 1.5.
    // Weighted CSAT = (0.5 x 2) / (0.5 x 2 + 1.5 x 2) = 25 %; unweighted 50 %.
    // n_eff = (1 + 3)^2 / (0.25 x 2 + 2.25 x 2) = 16 / 5 = 3.2.
    const survey = createSurveyAggregate(['2026-Q3'], ['a', 'b'], undefined, { weighting: { by: 'segment', targets: new Map([['a', 1], ['b', 3]]) } });
    for (const r of [row('1', 'a', 5), row('2', 'a', 4), row('3', 'b', 1), row('4', 'b', 2)]) survey.add(r);
    const csat = survey.results(1).csat!.latest;
    expect(csat.value).toBeCloseTo(25, 10);
    expect(csat.n).toBe(4);
    expect(csat.nEffective).toBeCloseTo(3.2, 10);
    expect(survey.designEffects()[0]).toBeCloseTo(4 / 3.2, 10);
    // Within one segment every weight is equal: the segment's figure is unchanged.
    expect(survey.results(1).csat!.bySegment[0]!.value).toBe(100);
  });

  it('keeps the first answer of a customer in a wave when told to', () => {
    const survey = createSurveyAggregate(['2026-Q3'], ['a'], undefined, { repeatAnswers: 'first' });
    expect(survey.add(row('1', 'a', 5, 'C1'))).toBe(true);
    expect(survey.add(row('2', 'a', 1, 'C1'))).toBe(false);
    expect(survey.add(row('3', 'a', 1))).toBe(true); // not linked to a customer: always kept
    expect([survey.respondents(), survey.skippedRepeats()]).toEqual([2, 1]);
    expect(survey.results(1).csat!.latest.value).toBe(50);
  });
});

describe('suppression that holds', () => {
  const segments = ['a', 'b', 'c'];
  const waves = ['W1'];
  const result = (sizes: Record<string, number>) =>
    cutResult(waves, segments, (w, s) => {
      const n = s === null ? Object.values(sizes).reduce((x, y) => x + y, 0) : sizes[segments[s]!]!;
      return fromInterval(cellKey(waves[w]!, s === null ? null : segments[s]!), n, 30, () => wilson(Math.floor(n / 2), n));
    });

  /** The attack: the total minus the published segments, when exactly one segment is missing. */
  const attack = (r: ReturnType<typeof result>) => {
    const missing = r.bySegmentWave.filter((e) => e.value === null);
    return r.latest.n !== null && missing.length === 1 ? r.latest.n - r.bySegmentWave.reduce((sum, e) => sum + (e.n ?? 0), 0) : null;
  };

  it('hides the next smallest segment beside a small one, so subtraction recovers nothing', () => {
    const r = result({ a: 20, b: 40, c: 90 });
    expect(attack(r)).toBe(20); // before: the small cell comes back exactly
    protectResults({ csat: r }, waves, segments, () => 'survey');
    expect(r.bySegmentWave.map((e) => e.suppressed)).toEqual(['small_cell', 'complementary', null]);
    expect(r.bySegment.map((e) => e.suppressed)).toEqual(['small_cell', 'complementary', null]);
    expect(r.bySegmentWave[1]).toMatchObject({ value: null, n: null, nEffective: null, low: null, high: null });
    expect(attack(r)).toBeNull();
    expect(r.latest.n).toBe(150);
  });

  it('hides a segment in every question once it is hidden in one', () => {
    const csat = result({ a: 31, b: 40, c: 90 });
    const concern = result({ a: 29, b: 40, c: 90 });
    protectResults({ csat, concern }, waves, segments, () => 'survey');
    expect(csat.bySegmentWave.map((e) => e.suppressed)).toEqual(['complementary', 'complementary', null]);
    expect(concern.bySegmentWave.map((e) => e.suppressed)).toEqual(['small_cell', 'complementary', null]);
  });

  it('leaves a table alone when two cells are hidden already', () => {
    const r = result({ a: 20, b: 25, c: 90 });
    protectResults({ csat: r }, waves, segments, () => 'survey');
    expect(r.bySegmentWave.map((e) => e.suppressed)).toEqual(['small_cell', 'small_cell', null]);
  });
});

describe('a company with a real benchmark', () => {
  it('gives verdicts only to same-measure figures of its own market and industry, adjusted together, and draws them', async () => {
    const { tempDataDir } = await import('./helpers/data-dir.ts');
    const { runDataBuild } = await import('../src/pipeline/run.ts');
    const { loadTranslationSystem } = await import('../src/i18n/node.ts');
    const { comparisonChart } = await import('../src/site/charts.ts');
    const { appendFile, readFile, writeFile } = await import('node:fs/promises');
    const { join } = await import('node:path');
    const data = await tempDataDir();
    try {
      // A Finnish probability survey of retail customers, n = 3,000, design effect 1.5 (n_eff 2,000).
      await appendFile(join(data.dir, 'benchmarks', 'sources.yaml'), [
        '',
        '  - id: fi-retail-panel-2026',
        '    publisher: Example Research',
        '    title: Finnish retail NPS panel',
        '    year: 2026',
        '    released: 2026-06-01',
        '    fieldwork: { start: 2026-04-01, end: 2026-04-30 }',
        '    population: Finnish retail customers',
        '    markets: [FI]',
        '    n: 3000',
        '    sample: probability',
        '    design_effect: 1.5',
        '    method: Probability-based online panel',
        '    status: primary',
        '',
      ].join('\n'));
      const stats = join(data.dir, 'benchmarks', 'statistics.csv');
      await writeFile(stats, (await readFile(stats, 'utf8')) +
        'fi-retail-nps-near,fi-retail-panel-2026,nps,level,points,-100..100,8,,,,,,,retail,"Net Promoter Score of retailers",primary,,\n' +
        'fi-retail-nps-far,fi-retail-panel-2026,nps,level,points,-100..100,20,,,,,,,retail,"Net Promoter Score of retailers",primary,,\n');
      const result = await runDataBuild({ dataDir: data.dir, contentDir: 'content', today: '2026-11-23' });
      expect(result.issues).toEqual([]);
      const report = result.report!;
      const nps = report.metrics.find((m) => m.id === 'nps')!;
      const byId = (id: string) => nps.comparisons.find((c) => c.statisticId === id)!;
      const company = nps.result!.latest;
      // near: gap = NPS - 8; far: gap = NPS - 20. Public SE from n_eff = 2,000, no passives.
      // The panel covers Finland only, so it is set beside the company's Finnish customers.
      const finland = createSurveyAggregate(report.waves, report.company.segments.map((s) => s.id));
      expect(finland).toBeDefined();
      for (const [id, value] of [['fi-retail-nps-near', 8], ['fi-retail-nps-far', 20]] as const) {
        const c = byId(id);
        expect(c.comparable, id).toBe(true);
        expect(c.flags).toEqual(['partial_markets']);
        expect(c.company.markets).toEqual(['FI']);
        expect(c.company.n!).toBeLessThan(company.n!);
        expect(c.company.n!).toBeGreaterThan(500);
        expect(c.gap).toBeCloseTo(c.company.value! - value, 10);
        // The public SE from n_eff = 2,000 with no passives; the company's from its own interval.
        const v = value / 100;
        const nAdj = 2000 + 3;
        const p = ((1 + v) / 2 * 2000 + 0.75) / nAdj;
        const d = ((1 - v) / 2 * 2000 + 0.75) / nAdj;
        const seBenchmark = 100 * Math.sqrt((p + d - (p - d) ** 2) / nAdj);
        expect(c.margin!).toBeGreaterThan(1.959963984540054 * seBenchmark);
      }
      // Two tests in the family: Holm doubles the smaller p and keeps the larger.
      const near = byId('fi-retail-nps-near');
      const far = byId('fi-retail-nps-far');
      expect(far.pAdjusted).toBeCloseTo(Math.min(1, 2 * far.p!), 12);
      expect(near.pAdjusted).toBeCloseTo(Math.max(near.p!, far.pAdjusted!), 12);
      expect(far.verdict).toBe('larger_than_uncertainty');
      expect(near.verdict).toBe('within_uncertainty');
      // The US figures stay context, whatever their industry.
      expect(byId('xmi-2023-nps-retail')).toMatchObject({ comparable: false, verdict: null, flags: ['country', 'benchmark_uncertainty_unknown'] });
      // Only the tested, bad gap becomes a reason.
      const gapReasons = report.recommendations.flatMap((r) => r.reasons).filter((r) => r.kind === 'gap');
      expect(new Set(gapReasons.map((r) => r.kind === 'gap' && r.statisticId))).toEqual(new Set(['fi-retail-nps-far']));
      const t = (await loadTranslationSystem()).translator('en');
      const chart = comparisonChart(report, nps, t)!;
      expect(chart.table.columns).toEqual(['Public figure', 'Company', 'Value', 'Gap', 'Verdict']);
      // Each row is named by its population and source, so two figures of one publisher tell apart.
      // The benchmarks first, with their verdicts; then the US figures as context, without one.
      expect(chart.table.rows.slice(0, 2).map((r) => [r[0], r[4]])).toEqual([
        ['Finnish retail customers · Example Research 2026', 'within the uncertainty'],
        ['Finnish retail customers · Example Research 2026', 'larger than the measurable uncertainty'],
      ]);
      const context = chart.table.rows.slice(2);
      expect(context).toHaveLength(8);
      for (const row of context) expect(row[4]).toMatch(/^Context, not a benchmark: .*No gap is computed\.$/);
    } finally {
      await data.remove();
    }
  }, 60_000);
});
