/**
 * A chart as a self-contained SVG file, for slide decks: the wide layout with its title above and
 * its source below, on a white background, every colour written on the mark itself (the light
 * theme of the site stylesheet, resolved here), so the file needs no stylesheet, no CSS variables
 * and nothing outside itself. The PNG downloads are rendered from this file (`src/downloads/chart-png.ts`).
 *
 * Every text goes through `escapeXml`, like the inline charts: a label from a data file cannot
 * become markup.
 */
import { wrapText } from './axis.ts';
import { round, type Mark, type Scene } from './scene.ts';
import { escapeXml } from './svg.ts';

/** The file's width in SVG units; PNGs are rendered at twice this (1280 px). */
export const STANDALONE_WIDTH = 640;

/**
 * Font stacks. Noto Sans covers Latin (with Vietnamese) and Cyrillic, Noto Sans Thai covers Thai,
 * Noto Sans Symbols the arrows and the flag: the PNG renderer ships all three, and a viewer of the
 * SVG falls back to the system's sans-serif.
 */
export const FONT_FAMILY = "'Noto Sans', 'Noto Sans Thai', system-ui, -apple-system, 'Segoe UI', sans-serif";
export const THAI_FONT_FAMILY = "'Noto Sans Thai', 'Noto Sans', system-ui, -apple-system, 'Segoe UI', sans-serif";
export const SYMBOL_FONT_FAMILY = "'Noto Sans Symbols', 'Noto Sans', system-ui, -apple-system, 'Segoe UI', sans-serif";

/** The light theme of `src/styles/site.css` (the chart colours are the Okabe-Ito hues), on white. */
export const LIGHT = {
  bg: '#ffffff',
  fg: '#1d2125',
  muted: '#5a6169',
  company: '#0063a6',
  benchmark: '#b83d00',
  emphasis: '#a3242b',
  grid: '#e2e4df',
  axis: '#6b7178',
  series: ['#0063a6', '#b86e00', '#007a5a', '#a4487e', '#2f8fc7', '#b83d00', '#5c5c5c', '#7a6a00'],
  heat: ['#e8f1f8', '#c6dcef', '#9cc3e4', '#5d9bcf', '#2f73b0', '#0d4a86'],
} as const;

/** `color-mix(in srgb, a p%, b)`, as the stylesheet uses it for series hues written as text. */
function mix(a: string, b: string, p: number): string {
  const channels = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  const [ca, cb] = [channels(a), channels(b)];
  return `#${ca.map((v, i) => Math.round(v * p + cb[i]! * (1 - p)).toString(16).padStart(2, '0')).join('')}`;
}

type Style = Partial<Record<'fill' | 'stroke' | 'stroke-width' | 'stroke-dasharray' | 'stroke-linejoin' | 'opacity' | 'paint-order' | 'font-size' | 'font-weight' | 'font-style', string>>;

interface Rule {
  /** Every class the mark must carry. */
  classes: string[];
  /** Only text marks (`text.foo` in the stylesheet). */
  text?: boolean;
  /** A class starting with this (`[class*="series-"]`). */
  classPrefix?: string;
  style: Style;
}

const halo: Style = { 'paint-order': 'stroke', stroke: LIGHT.bg, 'stroke-width': '3', 'stroke-linejoin': 'round' };

/**
 * The chart rules of `src/styles/site.css` and `src/components/Chart.astro`, in source order and
 * with the light theme's values: a mark takes every rule it matches, the more specific winning,
 * then the later (the CSS cascade). Keep in step with the stylesheet when a class is added.
 */
const RULES: Rule[] = [
  { classes: [], text: true, style: { fill: LIGHT.fg } },
  { classes: ['tick'], style: { fill: LIGHT.muted, 'font-size': '12' } },
  { classes: ['value'], style: { 'font-size': '12' } },
  { classes: ['value-benchmark'], style: { fill: LIGHT.benchmark, 'font-size': '12' } },
  { classes: ['benchmark-label'], style: { fill: LIGHT.benchmark, 'font-size': '12' } },
  { classes: ['missing'], style: { fill: LIGHT.muted, 'font-style': 'italic', 'font-size': '12' } },
  { classes: ['legend'], style: { 'font-size': '12', fill: LIGHT.muted } },
  { classes: ['axis-label'], style: { 'font-size': '12', fill: LIGHT.muted } },
  { classes: ['panel-title'], style: { 'font-weight': '600', 'font-size': '12.5' } },
  { classes: ['grid'], style: { stroke: LIGHT.grid, 'stroke-width': '1' } },
  { classes: ['axis-zero'], style: { stroke: LIGHT.axis, 'stroke-width': '1' } },
  { classes: ['bar'], style: { fill: LIGHT.company, opacity: '0.85' } },
  { classes: ['bar-emphasis'], style: { fill: LIGHT.emphasis } },
  { classes: ['whisker'], style: { stroke: LIGHT.fg, 'stroke-width': '1.4' } },
  { classes: ['benchmark'], style: { fill: LIGHT.benchmark, stroke: LIGHT.bg, 'stroke-width': '1' } },
  { classes: ['benchmark-line'], style: { stroke: LIGHT.benchmark, 'stroke-width': '1.6', 'stroke-dasharray': '5 3' } },
  { classes: ['benchmark-range'], style: { fill: LIGHT.benchmark, opacity: '0.3' } },
  // A context figure (no gap): a hollow diamond or an outlined range in the muted colour.
  { classes: ['benchmark', 'context'], style: { fill: LIGHT.bg, stroke: LIGHT.muted, 'stroke-width': '1.6' } },
  { classes: ['benchmark-range', 'context'], style: { fill: LIGHT.muted, opacity: '0.25', stroke: LIGHT.muted, 'stroke-width': '1' } },
  { classes: ['value-benchmark', 'context'], text: true, style: { fill: LIGHT.muted, 'font-style': 'italic' } },
  { classes: ['company'], style: { fill: LIGHT.company, stroke: LIGHT.bg, 'stroke-width': '1' } },
  { classes: ['connector'], style: { stroke: LIGHT.axis, 'stroke-width': '2' } },
  { classes: ['line'], style: { fill: 'none', 'stroke-width': '2.2', 'stroke-linejoin': 'round' } },
  { classes: ['band'], style: { stroke: 'none', opacity: '0.18' } },
  { classes: ['gap-mark'], style: { stroke: LIGHT.emphasis, 'stroke-width': '2' } },
  { classes: ['point'], style: { stroke: LIGHT.bg, 'stroke-width': '1' } },
  { classes: ['point', 'flagged'], style: { fill: LIGHT.emphasis } },
  { classes: ['point-label'], style: { 'font-size': '12' } },
  { classes: ['point-label', 'flagged'], style: { fill: LIGHT.emphasis, 'font-weight': '650' } },
  { classes: ['series-label'], style: { 'font-size': '12', 'font-weight': '600' } },
  ...LIGHT.series.map((hue, i): Rule => ({ classes: [`series-${i}`], style: { stroke: hue, fill: hue } })),
  { classes: ['line', 'series-0'], style: { fill: 'none' } },
  { classes: ['line'], classPrefix: 'series-', style: { fill: 'none' } },
  { classes: ['series-label'], text: true, style: { stroke: 'none' } },
  { classes: ['halo'], text: true, style: halo },
  { classes: ['legend-swatch'], style: { 'stroke-width': '3' } },
  { classes: ['series-1'], text: true, style: { fill: mix(LIGHT.series[1], LIGHT.fg, 0.75) } },
  { classes: ['series-4'], text: true, style: { fill: mix(LIGHT.series[4], LIGHT.fg, 0.75) } },
  ...LIGHT.heat.map((fill, i): Rule => ({ classes: [`heat-${i}`], style: { fill } })),
  { classes: ['heat-text'], text: true, style: { fill: '#1d2125', 'font-size': '12.5' } },
  { classes: ['heat-text', 'heat-4'], text: true, style: { fill: '#ffffff' } },
  { classes: ['heat-text', 'heat-5'], text: true, style: { fill: '#ffffff' } },
  // Chart.astro's global styles (scatter extras).
  { classes: ['reference-line'], style: { 'stroke-dasharray': '5 3' } },
  { classes: ['band', 'quadrant'], style: { opacity: '0.07' } },
  { classes: ['quadrant-label'], style: { fill: LIGHT.emphasis, 'font-size': '12', 'font-weight': '600' } },
  { classes: ['point-label'], style: halo },
  { classes: ['reference-label'], style: halo },
  { classes: ['quadrant-label'], style: halo },
];

/** Every class some rule styles: a test checks the stylesheet's chart classes against it. */
export const STYLED_CLASSES: ReadonlySet<string> = new Set(RULES.flatMap((rule) => rule.classes));

const specificity = (rule: Rule) => rule.classes.length * 10 + (rule.classPrefix ? 10 : 0) + (rule.text ? 1 : 0);
const ORDERED = RULES.map((rule, order) => ({ rule, order })).sort((a, b) => specificity(a.rule) - specificity(b.rule) || a.order - b.order);

/** The presentation attributes a mark of these classes gets from the light theme. */
export function markStyle(classNames: string, isText: boolean): Style {
  const classes = new Set(classNames.split(/\s+/).filter(Boolean));
  const style: Style = {};
  for (const { rule } of ORDERED) {
    if (rule.text && !isText) continue;
    if (!rule.classes.every((c) => classes.has(c))) continue;
    if (rule.classPrefix && ![...classes].some((c) => c.startsWith(rule.classPrefix!))) continue;
    Object.assign(style, rule.style);
  }
  // SVG's defaults differ from nothing-set: a shape without a fill is black, a line without a stroke invisible.
  return style;
}

function attributes(style: Style): string {
  return Object.entries(style).map(([name, value]) => ` ${name}="${escapeXml(value)}"`).join('');
}

type Script = 'thai' | 'symbol' | 'base';

/** Thai letters; arrows and miscellaneous symbols (↑ → ⚑), which Noto Sans lacks; spaces, digits and punctuation go with their neighbours. */
function scriptOf(ch: string): Script | null {
  if (/[\u0E00-\u0E7F]/.test(ch)) return 'thai';
  if (/[\u2190-\u21FF\u2600-\u26FF]/.test(ch)) return 'symbol';
  if (/[\s\d\p{P}\p{Zs}]/u.test(ch)) return null;
  return 'base';
}

const RUN_FAMILY: Record<Exclude<Script, 'base'>, string> = { thai: THAI_FONT_FAMILY, symbol: SYMBOL_FONT_FAMILY };

/**
 * A text's content, split into runs by script: a Thai run or a symbol run gets a span with its
 * font first, because a renderer that takes one font per text (resvg) draws no fallback glyphs.
 * A text of one script gets its font on the text element instead (`family`).
 */
function textContent(text: string): { content: string; family: string } {
  const runs: { script: Script | null; text: string }[] = [];
  for (const ch of text) {
    const script = scriptOf(ch);
    const last = runs.at(-1);
    if (last && (script === null || last.script === script)) last.text += ch;
    // Leading spaces, digits and punctuation take the script of what follows them.
    else if (last && last.script === null) Object.assign(last, { script, text: last.text + ch });
    else runs.push({ script, text: ch });
  }
  if (runs.length <= 1) {
    const script = runs[0]?.script ?? 'base';
    return { content: escapeXml(text), family: script === 'base' ? '' : ` font-family="${escapeXml(RUN_FAMILY[script])}"` };
  }
  const content = runs
    .map((run) => (run.script === 'base' || run.script === null ? escapeXml(run.text) : `<tspan font-family="${escapeXml(RUN_FAMILY[run.script])}">${escapeXml(run.text)}</tspan>`))
    .join('');
  return { content, family: '' };
}

function drawText(x: number, y: number, text: string, extra: string): string {
  const { content, family } = textContent(text);
  return `<text x="${round(x)}" y="${round(y)}"${extra}${family}>${content}</text>`;
}

function drawMark(mark: Mark): string {
  const style = attributes(markStyle(mark.class, mark.type === 'text'));
  switch (mark.type) {
    case 'rect':
      return `<rect x="${round(mark.x)}" y="${round(mark.y)}" width="${round(Math.max(0, mark.width))}" height="${round(Math.max(0, mark.height))}"${style}/>`;
    case 'line':
      return `<line x1="${round(mark.x1)}" y1="${round(mark.y1)}" x2="${round(mark.x2)}" y2="${round(mark.y2)}"${style}/>`;
    case 'path':
      return `<path d="${escapeXml(roundPath(mark.d))}"${style}/>`;
    case 'circle':
      return `<circle cx="${round(mark.cx)}" cy="${round(mark.cy)}" r="${round(mark.r)}"${style}/>`;
    case 'diamond': {
      const { cx, cy, r } = mark;
      return `<path d="M${round(cx)},${round(cy - r)}L${round(cx + r)},${round(cy)}L${round(cx)},${round(cy + r)}L${round(cx - r)},${round(cy)}Z"${style}/>`;
    }
    case 'text': {
      const anchor = mark.anchor && mark.anchor !== 'start' ? ` text-anchor="${mark.anchor}"` : '';
      const dy = mark.dy ? ` dy="${escapeXml(mark.dy)}"` : '';
      return drawText(mark.x, mark.y, mark.text, `${anchor}${dy}${style}`);
    }
  }
}

/** As `svg.ts` does: one decimal keeps the file small and golden files stable. */
function roundPath(d: string): string {
  return d.replace(/-?\d+(?:\.\d+)?(?:e-?\d+)?/g, (n) => String(round(Number(n))));
}

export interface StandaloneOptions {
  /** BCP 47 language of every text in the file. */
  locale: string;
  title: string;
  /** What the chart shows, for screen readers (the file's `<desc>`). */
  description: string;
  /** The source: who and when, then any benchmark sources; each wrapped to the width. */
  source: string[];
}

const MARGIN = 16;
const TITLE_SIZE = 17;
const TITLE_LINE = 22;
const SOURCE_SIZE = 11;
const SOURCE_LINE = 15;
/** The scene is drawn a little smaller, so marks at its edges keep a margin inside the white. */
const SCALE = (STANDALONE_WIDTH - 2 * MARGIN) / STANDALONE_WIDTH;

/** The standalone SVG of a chart's wide layout (`scene`), `STANDALONE_WIDTH` units wide. */
export function standaloneSvg(scene: Scene, options: StandaloneOptions): string {
  const width = STANDALONE_WIDTH;
  const inner = width - 2 * MARGIN;
  // The title wraps like the chart labels do (estimated widths, erring wide), at its own size.
  const titleLines = wrapText(options.title, inner, TITLE_SIZE);
  const sourceLines = options.source.flatMap((line) => wrapText(line, inner, SOURCE_SIZE));
  const scale = Math.min(SCALE, inner / scene.width);
  const titleTop = MARGIN + TITLE_SIZE;
  const sceneTop = MARGIN + titleLines.length * TITLE_LINE + 10;
  const sceneHeight = scene.height * scale;
  const sourceTop = sceneTop + sceneHeight + 14 + SOURCE_SIZE;
  const height = Math.ceil(sourceTop + (sourceLines.length - 1) * SOURCE_LINE + MARGIN);
  const lang = escapeXml(options.locale);
  const lines = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" xml:lang="${lang}" lang="${lang}" role="img" aria-labelledby="chart-title chart-desc" font-family="${escapeXml(FONT_FAMILY)}" font-size="13">`,
    `<title id="chart-title">${escapeXml(options.title)}</title>`,
    `<desc id="chart-desc">${escapeXml(options.description)}</desc>`,
    `<rect x="0" y="0" width="${width}" height="${height}" fill="${LIGHT.bg}"/>`,
    ...titleLines.map((line, i) => drawText(MARGIN, titleTop + i * TITLE_LINE, line, ` font-size="${TITLE_SIZE}" font-weight="600" fill="${LIGHT.fg}"`)),
    `<g transform="translate(${round(MARGIN + (inner - scene.width * scale) / 2)} ${round(sceneTop)}) scale(${Math.round(scale * 10000) / 10000})">`,
    ...scene.marks.map(drawMark),
    '</g>',
    ...sourceLines.map((line, i) => drawText(MARGIN, sourceTop + i * SOURCE_LINE, line, ` font-size="${SOURCE_SIZE}" fill="${LIGHT.muted}"`)),
    '</svg>',
  ];
  return `${lines.join('\n')}\n`;
}
