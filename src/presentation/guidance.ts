/**
 * Guidance: the index (src/views/Guidance.astro) with the articles this company's findings call
 * for first, then every article; one article's page (src/views/Article.astro) with why it is
 * recommended here and the metrics it addresses.
 */
import type { Translator } from '../i18n/core.ts';
import type { PreparedReport } from '../site/model.ts';
import { isMetricId, metricName } from '../site/metric-text.ts';
import { paths } from '../site/paths.ts';
import { articleTitle, reasonText } from '../site/recommendation-text.ts';
import type { Link } from './common.ts';
import { recommendationItems, type RecommendationItem } from './recommendations.ts';

/** How many recommendations the guidance index shows. */
export const GUIDANCE_RECOMMENDATIONS = 5;

export interface GuidancePageProps {
  description: string;
  /** Null when nothing is recommended. */
  recommended: { heading: string; items: RecommendationItem[] } | null;
  /** Every article in reading order; `lang` is set when it is shown in English. */
  articles: Array<{ href: string; title: string; description: string; lang: string | undefined }>;
}

export function guidancePage(model: PreparedReport, t: Translator): GuidancePageProps {
  const report = model.report;
  const top = report.recommendations.slice(0, GUIDANCE_RECOMMENDATIONS);
  return {
    description: t('guidance.description', { company: report.company.name }),
    recommended: top.length > 0 ? { heading: t('guidance.recommended', { company: report.company.name }), items: recommendationItems(model, top, t) } : null,
    articles: report.guidance.map((g) => {
      const title = articleTitle(g, t.locale);
      return { href: paths.article(t.locale, g.topic), title: title.text, description: title.description, lang: title.lang === t.locale ? undefined : title.lang };
    }),
  };
}

export interface ArticlePageProps {
  topic: string;
  title: string;
  description: string;
  guidanceHref: string;
  /** Why the article is recommended for this company, when it is. */
  why: { heading: string; reasons: string[] } | null;
  /** The metrics it addresses that the report has. */
  metrics: Link[];
}

export function articlePage(model: PreparedReport, t: Translator, topicId: string): ArticlePageProps {
  const report = model.report;
  const topic = model.guidance.get(topicId);
  if (!topic) throw new Error(`no guidance topic "${topicId}" in the report model`);
  const title = articleTitle(topic, t.locale);
  const recommendation = model.recommendations.get(topic.topic);
  return {
    topic: topic.topic,
    title: title.text,
    description: title.description,
    guidanceHref: paths.guidance(t.locale),
    why: recommendation ? { heading: t('guidance.why', { company: report.company.name }), reasons: recommendation.reasons.map((r) => reasonText(r, report, t)) } : null,
    // An article may name 'say_vs_do', which is a finding, not a metric page.
    metrics: topic.metrics.filter((id) => isMetricId(id) && model.metrics.has(id)).map((id) => ({ href: paths.metric(t.locale, id), text: metricName(id, t) })),
  };
}
