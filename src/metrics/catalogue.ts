/**
 * Every company metric the report publishes: what it is computed from, its unit and scale,
 * which direction is good, and which public benchmark figures (by their `metric` key in
 * statistics.csv) it may be set beside. How each is computed is documented in its family's module.
 */
import type { TrustDimension } from '../schemas/company-data.ts';

export type MetricSource = 'survey' | 'orders' | 'complaints';
/** share: % of a group (0-100); nps: -100..100; index: 0-100 score; hours; orders: per customer. */
export type MetricKind = 'share' | 'nps' | 'index' | 'hours' | 'orders';
export type TrustGroup = 'ability' | 'benevolence' | 'integrity';

export interface BenchmarkLink {
  /** The `metric` key of benchmark rows in statistics.csv. */
  metric: string;
  /** How close the public question is to ours. */
  wording: 'same' | 'similar' | 'different';
  /** Context only: shown beside the metric, never turned into a gap. */
  contextOnly?: boolean;
}

export interface MetricDefinition {
  id: string;
  source: MetricSource;
  kind: MetricKind;
  /** Is a higher value better? Shown with a symbol as well as colour. */
  better: 'higher' | 'lower';
  /** A census of all customers or orders (no sampling interval), or a survey sample. */
  census: boolean;
  dimension?: TrustDimension;
  group?: TrustGroup;
  benchmarks: BenchmarkLink[];
}

const survey = (id: string, kind: MetricKind, benchmarks: BenchmarkLink[] = [], extra: Partial<MetricDefinition> = {}): MetricDefinition => ({
  id,
  source: 'survey',
  kind,
  better: 'higher',
  census: false,
  benchmarks,
  ...extra,
});

const behaviour = (id: string, source: MetricSource, kind: MetricKind, better: 'higher' | 'lower', benchmarks: BenchmarkLink[] = []): MetricDefinition => ({
  id,
  source,
  kind,
  better,
  census: true,
  benchmarks,
});

/** Mayer, Davis & Schoorman (1995): ability = competence + reliability; benevolence = empathy; integrity = honesty + consistency. */
export const DIMENSION_GROUP: Record<TrustDimension, TrustGroup> = {
  reliability: 'ability',
  competence: 'ability',
  empathy: 'benevolence',
  transparency: 'integrity',
  consistency: 'integrity',
};

export const METRICS: readonly MetricDefinition[] = [
  survey('trust_index', 'index', [{ metric: 'brand_trust', wording: 'different', contextOnly: true }]),
  survey('trust_reliability', 'index', [], { dimension: 'reliability', group: 'ability' }),
  survey('trust_competence', 'index', [], { dimension: 'competence', group: 'ability' }),
  survey('trust_empathy', 'index', [], { dimension: 'empathy', group: 'benevolence' }),
  survey('trust_transparency', 'index', [], { dimension: 'transparency', group: 'integrity' }),
  survey('trust_consistency', 'index', [], { dimension: 'consistency', group: 'integrity' }),
  survey('nps', 'nps', [{ metric: 'nps', wording: 'same' }]),
  survey('csat', 'share', [{ metric: 'satisfaction_index', wording: 'different' }]),
  { ...survey('data_concern', 'share', [{ metric: 'data_concern', wording: 'similar' }]), better: 'lower' },
  survey('transparency_importance', 'share', [{ metric: 'transparency_importance', wording: 'similar' }]),
  survey('problem_trust', 'share', [{ metric: 'problem_trust', wording: 'similar' }]),
  survey('peer_influence', 'share', [
    { metric: 'peer_credibility', wording: 'different', contextOnly: true },
    { metric: 'peer_vs_marketing_trust', wording: 'different', contextOnly: true },
  ]),
  behaviour('referral_share', 'orders', 'share', 'higher', [{ metric: 'peer_vs_marketing_trust', wording: 'different', contextOnly: true }]),
  behaviour('retention_rate', 'orders', 'share', 'higher', [
    { metric: 'retention_profit_uplift', wording: 'different', contextOnly: true },
    { metric: 'acquisition_cost_multiple', wording: 'different', contextOnly: true },
  ]),
  behaviour('repeat_purchase_rate', 'orders', 'share', 'higher'),
  behaviour('purchase_frequency', 'orders', 'orders', 'higher'),
  behaviour('on_time_delivery', 'orders', 'share', 'higher'),
  behaviour('price_above_quote', 'orders', 'share', 'lower'),
  behaviour('complaint_first_response_hours', 'complaints', 'hours', 'lower'),
  behaviour('complaint_unanswered_48h', 'complaints', 'share', 'lower'),
  behaviour('complaint_resolution_rate', 'complaints', 'share', 'higher'),
];

export const METRIC_IDS = METRICS.map((m) => m.id);

export function metricDefinition(id: string): MetricDefinition {
  const found = METRICS.find((m) => m.id === id);
  if (!found) throw new Error(`unknown metric "${id}"`);
  return found;
}
