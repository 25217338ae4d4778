/**
 * The whole build, as a newcomer runs it: pages for every figure in every locale, with the
 * right language and locale-formatted numbers; bad data stops it and leaves the output alone.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDataBuild } from '../src/pipeline/run.ts';
import type { Report } from '../src/schemas/report.ts';
import { runScript, treeDigest } from './helpers/build.ts';
import { visibleText } from './helpers/html.ts';
import { DATA_DIR, SMALL_DATA_DIR, setCell, tempDataDir, tempSampleDataDir } from './helpers/data-dir.ts';
import { copyDemoSite, demoSite } from './helpers/demo-site.ts';

const LOCALES = ['en', 'th', 'fi', 'ru', 'vi'];
const NBSP = '\u00a0';
let work: string;
let out: string;
let report: Report;

const page = (path: string) => readFile(join(out, path, 'index.html'), 'utf8');
const text = visibleText;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'trust-build-test-'));
  report = (await runDataBuild({ dataDir: DATA_DIR, today: '2026-11-23' })).report!;
  // `npm run build` of the demo, shared with the other test files that read the site.
  const result = await demoSite();
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  out = result.dir;
}, 300_000);

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('the built site', () => {
  it('has a language chooser at / naming each language in itself', async () => {
    const html = await page('');
    for (const [code, name] of [['en', 'English'], ['th', 'ไทย'], ['fi', 'Suomi'], ['ru', 'Русский'], ['vi', 'Tiếng Việt']]) {
      expect(html).toContain(`href="/${code}/"`);
      expect(html).toContain(name);
    }
  });

  it('has an index, a library and a page per figure in every locale, each with its lang', async () => {
    for (const locale of LOCALES) {
      for (const path of [`${locale}`, `${locale}/benchmarks`, ...report.library.statistics.map((s) => `${locale}/benchmarks/${s.id}`)]) {
        const html = await page(path);
        expect(html, path).toMatch(new RegExp(`^<!DOCTYPE html><html lang="${locale}"`, 'i'));
      }
    }
  });

  it('has filter pages per status and per source that need no JavaScript', async () => {
    for (const locale of LOCALES) {
      for (const status of ['primary', 'secondary', 'unverified', 'misquoted']) {
        expect(existsSync(join(out, locale, 'benchmarks', 'status', status, 'index.html'))).toBe(true);
      }
      for (const source of new Set(report.library.statistics.map((s) => s.sourceId))) {
        expect(existsSync(join(out, locale, 'benchmarks', 'source', source, 'index.html'))).toBe(true);
      }
    }
    const misquoted = text(await page('en/benchmarks/status/misquoted'));
    expect(misquoted).toContain('Claimed increase in profit');
    expect(misquoted).not.toContain('Trust most of the brands');
    const html = await page('en/benchmarks');
    expect(html).not.toMatch(/<script/);
  });

  it('formats numbers in each locale', async () => {
    const fi = text(await page('fi/benchmarks/pew-2019-concerned-company-data-use'));
    expect(fi).toContain(`79${NBSP}%`);
    expect(fi).toContain(`4${NBSP}272`);
    expect(fi).toContain(`± 1,9 %-yks. (julkaistu virhemarginaali)`);
    expect(fi).toContain('15. marraskuuta 2019');
    const ru = text(await page('ru/benchmarks/acsi-2023q4-national'));
    expect(ru).toContain('77,8');
    const vi = text(await page('vi/benchmarks/xmi-2023-nps-consumer-payments'));
    expect(vi).toContain('−6,1');
    const en = text(await page('en/benchmarks/pew-2019-concerned-company-data-use'));
    expect(en).toContain('79%');
    expect(en).toContain('4,272');
    expect(en).toContain('± 1.9 pp (published margin of error)');
  });

  it('shows the Bain retention claim as a range with the misquote caveat', async () => {
    const en = text(await page('en/benchmarks/bain-retention-profit-uplift'));
    expect(en).toContain('+25% to +95%');
    expect(en).toContain('Misquoted');
    expect(en).toContain('Read this before quoting the figure');
    expect(en).toContain('not as a forecast');
    expect(en).toContain('Relative change, not a level');
    const ru = text(await page('ru/benchmarks/bain-retention-profit-uplift'));
    expect(ru).toContain(`от +25${NBSP}% до +95${NBSP}%`);
    expect(ru).toContain('Искажённая цитата');
  });

  it('shows the Taloustutkimus figure as unverified', async () => {
    const fi = text(await page('fi/benchmarks/taloustutkimus-2011-peer-vs-marketing'));
    expect(fi).toContain('yli 3×');
    expect(fi).toContain('Varmentamaton');
    expect(fi).toContain('Alkuperäistä lähdettä ei löytynyt');
    const en = text(await page('en/benchmarks/taloustutkimus-2011-peer-vs-marketing'));
    expect(en).toContain('more than 3×');
    expect(en).toContain('Unverified');
  });

  it('shows age and a staleness flag past the configured age', async () => {
    const en = text(await page('en/benchmarks/edelman-2011-person-like-yourself'));
    expect(en).toContain('15 years on 30 September 2026');
    expect(en).toContain('Dated: this figure is 15 years old, more than the 7 years this report accepts.');
    const fresh = text(await page('en/benchmarks/pew-2019-concerned-company-data-use'));
    expect(fresh).toContain('6 years on 30 September 2026');
    expect(fresh).not.toContain('Dated:');
  });

  it('offers a ready-to-copy citation', async () => {
    const en = text(await page('en/benchmarks/pew-2019-concerned-company-data-use'));
    expect(en).toContain(
      'Brooke Auxier, Lee Rainie, Monica Anderson, Andrew Perrin, Madhu Kumar, Erica Turner; Pew Research Center (2019). Americans and Privacy: Concerned, Confused and Feeling Lack of Control Over Their Personal Information. Released 15 November 2019. https://www.pewresearch.org/internet/2019/11/15/americans-and-privacy-concerned-confused-and-feeling-lack-of-control-over-their-personal-information/ Figure: 79%, Are very or somewhat concerned about how companies use the data they collect about them. Verification status: Primary.',
    );
  });

  it("shows the library's wording in the reader's language and marks English titles as English", async () => {
    const th = await page('th/benchmarks/pew-2019-little-benefit');
    expect(th).toContain('<span class="wording">ระบุว่าตนได้รับประโยชน์เพียงเล็กน้อยหรือไม่ได้รับประโยชน์เลยจากข้อมูลที่บริษัทเก็บเกี่ยวกับตน</span>');
    expect(th).toContain('<cite lang="en">Americans and Privacy');
  });

  it('links each page to its versions in the other languages', async () => {
    const html = await page('vi/benchmarks/pew-2019-little-benefit');
    for (const locale of LOCALES) {
      expect(html).toContain(`<link rel="alternate" hreflang="${locale}" href="https://trust.northwind.example/${locale}/benchmarks/pew-2019-little-benefit/">`);
      expect(html).toContain(`href="/${locale}/benchmarks/pew-2019-little-benefit/"`);
    }
  });
});

describe('a build from bad data', () => {
  it('exits 1 naming file, line and column, and leaves the previous output untouched', async () => {
    const data = await tempSampleDataDir();
    try {
      await data.edit('benchmarks/statistics.csv', (csv) => setCell(csv, 'pew-2019-little-benefit', 'value', '720'));
      // A previous build's output of its own (a copy of the shared demo site).
      const previous = await copyDemoSite(join(work, 'previous', 'dist'));
      const before = await treeDigest(previous);
      const result = await runScript('build.ts', ['--data', data.dir, '--out', previous]);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('benchmarks/statistics.csv:7:76: value: expected a percentage from 0 to 100 (scale 0..100), found 720');
      expect(result.stderr).toContain('1 problem found.');
      expect(result.stderr).toContain('Nothing was built; dist/ is unchanged.');
      expect(await treeDigest(previous)).toEqual(before);
      const check = await runScript('check.ts', ['--data', data.dir]);
      expect(check.code).toBe(1);
      expect(check.stderr).toContain('benchmarks/statistics.csv:7:76: value:');
    } finally {
      await data.remove();
    }
  });
});

describe('company metrics on the site', () => {
  it('has an overview, a metrics index and a page per metric in every locale', async () => {
    for (const locale of LOCALES) {
      expect(existsSync(join(out, locale, 'metrics', 'index.html'))).toBe(true);
      for (const metric of report.metrics) {
        const html = await page(`${locale}/metrics/${metric.id}`);
        expect(html, `${locale} ${metric.id}`).toMatch(new RegExp(`^<!DOCTYPE html><html lang="${locale}"`, 'i'));
      }
    }
  });

  it('tells the demo story: improving trust, transparency weakest, deal seekers satisfied but not loyal', async () => {
    const trust = report.metrics.find((m) => m.id === 'trust_index')!.result!;
    expect(trust.byWave.at(-1)!.value!).toBeGreaterThan(trust.byWave[0]!.value! + 5);
    const dimensions = report.metrics.filter((m) => m.dimension).sort((a, b) => a.result!.latest.value! - b.result!.latest.value!);
    expect(dimensions[0]!.id).toBe('trust_transparency');
    expect(report.sayVsDo.filter((r) => r.satisfiedNotLoyal).map((r) => r.segment)).toEqual(['deal-seekers']);
    const en = text(await page('en'));
    expect(en).toContain('Weakest: Transparency');
    expect(en).toContain('Satisfied but not loyal: Deal seekers.');
  });

  it('suppresses the small enterprise cell in 2025-Q2 in the model and on every page', async () => {
    for (const metric of report.metrics.filter((m) => m.source === 'survey')) {
      const cell = metric.result!.bySegmentWave.find((e) => e.segment === 'enterprise' && e.wave === '2025-Q2')!;
      expect(cell, metric.id).toEqual({ wave: '2025-Q2', segment: 'enterprise', tier: null, value: null, low: null, high: null, se: null, n: null, nEffective: null, suppressed: 'small_cell' });
    }
    const html = await page('en/metrics/csat');
    const grid = html.slice(html.indexOf('by segment, quarter by quarter'));
    const row = /<th scope="row">Enterprise accounts<\/th>(.*?)<\/tr>/s.exec(grid)![1]!;
    const cells = [...row.matchAll(/<td class="num">(.*?)<\/td>/gs)].map((m) => text(m[1]!).trim());
    expect(cells[report.waves.indexOf('2025-Q2')]).toBe('—');
    expect(cells.filter((c) => c.startsWith('—'))).toHaveLength(1);
    expect(text(grid)).toContain('Not shown for Enterprise accounts Q2\u00a02025: fewer than 30.');
  });

  it('publishes no respondent, customer, order or complaint id anywhere in the site', async () => {
    const ids = new Set<string>();
    for (const [file, columns] of [['survey.csv', [0, 1]], ['orders.csv', [0, 1]], ['complaints.csv', [0, 1]]] as const) {
      const lines = (await readFile(join(DATA_DIR, 'company', file), 'utf8')).split('\n').slice(1);
      for (const line of lines) for (const c of columns) {
        const id = line.split(',')[c];
        if (id) ids.add(id);
      }
    }
    expect(ids.size).toBeGreaterThan(250_000);
    const leaks: string[] = [];
    let searchFragments = 0;
    for (const [path] of Object.entries(await treeDigest(out))) {
      // A chart picture holds pixels, not text (its text is in the SVG beside it, read here).
      if (path.endsWith('.png')) continue;
      // The search index is gzip-compressed: read it as the browser would, decompressed.
      const bytes = await readFile(join(out, path));
      const { gunzipSync } = await import('node:zlib');
      const content = (bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes).toString('utf8');
      if (path.startsWith('pagefind/fragment/')) searchFragments++;
      for (const token of content.split(/[^A-Za-z0-9_-]+/)) if (ids.has(token)) leaks.push(`${path}: ${token}`);
    }
    expect(leaks).toEqual([]);
    expect(searchFragments).toBeGreaterThan(400);
  });
});

describe('every page', () => {
  const htmlFiles = async () => Object.keys(await treeDigest(out)).filter((p) => p.endsWith('.html')).sort();

  it('exists for every page type in every locale, as listed in the sitemap', async () => {
    const { pagesOf } = await import('../src/site/sitemap.ts');
    for (const locale of LOCALES) {
      const pages = pagesOf(report, locale);
      expect(pages.length).toBeGreaterThan(80);
      for (const path of pages) expect(existsSync(join(out, path, 'index.html')), path).toBe(true);
    }
    const sitemap = await readFile(join(out, 'sitemap.xml'), 'utf8');
    expect(sitemap).toContain('<loc>https://trust.northwind.example/th/segments/deal-seekers/</loc>');
    expect(sitemap).toContain('<xhtml:link rel="alternate" hreflang="vi" href="https://trust.northwind.example/vi/methodology/"/>');
  });

  it('has lang, title, description, canonical and hreflang alternates', async () => {
    for (const file of await htmlFiles()) {
      const html = await readFile(join(out, file), 'utf8');
      expect(html, file).toMatch(/^<!DOCTYPE html><html lang="(en|th|fi|ru|vi)"/i);
      expect(html, file).toMatch(/<title>[^<]{3,}<\/title>/);
      expect(html, file).toMatch(/<meta name="description" content="[^"]{10,}">/);
      expect(html, file).toContain('<link rel="canonical" href="https://trust.northwind.example/');
      for (const locale of LOCALES) expect(html, file).toContain(`hreflang="${locale}"`);
    }
  });

  it('links only to pages and files that exist', async () => {
    const broken: string[] = [];
    for (const file of await htmlFiles()) {
      const html = await readFile(join(out, file), 'utf8');
      const base = `/${file.replace(/index\.html$/, '')}`;
      for (const [, raw] of html.matchAll(/(?:href|src)="([^"]+)"/g)) {
        const link = raw!.replace(/&amp;/g, '&');
        if (/^(https?:|mailto:)/.test(link) || link.startsWith('#')) continue;
        const url = new URL(link, `http://site${base}`);
        const path = decodeURIComponent(url.pathname);
        const target = join(out, path, path.endsWith('/') ? 'index.html' : '');
        if (!existsSync(target)) broken.push(`${file}: ${link}`);
        if (url.hash.length > 1 && url.pathname === base && !html.includes(`id="${url.hash.slice(1)}"`)) broken.push(`${file}: ${link} (no such anchor)`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('needs no script to be read, except the search page', async () => {
    for (const file of await htmlFiles()) {
      const html = await readFile(join(out, file), 'utf8');
      if (file.endsWith('/search/index.html')) continue;
      expect(html, file).not.toMatch(/<script/);
    }
  });

  it('weighs under 60 KB of HTML and CSS gzipped', async () => {
    const { gzipSync } = await import('node:zlib');
    const css = (await Promise.all(Object.keys(await treeDigest(out)).filter((p) => p.endsWith('.css') && p.startsWith('_astro')).map((p) => readFile(join(out, p))))).reduce((sum, b) => sum + gzipSync(b).length, 0);
    const heavy: string[] = [];
    let largest = 0;
    for (const file of await htmlFiles()) {
      const size = gzipSync(await readFile(join(out, file))).length + css;
      largest = Math.max(largest, size);
      if (size > 60 * 1024) heavy.push(`${file}: ${size}`);
    }
    expect(heavy).toEqual([]);
    expect(largest).toBeGreaterThan(5_000);
  });

  it('gives every chart a title, a description and a data table', async () => {
    let charts = 0;
    for (const file of (await htmlFiles()).filter((f) => /\/(metrics\/[^/]+|segments\/[^/]+)\/index\.html$|^(en|th|fi|ru|vi)\/index\.html$/.test(f))) {
      const html = await readFile(join(out, file), 'utf8');
      for (const [figure] of html.matchAll(/<figure class="chart"[\s\S]*?<\/figure>/g)) {
        charts++;
        const id = /aria-labelledby="([^" ]+)-title \1-desc"/.exec(figure)?.[1];
        expect(id, file).toBeDefined();
        expect(figure).toMatch(new RegExp(`<title id="${id}-title">[^<]+</title>`));
        expect(figure).toMatch(new RegExp(`<desc id="${id}-desc">[^<]+</desc>`));
        expect(figure).toMatch(/<details class="chart-data"><summary>[^<]+<\/summary>[\s\S]*<table>[\s\S]*<tbody><tr>/);
      }
    }
    expect(charts).toBeGreaterThan(350);
  });
});

describe('downloads and privacy', () => {
  it('offers every dataset as locale-independent CSV and JSON without suppressed cells', async () => {
    const csv = await readFile(join(out, 'downloads', 'metric-csat.csv'), 'utf8');
    expect(csv.split('\r\n')[0]).toBe('metric,cut,wave,segment,tier,value,low,high,n,n_effective');
    expect(csv).toMatch(/\r\ncsat,latest,2026-Q3,,,81\.5\d*,/);
    expect(csv).not.toContain('segment_wave,2025-Q2,enterprise');
    const json = JSON.parse(await readFile(join(out, 'downloads', 'all.json'), 'utf8'));
    expect(Object.keys(json.datasets)).toContain('comparisons');
    const data = text(await page('fi/data'));
    expect(data).toContain("Jos taulukkolaskentaohjelma tulkitsisi tekstin kaavaksi, sen eteen on lisätty heittomerkki.");
  });

  it('shows no suppressed cell anywhere: pages, charts, downloads or the search index', async () => {
    // Every survey metric's enterprise x 2025-Q2 cell is suppressed; no file may carry its n.
    const cells = report.metrics.filter((m) => m.source === 'survey').map((m) => m.result!.bySegmentWave.find((e) => e.segment === 'enterprise' && e.wave === '2025-Q2')!);
    expect(cells.every((c) => c.suppressed === 'small_cell')).toBe(true);
    const all = await readFile(join(out, 'downloads', 'all-metrics.csv'), 'utf8');
    const survey = report.metrics.filter((m) => m.source === 'survey').map((m) => m.id);
    const leaked = all.split('\r\n').filter((line) => survey.includes(line.split(',')[0]!) && line.includes(',segment_wave,2025-Q2,enterprise,'));
    expect(leaked).toEqual([]);
    const files = Object.keys(await treeDigest(out));
    expect(files.some((f) => f.startsWith('pagefind/'))).toBe(true);
  });
});

describe('suppression that holds', () => {
  type Row = { metric: string; cut: string; wave: string | null; segment: string | null; tier: string | null; value: number; n: number };
  const segments = () => report.company.segments.map((s) => s.id);

  it('recovers no hidden cell by subtracting published segments from a published total, in any download', async () => {
    const rows = JSON.parse(await readFile(join(out, 'downloads', 'all-metrics.json'), 'utf8')) as Row[];
    const recovered: string[] = [];
    let totals = 0;
    for (const metric of report.metrics) {
      for (const wave of report.waves) {
        const total = rows.find((r) => r.metric === metric.id && r.cut === 'wave' && r.wave === wave);
        if (!total) continue;
        totals++;
        const parts = rows.filter((r) => r.metric === metric.id && r.cut === 'segment_wave' && r.wave === wave);
        const missing = segments().filter((s) => !parts.some((p) => p.segment === s));
        const rest = total.n - parts.reduce((sum, p) => sum + p.n, 0);
        // One missing segment with people in it would be recovered exactly: n, and the value from the sums.
        if (missing.length === 1 && rest > 0) recovered.push(`${metric.id} ${wave} ${missing[0]}: n = ${rest}`);
      }
      // Loyalty tiers are part of the latest wave in the same way.
      const tiers = rows.filter((r) => r.metric === metric.id && r.cut === 'tier');
      const tierCells = metric.result?.byTier ?? [];
      if (tierCells.length > 0 && tierCells.length - tiers.length === 1 && tierCells.some((e) => e.suppressed === 'small_cell')) recovered.push(`${metric.id} tiers`);
    }
    expect(totals).toBeGreaterThan(150);
    expect(recovered).toEqual([]);
    // The survey cell hidden for being small has a complementary partner in its wave.
    const csat = report.metrics.find((m) => m.id === 'csat')!.result!;
    const q2 = csat.bySegmentWave.filter((e) => e.wave === '2025-Q2' && e.suppressed !== null).map((e) => [e.segment, e.suppressed]);
    expect(q2).toEqual([['small-business', 'complementary'], ['enterprise', 'small_cell']]);
  });

  it('hides the same segments in every survey question of a wave, so item counts give nothing away', async () => {
    const rows = JSON.parse(await readFile(join(out, 'downloads', 'all-metrics.json'), 'utf8')) as Row[];
    const survey = report.metrics.filter((m) => m.source === 'survey').map((m) => m.id);
    for (const wave of report.waves) {
      const patterns = new Set(survey.map((id) => segments().filter((s) => !rows.some((r) => r.metric === id && r.cut === 'segment_wave' && r.wave === wave && r.segment === s)).join(',')));
      expect(patterns.size, wave).toBe(1);
    }
  });

  it('says why a cell is hidden to protect another', async () => {
    const html = text(await page('en/metrics/csat'));
    expect(html).toContain('Small businesses Q2\u00a02025: hidden to protect a small group');
  });
});

describe('claims on the demo site', () => {
  it('cites no gap to another population and no verdict without a known public uncertainty', async () => {
    for (const metric of report.metrics) {
      for (const c of metric.comparisons) {
        const s = report.library.statistics.find((x) => x.id === c.statisticId)!;
        if (!c.comparable) expect([c.gap, c.verdict], `${metric.id} ${c.statisticId}`).toEqual([null, null]);
        if (s.uncertainty.se === null && c.verdict !== null) expect(c.verdict).toBe('cannot_judge');
      }
    }
    // The demo company is in Finland, Thailand and Vietnam: every public figure is US or global, so all are context.
    expect(report.metrics.flatMap((m) => m.comparisons).filter((c) => c.comparable)).toEqual([]);
    const reasons = report.recommendations.flatMap((r) => r.reasons);
    expect(reasons.filter((r) => r.kind === 'gap')).toEqual([]);
    const en = text(await page('en'));
    expect(en).not.toContain('more than the uncertainty allows');
    expect(en).not.toContain('Qualtrics XM Institute');
    expect(en).toContain('No public figure measures the same thing for a population like your customers');
    const nps = text(await page('en/metrics/nps'));
    expect(nps).toContain('Context, not a benchmark: different countries and another industry. No gap is computed.');
    expect(nps).toContain('Context, not a benchmark: different countries. No gap is computed.');
    expect(nps).not.toContain('larger than the uncertainty');
  });

  it('measures the newest quarter\'s complaint resolution like the others: no censoring decline', async () => {
    const resolution = report.metrics.find((m) => m.id === 'complaint_resolution_rate')!;
    const values = resolution.result!.byWave.map((e) => e.value!);
    // The newest quarter sits inside the range of the earlier ones (before: 85.2 % against about 92 %).
    const newest = values.at(-1)!;
    expect(newest).toBeGreaterThanOrEqual(Math.min(...values.slice(0, -1)));
    expect(newest).toBeLessThanOrEqual(Math.max(...values.slice(0, -1)));
    expect(resolution.changes.sinceFirst!.verdict).toBe('no_clear_change');
    const reasons = report.recommendations.flatMap((r) => r.reasons).filter((r) => r.metric === 'complaint_resolution_rate');
    expect(reasons).toEqual([]);
    const guidance = text(await page('en/guidance/customer-experience'));
    expect(guidance).not.toContain('Complaint resolution rate has moved the wrong way');
  });

  it('states n and the interval of every survey figure in the summary tables', async () => {
    const overview = text(await page('en'));
    const csat = report.metrics.find((m) => m.id === 'csat')!.result!.latest;
    expect(overview).toContain(`n = ${csat.n!.toLocaleString('en')}`);
    const segments = text(await page('en/segments'));
    expect(segments.match(/n = /g)!.length).toBeGreaterThanOrEqual(report.company.segments.length * 3);
  });
});

describe('the story and the decisions', () => {
  it('opens every locale\'s overview with tested headlines, each linking to its evidence', async () => {
    for (const locale of LOCALES) {
      const html = await page(locale);
      const list = /<ul class="headlines">(.*?)<\/ul>/s.exec(html);
      expect(list, locale).not.toBeNull();
      const items = [...list![1]!.matchAll(/<li class="headline-(\w+)">.*?<a href="([^"]+)">/gs)].map((m) => [m[1], m[2]]);
      // Improved (trust index), got worse (retention), at risk (deal seekers), what matters most, do first.
      expect(items.map(([kind]) => kind), locale).toEqual(['improved', 'declined', 'risk', 'driver', 'action']);
      expect(items[0]![1]).toBe(`/${locale}/metrics/trust_index/`);
      expect(items[1]![1]).toBe(`/${locale}/metrics/retention_rate/`);
      expect(items[2]![1]).toBe(`/${locale}/segments/deal-seekers/`);
      // The headlines come before the first chart.
      expect(html.indexOf('class="headlines"')).toBeLessThan(html.indexOf('<svg'));
    }
  });

  it('lists decisions, one finding each, with the figure to watch and the article to read', async () => {
    const findings = report.recommendations.map((r) => JSON.stringify(r.reasons));
    expect(new Set(findings).size).toBe(findings.length);
    expect(report.recommendations.every((r) => r.reasons.length === 1)).toBe(true);
    // The weak dimension that drives recommending comes before any weak one that does not.
    const kinds = report.recommendations.map((r) => r.reasons[0]!.kind);
    expect(kinds).toContain('driver');
    const firstDriver = kinds.indexOf('driver');
    expect(kinds.slice(0, firstDriver).filter((k) => k === 'weakest_dimension' || k === 'below_dimensions')).toEqual([]);
    const en = text(await page('en'));
    expect(en).toContain('Raise “Transparency” before the other dimensions');
    expect(en).toMatch(/Watch: Transparency, now 63\.\d \(Q3\u00a02026\)\./);
  });

  it('publishes the driver analysis as a dataset and draws it where trust is discussed', async () => {
    const all = JSON.parse(await readFile(join(out, 'downloads', 'drivers.json'), 'utf8')) as Array<{ outcome?: string; segment: string | null; metric: string; share: number }>;
    const rows = all.filter((r) => (r.outcome ?? 'recommend_0_10') === 'recommend_0_10');
    const company = rows.filter((r) => r.segment === null);
    expect(company.map((r) => r.metric).sort()).toEqual(['trust_competence', 'trust_consistency', 'trust_empathy', 'trust_reliability', 'trust_transparency']);
    expect(company.reduce((sum, r) => sum + r.share, 0)).toBeCloseTo(100, 6);
    expect(rows.some((r) => r.segment === 'enterprise')).toBe(false);
    for (const path of ['en', 'en/metrics/trust_index', 'en/metrics/trust_transparency', 'en/segments/small-business']) {
      expect(await page(path), path).toContain('What goes with likelihood to recommend');
    }
  });
});

describe('determinism', () => {
  it('builds byte-identical output from the same inputs', async () => {
    const second = join(work, 'dist-again');
    const result = await runScript('build.ts', ['--out', second, '--quiet']);
    expect(result.code).toBe(0);
    const [a, b] = [await treeDigest(out), await treeDigest(second)];
    const differing = Object.keys({ ...a, ...b }).filter((k) => a[k] !== b[k]);
    expect(differing).toEqual([]);
  }, 180_000);
});

describe('hostile input', () => {
  it('renders markup, quotes and formulas from data files as text', async () => {
    // The small data set has the same source, segment and figure, and builds in a fraction of the time.
    const data = await tempDataDir({ from: SMALL_DATA_DIR });
    const hostile = `<script>alert("x")</script> "Q" & 'A'`;
    try {
      await data.edit('benchmarks/sources.yaml', (yaml) => yaml.replace('title: How Americans View Data Privacy', `title: ${JSON.stringify(hostile)}`));
      await data.edit('company/company.yaml', (yaml) => yaml.replace('{ en: Families,', '{ en: "<img src=x onerror=alert(1)>Families",'));
      await data.edit('benchmarks/statistics.csv', (csv) => setCell(csv, 'pew-2019-little-benefit', 'wording', '"=HYPERLINK(""http://evil.example"",""<b>click</b>"")"'));
      const hostileOut = join(work, 'dist-hostile');
      const result = await runScript('build.ts', ['--data', data.dir, '--out', hostileOut, '--quiet']);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      const found: string[] = [];
      for (const file of Object.keys(await treeDigest(hostileOut)).filter((f) => f.endsWith('.html'))) {
        // Attribute values are quoted (a quote inside is escaped), so only text outside them can be markup.
        const html = (await readFile(join(hostileOut, file), 'utf8')).replace(/="[^"]*"/g, '=""');
        if (html.includes('<script>alert') || html.includes('<img src=x') || html.includes('<b>click</b>')) found.push(file);
      }
      expect(found).toEqual([]);
      const source = await readFile(join(hostileOut, 'en/benchmarks/source/pew-2023-privacy/index.html'), 'utf8');
      expect(source).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &quot;Q&quot; &amp; &#39;A&#39;');
      const segment = await readFile(join(hostileOut, 'en/segments/families/index.html'), 'utf8');
      expect(segment).toContain('&lt;img src=x onerror=alert(1)&gt;Families');
      const csv = await readFile(join(hostileOut, 'downloads/benchmarks.csv'), 'utf8');
      expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""<b>click</b>"")"`);
    } finally {
      await data.remove();
    }
  }, 180_000);

  it('refuses a source URL that is not http(s)', async () => {
    const data = await tempSampleDataDir();
    try {
      await data.edit('benchmarks/sources.yaml', (yaml) => yaml.replace('url: https://www.pewresearch.org/internet/2023/10/18/how-americans-view-data-privacy/', 'url: "javascript:alert(1)"'));
      const result = await runDataBuild({ dataDir: data.dir, today: '2026-11-23' });
      expect(result.report).toBeUndefined();
      expect(result.issues.map((i) => `${i.field}: ${i.message}`)).toEqual(['url: expected an http(s) URL, found "javascript:alert(1)"']);
    } finally {
      await data.remove();
    }
  });
});
