/**
 * The dev server's data-build cache: a stage runs again exactly when its files (or a stage it
 * reads) changed, and a build from the cache gives the same report as a build from scratch.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDataBuildCache, runDataBuild } from '../src/pipeline/run.ts';

const FIXTURE = fileURLToPath(new URL('./fixtures/small/', import.meta.url));
const CONTENT = fileURLToPath(new URL('./fixtures/small-content/', import.meta.url));
const TODAY = '2026-11-30';

let dir = '';
let content = '';
const cache = createDataBuildCache();

beforeAll(async () => {
  const root = await mkdtemp(join(tmpdir(), 'trust-cache-'));
  dir = join(root, 'data');
  content = join(root, 'content');
  await cp(FIXTURE, dir, { recursive: true });
  await cp(CONTENT, content, { recursive: true });
});
afterAll(() => rm(join(dir, '..'), { recursive: true, force: true }));

/** Builds with the cache and from scratch; returns the stages that ran and that the reports agree. */
async function buildBoth() {
  cache.stats.ran.length = 0;
  cache.stats.reused.length = 0;
  const cached = await runDataBuild({ dataDir: dir, contentDir: content, today: TODAY, cache });
  const fresh = await runDataBuild({ dataDir: dir, contentDir: content, today: TODAY });
  expect(JSON.stringify(cached.report)).toBe(JSON.stringify(fresh.report));
  expect(cached.issues).toEqual(fresh.issues);
  return { ran: [...cache.stats.ran].sort(), report: cached.report, issues: cached.issues };
}

async function edit(name: string, change: (text: string) => string) {
  const path = join(dir, name);
  await writeFile(path, change(await readFile(path, 'utf8')));
}

describe('data-build cache', () => {
  it('runs every stage the first time and none when nothing changed', async () => {
    expect((await buildBoth()).ran).toEqual(['benchmarks', 'company', 'complaints', 'guidance', 'orders', 'survey', 'translations']);
    expect((await buildBoth()).ran).toEqual([]);
  });

  it('reads only the survey again when only survey.csv changed', async () => {
    await edit('company/survey.csv', (text) => text.replace('R001,,2024-Q4,small-business,TH,3,', 'R001,,2024-Q4,small-business,TH,9,'));
    expect((await buildBoth()).ran).toEqual(['survey']);
  });

  it('reads orders, complaints and survey again when orders.csv changed (both read the orders)', async () => {
    await edit('company/orders.csv', (text) => `${text.trimEnd()}\n`.replace(/\n$/, '\n'));
    await edit('company/orders.csv', (text) => text.replace(/\n(O[^,]+),/, '\n$1x,'));
    expect((await buildBoth()).ran).toEqual(['complaints', 'orders', 'survey']);
  });

  it('reads the guidance again when an article changed, and nothing else', async () => {
    const article = join(content, 'guidance', 'en', 'empathy.mdx');
    await writeFile(article, `${await readFile(article, 'utf8')}\nOne more paragraph.\n`);
    expect((await buildBoth()).ran).toEqual(['guidance']);
  });

  it('reads no company file again when company.yaml changed in a setting they do not use', async () => {
    await edit('company/company.yaml', (text) => `${text}\n# edited\n`);
    expect((await buildBoth()).ran).toEqual(['company']);
  });

  it('reads every company file again when a setting they use changed', async () => {
    await edit('company/company.yaml', (text) =>
      /complaint_resolution_days: \d+/.test(text) ? text.replace(/complaint_resolution_days: \d+/, 'complaint_resolution_days: 10') : `${text}\ncomplaint_resolution_days: 10\n`,
    );
    expect((await buildBoth()).ran).toEqual(['company', 'complaints', 'orders', 'survey']);
  });

  it('reports a problem made by an edit, and forgets it when the edit is undone', async () => {
    let before = '';
    await edit('company/survey.csv', (text) => {
      before = text;
      return text.replace('R001,,2024-Q4,small-business,TH,9,', 'R001,,2024-Q4,small-business,TH,eleven,');
    });
    const broken = await buildBoth();
    expect(broken.ran).toEqual(['survey']);
    expect(broken.issues.map((issue) => `${issue.line}:${issue.field}`)).toEqual(['2:nps']);
    await writeFile(join(dir, 'company/survey.csv'), before);
    const fixed = await buildBoth();
    expect(fixed.ran).toEqual(['survey']);
    expect(fixed.issues).toEqual([]);
  });
});
