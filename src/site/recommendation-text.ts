/**
 * A recommendation's reasons as sentences in the reader's language, with every number through
 * the locale formatter.
 */
import { sourcePublisher } from './library-text.ts';
import type { Translator } from '../i18n/core.ts';
import type { Report, ReportGuidanceTopic, ReportReason } from '../schemas/report.ts';
import { sourceYear } from './benchmark-text.ts';
import { segmentName, sourceById, statisticById } from './lookup.ts';
import { formatGap, formatMetricValue, METRIC_NAME, metricName, segmentList } from './metric-text.ts';
import { prepared } from './model.ts';

export function reasonText(reason: ReportReason, report: Report, t: Translator): string {
  const metric = (id: string) => prepared(report).metrics.get(id)!.metric;
  const name = (id: string) => metricName(id, t);
  const value = (id: string, v: number) => formatMetricValue(metric(id), v, t);
  const points = (v: number) => t.format.number(v, 1);
  switch (reason.kind) {
    case 'weakest_dimension':
      return t('reason.weakest_dimension', { dimension: name(reason.metric), value: value(reason.metric, reason.value), points: points(reason.points), strongest: name(reason.strongest), strongestValue: value(reason.strongest, reason.strongestValue) });
    case 'below_dimensions':
      return t('reason.below_dimensions', { dimension: name(reason.metric), value: value(reason.metric, reason.value), points: points(reason.points), average: points(reason.average) });
    case 'gap': {
      const stat = statisticById(report, reason.statisticId);
      const source = sourceById(report, stat.sourceId);
      return t('reason.gap', { metric: name(reason.metric), gap: formatGap(metric(reason.metric), reason.gap, t), publisher: sourcePublisher(source, t.locale), year: sourceYear(source, t), others: reason.others });
    }
    case 'satisfied_not_loyal':
      return t('reason.satisfied_not_loyal', { segments: segmentList(reason.segments.map((s) => segmentName(report, s, t.locale)), t), points: points(reason.points) });
    case 'decline':
      return t('reason.decline', { metric: name(reason.metric), from: value(reason.metric, reason.from), first: reason.first, to: value(reason.metric, reason.to), last: reason.last });
    case 'driver':
      return t('reason.driver', { dimension: name(reason.metric), share: t.format.percent(reason.share, 0), value: value(reason.metric, reason.value), average: points(reason.average) });
  }
}

/** The decision a finding calls for, verb first: "Raise transparency first". */
export function actionText(reason: ReportReason, report: Report, t: Translator): string {
  const name = (id: string) => metricName(id, t);
  switch (reason.kind) {
    case 'driver':
      return t('action.driver', { dimension: name(reason.metric) });
    case 'weakest_dimension':
    case 'below_dimensions':
      return t('action.dimension', { dimension: name(reason.metric) });
    case 'gap':
      return t('action.gap', { metric: name(reason.metric) });
    case 'satisfied_not_loyal':
      return t('action.satisfied_not_loyal', { segments: segmentList(reason.segments.map((s) => segmentName(report, s, t.locale)), t) });
    case 'decline':
      return t('action.decline', { metric: name(reason.metric) });
  }
}

/** The figure to watch for a decision, with its current value: "Retention rate of Deal seekers: 31.2 %". */
export function watchText(reason: ReportReason, report: Report, t: Translator): string | null {
  const model = prepared(report);
  const metric = (id: string) => model.metrics.get(id)?.metric;
  if (reason.kind === 'satisfied_not_loyal') {
    const retention = metric('retention_rate');
    const bySegment = model.metrics.get('retention_rate')?.bySegment;
    const cells = reason.segments.map((s) => ({ s, e: bySegment?.get(s) }));
    const shown = cells.filter((c) => c.e && c.e.value !== null);
    if (!retention || shown.length === 0) return null;
    return t('decision.watch_segments', {
      metric: t(METRIC_NAME.retention_rate),
      values: segmentList(shown.map((c) => `${segmentName(report, c.s, t.locale)} ${formatMetricValue(retention, c.e!.value!, t)}`), t),
    });
  }
  const m = metric(reason.metric);
  const latest = m?.result?.latest;
  if (!m || !latest || latest.value === null) return null;
  return t('decision.watch', { metric: metricName(m.id, t), value: formatMetricValue(m, latest.value, t), wave: latest.wave ?? '' });
}

/** The article's title in the reader's language, or the English one with its language marked. */
export function articleTitle(topic: ReportGuidanceTopic, locale: string): { text: string; lang: string; description: string } {
  const local = topic.locales[locale];
  if (local) return { text: local.title, lang: locale, description: local.description };
  const en = topic.locales.en!;
  return { text: en.title, lang: 'en', description: en.description };
}
