/**
 * Column specs for CSV cells: zod schemas that take the trimmed cell text and return the typed
 * value, each with the "expected ..." text the analyst sees when a cell is wrong.
 */
import { z } from 'zod';
import type { ColumnSpec } from '../pipeline/table.ts';
import { isRealDate, SLUG } from './common.ts';

const NUMBER = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;

const emptyToUndefined = (text: string) => (text === '' ? undefined : text);

export function textCell(expected = 'non-empty text', hint?: string): ColumnSpec<string> {
  return { schema: z.string().min(1), expected, hint };
}

export function optionalTextCell(expected = 'text or an empty cell'): ColumnSpec<string | undefined> {
  return { schema: z.string().transform(emptyToUndefined), expected, optional: true };
}

export function optionalSlugCell(expected = 'an id of lower-case letters, digits and dashes, or an empty cell'): ColumnSpec<string | undefined> {
  return { schema: z.union([z.literal('').transform(() => undefined), z.string().regex(SLUG)]) as unknown as z.ZodType<string | undefined, string>, expected, optional: true };
}

export function slugCell(expected = 'an id of lower-case letters, digits and dashes'): ColumnSpec<string> {
  return { schema: z.string().regex(SLUG), expected };
}

export function enumCell<const T extends readonly [string, ...string[]]>(
  values: T,
  options: { optional?: boolean } = {},
): ColumnSpec<T[number]> {
  const list = values.map((v) => `"${v}"`).join(', ');
  return {
    schema: z.enum(values) as unknown as z.ZodType<T[number], string>,
    expected: `one of ${list}`,
    optional: options.optional,
  };
}

export function optionalEnumCell<const T extends readonly [string, ...string[]]>(
  values: T,
): ColumnSpec<T[number] | undefined> {
  const list = values.map((v) => `"${v}"`).join(', ');
  return {
    schema: z.union([z.literal('').transform(() => undefined), z.enum(values)]) as unknown as z.ZodType<
      T[number] | undefined,
      string
    >,
    expected: `one of ${list} or an empty cell`,
    optional: true,
  };
}

interface NumberOptions {
  min?: number;
  max?: number;
  integer?: boolean;
  expected?: string;
  hint?: string;
}

function numberSchema(options: NumberOptions) {
  let schema = z
    .string()
    .regex(NUMBER)
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

export function numberCell(options: NumberOptions = {}): ColumnSpec<number> {
  return { schema: numberSchema(options), expected: describeNumber(options), hint: options.hint, numeric: true };
}

export function optionalNumberCell(options: NumberOptions = {}): ColumnSpec<number | undefined> {
  return {
    schema: z.union([z.literal('').transform(() => undefined), numberSchema(options)]),
    expected: `${describeNumber(options)} or an empty cell`,
    hint: options.hint,
    numeric: true,
    optional: true,
  };
}

export function dateCell(): ColumnSpec<string> {
  return {
    schema: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine(isRealDate),
    expected: 'a date written as YYYY-MM-DD that exists on the calendar',
    hint: 'set the column format to ISO dates (YYYY-MM-DD) before exporting',
  };
}
