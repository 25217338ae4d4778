/**
 * Load stage for the benchmark library's translations. Each published locale other than English
 * may have `benchmarks/translations/<locale>.yaml`. A translation of a field the English entry
 * does not have is an error. A translation of an id the English files no longer have is a
 * warning (it is ignored: removing a figure should not break the build), and so is a missing
 * translation (the page shows the English text, marked lang="en"), so the analyst knows what is
 * left to translate.
 */
import {
  translationsFileSchema,
  type SourceTranslation,
  type StatisticTranslation,
} from '../schemas/benchmark-translations.ts';
import type { Benchmarks, LoadedSource, LoadedStatistic } from './load-benchmarks.ts';
import { dataFile, inspectFile, readYamlFile } from './files.ts';
import { avoidedVariants, glossaries as productGlossaries, type Glossary } from '../i18n/glossary.ts';
import { closest, type Issue } from './issues.ts';

export interface LibraryTranslations {
  sources: Record<string, Record<string, SourceTranslation>>;
  statistics: Record<string, Record<string, StatisticTranslation>>;
}

/** The English fields a translation may carry, and whether the entry has them. */
function sourceFields(source: LoadedSource): Record<keyof SourceTranslation, boolean> {
  return {
    title: source.descriptive.includes('title'),
    publisher: source.descriptive.includes('publisher'),
    population: true,
    method: true,
    fieldwork_note: Boolean(source.fieldwork?.note),
    n_note: Boolean(source.n_note),
    margin_note: Boolean(source.margin_note),
    released_note: Boolean(source.released_note),
    caveats: (source.caveats ?? []).length > 0,
  };
}

function statisticFields(stat: LoadedStatistic): Record<keyof StatisticTranslation, boolean> {
  return { wording: true, population: Boolean(stat.population), caveat: Boolean(stat.caveat), note: Boolean(stat.note) };
}

export async function loadLibraryTranslations(
  dataDir: string,
  locales: readonly string[],
  benchmarks: Benchmarks,
  options: { glossaries?: Map<string, Glossary> } = {},
): Promise<{ translations: LibraryTranslations; issues: Issue[]; warnings: Issue[] }> {
  const glossaries = options.glossaries ?? productGlossaries();
  const translations: LibraryTranslations = { sources: {}, statistics: {} };
  const issues: Issue[] = [];
  const warnings: Issue[] = [];
  const sources = new Map(benchmarks.sources.map((s) => [s.id, s]));
  const statistics = new Map(benchmarks.statistics.map((s) => [s.id, s]));

  for (const locale of locales.filter((l) => l !== 'en')) {
    const file = dataFile(dataDir, `benchmarks/translations/${locale}.yaml`);
    const found = await inspectFile(file);
    if (found !== 'file' && found !== 'absent') {
      issues.push(found);
      continue;
    }
    if (found === 'absent') {
      warnings.push({ file: file.display, line: 0, column: 0, message: `expected ${locale} wording of the benchmark library, found no file; every text shows in English`, hint: 'see README, "Translating the benchmark library"' });
      continue;
    }
    const result = await readYamlFile(file, translationsFileSchema, 'see README, "Translating the benchmark library"');
    for (const issue of result.issues) issues.push(issue); // not push(...): a file can have 100,000s of problems
    if (!result.data || !result.locate) continue;
    const locate = result.locate;
    const at = (path: (string | number)[], field: string | undefined, message: string, hint: string): Issue => {
      const pos = locate(path);
      return { file: file.display, line: pos.line, column: pos.column, field, message, hint };
    };

    // Every translated entry must exist in English and translate only fields English has.
    const check = <T extends object>(
      kind: 'sources' | 'statistics',
      entries: Record<string, T>,
      known: Map<string, LoadedSource | LoadedStatistic>,
      fieldsOf: (entry: never) => Record<string, boolean>,
      englishFile: string,
    ) => {
      for (const [id, entry] of Object.entries(entries)) {
        const english = known.get(id);
        if (!english) {
          const guess = closest(id, [...known.keys()]);
          warnings.push(at([kind, id], undefined, `expected an id from ${englishFile}, found "${id}"; this translation is ignored`, guess ? `did you mean "${guess}"?` : `remove the entry, or add "${id}" to ${englishFile}`));
          continue;
        }
        const fields = fieldsOf(english as never);
        for (const [field, value] of Object.entries(entry)) {
          if (value === undefined) continue;
          if (!fields[field]) {
            issues.push(at([kind, id, field], field, `expected only fields the English entry has, found ${field} but "${id}" has none`, `remove ${field}, or add it to the English entry first`));
          }
        }
      }
    };
    check('sources', result.data.sources, sources, sourceFields, 'sources.yaml');
    check('statistics', result.data.statistics, statistics, statisticFields, 'statistics.csv');

    for (const [id, entry] of Object.entries(result.data.sources)) {
      const english = sources.get(id);
      const count = english?.caveats?.length ?? 0;
      if (english && entry.caveats && entry.caveats.length !== count) {
        issues.push(at(['sources', id, 'caveats'], 'caveats', `expected ${count} caveat${count === 1 ? '' : 's'} as in sources.yaml, found ${entry.caveats.length}`, 'translate each English caveat once, in the same order'));
      }
    }

    // Missing translations: one warning per entry, naming the fields left in English.
    for (const [kind, known, fieldsOf] of [
      ['sources', sources, sourceFields],
      ['statistics', statistics, statisticFields],
    ] as const) {
      const entries = result.data[kind] as Record<string, Record<string, unknown>>;
      for (const [id, english] of known) {
        const fields = (fieldsOf as (e: never) => Record<string, boolean>)(english as never);
        const missing = Object.entries(fields).filter(([field, has]) => has && entries[id]?.[field] === undefined).map(([field]) => field);
        if (missing.length === 0) continue;
        const pos = entries[id] ? locate([kind, id]) : { line: 0, column: 0 };
        warnings.push({ file: file.display, line: pos.line, column: pos.column, field: id, message: `expected a ${locale} translation of ${missing.join(', ')}, found none; the English text is shown`, hint: `add ${missing.join(', ')} under ${kind}: ${id}:` });
      }
    }

    // The locale's glossary names: an avoided variant in the library's text is a warning (a
    // translated question may have to keep the survey's own word).
    const glossary = glossaries.get(locale);
    if (glossary) {
      for (const kind of ['sources', 'statistics'] as const) {
        for (const [id, entry] of Object.entries(result.data[kind] as Record<string, Record<string, string | string[] | undefined>>)) {
          for (const [field, value] of Object.entries(entry)) {
            const texts = typeof value === 'string' ? [[value, [kind, id, field]] as const] : (value ?? []).map((v, i) => [v, [kind, id, field, i]] as const);
            for (const [text, path] of texts) {
              for (const w of avoidedVariants(glossary, text, file.display, 1, field)) {
                const pos = locate([...path]);
                warnings.push({ ...w, line: pos.line, column: pos.column });
              }
            }
          }
        }
      }
    }

    for (const [id, entry] of Object.entries(result.data.sources)) (translations.sources[id] ??= {})[locale] = entry;
    for (const [id, entry] of Object.entries(result.data.statistics)) (translations.statistics[id] ??= {})[locale] = entry;
  }
  return { translations, issues, warnings };
}
