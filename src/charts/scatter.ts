/**
 * Scatter plots: one point per item, x against y. Used for say versus do (one point per segment,
 * satisfaction against retention) and for key drivers (one point per trust dimension, share of
 * the explained variance against the score). Optional extras: intervals as whiskers, point sizes,
 * labelled reference lines (e.g. the company average) dividing the plot into quadrants, and one
 * quadrant marked with a subtle label. Every point is labelled directly; labels are nudged so
 * they stay inside the plot and do not overlap each other, the points or the reference labels.
 * Flagged points carry a symbol in their label as well as a colour.
 */
import { scaleLinear } from 'd3';
import { bottomAxis, leftAxis, NARROW_MAX, textWidth, wrapText, type NumberFormat } from './axis.ts';
import type { Anchor, Mark, Scene } from './scene.ts';

export interface ScatterPoint {
  label: string;
  x: number;
  y: number;
  flagged?: boolean;
  /** 95 % interval of x, drawn as a horizontal whisker. */
  xLow?: number | null;
  xHigh?: number | null;
  /** 95 % interval of y, drawn as a vertical whisker. */
  yLow?: number | null;
  yHigh?: number | null;
  /** Radius in px (default 5.5): e.g. area scaled to the number of answers. */
  r?: number;
}

/** A reference value drawn as a dashed line across the plot, with its label. */
export interface ScatterReference {
  value: number;
  label: string;
}

/** Which quadrant (split by the two reference lines) gets the highlight. */
export type Quadrant = 'top-left' | 'top-right' | 'bottom-left' | 'bottom-right';

export interface ScatterInput {
  points: ScatterPoint[];
  xDomain: [number, number];
  yDomain: [number, number];
  xFormat: NumberFormat;
  yFormat: NumberFormat;
  xLabel: string;
  yLabel: string;
  /** Symbol put before a flagged point's label. */
  flagSymbol?: string;
  /** Vertical reference line at an x value (e.g. the company's satisfaction). */
  xReference?: ScatterReference;
  /** Horizontal reference line at a y value (e.g. the company's retention). */
  yReference?: ScatterReference;
  /** A quadrant shaded lightly and labelled in its corner; needs both references. */
  highlight?: { quadrant: Quadrant; label: string };
  width?: number;
  height?: number;
}

export const POINT_RADIUS = 5.5;
const LABEL_SIZE = 12;
/** Half the height of a 12 px label set with dy 0.32em around its y. */
const HALF_LINE = 7;
const HALF_LINE_THAI = 9;
/** Vertical step when a label is nudged away from a neighbour. */
const NUDGE = 14;
/** Line step of a label wrapped onto several lines (phone layouts). */
const LABEL_LINE = 14;
/** Phone layouts: the widest a point label may be before it wraps. */
const NARROW_LABEL_MAX = 120;

/** A box in chart coordinates. */
export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface LabelRequest {
  text: string;
  /** The label wrapped onto lines (default: `text` on one line); the box is centred on y. */
  lines?: string[];
  cx: number;
  cy: number;
  r: number;
  /** Top and bottom of the point's vertical whisker, if any: labels above or below clear it. */
  top?: number;
  bottom?: number;
}

export interface PlacedLabel {
  x: number;
  y: number;
  anchor: Anchor;
  box: Box;
  /** Moved up or down from beside its point: a leader line joins them. */
  nudged: boolean;
}

/** The box of a label of one line (a string) or of several (centred on y). */
export function labelBox(x: number, y: number, anchor: Anchor, text: string | string[]): Box {
  const lines = typeof text === 'string' ? [text] : text;
  const w = Math.max(...lines.map((line) => textWidth(line, LABEL_SIZE)));
  // Thai stacks vowels and tone marks above and below its letters: its lines need more room.
  const half = (/[\u0E00-\u0E7F]/.test(lines.join('')) ? HALF_LINE_THAI : HALF_LINE) + ((lines.length - 1) * LABEL_LINE) / 2;
  const x0 = anchor === 'end' ? x - w : anchor === 'middle' ? x - w / 2 : x;
  return { x0, y0: y - half, x1: x0 + w, y1: y + half };
}

/** Text marks for a label of one or more lines centred on y. */
function labelMarks(lines: string[], x: number, y: number, anchor: Anchor, cls: string): Mark[] {
  return lines.map((text, i): Mark => ({ type: 'text', class: cls, x, y: y + (i - (lines.length - 1) / 2) * LABEL_LINE, text, anchor, dy: '0.32em' }));
}

export function overlap(a: Box, b: Box): number {
  const w = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
  const h = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
  return w > 0 && h > 0 ? w * h : 0;
}

const inside = (b: Box, area: Box) => b.x0 >= area.x0 && b.x1 <= area.x1 && b.y0 >= area.y0 && b.y1 <= area.y1;

/**
 * Places one label per point, in order. Candidates: beside the point on the side with room (right
 * first), then the other side, diagonally above and below, straight above and below (clear of a
 * vertical whisker), then beside but nudged up or down in 14 px steps. Each candidate inside `area`
 * costs its overlap with hard obstacles (labels placed before, points, `obstacles`: never
 * accepted while a clear candidate exists), its overlap with soft ones (`soft`: whiskers, which
 * a label may touch but should not run along), and its distance from the point; the cheapest wins.
 */
export function placeLabels(requests: LabelRequest[], area: Box, obstacles: Box[] = [], soft: Box[] = []): PlacedLabel[] {
  const points: Box[] = requests.map((p) => ({ x0: p.cx - p.r, y0: p.cy - p.r, x1: p.cx + p.r, y1: p.cy + p.r }));
  const placed: PlacedLabel[] = [];
  requests.forEach((p, i) => {
    const gap = p.r + 3.5;
    const lines = p.lines ?? [p.text];
    // Half the height a wrapped label adds: its box moves that much further above or below.
    const extra = ((lines.length - 1) * LABEL_LINE) / 2;
    const rightFirst = p.cx + gap + Math.max(...lines.map((line) => textWidth(line, LABEL_SIZE))) <= area.x1;
    type Candidate = Omit<PlacedLabel, 'box'> & { penalty: number };
    const pair = (right: Omit<Candidate, 'anchor'>, left: Omit<Candidate, 'anchor'>): Candidate[] => {
      const r: Candidate = { ...right, anchor: 'start' };
      const l: Candidate = { ...left, anchor: 'end' };
      return rightFirst ? [r, l] : [l, r];
    };
    const beside = (shift: number, penalty: number) =>
      pair({ x: p.cx + gap, y: p.cy + shift, nudged: shift !== 0, penalty }, { x: p.cx - gap, y: p.cy + shift, nudged: shift !== 0, penalty });
    const diagonal = (dy: number) => pair({ x: p.cx + 3, y: p.cy + dy, nudged: false, penalty: 2 }, { x: p.cx - 3, y: p.cy + dy, nudged: false, penalty: 2 });
    const candidates: Candidate[] = [
      ...beside(0, 0),
      ...diagonal(-p.r - 8 - extra),
      ...diagonal(p.r + 8 + extra),
      { x: p.cx, y: Math.min(p.cy - p.r, p.top ?? Infinity) - 9 - extra, anchor: 'middle', nudged: false, penalty: 4 },
      { x: p.cx, y: Math.max(p.cy + p.r, p.bottom ?? -Infinity) + 10 + extra, anchor: 'middle', nudged: false, penalty: 4 },
    ];
    for (let step = 1; step <= 6; step++) candidates.push(...beside(-step * NUDGE, step * 60), ...beside(step * NUDGE, step * 60));
    const hard = [...points.filter((_, j) => j !== i), ...obstacles, ...placed.map((l) => l.box)];
    let best: PlacedLabel | undefined;
    let bestCost = Infinity;
    for (const { penalty, ...c } of candidates) {
      const box = labelBox(c.x, c.y, c.anchor, lines);
      if (!inside(box, area)) continue;
      const cost = 1000 * hard.reduce((sum, o) => sum + overlap(box, o), 0) + soft.reduce((sum, o) => sum + overlap(box, o), 0) + penalty;
      if (cost < bestCost) {
        best = { ...c, box };
        bestCost = cost;
      }
    }
    // Nothing fits inside the area (a label wider than the plot): keep it beside the point.
    if (!best) {
      const { penalty: _, ...c } = beside(0, 0)[0]!;
      best = { ...c, box: labelBox(c.x, c.y, c.anchor, lines) };
    }
    placed.push(best);
  });
  return placed;
}

export function layoutScatter(input: ScatterInput): Scene {
  const width = input.width ?? 640;
  const narrow = width <= NARROW_MAX;
  const left = 52;
  // Phones: room for the last tick label inside the chart, and axis titles wrapped inside it.
  const right = width - (narrow ? 24 : 16);
  const xTitle = narrow ? wrapText(`${input.xLabel} →`, width - 16, 12) : [`${input.xLabel} →`];
  const yTitle = narrow ? wrapText(`↑ ${input.yLabel}`, width - 16, 12) : [`↑ ${input.yLabel}`];
  const height = (input.height ?? 340) + 14 * (xTitle.length - 1 + yTitle.length - 1);
  const top = 24 + 14 * (yTitle.length - 1);
  const bottom = height - 44 - 14 * (xTitle.length - 1);
  const x = scaleLinear().domain(input.xDomain).range([left, right]).nice();
  const y = scaleLinear().domain(input.yDomain).range([bottom, top]).nice();
  const marks: Mark[] = [
    ...leftAxis(y, left, right, input.yFormat, narrow ? 4 : 5),
    ...bottomAxis(x, top, bottom, input.xFormat, narrow ? 4 : 5),
    ...xTitle.map((text, i): Mark => ({ type: 'text', class: 'axis-label', x: narrow ? width - 8 : right, y: bottom + 34 + i * 14, text, anchor: 'end' })),
    ...yTitle.map((text, i): Mark => ({ type: 'text', class: 'axis-label', x: left - 44, y: 12 + i * 14, text })),
  ];
  const obstacles: Box[] = [];
  const whiskers: Box[] = [];
  const labels: Mark[] = [];
  const rx = input.xReference ? x(input.xReference.value) : undefined;
  const ry = input.yReference ? y(input.yReference.value) : undefined;

  const points = input.points.map((p) => ({
    p,
    cx: x(p.x),
    cy: y(p.y),
    r: p.r ?? POINT_RADIUS,
    top: p.yLow != null && p.yHigh != null ? y(p.yHigh) : undefined,
    bottom: p.yLow != null && p.yHigh != null ? y(p.yLow) : undefined,
    text: p.flagged && input.flagSymbol ? `${input.flagSymbol} ${p.label}` : p.label,
  })).map((p) => ({ ...p, lines: narrow ? wrapText(p.text, NARROW_LABEL_MAX, LABEL_SIZE) : [p.text] }));
  const pointBoxes: Box[] = points.map(({ cx, cy, r }) => ({ x0: cx - r, y0: cy - r, x1: cx + r, y1: cy + r }));
  // Whiskers are soft obstacles: a label beside a point with a horizontal whisker moves above it.
  for (const { p, cx, cy } of points) {
    if (p.xLow != null && p.xHigh != null) whiskers.push({ x0: x(p.xLow), y0: cy - 1, x1: x(p.xHigh), y1: cy + 1 });
    if (p.yLow != null && p.yHigh != null) whiskers.push({ x0: cx - 1, y0: y(p.yHigh), x1: cx + 1, y1: y(p.yLow) });
  }

  if (input.highlight && rx !== undefined && ry !== undefined) {
    const { quadrant, label } = input.highlight;
    const east = quadrant.endsWith('right');
    const south = quadrant.startsWith('bottom');
    const x0 = east ? rx : left;
    const x1 = east ? right : rx;
    const y0 = south ? ry : top;
    const y1 = south ? bottom : ry;
    marks.push({ type: 'rect', class: 'quadrant band bar-emphasis', x: x0, y: y0, width: x1 - x0, height: y1 - y0 });
    // The label sits in the quadrant's outer corner, away from the reference lines; if a point or
    // whisker is there, in the next corner of the quadrant that is free.
    // On phones it wraps inside the plot (the quadrant may be narrower than the label).
    const lines = narrow ? wrapText(label, Math.max(x1 - x0, right - left) - 12, LABEL_SIZE) : [label];
    const extra = ((lines.length - 1) * LABEL_LINE) / 2;
    const outer = { x: east ? x1 - 6 : x0 + 6, y: south ? y1 - 10 - extra : y0 + 12 + extra, anchor: (east ? 'end' : 'start') as Anchor };
    const corners = [
      outer,
      { x: outer.x, y: south ? y0 + 12 + extra : y1 - 10 - extra, anchor: outer.anchor },
      { x: east ? x0 + 6 : x1 - 6, y: outer.y, anchor: (east ? 'start' : 'end') as Anchor },
    ];
    const fitsPlot = (c: (typeof corners)[number]) => inside(labelBox(c.x, c.y, c.anchor, lines), { x0: left, y0: top, x1: right, y1: bottom });
    const cost = (c: (typeof corners)[number]) => [...pointBoxes, ...whiskers].reduce((sum, o) => sum + overlap(labelBox(c.x, c.y, c.anchor, lines), o), 0);
    const corner = corners.find((c) => cost(c) === 0 && (!narrow || fitsPlot(c))) ?? corners.find((c) => !narrow || fitsPlot(c)) ?? outer;
    labels.push(...labelMarks(lines, corner.x, corner.y, corner.anchor, 'quadrant-label'));
    obstacles.push(labelBox(corner.x, corner.y, corner.anchor, lines));
  }
  if (input.xReference && rx !== undefined) {
    marks.push({ type: 'line', class: 'reference-line axis-zero', x1: rx, x2: rx, y1: top, y2: bottom });
    // Label along the top, on the side with room.
    const text = input.xReference.label;
    const toLeft = narrow
      ? rx + 4 + textWidth(text, LABEL_SIZE) > right && rx - left > right - rx
      : rx + 4 + textWidth(text, LABEL_SIZE) > right;
    const lx = toLeft ? rx - 4 : rx + 4;
    const anchor: Anchor = toLeft ? 'end' : 'start';
    // On phones it wraps into the room on its side, lines running down from the top.
    const lines = narrow ? wrapText(text, Math.max(60, toLeft ? rx - 4 - left : right - rx - 4), LABEL_SIZE) : [text];
    const ly = top + 8 + ((lines.length - 1) * LABEL_LINE) / 2;
    labels.push(...labelMarks(lines, lx, ly, anchor, 'reference-label axis-label'));
    obstacles.push(labelBox(lx, ly, anchor, lines));
  }
  if (input.yReference && ry !== undefined) {
    marks.push({ type: 'line', class: 'reference-line axis-zero', x1: left, x2: right, y1: ry, y2: ry });
    // Label at the left end, above the line (below it when the line runs along the top).
    const text = input.yReference.label;
    const lines = narrow ? wrapText(text, right - left - 8, LABEL_SIZE) : [text];
    const extra = ((lines.length - 1) * LABEL_LINE) / 2;
    const below = ry - 8 - HALF_LINE - 2 * extra < top;
    const ly = below ? ry + 9 + extra : ry - 9 - extra;
    labels.push(...labelMarks(lines, left + 4, ly, 'start', 'reference-label axis-label'));
    obstacles.push(labelBox(left + 4, ly, 'start', lines));
  }

  for (const { p, cx, cy } of points) {
    if (p.xLow != null && p.xHigh != null) marks.push({ type: 'line', class: 'whisker', x1: x(p.xLow), x2: x(p.xHigh), y1: cy, y2: cy });
    if (p.yLow != null && p.yHigh != null) marks.push({ type: 'line', class: 'whisker', x1: cx, x2: cx, y1: y(p.yLow), y2: y(p.yHigh) });
  }
  // Larger points first, so a small point is never hidden under a large one.
  for (const { p, cx, cy, r } of [...points].sort((a, b) => b.r - a.r)) {
    marks.push({ type: 'circle', class: p.flagged ? 'point flagged' : 'point company', cx, cy, r });
  }
  const placed = placeLabels(points, { x0: left, y0: top, x1: right, y1: bottom }, obstacles, whiskers);
  points.forEach(({ p, cx, cy, r, lines }, i) => {
    const l = placed[i]!;
    if (l.nudged) {
      // A short leader from the point's edge to the label, so a moved label keeps its point.
      const toward = l.anchor === 'end' ? -1 : 1;
      marks.push({ type: 'line', class: 'leader grid', x1: cx + toward * r, y1: cy, x2: l.x - toward * 2, y2: l.y });
    }
    labels.push(...labelMarks(lines, l.x, l.y, l.anchor, p.flagged ? 'point-label flagged' : 'point-label'));
  });
  marks.push(...labels);
  return { width, height, marks };
}
