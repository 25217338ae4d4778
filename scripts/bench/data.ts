/**
 * Data bench: the project's `scripts/check.ts` and the DuckDB reference (duck.ts) on the same
 * generated CSV files, each a child process measured whole, runs interleaved (project, DuckDB,
 * project, ...); then the project's figures (project-figures.ts, through `runDataBuild`) against
 * DuckDB's, cell by cell.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ensureDataset, type Dataset } from './cache.ts';
import { compareFigures, type Comparison, type FigureFile } from './figures.ts';
import { describe, lastLines, measureNode, type Measurement } from './measure.ts';

const REPO = resolve(import.meta.dirname, '../..');

export interface DataRun {
  label: string;
  dataset: Dataset;
  rows: number;
  project: Measurement[];
  duck: Measurement[];
  /** DuckDB's counts of rows breaking the project's rules (all 0 for generated data). */
  validation: Record<string, number> | null;
  comparison: Comparison | null;
  /** Why the figures could not be compared. */
  comparisonProblem: string | null;
}

export interface DataOptions {
  /** Rows of survey.csv and of orders.csv, e.g. 1_000_000. */
  sizes: Array<{ label: string; rows: number }>;
  segments: number;
  runs: number;
  timeoutSeconds: number;
  compare: boolean;
  log: (line: string) => void;
}


export async function runDataBench(options: DataOptions): Promise<DataRun[]> {
  const out: DataRun[] = [];
  for (const size of options.sizes) {
    const dataset = ensureDataset({ survey: size.rows, orders: size.rows, segments: options.segments }, options.log);
    const rows = dataset.survey + dataset.orders + dataset.complaints;
    const work = mkdtempSync(join(tmpdir(), 'trust-bench-data-'));
    const duckFile = join(work, 'duckdb.json');
    const run: DataRun = { label: size.label, dataset, rows, project: [], duck: [], validation: null, comparison: null, comparisonProblem: null };
    try {
      for (let i = 0; i < options.runs; i++) {
        options.log(`data ${size.label}: project check (run ${i + 1}/${options.runs}) ...`);
        const project = await measureNode([join(REPO, 'scripts', 'check.ts'), '--data', dataset.dir], { cwd: REPO, timeoutSeconds: options.timeoutSeconds });
        run.project.push(project);
        options.log(`  project: ${describe(project)}${project.ok ? ` ${lastLines(project.stdout, 1).slice(0, 160)}` : ''}`);
        options.log(`data ${size.label}: DuckDB (run ${i + 1}/${options.runs}) ...`);
        const duck = await measureNode([join(import.meta.dirname, 'duck.ts'), '--data', dataset.dir, '--out', duckFile], { cwd: REPO, timeoutSeconds: options.timeoutSeconds });
        run.duck.push(duck);
        options.log(`  DuckDB: ${describe(duck)}`);
      }
      const reference = run.duck.some((m) => m.ok) ? (JSON.parse(readFileSync(duckFile, 'utf8')) as FigureFile) : null;
      run.validation = reference?.validation ?? null;
      if (!options.compare) run.comparisonProblem = 'not compared (--no-compare)';
      else if (!reference) run.comparisonProblem = 'DuckDB did not finish';
      else if (run.project.every((m) => m.timedOut)) run.comparisonProblem = 'the project timed out';
      else {
        options.log(`data ${size.label}: project figures through runDataBuild ...`);
        const figuresFile = join(work, 'project.json');
        const figures = await measureNode([join(import.meta.dirname, 'project-figures.ts'), '--data', dataset.dir, '--out', figuresFile], { cwd: REPO, timeoutSeconds: options.timeoutSeconds });
        if (!figures.ok) run.comparisonProblem = `the project's figures could not be computed: ${figures.timedOut ? 'timeout' : lastLines(figures.stderr || figures.stdout)}`;
        else run.comparison = compareFigures(JSON.parse(readFileSync(figuresFile, 'utf8')) as FigureFile, reference);
      }
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
    out.push(run);
  }
  return out;
}
