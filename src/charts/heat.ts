/**
 * A heat table: rows (e.g. customer cohorts) by columns (e.g. quarters since the first order),
 * each cell its value as text on a fill from a sequential scale. Fills and text colours are
 * classes (`heat-0` lightest … `heat-5` darkest) so the stylesheet pairs each fill with a text
 * colour that keeps 4.5:1 against it. A missing cell (not reached yet, or suppressed) is left
 * empty, never drawn as zero.
 */
import { textWidth, type NumberFormat } from './axis.ts';
import type { Mark, Scene } from './scene.ts';

export interface HeatRow {
  label: string;
  cells: (number | null | undefined)[];
}

export interface HeatInput {
  rows: HeatRow[];
  /** Column headers (short: they sit above narrow cells). */
  columns: string[];
  /** The title over the column headers, e.g. "Quarters since the first order". */
  columnsTitle: string;
  format: NumberFormat;
  width?: number;
}

export const HEAT_STEPS = 6;

/** The class of a value on a sequential scale from `lo` (lightest) to `hi` (darkest). */
export function heatClass(value: number, lo: number, hi: number): string {
  const t = hi > lo ? (value - lo) / (hi - lo) : 0.5;
  return `heat-${Math.min(HEAT_STEPS - 1, Math.max(0, Math.floor(t * HEAT_STEPS)))}`;
}

export function layoutHeatTable(input: HeatInput): Scene {
  const width = input.width ?? 640;
  const labelWidth = Math.max(...input.rows.map((r) => textWidth(r.label, 12.5)), 30) + 14;
  const left = labelWidth;
  const cellWidth = Math.min(72, (width - 4 - left) / Math.max(1, input.columns.length));
  const cellHeight = 26;
  const titleY = 12;
  const headerY = 34;
  const top = 44;
  const values = input.rows.flatMap((r) => r.cells).filter((v): v is number => typeof v === 'number');
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const marks: Mark[] = [
    { type: 'text', class: 'axis-label', x: left, y: titleY, text: `${input.columnsTitle} →`, dy: '0.32em' },
  ];
  input.columns.forEach((c, j) => marks.push({ type: 'text', class: 'tick', x: left + j * cellWidth + cellWidth / 2, y: headerY, text: c, anchor: 'middle' }));
  input.rows.forEach((row, i) => {
    const y = top + i * cellHeight;
    marks.push({ type: 'text', class: 'label tick', x: left - 8, y: y + cellHeight / 2, text: row.label, anchor: 'end', dy: '0.32em' });
    row.cells.forEach((v, j) => {
      if (typeof v !== 'number') return;
      const cls = heatClass(v, lo, hi);
      const x = left + j * cellWidth;
      marks.push(
        { type: 'rect', class: `heat ${cls}`, x: x + 1, y: y + 1, width: cellWidth - 2, height: cellHeight - 2 },
        { type: 'text', class: `heat-text ${cls}`, x: x + cellWidth / 2, y: y + cellHeight / 2, text: input.format(v), anchor: 'middle', dy: '0.32em' },
      );
    });
  });
  return { width, height: top + input.rows.length * cellHeight + 6, marks };
}
