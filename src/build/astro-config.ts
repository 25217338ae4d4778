/**
 * The site's Astro configuration as a function of its inputs: the data and content folders and,
 * for a build, the report model computed before Astro starts. `npm run build` (src/build/site.ts)
 * and `npm run dev` (scripts/dev.ts) pass it to Astro as inline configuration with
 * `configFile: false`, so their options reach the integration as arguments, not through
 * environment variables; astro.config.mjs is the same configuration with the default folders,
 * for `astro` run directly (and `astro sync` in the type check).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import type { AstroInlineConfig } from 'astro';
import { parse } from 'yaml';
import trustReport, { type ReportHandover } from '../integration/trust-report.ts';
import { LOCALE_CODES } from '../i18n/locales.ts';
import { sanitizeArticle } from '../pipeline/guidance/sanitize.ts';

export interface SiteInputs {
  /** Absolute paths. */
  dataDir: string;
  contentDir: string;
  /** The model the build computed (the dev server and a direct `astro build` compute their own). */
  report?: ReportHandover;
}

/**
 * The site's address, for canonical and hreflang links: the company's own setting. A build has it
 * in the validated model; the dev server reads company.yaml (its data build validates it).
 */
function siteUrl(inputs: SiteInputs): string | undefined {
  if (inputs.report) return inputs.report.report.company.siteUrl ?? undefined;
  try {
    const company = parse(readFileSync(join(inputs.dataDir, 'company/company.yaml'), 'utf8')) as { site_url?: unknown } | null;
    return typeof company?.site_url === 'string' ? company.site_url : undefined;
  } catch {
    return undefined;
  }
}

export function astroConfig(inputs: SiteInputs): AstroInlineConfig {
  // Guidance articles (.md and .mdx) are rendered by Sätteri, Astro's own Markdown processor, with
  // one extra step: whatever an article may not contain (code, scripts, unsafe HTML and URLs) is
  // dropped. The data build has already refused such an article with located problems
  // (src/pipeline/guidance/check-body.ts); this keeps the pages safe even if that were bypassed.
  const articleProcessor = satteri({ hastPlugins: [sanitizeArticle] });
  const site = siteUrl(inputs);
  return {
    ...(site ? { site } : {}),
    trailingSlash: 'always',
    build: { format: 'directory' },
    i18n: {
      locales: [...LOCALE_CODES],
      defaultLocale: 'en',
      routing: { prefixDefaultLocale: true, redirectToDefaultLocale: false },
    },
    markdown: { processor: articleProcessor },
    integrations: [
      trustReport({ dataDir: inputs.dataDir, contentDir: inputs.contentDir, ...(inputs.report ? { report: inputs.report } : {}) }),
      mdx({ processor: articleProcessor }),
    ],
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
  };
}
