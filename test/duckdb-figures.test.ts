/**
 * The project's figures against DuckDB's on the same generated files (the check `npm run bench`
 * makes at 1M and 10M rows, here on a small seeded folder so it runs with every test run): every
 * published cell has the same n and the same value, and DuckDB finds no rule the data breaks.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate } from '../scripts/bench/generate.ts';
import { runDuck } from '../scripts/bench/duck.ts';
import { compareFigures, projectFigures } from '../scripts/bench/figures.ts';
import { runDataBuild } from '../src/pipeline/run.ts';

let dir = '';
afterAll(() => (dir ? rm(dir, { recursive: true, force: true }) : undefined));

describe('figures against DuckDB', () => {
  it('agree on every published cell of a generated company', async () => {
    dir = await mkdtemp(join(tmpdir(), 'trust-duck-'));
    generate({ out: dir, survey: 30_000, orders: 40_000, segments: 4, seed: 7 });
    const result = await runDataBuild({ dataDir: dir, contentDir: 'content', today: '2026-11-30' });
    expect(result.issues).toEqual([]);
    const duck = await runDuck(dir, { log: () => {} });
    // DuckDB's counts of what the project's rules reject: none, beside the rows it read.
    const broken = Object.entries(duck.validation ?? {}).filter(([rule, count]) => !rule.endsWith('_rows') && count !== 0);
    expect(broken).toEqual([]);
    expect(duck.validation).toMatchObject({ order_rows: 40_000, survey_rows: 30_000 });
    const comparison = compareFigures(projectFigures(result.report!), duck);
    expect(comparison.differing).toEqual([]);
    expect(comparison.compared).toBeGreaterThan(500);
  }, 120_000);
});
