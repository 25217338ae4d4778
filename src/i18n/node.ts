/**
 * Plain-Node adapter for the translation system: reads the strings files from disk. Used by
 * the scripts and tests; pages use `./astro.ts`.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTranslationSystem, type Dictionary, type TranslationSystem } from './core.ts';

export const STRINGS_DIR = fileURLToPath(new URL('./strings/', import.meta.url));

export interface StringsFile {
  locale: string;
  path: string;
  text: string;
}

export async function readStringsFiles(dir = STRINGS_DIR): Promise<StringsFile[]> {
  const names = (await readdir(dir)).filter((name) => name.endsWith('.json')).sort();
  return Promise.all(
    names.map(async (name) => {
      const path = join(dir, name);
      return { locale: name.replace(/\.json$/, ''), path, text: await readFile(path, 'utf8') };
    }),
  );
}

export async function loadTranslationSystem(dir = STRINGS_DIR): Promise<TranslationSystem> {
  const files = await readStringsFiles(dir);
  const dictionaries: Record<string, Dictionary> = {};
  for (const file of files) dictionaries[file.locale] = JSON.parse(file.text) as Dictionary;
  return createTranslationSystem(dictionaries);
}
