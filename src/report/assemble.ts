/**
 * Emit stage: turns validated inputs into the report model. Pure: same inputs, same model,
 * byte for byte (stable order, no clock).
 */
import { METRICS } from '../metrics/catalogue.ts';
import type { MetricResult } from '../metrics/results.ts';
import { retentionScenario } from '../metrics/retention-scenario.ts';
import { sayVsDo } from '../metrics/say-vs-do.ts';
import type { Benchmarks, LoadedSource, LoadedStatistic } from '../pipeline/load-benchmarks.ts';
import type { CompanyData } from '../pipeline/load-company-data.ts';
import type { Company } from '../schemas/company.ts';
import { REPORT_VERSION, type Report, type ReportMetric, type ReportSource, type ReportStatistic } from '../schemas/report.ts';
import { compare } from './compare.ts';
import { resultsFromKpis } from './kpis.ts';

export interface AssembleInput {
  company: Company;
  benchmarks: Benchmarks;
  data: CompanyData;
}

export function assembleReport({ company, benchmarks, data }: AssembleInput): Report {
  const asOf = company.reporting_period.end;
  const sourcesById = new Map(benchmarks.sources.map((s) => [s.id, s]));
  const sources = benchmarks.sources.map(toReportSource);
  const statistics = benchmarks.statistics.map((stat) =>
    toReportStatistic(stat, sourcesById.get(stat.source)!, asOf, company.benchmark_max_age_years),
  );
  const segmentIds = company.segments.map((s) => s.id);
  const minimum = company.minimum_cell_size;
  const kpiResults = resultsFromKpis(data.kpis, data.waves, segmentIds, minimum);
  const results: Record<string, MetricResult> = { ...kpiResults, ...data.results };
  const countries = data.survey?.countries() ?? [];
  const sourceById = new Map(sources.map((s) => [s.id, s]));

  const metrics: ReportMetric[] = METRICS.map((definition) => {
    const result = results[definition.id] ?? null;
    const comparisons = result
      ? definition.benchmarks.flatMap((link) =>
          statistics
            .filter((stat) => stat.metric === link.metric)
            .map((stat) => compare(definition, link, result.latest, stat, sourceById.get(stat.sourceId)!, countries)),
        )
      : [];
    const noComparison = !result
      ? 'no_data'
      : definition.benchmarks.length === 0 || comparisons.length === 0
        ? 'no_public_benchmark'
        : comparisons.every((c) => !c.comparable)
          ? 'context_only'
          : null;
    return {
      id: definition.id,
      source: definition.source,
      kind: definition.kind,
      better: definition.better,
      census: definition.census,
      dimension: definition.dimension ?? null,
      group: definition.group ?? null,
      fromKpis: result !== null && definition.id in kpiResults && !(definition.id in data.results),
      result,
      comparisons,
      noComparison,
    };
  });

  const haveSayVsDo = ['nps', 'csat', 'retention_rate', 'repeat_purchase_rate'].every((id) => results[id]);
  const scenario = data.orders ? retentionScenario(data.orders.scenarioBase(), company.gross_margin, company.acquisition_cost) : null;

  return {
    version: REPORT_VERSION,
    company: {
      name: company.name,
      locales: company.locales,
      defaultLocale: company.default_locale,
      currency: company.currency,
      siteUrl: company.site_url ?? null,
      reportingPeriod: company.reporting_period,
      minimumCellSize: minimum,
      segments: company.segments.map((s) => ({ id: s.id, labels: s.labels })),
      countries,
      counts: data.counts,
    },
    asOf,
    waves: data.waves,
    metrics,
    cohorts: data.orders ? data.orders.cohorts(minimum) : [],
    sayVsDo: haveSayVsDo ? sayVsDo(segmentIds, results) : [],
    scenario: scenario && {
      ...scenario,
      claims: statistics.filter((s) => s.metric === 'retention_profit_uplift' || s.metric === 'acquisition_cost_multiple').map((s) => s.id),
    },
    // Filled by the data build once the guidance is loaded.
    guidance: [],
    recommendations: [],
    library: { staleAfterYears: company.benchmark_max_age_years, sources, statistics },
  };
}

function toReportSource(source: LoadedSource): ReportSource {
  return {
    id: source.id,
    publisher: source.publisher,
    title: source.title,
    authors: source.authors ?? [],
    year: source.year ?? null,
    released: source.released ?? null,
    releasedNote: source.released_note ?? null,
    fieldwork: {
      start: source.fieldwork?.start ?? null,
      end: source.fieldwork?.end ?? null,
      note: source.fieldwork?.note ?? null,
    },
    population: source.population,
    markets: source.markets,
    n: source.n ?? null,
    nNote: source.n_note ?? null,
    marginOfError: source.margin_of_error ?? null,
    marginNote: source.margin_note ?? null,
    method: source.method,
    url: source.url ?? null,
    status: source.status,
    caveats: source.caveats,
    i18n: {},
    origin: source.origin,
  };
}

/** The date a figure's age counts from: when it was published, as precisely as known. */
export function datedFrom(source: LoadedSource): string | null {
  if (source.released) return source.released;
  if (source.fieldwork?.end) return source.fieldwork.end;
  if (source.year !== undefined) return `${source.year}-07-01`;
  return null;
}

/** Whole years between two ISO dates (the age a person would say). */
export function wholeYearsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  let years = ty - fy;
  if (tm < fm || (tm === fm && td < fd)) years--;
  return years;
}

function toReportStatistic(stat: LoadedStatistic, source: LoadedSource, asOf: string, maxAge: number): ReportStatistic {
  const from = datedFrom(source);
  const ageYears = from === null ? null : wholeYearsBetween(from, asOf);
  return {
    id: stat.id,
    sourceId: stat.source,
    metric: stat.metric,
    measure: stat.measure,
    unit: stat.unit,
    scale: stat.scale,
    value: stat.value ?? null,
    low: stat.low ?? null,
    high: stat.high ?? null,
    decimals: stat.decimals,
    qualifier: stat.qualifier ?? null,
    population: stat.population ?? source.population,
    markets: stat.markets ?? source.markets,
    n: stat.n ?? (stat.population === undefined ? (source.n ?? null) : null),
    wording: stat.wording,
    status: stat.status,
    caveat: stat.caveat ?? null,
    note: stat.note ?? null,
    datedFrom: from,
    ageYears,
    // A figure whose age cannot be told is treated as stale: the reader cannot judge it.
    stale: ageYears === null || ageYears > maxAge,
    i18n: {},
    origin: stat.origin,
  };
}
