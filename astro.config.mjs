// @ts-check
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import { defineConfig } from 'astro/config';
import { parse } from 'yaml';
import trustReport, { dataDirFromEnv } from './src/integration/trust-report.ts';
import { LOCALE_CODES } from './src/i18n/locales.ts';
import { sanitizeArticle } from './src/pipeline/guidance/sanitize.ts';

// The site's address comes from the company's own settings, so canonical and hreflang links
// point at where the report is published.
function siteUrl() {
  try {
    const company = parse(readFileSync(join(dataDirFromEnv(), 'company/company.yaml'), 'utf8'));
    return typeof company?.site_url === 'string' ? company.site_url : undefined;
  } catch {
    return undefined;
  }
}

// Guidance articles (.md and .mdx) are rendered by Sätteri, Astro's own Markdown processor, with
// one extra step: whatever an article may not contain (code, scripts, unsafe HTML and URLs) is
// dropped. The data build has already refused such an article with located problems
// (src/pipeline/guidance/check-body.ts); this keeps the pages safe even if that were bypassed.
const articleProcessor = satteri({ hastPlugins: [sanitizeArticle] });

export default defineConfig({
  site: siteUrl(),
  trailingSlash: 'always',
  build: { format: 'directory' },
  i18n: {
    locales: [...LOCALE_CODES],
    defaultLocale: 'en',
    routing: { prefixDefaultLocale: true, redirectToDefaultLocale: false },
  },
  markdown: { processor: articleProcessor },
  integrations: [trustReport(), mdx({ processor: articleProcessor })],
  devToolbar: { enabled: false },
  vite: {
    build: {
      rollupOptions: {
        // Each MDX file triggers a harmless upstream warning about the "use astro:head-inject"
        // directive (withastro/astro#18087); hide it so real warnings stand out.
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
          warn(warning);
        },
      },
    },
  },
});
