/**
 * Writing datasets as CSV and JSON for download. CSV cells that a spreadsheet would read as a
 * formula (starting with =, +, -, @, tab or carriage return) are prefixed with an apostrophe, the
 * OWASP-recommended neutralisation; numbers are written as numbers, with a dot decimal.
 */
import type { Cell, Dataset } from './datasets.ts';

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  if (typeof cell === 'boolean') return cell ? 'true' : 'false';
  const text = FORMULA_START.test(cell) ? `'${cell}` : cell;
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(dataset: Pick<Dataset, 'columns' | 'rows'>): string {
  const lines = [dataset.columns.map(csvCell), ...dataset.rows.map((row) => row.map(csvCell))];
  return `${lines.map((cells) => cells.join(',')).join('\r\n')}\r\n`;
}

/** A dataset as records, one per row, with the columns as keys in order. */
export function toRecords(dataset: Pick<Dataset, 'columns' | 'rows'>): Record<string, Cell>[] {
  return dataset.rows.map((row) => Object.fromEntries(dataset.columns.map((c, i) => [c, row[i] ?? null])));
}

/** JSON as an array of records. */
export function toJson(dataset: Pick<Dataset, 'columns' | 'rows'>): string {
  return `${JSON.stringify(toRecords(dataset), null, 1)}\n`;
}
