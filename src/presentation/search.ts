import type { Translator } from '../i18n/core.ts';

/** The search page's labels for Pagefind's interface (src/views/Search.astro). */
export interface SearchPageProps {
  labels: Record<string, string>;
}

export function searchPage(t: Translator): SearchPageProps {
  return {
    labels: {
      placeholder: t('search.placeholder'),
      clear_search: t('search.clear'),
      load_more: t('search.load_more'),
      search_label: t('search.label'),
      zero_results: t('search.zero_results'),
      many_results: t('search.many_results'),
      one_result: t('search.one_result'),
      alt_search: t('search.zero_results'),
      search_suggestion: t('search.zero_results'),
      searching: t('search.searching'),
    },
  };
}
