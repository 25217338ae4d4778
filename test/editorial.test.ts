/**
 * Editorial hygiene (issue 14, part 6): differences in the unit of their metric's kind, one
 * interval form per locale, the true minus sign, tested differences marked better or worse,
 * technical fields behind a disclosure, misquoted figures headlined by their correction, and the
 * company's own figure on each benchmark page. Exact strings, from the formatters and the built site.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Translator } from '../src/i18n/core.ts';
import { loadTranslationSystem } from '../src/i18n/node.ts';
import type { ReportEstimate } from '../src/schemas/report.ts';
import { comparisonSummary, formatGap, formatGapRange, formatInterval, formatThreshold, judgement } from '../src/site/metric-text.ts';
import { demoSite } from './helpers/demo-site.ts';
import { visibleText } from './helpers/html.ts';

const NBSP = '\u00a0';
const MINUS = '\u2212';
const system = await loadTranslationSystem();
const tr = (locale: string): Translator => system.translator(locale);
const estimate = (value: number, low: number | null, high: number | null): ReportEstimate => ({
  wave: '2026-Q3', segment: null, tier: null, value, low, high, se: null, n: 100, nEffective: null, suppressed: null,
});

describe('a difference or change, in the unit of its metric', () => {
  it('writes hours in hours, in every locale', () => {
    expect(formatGap({ kind: 'hours' }, -0.5, tr('en'))).toBe(`${MINUS}0.5 h`);
    expect(formatGap({ kind: 'hours' }, -0.5, tr('fi'))).toBe(`${MINUS}0,5 h`);
    expect(formatGap({ kind: 'hours' }, -0.5, tr('ru'))).toBe(`${MINUS}0,5 ч`);
    expect(formatGap({ kind: 'hours' }, -0.5, tr('th'))).toBe(`${MINUS}0.5 ชม.`);
    expect(formatGap({ kind: 'hours' }, -0.5, tr('vi'))).toBe(`${MINUS}0,5 giờ`);
    expect(formatThreshold({ kind: 'hours' }, 2, tr('en'))).toBe('2.0 h');
  });

  it('writes orders per customer in orders, a share in percentage points, an index or NPS in points', () => {
    expect(formatGap({ kind: 'orders' }, -0.54, tr('en'))).toBe(`${MINUS}0.54 orders per customer`);
    expect(formatGap({ kind: 'orders' }, -0.54, tr('fi'))).toBe(`${MINUS}0,54 tilausta asiakasta kohden`);
    expect(formatGap({ kind: 'share' }, 4.3, tr('en'))).toBe('+4.3 pp');
    expect(formatGap({ kind: 'share' }, 4.3, tr('fi'))).toBe('+4,3 %-yks.');
    expect(formatGap({ kind: 'share' }, -3.3, tr('ru'))).toBe(`${MINUS}3,3 п. п.`);
    expect(formatGap({ kind: 'index' }, 8.5, tr('en'))).toBe('+8.5 points');
    expect(formatGap({ kind: 'nps' }, -11.4, tr('vi'))).toBe(`${MINUS}11,4 điểm`);
    expect(formatGapRange({ kind: 'hours' }, -1.2, 0.4, tr('en'))).toBe(`${MINUS}1.2 to +0.4 h`);
  });
});

describe('one interval form per locale', () => {
  it('writes a share interval and an index interval in the same form', () => {
    const share = (locale: string) => formatInterval({ kind: 'share' }, estimate(81.6, 80, 83.1), tr(locale));
    const index = (locale: string) => formatInterval({ kind: 'index' }, estimate(72.8, 72.1, 73.5), tr(locale));
    expect([share('en'), index('en')]).toEqual(['80.0% to 83.1%', '72.1 to 73.5']);
    expect([share('fi'), index('fi')]).toEqual([`80,0–83,1${NBSP}%`, '72,1–73,5']);
    expect([share('ru'), index('ru')]).toEqual([`от 80,0${NBSP}% до 83,1${NBSP}%`, 'от 72,1 до 73,5']);
    expect([share('th'), index('th')]).toEqual(['80.0% ถึง 83.1%', '72.1 ถึง 73.5']);
    expect([share('vi'), index('vi')]).toEqual(['80,0% đến 83,1%', '72,1 đến 73,5']);
    expect(formatInterval({ kind: 'nps' }, estimate(3.5, -1.6, 7.6), tr('en'))).toBe(`${MINUS}1.6 to +7.6`);
  });

  it('has no interval for a census', () => {
    expect(formatInterval({ kind: 'share' }, estimate(59.4, null, null), tr('en'))).toBe('');
  });

  it('writes the true minus sign in every locale', () => {
    for (const locale of ['en', 'th', 'fi', 'ru', 'vi']) {
      const f = tr(locale).format;
      for (const text of [f.signedNumber(-6.1, 1), f.number(-6.1, 1), f.percent(-5), f.signedPercent(-5), f.numberRange(-5, -1)]) {
        expect(text, locale).not.toMatch(/-\d/);
        expect(text, locale).toContain(MINUS);
      }
    }
  });
});

describe('better or worse', () => {
  it('only for a tested claim', () => {
    expect(['improved', 'declined', 'better', 'worse', 'no_clear_change', 'no_clear_difference', 'cannot_judge'].map((v) => judgement(v as never))).toEqual([
      'better', 'worse', 'better', 'worse', null, null, null,
    ]);
  });
});

describe('the company figure beside a public one', () => {
  const base = { statisticId: 's', margin: null, p: null, pAdjusted: null, company: { value: 57, low: 55, high: 59, n: 2305, markets: null } };
  it('gives a benchmark its gap in the unit of the metric, and context the ways the two differ', () => {
    const benchmark = { ...base, comparable: true, gap: -4.25, verdict: 'larger_than_uncertainty' as const, flags: [] };
    expect(comparisonSummary({ kind: 'share' }, benchmark, tr('en'))).toBe(`Benchmark: the same question in a comparable population. Gap ${MINUS}4.3 pp (larger than the measurable uncertainty).`);
    expect(comparisonSummary({ kind: 'nps' }, { ...benchmark, gap: 4.6, verdict: null }, tr('fi'))).toBe('Vertailuluku: sama kysymys vertailukelpoisessa perusjoukossa. Ero +4,6 pistettä (ei arvioitavissa: julkisen luvun epävarmuutta ei tunneta).');
    const context = { ...base, comparable: false, gap: null, verdict: null, flags: ['country' as const] };
    expect(comparisonSummary({ kind: 'share' }, context, tr('en'))).toBe('Context, not a benchmark: different countries. No gap is computed.');
  });
});

describe('the built pages', () => {
  let out: string;
  const page = (path: string) => readFile(join(out, path, 'index.html'), 'utf8');
  const text = visibleText;

  beforeAll(async () => {
    // `npm run build` of the demo, shared with the other test files that read the site.
    const result = await demoSite();
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    out = result.dir;
  }, 300_000);

  it('headlines a misquoted figure by its correction, the number demoted below with its status', async () => {
    const html = await page('en/benchmarks/bain-retention-profit-uplift');
    const h1 = /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html)![1]!;
    expect(text(h1).trim()).toBe('Misquoted: Claimed increase in profit from raising customer retention by 5 percentage points');
    expect(h1).not.toContain('+25%');
    expect(html).toContain('<title>Misquoted: Claimed increase in profit from raising customer retention by 5 percentage points · Bain &amp; Company 2001');
    expect(text(html)).toContain('The number as it is usually quoted: +25% to +95%');
    expect(html.indexOf('Read this before quoting the figure')).toBeLessThan(html.indexOf('The number as it is usually quoted'));
    const fi = await page('fi/benchmarks/bain-retention-profit-uplift');
    expect(text(/<h1[^>]*>([\s\S]*?)<\/h1>/.exec(fi)![1]!).trim()).toMatch(/^Virheellisesti lainattu: /);
    const unverified = text(/<h1[^>]*>([\s\S]*?)<\/h1>/.exec(await page('en/benchmarks/taloustutkimus-2011-peer-vs-marketing'))![1]!).trim();
    expect(unverified).toMatch(/^Unverified: Trust recommendations from people/);
  });

  it('keeps a verified figure headlined by its number, with a space before its wording', async () => {
    const h1 = /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(await page('en/benchmarks/pew-2023-concerned-company-data-use'))![1]!;
    expect(text(h1).trim()).toBe('81% Are concerned about how companies use the data they collect about them');
  });

  it('puts the data row and unrecorded fields behind "Technical details"', async () => {
    for (const path of ['en/benchmarks/bain-retention-profit-uplift', 'en/benchmarks/pew-2023-concerned-company-data-use']) {
      const html = await page(path);
      const details = /<details class="technical">([\s\S]*?)<\/details>/.exec(html)![1]!;
      expect(details).toContain('<summary>Technical details</summary>');
      expect(text(details)).toMatch(/Data row benchmarks\/statistics\.csv:\d+ · /);
      const outside = html.replace(/<details class="technical">[\s\S]*?<\/details>/, '');
      expect(outside, path).not.toContain('Data row');
      expect(outside, path).not.toContain('Not recorded');
      expect(outside, path).not.toContain('No link recorded');
    }
    expect(text(await page('en/benchmarks/bain-retention-profit-uplift'))).toContain('Technical details Data row benchmarks/statistics.csv:15 · bain-retention-profit-uplift Fieldwork Not recorded Link No link recorded');
  });

  it("shows the company's own figure on a benchmark page, as context", async () => {
    const en = text(await page('en/benchmarks/pew-2023-concerned-company-data-use'));
    expect(en).toContain('Northwind Goods beside this figure');
    expect(en).toMatch(/Concern about data use \(Q3\u00a02026\) · Northwind Goods: \d+\.\d% \(\d+\.\d% to \d+\.\d%\) · n = [\d,]+ Context, not a benchmark: /);
    const th = text(await page('th/benchmarks/pew-2023-concerned-company-data-use'));
    expect(th).toContain('ตัวเลขของ Northwind Goods เทียบกับตัวเลขนี้');
  });

  it('writes the breadcrumb with a space on both sides of its separator', async () => {
    expect(text(await page('en/benchmarks/bain-retention-profit-uplift'))).toContain('Benchmark library › Bain & Company (2001)');
  });

  it('writes segment differences in their unit, marked better or worse only when tested, with n on its own line', async () => {
    const html = await page('en/segments/deal-seekers');
    const row = (name: string) => new RegExp(`<tr><th scope="row"><a [^>]*>${name}</a></th>([\\s\\S]*?)</tr>`).exec(html)![1]!;
    const hours = row('Hours to first response');
    expect(text(hours)).toMatch(new RegExp(`${MINUS}\\d\\.\\d h `));
    expect(hours).not.toContain('points');
    expect(hours).toMatch(/<br><small class="n">n = [\d,]+<\/small>/);
    expect(text(row('Purchase frequency'))).toMatch(new RegExp(`▼ ${MINUS}0\\.\\d\\d orders per customer ${MINUS}0\\.\\d\\d to ${MINUS}0\\.\\d\\d orders per customer worse than the rest`));
    expect(row('Purchase frequency')).toContain('<span class="judged judged-worse"><span aria-hidden="true">▼ </span>');
    expect(row('Customer satisfaction \\(CSAT\\)')).toContain('<span class="judged judged-better"><span aria-hidden="true">▲ </span>+');
    const untested = row('Net Promoter Score');
    expect(text(untested)).toContain('no clear difference');
    expect(untested).not.toContain('judged');
    expect(html).not.toMatch(/<caption[^>]*>Every metric/);
  });

  it('says nothing of dashes on the segments index when none is shown', async () => {
    const html = await page('en/segments');
    expect(html).not.toContain('A dash marks');
  });

  it('moves formulas on metric pages behind "Technical details", with a plain line outside', async () => {
    const html = await page('en/metrics/trust_index');
    const details = /<details class="technical">([\s\S]*?)<\/details>/.exec(html)![1]!;
    expect(text(details)).toContain("95% Student's t interval for a mean.");
    const outside = html.replace(/<details class="technical">[\s\S]*?<\/details>/, '');
    expect(text(outside)).not.toContain("Student's t");
    expect(text(outside)).toContain('Every survey figure has a 95% interval: the range in which the figure for all customers most likely lies');
  });

  it('writes the overview trust change in points once, and a card change with its symbol', async () => {
    const en = text(await page('en'));
    expect(en).toMatch(/In Q4\u00a02024 it was \d+\.\d: a change of \+\d+\.\d points \(improved\)\./);
    expect(en).toMatch(new RegExp(`▼ ${MINUS}\\d\\.\\d pp since Q4\u00a02024: declined`));
  });

  it('shows every quarter in its locale\'s form, every negative number with a true minus and no placeholder or leaked value, on every page', async () => {
    const { readdir } = await import('node:fs/promises');
    const pages = (await readdir(out, { recursive: true })).filter((p) => p.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(400);
    const raw: string[] = [];
    const hyphens: string[] = [];
    const leaks: string[] = [];
    for (const path of pages) {
      const visible = text(await readFile(join(out, path), 'utf8'));
      for (const m of visible.matchAll(/\d{4}-Q[1-4]/g)) raw.push(`${path}: ${visible.slice(Math.max(0, m.index - 30), m.index + 10)}`);
      for (const m of visible.matchAll(/(?<![\p{L}\p{N}\-–/])-\d/gu)) hyphens.push(`${path}: ${visible.slice(Math.max(0, m.index - 30), m.index + 10)}`);
      // No value leaked from code, no English placeholder outside English, no doubled abbreviation dot.
      const locale = path.split('/')[0];
      const wrong = [/\bNaN\b|\bundefined\b|\[object Object\]/, ...(locale === 'en' ? [] : [/\bUnknown\b|\bn\.d\./]), ...(locale === 'ru' ? [/г\.\./] : [])];
      for (const pattern of wrong) {
        const m = pattern.exec(visible);
        if (m) leaks.push(`${path}: ${visible.slice(Math.max(0, m.index - 30), m.index + 20)}`);
      }
    }
    expect(raw).toEqual([]);
    expect(hyphens).toEqual([]);
    expect(leaks).toEqual([]);
    // Quarters and the reporting period as each locale writes them (Thai in the Buddhist era).
    expect(text(await page('ru'))).toContain(`IV${NBSP}кв.${NBSP}2024`);
    expect(text(await page('vi'))).toContain(`Quý${NBSP}4/2024`);
    expect(text(await page('fi'))).toContain('Q4/2024');
    const th = text(await page('th'));
    expect(th).toContain(`ไตรมาส${NBSP}4/2567`);
    expect(th).toContain('1 ตุลาคม 2567 ถึง 30 กันยายน 2569');
    expect(text(await page('vi'))).toContain('30 tháng 9 năm 2026');
  });
});
