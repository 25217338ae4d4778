/**
 * The benchmark library: the list of every figure or of one status (library pages), one
 * publication (source pages), and the pieces they share: the filters, a table of figures, a
 * publication's heading and its provenance.
 */
import type { Translator } from '../i18n/core.ts';
import { VERIFICATION_STATUSES, type VerificationStatus } from '../schemas/common.ts';
import type { ReportSource, ReportStatistic } from '../schemas/report.ts';
import { formatMarkets, formatStatisticValue, sourceYear, statisticsBySource, STATUS_DESCRIPTION, STATUS_LABEL } from '../site/benchmark-text.ts';
import { sourceCaveats, sourcePublisher, sourceText, sourceTitle, statText } from '../site/library-text.ts';
import { sourceById } from '../site/lookup.ts';
import type { PreparedReport } from '../site/model.ts';
import { paths } from '../site/paths.ts';
import { statusBadge, type LocalText, type StatusBadgeProps } from './common.ts';

export interface StatisticTableProps {
  caption: string;
  rows: Array<{
    href: string;
    value: string;
    misquoted: boolean;
    wording: LocalText;
    stale: boolean;
    /** For a misquoted figure: what the source says. */
    correction: LocalText | null;
    population: LocalText;
    badge: StatusBadgeProps;
  }>;
}

export function statisticTable(model: PreparedReport, statistics: readonly ReportStatistic[], t: Translator, caption: string): StatisticTableProps {
  return {
    caption,
    rows: statistics.map((stat) => ({
      href: paths.statistic(t.locale, stat.id),
      value: formatStatisticValue(stat, t),
      misquoted: stat.status === 'misquoted',
      wording: statText(stat, 'wording', t.locale),
      stale: stat.stale,
      correction: stat.status === 'misquoted' && stat.caveat ? statText(stat, 'caveat', t.locale) : null,
      population: statText(stat, 'population', t.locale, sourceById(model.report, stat.sourceId)),
      badge: statusBadge(stat.status, t),
    })),
  };
}

export interface SourceHeadingProps {
  id: string;
  href: string;
  publisher: string;
  year: string;
  title: LocalText;
  badge: StatusBadgeProps;
}

export function sourceHeading(source: ReportSource, t: Translator): SourceHeadingProps {
  return { id: `source-${source.id}`, href: paths.source(t.locale, source.id), publisher: sourcePublisher(source, t.locale), year: sourceYear(source, t), title: sourceTitle(source, t.locale), badge: statusBadge(source.status, t) };
}

export interface LibraryFiltersProps {
  all: { href: string; current: boolean; count: string };
  statuses: Array<{ href: string; current: boolean; symbol: string; label: string; count: string }>;
  sources: Array<{ href: string; current: boolean; text: string; count: string }>;
}

/** Filters over the whole library, as plain links; `current`: the page showing them. */
export function libraryFilters(model: PreparedReport, t: Translator, current: string): LibraryFiltersProps {
  const { sources, statistics } = model.report.library;
  const countBySource = (id: string) => statistics.filter((s) => s.sourceId === id).length;
  const link = (href: string) => ({ href, current: href === current });
  return {
    all: { ...link(paths.library(t.locale)), count: t.format.integer(statistics.length) },
    statuses: VERIFICATION_STATUSES.map((status) => {
      const badge = statusBadge(status, t);
      return { ...link(paths.status(t.locale, status)), symbol: badge.symbol, label: badge.label, count: t.format.integer(statistics.filter((s) => s.status === status).length) };
    }),
    sources: (() => {
      const listed = sources.filter((s) => countBySource(s.id) > 0);
      const short = (source: ReportSource) => `${sourcePublisher(source, t.locale)} ${source.year ?? ''}`.trim();
      // Two publications of one publisher in one year (two quarterly releases, say) are told apart
      // by their titles rather than listed twice under the same name.
      const seen = new Map<string, number>();
      for (const source of listed) seen.set(short(source), (seen.get(short(source)) ?? 0) + 1);
      return listed.map((source) => ({
        ...link(paths.source(t.locale, source.id)),
        text: seen.get(short(source))! > 1 ? `${short(source)}: ${sourceTitle(source, t.locale).text}` : short(source),
        count: t.format.integer(countBySource(source.id)),
      }));
    })(),
  };
}

export interface LibraryViewProps {
  filters: LibraryFiltersProps;
  groups: Array<{ heading: SourceHeadingProps; table: StatisticTableProps }>;
}

/** Figures grouped by publication, under the filters. */
export function libraryView(model: PreparedReport, statistics: readonly ReportStatistic[], t: Translator, current: string): LibraryViewProps {
  return {
    filters: libraryFilters(model, t, current),
    groups: statisticsBySource(model.report.library.sources, [...statistics]).map(({ source, statistics: figures }) => ({
      heading: sourceHeading(source, t),
      table: statisticTable(model, figures, t, t('library.table_caption', { publisher: sourcePublisher(source, t.locale) })),
    })),
  };
}

export interface LibraryPageProps {
  title: string;
  description: string;
  lead: string;
  count: string;
  view: LibraryViewProps;
}

/** The library, or only the figures of one verification status. */
export function libraryPage(model: PreparedReport, t: Translator, status?: VerificationStatus): LibraryPageProps {
  const all = model.report.library.statistics;
  const statistics = status ? all.filter((s) => s.status === status) : all;
  return {
    title: status ? t('library.status_title', { status: t(STATUS_LABEL[status]) }) : t('library.title'),
    description: t('library.description', { count: statistics.length }),
    lead: status ? t(STATUS_DESCRIPTION[status]) : t('library.lead'),
    count: t('library.count', { count: statistics.length }),
    view: libraryView(model, statistics, t, status ? paths.status(t.locale, status) : paths.library(t.locale)),
  };
}

/**
 * A publication's provenance (src/components/Provenance.astro). part="recorded" leaves out the
 * fields the library has no record of (release date, fieldwork, link); part="unrecorded" gives
 * only those, as rows for a "Technical details" list. `figure` leaves out what a figure's page
 * already states (population, markets, n, margin).
 */
export interface ProvenanceProps {
  part: 'all' | 'recorded' | 'unrecorded';
  figure: boolean;
  /** part="unrecorded": which of the three are missing. */
  missing: { released: boolean; fieldwork: boolean; url: boolean };
  publisher: string;
  authors: string | null;
  year: string;
  released: { show: boolean; text: string; note: LocalText | null; parenthesised: boolean };
  fieldwork: { show: boolean; text: string; note: LocalText | null; parenthesised: boolean };
  population: LocalText;
  markets: string;
  n: { text: string; note: LocalText | null; parenthesised: boolean };
  margin: { text: string; note: LocalText | null };
  method: LocalText;
  url: { show: boolean; href: string | null; text: string };
  badge: StatusBadgeProps;
  statusDescription: string;
  caveats: LocalText[];
}

export function provenance(source: ReportSource, t: Translator, part: ProvenanceProps['part'] = 'all', figure = false): ProvenanceProps {
  const f = t.format;
  const text = (field: Parameters<typeof sourceText>[1]) => sourceText(source, field, t.locale);
  const fieldwork = source.fieldwork.start && source.fieldwork.end ? t('value.date_range', { start: f.publicationDate(source.fieldwork.start), end: f.publicationDate(source.fieldwork.end) }) : null;
  const hasReleased = Boolean(source.released || source.releasedNote);
  const hasFieldwork = Boolean(fieldwork || source.fieldwork.note);
  const show = (recorded: boolean) => (part === 'all' ? true : part === 'recorded' ? recorded : !recorded);
  return {
    part,
    figure,
    missing: { released: !hasReleased, fieldwork: !hasFieldwork, url: !source.url },
    publisher: sourcePublisher(source, t.locale),
    authors: source.authors.length > 0 ? source.authors.join(', ') : null,
    year: sourceYear(source, t),
    released: {
      show: show(hasReleased),
      text: source.released ? f.publicationDate(source.released) : source.releasedNote ? '' : t('provenance.not_recorded'),
      note: source.releasedNote ? text('released_note') : null,
      parenthesised: Boolean(source.released),
    },
    fieldwork: {
      show: show(hasFieldwork),
      text: fieldwork ?? (source.fieldwork.note ? '' : t('provenance.not_recorded')),
      note: source.fieldwork.note ? text('fieldwork_note') : null,
      parenthesised: fieldwork !== null,
    },
    population: text('population'),
    markets: formatMarkets(source.markets, t),
    n: { text: source.n !== null ? f.integer(source.n) : '', note: source.nNote ? text('n_note') : null, parenthesised: source.n !== null },
    margin: {
      text: source.marginOfError !== null ? t('value.margin_points', { margin: f.number(source.marginOfError, 1) }) : source.marginNote ? '' : t('provenance.not_published'),
      note: source.marginNote ? text('margin_note') : null,
    },
    method: text('method'),
    url: { show: show(Boolean(source.url)), href: source.url ?? null, text: source.url ? source.url : t('provenance.no_url') },
    badge: statusBadge(source.status, t),
    statusDescription: t(STATUS_DESCRIPTION[source.status]),
    caveats: source.caveats.length > 0 ? sourceCaveats(source, t.locale) : [],
  };
}

export interface SourcePageProps {
  libraryHref: string;
  title: string;
  description: string;
  sourceTitle: LocalText;
  provenance: ProvenanceProps;
  unrecorded: ProvenanceProps;
  origin: { file: string; line: number; id: string };
  figuresHeading: string;
  table: StatisticTableProps;
  filters: LibraryFiltersProps;
}

/** One publication: its full provenance and every figure taken from it. */
export function sourcePage(model: PreparedReport, t: Translator, id: string): SourcePageProps {
  const source = sourceById(model.report, id);
  const statistics = model.report.library.statistics.filter((s) => s.sourceId === source.id);
  return {
    libraryHref: paths.library(t.locale),
    title: `${sourcePublisher(source, t.locale)} (${sourceYear(source, t)})`,
    description: t('source.description', { publisher: sourcePublisher(source, t.locale), count: statistics.length }),
    sourceTitle: sourceTitle(source, t.locale),
    provenance: provenance(source, t, 'recorded'),
    unrecorded: provenance(source, t, 'unrecorded'),
    origin: { file: source.origin.file, line: source.origin.line, id: source.id },
    figuresHeading: t('source.figures', { count: statistics.length }),
    table: statisticTable(model, statistics, t, t('library.table_caption', { publisher: sourcePublisher(source, t.locale) })),
    filters: libraryFilters(model, t, paths.source(t.locale, source.id)),
  };
}
