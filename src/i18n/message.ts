/**
 * A small subset of ICU MessageFormat, enough for UI strings:
 *   "{name}"                                    the value of `name`
 *   "{count, plural, one {# figure} other {# figures}}"   plural forms by Intl.PluralRules,
 *                                               with `=0 {...}` exact matches and `#` for the number
 * Numbers are formatted by the caller-supplied formatter, so they follow the page's locale.
 */

export type MessageValue = string | number;
export type MessageValues = Record<string, MessageValue>;

interface Context {
  plural: Intl.PluralRules;
  formatNumber: (value: number) => string;
  values: MessageValues;
  key: string;
}

export function formatMessage(
  template: string,
  values: MessageValues,
  plural: Intl.PluralRules,
  formatNumber: (value: number) => string,
  key = '',
): string {
  return render(template, { plural, formatNumber, values, key }, undefined);
}

function render(template: string, context: Context, hash: string | undefined): string {
  let out = '';
  let i = 0;
  while (i < template.length) {
    const ch = template[i]!;
    if (ch === '#' && hash !== undefined) {
      out += hash;
      i++;
      continue;
    }
    if (ch !== '{') {
      out += ch;
      i++;
      continue;
    }
    const end = matchingBrace(template, i);
    const body = template.slice(i + 1, end);
    out += placeholder(body, context);
    i = end + 1;
  }
  return out;
}

function placeholder(body: string, context: Context): string {
  const firstComma = body.indexOf(',');
  const name = (firstComma < 0 ? body : body.slice(0, firstComma)).trim();
  const value = context.values[name];
  if (value === undefined) throw new Error(`message "${context.key}" needs a value for {${name}}`);
  if (firstComma < 0) return typeof value === 'number' ? context.formatNumber(value) : value;
  const rest = body.slice(firstComma + 1);
  const secondComma = rest.indexOf(',');
  const kind = rest.slice(0, secondComma).trim();
  if (kind !== 'plural') throw new Error(`message "${context.key}": unsupported format "${kind}"`);
  if (typeof value !== 'number') throw new Error(`message "${context.key}": {${name}} must be a number`);
  const options = parseOptions(rest.slice(secondComma + 1), context.key);
  const exact = options.get(`=${value}`);
  const chosen = exact ?? options.get(context.plural.select(value)) ?? options.get('other');
  if (chosen === undefined) throw new Error(`message "${context.key}": no "other" form`);
  return render(chosen, context, context.formatNumber(value));
}

function parseOptions(text: string, key: string): Map<string, string> {
  const options = new Map<string, string>();
  let i = 0;
  while (i < text.length) {
    while (i < text.length && /\s/.test(text[i]!)) i++;
    if (i >= text.length) break;
    const start = i;
    while (i < text.length && text[i] !== '{' && !/\s/.test(text[i]!)) i++;
    const selector = text.slice(start, i);
    while (i < text.length && /\s/.test(text[i]!)) i++;
    if (text[i] !== '{') throw new Error(`message "${key}": expected "{" after "${selector}"`);
    const end = matchingBrace(text, i);
    options.set(selector, text.slice(i + 1, end));
    i = end + 1;
  }
  return options;
}

function matchingBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}') {
      depth--;
      if (depth === 0) return i;
    }
  }
  throw new Error(`unbalanced braces in message: ${text}`);
}

/** Names of the values a template needs, for the consistency check across locales. */
export function placeholderNames(template: string): string[] {
  const names = new Set<string>();
  const re = /\{\s*([A-Za-z_][\w]*)\s*(?:,|\})/g;
  for (const match of template.matchAll(re)) names.add(match[1]!);
  return [...names].sort();
}
