/**
 * Astro integration that hands the report model to the pages as `virtual:trust-report`.
 *
 * - `npm run build` computes the model first (and stops on bad data); it passes the model's file
 *   in TRUST_REPORT_FILE and this plugin only reads it.
 * - `npm run dev` has no such file: the plugin runs the data build itself, watches the data and
 *   content folders, and reloads the page when a file there changes. Bad data shows the same
 *   file:line:column list as the command line, in the browser's error overlay.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { AstroIntegration } from 'astro';
import { formatIssues } from '../pipeline/issues.ts';
import { runDataBuild, today } from '../pipeline/run.ts';

const VIRTUAL_ID = 'virtual:trust-report';
const RESOLVED_ID = `\0${VIRTUAL_ID}`;

export function dataDirFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.TRUST_DATA ?? 'data');
}

export function contentDirFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.TRUST_CONTENT ?? 'content');
}

async function reportModule(): Promise<string> {
  const file = process.env.TRUST_REPORT_FILE;
  if (file) return `export default ${await readFile(file, 'utf8')};`;
  const result = await runDataBuild({ dataDir: dataDirFromEnv(), contentDir: contentDirFromEnv(), today: today() });
  if (!result.report) throw new Error(`The data has problems:\n\n${formatIssues(result.issues)}`);
  return `export default ${JSON.stringify(result.report)};`;
}

export default function trustReport(): AstroIntegration {
  return {
    name: 'trust-report',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        const watched = [dataDirFromEnv(), contentDirFromEnv()];
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'trust-report',
                resolveId(id: string) {
                  return id === VIRTUAL_ID ? RESOLVED_ID : undefined;
                },
                load(id: string) {
                  return id === RESOLVED_ID ? reportModule() : undefined;
                },
                configureServer(server) {
                  server.watcher.add(watched);
                  const onChange = (path: string) => {
                    if (!watched.some((dir) => path.startsWith(dir))) return;
                    for (const environment of Object.values(server.environments)) {
                      const module = environment.moduleGraph.getModuleById(RESOLVED_ID);
                      if (module) environment.moduleGraph.invalidateModule(module);
                    }
                    server.ws.send({ type: 'full-reload' });
                  };
                  server.watcher.on('change', onChange);
                  server.watcher.on('add', onChange);
                  server.watcher.on('unlink', onChange);
                },
              },
            ],
          },
        });
      },
    },
  };
}
