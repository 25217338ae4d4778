/** One public figure (src/views/Statistic.astro): value, wording, who was asked, how old it is, how sure we are, how to cite it. */
import type { Translator } from '../i18n/core.ts';
import { benchmarkUncertaintyText, citation, describeUnit, formatMarkets, formatStatisticValue, sourceYear, STATUS_DESCRIPTION } from '../site/benchmark-text.ts';
import { sourcePublisher, sourceTitle, statText } from '../site/library-text.ts';
import { sourceById, statisticById } from '../site/lookup.ts';
import { comparisonEstimate, comparisonSummary, metricName } from '../site/metric-text.ts';
import type { PreparedReport } from '../site/model.ts';
import { paths } from '../site/paths.ts';
import { estimateCell, statusBadge, type EstimateCell, type LocalText, type StatusBadgeProps } from './common.ts';
import { provenance, type ProvenanceProps } from './library.ts';

export interface StatisticPageProps {
  title: string;
  description: string;
  libraryHref: string;
  source: { href: string; label: string; title: LocalText };
  status: string;
  /** A misquoted or unverified figure is headlined by what it is, never by its number. */
  heading: string | null;
  value: string;
  misquoted: boolean;
  wording: LocalText;
  caveat: LocalText | null;
  /** The caveat's box is a warning (misquoted or unverified). */
  warn: boolean;
  unit: string;
  badge: StatusBadgeProps;
  statusDescription: string;
  /** The age flag, for a stale figure. */
  staleFlag: string | null;
  companyHeading: string;
  company: Array<{ href: string; name: string; wave: string; companyName: string; estimate: EstimateCell | null; n: string | null; markets: string | null; summary: string }>;
  population: LocalText;
  markets: string;
  n: string;
  uncertainty: string;
  age: string;
  note: LocalText | null;
  provenance: ProvenanceProps;
  unrecorded: ProvenanceProps;
  citation: string;
  origin: { file: string; line: number; id: string };
}

export function statisticPage(model: PreparedReport, t: Translator, id: string): StatisticPageProps {
  const report = model.report;
  const f = t.format;
  const stat = statisticById(report, id);
  const source = sourceById(report, stat.sourceId);
  const value = formatStatisticValue(stat, t);
  const text = (field: Parameters<typeof statText>[1]) => statText(stat, field, t.locale, source);
  const usedBy = model.usedBy.get(stat.id) ?? [];
  const year = sourceYear(source, t);
  const heading = stat.status === 'misquoted' ? t('statistic.heading_misquoted') : stat.status === 'unverified' ? t('statistic.heading_unverified') : null;
  const wording = text('wording');
  const wave = t.format.quarter(report.waves.at(-1)!);
  // The company's own figures beside this one: every metric's comparison with it.
  const company = usedBy.flatMap((m) => m.comparisons.filter((c) => c.statisticId === stat.id).map((c) => {
    const e = comparisonEstimate(m, c);
    return {
      href: paths.metric(t.locale, m.id),
      name: metricName(m.id, t),
      wave,
      companyName: report.company.name,
      estimate: e ? estimateCell(m, e, t, report.company.minimumCellSize) : null,
      n: e && e.n !== null ? t('cell.n', { n: e.n }) : null,
      markets: c.company.markets ? t('compare.company_markets', { markets: formatMarkets(c.company.markets, t) }) : null,
      summary: comparisonSummary(m, c, t),
    };
  }));
  return {
    title: heading ? `${heading} ${wording.text} · ${sourcePublisher(source, t.locale)} ${year}` : `${value} · ${sourcePublisher(source, t.locale)} ${year}`,
    description: heading ? `${heading} ${wording.text} (${sourcePublisher(source, t.locale)}, ${year})` : `${value}: ${wording.text} (${sourcePublisher(source, t.locale)}, ${year})`,
    libraryHref: paths.library(t.locale),
    source: { href: paths.source(t.locale, source.id), label: `${sourcePublisher(source, t.locale)} (${year})`, title: sourceTitle(source, t.locale) },
    status: stat.status,
    heading,
    value,
    misquoted: stat.status === 'misquoted',
    wording,
    caveat: stat.caveat ? text('caveat') : null,
    warn: stat.status === 'misquoted' || stat.status === 'unverified',
    unit: describeUnit(stat, t),
    badge: statusBadge(stat.status, t),
    statusDescription: t(STATUS_DESCRIPTION[stat.status]),
    staleFlag: stat.stale
      ? stat.ageYears === null ? t('statistic.age_unknown_flag') : t('statistic.stale_flag', { years: stat.ageYears, max: report.library.staleAfterYears })
      : null,
    companyHeading: t('statistic.company_heading', { company: report.company.name }),
    company,
    population: text('population'),
    markets: formatMarkets(stat.markets, t),
    n: stat.n !== null ? f.integer(stat.n) : t('statistic.n_unknown'),
    uncertainty: benchmarkUncertaintyText(stat, t),
    age: stat.ageYears === null ? t('statistic.age_unknown') : t('statistic.age_value', { years: stat.ageYears, date: f.date(report.asOf) }),
    note: stat.note ? text('note') : null,
    provenance: provenance(source, t, 'recorded', true),
    unrecorded: provenance(source, t, 'unrecorded'),
    citation: citation(stat, source, t),
    origin: { file: stat.origin.file, line: stat.origin.line, id: stat.id },
  };
}
