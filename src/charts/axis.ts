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
  for (const ch of text) {
    // Combining marks take no width; capitals and Cyrillic letters are wider than Latin lower case.
    width += /[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E\u0300-\u036f]/.test(ch) ? 0 : /[A-ZА-ЯЁ]/.test(ch) ? 0.72 : /[а-яё\u0E00-\u0E7F]/.test(ch) ? 0.64 : 0.56;
  }
  return width * size;
}

/** Layouts at or below this width are phone layouts: labels above their marks, fewer ticks. */
export const NARROW_MAX = 480;

/** Word boundaries in scripts written without spaces (Thai): the dictionary-based ICU breaker. */
const WORDS = new Intl.Segmenter('th', { granularity: 'word' });
const COMBINING = /[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E\u0300-\u036f]/;

/**
 * Breaks a label into lines no wider than `max` (estimated like `textWidth`). Breaks at spaces;
 * Thai has no spaces between words, so a run wider than a line breaks between its words (found
 * by `Intl.Segmenter`), and only a single word wider than a line is cut by width (after a base
 * character, never before a combining mark).
 */
export function wrapText(text: string, max: number, size = 13): string[] {
  const lines: string[] = [];
  let current = '';
  const push = () => { if (current) lines.push(current); current = ''; };
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = current ? `${current} ${word}` : word;
    if (textWidth(candidate, size) <= max) { current = candidate; continue; }
    push();
    if (textWidth(word, size) <= max) { current = word; continue; }
    // A run too long for one line: break it between words, a word too long by width.
    for (const { segment } of WORDS.segment(word)) {
      if (textWidth(current + segment, size) <= max) { current += segment; continue; }
      push();
      if (textWidth(segment, size) <= max) { current = segment; continue; }
      for (const ch of segment) {
        if (!COMBINING.test(ch) && current && textWidth(current + ch, size) > max) push();
        current += ch;
      }
    }
  }
  push();
  return lines.length ? lines : [''];
}
