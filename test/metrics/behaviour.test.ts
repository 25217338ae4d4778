import { describe, expect, it } from 'vitest';
import { createComplaintsAggregate } from '../../src/metrics/complaints.ts';
import { kaplanMeierMedian } from '../../src/stats/survival.ts';
import { createOrdersAggregate } from '../../src/metrics/orders.ts';
import { retentionScenario } from '../../src/metrics/retention-scenario.ts';
import { parseDateTime, type OrderRow } from '../../src/schemas/company-data.ts';

const order = (customer: string, date: string, over: Partial<OrderRow> = {}): OrderRow => ({
  order_id: `${customer}-${date}`,
  customer_id: customer,
  order_date: date,
  segment: 's1',
  country: 'FI',
  acquisition_channel: 'search',
  quoted_amount: 100,
  charged_amount: 100,
  promised_date: date,
  delivered_date: date,
  ...over,
});

// Waves 2026-Q2 and 2026-Q3, period ending 2026-09-30.
function orders() {
  const aggregate = createOrdersAggregate(['2026-Q2', '2026-Q3'], ['s1', 's2'], '2026-09-30');
  aggregate.add(order('A', '2025-05-10'));
  aggregate.add(order('A', '2026-08-01', { promised_date: '2026-08-05', delivered_date: '2026-08-04' }));
  aggregate.add(order('A', '2026-09-01', { promised_date: '2026-09-05', delivered_date: '2026-09-07', charged_amount: 105 }));
  aggregate.add(order('B', '2025-06-01'));
  aggregate.add(order('C', '2026-07-15', { acquisition_channel: 'referral', promised_date: '2026-07-20', delivered_date: '2026-07-20' }));
  aggregate.add(order('D', '2026-08-20', { segment: 's2', promised_date: '2026-10-05', delivered_date: undefined }));
  return aggregate;
}

describe('behaviour metrics from orders', () => {
  const aggregate = orders();
  const results = aggregate.results(1);

  it('retention: of those who ordered in the year before last, the share who ordered last year', () => {
    // base: A and B ordered in 2024-Q4..2025-Q3; only A ordered in 2025-Q4..2026-Q3
    expect(results.retention_rate!.latest).toMatchObject({ value: 50, n: 2, low: null, high: null });
  });

  it('repeat purchase rate and purchase frequency over the last year', () => {
    // active last year: A (2 orders), C (1), D (1)
    expect(results.repeat_purchase_rate!.latest.n).toBe(3);
    expect(results.repeat_purchase_rate!.latest.value).toBeCloseTo(100 / 3, 10);
    expect(results.purchase_frequency!.latest.value).toBeCloseTo(4 / 3, 10);
    expect(results.repeat_purchase_rate!.bySegment.map((e) => e.value)).toEqual([50, 0]);
  });

  it('referral share of new customers', () => {
    // new in 2026-Q3: C (referral) and D (search)
    expect(results.referral_share!.latest).toMatchObject({ value: 50, n: 2 });
    expect(results.referral_share!.byWave[0]).toMatchObject({ wave: '2026-Q2', suppressed: 'no_data' });
  });

  it('on-time delivery counts only promises due by the end of the period', () => {
    // due in 2026-Q3: A (kept), A (late), C (kept); D is promised for October
    expect(results.on_time_delivery!.latest.n).toBe(3);
    expect(results.on_time_delivery!.latest.value).toBeCloseTo(200 / 3, 10);
  });

  it('share of orders charged above the quote', () => {
    expect(results.price_above_quote!.latest).toMatchObject({ value: 25, n: 4 });
  });

  it('loyalty tiers from orders in the last four quarters', () => {
    expect(aggregate.tierOf('A', '2026-Q3')).toBe('regular');
    expect(aggregate.tierOf('B', '2026-Q3')).toBe('occasional');
    expect(aggregate.tierOf('nobody', '2026-Q3')).toBeNull();
  });

  it('cohort curves by quarter of first order', () => {
    expect(aggregate.cohorts(1)).toEqual([
      { cohort: '2026-Q2', suppressed: 'no_data' },
      { cohort: '2026-Q3', size: 2, shares: [100] },
    ]);
    expect(aggregate.cohorts(3)[1]).toEqual({ cohort: '2026-Q3', suppressed: 'small_cell' });
  });

  it('retention scenario in the company\'s own numbers', () => {
    // base 2, retained 1 (A, revenue 100 + 105 last year)
    expect(aggregate.scenarioBase()).toEqual({ base: 2, retained: 1, retainedRevenue: 205 });
    const scenario = retentionScenario({ base: 200, retained: 120, retainedRevenue: 60_000 }, 0.3, 40);
    // 5% of 200 = 10 extra customers; 500 revenue each; 30% margin -> 1,500; 10 x 40 = 400 avoided
    expect(scenario).toMatchObject({ extraCustomers: 10, revenuePerRetained: 500, marginKept: 1500, acquisitionAvoided: 400, retentionRate: 60 });
    // 1,500 of 18,000 gross profit = 8.33 %
    expect(scenario.profitUplift).toBeCloseTo(8.3333, 4);
  });
});

describe('complaint handling', () => {
  const t = (text: string) => parseDateTime(text)!;
  const end = Date.parse('2026-10-01T00:00:00Z');
  const aggregate = createComplaintsAggregate(['2026-Q2', '2026-Q3'], ['s1', 's2'], end, (id) => (id === 'A' ? 's1' : undefined));
  aggregate.add({ complaint_id: '1', customer_id: 'A', opened_at: t('2026-08-01T10:00'), first_response_at: t('2026-08-01T12:00'), resolved_at: t('2026-08-02T12:00') });
  aggregate.add({ complaint_id: '2', customer_id: 'X', opened_at: t('2026-08-02T00:00'), first_response_at: t('2026-08-05T00:00'), resolved_at: undefined });
  aggregate.add({ complaint_id: '3', customer_id: 'X', opened_at: t('2026-09-29T12:00'), first_response_at: undefined, resolved_at: undefined });
  const results = aggregate.results(1);

  it('median hours to first response, with the unanswered complaint censored (Kaplan-Meier)', () => {
    // Waits: 2 h (answered), 36 h (still waiting at the end: censored), 72 h (answered).
    // S(2) = 2/3; the censored case leaves the risk set; S(72) = 2/3 x (1 - 1/1) = 0 <= 0.5 -> 72.
    // Dropping the unanswered complaint would have given (2 + 72) / 2 = 37 h: too fast.
    expect(results.complaint_first_response_hours!.latest).toMatchObject({ value: 72, n: 3 });
    // With nothing censored, the Kaplan-Meier median is the ordinary median.
    expect(kaplanMeierMedian([5, 1, 3], [true, true, true])).toBe(3);
  });

  it('unanswered after 48 hours counts only complaints 48 hours old by the end', () => {
    expect(results.complaint_unanswered_48h!.latest).toMatchObject({ value: 50, n: 2 });
  });

  it('resolution rate within 14 days, of complaints that have had the 14 days, and the customer\'s segment when known', () => {
    // Due: opened by 2026-09-17 (#1, #2); #3, opened on 29 September, has not had its 14 days.
    // Resolved within 14 days: #1 only -> 50 %.
    expect(results.complaint_resolution_rate!.latest).toMatchObject({ value: 50, n: 2 });
    expect(results.complaint_resolution_rate!.bySegment).toMatchObject([{ segment: 's1', value: 100, n: 1 }, { segment: 's2', suppressed: 'no_data' }]);
  });

  it('counts a resolution after the window as not resolved within it', () => {
    const late = createComplaintsAggregate(['2026-Q3'], ['s1'], end, () => 's1', 7);
    late.add({ complaint_id: 'a', customer_id: 'A', opened_at: t('2026-07-01T00:00'), first_response_at: t('2026-07-01T01:00'), resolved_at: t('2026-07-08T00:00') }); // 7 days: in
    late.add({ complaint_id: 'b', customer_id: 'A', opened_at: t('2026-07-01T00:00'), first_response_at: t('2026-07-01T01:00'), resolved_at: t('2026-07-08T00:01') }); // a minute late
    late.add({ complaint_id: 'c', customer_id: 'A', opened_at: t('2026-09-25T00:00'), first_response_at: undefined, resolved_at: undefined }); // not yet due
    expect(late.results(1).complaint_resolution_rate!.latest).toMatchObject({ value: 50, n: 2 });
  });

  it('reads date-times with and without offsets', () => {
    expect(t('2026-08-01T10:00')).toBe(Date.UTC(2026, 7, 1, 10, 0));
    expect(t('2026-08-01T12:00+02:00')).toBe(Date.UTC(2026, 7, 1, 10, 0));
    expect(parseDateTime('2026-02-30T10:00')).toBeUndefined();
  });
});
