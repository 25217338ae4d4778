/**
 * Survey metrics, from one row per respondent (survey.csv). Definitions:
 *
 * - Trust dimensions (reliability, transparency, competence, empathy, consistency): the mean
 *   answer to the dimension's 1-5 agreement item, rescaled to a 0-100 index as (mean - 1) / 4 * 100.
 *   95% t interval on the respondents' rescaled answers.
 * - Trust index: per respondent, the mean of the dimension items they answered (at least three of
 *   five), rescaled to 0-100; then the mean over respondents with a t interval. Its internal
 *   consistency is reported as Cronbach's alpha over the respondents of the latest wave who
 *   answered all five items, with the asymptotic interval of van Zyl, Neudecker & Nel (2000,
 *   Psychometrika 65:271-280).
 * - NPS: % promoters (9-10) minus % detractors (0-6) of those who answered the 0-10 item
 *   (Reichheld 2003); adjusted-Wald interval (Rocks 2016).
 * - CSAT: % answering 4 or 5 on the 1-5 satisfaction item; Wilson interval.
 * - Concern about data use, importance of transparency, trust in problem handling, influence of
 *   other customers' recommendations: % answering 4 or 5 on their 1-5 item; Wilson interval.
 * - Trust in problem handling by loyalty tier: the same share, with the respondent's tier taken
 *   from their orders (see orders.ts); respondents not linked to a customer have no tier.
 *
 * Weighting (optional, company.yaml `weighting`): post-stratification to the declared customer
 * mix by segment, or by segment and country. In each wave a respondent of weighting cell c gets
 * the weight target_c x N / n_c (targets renormalised over the cells that have respondents that
 * wave), so the weights add up to the wave's respondents. Estimates use the weighted counts;
 * their intervals use Kish's effective sample size n_eff = (sum w)^2 / sum w^2 (Kish 1965), and
 * n stays the number of respondents. Without weighting every weight is 1 and n_eff = n.
 *
 * Repeated answers (company.yaml `repeat_answers`): `first` keeps the first answer of a customer in
 * a wave (in file order) and skips the others; `all` keeps every answer.
 *
 * Key drivers of the likelihood to recommend (latest wave; see src/stats/drivers.ts): the Shapley
 * decomposition of R^2 of the 0-10 answer regressed on the five 1-5 trust items, with bootstrap
 * intervals. Respondents who answered all five items and the 0-10 item count, each once
 * (unweighted: the regression describes how answers go together among respondents, not a level
 * of the customer mix, so the survey weights are not used).
 *
 * Key drivers of staying (issue: the same analysis with retention as the outcome, where answers
 * link to customers): the same decomposition of a linear probability model, OLS of "stayed" (1
 * when the linked customer placed at least one order in the two quarters after the wave they
 * answered in, else 0; from orders.csv) on the five trust items. Every wave whose two following
 * quarters end inside the reporting period is pooled (`retentionWaves`); only respondents with a
 * customer id that orders.csv knows and all five items answered count, one row per answer the
 * repeat-answer rule keeps (a customer answering in two pooled waves counts twice). With a 0/1
 * outcome R^2 is small and the shares describe association with staying, nothing more.
 *
 * Rows are added one at a time into fixed counters per wave x segment x country cell, and
 * respondent ids are never read. The only respondent-level data kept are the latest wave's
 * complete answers for the key drivers: six small whole numbers per respondent (the 0-10 answer
 * and the five 1-5 answers) in a typed array per segment, with no id, no country and no order:
 * the bootstrap needs rows, not sums; and, for the key drivers of staying, the complete answers
 * of linked respondents in the waves that can be pooled: the five answers, the wave and the
 * customer id (kept as an index into the customer ids seen, to look up their later orders once;
 * never published).
 */
import { meanInterval, npsAdjustedWald, wilson, wilsonFromShare, type Interval } from '../stats/intervals.ts';
import { tQuantile } from '../stats/student-t.ts';
import { shareDifference, welchDifference, zDifference, type DifferenceTest } from '../stats/tests.ts';
import type { SurveyRow, TrustDimension } from '../schemas/company-data.ts';
import { TRUST_DIMENSIONS } from '../schemas/company-data.ts';
import { cellKey, fromInterval, suppressed, type Estimate, type Suppression } from './estimate.ts';
import { DRIVER_RESAMPLES, keyDrivers, seedOf } from '../stats/drivers.ts';
import { StringTable } from '../pipeline/string-table.ts';
import { cutResult, type MetricResult } from './results.ts';
import { LOYALTY_TIERS, quartersObserved, type LoyaltyTier } from './orders.ts';
import { cronbachAlpha, type Reliability } from '../stats/reliability.ts';

const SHARE_ITEMS = ['csat', 'data_concern', 'transparency_importance', 'problem_trust', 'peer_influence'] as const;
/** The row fields of the trust items, in the order of TRUST_DIMENSIONS. */
const TRUST_KEYS = TRUST_DIMENSIONS.map((dimension) => `trust_${dimension}` as const);
/** Not looked up yet (the outcomes are 1, 0 and -1). */
const UNKNOWN_OUTCOME = -2;
type ShareItem = (typeof SHARE_ITEMS)[number];

// Layout of one cell's counters.
const N = 0;
const NPS_N = 1;
const PROMOTERS = 2;
const DETRACTORS = 3;
const SHARE_BASE = 4; // per share item: answered, agreed
const MEAN_BASE = SHARE_BASE + SHARE_ITEMS.length * 2; // per dimension and the index: n, sum, sum of squares
const MEANS = [...TRUST_DIMENSIONS, 'index'] as const;
const WIDTH = MEAN_BASE + MEANS.length * 3;

const toIndex = (answer: number) => ((answer - 1) / 4) * 100;

export type WeightingBy = 'segment' | 'segment_country';
export interface SurveyWeighting {
  by: WeightingBy;
  /** Target share of each weighting cell, keyed by `segment` or `segment|country`. */
  targets: ReadonlyMap<string, number>;
}

export interface SurveyOptions {
  weighting?: SurveyWeighting | null;
  repeatAnswers?: 'first' | 'all';
  /**
   * Number of customers in orders.csv, when rows come with the customer's number there (see
   * `add`): the repeat-answer rule then keeps one bit per customer and wave instead of their ids.
   */
  customers?: number;
}

/** One group of the key-driver analysis, as the report model holds it (see schemas/report.ts). */
export interface DriverGroup {
  /** null: the whole company. */
  segment: string | null;
  n: number | null;
  suppressed: Suppression | null;
  r2: number | null;
  dimensions: Array<{ metric: string; share: number; low: number; high: number }>;
}

/**
 * Fewest respondents for a key-driver regression: a regression on five correlated predictors,
 * with bootstrap intervals on how it splits R^2, needs many more answers than a cell mean, so a
 * group needs at least this many as well as the company's minimum cell size.
 */
export const DRIVERS_MINIMUM_N = 100;

/** Quarters after a wave in which a linked customer must order to count as having stayed. */
export const STAYED_QUARTERS = 2;

/**
 * Waves whose outcome "stayed" is observed: their `quarters` following quarters all end on or
 * before the end of the reporting period (so never the last `quarters` waves).
 */
export function retentionWaves(waves: readonly string[], periodEnd: string, quarters = STAYED_QUARTERS): string[] {
  return waves.filter((wave) => quartersObserved(wave, quarters, periodEnd));
}

/** The key drivers of staying: the waves pooled and the groups, as in `drivers`. */
export interface RetentionDrivers {
  /** Waves pooled that had at least one linked respondent with complete answers, oldest first. */
  waves: string[];
  groups: DriverGroup[];
}

export const weightingCell = (by: WeightingBy, segment: string, country: string) => (by === 'segment' ? segment : `${segment}|${country}`);

export interface SurveyAggregate {
  /** Adds a row; false when the repeat-answer rule skips it. */
  /**
   * Adds a row; false when the repeat-answer rule skips it. `customer` is the linked customer's
   * number in orders.csv (0 to `options.customers` - 1) when known, which spares a lookup by id.
   */
  add(row: SurveyRow, customer?: number): boolean;
  respondents(): number;
  /** Answers skipped by the repeat-answer rule. */
  skippedRepeats(): number;
  results(minimum: number): Record<string, MetricResult>;
  /** Latest wave: each segment against the rest of the company, per survey metric. */
  segmentTests(minimum: number): Record<string, Record<string, DifferenceTest>>;
  /**
   * Latest wave, whole company, answers from some countries only (to match a public figure about
   * those markets). Suppressed when small, or when the other countries would be a small group.
   */
  latestFor(metricId: string, countries: readonly string[], minimum: number): Estimate | null;
  /** Cronbach's alpha of the five trust items, latest wave, complete answers. */
  reliability(): Reliability | null;
  /** Kish design effect of the weights in each wave (1 without weighting). */
  designEffects(): number[];
  /**
   * Key drivers of the likelihood to recommend, latest wave: the whole company, then each segment.
   * `hidden` gives the disclosure-control state of a group in the survey metrics (the latest
   * trust index cell after src/metrics/disclosure.ts): a group hidden there is hidden here too.
   */
  drivers(minimum: number, hidden?: (segment: string | null) => Suppression | null): DriverGroup[];
  /**
   * Key drivers of staying: the outcome is 1 when `ordersAfter(customerId, wave)` (the linked
   * customer's orders in the quarters after the wave) is at least 1, 0 when it is 0; respondents
   * for whom it is null (a customer orders.csv does not know, or an outcome not yet observed) do
   * not count. Waves `pooled` (see `retentionWaves`) are pooled; suppression as in `drivers`.
   */
  retentionDrivers(
    minimum: number,
    pooled: readonly string[],
    ordersAfter: (customerId: string, wave: string) => number | null,
    hidden?: (segment: string | null) => Suppression | null,
  ): RetentionDrivers;
  /** Countries respondents answered from, sorted. */
  countries(): string[];
}

interface Combined {
  /** Respondents who answered (unweighted). */
  n: number;
  nEffective: number;
  /** Weighted counters, divided by the weighted number who answered. */
  means: number[];
}

export function createSurveyAggregate(
  waves: readonly string[],
  segments: readonly string[],
  tierOf: (customerId: string, wave: string) => LoyaltyTier | null = () => null,
  options: SurveyOptions = {},
): SurveyAggregate {
  const W = waves.length;
  const S = segments.length;
  const last = W - 1;
  const waveIndex = new Map(waves.map((w, i) => [w, i]));
  const segmentIndex = new Map(segments.map((s, i) => [s, i]));
  const countryIndex = new Map<string, number>();
  const byCountry: Float64Array[] = [];
  const tiers = new Float64Array(W * LOYALTY_TIERS.length * 2);
  // Customer x wave of the answers kept under `repeat_answers: first`: a bit per customer of
  // orders.csv and wave, and the ids of other customers (no orders.csv, or one it does not know).
  const seen = new StringTable({ numbered: false });
  const seenBits = new Uint8Array(Math.ceil(((options.customers ?? 0) * W) / 8));
  const weighting = options.weighting ?? null;
  let total = 0;
  let skipped = 0;
  /** Key-driver analyses already run, by their arguments (see `remembered`). */
  const analyses = new Map<string, unknown>();
  // Latest wave, complete answers to the five trust items: n, sums, cross-products.
  const K = TRUST_DIMENSIONS.length;
  const itemSums = new Float64Array(K);
  const crossProducts = new Float64Array(K * K);
  let complete = 0;
  // Latest wave, key drivers: per segment, rows of [nps, five trust items] (see the module comment).
  const DRIVER_WIDTH = 1 + K;
  const driverRows: Uint8Array[] = segments.map(() => new Uint8Array(0));
  const driverCounts = new Array<number>(S).fill(0);
  function addDriverRow(s: number, row: SurveyRow) {
    let buffer = driverRows[s]!;
    const at = driverCounts[s]! * DRIVER_WIDTH;
    if (at + DRIVER_WIDTH > buffer.length) {
      const grown = new Uint8Array(Math.max(64 * DRIVER_WIDTH, buffer.length * 2));
      grown.set(buffer);
      buffer = driverRows[s] = grown;
    }
    buffer[at] = row.nps!;
    for (let k = 0; k < K; k++) buffer[at + 1 + k] = row[TRUST_KEYS[k]!]!;
    driverCounts[s]!++;
  }
  // Key drivers of staying: per segment, linked respondents' complete answers in the waves that
  // can be pooled (all but the last STAYED_QUARTERS): five items, the wave, the customer.
  const customerIndex = new StringTable();
  const customerIds: string[] = [];
  const linkedItems: Uint8Array[] = segments.map(() => new Uint8Array(0));
  const linkedWave: Uint16Array[] = segments.map(() => new Uint16Array(0));
  const linkedCustomer: Int32Array[] = segments.map(() => new Int32Array(0));
  const linkedCounts = new Array<number>(S).fill(0);
  function addLinkedRow(s: number, w: number, row: SurveyRow) {
    const i = linkedCounts[s]!;
    if (i >= linkedWave[s]!.length) {
      const size = Math.max(64, 2 * linkedWave[s]!.length);
      const items = new Uint8Array(size * K);
      items.set(linkedItems[s]!);
      linkedItems[s] = items;
      const wave = new Uint16Array(size);
      wave.set(linkedWave[s]!);
      linkedWave[s] = wave;
      const customer = new Int32Array(size);
      customer.set(linkedCustomer[s]!);
      linkedCustomer[s] = customer;
    }
    const c = customerIndex.intern(row.customer_id!);
    if (c === customerIds.length) customerIds.push(row.customer_id!);
    for (let k = 0; k < K; k++) linkedItems[s]![i * K + k] = row[TRUST_KEYS[k]!]!;
    linkedWave[s]![i] = w;
    linkedCustomer[s]![i] = c;
    linkedCounts[s]!++;
  }

  /**
   * The groups of a key-driver analysis from per-segment rows of [outcome, five items]: the whole
   * company, then each segment, with the suppression rules of `drivers` (see the interface).
   */
  function driverGroups(
    minimum: number,
    hidden: (segment: string | null) => Suppression | null,
    counts: readonly number[],
    rows: readonly Uint8Array[],
    seedFor: (segment: string | null) => number,
  ): DriverGroup[] {
    const threshold = Math.max(minimum, DRIVERS_MINIMUM_N);
    const isHidden = (reason: Suppression | null) => reason === 'small_cell' || reason === 'complementary';
    const stateOf = (segment: string | null, n: number): Suppression | null => {
      const reason = hidden(segment);
      if (isHidden(reason)) return reason;
      if (n === 0) return 'no_data';
      return n < threshold ? 'small_cell' : null;
    };
    const totalN = counts.reduce((a, b) => a + b, 0);
    let whole = stateOf(null, totalN);
    const states = segments.map((segment, s) => stateOf(segment, counts[s]!));
    // Only n is published that adds up (R^2 and the shares do not): the whole company's n minus
    // the published segments' is the number of respondents of the hidden segments together. It
    // must not be a group smaller than the minimum cell size: while it is, hide the smallest
    // published segment too (or, with none left, the whole company).
    if (whole === null) {
      const hiddenN = () => segments.reduce((sum, _, s) => sum + (isHidden(states[s]!) ? counts[s]! : 0), 0);
      while (hiddenN() > 0 && hiddenN() < minimum) {
        let partner = -1;
        for (let s = 0; s < S; s++) {
          if (states[s] !== null) continue;
          if (partner < 0 || counts[s]! < counts[partner]!) partner = s;
        }
        if (partner < 0) {
          whole = 'complementary';
          break;
        }
        states[partner] = 'complementary';
      }
    }
    const group = (segment: string | null, state: Suppression | null, chosen: readonly number[]): DriverGroup => {
      if (state !== null) return { segment, n: null, suppressed: state, r2: null, dimensions: [] };
      const n = chosen.reduce((sum, s) => sum + counts[s]!, 0);
      const values = new Uint8Array(n * DRIVER_WIDTH);
      let at = 0;
      for (const s of chosen) {
        const length = counts[s]! * DRIVER_WIDTH;
        values.set(rows[s]!.subarray(0, length), at);
        at += length;
      }
      const result = keyDrivers({ values, n, width: DRIVER_WIDTH }, { resamples: DRIVER_RESAMPLES, seed: seedFor(segment) });
      return {
        segment,
        n,
        suppressed: null,
        r2: result.r2,
        dimensions: result.shares.map((d, k) => ({ metric: `trust_${TRUST_DIMENSIONS[k]!}`, share: d.share, low: d.low, high: d.high })),
      };
    };
    return [
      group(null, whole, segments.map((_, s) => s)),
      ...segments.map((segment, s) => group(segment, whole === 'complementary' && states[s] === null ? 'complementary' : states[s]!, [s])),
    ];
  }

  function cellsOf(country: string): Float64Array {
    let c = countryIndex.get(country);
    if (c === undefined) {
      c = byCountry.length;
      countryIndex.set(country, c);
      byCountry.push(new Float64Array(W * S * WIDTH));
    }
    return byCountry[c]!;
  }

  function addMean(cells: Float64Array, at: number, value: number) {
    cells[at]! += 1;
    cells[at + 1]! += value;
    cells[at + 2]! += value * value;
  }

  // Weight of a respondent in wave w, segment s, country c (see the module comment).
  let weights: Float64Array | null = null;
  function weightTable(): Float64Array {
    if (weights) return weights;
    const C = byCountry.length;
    const table = new Float64Array(W * S * C).fill(1);
    if (weighting) {
      const countries = [...countryIndex.keys()];
      for (let w = 0; w < W; w++) {
        const respondents = new Map<string, number>();
        let wave = 0;
        for (let s = 0; s < S; s++) {
          for (let c = 0; c < C; c++) {
            const n = byCountry[c]![(w * S + s) * WIDTH + N]!;
            if (n === 0) continue;
            const key = weightingCell(weighting.by, segments[s]!, countries[c]!);
            respondents.set(key, (respondents.get(key) ?? 0) + n);
            wave += n;
          }
        }
        let targetTotal = 0;
        for (const key of respondents.keys()) targetTotal += weighting.targets.get(key) ?? 0;
        for (let s = 0; s < S; s++) {
          for (let c = 0; c < C; c++) {
            const key = weightingCell(weighting.by, segments[s]!, countries[c]!);
            const n = respondents.get(key);
            const target = weighting.targets.get(key);
            if (!n || target === undefined || targetTotal === 0) continue;
            table[(w * S + s) * C + c] = ((target / targetTotal) * wave) / n;
          }
        }
      }
    }
    weights = table;
    return table;
  }

  /** Raw weighted sums of counters over cells, before they become means. */
  interface Sums {
    n: number;
    w2: number;
    sums: number[];
  }

  /**
   * Weighted sums of counters `fields` (the first is the number who answered) over the cells of
   * wave w: every segment (null), one segment (a number: only its cells are read), or the
   * segments a filter keeps; and the countries a filter keeps.
   */
  function accumulate(w: number, segment: number | null | ((s: number) => boolean), fields: readonly number[], countryFilter: (c: number) => boolean = () => true): Sums {
    const table = weightTable();
    const C = byCountry.length;
    const sums = new Array<number>(fields.length).fill(0);
    let n = 0;
    let w2 = 0;
    const from = typeof segment === 'number' ? segment : 0;
    const to = typeof segment === 'number' ? segment + 1 : S;
    for (let s = from; s < to; s++) {
      if (typeof segment === 'function' && !segment(s)) continue;
      for (let c = 0; c < C; c++) {
        if (!countryFilter(c)) continue;
        const base = (w * S + s) * WIDTH;
        const cells = byCountry[c]!;
        const answered = cells[base + fields[0]!]!;
        if (answered === 0) continue;
        const weight = table[(w * S + s) * C + c]!;
        n += answered;
        w2 += weight * weight * answered;
        for (let k = 0; k < fields.length; k++) sums[k]! += weight * cells[base + fields[k]!]!;
      }
    }
    return { n, w2, sums };
  }

  function combined({ n, w2, sums }: Sums): Combined {
    const weighted = sums[0]!;
    return { n, nEffective: w2 > 0 ? (weighted * weighted) / w2 : 0, means: sums.map((v) => (weighted > 0 ? v / weighted : 0)) };
  }

  /** Weighted combination of counters `fields` (the first is the number who answered) over cells. */
  function combine(w: number, segment: number | null | ((s: number) => boolean), fields: readonly number[], countryFilter?: (c: number) => boolean): Combined {
    return combined(accumulate(w, segment, fields, countryFilter));
  }

  const isWeighted = weighting !== null;

  function meanFrom(c: Combined): Interval {
    if (!isWeighted) {
      // Exactly the unweighted t interval from the sufficient statistics.
      return meanInterval(c.n, c.means[1]! * c.n, c.means[2]! * c.n);
    }
    const mean = c.means[1]!;
    const nEff = c.nEffective;
    const variance = (Math.max(0, c.means[2]! - mean * mean) * nEff) / Math.max(1, nEff - 1);
    const se = Math.sqrt(variance / nEff);
    const t = tQuantile(0.975, Math.max(1, nEff - 1));
    return { value: mean, low: mean - t * se, high: mean + t * se, se, n: c.n };
  }

  interface Reader {
    fields: readonly number[];
    interval: (c: Combined) => Interval;
    kind: 'share' | 'nps' | 'mean';
  }
  const shareReader = (item: ShareItem): Reader => {
    const at = SHARE_BASE + 2 * SHARE_ITEMS.indexOf(item);
    return {
      fields: [at, at + 1],
      kind: 'share',
      interval: (c) => (isWeighted ? { ...wilsonFromShare(100 * c.means[1]!, c.nEffective), n: c.n } : wilson(Math.round(c.means[1]! * c.n), c.n)),
    };
  };
  const meanReader = (k: number): Reader => {
    const at = MEAN_BASE + 3 * k;
    return { fields: [at, at + 1, at + 2], kind: 'mean', interval: meanFrom };
  };
  const npsReader: Reader = {
    fields: [NPS_N, PROMOTERS, DETRACTORS],
    kind: 'nps',
    interval: (c) => ({ ...npsAdjustedWald(c.means[1]!, c.means[2]!, c.nEffective), n: c.n }),
  };
  const readers: Record<string, Reader> = {
    trust_index: meanReader(TRUST_DIMENSIONS.length),
    ...Object.fromEntries(TRUST_DIMENSIONS.map((d: TrustDimension, k) => [`trust_${d}`, meanReader(k)])),
    nps: npsReader,
    ...Object.fromEntries(SHARE_ITEMS.map((item) => [item, shareReader(item)])),
  };

  return {
    add(row, customer = -1) {
      const w = waveIndex.get(row.wave);
      const s = segmentIndex.get(row.segment);
      if (w === undefined || s === undefined) return false; // validation reports these
      if (options.repeatAnswers === 'first' && row.customer_id !== undefined) {
        if (customer >= 0 && customer < (options.customers ?? 0)) {
          const bit = customer * W + w;
          if (seenBits[bit >>> 3]! & (1 << (bit & 7))) {
            skipped++;
            return false;
          }
          seenBits[bit >>> 3]! |= 1 << (bit & 7);
        } else if (!seen.add(`${row.customer_id}\u0000${row.wave}`)) {
          skipped++;
          return false;
        }
      }
      total++;
      weights = null;
      const cells = cellsOf(row.country);
      const base = (w * S + s) * WIDTH;
      cells[base + N]! += 1;
      if (row.nps !== undefined) {
        cells[base + NPS_N]! += 1;
        if (row.nps >= 9) cells[base + PROMOTERS]! += 1;
        else if (row.nps <= 6) cells[base + DETRACTORS]! += 1;
      }
      for (let k = 0; k < SHARE_ITEMS.length; k++) {
        const answer = row[SHARE_ITEMS[k]!];
        if (answer === undefined) continue;
        cells[base + SHARE_BASE + 2 * k]! += 1;
        if (answer >= 4) cells[base + SHARE_BASE + 2 * k + 1]! += 1;
      }
      let answered = 0;
      let sum = 0;
      for (let k = 0; k < K; k++) {
        const answer = row[TRUST_KEYS[k]!];
        if (answer === undefined) continue;
        answered++;
        sum += answer;
        addMean(cells, base + MEAN_BASE + 3 * k, toIndex(answer));
      }
      if (answered >= 3) addMean(cells, base + MEAN_BASE + 3 * K, toIndex(sum / answered));
      if (w === last && answered === K) {
        complete++;
        for (let i = 0; i < K; i++) {
          const xi = row[TRUST_KEYS[i]!]!;
          itemSums[i]! += xi;
          for (let j = 0; j < K; j++) crossProducts[i * K + j]! += xi * row[TRUST_KEYS[j]!]!;
        }
        if (row.nps !== undefined) addDriverRow(s, row);
      }
      if (w + STAYED_QUARTERS <= last && answered === K && row.customer_id !== undefined) addLinkedRow(s, w, row);
      if (row.customer_id !== undefined && row.problem_trust !== undefined) {
        const tier = tierOf(row.customer_id, row.wave);
        if (tier !== null) {
          const at = (w * LOYALTY_TIERS.length + LOYALTY_TIERS.indexOf(tier)) * 2;
          tiers[at]! += 1;
          if (row.problem_trust >= 4) tiers[at + 1]! += 1;
        }
      }
      return true;
    },
    respondents: () => total,
    skippedRepeats: () => skipped,
    countries: () => [...countryIndex.keys()].sort(),
    results(minimum) {
      const results: Record<string, MetricResult> = {};
      for (const [id, reader] of Object.entries(readers)) {
        results[id] = cutResult(waves, segments, (w, s) => {
          const c = combine(w, s, reader.fields);
          return fromInterval(cellKey(waves[w]!, s === null ? null : segments[s]!), c.n, minimum, () => reader.interval(c), isWeighted ? c.nEffective : null);
        });
      }
      results.problem_trust!.byTier = LOYALTY_TIERS.map((tier, t) => {
        const at = (last * LOYALTY_TIERS.length + t) * 2;
        return fromInterval(cellKey(waves[last]!, null, tier), tiers[at]!, minimum, () => wilson(tiers[at + 1]!, tiers[at]!));
      });
      return results;
    },
    segmentTests(minimum) {
      const out: Record<string, Record<string, DifferenceTest>> = {};
      for (const [id, reader] of Object.entries(readers)) {
        out[id] = {};
        // Without weights the rest of the company is the total minus the segment (the same sums up
        // to rounding in the last digits), so the tests cost the segments, not their square; with
        // weights it is summed cell by cell.
        const total = isWeighted ? null : accumulate(last, null, reader.fields);
        for (let s = 0; s < S; s++) {
          const ownSums = accumulate(last, s, reader.fields);
          const own = combined(ownSums);
          const rest = total
            ? combined({ n: total.n - ownSums.n, w2: total.w2 - ownSums.w2, sums: total.sums.map((v, k) => v - ownSums.sums[k]!) })
            : combine(last, (x) => x !== s, reader.fields);
          if (own.n < minimum || rest.n < minimum) continue;
          const a = reader.interval(own);
          const b = reader.interval(rest);
          out[id]![segments[s]!] =
            reader.kind === 'share'
              ? shareDifference({ ...a, n: own.nEffective }, { ...b, n: rest.nEffective })
              : reader.kind === 'mean'
                ? welchDifference({ ...a, n: own.nEffective }, { ...b, n: rest.nEffective })
                : zDifference(a, b);
        }
      }
      return out;
    },
    latestFor(metricId, countries, minimum) {
      const reader = readers[metricId];
      if (!reader) return null;
      const codes = [...countryIndex.keys()];
      const inSet = (c: number) => countries.includes(codes[c]!);
      const own = combine(last, null, reader.fields, inSet);
      const rest = combine(last, null, reader.fields, (c) => !inSet(c));
      const key = cellKey(waves[last]!, null);
      // The rest of the company is the total minus this figure: it must not be a small group.
      if (own.n >= minimum && rest.n > 0 && rest.n < minimum) return suppressed(key, 'complementary');
      return fromInterval(key, own.n, minimum, () => reader.interval(own), isWeighted ? own.nEffective : null);
    },
    reliability: () => cronbachAlpha(complete, itemSums, crossProducts),
    designEffects() {
      return waves.map((_, w) => {
        const c = combine(w, null, [N]);
        return c.nEffective > 0 ? c.n / c.nEffective : 1;
      });
    },
    drivers(minimum, hidden = () => null) {
      return remembered(`drivers|${minimum}|${hiddenStates(hidden)}`, () => driverGroups(minimum, hidden, driverCounts, driverRows, (segment) => seedOf(segment ?? '')));
    },
    retentionDrivers(minimum, pooled, ordersAfter, hidden = () => null) {
      // The orders behind `ordersAfter` are the ones this aggregate was made with (a survey read
      // against other orders is another aggregate), so the answer depends on the rest alone.
      return remembered(`retention|${minimum}|${pooled.join(',')}|${hiddenStates(hidden)}`, () => retentionDriversOf(minimum, pooled, ordersAfter, hidden));
    },
  };

  /**
   * Bootstraps are the costly part of a build from cached stages (the dev server): each analysis
   * is kept by its arguments, and a copy handed out so no reader can change the kept one.
   */
  function remembered<T>(key: string, compute: () => T): T {
    if (!analyses.has(key)) analyses.set(key, compute());
    return structuredClone(analyses.get(key)) as T;
  }

  function hiddenStates(hidden: (segment: string | null) => Suppression | null): string {
    return [null, ...segments].map((segment) => hidden(segment) ?? '').join(',');
  }

  function retentionDriversOf(
    minimum: number,
    pooled: readonly string[],
    ordersAfter: (customerId: string, wave: string) => number | null,
    hidden: (segment: string | null) => Suppression | null,
  ) {
    const poolWave = waves.map((wave) => pooled.includes(wave));
    const used = new Array<boolean>(W).fill(false);
    // Each linked customer's outcome per pooled wave, looked up once: 1 stayed, 0 did not, -1 unknown.
    const outcomes = new Int8Array(customerIds.length * W).fill(UNKNOWN_OUTCOME);
    const outcomeOf = (c: number, w: number) => {
      const key = c * W + w;
      let o = outcomes[key]!;
      if (o === UNKNOWN_OUTCOME) {
        const orders = ordersAfter(customerIds[c]!, waves[w]!);
        o = orders === null ? -1 : orders > 0 ? 1 : 0;
        outcomes[key] = o;
      }
      return o;
    };
    const counts = new Array<number>(S).fill(0);
    const rows = segments.map((_, s) => {
      const out = new Uint8Array(linkedCounts[s]! * DRIVER_WIDTH);
      let n = 0;
      for (let i = 0; i < linkedCounts[s]!; i++) {
        const w = linkedWave[s]![i]!;
        if (!poolWave[w]) continue;
        const stayed = outcomeOf(linkedCustomer[s]![i]!, w);
        if (stayed < 0) continue;
        used[w] = true;
        out[n * DRIVER_WIDTH] = stayed;
        out.set(linkedItems[s]!.subarray(i * K, (i + 1) * K), n * DRIVER_WIDTH + 1);
        n++;
      }
      counts[s] = n;
      return out;
    });
    return {
      waves: waves.filter((_, w) => used[w]),
      groups: driverGroups(minimum, hidden, counts, rows, (segment) => seedOf(`stayed\u0000${segment ?? ''}`)),
    };
  }
}
