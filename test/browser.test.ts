/**
 * The built site in real Chromium (Debian's `chromium`, driven by playwright-core): one page of
 * every type in every locale (test/helpers/page-types.ts) loads without console errors or failed
 * requests and passes axe-core's WCAG 2.1 A/AA rules, in light mode and in dark mode; the
 * language switcher keeps the page; print and dark mode render; the keyboard reaches every link;
 * search finds pages in each language. Screenshots of each overview are kept in test/artifacts/.
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAxe, axeViolations } from './helpers/axe.ts';
import { ROOT } from './helpers/build.ts';
import { demoSite } from './helpers/demo-site.ts';
import { pageTypes } from './helpers/page-types.ts';
import { serve, type Served } from './helpers/serve.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARTIFACTS = join(ROOT, 'test', 'artifacts');
const LOCALES = ['en', 'th', 'fi', 'ru', 'vi'];
/** The page background of each colour scheme (src/styles/site.css). */
const BACKGROUND = { light: 'rgb(251, 251, 249)', dark: 'rgb(21, 24, 27)' };

let dist: string;
let site: Served;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: install it (apt-get install chromium) or set CHROMIUM_PATH`);
  // `npm run build` of the demo, shared with the other test files that read the site.
  const built = await demoSite();
  expect(built.stderr).toBe('');
  dist = built.dir;
  site = await serve(dist);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  await mkdir(ARTIFACTS, { recursive: true });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/** Opens a page and records every console error, page error and failed request. */
async function open(context: BrowserContext, path: string): Promise<{ page: Page; problems: string[] }> {
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => problems.push(`failed: ${request.url()}`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`${response.status()}: ${response.url()}`);
  });
  await page.goto(`${site.url}${path}`, { waitUntil: 'load' });
  return { page, problems };
}

describe('the axe check', () => {
  it('reports what it is there to find', async () => {
    const context = await browser.newContext();
    await addAxe(context);
    const page = await context.newPage();
    await page.setContent('<!doctype html><html lang="en"><title>t</title><main><img src="data:,"><p style="color:#bbb;background:#fff">faint</p></main></html>');
    const found = await axeViolations(page);
    expect(found.map((v) => v.split(' ')[0])).toEqual(['color-contrast', 'image-alt']);
    await context.close();
  });
});

describe.each(LOCALES)('pages in %s', (locale) => {
  it.each(['light', 'dark'] as const)('load cleanly and pass axe (WCAG 2.1 AA) in %s mode, every page type', async (colorScheme) => {
    const context = await browser.newContext({ colorScheme });
    await addAxe(context);
    const failures: string[] = [];
    // The language chooser at the site's root is checked with the English pages.
    for (const path of [...(locale === 'en' ? ['/'] : []), ...pageTypes(dist, locale)]) {
      const { page, problems } = await open(context, path);
      const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      if (background !== BACKGROUND[colorScheme]) failures.push(`${path}: background ${background} in ${colorScheme} mode`);
      failures.push(...problems.map((p) => `${path}: ${p}`), ...(await axeViolations(page)).map((v) => `${path}: ${v}`));
      if (path === `/${locale}/`) await page.screenshot({ path: join(ARTIFACTS, `overview-${locale}${colorScheme === 'dark' ? '-dark' : ''}.png`), fullPage: true });
      await page.close();
    }
    await context.close();
    expect(failures).toEqual([]);
  }, 180_000);
});

describe('reading and moving around', () => {
  it('keeps the reader on the same page when switching language', async () => {
    const context = await browser.newContext();
    const { page } = await open(context, '/en/metrics/trust_transparency/');
    for (const [name, locale] of [['Suomi', 'fi'], ['ไทย', 'th'], ['Русский', 'ru'], ['Tiếng Việt', 'vi'], ['English', 'en']]) {
      await page.getByRole('navigation', { name: /./ }).getByRole('link', { name: name!, exact: true }).first().click();
      await page.waitForURL(`**/${locale}/metrics/trust_transparency/`);
      expect(await page.getAttribute('html', 'lang')).toBe(locale);
    }
    await context.close();
  }, 30_000);

  it('gives every chart a title, a description and a data table', async () => {
    const context = await browser.newContext();
    const { page } = await open(context, '/ru/metrics/nps/');
    const charts = await page.evaluate(() =>
      [...document.querySelectorAll('figure.chart')].map((figure) => {
        const svg = figure.querySelector('svg')!;
        const [titleId, descId] = (svg.getAttribute('aria-labelledby') ?? '').split(' ');
        return {
          role: svg.getAttribute('role'),
          title: document.getElementById(titleId!)?.textContent ?? '',
          desc: document.getElementById(descId!)?.textContent ?? '',
          rows: figure.querySelectorAll('details table tbody tr').length,
        };
      }),
    );
    expect(charts.length).toBeGreaterThanOrEqual(3);
    for (const chart of charts) {
      expect(chart.role).toBe('img');
      expect(chart.title.length).toBeGreaterThan(5);
      expect(chart.desc.length).toBeGreaterThan(20);
      expect(chart.rows).toBeGreaterThan(0);
    }
    await context.close();
  }, 30_000);

  it('prints without navigation and keeps the charts', async () => {
    const context = await browser.newContext();
    const { page } = await open(context, '/fi/');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.site-header nav').first().isVisible()).toBe(false);
    expect(await page.locator('figure.chart svg').first().isVisible()).toBe(true);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.byteLength).toBeGreaterThan(10_000);
    await context.close();
  }, 30_000);

  it('lets the keyboard reach every link of the overview', async () => {
    const context = await browser.newContext();
    const { page } = await open(context, '/en/');
    const links = await page.evaluate(() => [...document.querySelectorAll('a[href]')].filter((a) => (a as HTMLElement).offsetParent !== null || a.closest('details') === null).length);
    const reached = new Set<string>();
    for (let i = 0; i < links + 20; i++) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const el = document.activeElement as HTMLAnchorElement | null;
        return el && el.tagName === 'A' ? `${el.getAttribute('href')}#${[...document.querySelectorAll('a[href]')].indexOf(el)}` : null;
      });
      if (focused) reached.add(focused);
    }
    // Links inside closed <details> are reachable once the summary is opened; all others by Tab.
    const visible = await page.evaluate(() => [...document.querySelectorAll('a[href]')].filter((a) => !a.closest('details:not([open])') || a.closest('summary')).length);
    expect(reached.size).toBe(visible);
    await context.close();
  }, 60_000);
});

describe('search', () => {
  // A query per language as readers type it (Finnish and Russian inflect, Thai has no spaces,
  // Vietnamese is also typed without diacritics), and the page it must find among the first five.
  const queries: [string, string, string][] = [
    ['en', 'transparency', '/en/metrics/trust_transparency/'],
    ['th', 'ความโปร่งใส', '/th/metrics/trust_transparency/'],
    ['fi', 'avoimuus', '/fi/metrics/trust_transparency/'],
    ['ru', 'открытости', '/ru/metrics/trust_transparency/'],
    ['vi', 'minh bach', '/vi/metrics/trust_transparency/'],
  ];

  it.each(queries)('finds the expected page in %s for "%s"', async (locale, query, expected) => {
    const context = await browser.newContext();
    const { page, problems } = await open(context, `/${locale}/search/?q=${encodeURIComponent(query)}`);
    await page.waitForSelector('.pagefind-ui__result-link', { timeout: 15_000 });
    const links = await page.$$eval('.pagefind-ui__result-link', (all) => all.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    const hrefs = [...new Set(links)];
    expect(hrefs.slice(0, 5), hrefs.join(" ")).toContain(expected);
    expect(hrefs.every((h) => h.startsWith(`/${locale}/`))).toBe(true);
    expect(problems).toEqual([]);
    await context.close();
  }, 30_000);
});
