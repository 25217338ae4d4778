/**
 * Axes as marks: grid lines and tick labels from a d3 linear scale, labels formatted by the
 * page's locale formatter (passed in, so layouts stay free of i18n).
 */
import type { ScaleLinear } from 'd3';
import type { Mark } from './scene.ts';

export type NumberFormat = (value: number) => string;

/** Vertical grid lines with labels under the plot: for horizontal bars and scatter x. */
export function bottomAxis(scale: ScaleLinear<number, number>, top: number, bottom: number, format: NumberFormat, count = 5): Mark[] {
  return scale.ticks(count).flatMap((tick): Mark[] => [
    { type: 'line', class: tick === 0 ? 'axis-zero' : 'grid', x1: scale(tick), x2: scale(tick), y1: top, y2: bottom },
    { type: 'text', class: 'tick', x: scale(tick), y: bottom + 14, text: format(tick), anchor: 'middle' },
  ]);
}

/** Horizontal grid lines with labels left of the plot: for trends and scatter y. */
export function leftAxis(scale: ScaleLinear<number, number>, left: number, right: number, format: NumberFormat, count = 5): Mark[] {
  return scale.ticks(count).flatMap((tick): Mark[] => [
    { type: 'line', class: tick === 0 ? 'axis-zero' : 'grid', x1: left, x2: right, y1: scale(tick), y2: scale(tick) },
    { type: 'text', class: 'tick', x: left - 6, y: scale(tick), text: format(tick), anchor: 'end', dy: '0.32em' },
  ]);
}

/**
 * A rough width of a label in pixels at the chart font size. Text is measured without a DOM, so
 * this errs on the wide side; wide scripts (Thai, Vietnamese diacritics) fit in the same budget.
 */
export function textWidth(text: string, size = 13): number {
  let width = 0;
  for (const ch of text) width += /[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E\u0300-\u036f]/.test(ch) ? 0 : /[A-ZМШЩЖЮ]/.test(ch) ? 0.68 : 0.56;
  return width * size;
}
