/**
 * Typed tables from CSV: each cell is checked by its column's zod schema, and every problem is
 * reported at the cell's own line and column. Rows are handed to a callback one at a time, so a
 * caller can aggregate a large file without keeping its rows.
 *
 * Floods are summarised: when one column of a file has many problems of one kind (say, every date
 * written as 1.10.2022 in a format that is not read), the first few are listed with their
 * locations and one more line says how many rows follow and what they have in common. The list of
 * problems of one file therefore stays short whatever the size of the file.
 */
import type { z } from 'zod';
import { parseCsvFile, parseCsvText, type CsvHandlers, type CsvRecord, type Delimiter } from './csv.ts';
import { closest, quoteRaw, type Issue } from './issues.ts';

/** What a column's `fast` check returns for a cell it does not accept on its own. */
export const REJECT: unique symbol = Symbol('reject');

export interface ColumnSpec<T = unknown> {
  /** Validates and converts the trimmed cell text: the source of truth for the rule and its message. */
  schema: z.ZodType<T, string>;
  /**
   * The same rule written for speed, for the cells of millions of rows: the value for a cell it
   * accepts, or `REJECT` for anything else, which then goes to `schema` (which either reads it or
   * says why not). It may reject what the schema accepts, never the reverse, and must return the
   * same value (test/fast-cells.test.ts checks every spec against its schema).
   */
  fast?: (text: string) => T | typeof REJECT;
  /** What a valid cell looks like, in the analyst's words: "a whole number from 0 to 10". */
  expected: string;
  hint?: string;
  /** The column may be left out of the header altogether (its cells then read as empty). */
  optional?: boolean;
  /** Accept a decimal comma when the file is `;`-delimited (Finnish, Russian, Vietnamese Excel). */
  numeric?: boolean;
  /**
   * Why a cell was refused, when the column can tell more than "expected …": said after the
   * quoted value (`found`), in place of the expected text (`expected`), and as the hint.
   */
  explain?(raw: string, format: FileFormat): CellProblem | undefined;
}

/** What a column's `explain` knows of the file. */
export interface FileFormat {
  delimiter: Delimiter;
  /** Decimal commas are read in this file (it is `;`-delimited). */
  decimalComma: boolean;
}

export interface CellProblem {
  expected?: string;
  /** Said right after `found "…"`, with its own leading punctuation (", which is …"). */
  found?: string;
  hint?: string;
}

/** Problems of one kind in one column shown with their locations before the rest are summarised. */
export const SHOWN_PER_KIND = 5;
/** Kinds of problem kept apart per column; more go together into one. */
const KINDS_PER_COLUMN = 4;

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

/** Problems of one kind (one column, one shape of value), counted once more than a few are shown. */
interface Flood {
  kind: 'cell' | 'width' | 'rule' | 'parser';
  field?: string;
  shown: number;
  more: number;
  /** Where the first problem not shown is: the summary is placed there. */
  at?: { line: number; column: number };
  lastLine: number;
  example: string;
  /** The group takes every shape of value of its column beyond the first few. */
  mixed: boolean;
  hint?: string;
}

/**
 * The shape of a value, to tell kinds of problem apart: digits, letters and spaces collapsed, so
 * `1.10.2022` and `31.12.2023` share a shape and `2023-01-01 00:00:00` has another.
 */
export function valueShape(raw: string): string {
  return raw
    .slice(0, 40)
    .replace(/\d+/g, '9')
    .replace(/\p{L}+/gu, 'a')
    .replace(/\s+/g, ' ');
}

const count = (n: number) => n.toLocaleString('en');

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
  let format: FileFormat = { delimiter, decimalComma: false };
  let rows = 0;
  let headerNames: string[] = [];
  let headerSet = new Set<string>();
  const floods = new Map<string, Flood>();
  const kindsOf = new Map<string, number>();

  /** Adds a problem, or counts it when enough of its kind are shown already. */
  function report(key: string, issue: Issue, kind: Flood['kind'], example: string): void {
    let flood = floods.get(key);
    if (flood === undefined) {
      flood = { kind, field: issue.field, shown: 0, more: 0, lastLine: issue.line, example, mixed: key.endsWith('\u0000*'), hint: issue.hint };
      floods.set(key, flood);
    }
    flood.lastLine = issue.line;
    if (flood.shown === 0 && flood.more === 0) flood.hint = issue.hint;
    if (flood.shown < SHOWN_PER_KIND) {
      flood.shown++;
      issues.push(issue);
      return;
    }
    if (flood.more === 0) {
      flood.at = { line: issue.line, column: issue.column };
      if (flood.mixed) flood.example = example;
    }
    flood.more++;
  }

  /** The flood key of a cell problem: its column and the shape of the value, a few shapes per column. */
  function cellKey(field: string, raw: string, detail: string): string {
    const key = `cell\u0000${field}\u0000${detail}\u0000${valueShape(raw)}`;
    if (floods.has(key)) return key;
    const kinds = kindsOf.get(field) ?? 0;
    if (kinds >= KINDS_PER_COLUMN) {
      const other = `cell\u0000${field}\u0000*`;
      if (!floods.has(other)) {
        floods.set(other, { kind: 'cell', field, shown: 0, more: 0, lastLine: 0, example: raw, mixed: true });
      }
      return other;
    }
    kindsOf.set(field, kinds + 1);
    return key;
  }

  function summarise(): void {
    for (const flood of floods.values()) {
      if (flood.more === 0 || flood.at === undefined) continue;
      const total = flood.shown + flood.more;
      const where = total === rows ? 'in every row' : `in ${count(total)} of ${count(rows)} rows`;
      if (flood.kind === 'parser') {
        issues.push({
          file,
          line: flood.at.line,
          column: flood.at.column,
          message: `… and ${count(flood.more)} more like ${flood.shown === 1 ? 'this' : 'these'}, up to line ${count(flood.lastLine)}`,
          ...(flood.hint ? { hint: flood.hint } : {}),
        });
        continue;
      }
      const what =
        flood.kind === 'cell'
          ? flood.mixed
            ? `this column has other values like ${quoteRaw(flood.example)} that cannot be read, ${where}`
            : `this column is written like ${quoteRaw(flood.example)} ${where}`
          : flood.kind === 'width'
            ? flood.mixed
              ? `still other numbers of cells ${where}`
              : `${flood.example} ${where}`
            : `the same problem ${where}`;
      issues.push({
        file,
        line: flood.at.line,
        column: flood.at.column,
        ...(flood.field ? { field: flood.field } : {}),
        message: `… and ${count(flood.more)} more row${flood.more === 1 ? '' : 's'} like ${flood.shown === 1 ? 'this' : 'these'}, up to line ${count(flood.lastLine)}: ${what}`,
        ...(flood.hint ? { hint: flood.hint } : {}),
      });
    }
  }

  /** The record repeats the header's names: two exports joined. */
  function isHeaderAgain(record: CsvRecord): boolean {
    const first = record.cells[0]?.trim();
    if (first === undefined || !headerSet.has(first)) return false;
    let same = 0;
    for (const cell of record.cells) if (headerSet.has(cell.trim())) same++;
    return same >= Math.max(1, Math.ceil((headerNames.length * 2) / 3));
  }

  const handlers: CsvHandlers = {
    header(record, detected) {
      delimiter = detected;
      format = { delimiter, decimalComma: delimiter === ';' };
      headerWidth = record.cells.length;
      const names = record.cells.map((cell) => cell.trim());
      headerNames = names;
      headerSet = new Set(names.filter((name) => name !== ''));
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
      if (isHeaderAgain(record)) {
        issues.push({
          file,
          line: record.line,
          column: 1,
          message: `expected data rows below the header, found a second header row at line ${count(record.line)} (two exports joined?)`,
          hint: 'delete this row; if two exports were joined, check that no rows appear twice',
        });
        return;
      }
      rows++;
      if (record.bom !== undefined) {
        issues.push({
          file,
          line: record.line,
          column: record.bom,
          message: `expected a byte-order mark only at the start of the file, found one at line ${count(record.line)} (two exports joined?)`,
          hint: 'delete the invisible character U+FEFF at this place; Excel writes one at the start of every "CSV UTF-8" file',
        });
      }
      if (!headerOk) return;
      if (record.cells.length !== headerWidth) {
        const found = record.cells.length;
        const widths = [...floods.keys()].filter((key) => key.startsWith('width\u0000')).length;
        const widthKey = floods.has(`width\u0000${found}`) || widths < KINDS_PER_COLUMN ? `width\u0000${found}` : 'width\u0000*';
        report(
          widthKey,
          {
            file,
            line: record.line,
            column: 1,
            message: `expected ${headerWidth} cells as in the header, found ${found}`,
            hint:
              found > headerWidth
                ? 'a value probably contains the delimiter; put that value in double quotes'
                : 'a delimiter is probably missing, or the row was cut short',
          },
          'width',
          `${found} cell${found === 1 ? '' : 's'} instead of ${headerWidth}`,
        );
        return;
      }
      const row = readRow(record);
      if (row === undefined) return;
      const context = makeContext(record);
      let ruleFailed = false;
      for (let r = 0; r < rules.length; r++) {
        const found = rules[r]!(row);
        if (found.length === 0) continue;
        for (const problem of found) {
          ruleFailed = true;
          report(
            `rule\u0000${r}\u0000${problem.field}`,
            {
              file,
              line: record.line,
              column: context.columnOf(problem.field),
              field: problem.field,
              message: problem.message,
              hint: problem.hint,
            },
            'rule',
            context.raw(problem.field),
          );
        }
      }
      if (!ruleFailed) onRow(row, context);
    },
    issue(issue) {
      // Problems of the CSV syntax (text after a closing quote) can repeat on every row too.
      report(`parser\u0000${issue.message.replace(/, found .*$/s, '')}`, issue, 'parser', '');
    },
    end() {
      summarise();
    },
  };

  /** Per spec field: its fast check, the schema and the decimal-comma rule, looked up once. */
  const fastOf = fields.map((field) => spec[field]!.fast);
  const schemaOf = fields.map((field) => spec[field]!.schema);
  const numericOf = fields.map((field) => spec[field]!.numeric === true);

  /** Every row starts as a copy of this, so all rows of a file share one shape (fast property access). */
  const template: Record<string, unknown> = Object.fromEntries(fields.map((field) => [field, undefined]));

  function readRow(record: CsvRecord): RowOf<S> | undefined {
    const row: Record<string, unknown> = { ...template };
    const cells = record.cells;
    let ok = true;
    for (let k = 0; k < fields.length; k++) {
      const field = fields[k]!;
      const index = indexOf[k]!;
      let text = index >= 0 ? cells[index]!.trim() : '';
      const fast = fastOf[k];
      if (fast !== undefined) {
        const value = fast(text);
        if (value !== REJECT) {
          row[field] = value;
          continue;
        }
      }
      if (numericOf[k] && delimiter === ';' && DECIMAL_COMMA.test(text)) text = text.replace(',', '.');
      const result = schemaOf[k]!.safeParse(text);
      if (result.success) {
        row[field] = result.data;
        continue;
      }
      ok = false;
      const column = spec[field]!;
      const raw = index >= 0 ? cells[index]!.trim() : '';
      const detail = raw === '' ? undefined : column.explain?.(raw, format);
      const hint =
        detail?.hint ??
        (column.numeric && raw.includes(',') && delimiter !== ';'
          ? 'this comma-delimited file needs a dot as the decimal separator (or export with ";" as the delimiter)'
          : column.hint);
      report(
        cellKey(field, raw, `${detail?.expected ?? ''}\u0000${detail?.found ?? ''}`),
        {
          file,
          line: record.line,
          column: index >= 0 ? record.columns[index]! : 1,
          field,
          message: `expected ${detail?.expected ?? column.expected}, found ${quoteRaw(raw)}${detail?.found ?? ''}`,
          ...(hint !== undefined ? { hint } : {}),
        },
        'cell',
        raw,
      );
    }
    return ok ? (row as RowOf<S>) : undefined;
  }

  /**
   * The row's context, read from the record while the row is handled: the parser reuses the
   * record's arrays for the next row, so a handler keeps the values it needs, never the context.
   */
  let current: CsvRecord | undefined;
  const cellIndex = (field: string) => {
    const k = fields.indexOf(field);
    return k >= 0 ? indexOf[k]! : -1;
  };
  const context: RowContext = {
    file,
    line: 0,
    columnOf(field) {
      const index = cellIndex(field);
      return index >= 0 ? current!.columns[index]! : 1;
    },
    raw(field) {
      const index = cellIndex(field);
      return index >= 0 ? current!.cells[index]!.trim() : '';
    },
  };
  function makeContext(record: CsvRecord): RowContext {
    current = record;
    context.line = record.line;
    return context;
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
