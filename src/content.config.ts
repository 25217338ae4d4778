/**
 * The guidance articles as an Astro content collection. Their frontmatter is validated by the
 * data build (src/pipeline/load-guidance.ts), which reports problems as file:line:column before
 * Astro runs, so the collection itself needs no schema of its own.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';

const contentDir = process.env.TRUST_CONTENT ?? './content';

export const collections = {
  guidance: defineCollection({
    loader: glob({ pattern: '*/*.{md,mdx}', base: `${contentDir}/guidance` }),
  }),
};
