/**
 * Metrics supplied pre-aggregated in kpis.csv (for companies whose raw data stays in a
 * warehouse) turned into the same results as metrics computed here. A share given without an
 * interval gets a Wilson interval from its value and n; other figures without an interval are
 * published without one. Cells under the minimum size are suppressed like any other.
 */
import { metricDefinition } from '../metrics/catalogue.ts';
import { cellKey, suppressed, type Estimate } from '../metrics/estimate.ts';
import { cutResult, type MetricResult } from '../metrics/results.ts';
import type { KpiRow } from '../schemas/company-data.ts';
import { wilson } from '../stats/intervals.ts';
import { Z95 } from '../stats/student-t.ts';

export function resultsFromKpis(rows: KpiRow[], waves: readonly string[], segments: readonly string[], minimum: number): Record<string, MetricResult> {
  const byMetric = new Map<string, KpiRow[]>();
  for (const row of rows) {
    const list = byMetric.get(row.metric);
    if (list) list.push(row);
    else byMetric.set(row.metric, [row]);
  }
  const results: Record<string, MetricResult> = {};
  for (const [metric, metricRows] of byMetric) {
    const definition = metricDefinition(metric);
    // One row per period and segment (the loader refuses repeats): looked up, not searched.
    const rowAt = new Map(metricRows.map((r) => [`${r.period}\u0000${r.segment}`, r]));
    const estimate = (wave: string, segment: string | null): Estimate => {
      const key = cellKey(wave, segment);
      const row = rowAt.get(`${wave}\u0000${segment ?? 'all'}`);
      if (!row) return suppressed(key, 'no_data');
      if (row.n < minimum) return suppressed(key, 'small_cell');
      if (row.low !== undefined && row.high !== undefined) {
        return { ...key, value: row.value, low: row.low, high: row.high, se: (row.high - row.low) / (2 * Z95), n: row.n, nEffective: null, suppressed: null };
      }
      if (definition.kind === 'share' && !definition.census) {
        const i = wilson(Math.round((row.value / 100) * row.n), row.n);
        return { ...key, value: row.value, low: i.low, high: i.high, se: i.se, n: row.n, nEffective: null, suppressed: null };
      }
      return { ...key, value: row.value, low: null, high: null, se: null, n: row.n, nEffective: null, suppressed: null };
    };
    results[metric] = cutResult(waves, segments, (w, s) => estimate(waves[w]!, s === null ? null : segments[s]!));
  }
  return results;
}
