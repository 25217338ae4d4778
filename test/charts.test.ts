/**
 * Chart layouts: exact positions worked out by hand on tiny inputs, and golden SVG files for
 * each chart type. On a mismatch the new SVG is written beside the golden file as
 * `<name>-changed.svg` to compare; set UPDATE_GOLDEN=1 to accept it.
 */
import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { layoutBars } from '../src/charts/bars.ts';
import { textWidth, wrapText } from '../src/charts/axis.ts';
import { layoutDumbbell } from '../src/charts/dumbbell.ts';
import { heatClass, layoutHeatTable } from '../src/charts/heat.ts';
import { layoutLines } from '../src/charts/lines.ts';
import { labelBox, layoutScatter, overlap, placeLabels } from '../src/charts/scatter.ts';
import { layoutSmallMultiples } from '../src/charts/small-multiples.ts';
import type { Mark, Scene } from '../src/charts/scene.ts';
import { escapeXml, renderSvg } from '../src/charts/svg.ts';
import { loadTranslationSystem } from '../src/i18n/node.ts';
import type { Report, ReportEstimate } from '../src/schemas/report.ts';
import { areaRadius, driversChart, NARROW, sayVsDoChart } from '../src/site/charts.ts';

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

describe('scatter with references (key drivers layout)', () => {
  // Plot 52..624 across and 296..24 up (640 × 340); the domains are already "nice", so
  // x(v) = 52 + 572 · v / 40 and y(v) = 296 − 272 · (v − 50) / 40.
  const scene = layoutScatter({
    points: [
      { label: 'Transparency', x: 30, xLow: 25, xHigh: 35, y: 60, yLow: 58, yHigh: 62 },
      { label: 'Reliability', x: 10, y: 80 },
    ],
    xDomain: [0, 40],
    yDomain: [50, 90],
    xFormat: int,
    yFormat: int,
    xLabel: 'Share',
    yLabel: 'Score',
    xReference: { value: 20, label: 'Average share 20 %' },
    yReference: { value: 70, label: 'Average score 70' },
    highlight: { quadrant: 'bottom-right', label: 'Fix first' },
  });
  const circles = byClass(scene, 'point') as Extract<Mark, { type: 'circle' }>[];
  const lines = (cls: string) => byClass(scene, cls) as Extract<Mark, { type: 'line' }>[];

  it('places each point at its share and score', () => {
    expect(circles.map((c) => [c.cx, c.cy, c.r])).toEqual([[481, 228, 5.5], [195, 92, 5.5]]);
  });

  it('draws the intervals as whiskers: share across, score up', () => {
    const [across, up] = lines('whisker');
    expect(across).toMatchObject({ x1: 52 + 14.3 * 25, x2: 52 + 14.3 * 35, y1: 228, y2: 228 });
    expect(up!.x1).toBe(481);
    expect(up!.y1).toBeCloseTo(296 - 6.8 * 8, 9);
    expect(up!.y2).toBeCloseTo(296 - 6.8 * 12, 9);
  });

  it('draws the reference lines at the average share and score, across the whole plot', () => {
    const [vertical, horizontal] = lines('reference-line');
    expect(vertical).toMatchObject({ x1: 338, x2: 338, y1: 24, y2: 296 });
    expect(horizontal).toMatchObject({ x1: 52, x2: 624, y1: 160, y2: 160 });
    expect(texts(scene, 'reference-label')).toEqual(['Average share 20 %', 'Average score 70']);
  });

  it('shades the high-share, low-score quadrant and labels it in its outer corner', () => {
    const [rect] = byClass(scene, 'quadrant') as Extract<Mark, { type: 'rect' }>[];
    expect(rect).toMatchObject({ x: 338, y: 160, width: 286, height: 136 });
    const [label] = byClass(scene, 'quadrant-label') as Extract<Mark, { type: 'text' }>[];
    expect(label).toMatchObject({ x: 618, y: 286, text: 'Fix first', anchor: 'end' });
  });

  it('labels each point directly: beside it, or diagonally above when whiskers run beside it', () => {
    const labels = byClass(scene, 'point-label') as Extract<Mark, { type: 'text' }>[];
    // Transparency: 3 px right of its whisker and 8 px above its circle (r 5.5); Reliability: r + 3.5 px right.
    expect(labels.map((l) => [l.text, l.x, l.y, l.anchor])).toEqual([['Transparency', 484, 214.5, 'start'], ['Reliability', 204, 92, 'start']]);
  });
});

describe('label placement', () => {
  const area = { x0: 0, y0: 0, x1: 300, y1: 200 };

  it('moves the second of two coinciding points to the other side', () => {
    const [a, b] = placeLabels([{ text: 'Empathy', cx: 150, cy: 100, r: 5.5 }, { text: 'Consistency', cx: 150, cy: 100, r: 5.5 }], area);
    expect(a).toMatchObject({ x: 159, y: 100, anchor: 'start', nudged: false });
    expect(b).toMatchObject({ x: 141, y: 100, anchor: 'end', nudged: false });
    expect(overlap(a!.box, b!.box)).toBe(0);
  });

  it('keeps every label of a pile of coinciding points apart and inside the plot', () => {
    const pile = ['Reliability', 'Competence', 'Empathy', 'Transparency', 'Consistency'].map((text) => ({ text, cx: 280, cy: 190, r: 5.5 }));
    const placed = placeLabels(pile, area);
    for (const [i, l] of placed.entries()) {
      expect(l.box.x0).toBeGreaterThanOrEqual(0);
      expect(l.box.x1).toBeLessThanOrEqual(300);
      expect(l.box.y0).toBeGreaterThanOrEqual(0);
      expect(l.box.y1).toBeLessThanOrEqual(200);
      for (const other of placed.slice(i + 1)) expect(overlap(l.box, other.box)).toBe(0);
    }
    // Near the right edge the first label goes left; the others stack above it with leaders.
    expect(placed[0]).toMatchObject({ anchor: 'end', y: 190 });
    expect(placed.slice(2).every((l) => l.nudged || l.anchor === 'middle')).toBe(true);
  });

  it('keeps labels off the reference labels', () => {
    const obstacle = labelBox(159, 100, 'start', 'Average share 20 %');
    const [l] = placeLabels([{ text: 'Empathy', cx: 150, cy: 100, r: 5.5 }], area, [obstacle]);
    expect(l).toMatchObject({ anchor: 'end' });
  });

  it('draws a leader line to a nudged label in the scene', () => {
    const scene = layoutScatter({
      points: ['A', 'B', 'C', 'D', 'E', 'F'].map((label) => ({ label, x: 50, y: 50 })),
      xDomain: [0, 100], yDomain: [0, 100], xFormat: int, yFormat: int, xLabel: 'x', yLabel: 'y',
    });
    const labels = byClass(scene, 'point-label') as Extract<Mark, { type: 'text' }>[];
    const boxes = labels.map((l) => labelBox(l.x, l.y, l.anchor ?? 'start', l.text));
    for (const [i, b] of boxes.entries()) for (const o of boxes.slice(i + 1)) expect(overlap(b, o)).toBe(0);
    // Right, left, above and below the point are taken by A to D: E and F are nudged, with leaders.
    const cy = (byClass(scene, 'point')[0] as Extract<Mark, { type: 'circle' }>).cy;
    const nudged = labels.filter((l) => l.y !== cy && l.anchor !== 'middle');
    expect(nudged.map((l) => l.text)).toEqual(['E', 'F']);
    expect(byClass(scene, 'leader')).toHaveLength(2);
  });
});

describe('site scatter charts', async () => {
  const t = (await loadTranslationSystem()).translator('en');
  const cell = (value: number | null, low: number | null, high: number | null, n: number | null, segment: string | null = null): ReportEstimate => ({
    wave: '2026-Q3', segment, tier: null, value, low, high, se: null, n, nEffective: null, suppressed: value === null ? 'small_cell' : null,
  });
  const dimensions = ['trust_reliability', 'trust_competence', 'trust_empathy', 'trust_transparency', 'trust_consistency'];
  const scores: Record<string, [number, number]> = {
    trust_reliability: [78, 70], trust_competence: [76, 74], trust_empathy: [70, 66], trust_transparency: [63, 60], trust_consistency: [74, 71],
  };
  const metric = (id: string, latest: ReportEstimate, bySegment: ReportEstimate[] = []) => ({ id, result: { latest, byWave: [latest], bySegment, bySegmentWave: [] } });
  const base = {
    company: { name: 'Northwind', minimumCellSize: 30, segments: [{ id: 'families', labels: { en: 'Families' } }, { id: 'deals', labels: { en: 'Deal seekers' } }, { id: 'pros', labels: { en: 'Professionals' } }] },
    waves: ['2026-Q2', '2026-Q3'],
    metrics: [
      ...dimensions.map((id) => metric(id, cell(scores[id]![0], scores[id]![0] - 1.2, scores[id]![0] + 1.2, 800), [cell(scores[id]![1], scores[id]![1] - 3, scores[id]![1] + 3, 210, 'families')])),
      metric('csat', cell(84, 82.5, 85.5, 800)),
      metric('retention_rate', cell(59.4, null, null, 5200)),
    ],
    drivers: {
      outcome: 'recommend_0_10', method: 'shapley_r2', wave: '2026-Q3', resamples: 500,
      groups: [
        { segment: null, n: 780, suppressed: null, r2: 0.46, dimensions: [
          { metric: 'trust_reliability', share: 14, low: 10, high: 18 },
          { metric: 'trust_competence', share: 16, low: 12, high: 20 },
          { metric: 'trust_empathy', share: 20, low: 15, high: 25 },
          { metric: 'trust_transparency', share: 31, low: 25, high: 37 },
          { metric: 'trust_consistency', share: 19, low: 15, high: 23 },
        ] },
        { segment: 'families', n: 205, suppressed: null, r2: 0.41, dimensions: [
          { metric: 'trust_reliability', share: 22, low: 12, high: 32 },
          { metric: 'trust_competence', share: 22, low: 12, high: 32 },
          { metric: 'trust_empathy', share: 18, low: 9, high: 27 },
          { metric: 'trust_transparency', share: 26, low: 15, high: 37 },
          { metric: 'trust_consistency', share: 12, low: 5, high: 19 },
        ] },
        { segment: 'deals', n: null, suppressed: 'small_cell', r2: null, dimensions: [] },
      ],
    },
    sayVsDo: [
      { segment: 'families', csat: cell(83, 80, 86, 300), retention: cell(66, null, null, 2000), satisfiedNotLoyal: false },
      { segment: 'deals', csat: cell(90, 87.5, 92.5, 120), retention: cell(31, null, null, 900), satisfiedNotLoyal: true },
      { segment: 'pros', csat: cell(null, null, null, null), retention: cell(70, null, null, 400), satisfiedNotLoyal: false },
    ],
  };
  const report = base as unknown as Report;

  describe('key drivers', () => {
    const chart = driversChart(report, t)!;

    it('is absent without drivers and for a suppressed group', () => {
      expect(driversChart({ ...base, drivers: null } as unknown as Report, t)).toBeUndefined();
      expect(driversChart(report, t, 'deals')).toBeUndefined();
      expect(driversChart(report, t, 'pros')).toBeUndefined();
    });

    it('says what it shows and lists each share and score for screen readers', () => {
      expect(chart.title).toBe("What goes with likelihood to recommend: each trust dimension's share and score, Q3\u00a02026");
      expect(chart.description).toContain('Transparency: share 31.0%, score 63.0');
      expect(chart.description).toContain('average score (72.2)');
      expect(chart.description).toContain('Share above average and score below average: Transparency.');
    });

    it('labels every point with its dimension and marks the fix-first quadrant', () => {
      const scene = chart.scene;
      expect(texts(scene, 'point-label')).toEqual(['Reliability', 'Competence', 'Empathy', 'Transparency', 'Consistency']);
      expect(texts(scene, 'quadrant-label')).toEqual(['Fix first: matters more, scores lower']);
      expect(texts(scene, 'reference-label')).toEqual(['Average share 20.0%', 'Average score 72.2']);
    });

    it('tabulates share, score with intervals and n', () => {
      expect(chart.table.columns).toEqual(['Dimension', 'Share of explained variance (95% interval)', 'Score (95% interval)', 'n']);
      expect(chart.table.rows[3]).toEqual(['Transparency', '31.0% (25.0% to 37.0%)', '63.0 (61.8 to 64.2)', '800']);
    });

    it('notes the method, the model fit and the segments without their own analysis', () => {
      expect(chart.notes.join(' ')).toContain('association, not causation');
      expect(chart.notes.join(' ')).toContain('R² = 0.46');
      expect(chart.notes.join(' ')).toContain('780 respondents');
      expect(chart.notes.at(-1)).toBe('No separate driver analysis for Deal seekers: fewer than 30 answers.'.replace('fewer than 30 answers', t('cell.small', { minimum: 30 })));
    });

    it('uses the segment\'s own scores for a segment', () => {
      const families = driversChart(report, t, 'families')!;
      expect(families.title).toContain('Families');
      expect(families.table.rows[0]).toEqual(['Reliability', '22.0% (12.0% to 32.0%)', '70.0 (67.0 to 73.0)', '210']);
    });

    it('matches the golden SVG', () => golden('drivers', chart.scene));
  });

  describe('say vs do', () => {
    const chart = sayVsDoChart(report, t)!;

    it('draws the company averages as labelled reference lines', () => {
      expect(texts(chart.scene, 'reference-label')).toEqual(['Company 84.0%', 'Company 59.4%']);
      expect(byClass(chart.scene, 'reference-line')).toHaveLength(2);
    });

    it('sizes points by the answers behind satisfaction and draws its interval', () => {
      const circles = byClass(chart.scene, 'point') as Extract<Mark, { type: 'circle' }>[];
      expect(circles.map((c) => c.r).sort()).toEqual([areaRadius(120, 300), 11].sort());
      expect(areaRadius(120, 300) ** 2 / 11 ** 2).toBeCloseTo(120 / 300, 9);
      expect(byClass(chart.scene, 'whisker')).toHaveLength(2);
      expect(chart.notes.join(' ')).toContain('from 120 to 300');
    });

    it('keeps the flag and adds n and the interval to the table', () => {
      expect(texts(chart.scene, 'point-label')).toEqual(['Families', '⚑ Deal seekers']);
      expect(chart.table.columns).toEqual(['Segment', 'Customer satisfaction (CSAT)', 'Satisfaction, 95% interval', 'Survey answers (n)', 'Retention rate', 'Finding']);
      expect(chart.table.rows[1]).toEqual(['Deal seekers', '90.0%', '87.5% to 92.5%', '120', '31.0%', '⚑ satisfied, not loyal']);
    });

    it('matches the golden SVG', () => golden('say-vs-do', chart.scene));
  });
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

describe(`phone layouts (${NARROW} units, drawn at ${NARROW} to 360 CSS px)`, async () => {
  const css = await readFile(new URL('../src/styles/site.css', import.meta.url), 'utf8');
  // Font sizes of SVG text by class: the base rules, then the phone overrides (inside the media query).
  const sizes = (selector: RegExp) => {
    const out = new Map<string, number>();
    for (const [, selectors, body] of css.matchAll(/([^{}]+)\{([^{}]*font-size:\s*([\d.]+)px[^{}]*)\}/g)) {
      const size = Number(/font-size:\s*([\d.]+)px/.exec(body!)![1]);
      for (const sel of selectors!.split(',')) {
        const m = selector.exec(sel.trim());
        if (m) out.set(m[1]!, size);
      }
    }
    return out;
  };
  const base = sizes(/^\.chart-svg (?:text)?\.([\w-]+)$/);
  const phone = sizes(/^\.chart-narrow \.chart-svg (?:text)?\.([\w-]+)$/);
  const fallback = Number(/\.chart-svg \{[^}]*font-size:\s*([\d.]+)px/.exec(css)![1]);
  const fontSize = (cls: string) => {
    const classes = cls.split(' ');
    const override = classes.map((c) => phone.get(c)).filter((v) => v !== undefined);
    if (override.length) return Math.min(...override);
    const own = classes.map((c) => base.get(c)).filter((v) => v !== undefined);
    return own.length ? Math.min(...own) : fallback;
  };

  const long = {
    th: 'คนทำงานรุ่นใหม่ในเมืองใหญ่',
    vi: 'Người săn khuyến mãi hài lòng nhưng không trung thành',
    ru: 'Корпоративные клиенты',
  };
  const scenes: Record<string, Scene> = {
    'bars-narrow': layoutBars({
      width: NARROW,
      rows: [
        { label: long.vi, value: 50, low: 40, high: 60 },
        { label: long.ru, value: 72.5, low: 70, high: 75 },
        { label: long.th, value: null, low: null, high: null, missing: 'fewer than 30' },
      ],
      domain: [0, 100], format: pct, tickFormat: int,
      benchmark: { value: 75, label: 'US consumers rating grocers · Qualtrics XM Institute 2023: +30.1' },
    }),
    'lines-narrow': layoutLines({
      width: NARROW,
      categories: ['2024-Q4', '2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3'],
      series: [{ label: 'Trust', points: [60, 61, null, 63, 64, 64, 65, 66].map((value, i) => ({ x: ['2024-Q4', '2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3'][i]!, value, low: value === null ? null : value - 2, high: value === null ? null : value + 2 })) }],
      domain: [50, 70], format: int, bands: true,
      benchmark: { value: 55, label: 'US consumers rating grocers · Qualtrics XM Institute 2023: +30.1' },
    }),
    'dumbbell-narrow': layoutDumbbell({
      width: NARROW,
      rows: [
        { label: 'US consumers rating grocers · Qualtrics XM Institute 2023', company: 4.6, companyLow: -1, companyHigh: 10, benchmark: 30.1 },
        { label: 'US consumers rating consumer payment services · Qualtrics XM Institute 2022', company: 4.6, companyLow: -1, companyHigh: 10, benchmark: -6.1 },
      ],
      domain: [-20, 40], format: (v) => `${v > 0 ? '+' : ''}${v.toFixed(1)}`, tickFormat: int,
      legend: { company: 'Northwind Goods', benchmark: 'Public benchmark' },
    }),
    'scatter-narrow': layoutScatter({
      width: NARROW,
      points: [
        { label: long.ru, x: 81, y: 66, xLow: 78, xHigh: 84 },
        { label: 'Khách hàng doanh nghiệp lớn', x: 90, y: 31, flagged: true },
        { label: long.th, x: 73, y: 45 },
      ],
      xDomain: [70, 95], yDomain: [20, 80], xFormat: int, yFormat: int,
      xLabel: 'Доля объяснённой дисперсии готовности рекомендовать', yLabel: 'Retention', flagSymbol: '⚑',
      xReference: { value: 84, label: 'Company 84' }, yReference: { value: 59, label: 'Company 59' },
      highlight: { quadrant: 'bottom-right', label: 'Fix first: matters more, scores lower' },
    }),
    'dumbbell-context-narrow': layoutDumbbell({
      width: NARROW,
      rows: [
        { label: 'US consumers rating grocers · Qualtrics XM Institute 2023', company: 4.6, companyLow: -1, companyHigh: 10, benchmark: 30.1 },
        { label: 'UK consumers rating streaming services · Qualtrics XM Institute 2024', company: 4.6, companyLow: -1, companyHigh: 10, benchmark: 29, context: true },
        { label: 'Customers of US banks · Bain 2023', company: null, companyLow: null, companyHigh: null, benchmark: null, benchmarkLow: 5, benchmarkHigh: 25, benchmarkText: '5 to 25', context: true },
      ],
      domain: [-20, 40], format: (v) => `${v > 0 ? '+' : ''}${v.toFixed(1)}`, tickFormat: int,
      legend: { company: 'Northwind Goods', benchmark: 'Public benchmark', context: 'Context figure (no gap)' },
    }),
    'small-multiples-narrow': layoutSmallMultiples({
      width: NARROW,
      categories: ['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4'],
      categoryLabels: ["'25 Q1", "'25 Q2", "'25 Q3", "'25 Q4"],
      panels: [long.th, long.vi, long.ru].map((title, p) => ({ title, series: [{ label: title, points: [1, 2, p === 1 ? null : 3, 2].map((value, i) => ({ x: ['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4'][i]!, value })) }] })),
      domain: [0, 4], format: int, columns: 2, panelHeight: 130,
    }),
    'heat-narrow': layoutHeatTable({
      width: NARROW,
      rows: [{ label: '2024-Q4', cells: [48.3, 40.7, 35.2, 30.4, 26.8, 22.2, 21.4] }, { label: '2026-Q1', cells: [49.1, 41] }, { label: '2026-Q2', cells: [46] }],
      columns: ['1', '2', '3', '4', '5', '6', '7'],
      columnsTitle: 'Quarters since the first order',
      format: (v) => `${Math.round(v)}%`,
    }),
  };

  for (const [name, scene] of Object.entries(scenes)) {
    it(`${name}: no text under 12 px and none outside the chart`, () => {
      expect(scene.width).toBe(NARROW);
      for (const m of scene.marks) {
        if (m.type !== 'text') continue;
        expect(fontSize(m.class), `${m.class}: "${m.text}"`).toBeGreaterThanOrEqual(12);
        const w = textWidth(m.text, fontSize(m.class));
        const x0 = m.anchor === 'end' ? m.x - w : m.anchor === 'middle' ? m.x - w / 2 : m.x;
        expect(x0, `"${m.text}" starts inside`).toBeGreaterThanOrEqual(0);
        expect(x0 + w, `"${m.text}" ends inside`).toBeLessThanOrEqual(NARROW);
      }
    });
    it(`${name}: matches the golden SVG`, () => golden(name, scene));
  }

  it('wraps long labels by words, and Thai (no spaces) between its words', () => {
    expect(wrapText('one two three', 60, 13)).toEqual(['one two', 'three']);
    const thai = wrapText(long.th, 60, 13);
    expect(thai.length).toBeGreaterThan(1);
    expect(thai.join('')).toBe(long.th);
    for (const line of thai) expect(textWidth(line, 13)).toBeLessThanOrEqual(60);
    // คน|ทำงาน|รุ่น|ใหม่|ใน|เมือง|ใหญ่: every break falls between two words.
    expect(wrapText(long.th, 130, 12)).toEqual(['คนทำงานรุ่นใหม่ใน', 'เมืองใหญ่']);
    // A single word wider than the line is still cut by width.
    expect(wrapText('Ääääääääääääääääääää', 60, 13).every((line) => textWidth(line, 13) <= 60)).toBe(true);
  });

  it('wraps long scatter labels inside the phone chart, in every script', () => {
    const scene = scenes['scatter-narrow']!;
    const labels = byClass(scene, 'point-label') as Extract<Mark, { type: 'text' }>[];
    // Three points, each label on two lines (Russian, Vietnamese, Thai).
    expect(labels.map((m) => m.text)).toEqual(['Корпоративные', 'клиенты', '⚑ Khách hàng', 'doanh nghiệp lớn', 'คนทำงานรุ่นใหม่ใน', 'เมืองใหญ่']);
    for (const m of labels) expect(textWidth(m.text, 12)).toBeLessThanOrEqual(120);
    expect(texts(scene, 'quadrant-label').length).toBeGreaterThan(1);
  });

  it('draws a context figure hollow beside the company, with no line between them', () => {
    const scene = scenes['dumbbell-context-narrow']!;
    // One connector: the benchmark's. The context rows have none (no gap is implied).
    expect(byClass(scene, 'connector')).toHaveLength(1);
    expect(byClass(scene, 'context').filter((m) => m.type === 'diamond')).toHaveLength(2); // legend + row
    expect(byClass(scene, 'benchmark-range').map((m) => m.class)).toEqual(['benchmark-range context']);
    expect(texts(scene, 'legend')).toEqual(['Northwind Goods', 'Public benchmark', 'Context figure (no gap)']);
    expect(texts(scene, 'value-benchmark')).toEqual(['+30.1', '+29.0', '5 to 25']);
  });

  it('is shown only at its own size or larger: the stylesheet keeps it at least NARROW px wide', () => {
    expect(css).toMatch(new RegExp(`\\.chart-narrow \\.chart-svg \\{ min-width: ${NARROW}px; \\}`));
  });

  it('draws the dumbbell interval through the point, with caps, and one legend', () => {
    const scene = scenes['dumbbell-narrow']!;
    const whiskers = byClass(scene, 'whisker') as Extract<Mark, { type: 'line' }>[];
    const [dot] = byClass(scene, 'company').filter((m) => m.type === 'circle').slice(1) as Extract<Mark, { type: 'circle' }>[];
    expect(whiskers[0]!.y1).toBe(dot!.cy);
    expect(whiskers[1]!.x1).toBe(whiskers[1]!.x2);
    expect(byClass(scene, 'legend')).toHaveLength(2);
    expect(byClass(scene, 'halo').length).toBeGreaterThan(0);
  });
});

describe('heat table (cohorts)', () => {
  const scene = layoutHeatTable({
    rows: [{ label: '2024-Q4', cells: [48.3, 40.7, 21.4] }, { label: '2025-Q1', cells: [49.1, null] }],
    columns: ['1', '2', '3'],
    columnsTitle: 'Quarters since the first order',
    format: (v) => `${Math.round(v)}%`,
  });

  it('colours each cell on a sequential scale and leaves a missing cell empty', () => {
    expect(byClass(scene, 'heat')).toHaveLength(4);
    expect(heatClass(21.4, 21.4, 49.1)).toBe('heat-0');
    expect(heatClass(49.1, 21.4, 49.1)).toBe('heat-5');
    expect(texts(scene, 'heat-text')).toEqual(['48%', '41%', '21%', '49%']);
  });

  it('matches the golden SVG', () => golden('heat', scene));

  it('keeps its text at 4.5:1 or more on every step, in light and in dark mode', async () => {
    const css = await readFile(new URL('../src/styles/site.css', import.meta.url), 'utf8');
    const luminance = (hex: string) => {
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    const contrast = (a: string, b: string) => { const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x); return (hi! + 0.05) / (lo! + 0.05); };
    const dark = css.slice(css.indexOf('@media screen and (prefers-color-scheme: dark) {\n  .chart-svg .heat-0'));
    const light = css.slice(0, css.indexOf('@media screen and (prefers-color-scheme: dark) {\n  .chart-svg .heat-0'));
    for (const [mode, block, firstWhite] of [['light', light, 4], ['dark', dark, 2]] as const) {
      const fill = (step: number) => new RegExp(`\\.chart-svg \\.heat-${step} \\{ fill: (#[0-9a-f]{6}); \\}`).exec(block)![1]!;
      const text = (step: number) => (step >= firstWhite ? '#ffffff' : /\.chart-svg text\.heat-text \{ fill: (#[0-9a-f]{6})/.exec(block)![1]!);
      for (let step = 0; step < 6; step++) expect(contrast(fill(step), text(step)), `${mode} heat-${step}`).toBeGreaterThanOrEqual(4.5);
    }
    expect(dark).toContain('.chart-svg text.heat-text:is(.heat-2, .heat-3, .heat-4, .heat-5) { fill: #fff; }');
  });
});
