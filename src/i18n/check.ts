/**
 * The UI-strings check, part of `npm run check`, the build and the tests: every locale has every
 * key, no key is left unused by the code, every key the code asks for exists, and placeholders
 * agree across locales.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Issue } from '../pipeline/issues.ts';
import { createTranslationSystem, type Dictionary } from './core.ts';
import { avoidedVariants, GLOSSARY_DIR, loadGlossaries } from './glossary.ts';
import { messageSyntaxError } from './message.ts';
import { LOCALES } from './locales.ts';
import { readStringsFiles, STRINGS_DIR } from './node.ts';

const SRC_DIR = fileURLToPath(new URL('../', import.meta.url));
const KEY_LITERAL = /['"`]([a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+)['"`]/g;
/** A translation call with a literal key, such as a call of t with 'compare.col_gap'. */
const CALLED_KEY = /\bt\(\s*['"]([a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+)['"]/g;

export interface TranslationCheckOptions {
  stringsDir?: string;
  /** Folder whose source files must use every key; defaults to `src/`. */
  codeDir?: string;
  /** The glossaries the strings follow; defaults to `src/i18n/glossary/`. */
  glossaryDir?: string;
}

export async function checkTranslations(options: TranslationCheckOptions = {}): Promise<Issue[]> {
  const stringsDir = options.stringsDir ?? STRINGS_DIR;
  const files = await readStringsFiles(stringsDir);
  const issues: Issue[] = [];
  const dictionaries: Record<string, Dictionary> = {};
  const texts = new Map<string, { display: string; text: string }>();
  for (const file of files) {
    const display = relative(process.cwd(), file.path);
    texts.set(file.locale, { display, text: file.text });
    try {
      dictionaries[file.locale] = JSON.parse(file.text) as Dictionary;
    } catch (error) {
      issues.push({ file: display, line: 1, column: 1, message: `expected valid JSON, found ${(error as Error).message}` });
    }
  }
  for (const locale of LOCALES) {
    if (!texts.has(locale.code)) {
      issues.push({
        file: relative(process.cwd(), join(stringsDir, `${locale.code}.json`)),
        line: 0,
        column: 0,
        message: `expected the UI strings of locale "${locale.code}", found no file`,
        hint: 'copy en.json and translate every value',
      });
    }
  }
  if (!dictionaries.en || issues.length) return issues;
  const system = createTranslationSystem(dictionaries);
  const at = (locale: string, key: string | undefined): Pick<Issue, 'file' | 'line' | 'column'> => {
    const entry = texts.get(locale)!;
    if (key === undefined) return { file: entry.display, line: 1, column: 1 };
    const offset = entry.text.indexOf(`${JSON.stringify(key)}:`);
    if (offset < 0) return { file: entry.display, line: 1, column: 1 };
    const before = entry.text.slice(0, offset);
    const line = before.split('\n').length;
    return { file: entry.display, line, column: offset - before.lastIndexOf('\n') };
  };
  for (const locale of Object.keys(dictionaries)) {
    if (locale === 'en') continue;
    const missing = system.missing(locale);
    for (const key of missing) {
      issues.push({
        ...at(locale, undefined),
        field: key,
        message: `expected a ${locale} translation of this UI string, found none`,
        hint: `add "${key}" (English: ${JSON.stringify(dictionaries.en[key])})`,
      });
    }
    for (const key of system.extra(locale)) {
      issues.push({ ...at(locale, key), field: key, message: 'expected only keys that en.json has, found an extra key', hint: 'remove it, or add it to en.json first' });
    }
    for (const key of system.mismatched(locale)) {
      issues.push({ ...at(locale, key), field: key, message: 'expected the same {placeholders} as en.json', hint: `English: ${JSON.stringify(dictionaries.en[key])}` });
    }
  }
  // Every message parses as ICU MessageFormat, with the parser the pages format with.
  for (const [locale, dictionary] of Object.entries(dictionaries)) {
    for (const [key, value] of Object.entries(dictionary)) {
      const problem = typeof value === 'string' ? messageSyntaxError(value) : 'not a text';
      if (problem) issues.push({ ...at(locale, key), field: key, message: `expected an ICU message, found one where ${problem}`, hint: 'see README, "Languages": {name}, {count, plural, one {...} other {...}}, {kind, select, a {...} other {...}}' });
    }
  }
  // One vocabulary: each glossary agrees with its locale's labels, and no string uses an avoided name.
  const glossary = loadGlossaries(options.glossaryDir ?? GLOSSARY_DIR, dictionaries);
  issues.push(...glossary.issues);
  for (const [locale, g] of glossary.glossaries) {
    const dictionary = dictionaries[locale];
    if (!dictionary) continue;
    for (const [key, value] of Object.entries(dictionary)) {
      for (const issue of avoidedVariants(g, value, at(locale, key).file, 1, key)) issues.push({ ...issue, ...at(locale, key) });
    }
  }
  const { used, called } = await usedKeys(options.codeDir ?? SRC_DIR);
  const known = new Set(system.keys());
  for (const [key, where] of called) {
    if (!known.has(key)) {
      issues.push({ file: where.file, line: where.line, column: where.column, field: key, message: 'expected a UI string that en.json has, found a key no strings file defines', hint: `add "${key}" to every strings file, or use an existing key` });
    }
  }
  for (const key of system.keys()) {
    if (!used.has(key)) {
      issues.push({ ...at('en', key), field: key, message: 'expected this UI string to be used by the code, found no use', hint: 'remove it from every strings file, or use it' });
    }
  }
  return issues;
}

async function usedKeys(dir: string): Promise<{ used: Set<string>; called: Map<string, Pick<Issue, 'file' | 'line' | 'column'>> }> {
  const used = new Set<string>();
  const called = new Map<string, Pick<Issue, 'file' | 'line' | 'column'>>();
  for (const path of await sourceFiles(dir)) {
    const text = await readFile(path, 'utf8');
    for (const match of text.matchAll(KEY_LITERAL)) used.add(match[1]!);
    for (const match of text.matchAll(CALLED_KEY)) {
      if (called.has(match[1]!)) continue;
      const before = text.slice(0, match.index);
      const line = before.split('\n').length;
      called.set(match[1]!, { file: relative(process.cwd(), path), line, column: match.index! - before.lastIndexOf('\n') });
    }
  }
  return { used, called };
}

async function sourceFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'strings') out.push(...(await sourceFiles(path)));
    } else if (/\.(astro|ts|mdx)$/.test(entry.name)) {
      out.push(path);
    }
  }
  return out.sort();
}
