/**
 * A chart's PNG, rendered at build time from its standalone SVG (`src/charts/standalone.ts`) at
 * twice its size (1280 px wide), for slides. The renderer is resvg (a Rust library with prebuilt
 * binaries on npm) with fonts shipped as npm packages and no system fonts, so the same SVG gives
 * the same PNG on every machine, Thai included.
 *
 * Rendering costs tens of milliseconds a chart, so PNGs are cached by a hash of the SVG (and of
 * the renderer's version and options) in `node_modules/.cache/trust-benchmarks/chart-png/`: a
 * rebuild renders only the charts whose SVG changed. Rendering runs on libuv's thread pool
 * (`renderAsync`), so `prerenderChartPngs` can draw several charts at once while the site builds.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { ResvgRenderOptions } from '@resvg/resvg-js';
import { STANDALONE_WIDTH } from '../charts/standalone.ts';

/** PNGs are rendered at twice the SVG's width. */
export const PNG_SCALE = 2;
export const PNG_WIDTH = STANDALONE_WIDTH * PNG_SCALE;

/** The font files, by package: Noto Sans (Latin, Vietnamese, Cyrillic), Noto Sans Thai, and Noto Sans Symbols (arrows, the flag ⚑). */
const FONT_FILES = [
  '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf',
  '@expo-google-fonts/noto-sans/400Regular_Italic/NotoSans_400Regular_Italic.ttf',
  '@expo-google-fonts/noto-sans/600SemiBold/NotoSans_600SemiBold.ttf',
  '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf',
  '@expo-google-fonts/noto-sans-thai/400Regular/NotoSansThai_400Regular.ttf',
  '@expo-google-fonts/noto-sans-thai/600SemiBold/NotoSansThai_600SemiBold.ttf',
  '@expo-google-fonts/noto-sans-thai/700Bold/NotoSansThai_700Bold.ttf',
  '@expo-google-fonts/noto-sans-symbols/400Regular/NotoSansSymbols_400Regular.ttf',
];

/**
 * Packages are resolved from the project folder, not from this module: the site build bundles
 * this file into its output folder, which may live anywhere.
 */
const projectRequire = createRequire(join(process.cwd(), 'package.json'));

type Resvg = typeof import('@resvg/resvg-js');
let resvg: Resvg | undefined;
const renderer = (): Resvg => (resvg ??= projectRequire('@resvg/resvg-js') as Resvg);

let options: ResvgRenderOptions | undefined;
function renderOptions(): ResvgRenderOptions {
  options ??= {
    fitTo: { mode: 'width', value: PNG_WIDTH },
    background: '#ffffff',
    shapeRendering: 2,
    textRendering: 1,
    logLevel: 'error',
    font: {
      fontFiles: FONT_FILES.map((file) => projectRequire.resolve(file)),
      loadSystemFonts: false,
      defaultFontFamily: 'Noto Sans',
      sansSerifFamily: 'Noto Sans',
      defaultFontSize: 13,
    },
  };
  return options;
}

/** Bump when the rendering changes in a way the SVG does not show (fonts, options). */
const RENDER_VERSION = 2;
let fingerprint: string | undefined;
function rendererFingerprint(): string {
  if (fingerprint === undefined) {
    const versions = ['@resvg/resvg-js', '@expo-google-fonts/noto-sans', '@expo-google-fonts/noto-sans-thai', '@expo-google-fonts/noto-sans-symbols']
      .map((name) => `${name}@${(projectRequire(`${name}/package.json`) as { version: string }).version}`);
    fingerprint = [RENDER_VERSION, ...versions, JSON.stringify({ ...renderOptions(), font: { ...renderOptions().font, fontFiles: FONT_FILES } })].join('\n');
  }
  return fingerprint;
}

export const CACHE_DIR = join(process.cwd(), 'node_modules', '.cache', 'trust-benchmarks', 'chart-png');

function cacheFile(svg: string): string {
  const hash = createHash('sha256').update(rendererFingerprint()).update('\0').update(svg).digest('hex');
  return join(CACHE_DIR, `${hash}.png`);
}

function readCached(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

function writeCached(file: string, png: Buffer): void {
  try {
    mkdirSync(CACHE_DIR, { recursive: true });
    // Write then rename, so a build that is killed never leaves half a PNG in the cache.
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, png);
    renameSync(temporary, file);
  } catch {
    // A read-only or full disk only costs the cache, never the build.
  }
}

/** Renders the SVG without the cache (synchronously): for tests and measurements. */
export function renderPngUncached(svg: string): Buffer {
  const { Resvg } = renderer();
  return new Resvg(forRenderer(svg), renderOptions()).render().asPng();
}

/**
 * resvg's shaping overlaps Thai SARA AM (U+0E33) with the next letter; its compatibility
 * decomposition (NIKHAHIT U+0E4D + SARA AA U+0E32) draws the same and is placed right. Only the
 * PNG sees this: the SVG file keeps the text as written.
 */
function forRenderer(svg: string): string {
  return svg.replace(/\u0E33/g, '\u0E4D\u0E32');
}

const pending = new Map<string, Promise<Buffer>>();

/** The PNG of a standalone SVG: from the cache when this SVG was rendered before, else rendered off the main thread. */
export function chartPng(svg: string, cache = true): Promise<Buffer> {
  const file = cacheFile(svg);
  const started = pending.get(file);
  if (started) return started;
  const cached = cache ? readCached(file) : undefined;
  if (cached) return Promise.resolve(cached);
  const promise = renderer()
    .renderAsync(forRenderer(svg), renderOptions())
    .then((image) => {
      const png = image.asPng();
      if (cache) writeCached(file, png);
      return png;
    })
    .finally(() => pending.delete(file));
  pending.set(file, promise);
  return promise;
}

/**
 * Starts rendering these SVGs into the cache, a few at a time, so that the PNG route finds them
 * ready: the site's pages are written meanwhile. Returns when all are done; errors surface when
 * the route asks for that PNG.
 */
export async function prerenderChartPngs(svgs: Array<() => string>, concurrency = 2): Promise<void> {
  let next = 0;
  const work = async () => {
    // Each SVG is drawn only when its turn comes, so thousands of charts never sit in memory at once.
    while (next < svgs.length) {
      const svg = svgs[next++]!();
      // A PNG already in the cache is left there for the route to read: no need to read it twice.
      if (!existsSync(cacheFile(svg))) await chartPng(svg).catch(() => undefined);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, work));
}
