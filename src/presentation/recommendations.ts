/**
 * What to do, as decisions (src/components/Recommendations.astro): a verb-first action, the one
 * finding behind it, the figure to watch, and the guidance article that explains how.
 */
import type { Translator } from '../i18n/core.ts';
import type { ReportRecommendation } from '../schemas/report.ts';
import type { PreparedReport } from '../site/model.ts';
import { paths } from '../site/paths.ts';
import { actionText, articleTitle, reasonText, watchText } from '../site/recommendation-text.ts';

export interface RecommendationItem {
  action: string;
  reason: string;
  watch: string | null;
  article: { href: string; text: string; /** Set when the title is not in the page's language. */ lang: string | undefined };
}

/** `metrics`: only the decisions whose reasons involve these metrics (a metric page), else all. */
export function recommendationItems(model: PreparedReport, recommendations: readonly ReportRecommendation[], t: Translator, metrics?: readonly string[]): RecommendationItem[] {
  const report = model.report;
  const shown = metrics ? recommendations.filter((r) => r.reasons.some((reason) => metrics.includes(reason.metric))) : recommendations;
  return shown.map((r) => {
    const title = articleTitle(model.guidance.get(r.topic)!, t.locale);
    const reason = r.reasons[0]!;
    return {
      action: actionText(reason, report, t),
      reason: reasonText(reason, report, t),
      watch: watchText(reason, report, t),
      article: { href: paths.article(t.locale, r.topic), text: title.text, lang: title.lang === t.locale ? undefined : title.lang },
    };
  });
}
