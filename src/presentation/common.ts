/**
 * Pieces shared by the page presenters: an estimate cell as a reader sees it, a tested verdict's
 * mark, a link, a status badge. Everything here is already translated and formatted, so the
 * components that show these only render them.
 */
import type { Translator } from '../i18n/core.ts';
import type { VerificationStatus } from '../schemas/common.ts';
import type { ReportEstimate, ReportMetric } from '../schemas/report.ts';
import { STATUS_LABEL, STATUS_SYMBOL } from '../site/benchmark-text.ts';
import { formatInterval, formatMetricValue, judgement, JUDGEMENT_SYMBOL, type Judgement, suppressionText } from '../site/metric-text.ts';
import type { ChangeVerdict, DifferenceVerdict } from '../report/changes.ts';

export type { LocalText } from '../site/library-text.ts';

/** One published figure: its value with interval and n, or the reason it is not shown. */
export type EstimateCell =
  | { shown: true; value: string; /** Empty for a census or a compact cell. */ interval: string; /** "n = 1,234", or null when not shown. */ n: string | null }
  | { shown: false; reason: string };

export interface EstimateOptions {
  /** Show n on its own line. */
  showN?: boolean;
  /** Value only, for dense grids. */
  compact?: boolean;
}

export function estimateCell(metric: Pick<ReportMetric, 'kind'>, e: ReportEstimate, t: Translator, minimum: number, options: EstimateOptions = {}): EstimateCell {
  if (e.value === null) return { shown: false, reason: suppressionText(e, t, minimum) };
  return {
    shown: true,
    value: formatMetricValue(metric, e.value, t),
    interval: options.compact ? '' : formatInterval(metric, e, t),
    n: options.showN && e.n !== null ? t('cell.n', { n: e.n }) : null,
  };
}

/** A tested verdict's mark (▲ better, ▼ worse), or null when the verdict is not a finding. */
export interface Judged {
  judged: Judgement;
  symbol: string;
}

export function judgedMark(verdict: ChangeVerdict | DifferenceVerdict | null | undefined): Judged | null {
  const j = judgement(verdict);
  return j ? { judged: j, symbol: JUDGEMENT_SYMBOL[j] } : null;
}

export interface Link {
  href: string;
  text: string;
  /** The language of the text when it is not the page's. */
  lang?: string | undefined;
}

export interface StatusBadgeProps {
  status: VerificationStatus;
  symbol: string;
  label: string;
}

export function statusBadge(status: VerificationStatus, t: Translator): StatusBadgeProps {
  return { status, symbol: STATUS_SYMBOL[status], label: t(STATUS_LABEL[status]) };
}
