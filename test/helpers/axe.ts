/**
 * axe-core in the browser tests: the engine is added to a browser context once, as a script that
 * runs before each page's own (so a page pays only for the rules, about 0.5 s, not for injecting
 * half a megabyte of script on every check), and `axe.run` checks the page against the WCAG 2.1
 * A and AA rules.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { BrowserContext, Page } from 'playwright-core';

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

let source: Promise<string> | undefined;

/** Makes axe-core available on every page the context opens from now on. */
export async function addAxe(context: BrowserContext): Promise<void> {
  source ??= readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  await context.addInitScript({ content: await source });
}

interface Violation {
  id: string;
  nodes: { target: string[]; any: { message: string }[] }[];
}

/** The page's WCAG 2.1 A/AA violations, one line each: rule, count and the first three elements. */
export async function axeViolations(page: Page): Promise<string[]> {
  const violations = await page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe?: { run(context: Document, options: object): Promise<{ violations: Violation[] }> } }).axe;
    if (!axe) throw new Error('axe-core is not on this page: call addAxe(context) before opening it');
    return (await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })).violations.map((v) => ({
      id: v.id,
      nodes: v.nodes.map((n) => ({ target: n.target.map(String), any: n.any.map((a) => ({ message: a.message })) })),
    }));
  }, WCAG_TAGS);
  return violations.map((v) => `${v.id} (${v.nodes.length}): ${v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')}${n.any[0] ? ` ${n.any[0].message}` : ''}`).join(' | ')}`);
}
