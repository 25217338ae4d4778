/**
 * YAML documents whose values can be traced back to a line and column, so that a schema problem
 * at `sources[3].n` is reported at the line where that value is written.
 */
import { isCollection, isMap, isNode, isScalar, LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import type { Issue } from './issues.ts';

export interface Located {
  line: number;
  column: number;
}

export interface YamlDocument {
  value: unknown;
  issues: Issue[];
  /** Position of the value at `path`, or of its nearest existing parent. */
  locate(path: readonly PropertyKey[]): Located;
  /** Position of the key that ends `path` (for an unknown key), else as `locate`. */
  locateKey(path: readonly PropertyKey[]): Located;
}

export function parseYaml(text: string, file: string): YamlDocument {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const issues: Issue[] = [];
  // A tab used for indentation shifts every line after it, so what else the parser finds is its
  // consequence (one tab gave 15 problems): the tabs are reported, every one, and nothing else.
  const tabs = doc.errors.filter((e) => e.code === 'TAB_AS_INDENT');
  for (const error of tabs.length > 0 ? tabs : doc.errors) {
    const pos = lineCounter.linePos(error.pos[0]);
    issues.push({
      file,
      line: pos.line,
      column: pos.col,
      ...(/call stack/i.test(error.message)
        ? { message: 'expected YAML nested a reasonable number of levels deep, found a file too deeply nested to read', hint: 'the file is not a data file this project writes; start from the README example' }
        : error.code === 'TAB_AS_INDENT'
          ? { message: 'expected spaces for indentation, found a tab', hint: 'indent with spaces: YAML does not allow tabs for indentation' }
          : { message: `expected valid YAML, found ${error.message.split('\n')[0]}`, hint: yamlHint(error.code) }),
    });
  }
  if (text.includes('\ufffd')) {
    const offset = text.indexOf('\ufffd');
    const pos = lineCounter.linePos(offset);
    issues.push({
      file,
      line: pos.line,
      column: pos.col,
      message: 'expected UTF-8 text, found bytes that are not UTF-8',
      hint: 'save the file again with UTF-8 encoding',
    });
  }
  const locate = (path: readonly PropertyKey[]): Located => {
    let node: unknown = doc.contents;
    let best: unknown = node;
    for (const key of path) {
      if (!isCollection(node)) break;
      const next = node.get(typeof key === 'symbol' ? String(key) : key, true);
      if (next === undefined) break;
      node = next;
      best = next;
    }
    const range = isNode(best) ? best.range : undefined;
    if (!range) return { line: 1, column: 1 };
    const pos = lineCounter.linePos(range[0]);
    return { line: pos.line, column: pos.col };
  };
  const locateKey = (path: readonly PropertyKey[]): Located => {
    const parent = path.length > 1 ? doc.getIn(path.slice(0, -1) as unknown[], true) : doc.contents;
    const key = path.at(-1);
    if (isMap(parent)) {
      const pair = parent.items.find((item) => isScalar(item.key) && item.key.value === key);
      const range = pair && isNode(pair.key) ? pair.key.range : undefined;
      if (range) {
        const pos = lineCounter.linePos(range[0]);
        return { line: pos.line, column: pos.col };
      }
    }
    return locate(path);
  };
  // Tags such as !!js/function are not data: the YAML library only warns and keeps the text.
  for (const warning of doc.warnings) {
    const pos = lineCounter.linePos(warning.pos[0]);
    issues.push({ file, line: pos.line, column: pos.col, message: `expected plain YAML values, found ${warning.message.split('\n')[0]}`, hint: 'remove the tag (a word starting with "!"); write the value as plain text or a number' });
  }
  let value: unknown;
  if (issues.length === 0) {
    try {
      // A few aliases are fine; thousands (a "billion laughs" file) would exhaust memory.
      value = doc.toJS({ maxAliasCount: 100 });
    } catch (error) {
      const deep = error instanceof RangeError;
      issues.push({
        file,
        line: 1,
        column: 1,
        message: deep ? 'expected YAML nested a reasonable number of levels deep, found a file too deeply nested to read' : 'expected YAML whose aliases (*name) expand to a reasonable size, found aliases that repeat each other too many times',
        hint: deep ? 'the file is not a data file this project writes; start from the README example' : 'write the values out instead of using anchors (&name) and aliases (*name)',
      });
    }
  }
  return { value, issues, locate, locateKey };
}

function yamlHint(code: string): string {
  switch (code) {
    case 'DUPLICATE_KEY':
      return 'each key may appear once per entry; remove or rename the repeated one';
    case 'BAD_INDENT':
    case 'MISSING_CHAR':
      return 'check the indentation: entries of a list start with "- " at the same depth';
    default:
      return 'quote values that contain ": " or start with a special character';
  }
}

/**
 * Validates a YAML value with a zod schema and turns each zod issue into an Issue at the
 * value's position, with ", found ..." naming what was written there.
 */
export function validateYaml<T>(
  doc: YamlDocument,
  file: string,
  schema: z.ZodType<T>,
  errorMap?: (issue: z.core.$ZodRawIssue) => string | undefined,
): { data?: T; issues: Issue[] } {
  if (doc.issues.length) return { issues: doc.issues };
  const result = schema.safeParse(doc.value, errorMap ? { error: errorMap } : undefined);
  if (result.success) return { data: result.data, issues: [] };
  const issues = result.error.issues.flatMap((issue): Issue[] => {
    // An unknown key is reported at the key itself, once per key, not at its parent entry.
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => {
        const pos = doc.locateKey([...issue.path, key]);
        return { file, line: pos.line, column: pos.column, field: key, message: `unknown key "${key}"`, hint: 'remove the key, or check its spelling' };
      });
    }
    const pos = doc.locate(issue.path);
    const field = issue.path.filter((p) => typeof p === 'string').at(-1) as string | undefined;
    const found = foundText(doc.value, issue.path);
    return [{
      file,
      line: pos.line,
      column: pos.column,
      field: field ?? undefined,
      message: issue.message.startsWith('expected') ? `${issue.message}, found ${found}` : issue.message,
      hint: hintFor(issue) ?? (found === 'a mapping' && issue.code === 'invalid_type' ? 'text containing ": " must be put in quotes' : undefined),
    }];
  });
  return { issues };
}

function foundText(root: unknown, path: readonly PropertyKey[]): string {
  let value: unknown = root;
  for (const key of path) {
    if (value === null || typeof value !== 'object') {
      value = undefined;
      break;
    }
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value';
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return String(value);
}

function hintFor(issue: z.core.$ZodIssue): string | undefined {
  if (issue.code === 'unrecognized_keys') return 'remove the key, or check its spelling';
  const params = (issue as { params?: { hint?: string } }).params;
  return params?.hint;
}
