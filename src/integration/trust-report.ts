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
import { formatIssues, type Issue } from '../pipeline/issues.ts';
import { runDataBuild, today, type RunResult } from '../pipeline/run.ts';

const VIRTUAL_ID = 'virtual:trust-report';
const RESOLVED_ID = `\0${VIRTUAL_ID}`;

export function dataDirFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.TRUST_DATA ?? 'data');
}

export function contentDirFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.TRUST_CONTENT ?? 'content');
}

/**
 * Bad data in the dev server: an error the overlay and the terminal show as the problem list
 * alone. It has no stack (a stack would make Astro print "Stack trace:" and frame this file's
 * code), and its location is the first problem's file, line and column, so the overlay frames
 * the data file and "open in editor" opens it.
 */
export function dataProblemsError(issues: Issue[]): Error {
  const count = issues.length;
  const error = new Error(`The data has problems:\n\n${formatIssues(issues)}`) as Error & {
    title: string;
    hint: string;
    loc?: { file: string; line: number; column: number };
  };
  error.name = 'DataProblems';
  error.title = `${count} problem${count === 1 ? '' : 's'} found in the data`;
  error.hint = 'Fix the files listed above and save: the page reloads by itself.';
  const located = issues.find((issue) => issue.line > 0);
  if (located) error.loc = { file: resolve(located.file), line: located.line, column: Math.max(1, located.column) };
  error.stack = '';
  return error;
}

/** The dev server's data build, run once per change of the data or content folder. */
let latest: Promise<RunResult> | undefined;
const devDataBuild = () => (latest ??= runDataBuild({ dataDir: dataDirFromEnv(), contentDir: contentDirFromEnv(), today: today() }));

async function reportModule(): Promise<string> {
  const file = process.env.TRUST_REPORT_FILE;
  if (file) return `export default ${await readFile(file, 'utf8')};`;
  const result = await devDataBuild();
  if (!result.report) throw dataProblemsError(result.issues);
  return `export default ${JSON.stringify(result.report)};`;
}

/** A page request from something that is not a browser (curl, a script): it gets the list as text. */
function isPlainPageRequest(method: string | undefined, url: string | undefined, accept: string | undefined): boolean {
  if (method !== 'GET' || !url || (accept ?? '').includes('text/html')) return false;
  const path = url.split('?')[0]!;
  return path.endsWith('/') || path.endsWith('.html');
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
                  // The browser gets Astro's overlay with the problem list; a plain GET would get
                  // only "<title>DataProblems</title>", so it gets the list as text instead.
                  server.middlewares.use((request, response, next) => {
                    if (process.env.TRUST_REPORT_FILE || !isPlainPageRequest(request.method, request.url, request.headers.accept)) return next();
                    devDataBuild().then(
                      (result) => {
                        if (result.report) return next();
                        response.statusCode = 500;
                        response.setHeader('Content-Type', 'text/plain; charset=utf-8');
                        response.end(`The data has problems:\n\n${formatIssues(result.issues)}\n`);
                      },
                      (error: unknown) => next(error),
                    );
                  });
                  const onChange = (path: string) => {
                    if (!watched.some((dir) => path.startsWith(dir))) return;
                    latest = undefined;
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
