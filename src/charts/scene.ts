/**
 * A chart as plain data: marks with coordinates and CSS classes, computed by the layout modules
 * and drawn by `svg.ts`. Colours live in the stylesheet (classes), so dark mode, print and
 * high-contrast settings restyle every chart without recomputing it.
 */

export type Anchor = 'start' | 'middle' | 'end';

export type Mark =
  | { type: 'rect'; x: number; y: number; width: number; height: number; class: string }
  | { type: 'line'; x1: number; y1: number; x2: number; y2: number; class: string }
  | { type: 'path'; d: string; class: string }
  | { type: 'circle'; cx: number; cy: number; r: number; class: string }
  /** A benchmark marker: a diamond, so it differs from the company's circle by shape, not only colour. */
  | { type: 'diamond'; cx: number; cy: number; r: number; class: string }
  | { type: 'text'; x: number; y: number; text: string; class: string; anchor?: Anchor; dy?: string };

export interface Scene {
  width: number;
  height: number;
  marks: Mark[];
}

/** The data behind a chart, shown in a table under it and offered as a download. */
export interface ChartTable {
  columns: string[];
  rows: string[][];
}

/** Everything a page needs to show one chart accessibly. */
export interface Chart {
  /** Stable id, unique on the page: used for the title/description ids and the download name. */
  id: string;
  title: string;
  /** What the chart shows, for screen readers and for readers of the table. */
  description: string;
  scene: Scene;
  /** The same chart laid out for phones (360 units drawn at 360 CSS px), shown instead below 36rem. */
  narrow?: Scene;
  table: ChartTable;
  /** Notes under the chart: gaps and why, direction of good, sources. */
  notes: string[];
}

/** Shifts marks by (dx, dy): used to place panels of small multiples. */
export function translateMarks(marks: Mark[], dx: number, dy: number): Mark[] {
  return marks.map((mark): Mark => {
    switch (mark.type) {
      case 'rect':
        return { ...mark, x: mark.x + dx, y: mark.y + dy };
      case 'line':
        return { ...mark, x1: mark.x1 + dx, x2: mark.x2 + dx, y1: mark.y1 + dy, y2: mark.y2 + dy };
      case 'circle':
      case 'diamond':
        return { ...mark, cx: mark.cx + dx, cy: mark.cy + dy };
      case 'text':
        return { ...mark, x: mark.x + dx, y: mark.y + dy };
      case 'path':
        return { ...mark, d: shiftPath(mark.d, dx, dy) };
    }
  });
}

/** Paths from d3-shape use absolute commands with x,y pairs (M, L, Z, C): shift every pair. */
function shiftPath(d: string, dx: number, dy: number): string {
  return d.replace(/(-?\d+(?:\.\d+)?(?:e-?\d+)?),(-?\d+(?:\.\d+)?(?:e-?\d+)?)/g, (_, x: string, y: string) => `${round(Number(x) + dx)},${round(Number(y) + dy)}`);
}

/** Coordinates are written with at most one decimal: enough for the eye, stable in golden files. */
export function round(value: number): number {
  return Math.round(value * 10) / 10;
}
