/**
 * Download bodies piece by piece: JSON exactly as `JSON.stringify(value, null, 1)` writes it and
 * CSV as `toCsv`, one row at a time, so a file of hundreds of megabytes (every cut of thousands
 * of segments) is never built as one string or as one object per row (see write.ts).
 */
import { csvCell } from './csv.ts';
import type { Cell, Dataset } from './datasets.ts';

const pad = (depth: number) => ' '.repeat(depth);

/** A dataset as JSON records (`toJson` without its final newline), the array at `depth`. */
export function* jsonRecords(dataset: Pick<Dataset, 'columns' | 'rows'>, depth = 0): Generator<string> {
  if (dataset.rows.length === 0) {
    yield '[]';
    return;
  }
  const keys = dataset.columns.map((c) => `${pad(depth + 2)}${JSON.stringify(c)}: `);
  const close = `\n${pad(depth + 1)}}`;
  let first = true;
  for (const row of dataset.rows) {
    let text = first ? `[\n${pad(depth + 1)}{` : `,\n${pad(depth + 1)}{`;
    first = false;
    if (keys.length === 0) {
      yield `${text}}`;
      continue;
    }
    for (let i = 0; i < keys.length; i++) text += `${i === 0 ? '\n' : ',\n'}${keys[i]}${jsonCell(row[i])}`;
    yield text + close;
  }
  yield `\n${pad(depth)}]`;
}

/** A cell as JSON.stringify writes it in a record (a missing cell is null, as in `toRecords`). */
function jsonCell(cell: Cell | undefined): string {
  return cell === undefined || cell === null ? 'null' : JSON.stringify(cell);
}

/** A dataset as CSV lines, as `toCsv` writes it. */
export function* csvLines(dataset: Pick<Dataset, 'columns' | 'rows'>): Generator<string> {
  yield `${dataset.columns.map(csvCell).join(',')}\r\n`;
  for (const row of dataset.rows) yield `${row.map(csvCell).join(',')}\r\n`;
}
