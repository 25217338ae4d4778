/**
 * Layout in real Chromium, per width and on paper: at 390 px no page of any type scrolls
 * sideways and every table that scrolls keeps its first column in view with a scroll cue; in
 * print no table is clipped, headings stay with what follows, internal links show their address
 * and no control prints; search results keep their contrast in light and dark mode; and no chart
 * text renders under 12 px on a phone.
 *
 * The demo site shared by the test files that read it (test/helpers/demo-site.ts; or, while
 * developing, TRUST_TEST_SITE=<a built site> to serve that instead), served on 127.0.0.1.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoSite } from './helpers/demo-site.ts';
import { serve, type Served } from './helpers/serve.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const LOCALES = ['en', 'th', 'fi', 'ru', 'vi'];
const PHONE = { width: 390, height: 844 };
/** The content box of an A4 page with the print stylesheet's 12 mm side margins, in CSS px. */
const A4_CONTENT_WIDTH = Math.floor(((210 - 24) / 25.4) * 96);

let dist: string;
let site: Served;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: install it (apt-get install chromium) or set CHROMIUM_PATH`);
  if (process.env.TRUST_TEST_SITE) dist = process.env.TRUST_TEST_SITE;
  else {
    // `npm run build` of the demo, shared with the other test files that read the site.
    const built = await demoSite();
    expect(built.stderr).toBe('');
    dist = built.dir;
  }
  site = await serve(dist);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/** The page folders under /<locale>/<under>/ of the built site, sorted. */
function folders(locale: string, under: string): string[] {
  return readdirSync(join(dist, locale, under), { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(dist, locale, under, e.name, 'index.html')))
    .map((e) => e.name)
    .sort();
}

/** One page of every type in a locale. */
function pageTypes(locale: string): string[] {
  const figures = folders(locale, 'benchmarks').filter((f) => f !== 'source' && f !== 'status');
  // A Pew figure has a long source address in its facts table, the widest case on a phone.
  const figure = figures.find((f) => f.startsWith('pew-')) ?? figures[0]!;
  return [
    `/${locale}/`,
    `/${locale}/metrics/nps/`,
    `/${locale}/segments/${folders(locale, 'segments')[0]}/`,
    `/${locale}/segments/`,
    `/${locale}/guidance/`,
    `/${locale}/guidance/${folders(locale, 'guidance')[0]}/`,
    `/${locale}/benchmarks/`,
    `/${locale}/benchmarks/${figure}/`,
    `/${locale}/benchmarks/source/${folders(join(locale, 'benchmarks'), 'source')[0]}/`,
    `/${locale}/methodology/`,
    `/${locale}/data/`,
    `/${locale}/search/`,
  ];
}

async function open(context: BrowserContext, path: string): Promise<Page> {
  const page = await context.newPage();
  const response = await page.goto(`${site.url}${path}`, { waitUntil: 'load' });
  expect(response?.status(), path).toBe(200);
  return page;
}

describe('on a phone (390 px)', () => {
  it.each(LOCALES)('no page scrolls sideways and scrolling tables keep their first column with a cue, in %s', async (locale) => {
    const context = await browser.newContext({ viewport: PHONE });
    const failures: string[] = [];
    for (const path of pageTypes(locale)) {
      const page = await open(context, path);
      const found = await page.evaluate(() => {
        const problems: string[] = [];
        const { scrollWidth } = document.documentElement;
        if (scrollWidth > innerWidth) problems.push(`page is ${scrollWidth} px wide in a ${innerWidth} px viewport`);
        const wrappers = [...document.querySelectorAll<HTMLElement>('.table-scroll')].filter((w) => w.getClientRects().length > 0);
        wrappers.forEach((wrapper, i) => {
          if (wrapper.scrollWidth <= wrapper.clientWidth + 1) return;
          // Columns are hidden: the box must show it (a shadow drawn as a background image) and
          // keep each row's name in view, wide enough to read (not one word per line).
          if (!getComputedStyle(wrapper).backgroundImage.includes('gradient')) problems.push(`table ${i}: scrolls with no scroll cue`);
          const first = wrapper.querySelector<HTMLElement>('tbody tr > :first-child');
          // A number needs no minimum width; a name does.
          if (!first || first.classList.contains('num')) return;
          if (getComputedStyle(first).position !== 'sticky') problems.push(`table ${i}: first column scrolls away`);
          const width = first.getBoundingClientRect().width;
          if (width < 110) problems.push(`table ${i}: first column only ${Math.round(width)} px wide`);
        });
        return problems;
      });
      failures.push(...found.map((f) => `${path}: ${f}`));
      await page.close();
    }
    await context.close();
    expect(failures).toEqual([]);
  }, 90_000);

  // Each chart layout is shown only where it is drawn at least at its own size (the phone layout
  // is 320 units wide, in a column of 328 px or more, a card's included), so no chart text, 12
  // units at least, renders smaller: checked on a 390 px phone and on a narrower 360 px one.
  it.each([PHONE.width, 360])('renders no chart text under 12 px at %i px', async (width) => {
    const context = await browser.newContext({ viewport: { ...PHONE, width } });
    const failures: string[] = [];
    for (const locale of LOCALES) {
      for (const path of [`/${locale}/`, `/${locale}/metrics/nps/`, `/${locale}/metrics/retention_rate/`, `/${locale}/segments/${folders(locale, 'segments')[0]}/`]) {
        const page = await open(context, path);
        const small = await page.evaluate(() => {
          const sizes: string[] = [];
          for (const text of document.querySelectorAll<SVGTextElement>('svg text')) {
            if (text.getClientRects().length === 0 || !(text.textContent ?? '').trim()) continue;
            const scale = text.getScreenCTM()?.a ?? 1;
            const size = parseFloat(getComputedStyle(text).fontSize) * scale;
            if (size < 12 - 0.05) sizes.push(`"${(text.textContent ?? '').trim().slice(0, 24)}" ${size.toFixed(1)} px`);
          }
          return sizes;
        });
        if (small.length > 0) failures.push(`${path}: ${small.length} texts under 12 px, e.g. ${small.slice(0, 3).join(', ')}`);
        await page.close();
      }
    }
    await context.close();
    expect(failures).toEqual([]);
  }, 90_000);
});

describe('on paper', () => {
  const printed = ['en', 'th'].flatMap((locale) => [`/${locale}/`, `/${locale}/metrics/nps/`]);

  it.each(printed)('prints %s without clipping, orphaned headings or controls', async (path) => {
    const context = await browser.newContext({ viewport: { width: A4_CONTENT_WIDTH, height: 1100 } });
    const page = await open(context, path);
    await page.emulateMedia({ media: 'print' });
    const found = await page.evaluate(() => {
      const problems: string[] = [];
      const content = document.documentElement.clientWidth;
      for (const wrapper of document.querySelectorAll<HTMLElement>('.table-scroll')) {
        if (getComputedStyle(wrapper).overflowX !== 'visible') problems.push('a .table-scroll still clips in print');
      }
      document.querySelectorAll<HTMLTableElement>('table').forEach((table, i) => {
        if (table.getClientRects().length === 0) return;
        const box = table.getBoundingClientRect();
        const parent = table.parentElement!;
        if (box.right > content + 1 || table.scrollWidth > parent.clientWidth + 1) {
          problems.push(`table ${i} (${table.querySelector('th')?.textContent?.trim()}): ${Math.round(box.width)} px wide, page content ${content} px`);
        }
      });
      for (const heading of document.querySelectorAll<HTMLElement>('main h1, main h2, main h3')) {
        if (heading.getClientRects().length === 0) continue;
        if (getComputedStyle(heading).breakAfter !== 'avoid') problems.push(`heading "${heading.textContent?.trim()}" may end a page`);
      }
      for (const selector of ['.site-header nav', '.languages', '.search-form', '.button', '.skip']) {
        for (const element of document.querySelectorAll<HTMLElement>(selector)) {
          if (element.getClientRects().length > 0 && getComputedStyle(element).visibility !== 'hidden') problems.push(`${selector} prints`);
        }
      }
      const header = document.querySelector<HTMLElement>('.print-header');
      if (!header || header.getClientRects().length === 0) problems.push('no print header');
      const link = [...document.querySelectorAll<HTMLAnchorElement>('main p a[href^="/"], main li a[href^="/"]')].find((a) => !a.closest('table, .inline-links, .chips, .card'));
      if (!link) problems.push('no internal link in the text to check');
      else if (!getComputedStyle(link, '::after').content.includes(link.getAttribute('href')!)) problems.push(`internal link ${link.getAttribute('href')} prints without its address`);
      return problems;
    });
    expect(found).toEqual([]);
    // The overview is a report of a few pages, not a dump.
    if (path.split('/').length === 3) {
      const pdf = await page.pdf({ format: 'A4', margin: { top: '18mm', bottom: '16mm', left: '12mm', right: '12mm' } });
      const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
      expect(pages).toBeGreaterThan(0);
      expect(pages).toBeLessThanOrEqual(9);
    }
    await context.close();
  }, 30_000);
});

describe('search', () => {
  it.each(['light', 'dark'] as const)('shows results that pass axe (WCAG 2.1 AA) in %s mode', async (colorScheme) => {
    const context = await browser.newContext({ colorScheme });
    const failures: string[] = [];
    for (const [locale, query] of [['en', 'retention'], ['th', 'ความโปร่งใส']] as const) {
      const page = await open(context, `/${locale}/search/`);
      await page.emulateMedia({ colorScheme });
      await page.locator('.pagefind-ui__search-input').fill(query);
      await page.waitForSelector('.pagefind-ui__result-link', { timeout: 15_000 });
      await page.waitForTimeout(300);
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      failures.push(...results.violations.map((v) => `${locale}: ${v.id} (${v.nodes.length}): ${v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')} ${n.any[0]?.message ?? ''}`).join(' | ')}`));
      await page.close();
    }
    await context.close();
    expect(failures).toEqual([]);
  }, 60_000);
});
