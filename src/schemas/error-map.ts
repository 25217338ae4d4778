/**
 * Zod issues rewritten for the analyst who will fix the file: "expected ..." in plain words.
 * The caller appends ", found ..." with the value actually written, since it knows the raw text.
 */
import type { z } from 'zod';

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping of keys to values',
  date: 'a date',
};

export function analystErrorMap(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return `expected ${TYPE_WORDS[issue.expected] ?? issue.expected} (required)`;
      return `expected ${TYPE_WORDS[issue.expected] ?? issue.expected}`;
    case 'too_small':
      if (issue.origin === 'string') return 'expected non-empty text';
      if (issue.origin === 'array') return `expected a list of at least ${issue.minimum} item${issue.minimum === 1 ? '' : 's'}`;
      return `expected a number ${issue.inclusive ? '>=' : '>'} ${issue.minimum}`;
    case 'too_big':
      if (issue.origin === 'string') return `expected text of at most ${issue.maximum} characters`;
      if (issue.origin === 'array') return `expected a list of at most ${issue.maximum} items`;
      return `expected a number ${issue.inclusive ? '<=' : '<'} ${issue.maximum}`;
    case 'invalid_value':
      return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'invalid_format':
      return `expected ${issue.format === 'regex' ? 'a value in the documented format' : `a valid ${issue.format}`}`;
    case 'unrecognized_keys':
      return `unknown key${issue.keys.length === 1 ? '' : 's'} ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}`;
    default:
      return undefined;
  }
}
