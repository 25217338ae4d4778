/**
 * Behaviour metrics, from one row per order (orders.csv). A census: every customer and order
 * counts, so there is no sampling interval; cells with fewer customers (or orders) than the
 * minimum cell size are suppressed all the same. Definitions, for a reporting quarter q:
 *
 * - Retention rate: of the customers who ordered in the year before the last year
 *   (quarters q-7..q-4), the share who ordered again in the last year (q-3..q).
 * - Repeat-purchase rate: of the customers who ordered in the last year (q-3..q), the share who
 *   ordered at least twice in it.
 * - Purchase frequency: orders per customer in the last year, over customers who ordered in it.
 * - Referral share of new customers: of the customers whose first order fell in q, the share
 *   whose first order came through a referral.
 * - On-time delivery (promises kept): of the orders whose promised date falls in q (and on or
 *   before the end of the reporting period), the share delivered on or before the promised date;
 *   an order not delivered by then counts as a broken promise. Counting by the promised date
 *   means every order counted has had its whole promise, so the newest quarter is measured like
 *   the others (counting by order date would keep only the newest orders with short promises).
 * - Charged above the quote (price transparency): of the orders placed in q, the share whose charged
 *   amount exceeds the quoted amount by more than half a cent.
 * - Cohort retention curves: customers grouped by the quarter of their first order; for each later
 *   quarter, the share of the cohort who ordered in it.
 * - Loyalty tier of a customer at quarter q, from orders in q-3..q: "very loyal" with 4 or more,
 *   "regular" with 2 or 3, "occasional" with 0 or 1.
 * - Orders after a survey wave (the outcome "stayed" of the key drivers of staying, survey.ts):
 *   a customer's orders in the quarters after the wave, known only once those quarters have ended
 *   inside the reporting period.
 *
 * Customer-level metrics use the customer's current segment (that of their latest order);
 * order-level metrics use the order's own segment. Per customer the aggregate keeps only counters
 * in typed arrays; no order row is kept.
 */
import type { OrderRow } from '../schemas/company-data.ts';
import { cellKey, fromCensus } from './estimate.ts';
import * as aq from 'arquero';
import { StringTable } from '../pipeline/string-table.ts';
import { dayOfDate, quarterNumber, quarterOfDate, quarterOfDay } from './quarters.ts';
import { cutResult, type MetricResult } from './results.ts';

export const LOYALTY_TIERS = ['occasional', 'regular', 'very_loyal'] as const;
export type LoyaltyTier = (typeof LOYALTY_TIERS)[number];

export function loyaltyTier(ordersInLastYear: number): LoyaltyTier {
  if (ordersInLastYear >= 4) return 'very_loyal';
  if (ordersInLastYear >= 2) return 'regular';
  return 'occasional';
}

/** Quarters of history kept before the first reporting quarter: enough for a year-on-year base. */
export const HISTORY_QUARTERS = 8;

export interface CohortCurve {
  cohort: string;
  size: number;
  /** Share (0-100) of the cohort ordering in each quarter from its first; index 0 is 100. */
  shares: number[];
}

export interface ScenarioBase {
  /** Customers who ordered in the year before the last (the retention base). */
  base: number;
  retained: number;
  /** Revenue in the last year from the retained customers. */
  retainedRevenue: number;
}

export interface OrdersAggregate {
  add(row: OrderRow): void;
  /** Every order and customer read, history included. */
  orders(): number;
  customers(): number;
  /** Orders placed in the reporting period, and customers who placed at least one. */
  ordersInPeriod(): number;
  customersInPeriod(): number;
  segmentOf(customerId: string): string | undefined;
  /** The customer's number (0 to customers() - 1, in order of first appearance), or -1. */
  customerIndex(customerId: string): number;
  tierOf(customerId: string, wave: string): LoyaltyTier | null;
  /**
   * Orders the customer placed in the `quarters` quarters after `wave` (not counting `wave`
   * itself). null when orders.csv does not know the customer, or when those quarters do not all
   * end inside the reporting period (their orders are not yet all observed).
   */
  ordersAfter(customerId: string, wave: string, quarters: number): number | null;
  results(minimum: number): Record<string, MetricResult>;
  cohorts(minimum: number): Array<CohortCurve | { cohort: string; suppressed: 'small_cell' | 'no_data' }>;
  scenarioBase(): ScenarioBase;
}

const DAY_MS = 86_400_000;
const dayNumber = dayOfDate;

/**
 * Whether the `quarters` quarters after `wave` all end on or before `periodEnd` (an ISO date), so
 * that every order placed in them is in the data.
 */
export function quartersObserved(wave: string, quarters: number, periodEnd: string): boolean {
  const after = quarterNumber(wave) + quarters + 1; // the first quarter not needed
  const startOfAfter = Date.UTC(Math.floor(after / 4), (after % 4) * 3, 1) / DAY_MS;
  return startOfAfter - 1 <= dayNumber(periodEnd);
}

export function createOrdersAggregate(waves: readonly string[], segments: readonly string[], periodEnd: string): OrdersAggregate {
  const firstWave = quarterNumber(waves[0]!);
  const axisStart = firstWave - HISTORY_QUARTERS;
  const Q = waves.length + HISTORY_QUARTERS;
  const last = Q - 1;
  const S = segments.length + 1;
  const ALL = S - 1;
  const endDay = dayNumber(periodEnd);
  const segmentIndex = new Map(segments.map((s, i) => [s, i]));

  // Per customer, in growable typed arrays.
  const ids = new StringTable();
  let capacity = 1024;
  let counts = new Uint16Array(capacity * Q);
  let firstDay = new Int32Array(capacity);
  let firstReferral = new Uint8Array(capacity);
  let lastDay = new Int32Array(capacity);
  let segmentOfCustomer = new Int32Array(capacity); // any number of segments
  let revenueLastYear = new Float64Array(capacity);

  // Per order quarter x segment: orders, above quote, promises due, promises kept.
  const ORDER_FIELDS = 4;
  const orderCells = new Float64Array(Q * S * ORDER_FIELDS);
  let orderCount = 0;
  let inPeriodOrders = 0;

  function grow() {
    // By half, not double: at millions of customers the arrays are most of the memory.
    capacity = Math.ceil(capacity * 1.5);
    const next = <T extends Uint16Array | Int32Array | Uint8Array | Float64Array>(old: T, size: number): T => {
      const fresh = new (old.constructor as new (n: number) => T)(size);
      fresh.set(old);
      return fresh;
    };
    counts = next(counts, capacity * Q);
    firstDay = next(firstDay, capacity);
    firstReferral = next(firstReferral, capacity);
    lastDay = next(lastDay, capacity);
    segmentOfCustomer = next(segmentOfCustomer, capacity);
    revenueLastYear = next(revenueLastYear, capacity);
  }

  /** Axis index of each customer's first order (negative when before the history kept). */
  const firstQuarters = () => {
    const out = new Int32Array(ids.size);
    for (let c = 0; c < ids.size; c++) out[c] = quarterOfDay(firstDay[c]!) - axisStart;
    return out;
  };

  const sumCounts = (c: number, from: number, to: number) => {
    let total = 0;
    for (let q = Math.max(0, from); q <= to; q++) total += counts[c * Q + q]!;
    return total;
  };

  return {
    add(row) {
      const s = segmentIndex.get(row.segment);
      if (s === undefined) return; // validation reports it
      orderCount++;
      const day = dayNumber(row.order_date);
      const q = quarterOfDate(row.order_date) - axisStart;
      const known = ids.size;
      const c = ids.intern(row.customer_id);
      if (c === known) {
        if (c >= capacity) grow();
        firstDay[c] = day;
        firstReferral[c] = row.acquisition_channel === 'referral' ? 1 : 0;
        lastDay[c] = day;
        segmentOfCustomer[c] = s;
      } else {
        if (day < firstDay[c]!) {
          firstDay[c] = day;
          firstReferral[c] = row.acquisition_channel === 'referral' ? 1 : 0;
        }
        if (day >= lastDay[c]!) {
          lastDay[c] = day;
          segmentOfCustomer[c] = s;
        }
      }
      // Promises are counted in the quarter they fall due.
      const qp = quarterOfDate(row.promised_date) - axisStart;
      if (qp >= 0 && qp <= last && dayNumber(row.promised_date) <= endDay) {
        const kept = row.delivered_date !== undefined && row.delivered_date <= row.promised_date ? 1 : 0;
        const mine = (qp * S + s) * ORDER_FIELDS;
        const all = (qp * S + ALL) * ORDER_FIELDS;
        orderCells[mine + 2]! += 1;
        orderCells[mine + 3]! += kept;
        orderCells[all + 2]! += 1;
        orderCells[all + 3]! += kept;
      }
      if (q < 0 || q > last) return; // before the history kept, or after the period
      if (counts[c * Q + q]! < 65535) counts[c * Q + q]! += 1;
      if (q >= HISTORY_QUARTERS) inPeriodOrders++;
      if (q >= last - 3) revenueLastYear[c]! += row.charged_amount;
      const above = row.charged_amount > row.quoted_amount + 0.005 ? 1 : 0;
      const mine = (q * S + s) * ORDER_FIELDS;
      const all = (q * S + ALL) * ORDER_FIELDS;
      orderCells[mine]! += 1;
      orderCells[mine + 1]! += above;
      orderCells[all]! += 1;
      orderCells[all + 1]! += above;
    },
    orders: () => orderCount,
    customers: () => ids.size,
    ordersInPeriod: () => inPeriodOrders,
    customersInPeriod() {
      let active = 0;
      for (let c = 0; c < ids.size; c++) if (sumCounts(c, HISTORY_QUARTERS, last) > 0) active++;
      return active;
    },
    customerIndex: (customerId) => ids.indexOf(customerId),
    segmentOf(customerId) {
      const c = ids.indexOf(customerId);
      return c < 0 ? undefined : segments[segmentOfCustomer[c]!];
    },
    tierOf(customerId, wave) {
      const c = ids.indexOf(customerId);
      if (c < 0) return null;
      const q = quarterNumber(wave) - axisStart;
      return loyaltyTier(sumCounts(c, q - 3, q));
    },
    ordersAfter(customerId, wave, quarters) {
      const c = ids.indexOf(customerId);
      if (c < 0) return null;
      const q = quarterNumber(wave) - axisStart;
      if (!quartersObserved(wave, quarters, periodEnd) || q + quarters > last || q + 1 < 0) return null;
      return sumCounts(c, q + 1, q + quarters);
    },
    results(minimum) {
      const W = waves.length;
      // Customer-level counters per wave x segment: retention base/retained, active/repeaters/orders, new/referred.
      const F = 7;
      const cust = new Float64Array(W * S * F);
      const first = firstQuarters();
      for (let c = 0; c < ids.size; c++) {
        const s = segmentOfCustomer[c]!;
        for (let w = 0; w < W; w++) {
          const q = w + HISTORY_QUARTERS;
          const before = sumCounts(c, q - 7, q - 4);
          const recent = sumCounts(c, q - 3, q);
          const isNew = first[c] === q;
          for (const col of [s, ALL]) {
            const at = (w * S + col) * F;
            if (before > 0) {
              cust[at]! += 1;
              if (recent > 0) cust[at + 1]! += 1;
            }
            if (recent > 0) {
              cust[at + 2]! += 1;
              if (recent >= 2) cust[at + 3]! += 1;
              cust[at + 4]! += recent;
            }
            if (isNew) {
              cust[at + 5]! += 1;
              if (firstReferral[c]) cust[at + 6]! += 1;
            }
          }
        }
      }
      const cut = (read: (w: number, s: number) => { n: number; value: () => number }): MetricResult =>
        cutResult(waves, segments, (w, s) => {
          const { n, value } = read(w, s ?? ALL);
          return fromCensus(cellKey(waves[w]!, s === null ? null : segments[s]!), n, minimum, value);
        });
      const customerShare = (num: number, den: number) => (w: number, s: number) => {
        const at = (w * S + s) * F;
        return { n: cust[at + den]!, value: () => (100 * cust[at + num]!) / cust[at + den]! };
      };
      const orderShare = (num: number, den: number) => (w: number, s: number) => {
        const at = ((w + HISTORY_QUARTERS) * S + s) * ORDER_FIELDS;
        return { n: orderCells[at + den]!, value: () => (100 * orderCells[at + num]!) / orderCells[at + den]! };
      };
      return {
        retention_rate: cut(customerShare(1, 0)),
        repeat_purchase_rate: cut(customerShare(3, 2)),
        purchase_frequency: cut((w, s) => {
          const at = (w * S + s) * F;
          return { n: cust[at + 2]!, value: () => cust[at + 4]! / cust[at + 2]! };
        }),
        referral_share: cut(customerShare(6, 5)),
        on_time_delivery: cut(orderShare(3, 2)),
        price_above_quote: cut(orderShare(1, 0)),
      };
    },
    cohorts(minimum) {
      // One pass over the customers: per cohort (the wave of the first order) and quarter since,
      // how many ordered. The small cohort x quarter table is then shaped with arquero.
      const first = firstQuarters();
      const W = waves.length;
      const size = new Float64Array(W);
      const active = new Float64Array(W * Q);
      for (let c = 0; c < ids.size; c++) {
        const w = first[c]! - HISTORY_QUARTERS;
        if (w < 0 || w >= W) continue;
        size[w]! += 1;
        const q = first[c]!;
        for (let k = 0; k < Q - q; k++) if (counts[c * Q + q + k]! > 0) active[w * Q + k]! += 1;
      }
      const cells = { cohort: [] as number[], since: [] as number[], active: [] as number[], size: [] as number[] };
      for (let w = 0; w < W; w++) {
        for (let k = 0; k < Q - (w + HISTORY_QUARTERS); k++) {
          cells.cohort.push(w);
          cells.since.push(k);
          cells.active.push(active[w * Q + k]!);
          cells.size.push(size[w]!);
        }
      }
      const curves = new Map(
        aq
          .table(cells)
          .filter((d: { size: number }) => d.size > 0)
          .derive({ share: (d: { active: number; size: number }) => (100 * d.active) / d.size })
          .orderby('cohort', 'since')
          .groupby('cohort')
          .rollup({ shares: aq.op.array_agg('share') })
          .objects()
          .map((row) => [(row as { cohort: number }).cohort, (row as { shares: number[] }).shares]),
      );
      return waves.map((cohort, w) => {
        if (size[w] === 0) return { cohort, suppressed: 'no_data' as const };
        if (size[w]! < minimum) return { cohort, suppressed: 'small_cell' as const };
        return { cohort, size: size[w]!, shares: curves.get(w)! };
      });
    },
    scenarioBase() {
      let base = 0;
      let retained = 0;
      let retainedRevenue = 0;
      for (let c = 0; c < ids.size; c++) {
        if (sumCounts(c, last - 7, last - 4) === 0) continue;
        base++;
        if (sumCounts(c, last - 3, last) > 0) {
          retained++;
          retainedRevenue += revenueLastYear[c]!;
        }
      }
      return { base, retained, retainedRevenue };
    },
  };
}
