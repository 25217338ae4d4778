/**
 * Odd but real inputs from an analyst's first week: they are counted right, reported once at the
 * right place, or told the truth about, and nothing crashes.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runDataBuild } from '../src/pipeline/run.ts';
import { formatIssue } from '../src/pipeline/issues.ts';
import { createOrdersAggregate } from '../src/metrics/orders.ts';
import { loadTranslationSystem } from '../src/i18n/node.ts';
import { dataSummary } from '../src/site/period-text.ts';

const BASE = fileURLToPath(new URL('./fixtures/small/', import.meta.url));
const CONTENT = fileURLToPath(new URL('./fixtures/small-content/', import.meta.url));
const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

async function build(change: (data: string) => Promise<void>) {
  const work = await mkdtemp(join(tmpdir(), 'trust-odd-'));
  dirs.push(work);
  const data = join(work, 'data');
  await cp(BASE, data, { recursive: true });
  await change(data);
  const result = await runDataBuild({ dataDir: data, contentDir: CONTENT, today: '2026-11-23' });
  const shown = (issues: typeof result.issues) => issues.map((i) => formatIssue(i).replaceAll(`${relative(process.cwd(), data)}/`, '<data>/'));
  return { result, problems: shown(result.issues), warnings: shown(result.warnings) };
}

const edit = async (path: string, f: (text: string) => string) => writeFile(path, f(await readFile(path, 'utf8')));

describe('counted right', () => {
  it('keeps customers of the 300th segment in their own segment', () => {
    const segments = Array.from({ length: 300 }, (_, i) => `s${i}`);
    const orders = createOrdersAggregate(['2026-Q3'], segments, '2026-09-30');
    const row = (id: string, customer: string, segment: string, date: string) => ({
      order_id: id, customer_id: customer, order_date: date, segment, country: 'FI', acquisition_channel: 'search' as const,
      quoted_amount: 10, charged_amount: 10, promised_date: date, delivered_date: date,
    });
    orders.add(row('1', 'A', 's299', '2025-08-01'));
    orders.add(row('2', 'A', 's299', '2026-08-01'));
    orders.add(row('3', 'B', 's43', '2025-08-01'));
    expect(orders.segmentOf('A')).toBe('s299');
    const retention = orders.results(1).retention_rate!;
    expect(retention.bySegment.find((e) => e.segment === 's299')).toMatchObject({ value: 100, n: 1 });
    // 299 - 256 = 43: with one byte per customer, A would have been counted in s43.
    expect(retention.bySegment.find((e) => e.segment === 's43')).toMatchObject({ value: 0, n: 1 });
  });
});

describe('told the truth', () => {
  it('does not tell a company with only pre-aggregated figures that it has 0 survey answers', async () => {
    const { result } = await build(async (data) => {
      await rm(join(data, 'company', 'survey.csv'));
      await writeFile(join(data, 'company', 'kpis.csv'), 'period,segment,metric,value,n,low,high\n2026-Q3,all,csat,80,400,,\n2026-Q3,all,nps,12.5,400,5.1,19.9\n');
    });
    const t = (await loadTranslationSystem()).translator('en');
    const lead = dataSummary(result.report!, t).join(' ');
    expect(lead).toBe('Reporting period 1 October 2024 to 30 September 2026. 24 orders placed in the period by 12 customers. 8 complaints opened in the period. 2 metrics come already aggregated from the company\'s own systems (kpis.csv).');
    expect(lead).not.toContain('0 survey answers');
  });

  it('warns about a benchmark percentage written as a fraction', async () => {
    const { problems, warnings } = await build(async (data) => {
      await edit(join(data, 'benchmarks', 'statistics.csv'), (csv) => csv.replace('pew-2019-concerned-company-data-use,pew-2019-privacy,data_concern,level,percent,0..100,79,', 'pew-2019-concerned-company-data-use,pew-2019-privacy,data_concern,level,percent,0..100,0.79,'));
    });
    expect(problems).toEqual([]);
    expect(warnings.filter((w) => w.includes('fraction'))).toEqual([
      '<data>/benchmarks/statistics.csv:3:88: value: expected a percentage from 0 to 100, found 0.79, which looks like a fraction\n  hint: if the source says 79 %, write 79; if it really says under 1 %, the figure is used as written',
    ]);
  });
});

describe('reported once, at the right place', () => {
  it('does not list every survey customer as unknown when orders.csv has problems of its own', async () => {
    const { problems } = await build(async (data) => {
      await edit(join(data, 'company', 'orders.csv'), (csv) => csv.replaceAll(/,(\d{4})-(\d{2})-(\d{2}),/g, ',$3/$2/$1,'));
    });
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.filter((p) => p.includes('customer_id'))).toEqual([]);
  });

  it('names the id of a segment written as its label', async () => {
    const { problems } = await build(async (data) => {
      await edit(join(data, 'company', 'survey.csv'), (csv) => csv.replace(/\nR(\d+),([^,]*),([^,]*),families,/, '\nR$1,$2,$3,Families,'));
    });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/segment: expected a segment listed in company\.yaml \(families, small-business\), found "Families"\n  hint: "Families" is the label of the segment "families"; write its id$/);
  });

  it('reports a YAML alias bomb and a code tag as problems, not crashes', async () => {
    const { problems } = await build(async (data) => {
      await writeFile(join(data, 'benchmarks', 'sources.yaml'), ['a: &a [x, x, x, x, x, x, x, x, x]', 'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]', 'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]', 'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]', 'e: [*d, *d, *d, *d, *d, *d, *d, *d, *d]', ''].join('\n'));
      await edit(join(data, 'company', 'company.yaml'), (yaml) => yaml.replace('name: Corpus Goods', 'name: !!js/function "function () { return 1 }"'));
    });
    expect(problems.filter((p) => p.includes('sources.yaml') || p.includes('company.yaml'))).toEqual([
      '<data>/benchmarks/sources.yaml:1:1: expected YAML whose aliases (*name) expand to a reasonable size, found aliases that repeat each other too many times\n  hint: write the values out instead of using anchors (&name) and aliases (*name)',
      '<data>/company/company.yaml:2:7: expected plain YAML values, found Unresolved tag: tag:yaml.org,2002:js/function\n  hint: remove the tag (a word starting with "!"); write the value as plain text or a number',
    ]);
  });

  it('reports an acquisition cost far out of range instead of overflowing', async () => {
    const { problems } = await build(async (data) => {
      await edit(join(data, 'company', 'company.yaml'), (yaml) => yaml.replace('acquisition_cost: 40', 'acquisition_cost: 1e308'));
    });
    expect(problems).toEqual(['<data>/company/company.yaml:11:19: acquisition_cost: expected an acquisition cost per customer of at most 10,000,000, found 1e+308']);
  });
});
