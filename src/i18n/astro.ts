/**
 * Astro adapter for the translation system: the strings files are bundled at build time.
 */
import { createTranslationSystem, type Dictionary, type MessageKey, type Translator } from './core.ts';

const modules = import.meta.glob<Dictionary>('./strings/*.json', { eager: true, import: 'default' });

const dictionaries: Record<string, Dictionary> = {};
for (const [path, dictionary] of Object.entries(modules)) {
  dictionaries[path.replace(/^.*\/(.+)\.json$/, '$1')] = dictionary;
}

export const translations = createTranslationSystem<MessageKey>(dictionaries);

export function useTranslations(locale: string | undefined): Translator {
  return translations.translator(locale ?? 'en');
}
