import { describe, expect, it } from 'vitest';
import { createSurveyAggregate } from '../../src/metrics/survey.ts';
import { surveyRow } from '../helpers/survey-row.ts';

const row = surveyRow;
const trust = (r: number, t: number, c: number | undefined, e: number | undefined, k: number | undefined) => ({
  trust_reliability: r,
  trust_transparency: t,
  trust_competence: c,
  trust_empathy: e,
  trust_consistency: k,
});

function demo(minimum: number) {
  const survey = createSurveyAggregate(['2026-Q2', '2026-Q3'], ['a', 'b'], (id) => (id === 'loyal' ? 'very_loyal' : id === 'new' ? 'occasional' : null));
  survey.add(row({ nps: 10, csat: 5, ...trust(5, 5, 5, 5, 5), data_concern: 4, problem_trust: 5, customer_id: 'loyal' }));
  survey.add(row({ nps: 8, csat: 4, ...trust(4, 4, 4, 4, 4), data_concern: 2, problem_trust: 4, customer_id: 'loyal' }));
  survey.add(row({ nps: 3, csat: 2, ...trust(2, 2, 2, undefined, undefined), data_concern: 5, problem_trust: 2, customer_id: 'new' }));
  survey.add(row({ segment: 'b', nps: 9, csat: 3, ...trust(3, 1, undefined, undefined, undefined) }));
  survey.add(row({ wave: '2026-Q2', nps: 0 }));
  return survey.results(minimum);
}

describe('survey metrics', () => {
  const results = demo(2);

  it('computes NPS from promoters and detractors', () => {
    // 2026-Q3: promoters 10, 9; passive 8; detractor 3 -> (2 - 1) / 4 = +25
    expect(results.nps!.latest).toMatchObject({ wave: '2026-Q3', segment: null, value: 25, n: 4 });
    // segment a: 10 (P), 8 (pass), 3 (D) -> 0
    expect(results.nps!.bySegment[0]).toMatchObject({ segment: 'a', value: 0, n: 3 });
    // 2026-Q2: one detractor -> -100, but n = 1 < 2: suppressed
    expect(results.nps!.byWave[0]).toMatchObject({ wave: '2026-Q2', value: null, n: null, suppressed: 'small_cell' });
  });

  it('computes CSAT and other shares as the share answering 4 or 5', () => {
    expect(results.csat!.latest.value).toBeCloseTo(50, 10); // 5, 4 of 5, 4, 2, 3
    expect(results.data_concern!.latest).toMatchObject({ n: 3 });
    expect(results.data_concern!.latest.value).toBeCloseTo(200 / 3, 10); // 4, 5 of 4, 2, 5
  });

  it('computes the trust index from respondents with at least three dimensions, on 0-100', () => {
    // respondent means 5, 4, 2 -> 100, 75, 25; the fourth answered only two dimensions
    const index = results.trust_index!.latest;
    expect(index.n).toBe(3);
    expect(index.value).toBeCloseTo(200 / 3, 10);
    // sd of (100, 75, 25) = 38.188; se = 22.048; t(0.975, 2) = 4.3027
    expect(index.low).toBeCloseTo(200 / 3 - 4.302653 * 22.04793, 3);
  });

  it('computes each dimension over those who answered it', () => {
    // transparency answers 5, 4, 2, 1 -> 100, 75, 25, 0 -> mean 50
    expect(results.trust_transparency!.latest).toMatchObject({ n: 4, value: 50 });
    // empathy answered by two respondents in segment a only
    expect(results.trust_empathy!.bySegment).toMatchObject([
      { segment: 'a', n: 2, value: 87.5 },
      { segment: 'b', suppressed: 'no_data', value: null },
    ]);
  });

  it('suppresses a segment below the minimum: no value, no n', () => {
    expect(results.csat!.bySegment[1]).toEqual({ wave: '2026-Q3', segment: 'b', tier: null, value: null, low: null, high: null, se: null, n: null, nEffective: null, suppressed: 'small_cell' });
  });

  it('splits trust in problem handling by loyalty tier', () => {
    expect(results.problem_trust!.byTier).toMatchObject([
      { tier: 'occasional', suppressed: 'small_cell' },
      { tier: 'regular', suppressed: 'no_data' },
      { tier: 'very_loyal', value: 100, n: 2 },
    ]);
  });
});
