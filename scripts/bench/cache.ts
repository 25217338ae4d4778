/**
 * Generated data folders live outside the repository, under TRUST_BENCH_CACHE or
 * ~/.cache/trust-benchmarks/bench/, one folder per set of generator parameters and generator
 * version. A folder is reused when complete; one left half-written by a killed run is replaced.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_SEED, GENERATOR_VERSION, REPO_BENCHMARKS, generate, type GenerateSummary } from './generate.ts';

export interface DatasetParameters {
  survey: number;
  orders: number;
  segments: number;
  seed?: number;
}

/** Marks a folder as completely written. */
const COMPLETE = '.complete';

export function cacheRoot(env: NodeJS.ProcessEnv = process.env): string {
  return env.TRUST_BENCH_CACHE ?? join(homedir(), '.cache', 'trust-benchmarks', 'bench');
}

/** The folder name for a set of parameters, e.g. `s1000000-o1000000-k6-seed20261201-v1`. */
export function datasetName(p: DatasetParameters): string {
  return `s${p.survey}-o${p.orders}-k${p.segments}-seed${p.seed ?? DEFAULT_SEED}-v${GENERATOR_VERSION}`;
}

/** The site-bench shape: about 60 respondents per wave x segment and 1,000 orders per segment. */
export function siteShape(segments: number): DatasetParameters {
  return { survey: 60 * 8 * segments, orders: 1000 * segments, segments };
}

/** What a cached folder holds (kept in its completion marker). */
export interface Dataset {
  dir: string;
  survey: number;
  orders: number;
  customers: number;
  complaints: number;
  /** Set when this call generated the folder. */
  generatedSeconds?: number;
}

/**
 * The data folder for these parameters, generated when not cached yet. The benchmark files are
 * copied from the repository every time, so a cached folder follows edits to them.
 */
export function ensureDataset(p: DatasetParameters, log: (line: string) => void = () => {}): Dataset {
  const root = cacheRoot();
  const dir = join(root, datasetName(p));
  const marker = join(dir, COMPLETE);
  if (existsSync(marker)) {
    rmSync(join(dir, 'benchmarks'), { recursive: true, force: true });
    cpSync(REPO_BENCHMARKS, join(dir, 'benchmarks'), { recursive: true });
    const counts = JSON.parse(readFileSync(marker, 'utf8')) as GenerateSummary;
    return { dir, survey: counts.survey, orders: counts.orders, customers: counts.customers, complaints: counts.complaints };
  }
  mkdirSync(root, { recursive: true });
  const partial = `${dir}.partial-${process.pid}`;
  rmSync(partial, { recursive: true, force: true });
  log(`generating ${datasetName(p)} in ${root} ...`);
  const generated = generate({ out: partial, ...p });
  writeFileSync(join(partial, COMPLETE), `${JSON.stringify({ ...generated, segments: p.segments, version: GENERATOR_VERSION })}\n`);
  rmSync(dir, { recursive: true, force: true });
  renameSync(partial, dir);
  log(`generated in ${generated.seconds.toFixed(1)} s: ${generated.survey} answers, ${generated.orders} orders, ${generated.complaints} complaints`);
  return { dir, survey: generated.survey, orders: generated.orders, customers: generated.customers, complaints: generated.complaints, generatedSeconds: generated.seconds };
}
