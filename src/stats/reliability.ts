/**
 * Internal consistency of a multi-item scale: Cronbach's alpha (Cronbach 1951, Psychometrika
 * 16:297-334) from the items' covariance matrix, with the asymptotic 95 % interval of van Zyl,
 * Neudecker & Nel (2000, Psychometrika 65:271-280), as recommended by Duhachek & Iacobucci (2004,
 * J. Applied Psychology 89:792-808):
 *
 *   alpha = k / (k - 1) * (1 - tr(V) / 1'V1)
 *   Var(alpha) = 2k^2 / ((k - 1)^2 (1'V1)^3) * [1'V1 (tr(V^2) + tr(V)^2) - 2 tr(V) 1'V^2 1] / n
 */
import { Z95 } from './student-t.ts';

export interface Reliability {
  alpha: number;
  low: number;
  high: number;
  /** Respondents who answered every item. */
  n: number;
  items: number;
}

/** From the count, the item sums and the k x k matrix of cross-product sums (row-major). */
export function cronbachAlpha(n: number, sums: ArrayLike<number>, crossProducts: ArrayLike<number>): Reliability | null {
  const k = sums.length;
  if (k < 2 || n < 3) return null;
  const V: number[] = [];
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) V.push((crossProducts[i * k + j]! - (sums[i]! * sums[j]!) / n) / (n - 1));
  }
  let trace = 0;
  let total = 0; // 1'V1
  let traceV2 = 0;
  let totalV2 = 0; // 1'V^2 1
  const rowSums = new Array<number>(k).fill(0);
  for (let i = 0; i < k; i++) {
    trace += V[i * k + i]!;
    for (let j = 0; j < k; j++) {
      total += V[i * k + j]!;
      rowSums[i]! += V[i * k + j]!;
      traceV2 += V[i * k + j]! * V[j * k + i]!;
    }
  }
  for (const r of rowSums) totalV2 += r * r;
  if (!(total > 0)) return null;
  const alpha = (k / (k - 1)) * (1 - trace / total);
  const q = ((2 * k * k) / ((k - 1) ** 2 * total ** 3)) * (total * (traceV2 + trace * trace) - 2 * trace * totalV2);
  const se = Math.sqrt(Math.max(0, q) / n);
  return { alpha, low: alpha - Z95 * se, high: Math.min(1, alpha + Z95 * se), n, items: k };
}
