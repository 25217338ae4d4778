/**
 * Emit stage: turns validated inputs into the report model. Pure: same inputs, same model,
 * byte for byte (stable order, no clock).
 */
import type { Benchmarks, LoadedSource, LoadedStatistic } from '../pipeline/load-benchmarks.ts';
import type { Company } from '../schemas/company.ts';
import { REPORT_VERSION, type Report, type ReportSource, type ReportStatistic } from '../schemas/report.ts';

export interface AssembleInput {
  company: Company;
  benchmarks: Benchmarks;
}

export function assembleReport({ company, benchmarks }: AssembleInput): Report {
  const asOf = company.reporting_period.end;
  const sourcesById = new Map(benchmarks.sources.map((s) => [s.id, s]));
  const sources = benchmarks.sources.map(toReportSource);
  const statistics = benchmarks.statistics.map((stat) =>
    toReportStatistic(stat, sourcesById.get(stat.source)!, asOf, company.benchmark_max_age_years),
  );
  return {
    version: REPORT_VERSION,
    company: {
      name: company.name,
      locales: company.locales,
      defaultLocale: company.default_locale,
      currency: company.currency,
      siteUrl: company.site_url ?? null,
      reportingPeriod: company.reporting_period,
    },
    asOf,
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
    origin: stat.origin,
  };
}
