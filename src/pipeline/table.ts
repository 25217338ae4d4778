/**
 * Typed tables from CSV: each cell is checked by its column's zod schema, and every problem is
 * reported at the cell's own line and column. Rows are handed to a callback one at a time, so a
 * caller can aggregate a large file without keeping its rows.
 */
import type { z } from 'zod';
import { parseCsvFile, parseCsvText, type CsvHandlers, type CsvRecord, type Delimiter } from './csv.ts';
import { closest, quoteRaw, type Issue } from './issues.ts';

export interface ColumnSpec<T = unknown> {
  /** Validates and converts the trimmed cell text. */
  schema: z.ZodType<T, string>;
  /** What a valid cell looks like, in the analyst's words: "a whole number from 0 to 10". */
  expected: string;
  hint?: string;
  /** The column may be left out of the header altogether (its cells then read as empty). */
  optional?: boolean;
  /** Accept a decimal comma when the file is `;`-delimited (Finnish, Russian, Vietnamese Excel). */
  numeric?: boolean;
}

export type TableSpec = Record<string, ColumnSpec>;
export type RowOf<S extends TableSpec> = { [K in keyof S]: S[K] extends ColumnSpec<infer T> ? T : never };

export interface RowContext {
  file: string;
  line: number;
  /** Column where the given field's cell starts (1 when the column is absent). */
  columnOf(field: string): number;
  /** The raw cell text of a field. */
  raw(field: string): string;
}

export type RowHandler<S extends TableSpec> = (row: RowOf<S>, context: RowContext) => void;

/** Row-level rules: return problems located at a field of the row. */
export type RowRule<S extends TableSpec> = (
  row: RowOf<S>,
) => Array<{ field: keyof S & string; message: string; hint?: string }>;

export interface TableOptions<S extends TableSpec> {
  rules?: RowRule<S>[];
}

export interface TableReader {
  handlers: CsvHandlers;
  issues: Issue[];
  /** Number of data rows seen, valid or not. */
  rowCount(): number;
}

const DECIMAL_COMMA = /^[-+]?\d+,\d+$/;

export function createTableReader<S extends TableSpec>(
  file: string,
  spec: S,
  onRow: RowHandler<S>,
  options: TableOptions<S> = {},
): TableReader {
  const issues: Issue[] = [];
  const fields = Object.keys(spec);
  const rules = options.rules ?? [];
  /** For each spec field, its index in the file's header, or -1. */
  let indexOf: Int32Array = new Int32Array(fields.length).fill(-1);
  let headerOk = false;
  let headerWidth = 0;
  let delimiter: Delimiter = ',';
  let rows = 0;

  const handlers: CsvHandlers = {
    header(record, detected) {
      delimiter = detected;
      headerWidth = record.cells.length;
      const names = record.cells.map((cell) => cell.trim());
      indexOf = new Int32Array(fields.length).fill(-1);
      let ok = true;
      const seen = new Map<string, number>();
      names.forEach((name, i) => {
        const column = record.columns[i] ?? 1;
        if (seen.has(name)) {
          issues.push({
            file,
            line: record.line,
            column,
            message: `expected each column name once, found ${quoteRaw(name)} again (first in column ${seen.get(name)})`,
            hint: 'remove or rename one of the two columns',
          });
          ok = false;
          return;
        }
        seen.set(name, column);
        const k = fields.indexOf(name);
        if (k >= 0) {
          indexOf[k] = i;
          return;
        }
        const guess = closest(name, fields);
        issues.push({
          file,
          line: record.line,
          column,
          message: `expected one of the columns ${fields.join(', ')}, found ${quoteRaw(name)}`,
          hint: guess ? `did you mean "${guess}"?` : 'remove the column, or rename it to one of the expected names',
        });
        ok = false;
      });
      fields.forEach((field, k) => {
        if (indexOf[k] !== -1 || spec[field]!.optional) return;
        issues.push({
          file,
          line: record.line,
          column: 1,
          message: `expected a column named "${field}", found only ${names.map((n) => JSON.stringify(n)).join(', ')}`,
          hint:
            delimiter === ',' && names.length === 1 && names[0]!.includes(';') === false
              ? 'check that the file is comma- or semicolon-delimited'
              : `add a "${field}" column (${spec[field]!.expected})`,
        });
        ok = false;
      });
      headerOk = ok;
    },
    record(record) {
      rows++;
      if (!headerOk) return;
      if (record.cells.length !== headerWidth) {
        issues.push({
          file,
          line: record.line,
          column: 1,
          message: `expected ${headerWidth} cells as in the header, found ${record.cells.length}`,
          hint:
            record.cells.length > headerWidth
              ? 'a value probably contains the delimiter; put that value in double quotes'
              : 'a delimiter is probably missing, or the row was cut short',
        });
        return;
      }
      const row = readRow(record);
      if (row === undefined) return;
      const context = makeContext(record);
      let ruleFailed = false;
      for (const rule of rules) {
        for (const problem of rule(row)) {
          ruleFailed = true;
          issues.push({
            file,
            line: record.line,
            column: context.columnOf(problem.field),
            field: problem.field,
            message: problem.message,
            hint: problem.hint,
          });
        }
      }
      if (!ruleFailed) onRow(row, context);
    },
    issue(issue) {
      issues.push(issue);
    },
  };

  function readRow(record: CsvRecord): RowOf<S> | undefined {
    const row: Record<string, unknown> = {};
    let ok = true;
    for (let k = 0; k < fields.length; k++) {
      const field = fields[k]!;
      const column = spec[field]!;
      const index = indexOf[k]!;
      let text = index >= 0 ? record.cells[index]!.trim() : '';
      if (column.numeric && delimiter === ';' && DECIMAL_COMMA.test(text)) text = text.replace(',', '.');
      const result = column.schema.safeParse(text);
      if (result.success) {
        row[field] = result.data;
        continue;
      }
      ok = false;
      const raw = index >= 0 ? record.cells[index]!.trim() : '';
      issues.push({
        file,
        line: record.line,
        column: index >= 0 ? record.columns[index]! : 1,
        field,
        message: `expected ${column.expected}, found ${quoteRaw(raw)}`,
        hint: column.numeric && raw.includes(',') && delimiter !== ';'
          ? 'this comma-delimited file needs a dot as the decimal separator (or export with ";" as the delimiter)'
          : column.hint,
      });
    }
    return ok ? (row as RowOf<S>) : undefined;
  }

  function makeContext(record: CsvRecord): RowContext {
    const line = record.line;
    const columns = [...record.columns];
    const cells = [...record.cells];
    return {
      file,
      line,
      columnOf(field) {
        const k = fields.indexOf(field);
        const index = k >= 0 ? indexOf[k]! : -1;
        return index >= 0 ? columns[index]! : 1;
      },
      raw(field) {
        const k = fields.indexOf(field);
        const index = k >= 0 ? indexOf[k]! : -1;
        return index >= 0 ? cells[index]!.trim() : '';
      },
    };
  }

  return { handlers, issues, rowCount: () => rows };
}

export async function readTableFile<S extends TableSpec>(
  path: string,
  displayPath: string,
  spec: S,
  onRow: RowHandler<S>,
  options: TableOptions<S> = {},
): Promise<{ issues: Issue[]; rows: number }> {
  const reader = createTableReader(displayPath, spec, onRow, options);
  await parseCsvFile(path, displayPath, reader.handlers);
  return { issues: reader.issues, rows: reader.rowCount() };
}

export function readTableText<S extends TableSpec>(
  text: string,
  displayPath: string,
  spec: S,
  onRow: RowHandler<S>,
  options: TableOptions<S> = {},
): { issues: Issue[]; rows: number } {
  const reader = createTableReader(displayPath, spec, onRow, options);
  parseCsvText(text, displayPath, reader.handlers);
  return { issues: reader.issues, rows: reader.rowCount() };
}
