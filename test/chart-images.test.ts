/**
 * Chart images for slides: the standalone SVG (golden file, inlined colours, escaping), its PNG
 * (a real PNG, 1280 px wide, Thai drawn with a real font), and the catalogue of every chart the
 * site shows (ids unique and safe as file names). On a golden mismatch the new SVG is written
 * beside the golden file as `<name>-changed.svg`; set UPDATE_GOLDEN=1 to accept it.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Scene } from '../src/charts/scene.ts';
import { markStyle, standaloneSvg, STANDALONE_WIDTH, STYLED_CLASSES } from '../src/charts/standalone.ts';
import { PNG_WIDTH, renderPngUncached } from '../src/downloads/chart-png.ts';
import { loadTranslationSystem } from '../src/i18n/node.ts';
import { runDataBuild } from '../src/pipeline/run.ts';
import type { Report, ReportEstimate, ReportMetric } from '../src/schemas/report.ts';
import { chartImagePaths, chartImageSvg, chartSourceLines, SAFE_CHART_ID, siteCharts } from '../src/site/chart-catalogue.ts';
import { chartImagePath } from '../src/site/paths.ts';
import { DATA_DIR } from './helpers/data-dir.ts';
import { SEGMENT_LIST_LIMIT } from '../src/site/model.ts';

const GOLDEN = new URL('./golden/chart-images/', import.meta.url).pathname;

/** The pictures the catalogue renders for a chart (what its page links, from `SiteChart.images`). */
function chartImageFormats(report: Report, t: Parameters<typeof siteCharts>[1], id: string): string[] {
  const entry = siteCharts(report, t).find((e) => e.chart.id === id);
  if (!entry) return [];
  expect(entry.chart.images ?? ['png', 'svg']).toEqual(entry.png ? ['png', 'svg'] : ['svg']);
  return entry.png ? ['png', 'svg'] : ['svg'];
}

async function golden(name: string, svg: string) {
  await mkdir(GOLDEN, { recursive: true });
  const file = `${GOLDEN}${name}.svg`;
  const changed = `${GOLDEN}${name}-changed.svg`;
  if (process.env.UPDATE_GOLDEN === '1') await writeFile(file, svg);
  const expected = existsSync(file) ? await readFile(file, 'utf8') : '';
  if (svg !== expected) await writeFile(changed, svg);
  else await rm(changed, { force: true });
  expect(svg, `SVG differs from ${name}.svg; see ${name}-changed.svg`).toBe(expected);
}

/** A small chart by hand: a grid line and tick, two bars (one emphasised), a whisker, a benchmark, a trend line with its band. */
const scene: Scene = {
  width: 640,
  height: 120,
  marks: [
    { type: 'line', class: 'grid', x1: 100, y1: 10, x2: 100, y2: 100 },
    { type: 'line', class: 'axis-zero', x1: 60, y1: 10, x2: 60, y2: 100 },
    { type: 'text', class: 'tick', x: 100, y: 114, text: '50', anchor: 'middle' },
    { type: 'text', class: 'label', x: 52, y: 30, text: 'Families', anchor: 'end', dy: '0.32em' },
    { type: 'rect', class: 'bar', x: 60, y: 23, width: 300, height: 14 },
    { type: 'rect', class: 'bar bar-emphasis', x: 60, y: 53, width: 200, height: 14 },
    { type: 'line', class: 'whisker', x1: 340, y1: 30, x2: 380, y2: 30 },
    { type: 'diamond', class: 'benchmark', cx: 420, cy: 12, r: 5 },
    { type: 'text', class: 'benchmark-label', x: 430, y: 12, text: 'Pew 2019', dy: '0.32em' },
    { type: 'path', class: 'band series-0', d: 'M60,90L600,80L600,95L60,100Z' },
    { type: 'path', class: 'line series-0', d: 'M60,95L600,88' },
    { type: 'text', class: 'series-label series-1', x: 600, y: 70, text: 'Trust', dy: '0.32em' },
    { type: 'text', class: 'value halo', x: 365, y: 30, text: '72.1 %', dy: '0.32em' },
  ],
};

const options = {
  locale: 'en',
  title: 'Trust index by customer segment, 2026-Q3',
  description: 'Bars for two segments.',
  source: ['Source: Northwind Goods, reporting period 1 October 2024 to 30 September 2026.', 'Public figures: Pew Research Center 2019.'],
};

describe('the standalone SVG', () => {
  const svg = standaloneSvg(scene, options);

  it('matches the golden file', () => golden('bars-en', svg));

  it('carries its title, source, language and a white background, 640 units wide', () => {
    expect(svg).toContain(`width="${STANDALONE_WIDTH}"`);
    expect(svg).toContain('xml:lang="en" lang="en"');
    expect(svg).toContain('<title id="chart-title">Trust index by customer segment, 2026-Q3</title>');
    expect(svg).toContain('<desc id="chart-desc">Bars for two segments.</desc>');
    expect(svg).toMatch(/<rect x="0" y="0" width="640" height="\d+" fill="#ffffff"\/>/);
    expect(svg).toContain('>Trust index by customer segment, 2026-Q3</text>');
    // The source line is wrapped to the width: its words all appear, in order, in the last texts.
    const texts = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
    expect(texts.slice(-2)).toEqual(options.source);
    expect(svg).toContain("font-family=\"&apos;Noto Sans&apos;, &apos;Noto Sans Thai&apos;");
  });

  it('needs no stylesheet: colours are written on the marks, no CSS variables, no classes, no external references', () => {
    expect(svg).not.toContain('var(');
    expect(svg).not.toContain('class=');
    expect(svg).not.toMatch(/href=|url\(|<style|<image/);
    expect(svg).toContain('fill="#0063a6" opacity="0.85"'); // the company's bar
    expect(svg).toContain('fill="#a3242b"'); // the emphasised bar
    expect(svg).toContain('stroke="#e2e4df"'); // grid
    expect(svg).toContain('fill="#b83d00" stroke="#ffffff"'); // benchmark diamond
  });

  it('resolves classes as the stylesheet cascades them', () => {
    expect(markStyle('line series-0', false)).toMatchObject({ fill: 'none', stroke: '#0063a6', 'stroke-width': '2.2' });
    // As on the site: .series-0 comes after .band in the stylesheet, so the band keeps its hue's stroke.
    expect(markStyle('band series-0', false)).toMatchObject({ fill: '#0063a6', stroke: '#0063a6', opacity: '0.18' });
    expect(markStyle('series-label series-1', true)).toMatchObject({ stroke: 'none', 'font-weight': '600' });
    expect(markStyle('heat-text heat-5', true)).toMatchObject({ fill: '#ffffff' });
    expect(markStyle('point flagged', false)).toMatchObject({ fill: '#a3242b' });
    expect(markStyle('quadrant band bar-emphasis', false)).toMatchObject({ fill: '#a3242b', opacity: '0.07' });
    expect(markStyle('label', true)).toEqual({ fill: '#1d2125' });
    expect(markStyle('benchmark context', false)).toMatchObject({ fill: '#ffffff', stroke: '#5a6169' });
  });

  it('styles every chart class the site stylesheet styles (keep src/charts/standalone.ts in step with it)', async () => {
    const css = [await readFile(new URL('../src/styles/site.css', import.meta.url), 'utf8'), await readFile(new URL('../src/components/Chart.astro', import.meta.url), 'utf8')].join('\n');
    // Class names in `.chart-svg …` selectors (the chart frame classes and `.chart-svg` itself aside).
    const classes = new Set([...css.matchAll(/\.chart-svg\b[^{,]*/g)].flatMap((m) => [...m[0].matchAll(/\.([a-z][a-z0-9-]*)/g)].map((c) => c[1]!)));
    for (const cls of ['chart-svg', 'chart-narrow', 'chart-wide']) classes.delete(cls);
    expect([...classes].filter((cls) => !STYLED_CLASSES.has(cls) && !/^series-\d$|^heat-\d$/.test(cls))).toEqual([]);
  });

  it('escapes every text: a title or label cannot become markup', () => {
    const hostile = standaloneSvg(
      { ...scene, marks: [{ type: 'text', class: 'label', x: 10, y: 10, text: '<script>alert(1)</script> & "x"' }] },
      { ...options, title: 'Trust <script>alert(1)</script> & more', description: 'a < b & c', source: ['Tom & Jerry <b>'] },
    );
    expect(hostile).not.toContain('<script');
    expect(hostile).not.toContain('<b>');
    expect(hostile).toContain('<title id="chart-title">Trust &lt;script&gt;alert(1)&lt;/script&gt; &amp; more</title>');
    expect(hostile).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;');
    expect(hostile).toContain('Tom &amp; Jerry &lt;b&gt;');
  });

  it('gives Thai and symbol runs their own font when a text mixes scripts (resvg draws no fallback glyphs)', () => {
    const mixed = standaloneSvg(scene, { ...options, locale: 'th', title: 'ความพึงพอใจ (CSAT) →' });
    expect(mixed).toContain('xml:lang="th" lang="th"');
    expect(mixed).toMatch(/<text [^>]*><tspan font-family="&apos;Noto Sans Thai&apos;[^"]*">ความพึงพอใจ \(<\/tspan>CSAT\) <tspan font-family="&apos;Noto Sans Symbols&apos;[^"]*">→<\/tspan><\/text>/);
    // A text of one script names its font on the text itself; Latin text inherits Noto Sans.
    const thai = standaloneSvg(scene, { ...options, locale: 'th', title: 'ดัชนีความไว้วางใจ 2569' });
    expect(thai).toMatch(/font-family="&apos;Noto Sans Thai&apos;[^"]*">ดัชนีความไว้วางใจ 2569<\/text>/);
    expect(standaloneSvg(scene, options)).not.toContain('<tspan');
  });
});

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Buffer): { width: number; height: number } {
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('the PNG', () => {
  it('is a PNG at twice the SVG width (1280 px)', () => {
    const png = renderPngUncached(standaloneSvg(scene, options));
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.toString('latin1', 12, 16)).toBe('IHDR');
    expect(PNG_WIDTH).toBe(1280);
    expect(pngSize(png).width).toBe(1280);
  });

  it('draws Thai with a real font: different Thai letters give different pictures (missing glyphs would all be the same box)', () => {
    const draw = (title: string) => renderPngUncached(standaloneSvg({ ...scene, marks: [] }, { ...options, locale: 'th', title, source: [] }));
    const blank = draw('');
    const one = draw('กขคงจฉ');
    const other = draw('ฉจงคขก');
    expect(one.equals(blank)).toBe(false);
    expect(one.equals(other)).toBe(false);
  });

  it('draws arrows and the flag with a real font too', () => {
    const draw = (title: string) => renderPngUncached(standaloneSvg({ ...scene, marks: [] }, { ...options, title, source: [] }));
    expect(draw('→ ⚑').equals(draw('↑ ⚑'))).toBe(false);
    expect(draw('⚑ →').equals(draw('⚐ →'))).toBe(false);
  });
});

describe('the chart catalogue on the demo report', () => {
  let report: Report;
  const system = loadTranslationSystem();
  beforeAll(async () => {
    const result = await runDataBuild({ dataDir: DATA_DIR, today: '2026-11-23' });
    if (!result.report) throw new Error(`the demo data does not build: ${JSON.stringify(result.issues.slice(0, 3))}`);
    report = result.report;
  }, 120_000);

  it('lists every chart once per locale, with unique ids that are safe as file names', async () => {
    const ts = await system;
    for (const locale of report.company.locales) {
      const entries = siteCharts(report, ts.translator(locale));
      const ids = entries.map((e) => e.chart.id);
      expect(new Set(ids).size, locale).toBe(ids.length);
      for (const id of ids) {
        expect(id).toMatch(SAFE_CHART_ID);
        expect(encodeURIComponent(id)).toBe(id);
        expect(chartImagePath(locale, id, 'png')).toBe(`/${locale}/charts/${id}.png`);
      }
      // The overview's charts, a metric's, a segment's and the cohorts are all there.
      for (const id of ['trust_index-trend', 'dimensions', 'drivers', 'say-vs-do', 'csat-segments', 'csat-segment-trends', 'cohorts', `segment-${report.company.segments[0]!.id}-dimensions`]) {
        expect(ids, `${locale}: ${id}`).toContain(id);
      }
    }
    // A few segments: every chart has its PNG and its SVG, and a page links both.
    const count = report.company.locales.length * siteCharts(report, ts.translator('en')).length;
    const translator = (locale: string) => ts.translator(locale);
    expect(chartImagePaths(report, translator, 'svg')).toHaveLength(count);
    expect(chartImagePaths(report, translator, 'png')).toHaveLength(count);
    const svg = chartImagePaths(report, translator, 'svg').find((p) => p.params.locale === 'th' && p.params.chart === 'say-vs-do')!.props.svg();
    expect(svg).toContain('xml:lang="th"');
    expect(chartImageFormats(report, ts.translator('en'), 'say-vs-do')).toEqual(['png', 'svg']);
    expect(chartImageFormats(report, ts.translator('en'), `segment-${report.company.segments[0]!.id}-dimensions`)).toEqual(['png', 'svg']);
  });

  it('writes the source line from the report, in the locale', async () => {
    const ts = await system;
    const en = ts.translator('en');
    const entry = siteCharts(report, en).find((e) => e.chart.id === 'trust_index-trend')!;
    expect(report.asOf).toBe(report.company.reportingPeriod.end);
    expect(chartSourceLines(report, entry, en)).toEqual(['Source: Northwind Goods, reporting period 1 October 2024 to 30 September 2026.']);
    const later = { ...report, asOf: '2026-11-15' };
    expect(chartSourceLines(later, entry, en)).toEqual(['Source: Northwind Goods, reporting period 1 October 2024 to 30 September 2026. Figures as of 15 November 2026.']);
    // A chart drawing public figures credits their publishers on a second line.
    const withFigures = siteCharts(report, en).filter((e) => e.benchmarks.length > 0);
    expect(withFigures.length).toBeGreaterThan(0);
    for (const e of withFigures) {
      const lines = chartSourceLines(report, e, en);
      expect(lines).toHaveLength(2);
      expect(lines[1]).toMatch(/^Public figures: .+\.$/);
      for (const s of e.benchmarks) expect(lines[1]).toContain(s.publisher);
    }
    const th = ts.translator('th');
    const thaiEntry = siteCharts(report, th).find((e) => e.chart.id === 'trust_index-trend')!;
    expect(chartSourceLines(report, thaiEntry, th)[0]).toMatch(/^ที่มา: Northwind Goods ช่วงรายงาน /);
    const svg = chartImageSvg(report, thaiEntry, th);
    expect(svg).toContain('xml:lang="th"');
    expect(svg).not.toContain('var(');
  });
});

// The many-segments report of test/site-scale.test.ts (segments, two metrics, say-vs-do, drivers).
const WAVES = ['2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3'];
const id = (k: number) => `seg-${String(k + 1).padStart(4, '0')}`;

const estimate = (wave: string | null, segment: string | null, value: number | null, n = 200): ReportEstimate => ({
  wave, segment, tier: null, value, low: value === null ? null : value - 3, high: value === null ? null : value + 3,
  se: null, n: value === null ? null : n, nEffective: null, suppressed: value === null ? 'small_cell' : null,
});

/** A report model with `count` segments: every seventh segment too small to publish. */
function manySegmentsReport(count: number): Report {
  const segments = Array.from({ length: count }, (_, k) => ({ id: id(k), labels: { en: `Segment ${k + 1}`, fi: `Segmentti ${k + 1}` } }));
  const value = (k: number, w: number) => (k % 7 === 3 ? null : 60 + ((k * 37) % 31) + w);
  const metric = (metricId: string, kind: ReportMetric['kind']): ReportMetric => ({
    id: metricId, source: 'survey', kind, better: 'higher', census: false, dimension: null, group: null, fromKpis: false,
    result: {
      latest: estimate(WAVES.at(-1)!, null, 75, 5000),
      byWave: WAVES.map((w, i) => estimate(w, null, 72 + i, 5000)),
      bySegment: segments.map((s, k) => estimate(WAVES.at(-1)!, s.id, value(k, 3))),
      bySegmentWave: segments.flatMap((s, k) => WAVES.map((w, i) => estimate(w, s.id, value(k, i)))),
    },
    comparisons: [],
    changes: { sinceFirst: null, sincePrevious: null },
    segmentDifferences: segments.flatMap((s, k) => (value(k, 3) === null ? [] : [{
      segment: s.id, versus: 'rest' as const, difference: value(k, 3)! - 75, low: null, high: null, p: 0.01, pAdjusted: 0.02, threshold: null, holds: true,
      verdict: value(k, 3)! > 75 ? 'better' as const : 'worse' as const,
    }])),
    noComparison: 'no_public_benchmark',
  });
  const sayVsDo = segments.map((s, k) => ({
    segment: s.id, nps: estimate(null, s.id, 10), csat: estimate(null, s.id, value(k, 3)), retention: estimate(null, s.id, 40 + (k % 50)),
    repeat: estimate(null, s.id, 50), satisfiedNotLoyal: k % 5 === 0,
  }));
  return {
    company: { name: 'Many Segments Ltd', locales: ['en', 'fi'], defaultLocale: 'en', minimumCellSize: 30, segments },
    waves: WAVES,
    metrics: [metric('csat', 'share'), metric('trust_index', 'index')],
    sayVsDo,
    drivers: {
      outcome: 'recommend_0_10', method: 'shapley_r2', wave: WAVES.at(-1)!, resamples: 100,
      groups: [
        { segment: null, n: 5000, suppressed: null, r2: 0.4, dimensions: [{ metric: 'trust_index', share: 100, low: 90, high: 100 }] },
        ...segments.map((s) => ({ segment: s.id, n: null, suppressed: 'small_cell' as const, r2: null, dimensions: [] })),
      ],
    },
    library: { staleAfterYears: 7, sources: [], statistics: [] },
    guidance: [],
    recommendations: [],
  } as unknown as Report;
}

describe('the chart catalogue with many segments', () => {
  it('offers each segment\'s own charts as SVG only, so the PNGs rendered do not grow with the segments', async () => {
    const t = (await loadTranslationSystem()).translator('en');
    // With the trust index as a trust dimension, every segment page has its dimensions chart.
    const withDimension = (segments: number) => {
      const report = manySegmentsReport(segments);
      report.metrics[1]!.dimension = 'trust';
      return report;
    };
    const count = (segments: number) => {
      const entries = siteCharts(withDimension(segments), t);
      return { all: entries.length, png: entries.filter((e) => e.png).length };
    };
    const few = count(6);
    expect(few.png).toBe(few.all);
    const many = count(SEGMENT_LIST_LIMIT + 1);
    const more = count(400);
    expect(more.png).toBe(many.png);
    expect(more.all).toBeGreaterThan(many.all);
    const report = withDimension(400);
    expect(chartImageFormats(report, t, 'segment-seg-0001-dimensions')).toEqual(['svg']);
    expect(chartImageFormats(report, t, 'csat-segments')).toEqual(['png', 'svg']);
  });
});
