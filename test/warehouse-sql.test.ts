/**
 * The warehouse path (docs/warehouse.md): sql/kpis.sql run in DuckDB on the demo company's raw
 * tables gives a kpis.csv from which the build publishes the same figures as from the raw files.
 *
 * The demo's CSV files are loaded into DuckDB tables typed as a warehouse would keep them, the
 * shipped SQL runs unchanged (its parameters are the demo's company.yaml), its rows are written
 * to company/kpis.csv in a folder with the demo's company.yaml and benchmarks and no raw file, and
 * the data build runs on that folder and on the demo folder. Every cell of every metric the SQL
 * covers (by wave, by segment and wave, latest, latest by segment) must agree: the same n and the
 * same reason for a hidden cell exactly, value, low and high to 1e-9 (sums in another order
 * differ in the last digits; the site shows one decimal).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { runDataBuild, type RunResult } from '../src/pipeline/run.ts';
import type { Estimate } from '../src/metrics/estimate.ts';

const DEMO = 'data';
const TODAY = '2026-11-30';
const quote = (text: string) => `'${text.replaceAll("'", "''")}'`;
const columns = (spec: Record<string, string>) => `{${Object.entries(spec).map(([c, t]) => `${quote(c)}: ${quote(t)}`).join(', ')}}`;
const LIKERT = ['csat', 'trust_reliability', 'trust_transparency', 'trust_competence', 'trust_empathy', 'trust_consistency', 'data_concern', 'transparency_importance', 'problem_trust', 'peer_influence'];

/** The raw tables, typed as a warehouse keeps them (whole numbers, dates, UTC timestamps). */
const TABLES: Record<string, { columns: Record<string, string>; options?: string }> = {
  survey: {
    columns: { respondent_id: 'VARCHAR', customer_id: 'VARCHAR', wave: 'VARCHAR', segment: 'VARCHAR', country: 'VARCHAR', nps: 'INTEGER', ...Object.fromEntries(LIKERT.map((c) => [c, 'INTEGER'])) },
  },
  orders: {
    columns: {
      order_id: 'VARCHAR',
      customer_id: 'VARCHAR',
      order_date: 'DATE',
      segment: 'VARCHAR',
      country: 'VARCHAR',
      acquisition_channel: 'VARCHAR',
      quoted_amount: 'DOUBLE',
      charged_amount: 'DOUBLE',
      promised_date: 'DATE',
      delivered_date: 'DATE',
    },
  },
  complaints: {
    columns: { complaint_id: 'VARCHAR', customer_id: 'VARCHAR', opened_at: 'TIMESTAMP', first_response_at: 'TIMESTAMP', resolved_at: 'TIMESTAMP' },
    options: `, timestampformat = '%Y-%m-%dT%H:%M'`,
  },
};

/** Metrics of the catalogue the SQL computes; the others are listed in docs/warehouse.md. */
const COVERED = [
  'trust_index',
  'trust_reliability',
  'trust_competence',
  'trust_empathy',
  'trust_transparency',
  'trust_consistency',
  'nps',
  'csat',
  'data_concern',
  'transparency_importance',
  'problem_trust',
  'peer_influence',
  'referral_share',
  'retention_rate',
  'repeat_purchase_rate',
  'purchase_frequency',
  'on_time_delivery',
  'price_above_quote',
  'complaint_first_response_hours',
  'complaint_unanswered_48h',
  'complaint_resolution_rate',
];

type Row = { period: string; segment: string; metric: string; value: number; n: bigint; low: number | null; high: number | null };

async function runSql(): Promise<Row[]> {
  const instance = await DuckDBInstance.create(':memory:');
  try {
    const con = await instance.connect();
    for (const [table, spec] of Object.entries(TABLES)) {
      const file = quote(join(DEMO, 'company', `${table}.csv`));
      await con.run(`CREATE TABLE ${table} AS SELECT * FROM read_csv(${file}, header = true, delim = ',', auto_detect = false, columns = ${columns(spec.columns)}${spec.options ?? ''})`);
    }
    const reader = await con.runAndReadAll(await readFile('sql/kpis.sql', 'utf8'));
    return reader.getRowObjectsJS() as unknown as Row[];
  } finally {
    instance.closeSync();
  }
}

/** kpis.csv as an export writes it: a header, dot decimals, empty cells for NULL. */
function kpisCsv(rows: Row[]): string {
  const cell = (v: number | bigint | string | null) => (v === null ? '' : String(v));
  const lines = rows.map((r) => [r.period, r.segment, r.metric, r.value, r.n, r.low, r.high].map(cell).join(','));
  return `period,segment,metric,value,n,low,high\n${lines.join('\n')}\n`;
}

/** Every cell of a metric, keyed by where it is shown. */
function cells(build: RunResult, metric: string): Map<string, Estimate> {
  const result = build.report!.metrics.find((m) => m.id === metric)!.result!;
  const out = new Map<string, Estimate>();
  const add = (list: string, e: Estimate) => out.set(`${metric} ${list} ${e.wave} ${e.segment ?? 'all'}`, e);
  for (const e of result.byWave) add('byWave', e);
  for (const e of result.bySegmentWave) add('bySegmentWave', e);
  for (const e of result.bySegment) add('bySegment', e);
  add('latest', result.latest);
  return out;
}

const close = (a: number | null, b: number | null) => (a === null || b === null ? a === b : Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b)));

let dir = '';
let rows: Row[] = [];
let fromRaw: RunResult;
let fromKpis: RunResult;

beforeAll(async () => {
  rows = await runSql();
  dir = await mkdtemp(join(tmpdir(), 'trust-warehouse-'));
  await mkdir(join(dir, 'company'));
  await cp(join(DEMO, 'benchmarks'), join(dir, 'benchmarks'), { recursive: true });
  await cp(join(DEMO, 'company', 'company.yaml'), join(dir, 'company', 'company.yaml'));
  await writeFile(join(dir, 'company', 'kpis.csv'), kpisCsv(rows));
  fromKpis = await runDataBuild({ dataDir: dir, contentDir: 'content', today: TODAY });
  fromRaw = await runDataBuild({ dataDir: DEMO, contentDir: 'content', today: TODAY });
}, 120_000);
afterAll(() => (dir ? rm(dir, { recursive: true, force: true }) : undefined));

describe('sql/kpis.sql in DuckDB on the demo data', () => {
  it('gives a kpis.csv the build accepts, with every covered metric', () => {
    expect(fromKpis.issues).toEqual([]);
    expect(fromRaw.issues).toEqual([]);
    expect([...new Set(rows.map((r) => r.metric))].sort()).toEqual([...COVERED].sort());
    // 8 quarters x (6 segments + all) for every metric: every cell of the demo has someone in it.
    expect(rows.length).toBe(COVERED.length * 8 * 7);
    const fromFile = fromKpis.report!.metrics.filter((m) => m.fromKpis).map((m) => m.id);
    expect(fromFile.sort()).toEqual([...COVERED].sort());
  });

  it('publishes the same figures as the build from raw files, cell by cell', () => {
    const differing: string[] = [];
    let compared = 0;
    let published = 0;
    let withInterval = 0;
    for (const metric of COVERED) {
      const raw = cells(fromRaw, metric);
      const kpi = cells(fromKpis, metric);
      expect([...kpi.keys()]).toEqual([...raw.keys()]);
      for (const [key, a] of raw) {
        const b = kpi.get(key)!;
        compared++;
        if (a.suppressed === null) published++;
        if (a.low !== null) withInterval++;
        const same = a.suppressed === b.suppressed && a.n === b.n && close(b.value, a.value) && close(b.low, a.low) && close(b.high, a.high);
        if (!same) differing.push(`${key}: raw ${JSON.stringify([a.suppressed, a.n, a.value, a.low, a.high])}, sql ${JSON.stringify([b.suppressed, b.n, b.value, b.low, b.high])}`);
      }
    }
    expect(differing).toEqual([]);
    expect(compared).toBe(COVERED.length * (8 + 8 * 6 + 6 + 1));
    expect(published).toBeGreaterThan(1000);
    expect(withInterval).toBeGreaterThan(500);
  });
});
