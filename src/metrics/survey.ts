/**
 * Survey metrics, from one row per respondent (survey.csv). Definitions:
 *
 * - Trust dimensions (reliability, transparency, competence, empathy, consistency): the mean
 *   answer to the dimension's 1-5 agreement item, rescaled to a 0-100 index as (mean - 1) / 4 * 100.
 *   95% t interval on the respondents' rescaled answers.
 * - Trust index: per respondent, the mean of the dimension items they answered (at least three of
 *   five), rescaled to 0-100; then the mean over respondents with a t interval.
 * - NPS: % promoters (9-10) minus % detractors (0-6) of those who answered the 0-10 item
 *   (Reichheld 2003); interval from the standard multinomial variance.
 * - CSAT: % answering 4 or 5 on the 1-5 satisfaction item; Wilson interval.
 * - Concern about data use, importance of transparency, trust in problem handling, influence of
 *   other customers' recommendations: % answering 4 or 5 on their 1-5 item; Wilson interval.
 * - Trust in problem handling by loyalty tier: the same share, with the respondent's tier taken
 *   from their orders (see orders.ts); respondents not linked to a customer have no tier.
 *
 * Rows are added one at a time into fixed counters per wave x segment cell: no respondent-level
 * data is kept, and respondent ids are never read.
 */
import { meanInterval, nps as npsInterval, wilson } from '../stats/intervals.ts';
import type { SurveyRow, TrustDimension } from '../schemas/company-data.ts';
import { TRUST_DIMENSIONS } from '../schemas/company-data.ts';
import { cellKey, fromInterval } from './estimate.ts';
import { cutResult, type MetricResult } from './results.ts';
import { LOYALTY_TIERS, type LoyaltyTier } from './orders.ts';

const SHARE_ITEMS = ['csat', 'data_concern', 'transparency_importance', 'problem_trust', 'peer_influence'] as const;
type ShareItem = (typeof SHARE_ITEMS)[number];

// Layout of one cell's counters.
const N = 0;
const PROMOTERS = 1;
const PASSIVES = 2;
const DETRACTORS = 3;
const SHARE_BASE = 4; // per share item: answered, agreed
const MEAN_BASE = SHARE_BASE + SHARE_ITEMS.length * 2; // per dimension and the index: n, sum, sum of squares
const MEANS = [...TRUST_DIMENSIONS, 'index'] as const;
const WIDTH = MEAN_BASE + MEANS.length * 3;

const toIndex = (answer: number) => ((answer - 1) / 4) * 100;

export interface SurveyAggregate {
  add(row: SurveyRow): void;
  respondents(): number;
  results(minimum: number): Record<string, MetricResult>;
  /** Countries respondents answered from, in first-seen order sorted. */
  countries(): string[];
}

export function createSurveyAggregate(
  waves: readonly string[],
  segments: readonly string[],
  tierOf: (customerId: string, wave: string) => LoyaltyTier | null = () => null,
): SurveyAggregate {
  const W = waves.length;
  const S = segments.length + 1; // the last column is "all segments"
  const ALL = S - 1;
  const cells = new Float64Array(W * S * WIDTH);
  const tiers = new Float64Array(W * LOYALTY_TIERS.length * 2);
  const waveIndex = new Map(waves.map((w, i) => [w, i]));
  const segmentIndex = new Map(segments.map((s, i) => [s, i]));
  const countries = new Set<string>();
  let total = 0;

  function addTo(base: number, row: SurveyRow, trustMean: number | undefined) {
    cells[base + N]! += 1;
    if (row.nps !== undefined) {
      if (row.nps >= 9) cells[base + PROMOTERS]! += 1;
      else if (row.nps >= 7) cells[base + PASSIVES]! += 1;
      else cells[base + DETRACTORS]! += 1;
    }
    SHARE_ITEMS.forEach((item, k) => {
      const answer = row[item];
      if (answer === undefined) return;
      cells[base + SHARE_BASE + 2 * k]! += 1;
      if (answer >= 4) cells[base + SHARE_BASE + 2 * k + 1]! += 1;
    });
    TRUST_DIMENSIONS.forEach((dimension, k) => {
      const answer = row[`trust_${dimension}`];
      if (answer !== undefined) addMean(base + MEAN_BASE + 3 * k, toIndex(answer));
    });
    if (trustMean !== undefined) addMean(base + MEAN_BASE + 3 * TRUST_DIMENSIONS.length, toIndex(trustMean));
  }

  function addMean(at: number, value: number) {
    cells[at]! += 1;
    cells[at + 1]! += value;
    cells[at + 2]! += value * value;
  }

  return {
    add(row) {
      const w = waveIndex.get(row.wave);
      const s = segmentIndex.get(row.segment);
      if (w === undefined || s === undefined) return; // validation reports these
      total++;
      countries.add(row.country);
      let answered = 0;
      let sum = 0;
      for (const dimension of TRUST_DIMENSIONS) {
        const answer = row[`trust_${dimension}`];
        if (answer !== undefined) {
          answered++;
          sum += answer;
        }
      }
      const trustMean = answered >= 3 ? sum / answered : undefined;
      addTo((w * S + s) * WIDTH, row, trustMean);
      addTo((w * S + ALL) * WIDTH, row, trustMean);
      if (row.customer_id !== undefined && row.problem_trust !== undefined) {
        const tier = tierOf(row.customer_id, row.wave);
        if (tier !== null) {
          const t = LOYALTY_TIERS.indexOf(tier);
          const at = (w * LOYALTY_TIERS.length + t) * 2;
          tiers[at]! += 1;
          if (row.problem_trust >= 4) tiers[at + 1]! += 1;
        }
      }
    },
    respondents: () => total,
    countries: () => [...countries].sort(),
    results(minimum) {
      const results: Record<string, MetricResult> = {};
      const last = W - 1;
      const cut = (read: (base: number) => { n: number; make: () => ReturnType<typeof wilson> }): MetricResult =>
        cutResult(waves, segments, (w, s) => {
          const { n, make } = read((w * S + (s ?? ALL)) * WIDTH);
          return fromInterval(cellKey(waves[w]!, s === null ? null : segments[s]!), n, minimum, make);
        });
      const mean = (k: number) => (base: number) => {
        const at = base + MEAN_BASE + 3 * k;
        return { n: cells[at]!, make: () => meanInterval(cells[at]!, cells[at + 1]!, cells[at + 2]!) };
      };
      const share = (item: ShareItem) => (base: number) => {
        const at = base + SHARE_BASE + 2 * SHARE_ITEMS.indexOf(item);
        return { n: cells[at]!, make: () => wilson(cells[at + 1]!, cells[at]!) };
      };
      results.trust_index = cut(mean(TRUST_DIMENSIONS.length));
      TRUST_DIMENSIONS.forEach((dimension: TrustDimension, k) => {
        results[`trust_${dimension}`] = cut(mean(k));
      });
      results.nps = cut((base) => {
        const p = cells[base + PROMOTERS]!;
        const pa = cells[base + PASSIVES]!;
        const d = cells[base + DETRACTORS]!;
        return { n: p + pa + d, make: () => npsInterval(p, pa, d) };
      });
      for (const item of SHARE_ITEMS) results[item] = cut(share(item));
      results.problem_trust!.byTier = LOYALTY_TIERS.map((tier, t) => {
        const at = (last * LOYALTY_TIERS.length + t) * 2;
        return fromInterval(cellKey(waves[last]!, null, tier), tiers[at]!, minimum, () => wilson(tiers[at + 1]!, tiers[at]!));
      });
      return results;
    },
  };
}
