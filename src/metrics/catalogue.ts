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

/**
 * A public figure the metric may be set beside, declared once for every company:
 * - `same_measure`: the public figure asks the same question on the same answer scale, so it can be
 *   a benchmark, provided its population is one the company can claim to be comparable with
 *   (same market, same industry for an industry figure; decided in src/report/compare.ts);
 * - `context`: a different question, referent, answer scale or construct. Shown side by side with
 *   both uncertainties and how the two differ; never a gap with a verdict, never a reason.
 */
export interface BenchmarkLink {
  /** The `metric` key of benchmark rows in statistics.csv. */
  metric: string;
  measures: 'same_measure' | 'context';
  /** For context links: the ways the public question differs from the company's. */
  differs?: readonly QuestionDifference[];
}

/** How a public question can differ from the company's own. */
export type QuestionDifference = 'question' | 'referent' | 'answer_scale' | 'construct';

/** `Id`: the metric's id; the catalogue's own entries have the literal id (see `MetricId`). */
export interface MetricDefinition<Id extends string = string> {
  id: Id;
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

const survey = <const Id extends string>(id: Id, kind: MetricKind, benchmarks: BenchmarkLink[] = [], extra: Partial<Omit<MetricDefinition, 'id'>> = {}): MetricDefinition<Id> => ({
  id,
  source: 'survey',
  kind,
  better: 'higher',
  census: false,
  benchmarks,
  ...extra,
});

const behaviour = <const Id extends string>(id: Id, source: MetricSource, kind: MetricKind, better: 'higher' | 'lower', benchmarks: BenchmarkLink[] = []): MetricDefinition<Id> => ({
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

const CATALOGUE = [
  survey('trust_index', 'index', [{ metric: 'brand_trust', measures: 'context', differs: ['construct', 'answer_scale'] }]),
  survey('trust_reliability', 'index', [], { dimension: 'reliability', group: 'ability' }),
  survey('trust_competence', 'index', [], { dimension: 'competence', group: 'ability' }),
  survey('trust_empathy', 'index', [], { dimension: 'empathy', group: 'benevolence' }),
  survey('trust_transparency', 'index', [], { dimension: 'transparency', group: 'integrity' }),
  survey('trust_consistency', 'index', [], { dimension: 'consistency', group: 'integrity' }),
  // The NPS question and its 0-10 scale are standard, so a public NPS measures the same thing.
  survey('nps', 'nps', [{ metric: 'nps', measures: 'same_measure' }]),
  survey('csat', 'share', [{ metric: 'satisfaction_index', measures: 'context', differs: ['construct', 'answer_scale'] }]),
  // Ours: 4-5 on a 1-5 agreement item about this company. Pew: "very or somewhat concerned" on a
  // 4-point scale without a midpoint, about companies in general.
  { ...survey('data_concern', 'share', [{ metric: 'data_concern', measures: 'context', differs: ['referent', 'answer_scale'] }]), better: 'lower' },
  // Ours: importance of transparency. Sprout: transparency is "more important than ever before".
  survey('transparency_importance', 'share', [{ metric: 'transparency_importance', measures: 'context', differs: ['question'] }]),
  survey('problem_trust', 'share', [{ metric: 'problem_trust', measures: 'context', differs: ['question'] }]),
  survey('peer_influence', 'share', [
    { metric: 'peer_credibility', measures: 'context', differs: ['question', 'construct'] },
    { metric: 'peer_vs_marketing_trust', measures: 'context', differs: ['construct'] },
  ]),
  behaviour('referral_share', 'orders', 'share', 'higher', [{ metric: 'peer_vs_marketing_trust', measures: 'context', differs: ['construct'] }]),
  behaviour('retention_rate', 'orders', 'share', 'higher', [
    { metric: 'retention_profit_uplift', measures: 'context', differs: ['construct'] },
    { metric: 'acquisition_cost_multiple', measures: 'context', differs: ['construct'] },
  ]),
  behaviour('repeat_purchase_rate', 'orders', 'share', 'higher'),
  behaviour('purchase_frequency', 'orders', 'orders', 'higher'),
  behaviour('on_time_delivery', 'orders', 'share', 'higher'),
  behaviour('price_above_quote', 'orders', 'share', 'lower'),
  behaviour('complaint_first_response_hours', 'complaints', 'hours', 'lower'),
  behaviour('complaint_unanswered_48h', 'complaints', 'share', 'lower'),
  behaviour('complaint_resolution_rate', 'complaints', 'share', 'higher'),
] as const;

/** The id of a catalogue metric: 'trust_index' | 'nps' | … (derived from the list above). */
export type MetricId = (typeof CATALOGUE)[number]['id'];

export const METRICS: readonly MetricDefinition<MetricId>[] = CATALOGUE;

/** Every catalogue id, typed as plain strings so that unchecked input can be looked up in it. */
export const METRIC_IDS: string[] = METRICS.map((m) => m.id);

export function metricDefinition(id: string): MetricDefinition {
  const found = METRICS.find((m) => m.id === id);
  if (!found) throw new Error(`unknown metric "${id}"`);
  return found;
}
