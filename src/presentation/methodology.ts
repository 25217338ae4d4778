/** How every number on the site is made (src/views/Methodology.astro). */
import type { MessageKey, Translator } from '../i18n/core.ts';
import { COMPARABILITY_FLAGS, type ComparabilityFlag } from '../report/compare.ts';
import { VERIFICATION_STATUSES } from '../schemas/common.ts';
import { STATUS_DESCRIPTION } from '../site/benchmark-text.ts';
import { FLAG_LABEL, formatThreshold, metricDefinitionText, metricName } from '../site/metric-text.ts';
import type { PreparedReport } from '../site/model.ts';
import { paths } from '../site/paths.ts';
import { dataSummary } from '../site/period-text.ts';
import { statusBadge, type StatusBadgeProps } from './common.ts';

const FLAG_DESCRIPTION: Record<ComparabilityFlag, MessageKey> = {
  question: 'method.flag.question',
  referent: 'method.flag.referent',
  answer_scale: 'method.flag.answer_scale',
  construct: 'method.flag.construct',
  scale: 'method.flag.scale',
  measure: 'method.flag.measure',
  range: 'method.flag.range',
  country: 'method.flag.country',
  partial_markets: 'method.flag.partial_markets',
  industry: 'method.flag.industry',
  age: 'method.flag.age',
  status: 'method.flag.status',
  opt_in_sample: 'method.flag.opt_in_sample',
  benchmark_uncertainty_unknown: 'method.flag.benchmark_uncertainty_unknown',
};

export interface MethodologyPageProps {
  /** The data's period and counts; `dataHistory`: the order history note, when there are orders. */
  data: string;
  dataHistory: boolean;
  definitions: Array<{ href: string; name: string; definition: string }>;
  reliability: string | null;
  materiality: string;
  drivers: string;
  driversRetention: string | null;
  timeToEvent: string;
  weighting: string;
  repeatAnswers: string;
  smallGroups: string;
  companyProfile: string;
  flags: Array<{ label: string; description: string }>;
  age: string;
  statuses: Array<{ badge: StatusBadgeProps; description: string; href: string }>;
}

export function methodologyPage(model: PreparedReport, t: Translator): MethodologyPageProps {
  const report = model.report;
  const f = t.format;
  const { counts, minimumCellSize, materiality, weighting, markets, industry } = report.company;
  const reliability = report.reliability;
  const wave = report.waves.at(-1)!;
  return {
    data: dataSummary(report, t).join(' '),
    dataHistory: counts.orders > 0,
    definitions: report.metrics.map((m) => ({ href: paths.metric(t.locale, m.id), name: metricName(m.id, t), definition: metricDefinitionText(m.id, t) })),
    reliability: reliability
      ? t('method.reliability_text', { alpha: f.number(reliability.alpha, 2), low: f.number(reliability.low, 2), high: f.number(reliability.high, 2), n: reliability.n, wave })
      : null,
    materiality: t('method.materiality_text', { share: formatThreshold({ kind: 'share' }, materiality.share, t), hours: formatThreshold({ kind: 'hours' }, materiality.hours, t), orders: formatThreshold({ kind: 'orders' }, materiality.orders, t) }),
    drivers: t('method.drivers_text', { resamples: report.drivers?.resamples ?? 0 }),
    driversRetention: report.drivers?.retention
      ? t('method.drivers_retention_text', { count: report.drivers.retention.waves.length, waves: f.list(report.drivers.retention.waves.map((w) => f.quarter(w))) })
      : null,
    timeToEvent: t('method.time_to_event_text', { days: report.company.complaintResolutionDays }),
    weighting: weighting
      ? t('method.weighting_on', { by: weighting.by === 'segment' ? t('method.weighting_by_segment') : t('method.weighting_by_segment_country'), deff: f.number(weighting.designEffects.at(-1) ?? 1, 2), wave })
      : t('method.weighting_off'),
    repeatAnswers: report.company.repeatAnswers === 'first' ? t('method.repeat_first', { skipped: counts.repeatAnswersSkipped }) : t('method.repeat_all'),
    smallGroups: t('metricpage.suppression_rule', { minimum: minimumCellSize }),
    companyProfile: t('method.company_profile', { markets: markets.length > 0 ? f.list(markets) : '—', industry: industry ?? '—' }),
    flags: COMPARABILITY_FLAGS.map((flag) => ({ label: t(FLAG_LABEL[flag]), description: t(FLAG_DESCRIPTION[flag]) })),
    age: t('method.age_text', { years: report.library.staleAfterYears, date: f.date(report.asOf) }),
    statuses: VERIFICATION_STATUSES.map((status) => ({ badge: statusBadge(status, t), description: t(STATUS_DESCRIPTION[status]), href: paths.status(t.locale, status) })),
  };
}
