/**
 * Layout in real Chromium, per width and on paper, on one page of every type in every locale
 * (test/helpers/page-types.ts): on a 390 px and a 360 px phone no page scrolls sideways, every
 * table that scrolls keeps its first column in view with a scroll cue and no chart text renders
 * under 12 px; in print no table is clipped, headings stay with what follows, internal links
 * show their address, no control prints and the overview fits a few A4 pages; search results
 * keep their contrast in light and dark mode.
 *
 * The demo site shared by the test files that read it (test/helpers/demo-site.ts; or, while
 * developing, TRUST_TEST_SITE=<a built site> to serve that instead), served on 127.0.0.1.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAxe, axeViolations } from './helpers/axe.ts';
import { demoSite } from './helpers/demo-site.ts';
import { pageTypes } from './helpers/page-types.ts';
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

async function open(context: BrowserContext, path: string): Promise<Page> {
  const page = await context.newPage();
  const response = await page.goto(`${site.url}${path}`, { waitUntil: 'load' });
  expect(response?.status(), path).toBe(200);
  return page;
}

/**
 * What a phone shows wrongly, checked inside the page: a page wider than the viewport; a table
 * that scrolls with no cue, or whose first column (a name) scrolls away or is squeezed; chart
 * text (12 units at least) rendered under 12 px.
 */
function phoneProblems(): string[] {
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
  const small: string[] = [];
  for (const text of document.querySelectorAll<SVGTextElement>('svg text')) {
    if (text.getClientRects().length === 0 || !(text.textContent ?? '').trim()) continue;
    const scale = text.getScreenCTM()?.a ?? 1;
    const size = parseFloat(getComputedStyle(text).fontSize) * scale;
    if (size < 12 - 0.05) small.push(`"${(text.textContent ?? '').trim().slice(0, 24)}" ${size.toFixed(1)} px`);
  }
  if (small.length > 0) problems.push(`${small.length} chart texts under 12 px, e.g. ${small.slice(0, 3).join(', ')}`);
  return problems;
}

// Each chart layout is shown only where it is drawn at least at its own size (the phone layout
// is 320 units wide, in a column of 328 px or more, a card's included), so no chart text, 12
// units at least, renders smaller: checked on a 390 px phone and on a narrower 360 px one.
describe.each([PHONE.width, 360])('on a phone (%i px)', (width) => {
  it.each(LOCALES)('no page type scrolls sideways, hides columns without a cue or draws chart text under 12 px, in %s', async (locale) => {
    const context = await browser.newContext({ viewport: { ...PHONE, width } });
    const failures: string[] = [];
    for (const path of pageTypes(dist, locale)) {
      const page = await open(context, path);
      failures.push(...(await page.evaluate(phoneProblems)).map((f) => `${path}: ${f}`));
      await page.close();
    }
    await context.close();
    expect(failures).toEqual([]);
  }, 120_000);
});

/**
 * What paper shows wrongly, checked inside the page in print emulation: a table wider than the
 * page or still in a clipping box; a heading that may end a page; a control that prints; no
 * print header; an internal link in the text printed without its address. With the number of
 * such links it looked at.
 */
function printProblems(): { problems: string[]; links: number } {
  const problems: string[] = [];
  let links = 0;
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
  const { scrollWidth } = document.documentElement;
  if (scrollWidth > content + 1) problems.push(`content is ${scrollWidth} px wide on a ${content} px page`);
  for (const heading of document.querySelectorAll<HTMLElement>('main h1, main h2, main h3')) {
    if (heading.getClientRects().length === 0) continue;
    if (getComputedStyle(heading).breakAfter !== 'avoid') problems.push(`heading "${heading.textContent?.trim()}" may end a page`);
  }
  for (const selector of ['.site-header nav', '.languages', '.search-form', '.button', '.skip', '.pagefind-ui__search-input', '.pagefind-ui__search-clear', '.pagefind-ui__button']) {
    for (const element of document.querySelectorAll<HTMLElement>(selector)) {
      if (element.getClientRects().length > 0 && getComputedStyle(element).visibility !== 'hidden') problems.push(`${selector} prints`);
    }
  }
  const header = document.querySelector<HTMLElement>('.print-header');
  if (!header || header.getClientRects().length === 0) problems.push('no print header');
  for (const link of document.querySelectorAll<HTMLAnchorElement>('main p a[href^="/"], main li a[href^="/"]')) {
    if (link.closest('table, .inline-links, .chips, .card') || link.getClientRects().length === 0) continue;
    links++;
    if (!getComputedStyle(link, '::after').content.includes(link.getAttribute('href')!)) problems.push(`internal link ${link.getAttribute('href')} prints without its address`);
  }
  return { problems, links };
}

describe('on paper', () => {
  it.each(LOCALES)('prints every page type without clipping, orphaned headings or controls, in %s', async (locale) => {
    const context = await browser.newContext({ viewport: { width: A4_CONTENT_WIDTH, height: 1100 } });
    const failures: string[] = [];
    let linksChecked = 0;
    for (const path of pageTypes(dist, locale)) {
      const page = await open(context, path);
      await page.emulateMedia({ media: 'print' });
      const { problems, links } = await page.evaluate(printProblems);
      failures.push(...problems.map((f) => `${path}: ${f}`));
      linksChecked += links;
      // The overview is a report of a few pages, not a dump.
      if (path === `/${locale}/`) {
        const pdf = await page.pdf({ format: 'A4', margin: { top: '18mm', bottom: '16mm', left: '12mm', right: '12mm' } });
        const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
        if (pages < 1 || pages > 9) failures.push(`${path}: ${pages} A4 pages`);
      }
      await page.close();
    }
    await context.close();
    expect(failures).toEqual([]);
    // The link check above has links to look at.
    expect(linksChecked).toBeGreaterThan(10);
  }, 120_000);
});

describe('search', () => {
  it.each(['light', 'dark'] as const)('shows results that pass axe (WCAG 2.1 AA) in %s mode', async (colorScheme) => {
    const context = await browser.newContext({ colorScheme });
    await addAxe(context);
    const failures: string[] = [];
    for (const [locale, query] of [['en', 'retention'], ['th', 'ความโปร่งใส']] as const) {
      const page = await open(context, `/${locale}/search/`);
      await page.emulateMedia({ colorScheme });
      await page.locator('.pagefind-ui__search-input').fill(query);
      await page.waitForSelector('.pagefind-ui__result-link', { timeout: 15_000 });
      await page.waitForTimeout(300);
      failures.push(...(await axeViolations(page)).map((v) => `${locale}: ${v}`));
      await page.close();
    }
    await context.close();
    expect(failures).toEqual([]);
  }, 60_000);
});
