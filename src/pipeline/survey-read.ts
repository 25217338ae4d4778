/**
 * Reading survey.csv in two steps, so that a large survey can be read on a second core while the
 * first reads orders.csv:
 *
 * 1. what the file alone can tell (`readSurveyRows`): cells, segments and waves against
 *    company.yaml, repeated respondent ids. This runs in a worker thread for a large file
 *    (`readSurveyInWorker`), which hands the accepted rows back in compact batches;
 * 2. what needs the orders (the loader): whether a linked customer is in orders.csv, loyalty
 *    tiers, and the aggregate.
 *
 * Both ways give the same rows and the same problems (test/survey-read.test.ts).
 */
import { Worker } from 'node:worker_threads';
import type { Company } from '../schemas/company.ts';
import { surveyColumns, type SurveyRow } from '../schemas/company-data.ts';
import { IssueSummary, type Issue } from './issues.ts';
import { createRowChecks } from './row-checks.ts';
import { StringTable } from './string-table.ts';
import { readTableFile } from './table.ts';

/** Where a row's cells are, for problems found in the second step. */
export interface RowAt {
  line: number;
  customerColumn: number;
  countryColumn: number;
}

export type SurveyRowHandler = (row: SurveyRow, at: RowAt) => void;

export interface SurveyReadResult {
  issues: Issue[];
  /** Data rows in the file, valid or not. */
  rows: number;
  /** False when no row could be read (a problem in the header, or an empty file). */
  readable: boolean;
}

/** What the first step needs of company.yaml (plain data, so it can go to a worker). */
export interface SurveyReadSettings {
  segments: Company['segments'];
  waves: readonly string[];
}

/** Step 1 in this thread. */
export async function readSurveyRows(path: string, display: string, settings: SurveyReadSettings, onRow: SurveyRowHandler): Promise<SurveyReadResult> {
  const issues = new IssueSummary();
  const { problem, checkSegment, checkWave } = createRowChecks(settings, settings.waves, issues);
  const ids = new StringTable({ numbered: false });
  const at: RowAt = { line: 0, customerColumn: 1, countryColumn: 1 };
  const result = await readTableFile(path, display, surveyColumns, (row, context) => {
    const okSegment = checkSegment(row.segment, context);
    const okWave = checkWave(row.wave, context, 'wave');
    if (!okSegment || !okWave) return;
    if (!ids.add(row.respondent_id)) {
      problem(context, 'respondent_id', `expected a unique respondent id, found "${row.respondent_id}" again`, 'one row per respondent and wave; give repeat respondents a new id per wave');
      return;
    }
    at.line = context.line;
    at.customerColumn = context.columnOf('customer_id');
    at.countryColumn = context.columnOf('country');
    onRow(row, at);
  }, { rules: [] });
  for (const issue of result.issues) issues.push(issue);
  return { issues: issues.finish(), rows: result.rows, readable: !result.issues.some((issue) => issue.line <= 1) };
}

// --- batches between the worker and the loader -------------------------------------------------

/** The survey's answer fields, each a small whole number or empty (-1 in a batch). */
const ANSWERS = Object.keys(surveyColumns).filter((field) => !['respondent_id', 'customer_id', 'wave', 'segment', 'country'].includes(field)) as Array<
  Exclude<keyof SurveyRow, 'respondent_id' | 'customer_id' | 'wave' | 'segment' | 'country'>
>;
const BATCH_ROWS = 32_768;
/**
 * Batches the worker may be ahead of the loader (about a million rows, some 80 MB): beyond that
 * it waits, so a survey read while the orders take long does not pile up in memory.
 */
export const BATCHES_AHEAD = 32;

export interface SurveyBatch {
  n: number;
  answers: Int8Array;
  wave: Uint16Array;
  segment: Uint16Array;
  country: Uint16Array;
  line: Float64Array;
  customerColumn: Uint32Array;
  countryColumn: Uint32Array;
  customers: Array<string | null>;
  /** Countries first seen in this batch, in the order of their codes. */
  newCountries: string[];
}

function newBatch(): SurveyBatch {
  return {
    n: 0,
    answers: new Int8Array(BATCH_ROWS * ANSWERS.length),
    wave: new Uint16Array(BATCH_ROWS),
    segment: new Uint16Array(BATCH_ROWS),
    country: new Uint16Array(BATCH_ROWS),
    line: new Float64Array(BATCH_ROWS),
    customerColumn: new Uint32Array(BATCH_ROWS),
    countryColumn: new Uint32Array(BATCH_ROWS),
    customers: [],
    newCountries: [],
  };
}

/** Packs rows into batches (in the worker); `send` receives each full batch and the last one. */
export function createBatcher(settings: SurveyReadSettings, send: (batch: SurveyBatch) => void) {
  const waveIndex = new Map(settings.waves.map((wave, i) => [wave, i]));
  const segmentIndex = new Map(settings.segments.map((segment, i) => [segment.id, i]));
  const countryIndex = new Map<string, number>();
  let batch = newBatch();
  const F = ANSWERS.length;
  return {
    add(row: SurveyRow, at: RowAt) {
      const i = batch.n;
      for (let k = 0; k < F; k++) batch.answers[i * F + k] = row[ANSWERS[k]!] ?? -1;
      batch.wave[i] = waveIndex.get(row.wave)!;
      batch.segment[i] = segmentIndex.get(row.segment)!;
      let c = countryIndex.get(row.country);
      if (c === undefined) {
        c = countryIndex.size;
        countryIndex.set(row.country, c);
        batch.newCountries.push(row.country);
      }
      batch.country[i] = c;
      batch.line[i] = at.line;
      batch.customerColumn[i] = at.customerColumn;
      batch.countryColumn[i] = at.countryColumn;
      batch.customers.push(row.customer_id ?? null);
      batch.n++;
      if (batch.n === BATCH_ROWS) this.flush();
    },
    flush() {
      if (batch.n === 0 && batch.newCountries.length === 0) return;
      send(batch);
      batch = newBatch();
    },
  };
}

/** Unpacks batches (in the loader) into rows, in file order. */
export function createUnbatcher(settings: SurveyReadSettings, onRow: SurveyRowHandler) {
  const countries: string[] = [];
  const F = ANSWERS.length;
  const at: RowAt = { line: 0, customerColumn: 1, countryColumn: 1 };
  return (batch: SurveyBatch) => {
    for (const country of batch.newCountries) countries.push(country);
    for (let i = 0; i < batch.n; i++) {
      const row = {
        respondent_id: '',
        customer_id: batch.customers[i] ?? undefined,
        wave: settings.waves[batch.wave[i]!]!,
        segment: settings.segments[batch.segment[i]!]!.id,
        country: countries[batch.country[i]!]!,
      } as SurveyRow;
      for (let k = 0; k < F; k++) {
        const answer = batch.answers[i * F + k]!;
        (row as Record<string, unknown>)[ANSWERS[k]!] = answer < 0 ? undefined : answer;
      }
      at.line = batch.line[i]!;
      at.customerColumn = batch.customerColumn[i]!;
      at.countryColumn = batch.countryColumn[i]!;
      onRow(row, at);
    }
  };
}

/** Messages from the worker. */
export type WorkerMessage = { kind: 'batch'; batch: SurveyBatch } | { kind: 'end'; result: SurveyReadResult } | { kind: 'failed'; message: string };

export interface SurveyReading {
  /** Hands every accepted row to `onRow` in file order, as the worker reads them. */
  consume(onRow: SurveyRowHandler): Promise<SurveyReadResult>;
  /** Stops a reading that is no longer needed (nothing happens after `consume` finished). */
  cancel(): void;
}

/**
 * Starts step 1 in a worker thread at once. The worker's rows wait, packed, until `consume`.
 * Where no worker can be started (a bundler that cannot place the worker's file), step 1 runs in
 * this thread during `consume`, unless the worker is `required` (then that is an error).
 */
export function readSurveyInWorker(path: string, display: string, settings: SurveyReadSettings, options: { required?: boolean } = {}): SurveyReading {
  const queue: WorkerMessage[] = [];
  let wake: (() => void) | undefined;
  let worker: Worker | undefined;
  // Batches the loader has taken, counted in memory both threads see.
  const taken = new Int32Array(new SharedArrayBuffer(4));
  try {
    worker = new Worker(new URL('./survey-worker.ts', import.meta.url), { workerData: { path, display, settings, taken } });
  } catch (error) {
    if (options.required) throw error;
    worker = undefined;
  }
  if (worker) {
    const push = (message: WorkerMessage) => {
      queue.push(message);
      wake?.();
    };
    worker.on('message', push);
    worker.on('error', (error) => push({ kind: 'failed', message: error.message }));
    worker.on('exit', (code) => {
      if (code !== 0) push({ kind: 'failed', message: `the worker stopped with code ${code}` });
    });
  }
  return {
    async consume(onRow) {
      if (!worker) return readSurveyRows(path, display, settings, onRow);
      const unbatch = createUnbatcher(settings, onRow);
      let started = false;
      for (;;) {
        const message = queue.shift();
        if (message === undefined) {
          await new Promise<void>((resolve) => (wake = resolve));
          wake = undefined;
          continue;
        }
        if (message.kind === 'batch') {
          started = true;
          unbatch(message.batch);
          Atomics.add(taken, 0, 1);
          Atomics.notify(taken, 0);
        }
        else if (message.kind === 'end') {
          await worker.terminate();
          return message.result;
        } else {
          await worker.terminate();
          // A worker that could not start (its file not where a bundler put this one) has read
          // nothing yet: read here instead.
          if (!started && !options.required) return readSurveyRows(path, display, settings, onRow);
          throw new Error(`reading ${display} in a worker failed: ${message.message}`);
        }
      }
    },
    cancel() {
      void worker?.terminate();
    },
  };
}
