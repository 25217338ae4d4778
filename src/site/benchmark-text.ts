/**
 * How a benchmark figure reads in a given locale: its value with unit, qualifier and range, its
 * status, its citation. Shared by the library list, the statistic pages and later the metric pages.
 */
import type { MessageKey, Translator } from '../i18n/core.ts';
import type { VerificationStatus } from '../schemas/common.ts';
import type { Qualifier } from '../schemas/benchmarks.ts';
import type { ReportSource, ReportStatistic } from '../schemas/report.ts';
import { sourcePublisher, sourceTitle, statText } from './library-text.ts';

/** Status names and descriptions; listed literally so the strings check sees every key. */
export const STATUS_LABEL: Record<VerificationStatus, MessageKey> = {
  primary: 'status.primary',
  secondary: 'status.secondary',
  unverified: 'status.unverified',
  misquoted: 'status.misquoted',
};

export const STATUS_DESCRIPTION: Record<VerificationStatus, MessageKey> = {
  primary: 'status.primary_description',
  secondary: 'status.secondary_description',
  unverified: 'status.unverified_description',
  misquoted: 'status.misquoted_description',
};

/** Symbols so the status does not rely on colour alone. */
export const STATUS_SYMBOL: Record<VerificationStatus, string> = {
  primary: '✓',
  secondary: '◐',
  unverified: '?',
  misquoted: '!',
};

const QUALIFIER: Record<Qualifier, MessageKey> = {
  about: 'value.about',
  up_to: 'value.up_to',
  at_least: 'value.at_least',
  more_than: 'value.more_than',
};

/** One number in the figure's own unit, e.g. "81 %", "+75 %", "5×", "−6.1", "77.8". */
export function formatAmount(stat: ReportStatistic, amount: number, t: Translator): string {
  const f = t.format;
  const d = stat.decimals;
  if (stat.unit === 'percent') return stat.measure === 'relative_change' ? f.signedPercent(amount, d) : f.percent(amount, d);
  if (stat.unit === 'times') return f.times(amount, d);
  // Points: signed where the scale runs below zero (NPS), plain otherwise.
  return stat.scale.min !== null && stat.scale.min < 0 ? f.signedNumber(amount, d) : f.number(amount, d);
}

/** The figure as a reader sees it: "up to 99 %", "+25 % to +95 %", "5× to 25×". */
export function formatStatisticValue(stat: ReportStatistic, t: Translator): string {
  let text: string;
  if (stat.value !== null) {
    text = formatAmount(stat, stat.value, t);
  } else {
    text = t('value.range', { low: formatAmount(stat, stat.low!, t), high: formatAmount(stat, stat.high!, t) });
  }
  return stat.qualifier ? t(QUALIFIER[stat.qualifier], { value: text }) : text;
}

/** The public figure's sampling uncertainty, as one rule computes it: "± 1.9 pp (published margin)", "opt-in sample: no sampling margin". */
export function benchmarkUncertaintyText(stat: ReportStatistic, t: Translator): string {
  const u = stat.uncertainty;
  if (u.margin !== null) {
    const margin = stat.unit === 'percent' ? t('unit.pp_value', { value: t.format.number(u.margin, 1) }) : t('unit.points_value', { value: t.format.number(u.margin, 1) });
    return u.basis === 'design_effect'
      ? t('uncertainty.design_effect', { margin, n: Math.round(u.nEffective ?? 0) })
      : t('uncertainty.published_margin', { margin });
  }
  if (u.basis === 'opt_in') return t('uncertainty.opt_in');
  if (u.basis === 'not_single_value') return t('uncertainty.not_single_value');
  return t('uncertainty.unknown');
}

/** "on a 0–100 index", "relative change", ... : what the number is, beside the number. */
export function describeUnit(stat: ReportStatistic, t: Translator): string {
  if (stat.measure === 'relative_change') return t('unit.relative_change');
  if (stat.unit === 'percent') return t('unit.share');
  if (stat.unit === 'times') return t('unit.times');
  if (stat.scale.min !== null && stat.scale.max !== null) {
    return t('unit.points_scale', {
      min: t.format.number(stat.scale.min),
      max: t.format.number(stat.scale.max),
    });
  }
  return t('unit.points');
}

export function formatMarkets(markets: string[], t: Translator): string {
  return t.format.list(markets.map((code) => (code === 'global' ? t('market.global') : t.format.region(code))));
}

/** Year as published, or "n.d." when the source has none. */
export function sourceYear(source: ReportSource, t: Translator): string {
  return source.year === null ? t('citation.no_date') : t.format.year(source.year);
}

/** A plain-text citation of one figure, ready to paste into a document. */
export function citation(stat: ReportStatistic, source: ReportSource, t: Translator): string {
  const authors = source.authors.length ? `${source.authors.join(', ')}; ` : '';
  const parts = [
    `${authors}${sourcePublisher(source, t.locale)} (${sourceYear(source, t)}). ${sourceTitle(source, t.locale).text}.`,
    source.released ? t('citation.released', { date: t.format.publicationDate(source.released) }) : '',
    source.url ?? '',
  ].filter(Boolean);
  const figure = t('citation.figure', {
    value: formatStatisticValue(stat, t),
    wording: statText(stat, 'wording', t.locale).text,
    status: t(STATUS_LABEL[stat.status]),
  });
  return `${parts.join(' ')}\n${figure}`;
}

export function statisticsBySource(
  sources: ReportSource[],
  statistics: ReportStatistic[],
): Array<{ source: ReportSource; statistics: ReportStatistic[] }> {
  return sources
    .map((source) => ({ source, statistics: statistics.filter((s) => s.sourceId === source.id) }))
    .filter((group) => group.statistics.length > 0);
}
