/**
 * The guidance articles as an Astro content collection. Their frontmatter and body are validated
 * by the data build (src/pipeline/load-guidance.ts), which reports problems as file:line:column
 * and stops before Astro runs, so the collection itself needs no schema of its own.
 *
 * Astro keeps the collection in a cache between builds, keyed by article id (`en/empathy`). The
 * guidance folder can change between builds (`--content`), so entries cached from another folder
 * are dropped before the glob loader runs: otherwise it warns about "multiple entries with the
 * same slug", and an unchanged article would even be rendered from the other folder's file.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { isAbsolute, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { siteFolders } from './build/handover.ts';

// The guidance folder of the running build or dev server (its `--content`), handed over by the
// integration; the default folder otherwise (e.g. `astro sync`).
const contentDir = siteFolders()?.contentDir ?? './content';
const base = `${contentDir}/guidance`;
const globLoader = glob({ pattern: '*/*.{md,mdx}', base });

export const collections = {
  guidance: defineCollection({
    loader: {
      ...globLoader,
      name: 'guidance-loader',
      load: async (context) => {
        // Paths as the glob loader keeps them: relative to the project root.
        const projectRoot = fileURLToPath(context.config.root);
        const folder = resolve(projectRoot, base);
        for (const id of [...context.store.keys()]) {
          const filePath = context.store.get(id)?.filePath;
          const where = filePath ? relative(folder, resolve(projectRoot, filePath)) : '..';
          if (where.startsWith('..') || isAbsolute(where)) context.store.delete(id);
        }
        return globLoader.load(context);
      },
    },
  }),
};
