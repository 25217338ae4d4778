/**
 * One glossary per locale (`src/i18n/glossary/<locale>.yaml`): the one name of every metric and
 * of the three model groups, which the UI strings, the benchmark library's translations and the
 * guidance articles all follow.
 *
 * Each concept has
 *   name   the label exactly as the UI strings write it (`metric.<id>.name`, `group.<group>`);
 *   forms  case-insensitive regular expressions that find the name in running text, in any
 *          inflection (Finnish and Russian decline nouns; Thai has no spaces);
 *   avoid  other names for the same concept, which no article, UI string or library text may use.
 *
 * The checks: the glossary itself (every concept present, `name` equal to the UI label, every
 * pattern valid, a form that finds the name, no avoided variant that finds any concept's name);
 * each article names every metric and dimension it declares with a glossary form and uses no
 * avoided variant; no UI string uses an avoided variant; library translations are warned.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { METRIC_IDS } from '../metrics/catalogue.ts';
import type { Issue } from '../pipeline/issues.ts';
import { parseYaml, validateYaml } from '../pipeline/yaml.ts';
import { LOCALE_CODES } from './locales.ts';

export const GLOSSARY_DIR = fileURLToPath(new URL('./glossary/', import.meta.url));

/** The concepts every glossary names: each metric, and the model groups of Mayer, Davis and Schoorman. */
export const GLOSSARY_GROUPS = ['ability', 'benevolence', 'integrity'] as const;
export const GLOSSARY_CONCEPTS: readonly string[] = [...METRIC_IDS.map((id) => `metric.${id}`), ...GLOSSARY_GROUPS.map((g) => `group.${g}`)];

/** The UI string that shows a concept's name. */
export function conceptLabelKey(concept: string): string {
  return concept.startsWith('metric.') ? `${concept}.name` : concept;
}

const pattern = z.string().min(1, { error: 'expected a regular expression' });

const conceptSchema = z.strictObject({
  name: z.string().trim().min(1, { error: 'expected the name as the UI writes it' }),
  forms: z.array(pattern).min(1, { error: 'expected at least one pattern that finds the name in running text' }),
  avoid: z.array(pattern).default([]),
  note: z.string().optional(),
});

const glossarySchema = z.strictObject({
  concepts: z.record(z.string(), conceptSchema),
});

export interface GlossaryConcept {
  id: string;
  name: string;
  forms: RegExp[];
  avoid: { source: string; regex: RegExp }[];
}

export interface Glossary {
  locale: string;
  file: string;
  concepts: Map<string, GlossaryConcept>;
}

/** A word boundary that knows letters beyond ASCII (JavaScript's own \b sees ä or й as a break). */
const UNICODE_BOUNDARY = '(?:(?<![\\p{L}\\p{M}\\p{N}_])(?=[\\p{L}\\p{M}\\p{N}_])|(?<=[\\p{L}\\p{M}\\p{N}_])(?![\\p{L}\\p{M}\\p{N}_]))';

function compile(source: string): RegExp | string {
  try {
    // `\b` in a pattern means a word boundary in any script (an escaped backslash is left alone).
    return new RegExp(source.replace(/(?<!\\)((?:\\\\)*)\\b/g, (_, slashes: string) => slashes + UNICODE_BOUNDARY), 'giu');
  } catch (error) {
    return (error as Error).message;
  }
}

/** Reads and checks one locale's glossary file; `labels` are that locale's UI strings. */
export function parseGlossary(text: string, file: string, locale: string, labels?: Record<string, string>): { glossary?: Glossary; issues: Issue[] } {
  const doc = parseYaml(text, file);
  const result = validateYaml(doc, file, glossarySchema);
  if (!result.data) return { issues: result.issues };
  const issues: Issue[] = [];
  const concepts = new Map<string, GlossaryConcept>();
  const at = (path: PropertyKey[]) => doc.locate(path);
  for (const [id, entry] of Object.entries(result.data.concepts)) {
    if (!GLOSSARY_CONCEPTS.includes(id)) {
      const pos = doc.locateKey(['concepts', id]);
      issues.push({ file, line: pos.line, column: pos.column, field: id, message: `expected a concept id (metric.<metric id> or group.<${GLOSSARY_GROUPS.join('|')}>), found "${id}"`, hint: 'check the spelling against src/metrics/catalogue.ts' });
      continue;
    }
    const forms: RegExp[] = [];
    const avoid: GlossaryConcept['avoid'] = [];
    entry.forms.forEach((source, i) => {
      const regex = compile(source);
      if (typeof regex === 'string') {
        const pos = at(['concepts', id, 'forms', i]);
        issues.push({ file, line: pos.line, column: pos.column, field: 'forms', message: `expected a regular expression, found ${JSON.stringify(source)} (${regex})`, hint: 'escape ( ) [ ] . * + ? with a backslash' });
      } else forms.push(regex);
    });
    entry.avoid.forEach((source, i) => {
      const regex = compile(source);
      if (typeof regex === 'string') {
        const pos = at(['concepts', id, 'avoid', i]);
        issues.push({ file, line: pos.line, column: pos.column, field: 'avoid', message: `expected a regular expression, found ${JSON.stringify(source)} (${regex})`, hint: 'escape ( ) [ ] . * + ? with a backslash' });
      } else avoid.push({ source, regex });
    });
    if (forms.length === entry.forms.length && !forms.some((f) => test(f, entry.name))) {
      const pos = at(['concepts', id, 'forms']);
      issues.push({ file, line: pos.line, column: pos.column, field: 'forms', message: `expected a pattern that finds the name "${entry.name}", found none that does`, hint: 'add the name\'s stem as a form' });
    }
    const label = labels?.[conceptLabelKey(id)];
    if (labels && label !== entry.name) {
      const pos = at(['concepts', id, 'name']);
      issues.push({ file, line: pos.line, column: pos.column, field: 'name', message: `expected the UI label "${conceptLabelKey(id)}" (${JSON.stringify(label ?? '')}), found ${JSON.stringify(entry.name)}`, hint: `make the glossary and src/i18n/strings/${locale}.json agree` });
    }
    concepts.set(id, { id, name: entry.name, forms, avoid });
  }
  for (const id of GLOSSARY_CONCEPTS) {
    if (!concepts.has(id) && !Object.hasOwn(result.data.concepts, id)) {
      issues.push({ file, line: 1, column: 1, field: id, message: `expected the concept "${id}", found none`, hint: `add "${id}" with its name, forms and avoided variants` });
    }
  }
  // An avoided variant must never find a name the glossary itself uses.
  for (const concept of concepts.values()) {
    concept.avoid.forEach(({ source, regex }, i) => {
      for (const other of concepts.values()) {
        if (!test(regex, other.name)) continue;
        const pos = at(['concepts', concept.id, 'avoid', i]);
        issues.push({ file, line: pos.line, column: pos.column, field: 'avoid', message: `expected an avoided variant that finds no glossary name, found ${JSON.stringify(source)}, which finds "${other.name}" (${other.id})`, hint: 'make the pattern more precise' });
      }
    });
  }
  return { glossary: { locale, file, concepts }, issues };
}

function test(regex: RegExp, text: string): boolean {
  regex.lastIndex = 0;
  const found = regex.test(text);
  regex.lastIndex = 0;
  return found;
}

/** Every locale's glossary, read from `dir`; a missing or broken file is an issue, not an exception. */
export function loadGlossaries(dir = GLOSSARY_DIR, labels?: Record<string, Record<string, string>>): { glossaries: Map<string, Glossary>; issues: Issue[] } {
  const glossaries = new Map<string, Glossary>();
  const issues: Issue[] = [];
  let names: string[] = [];
  try {
    names = readdirSync(dir);
  } catch {
    // handled per locale below
  }
  for (const locale of LOCALE_CODES) {
    const path = join(dir, `${locale}.yaml`);
    const file = relative(process.cwd(), path);
    if (!names.includes(`${locale}.yaml`)) {
      issues.push({ file, line: 0, column: 0, message: `expected the ${locale} glossary, found no file`, hint: 'copy en.yaml and give every concept its name in this language' });
      continue;
    }
    const result = parseGlossary(readFileSync(path, 'utf8'), file, locale, labels?.[locale]);
    issues.push(...result.issues);
    if (result.glossary) glossaries.set(locale, result.glossary);
  }
  return { glossaries, issues };
}

let cached: Map<string, Glossary> | undefined;
/** The glossaries as far as they are valid (their own problems are reported by the strings check). */
export function glossaries(): Map<string, Glossary> {
  return (cached ??= loadGlossaries().glossaries);
}

function position(text: string, offset: number, firstLine: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line: line + firstLine - 1, column: offset - before.lastIndexOf('\n') };
}

/**
 * Avoided variants in a text: one issue per occurrence, at its line and column. `firstLine` is
 * the file line the text starts on.
 */
export function avoidedVariants(glossary: Glossary, text: string, file: string, firstLine = 1, field?: string): Issue[] {
  const issues: Issue[] = [];
  for (const concept of glossary.concepts.values()) {
    for (const { regex } of concept.avoid) {
      regex.lastIndex = 0;
      for (const match of text.matchAll(regex)) {
        if (match[0] === '') break;
        issues.push({
          file,
          ...position(text, match.index, firstLine),
          ...(field ? { field } : {}),
          message: `expected the glossary name for ${concept.id} ("${concept.name}"), found "${match[0]}"`,
          hint: `write "${concept.name}" (in the right form), as the UI does; see ${glossary.file}`,
        });
      }
    }
  }
  return issues;
}

/**
 * An article against its locale's glossary: each declared metric (and dimension, as its trust
 * metric) named with a glossary form somewhere in the article, and no avoided variant anywhere.
 */
export function checkArticleTerms(glossary: Glossary, text: string, file: string, declared: { metrics: readonly string[]; dimensions: readonly string[] }): Issue[] {
  const issues = avoidedVariants(glossary, text, file);
  const ids = new Set([...declared.metrics.filter((m) => m !== 'say_vs_do'), ...declared.dimensions.map((d) => `trust_${d}`)]);
  const metricsLine = text.split('\n').findIndex((line) => /^(metrics|dimensions)\s*:/.test(line));
  for (const id of ids) {
    const concept = glossary.concepts.get(`metric.${id}`);
    if (!concept || concept.forms.some((f) => test(f, text))) continue;
    issues.push({
      file,
      line: metricsLine < 0 ? 1 : metricsLine + 1,
      column: 1,
      field: id,
      message: `expected the article to name ${id} as the glossary does ("${concept.name}"), found no form of it`,
      hint: `name it "${concept.name}" where the article discusses it, or remove ${id} from the frontmatter; see ${glossary.file}`,
    });
  }
  return issues;
}
