/**
 * Chart layouts: exact positions worked out by hand on tiny inputs, and golden SVG files for
 * each chart type. On a mismatch the new SVG is written beside the golden file as
 * `<name>-changed.svg` to compare; set UPDATE_GOLDEN=1 to accept it.
 */
import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { layoutBars } from '../src/charts/bars.ts';
import { layoutDumbbell } from '../src/charts/dumbbell.ts';
import { layoutLines } from '../src/charts/lines.ts';
import { layoutScatter } from '../src/charts/scatter.ts';
import { layoutSmallMultiples } from '../src/charts/small-multiples.ts';
import type { Mark, Scene } from '../src/charts/scene.ts';
import { escapeXml, renderSvg } from '../src/charts/svg.ts';

const GOLDEN = new URL('./golden/charts/', import.meta.url).pathname;
const pct = (v: number) => `${v.toFixed(1)} %`;
const int = (v: number) => String(v);

async function golden(name: string, scene: Scene) {
  const svg = `${renderSvg(scene, { id: name, title: `Title of ${name}`, description: `Description of ${name}` })}\n`;
  const file = `${GOLDEN}${name}.svg`;
  const changed = `${GOLDEN}${name}-changed.svg`;
  if (process.env.UPDATE_GOLDEN === '1') await writeFile(file, svg);
  const expected = existsSync(file) ? await readFile(file, 'utf8') : '';
  if (svg !== expected) await writeFile(changed, svg);
  else await rm(changed, { force: true });
  expect(svg, `SVG differs from ${name}.svg; see ${name}-changed.svg`).toBe(expected);
}

const byClass = (scene: Scene, cls: string) => scene.marks.filter((m) => m.class.split(' ').includes(cls));
const texts = (scene: Scene, cls: string) => byClass(scene, cls).map((m) => (m as Extract<Mark, { type: 'text' }>).text);

describe('bars', () => {
  const scene = layoutBars({
    rows: [
      { label: 'A', value: 50, low: 40, high: 60 },
      { label: 'B', value: null, low: null, high: null, missing: 'fewer than 30' },
    ],
    domain: [0, 100],
    format: pct,
    tickFormat: int,
    benchmark: { value: 75, label: 'Pew 2019' },
  });

  it('places a bar from zero to its value, with whiskers at the interval', () => {
    // Label column: max(width of "A", 40) + 12 = 52; plot 52..584; 50 % lands at 52 + 532 / 2.
    const [bar] = byClass(scene, 'bar') as Extract<Mark, { type: 'rect' }>[];
    expect(bar).toMatchObject({ x: 52, width: 266, y: 37, height: 16 });
    const whiskers = byClass(scene, 'whisker') as Extract<Mark, { type: 'line' }>[];
    expect(whiskers[0]).toMatchObject({ x1: 52 + 532 * 0.4, x2: 52 + 532 * 0.6 });
  });

  it('keeps a suppressed row in place with its reason, never a zero bar', () => {
    expect(byClass(scene, 'bar')).toHaveLength(1);
    expect(texts(scene, 'missing')).toEqual(['— fewer than 30']);
  });

  it('draws the benchmark as a dashed line and a diamond at its value', () => {
    const [line] = byClass(scene, 'benchmark-line') as Extract<Mark, { type: 'line' }>[];
    expect(line!.x1).toBe(52 + 532 * 0.75);
    expect(byClass(scene, 'benchmark')[0]!.type).toBe('diamond');
  });

  it('matches the golden SVG', () => golden('bars', scene));
});

describe('lines', () => {
  const scene = layoutLines({
    categories: ['Q1', 'Q2', 'Q3', 'Q4'],
    series: [{ label: 'Trust', points: [
      { x: 'Q1', value: 60, low: 58, high: 62 },
      { x: 'Q2', value: null },
      { x: 'Q3', value: 64, low: 62, high: 66 },
      { x: 'Q4', value: 66, low: 64, high: 68 },
    ] }],
    domain: [50, 70],
    format: int,
    bands: true,
    benchmark: { value: 55, label: 'Public' },
  });

  it('breaks the line at a missing wave and marks the gap on the axis', () => {
    const [line] = byClass(scene, 'line') as Extract<Mark, { type: 'path' }>[];
    // Two separate runs: Q1 alone, then Q3-Q4.
    expect(line!.d.match(/M/g)).toHaveLength(2);
    expect(byClass(scene, 'gap-mark')).toHaveLength(1);
    expect(byClass(scene, 'point')).toHaveLength(3);
  });

  it('matches the golden SVG', () => golden('lines', scene));
});

describe('dumbbell', () => {
  const scene = layoutDumbbell({
    rows: [
      { label: 'Pew 2019', company: 57, companyLow: 55, companyHigh: 59, benchmark: 79 },
      { label: 'Sprout 2018', company: 77, companyLow: null, companyHigh: null, benchmark: 86 },
    ],
    domain: [0, 100],
    format: pct,
    legend: { company: 'Company', benchmark: 'Public benchmark' },
  });

  it('joins company and benchmark with a line as long as the gap', () => {
    const connectors = byClass(scene, 'connector') as Extract<Mark, { type: 'line' }>[];
    const span = (c: Extract<Mark, { type: 'line' }>) => c.x2 - c.x1;
    // 22 points against 9 points on the same scale.
    expect(span(connectors[0]!) / span(connectors[1]!)).toBeCloseTo(22 / 9, 6);
  });

  it('matches the golden SVG', () => golden('dumbbell', scene));
});

describe('scatter', () => {
  const scene = layoutScatter({
    points: [
      { label: 'Families', x: 81, y: 66 },
      { label: 'Deal seekers', x: 90, y: 31, flagged: true },
    ],
    xDomain: [70, 95],
    yDomain: [20, 80],
    xFormat: int,
    yFormat: int,
    xLabel: 'Satisfaction',
    yLabel: 'Retention',
    flagSymbol: '⚑',
  });

  it('labels a flagged point with its symbol as well as its colour', () => {
    expect(texts(scene, 'point-label')).toEqual(['Families', '⚑ Deal seekers']);
    expect(byClass(scene, 'flagged').map((m) => m.type)).toEqual(['circle', 'text']);
  });

  it('matches the golden SVG', () => golden('scatter', scene));
});

describe('small multiples', () => {
  const panel = (title: string, values: (number | null)[]) => ({
    title,
    series: [{ label: title, points: values.map((value, i) => ({ x: `W${i + 1}`, value })) }],
  });
  const scene = layoutSmallMultiples({
    categories: ['W1', 'W2', 'W3'],
    panels: [panel('North', [1, 2, 3]), panel('South', [3, null, 1]), panel('East', [2, 2, 2])],
    domain: [0, 4],
    format: int,
    columns: 2,
    width: 400,
    panelHeight: 100,
  });

  it('lays panels out in a grid on one shared scale', () => {
    expect(scene.height).toBe(2 * (100 + 20));
    const titles = byClass(scene, 'panel-title') as Extract<Mark, { type: 'text' }>[];
    expect(titles.map((m) => [m.text, m.x, m.y])).toEqual([['North', 8, 14], ['South', 208, 14], ['East', 8, 134]]);
  });

  it('matches the golden SVG', () => golden('small-multiples', scene));
});

describe('svg', () => {
  it('writes labels from data files as text, never as markup', () => {
    const svg = renderSvg(
      { width: 10, height: 10, marks: [{ type: 'text', class: 'label', x: 0, y: 0, text: '<script>alert("x")</script> & co' }] },
      { id: 'x', title: '<b>t</b>', description: "it's" },
    );
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co');
    expect(svg).toContain('<title id="x-title">&lt;b&gt;t&lt;/b&gt;</title>');
    expect(escapeXml(`"'<>&`)).toBe('&quot;&apos;&lt;&gt;&amp;');
  });

  it('names its title and description for screen readers', () => {
    const svg = renderSvg({ width: 10, height: 10, marks: [] }, { id: 'c', title: 'T', description: 'D' });
    expect(svg).toContain('role="img" aria-labelledby="c-title c-desc"');
  });
});
