/**
 * The glossary check: a glossary agrees with the UI labels, finds its own names, avoids none of
 * them; an article names what it declares with the glossary's forms and uses no avoided variant;
 * stale or missing check dates are warned. Exact messages, positions worked out by hand.
 */
import { describe, expect, it } from 'vitest';
import { avoidedVariants, checkArticleTerms, GLOSSARY_CONCEPTS, loadGlossaries, parseGlossary, type Glossary } from '../src/i18n/glossary.ts';
import { staleArticleWarnings } from '../src/pipeline/load-guidance.ts';
import { LOCALE_CODES } from '../src/i18n/locales.ts';

/** A Finnish glossary in which every concept is named "X <id>", except the ones under test. */
function finnish(extra: string, labels: Record<string, string> = {}): { text: string; labels: Record<string, string> } {
  const lines = ['concepts:'];
  const all: Record<string, string> = {};
  for (const id of GLOSSARY_CONCEPTS) {
    if (id === 'metric.trust_reliability' || id === 'group.integrity') continue;
    const name = `X ${id}`;
    lines.push(`  ${id}:`, `    name: "${name}"`, `    forms: ['X ${id.replace(/\./g, '\\.')}']`);
    all[id.startsWith('metric.') ? `${id}.name` : id] = name;
  }
  all['metric.trust_reliability.name'] = 'Toimintavarmuus';
  all['group.integrity'] = 'Integriteetti';
  return { text: `${lines.join('\n')}\n${extra}`, labels: { ...all, ...labels } };
}

const GOOD = [
  '  metric.trust_reliability:',
  '    name: Toimintavarmuus',
  "    forms: ['toimintavarmuu']",
  "    avoid: ['\\bluotettavuu(s|den|tta|teen)\\b']",
  '  group.integrity:',
  '    name: Integriteetti',
  "    forms: ['integritee']",
  "    avoid: ['\\brehellisyys\\b']",
].join('\n');

function glossary(): Glossary {
  const { text, labels } = finnish(GOOD);
  const result = parseGlossary(text, 'fi.yaml', 'fi', labels);
  expect(result.issues).toEqual([]);
  return result.glossary!;
}

describe('a glossary file', () => {
  it('is accepted when it names every concept as the UI does', () => {
    expect(glossary().concepts.size).toBe(GLOSSARY_CONCEPTS.length);
  });

  it('must give each concept the UI label as its name', () => {
    const { text, labels } = finnish(GOOD, { 'metric.trust_reliability.name': 'Luotettavuus' });
    const { issues } = parseGlossary(text, 'fi.yaml', 'fi', labels);
    const line = text.split('\n').indexOf('    name: Toimintavarmuus') + 1;
    expect(issues).toEqual([
      {
        file: 'fi.yaml', line, column: 11, field: 'name',
        message: 'expected the UI label "metric.trust_reliability.name" ("Luotettavuus"), found "Toimintavarmuus"',
        hint: 'make the glossary and src/i18n/strings/fi.json agree',
      },
    ]);
  });

  it('must find its own name and may not avoid a name it uses', () => {
    const bad = GOOD.replace("forms: ['toimintavarmuu']", "forms: ['varmuudella']").replace("avoid: ['\\brehellisyys\\b']", "avoid: ['integ']");
    const { text, labels } = finnish(bad);
    const { issues } = parseGlossary(text, 'fi.yaml', 'fi', labels);
    expect(issues.map((i) => i.message)).toEqual([
      'expected a pattern that finds the name "Toimintavarmuus", found none that does',
      'expected an avoided variant that finds no glossary name, found "integ", which finds "Integriteetti" (group.integrity)',
    ]);
  });

  it('reports a broken pattern and a missing concept', () => {
    const head = GOOD.replace("forms: ['integritee']", "forms: ['integ(ritee']").split('\n').slice(0, 4).join('\n');
    const { text, labels } = finnish(`${head}\n  group.integrity:\n    name: Integriteetti\n    forms: ['(']`);
    const { issues } = parseGlossary(text, 'fi.yaml', 'fi', labels);
    expect(issues.map((i) => i.message)).toEqual(['expected a regular expression, found "(" (Invalid regular expression: /(/giu: Unterminated group)']);
    const missing = parseGlossary(finnish('').text, 'fi.yaml', 'fi');
    expect(missing.issues.map((i) => i.message)).toEqual(['expected the concept "metric.trust_reliability", found none', 'expected the concept "group.integrity", found none']);
  });

  it('exists for every locale in the product, and agrees with the UI strings', async () => {
    const { readStringsFiles } = await import('../src/i18n/node.ts');
    const labels = Object.fromEntries((await readStringsFiles()).map((f) => [f.locale, JSON.parse(f.text) as Record<string, string>]));
    const { glossaries, issues } = loadGlossaries(undefined, labels);
    expect(issues).toEqual([]);
    expect([...glossaries.keys()]).toEqual([...LOCALE_CODES]);
  });
});

describe('an article against the glossary', () => {
  const article = ['---', 'title: Luottamus', 'metrics: [trust_index]', 'dimensions: [reliability]', '---', '', 'Asiakkaat arvostavat toimintavarmuutta.', 'Luotettavuus ja rehellisyys ratkaisevat.'].join('\n');

  it('names the declared dimension in any inflection, and is flagged for each avoided variant where it stands', () => {
    const issues = checkArticleTerms(glossary(), article, 'fi/a.mdx', { metrics: [], dimensions: ['reliability'] });
    expect(issues).toEqual([
      {
        file: 'fi/a.mdx', line: 8, column: 1,
        message: 'expected the glossary name for metric.trust_reliability ("Toimintavarmuus"), found "Luotettavuus"',
        hint: 'write "Toimintavarmuus" (in the right form), as the UI does; see fi.yaml',
      },
      {
        file: 'fi/a.mdx', line: 8, column: 17,
        message: 'expected the glossary name for group.integrity ("Integriteetti"), found "rehellisyys"',
        hint: 'write "Integriteetti" (in the right form), as the UI does; see fi.yaml',
      },
    ]);
  });

  it('must name every metric it declares', () => {
    const text = article.replace('toimintavarmuutta', 'lupausten pitämistä');
    const issues = checkArticleTerms(glossary(), text, 'fi/a.mdx', { metrics: [], dimensions: ['reliability'] }).filter((i) => i.field);
    expect(issues).toEqual([
      {
        file: 'fi/a.mdx', line: 3, column: 1, field: 'trust_reliability',
        message: 'expected the article to name trust_reliability as the glossary does ("Toimintavarmuus"), found no form of it',
        hint: 'name it "Toimintavarmuus" where the article discusses it, or remove trust_reliability from the frontmatter; see fi.yaml',
      },
    ]);
  });

  it('leaves an adjective of the same stem alone when the pattern is precise', () => {
    expect(avoidedVariants(glossary(), 'Luotettava kumppani.', 'x')).toEqual([]);
  });
});

describe('when an article was last checked', () => {
  const dates = [
    { file: 'a.mdx', line: 8, checked: '2025-09-30' },
    { file: 'b.mdx', line: 8, checked: '2025-09-29' },
    { file: 'c.mdx', line: 1 },
  ];
  it('warns when the check is older than the limit at the end of the period, or missing', () => {
    expect(staleArticleWarnings(dates, '2026-09-30', 365)).toEqual([
      {
        file: 'b.mdx', line: 8, column: 1, field: 'checked',
        message: 'expected statements checked at most 365 days before the end of the reporting period (2026-09-30), found 2025-09-29, 366 days before',
        hint: 'check the law and figures the article states as of the report date, then update "checked" (company.yaml guidance_checked_within_days sets the limit)',
      },
      {
        file: 'c.mdx', line: 1, column: 1, field: 'checked',
        message: "expected the date the article's legal and factual statements were last checked, found none",
        hint: 'check them, then add "checked: YYYY-MM-DD" to the frontmatter',
      },
    ]);
  });
});
