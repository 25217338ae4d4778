/**
 * Column specs for CSV cells: zod schemas that take the trimmed cell text and return the typed
 * value, each with the "expected ..." text the analyst sees when a cell is wrong.
 */
import { z } from 'zod';
import { DATE_HINT, explainDate, parseDate } from '../pipeline/dates.ts';
import { REJECT, type CellProblem, type ColumnSpec, type FileFormat } from '../pipeline/table.ts';
import { SLUG } from './common.ts';

const NUMBER = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;
/** A whole number written plainly: digits, perhaps a minus sign; no `+4`, `7.0` or `1e1`. */
const PLAIN_INTEGER = /^-?\d+$/;
const NOT_FINITE = /^[-+]?(?:inf|infinity|nan|∞)$/i;
/**
 * Digits in groups of three with one kind of separator, and perhaps decimals after another:
 * `1 086,25`, `1.086,25`, `1,086.25`, `1'086`, `1 000 000`.
 */
const GROUPED = /^[-+]?\d{1,3}([ \u00a0\u202f.,'’])\d{3}(?:\1\d{3})*(?:([.,])\d+)?$/u;
const SEPARATOR_NAMES: Record<string, string> = {
  ' ': 'a space',
  '\u00a0': 'a no-break space',
  '\u202f': 'a narrow no-break space',
  '.': 'a dot',
  ',': 'a comma',
  "'": 'an apostrophe',
  '’': 'an apostrophe',
};
const THOUSANDS_HINT = 'write numbers without thousands separators: in Excel, untick "Use 1000 Separator" in the column\'s number format before exporting';

const emptyToUndefined = (text: string) => (text === '' ? undefined : text);

// Fast checks (see `ColumnSpec.fast`): each accepts a plain subset of what its schema accepts and
// hands everything else to the schema, which reads it or says why not.

/** Lets an empty cell through as undefined; other cells go to `fast`. */
function orEmpty<T>(fast: (text: string) => T | typeof REJECT): (text: string) => T | undefined | typeof REJECT {
  return (text) => (text === '' ? undefined : fast(text));
}

/**
 * A number written plainly (`-12`, `3.25`; no `+`, exponent, leading or trailing dot, nor more
 * than 20 characters, nor a whole number of more than 15 digits), within the options' range;
 * anything else is REJECT.
 */
function fastNumber(options: NumberOptions): (text: string) => number | typeof REJECT {
  const { min = -Infinity, max = Infinity, integer = false } = options;
  return (text) => {
    const n = text.length;
    if (n === 1) {
      const digit = text.charCodeAt(0) - 48;
      return digit >= 0 && digit <= 9 && digit >= min && digit <= max ? digit : REJECT;
    }
    if (n === 0 || n > 20) return REJECT;
    let i = text.charCodeAt(0) === 45 ? 1 : 0;
    let digits = 0;
    let dot = false;
    for (; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c >= 48 && c <= 57) digits++;
      else if (c === 46 && !integer && !dot && digits > 0 && i < n - 1) dot = true;
      else return REJECT;
    }
    // zod refuses whole numbers beyond 2^53 (not safe integers): those go to the schema.
    if (digits === 0 || (integer && digits > 15)) return REJECT;
    const value = Number(text);
    return value >= min && value <= max ? value : REJECT;
  };
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** `YYYY-MM-DD` on a date that exists, years 100 to 9999 (Date.UTC reads 0-99 as 1900-1999). */
export function fastIsoDate(text: string): string | typeof REJECT {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return REJECT;
  let y = 0;
  for (let i = 0; i < 4; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return REJECT;
    y = y * 10 + c;
  }
  const m1 = text.charCodeAt(5) - 48;
  const m2 = text.charCodeAt(6) - 48;
  const d1 = text.charCodeAt(8) - 48;
  const d2 = text.charCodeAt(9) - 48;
  if (m1 < 0 || m1 > 9 || m2 < 0 || m2 > 9 || d1 < 0 || d1 > 9 || d2 < 0 || d2 > 9) return REJECT;
  const m = m1 * 10 + m2;
  const d = d1 * 10 + d2;
  if (y < 100 || m < 1 || m > 12 || d < 1) return REJECT;
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  const days = m === 2 && leap ? 29 : DAYS_IN_MONTH[m - 1]!;
  return d <= days ? text : REJECT;
}

/** The value `parse` reads, or REJECT: a parser that is already fast needs no zod around it. */
export function fastParsed<T>(parse: (text: string) => T | undefined): (text: string) => T | typeof REJECT {
  return (text) => {
    const value = parse(text);
    return value === undefined ? REJECT : value;
  };
}

const nonEmpty = (text: string) => (text === '' ? REJECT : text);

export function textCell(expected = 'non-empty text', hint?: string): ColumnSpec<string> {
  return { schema: z.string().min(1), expected, hint, fast: nonEmpty };
}

export function optionalTextCell(expected = 'text or an empty cell'): ColumnSpec<string | undefined> {
  return { schema: z.string().transform(emptyToUndefined), expected, optional: true, fast: emptyToUndefined };
}

export function optionalSlugCell(expected = 'an id of lower-case letters, digits and dashes, or an empty cell'): ColumnSpec<string | undefined> {
  return {
    schema: z.union([z.literal('').transform(() => undefined), z.string().regex(SLUG)]) as unknown as z.ZodType<string | undefined, string>,
    expected,
    optional: true,
    fast: orEmpty((text) => (SLUG.test(text) ? text : REJECT)),
  };
}

export function slugCell(expected = 'an id of lower-case letters, digits and dashes'): ColumnSpec<string> {
  return { schema: z.string().regex(SLUG), expected, fast: (text) => (SLUG.test(text) ? text : REJECT) };
}

export function enumCell<const T extends readonly [string, ...string[]]>(
  values: T,
  options: { optional?: boolean } = {},
): ColumnSpec<T[number]> {
  const list = values.map((v) => `"${v}"`).join(', ');
  const known = new Set<string>(values);
  return {
    schema: z.enum(values) as unknown as z.ZodType<T[number], string>,
    expected: `one of ${list}`,
    optional: options.optional,
    fast: (text) => (known.has(text) ? (text as T[number]) : REJECT),
  };
}

export function optionalEnumCell<const T extends readonly [string, ...string[]]>(
  values: T,
): ColumnSpec<T[number] | undefined> {
  const list = values.map((v) => `"${v}"`).join(', ');
  const known = new Set<string>(values);
  return {
    schema: z.union([z.literal('').transform(() => undefined), z.enum(values)]) as unknown as z.ZodType<
      T[number] | undefined,
      string
    >,
    expected: `one of ${list} or an empty cell`,
    optional: true,
    fast: orEmpty((text) => (known.has(text) ? (text as T[number]) : REJECT)),
  };
}

interface NumberOptions {
  min?: number;
  max?: number;
  integer?: boolean;
  expected?: string;
  /** The expected text in a file that takes decimal commas (`;`-delimited), if it differs. */
  expectedWithDecimalComma?: string;
  hint?: string;
}

function numberSchema(options: NumberOptions) {
  let schema = z
    .string()
    .regex(options.integer ? PLAIN_INTEGER : NUMBER)
    .transform(Number)
    .pipe(options.integer ? z.number().int() : z.number().finite());
  if (options.min !== undefined || options.max !== undefined) {
    const { min = -Infinity, max = Infinity } = options;
    schema = schema.pipe(z.number().min(min).max(max)) as unknown as typeof schema;
  }
  return schema;
}

function describeNumber(options: NumberOptions): string {
  if (options.expected) return options.expected;
  const kind = options.integer ? 'a whole number' : 'a number';
  const { min, max } = options;
  if (min !== undefined && max !== undefined) return `${kind} from ${min} to ${max}`;
  if (min !== undefined) return min === 0 ? `${kind} of 0 or more` : `${kind} of at least ${min}`;
  if (max !== undefined) return `${kind} of at most ${max}`;
  return kind;
}

/**
 * Why a number cell was refused, beyond "expected a number": a thousands separator, a value too
 * large to be finite, a whole number written as `1e1`, `7.0` or `+4`.
 */
export function explainNumber(raw: string, format: FileFormat, options: NumberOptions): CellProblem | undefined {
  if (NOT_FINITE.test(raw)) {
    return { expected: 'a finite number', hint: 'leave the cell empty when there is no value, if the column allows it' };
  }
  const grouped = GROUPED.exec(raw);
  if (grouped) {
    const separator = grouped[1]!;
    const decimal = grouped[2];
    // `1,086` is a decimal comma in a `;` file and ambiguous in a `,` file; `1.086` is a plain number.
    const plainlySeparated = separator === ' ' || separator === '\u00a0' || separator === '\u202f' || separator === "'" || separator === '’';
    const twoGroups = raw.split(separator).length > 2;
    if (plainlySeparated || twoGroups || (decimal !== undefined && decimal !== separator)) {
      return { found: ` with ${SEPARATOR_NAMES[separator]} as the thousands separator`, hint: THOUSANDS_HINT };
    }
  }
  const text = format.decimalComma && /^[-+]?\d+,\d+$/.test(raw) ? raw.replace(',', '.') : raw;
  if (NUMBER.test(text)) {
    const value = Number(text);
    if (!Number.isFinite(value)) {
      return { expected: 'a finite number', hint: 'a value this large is probably a typing or export error; check the cell' };
    }
    if (options.integer && Number.isInteger(value) && !PLAIN_INTEGER.test(text)) {
      return {
        found: ', which is not a whole number written plainly',
        hint: `write whole numbers with digits only (${String(value)}, not ${raw})`,
      };
    }
  }
  return undefined;
}

/** `explainNumber`, with the expected text of a file that takes decimal commas. */
function explainNumberCell(options: NumberOptions, suffix = ''): NonNullable<ColumnSpec['explain']> {
  return (raw, format) => {
    const problem = explainNumber(raw, format, options);
    if (problem?.expected !== undefined || !format.decimalComma || options.expectedWithDecimalComma === undefined) return problem;
    return { ...problem, expected: `${options.expectedWithDecimalComma}${suffix}` };
  };
}

export function numberCell(options: NumberOptions = {}): ColumnSpec<number> {
  return {
    schema: numberSchema(options),
    expected: describeNumber(options),
    hint: options.hint,
    numeric: true,
    explain: explainNumberCell(options),
    fast: fastNumber(options),
  };
}

export function optionalNumberCell(options: NumberOptions = {}): ColumnSpec<number | undefined> {
  return {
    schema: z.union([z.literal('').transform(() => undefined), numberSchema(options)]),
    expected: `${describeNumber(options)} or an empty cell`,
    hint: options.hint,
    numeric: true,
    optional: true,
    explain: explainNumberCell(options, ' or an empty cell'),
    fast: orEmpty(fastNumber(options)),
  };
}

/** A text cell read by `parse`; text it cannot read is an issue (the column's spec explains it). */
export function parsedText<T>(parse: (text: string) => T | undefined, message: string): z.ZodType<T, string> {
  return z.string().transform((text, ctx) => {
    const value = parse(text);
    if (value === undefined) {
      ctx.issues.push({ code: 'custom', message, input: text });
      return z.NEVER;
    }
    return value;
  }) as unknown as z.ZodType<T, string>;
}

const dateSchema = parsedText(parseDate, 'bad date');

/**
 * A calendar date, read as `YYYY-MM-DD`: ISO dates, dotted day-first dates as Finnish, Russian
 * and Vietnamese Excel write them (`1.10.2022`), and ISO date-times at midnight.
 */
export function dateCell(options: { allowEmpty?: boolean; expected?: string } = {}): ColumnSpec<string> {
  return {
    schema: options.allowEmpty
      ? (z.union([z.literal('').transform(() => undefined), dateSchema]) as unknown as z.ZodType<string, string>)
      : dateSchema,
    expected: options.expected ?? 'a date written as YYYY-MM-DD that exists on the calendar',
    hint: DATE_HINT,
    explain: (raw) => explainDate(raw),
    fast: options.allowEmpty ? (orEmpty(fastIsoDate) as (text: string) => string | typeof REJECT) : fastIsoDate,
  };
}
