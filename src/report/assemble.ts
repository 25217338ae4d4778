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
import { compare, judgeGaps, type CompanyProfile } from './compare.ts';
import { adjustFamily, censusDifference, change, surveyDifference, verdictOfChange, verdictOfDifference, type SegmentDifference } from './changes.ts';
import { resultsFromKpis } from './kpis.ts';
import { protectResults } from '../metrics/disclosure.ts';
import { benchmarkUncertainty } from '../stats/benchmark-uncertainty.ts';
import { DRIVER_RESAMPLES } from '../stats/drivers.ts';
import { retentionWaves, STAYED_QUARTERS } from '../metrics/survey.ts';

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
  // Disclosure control first: nothing below may see a cell that could give a small one away.
  protectResults(results, data.waves, segmentIds, (id) => {
    const definition = METRICS.find((m) => m.id === id);
    return definition && definition.source !== 'orders' ? definition.source : id;
  }, (id) => !(id in kpiResults) || id in data.results);
  const countries = data.survey?.countries() ?? [];
  const profile: CompanyProfile = { markets: company.markets ?? countries, industry: company.industry ?? null };
  const materiality = company.materiality;
  const segmentTests = data.survey?.segmentTests(minimum) ?? {};

  const metrics: ReportMetric[] = METRICS.map((definition) => {
    const result = results[definition.id] ?? null;
    const comparisons = result
      ? definition.benchmarks.flatMap((link) =>
          statistics
            .filter((stat) => stat.metric === link.metric)
            .map((stat) =>
              compare(definition, link, result.latest, stat, profile, (markets) =>
                definition.source === 'survey' && data.survey && !(definition.id in kpiResults) ? data.survey.latestFor(definition.id, markets, minimum) : null,
              ),
            ),
        )
      : [];
    const noComparison = !result
      ? 'no_data'
      : definition.benchmarks.length === 0 || comparisons.length === 0
        ? 'no_public_benchmark'
        : comparisons.every((c) => !c.comparable)
          ? 'context_only'
          : null;
    const published = (result?.byWave ?? []).filter((e) => e.value !== null);
    const latest = result?.latest.value !== null ? result?.latest : undefined;
    const previous = result?.byWave.at(-2);
    const sinceFirst = latest && published[0] ? change(definition, published[0], latest, materiality) : null;
    const sincePrevious = latest && previous && previous.value !== null ? change(definition, previous, latest, materiality) : null;
    // Segment differences, only for segments whose own cell is published.
    const segmentDifferences: SegmentDifference[] = [];
    for (const e of result?.bySegment ?? []) {
      if (e.value === null || e.segment === null) continue;
      if (definition.census || definition.id in kpiResults) {
        const d = definition.census ? censusDifference(definition, e, result!.latest, materiality) : null;
        if (d) segmentDifferences.push(d);
      } else {
        const test = segmentTests[definition.id]?.[e.segment];
        if (test) segmentDifferences.push(surveyDifference(e.segment, test));
      }
    }
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
      changes: { sinceFirst, sincePrevious },
      segmentDifferences,
      noComparison,
    };
  });
  // The report's families of claims, each adjusted with Holm's procedure (see changes.ts).
  judgeGaps(metrics.flatMap((m) => m.comparisons));
  adjustFamily(metrics.flatMap((m) => [m.changes.sinceFirst, m.changes.sincePrevious].filter((c) => c !== null)));
  // One family per segment: its differences from the rest of the company, over every metric.
  const differencesOf = new Map<string, (typeof metrics)[number]['segmentDifferences']>();
  for (const m of metrics) {
    for (const d of m.segmentDifferences) {
      const family = differencesOf.get(d.segment);
      if (family) family.push(d);
      else differencesOf.set(d.segment, [d]);
    }
  }
  for (const segment of segmentIds) adjustFamily(differencesOf.get(segment) ?? []);
  const differenceOf = new Map(metrics.flatMap((m) => m.segmentDifferences.map((d) => [`${m.id}\u0000${d.segment}`, d] as const)));
  for (const m of metrics) {
    for (const c of [m.changes.sinceFirst, m.changes.sincePrevious]) if (c && c.p !== null) c.verdict = verdictOfChange(m, c.difference, c.holds);
    for (const d of m.segmentDifferences) if (d.p !== null) d.verdict = verdictOfDifference(m, d.difference, d.holds);
  }

  // Key drivers: a group hidden in the survey metrics' latest wave (after disclosure control) is hidden there too.
  const latestTrustOf = new Map((results.trust_index?.bySegment ?? []).map((e) => [e.segment, e]));
  const hiddenInTrustIndex = (segment: string | null) => {
    const cell = segment === null ? results.trust_index?.latest : latestTrustOf.get(segment);
    return cell?.suppressed === 'small_cell' || cell?.suppressed === 'complementary' ? cell.suppressed : null;
  };
  // Key drivers of staying: linked respondents of every wave whose following quarters are observed.
  const retentionDrivers = () => {
    const orders = data.orders;
    const pooled = retentionWaves(data.waves, company.reporting_period.end);
    if (!data.survey || !orders || pooled.length === 0) return null;
    const analysis = data.survey.retentionDrivers(minimum, pooled, (id, wave) => orders.ordersAfter(id, wave, STAYED_QUARTERS), hiddenInTrustIndex);
    if (analysis.waves.length === 0) return null;
    return { outcome: 'ordered_next_2_quarters' as const, waves: analysis.waves, resamples: DRIVER_RESAMPLES, groups: analysis.groups };
  };

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
      markets: [...profile.markets],
      industry: profile.industry,
      counts: data.counts,
      materiality,
      complaintResolutionDays: company.complaint_resolution_days,
      repeatAnswers: company.repeat_answers,
      weighting: company.weighting && data.survey ? { by: company.weighting.by, designEffects: data.survey.designEffects() } : null,
    },
    reliability: data.survey?.reliability() ?? null,
    drivers: data.survey
      ? {
          outcome: 'recommend_0_10',
          method: 'shapley_r2',
          wave: data.waves.at(-1)!,
          resamples: DRIVER_RESAMPLES,
          // A group hidden in the survey metrics' latest wave (after disclosure control) is hidden here too.
          groups: data.survey.drivers(minimum, hiddenInTrustIndex),
          retention: retentionDrivers(),
        }
      : null,
    asOf,
    waves: data.waves,
    metrics,
    cohorts: data.orders ? data.orders.cohorts(minimum) : [],
    sayVsDo: haveSayVsDo
      ? sayVsDo(segmentIds, results, (metric, segment) => differenceOf.get(`${metric}\u0000${segment}`))
      : [],
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
    descriptive: source.descriptive,
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
    sample: source.sample,
    designEffect: source.design_effect ?? null,
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
  const figure = {
    value: stat.value ?? null,
    qualifier: stat.qualifier ?? null,
    measure: stat.measure,
    unit: stat.unit,
    scale: stat.scale,
    n: stat.n ?? (stat.population === undefined ? (source.n ?? null) : null),
  };
  const uncertainty = benchmarkUncertainty(figure, {
    n: source.n ?? null,
    marginOfError: source.margin_of_error ?? null,
    sample: source.sample,
    designEffect: source.design_effect ?? null,
  });
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
    n: figure.n,
    industry: stat.industry ?? null,
    uncertainty,
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
