/**
 * Astro integration that hands the report model to the pages as `virtual:trust-report`.
 *
 * The module never spells the model out as JavaScript (a model of thousands of segments would be
 * tens of megabytes for Vite and Rollup to parse, transform and bundle): it takes the model from
 * memory, where the same process computed it.
 *
 * - `npm run build` (src/build/site.ts) computes the model first (and stops on bad data), writes it
 *   to a file and passes both to this integration as its options (`trustReport({ report })`); the
 *   module takes the model in memory, else parses the file.
 * - `npm run dev` has no such file: the plugin runs the data build itself, keeps one data-build
 *   cache, watches the data and content folders, rebuilds as soon as a file there changes and
 *   reloads the page once the new model is ready. Bad data shows the same file:line:column list
 *   as the command line, in the browser's error overlay.
 * - Anything else (`astro build` run directly) runs the data build and inlines the model as one
 *   JSON string, which is far cheaper to parse than an object literal.
 *
 * The folders and the model arrive as the integration's options (src/build/astro-config.ts), never
 * through environment variables.
 *
 * The downloads are not pages: a build streams them to disk once the pages are written
 * (src/downloads/write.ts); the dev server streams each when asked.
 */
import { basename, join, resolve, sep } from 'node:path';
import { handOverFolders, type SiteFolders } from '../build/handover.ts';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { isRunnableDevEnvironment, type EnvironmentModuleNode, type ViteDevServer } from 'vite';
import { formatIssues, type Issue } from '../pipeline/issues.ts';
import { createDataBuildCache, runDataBuild, today, type RunResult } from '../pipeline/run.ts';
import { downloadNames, downloadPieces } from '../downloads/files.ts';
import { writeDownloads } from '../downloads/write.ts';
import type { Report } from '../schemas/report.ts';

const VIRTUAL_ID = 'virtual:trust-report';
const RESOLVED_ID = `\0${VIRTUAL_ID}`;
/** Where the model waits in memory for the pages (a registered symbol: one per process). */
const HANDOFF_KEY = 'trust-benchmarks.report';

/** The model a build computed before Astro started, and the file it wrote the same model to. */
export interface ReportHandover {
  report: Report;
  file?: string;
}

interface Handoff extends ReportHandover {
  /** Bumped on every new model in the dev server, so the module's code changes with it. */
  generation: number;
}

const HANDOFF = Symbol.for(HANDOFF_KEY);
function handoffSlot(): { [HANDOFF]?: Handoff } {
  return globalThis as { [HANDOFF]?: Handoff };
}

/** Hands the model to the pages of this process (the integration does, with the model it was given). */
export function handOverReport(report: Report, file?: string): void {
  const previous = handoffSlot()[HANDOFF];
  handoffSlot()[HANDOFF] = { report, file, generation: (previous?.generation ?? 0) + 1 };
}

/** The integration's options: the folders, and for `npm run build` the model it computed. */
export interface TrustReportOptions extends SiteFolders {
  report?: ReportHandover;
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

/**
 * The dev server's data build: one run per change, with one data-build cache for the server's
 * life, so a run reuses the stages whose input files did not change (src/pipeline/run.ts).
 */
class DevDataBuild {
  #cache = createDataBuildCache();
  #folders: SiteFolders;

  constructor(folders: SiteFolders) {
    this.#folders = folders;
  }

  #latest: Promise<RunResult> | undefined;

  /** The newest run, started now if none is. */
  current(): Promise<RunResult> {
    return (this.#latest ??= this.#run());
  }

  /** Starts a new run for changed files (the cache decides what to reuse) and returns it. */
  restart(): Promise<RunResult> {
    this.#latest = this.#run();
    return this.#latest;
  }

  #run(): Promise<RunResult> {
    return runDataBuild({ ...this.#folders, today: today(), cache: this.#cache }).then((result) => {
      if (result.report) handOverReport(result.report);
      return result;
    });
  }
}

/** The module's code: a reference to the model in memory, or the model as one JSON string. */
async function reportModule(options: TrustReportOptions, dev: DevDataBuild | undefined): Promise<string> {
  const key = JSON.stringify(HANDOFF_KEY);
  const file = options.report?.file;
  if (options.report && !file) return `export default globalThis[Symbol.for(${key})].report;\n`;
  if (file) {
    const path = JSON.stringify(file);
    return [
      `import { readFileSync } from 'node:fs';`,
      `const handoff = globalThis[Symbol.for(${key})];`,
      `export default handoff && handoff.file === ${path} ? handoff.report : JSON.parse(readFileSync(${path}, 'utf8'));`,
    ].join('\n');
  }
  if (dev) {
    const result = await dev.current();
    if (!result.report) throw dataProblemsError(result.issues);
    // The generation makes the code differ per model, so Vite never serves a stale module.
    return `export default globalThis[Symbol.for(${key})].report; // model ${handoffSlot()[HANDOFF]?.generation ?? 0}\n`;
  }
  const result = await runDataBuild({ dataDir: options.dataDir, contentDir: options.contentDir, today: today() });
  if (!result.report) throw dataProblemsError(result.issues);
  handOverReport(result.report);
  return `export default JSON.parse(${JSON.stringify(JSON.stringify(result.report))});\n`;
}

/** The model the build's pages rendered: the one it was given, else the one the module computed. */
function builtReport(options: TrustReportOptions): Report {
  if (options.report) return options.report.report;
  const handoff = handoffSlot()[HANDOFF];
  if (handoff) return handoff.report;
  throw new Error('the report model was not computed before the downloads');
}

/** A page request from something that is not a browser (curl, a script): it gets the list as text. */
function isPlainPageRequest(method: string | undefined, url: string | undefined, accept: string | undefined): boolean {
  if (method !== 'GET' || !url || (accept ?? '').includes('text/html')) return false;
  const path = url.split('?')[0]!;
  return path.endsWith('/') || path.endsWith('.html');
}

/** Editor droppings (swap, backup and lock files) that are no input of the data build. */
function isScratchFile(path: string): boolean {
  const name = basename(path);
  return name.startsWith('.') || name.endsWith('~') || /\.(swp|swx|tmp|bak)$/i.test(name) || /^#.*#$/.test(name);
}

/**
 * Forgets the module and every module that imports it, in the server's module graphs and in the
 * module runner that renders the pages, so the next request evaluates them with the new model.
 */
function invalidateReportModule(server: ViteDevServer): void {
  for (const environment of Object.values(server.environments)) {
    const module = environment.moduleGraph.getModuleById(RESOLVED_ID);
    if (!module) continue;
    const seen = new Set<EnvironmentModuleNode>();
    environment.moduleGraph.invalidateModule(module, seen, Date.now(), true);
    if (!isRunnableDevEnvironment(environment)) continue;
    for (const node of seen) {
      const evaluated = node.id ? environment.runner.evaluatedModules.getModuleById(node.id) : undefined;
      if (evaluated) environment.runner.evaluatedModules.invalidateModule(evaluated);
    }
  }
}

export default function trustReport(options: TrustReportOptions): AstroIntegration {
  let dev: DevDataBuild | undefined;
  const folders: SiteFolders = { dataDir: resolve(options.dataDir), contentDir: resolve(options.contentDir) };
  // The content collection (src/content.config.ts) and the pages run in Vite's module runner:
  // they find the folders and the model on globalThis, in this same process.
  handOverFolders(folders);
  if (options.report) handOverReport(options.report.report, options.report.file);
  return {
    name: 'trust-report',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        const watched = [folders.dataDir, folders.contentDir];
        if (command === 'dev' && !options.report) dev = new DevDataBuild(folders);
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'trust-report',
                resolveId(id: string) {
                  return id === VIRTUAL_ID ? RESOLVED_ID : undefined;
                },
                load(id: string) {
                  return id === RESOLVED_ID ? reportModule({ ...options, ...folders }, dev) : undefined;
                },
                configureServer(server) {
                  if (!dev) return;
                  const build = dev;
                  server.watcher.add(watched);
                  // Start the first data build with the server, not with the first request.
                  void build.current();
                  // The browser gets Astro's overlay with the problem list; a plain GET would get
                  // only "<title>DataProblems</title>", so it gets the list as text instead.
                  server.middlewares.use((request, response, next) => {
                    if (!isPlainPageRequest(request.method, request.url, request.headers.accept)) return next();
                    build.current().then(
                      (result) => {
                        if (result.report) return next();
                        response.statusCode = 500;
                        response.setHeader('Content-Type', 'text/plain; charset=utf-8');
                        response.end(`The data has problems:\n\n${formatIssues(result.issues)}\n`);
                      },
                      (error: unknown) => next(error),
                    );
                  });
                  // The downloads, made from the current model as they are sent.
                  server.middlewares.use((request, response, next) => {
                    const name = /^\/downloads\/([^/]+)$/.exec((request.url ?? '').split('?')[0]!)?.[1];
                    if (request.method !== 'GET' || name === undefined) return next();
                    build.current().then(
                      (result) => {
                        const file = result.report && downloadNames(result.report).find((f) => f.name === decodeURIComponent(name));
                        if (!result.report || !file) return next();
                        response.setHeader('Content-Type', file.type);
                        Readable.from(downloadPieces(result.report, file.name)).pipe(response);
                      },
                      (error: unknown) => next(error),
                    );
                  });
                  // A change starts the new data build at once (a burst of events, as editors
                  // write, starts one); the page reloads when the new model is ready, so the
                  // reader never waits on an empty page.
                  let timer: NodeJS.Timeout | undefined;
                  const rebuild = () => {
                    timer = undefined;
                    const run = build.restart();
                    const reload = () => {
                      if (build.current() !== run) return;
                      invalidateReportModule(server);
                      server.ws.send({ type: 'full-reload' });
                    };
                    // A failed run reloads too: the page then shows what went wrong.
                    void run.then(reload, reload);
                  };
                  const onChange = (path: string) => {
                    if (!watched.some((dir) => path === dir || path.startsWith(dir + sep)) || isScratchFile(path)) return;
                    if (timer) clearTimeout(timer);
                    timer = setTimeout(rebuild, 20);
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
      'astro:build:done': async ({ dir }) => {
        await writeDownloads(builtReport(options), join(fileURLToPath(dir), 'downloads'));
      },
    },
  };
}
