/**
 * The retention scenario: what keeping 5 more of every 100 customers would be worth, in the
 * company's own numbers, beside the widely quoted (and misquoted) "+5 % retention, +25 % to +95 %
 * profit" claim.
 *
 *   extra customers      = 5 % of the retention base (customers who ordered in the year before)
 *   margin kept          = extra customers x revenue per retained customer last year x gross margin
 *   acquisition avoided  = extra customers x acquisition cost (what replacing them would cost)
 *   uplift of gross profit = margin kept / gross profit of the retained customers last year
 *
 * Without a gross margin in company.yaml only the customer counts are given; without an
 * acquisition cost the avoided cost is left out.
 */
import type { ScenarioBase } from './orders.ts';

export const SCENARIO_POINTS = 5;

export interface RetentionScenario {
  points: number;
  base: number;
  retentionRate: number | null;
  extraCustomers: number;
  revenuePerRetained: number | null;
  grossMargin: number | null;
  acquisitionCost: number | null;
  marginKept: number | null;
  acquisitionAvoided: number | null;
  /** Relative rise of last year's gross profit from retained customers, in %. */
  profitUplift: number | null;
}

export function retentionScenario(input: ScenarioBase, grossMargin?: number, acquisitionCost?: number): RetentionScenario {
  const extraCustomers = (input.base * SCENARIO_POINTS) / 100;
  const revenuePerRetained = input.retained > 0 ? input.retainedRevenue / input.retained : null;
  const marginKept = grossMargin !== undefined && revenuePerRetained !== null ? extraCustomers * revenuePerRetained * grossMargin : null;
  const grossProfit = grossMargin !== undefined ? input.retainedRevenue * grossMargin : null;
  return {
    points: SCENARIO_POINTS,
    base: input.base,
    retentionRate: input.base > 0 ? (100 * input.retained) / input.base : null,
    extraCustomers,
    revenuePerRetained,
    grossMargin: grossMargin ?? null,
    acquisitionCost: acquisitionCost ?? null,
    marginKept,
    acquisitionAvoided: acquisitionCost !== undefined ? extraCustomers * acquisitionCost : null,
    profitUplift: marginKept !== null && grossProfit ? (100 * marginKept) / grossProfit : null,
  };
}
