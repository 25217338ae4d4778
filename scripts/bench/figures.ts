/**
 * Published figures as flat JSON, one entry per metric x wave x segment (x loyalty tier), from the
 * project's report model or from the DuckDB reference (duck.ts), and their comparison: the same
 * n, and values equal up to rounding.
 */
import type { Report } from '../../src/schemas/report.ts';

/** The metrics the DuckDB reference (duck.ts) computes, as the bench reports them. */
export const DUCK_METRICS = [
  'trust_index',
  'trust_reliability',
  'trust_transparency',
  'trust_competence',
  'trust_empathy',
  'trust_consistency',
  'nps',
  'csat',
  'data_concern',
  'transparency_importance',
  'problem_trust',
  'peer_influence',
  'problem_trust (by loyalty tier)',
  'retention_rate',
  'repeat_purchase_rate',
  'purchase_frequency',
  'referral_share',
  'on_time_delivery',
  'price_above_quote',
  'complaint_first_response_hours',
  'complaint_unanswered_48h',
  'complaint_resolution_rate',
  'cohort retention curves (size and shares)',
];

export interface Figure {
  n: number | null;
  value: number | null;
  /** The project's reason for not publishing the cell (null: published). */
  suppressed?: string | null;
}

export interface FigureFile {
  source: string;
  minimum: number;
  waves: string[];
  segments: string[];
  figures: Record<string, Figure>;
  /** DuckDB only: how many rows or cells break each of the project's rules. */
  validation?: Record<string, number>;
  /** Whether survey figures are included (not with weighting in company.yaml). */
  survey: boolean;
}

/** `metric|wave|segment|tier`, `*` for the whole company; cohort curves as metric `cohort`, tier `k<quarters after>`. */
export function figureKey(metric: string, wave: string, segment: string | null, tier: string | null = null): string {
  return `${metric}|${wave}|${segment ?? '*'}|${tier ?? ''}`;
}

/** Every estimate of the report model's metrics (by wave, by segment and wave, by tier) and the cohort curves. */
export function projectFigures(report: Report): FigureFile {
  const figures: Record<string, Figure> = {};
  for (const metric of report.metrics) {
    const result = metric.result;
    if (!result || metric.fromKpis) continue;
    for (const e of [...result.byWave, ...result.bySegmentWave, ...(result.byTier ?? [])]) {
      figures[figureKey(metric.id, e.wave ?? '', e.segment, e.tier)] = { n: e.n, value: e.value, suppressed: e.suppressed };
    }
  }
  for (const cohort of report.cohorts) {
    if ('shares' in cohort) cohort.shares.forEach((share, k) => (figures[figureKey('cohort', cohort.cohort, null, `k${k}`)] = { n: cohort.size, value: share, suppressed: null }));
    else figures[figureKey('cohort', cohort.cohort, null, 'k0')] = { n: null, value: null, suppressed: cohort.suppressed };
  }
  return {
    source: 'project',
    minimum: report.company.minimumCellSize,
    waves: report.waves,
    segments: report.company.segments.map((s) => s.id),
    figures,
    survey: report.company.weighting === null,
  };
}

export interface Difference {
  key: string;
  project: Figure;
  reference: Figure | null;
  reason: string;
}

export interface Comparison {
  /** Metric ids compared (both sides have them). */
  metrics: string[];
  /** Metric ids the project publishes that the reference does not compute. */
  notCompared: string[];
  /** Published cells compared (n and value). */
  compared: number;
  /** Suppressed cells: skipped for their values; small_cell / no_data checked against the reference's n. */
  suppressed: number;
  differing: Difference[];
  /** Largest absolute value difference among published cells with the same n. */
  largest: number;
  largestKey: string | null;
}

const metricOf = (key: string) => key.slice(0, key.indexOf('|'));

/** Compares the project's figures with the reference's, cell by cell. */
export function compareFigures(project: FigureFile, reference: FigureFile): Comparison {
  const referenceMetrics = new Set(Object.keys(reference.figures).map(metricOf));
  const projectMetrics = new Set(Object.keys(project.figures).map(metricOf));
  const differing: Difference[] = [];
  let compared = 0;
  let suppressed = 0;
  let largest = 0;
  let largestKey: string | null = null;
  const minimum = project.minimum;
  for (const [key, p] of Object.entries(project.figures)) {
    if (!referenceMetrics.has(metricOf(key))) continue;
    const r = reference.figures[key] ?? null;
    const rn = r?.n ?? 0;
    const differ = (reason: string) => differing.push({ key, project: p, reference: r, reason });
    if (p.suppressed) {
      suppressed++;
      if (p.suppressed === 'small_cell' && !(rn > 0 && rn < minimum)) differ(`project: small_cell, reference n ${rn}`);
      if (p.suppressed === 'no_data' && rn !== 0) differ(`project: no_data, reference n ${rn}`);
      if (p.suppressed === 'not_reached' && (r?.value !== null || rn < minimum)) differ(`project: not_reached, reference ${r?.value ?? 'no value'} (n ${rn})`);
      continue;
    }
    compared++;
    if (r === null || r.value === null) {
      differ('published by the project, not computable by the reference');
      continue;
    }
    if (r.n !== p.n) {
      differ(`n ${p.n} against ${r.n}`);
      continue;
    }
    const diff = Math.abs(p.value! - r.value);
    if (diff > largest) {
      largest = diff;
      largestKey = key;
    }
    if (!(diff <= 1e-9 * Math.max(1, Math.abs(r.value)))) differ(`value ${p.value} against ${r.value}`);
  }
  return {
    metrics: [...projectMetrics].filter((m) => referenceMetrics.has(m)).sort(),
    notCompared: [...projectMetrics].filter((m) => !referenceMetrics.has(m)).sort(),
    compared,
    suppressed,
    differing,
    largest,
    largestKey,
  };
}
