/**
 * What the report is built from, in sentences: the period, then only the data that is there.
 * A company whose figures come from kpis.csv is not told it has "0 survey answers".
 */
import type { Translator } from '../i18n/core.ts';
import type { Report } from '../schemas/report.ts';

export function dataSummary(report: Report, t: Translator): string[] {
  const f = t.format;
  const { counts, reportingPeriod } = report.company;
  const sentences = [t('overview.lead', { start: f.date(reportingPeriod.start), end: f.date(reportingPeriod.end) })];
  if (counts.respondents > 0) sentences.push(t('overview.lead_survey', { respondents: counts.respondents, waves: report.waves.length }));
  if (counts.orders > 0) sentences.push(t('overview.lead_orders', { orders: counts.orders, customers: counts.customers }));
  if (counts.complaints > 0) sentences.push(t('overview.lead_complaints', { complaints: counts.complaints }));
  const fromKpis = report.metrics.filter((m) => m.fromKpis).length;
  if (fromKpis > 0) sentences.push(t('overview.lead_kpis', { count: fromKpis }));
  return sentences;
}
