/**
 * Load stage for the guidance articles: `content/guidance/<locale>/<topic>.mdx` (or `.md`). The
 * frontmatter is validated here, and the body is checked against what articles may contain
 * (./guidance/check-body.ts: Markdown, safe HTML, no code), so that nothing an article could run
 * reaches Astro; every problem is reported at its line in the file, like any data problem.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { LOCALE_CODES } from '../i18n/locales.ts';
import { analystErrorMap } from '../schemas/error-map.ts';
import { guidanceFrontmatterSchema, type GuidanceFrontmatter } from '../schemas/guidance.ts';
import { checkArticleBody } from './guidance/check-body.ts';
import { checkArticleTerms, glossaries as productGlossaries, type Glossary } from '../i18n/glossary.ts';
import { closest, type Issue } from './issues.ts';
import { parseYaml, validateYaml } from './yaml.ts';

export interface GuidanceArticle extends GuidanceFrontmatter {
  locale: string;
  file: string;
}

export interface GuidanceTopic {
  topic: string;
  order: number;
  metrics: string[];
  dimensions: string[];
  /** Title and description per locale the article is written in. */
  locales: Record<string, { title: string; description: string }>;
}

const HINT = 'see README, "Writing guidance"';

/** When an article's legal and factual statements were last checked, and where that is written. */
export interface ArticleCheckDate {
  file: string;
  /** Line of `checked:` in the file, or of the frontmatter's opening line when it is missing. */
  line: number;
  checked?: string;
}

/**
 * Warnings for articles whose statements were checked too long before the end of the
 * reporting period (or whose check date is missing).
 */
export function staleArticleWarnings(dates: readonly ArticleCheckDate[], periodEnd: string, maxAgeDays: number): Issue[] {
  const end = Date.parse(`${periodEnd}T00:00:00Z`);
  const warnings: Issue[] = [];
  for (const d of dates) {
    if (d.checked === undefined) {
      warnings.push({ file: d.file, line: d.line, column: 1, field: 'checked', message: 'expected the date the article\'s legal and factual statements were last checked, found none', hint: 'check them, then add "checked: YYYY-MM-DD" to the frontmatter' });
      continue;
    }
    const age = Math.round((end - Date.parse(`${d.checked}T00:00:00Z`)) / 86_400_000);
    if (age > maxAgeDays) {
      warnings.push({ file: d.file, line: d.line, column: 1, field: 'checked', message: `expected statements checked at most ${maxAgeDays} days before the end of the reporting period (${periodEnd}), found ${d.checked}, ${age} days before`, hint: 'check the law and figures the article states as of the report date, then update "checked" (company.yaml guidance_checked_within_days sets the limit)' });
    }
  }
  return warnings;
}

async function listDir(path: string): Promise<string[]> {
  try {
    return (await readdir(path, { withFileTypes: true })).filter((e) => e.isDirectory() || e.isFile()).map((e) => e.name).sort();
  } catch {
    return [];
  }
}

/**
 * Symbolic links among the locale folders and articles. Astro's loader would follow them to
 * files this check never read, so each is a problem rather than silently skipped.
 */
async function symbolicLinks(path: string, articlesOnly: boolean): Promise<string[]> {
  try {
    return (await readdir(path, { withFileTypes: true }))
      .filter((e) => e.isSymbolicLink() && (!articlesOnly || /\.mdx?$/.test(e.name)))
      .map((e) => e.name)
      .sort();
  } catch {
    return [];
  }
}

function linkIssue(path: string): Issue {
  return { file: relative(process.cwd(), path), line: 0, column: 0, message: 'expected a folder or file of the guidance folder itself, found a symbolic link', hint: 'copy the file (or folder) into the guidance folder instead of linking to it' };
}

/** Frontmatter sits between a first line `---` and the next line `---`. */
export function splitFrontmatter(text: string): { yaml: string; line: number } | undefined {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const lines = text.split(/\r?\n/);
  if (lines[0]?.trim() !== '---') return undefined;
  const end = lines.findIndex((line, i) => i > 0 && line.trim() === '---');
  if (end < 0) return undefined;
  return { yaml: lines.slice(1, end).join('\n'), line: 2 };
}

export async function loadGuidance(
  contentDir: string,
  publishedLocales: readonly string[],
  options: { glossaries?: Map<string, Glossary> } = {},
): Promise<{ topics: GuidanceTopic[]; issues: Issue[]; warnings: Issue[]; checked: ArticleCheckDate[] }> {
  const root = join(contentDir, 'guidance');
  const issues: Issue[] = [];
  const warnings: Issue[] = [];
  const articles: GuidanceArticle[] = [];
  const checked: ArticleCheckDate[] = [];
  const glossaries = options.glossaries ?? productGlossaries();

  for (const name of await symbolicLinks(root, false)) issues.push(linkIssue(join(root, name)));
  for (const locale of await listDir(root)) {
    const dir = join(root, locale);
    const display = (name: string) => relative(process.cwd(), join(dir, name));
    if (!(LOCALE_CODES as readonly string[]).includes(locale)) {
      const guess = closest(locale, LOCALE_CODES);
      issues.push({ file: relative(process.cwd(), dir), line: 0, column: 0, message: `expected a folder named after a locale (${LOCALE_CODES.join(', ')}), found "${locale}"`, hint: guess ? `did you mean "${guess}"?` : 'see README, "Adding a locale"' });
      continue;
    }
    for (const name of await symbolicLinks(dir, true)) issues.push(linkIssue(join(dir, name)));
    for (const name of await listDir(dir)) {
      if (!name.endsWith('.mdx') && !name.endsWith('.md')) continue;
      const file = display(name);
      const text = new TextDecoder('utf-8').decode(await readFile(join(dir, name)));
      // The body is checked whatever the frontmatter holds, so every problem is listed at once.
      for (const issue of checkArticleBody(text, file, name.endsWith('.mdx'))) issues.push(issue);
      const front = splitFrontmatter(text);
      if (!front) {
        issues.push({ file, line: 1, column: 1, message: 'expected frontmatter between two "---" lines at the top, found none', hint: `start the file with ---, then title, description, topic, order, metrics and dimensions, then ---; ${HINT}` });
        continue;
      }
      // Parse the frontmatter on its own, then shift positions to the lines of the .mdx file.
      const doc = parseYaml(front.yaml, file);
      const shift = (issue: Issue): Issue => ({ ...issue, line: issue.line + front.line - 1 });
      const result = validateYaml(doc, file, guidanceFrontmatterSchema, analystErrorMap);
      for (const issue of result.issues) issues.push(shift(issue));
      if (!result.data) continue;
      const topic = name.replace(/\.mdx?$/, '');
      if (result.data.topic !== topic) {
        const pos = doc.locate(['topic']);
        issues.push(shift({ file, line: pos.line, column: pos.column, field: 'topic', message: `expected the file name's topic "${topic}", found "${result.data.topic}"`, hint: 'the topic links the same article across languages: name the file after it' }));
        continue;
      }
      // One vocabulary: the article names what it declares as the UI does, and no avoided variant.
      const glossary = glossaries.get(locale);
      if (glossary) for (const issue of checkArticleTerms(glossary, text, file, result.data)) issues.push(issue);
      checked.push({ file, line: result.data.checked === undefined ? 1 : doc.locate(['checked']).line + front.line - 1, ...(result.data.checked === undefined ? {} : { checked: result.data.checked }) });
      articles.push({ ...result.data, locale, file });
    }
  }

  // English is the fallback of every topic; other locales translate topics that exist in English.
  const english = new Map(articles.filter((a) => a.locale === 'en').map((a) => [a.topic, a]));
  for (const article of articles) {
    if (article.locale !== 'en' && !english.has(article.topic)) {
      issues.push({ file: article.file, line: 1, column: 1, field: 'topic', message: `expected an English article with topic "${article.topic}" (the fallback for other languages), found none`, hint: `add content/guidance/en/${article.topic}.mdx` });
    }
  }
  const topics: GuidanceTopic[] = [...english.values()]
    .sort((a, b) => a.order - b.order || a.topic.localeCompare(b.topic))
    .map((en) => {
      const versions = articles.filter((a) => a.topic === en.topic);
      return {
        topic: en.topic,
        order: en.order,
        metrics: en.metrics,
        dimensions: en.dimensions,
        locales: Object.fromEntries(versions.map((a) => [a.locale, { title: a.title, description: a.description }])),
      };
    });
  for (const topic of topics) {
    // Named like the English article: .mdx, or .md for a plain Markdown one.
    const ext = english.get(topic.topic)?.file.endsWith('.md') ? '.md' : '.mdx';
    for (const locale of publishedLocales) {
      if (topic.locales[locale]) continue;
      warnings.push({ file: relative(process.cwd(), join(root, locale, `${topic.topic}${ext}`)), line: 0, column: 0, message: `expected a ${locale} version of "${topic.topic}", found none; readers get the English article with a notice`, hint: `translate content/guidance/en/${topic.topic}${ext}` });
    }
  }
  return { topics, issues, warnings, checked };
}
