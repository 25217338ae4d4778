/**
 * The overview's story: a few statements computed from the tested findings only (what improved,
 * what got worse, who is at risk, what matters most, what to do first), each with the page that
 * holds its evidence; and the key-number cards. Nothing here ranks or tests: it reads the verdicts
 * that src/report/ computed and phrases them for a reader.
 */
import type { Translator } from '../i18n/core.ts';
import type { Report, ReportChange, ReportMetric } from '../schemas/report.ts';
import { formatMetricValue, metricName, segmentList } from './metric-text.ts';
import { segmentName } from './lookup.ts';
import { prepared } from './model.ts';
import { paths } from './paths.ts';
import { actionText, articleTitle } from './recommendation-text.ts';

export interface Headline {
  text: string;
  href: string;
  /** improved, declined, risk, driver, action: for a symbol beside the text. */
  kind: 'improved' | 'declined' | 'risk' | 'driver' | 'action';
}

/** How big a change is on a common footing: NPS spans 200 points, hours and orders by their own base. */
function size(metric: ReportMetric, c: ReportChange): number {
  if (metric.kind === 'nps') return Math.abs(c.difference) / 2;
  if (metric.kind === 'hours' || metric.kind === 'orders') return c.from === 0 ? 0 : (100 * Math.abs(c.difference)) / Math.abs(c.from);
  return Math.abs(c.difference);
}

/** Every metric whose change since the first or the previous wave passed its test, by verdict. */
export function testedChanges(report: Report, verdict: 'improved' | 'declined'): Array<{ metric: ReportMetric; change: ReportChange }> {
  const out: Array<{ metric: ReportMetric; change: ReportChange }> = [];
  for (const metric of report.metrics) {
    const change = [metric.changes.sinceFirst, metric.changes.sincePrevious].find((c) => c?.verdict === verdict);
    if (change) out.push({ metric, change });
  }
  return out.sort((a, b) => size(b.metric, b.change) - size(a.metric, a.change) || a.metric.id.localeCompare(b.metric.id));
}

export function headlines(report: Report, t: Translator): Headline[] {
  const out: Headline[] = [];
  const name = (m: ReportMetric) => metricName(m.id, t);
  const fmt = (m: ReportMetric, v: number) => formatMetricValue(m, v, t);

  // What improved: the trust index when its change passed the test, else the largest tested gain.
  const improved = testedChanges(report, 'improved');
  const lead = improved.find((x) => x.metric.id === 'trust_index') ?? improved[0];
  if (lead) {
    const others = improved.length - 1;
    out.push({
      kind: 'improved',
      href: paths.metric(t.locale, lead.metric.id),
      text: t('headline.improved', { metric: name(lead.metric), from: fmt(lead.metric, lead.change.from), to: fmt(lead.metric, lead.change.to), first: lead.change.fromWave, last: lead.change.toWave, others }),
    });
  }

  // What got worse: every tested decline, named.
  const declined = testedChanges(report, 'declined');
  if (declined.length > 0) {
    const first = declined[0]!;
    out.push({
      kind: 'declined',
      href: paths.metric(t.locale, first.metric.id),
      text: t('headline.declined', { count: declined.length, metrics: t.format.list(declined.map((x) => name(x.metric))), metric: name(first.metric), from: fmt(first.metric, first.change.from), to: fmt(first.metric, first.change.to) }),
    });
  } else {
    out.push({ kind: 'declined', href: paths.metrics(t.locale), text: t('headline.none_declined') });
  }

  // Who is at risk: segments satisfied but leaving.
  const flagged = report.sayVsDo.filter((r) => r.satisfiedNotLoyal);
  if (flagged.length > 0) {
    out.push({
      kind: 'risk',
      href: paths.segment(t.locale, flagged[0]!.segment),
      text: t('headline.at_risk', { count: flagged.length, segments: segmentList(flagged.map((r) => segmentName(report, r.segment, t.locale)), t) }),
    });
  }

  // What matters most for recommending, when the driver analysis says so beyond its uncertainty.
  const company = prepared(report).driverGroups.get(null);
  if (company && company.suppressed === null && company.dimensions.length > 0) {
    const equal = 100 / company.dimensions.length;
    const top = [...company.dimensions].sort((a, b) => b.share - a.share)[0]!;
    if (top.low > equal) {
      out.push({
        kind: 'driver',
        href: paths.metric(t.locale, 'trust_index'),
        text: t('headline.driver', { dimension: metricName(top.metric, t), share: t.format.percent(top.share, 0) }),
      });
    }
  }

  // What to do first.
  const first = report.recommendations[0];
  if (first) {
    const topic = prepared(report).guidance.get(first.topic);
    if (topic) {
      out.push({
        kind: 'action',
        href: paths.article(t.locale, first.topic),
        text: t('headline.do_first', { action: actionText(first.reasons[0]!, report, t), article: articleTitle(topic, t.locale).text }),
      });
    }
  }
  return out.slice(0, 5);
}

/** The metrics shown as key-number cards on the overview, in this order, when they have data. */
export const KEY_METRICS = ['trust_index', 'nps', 'csat', 'retention_rate'] as const;

export const HEADLINE_SYMBOL: Record<Headline['kind'], string> = {
  improved: '▲',
  declined: '▼',
  risk: '⚑',
  driver: '◆',
  action: '→',
};

/** A small trend line for a card: the points of the waves with a value, in a 100 x 28 box. */
export function sparkline(metric: ReportMetric): string | null {
  const points = (metric.result?.byWave ?? []).map((e, i) => ({ i, v: e.value }));
  const shown = points.filter((p): p is { i: number; v: number } => p.v !== null);
  if (shown.length < 2) return null;
  const n = points.length - 1;
  const lo = Math.min(...shown.map((p) => p.v));
  const hi = Math.max(...shown.map((p) => p.v));
  const y = (v: number) => (hi === lo ? 14 : 26 - ((v - lo) / (hi - lo)) * 24);
  return shown.map((p) => `${((p.i / n) * 98 + 1).toFixed(1)},${y(p.v).toFixed(1)}`).join(' ');
}
