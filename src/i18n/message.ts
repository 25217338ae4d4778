/**
 * UI strings are ICU MessageFormat, read and formatted by FormatJS's intl-messageformat (the
 * parser the strings check uses too, so plural words are never taken for placeholders):
 *   "{name}"                                              the value of `name`
 *   "{count, plural, one {# figure} other {# figures}}"   plural forms by Intl.PluralRules, with
 *                                                         `=0 {...}` exact matches and `#`
 *   "{kind, select, share {…} other {…}}"                 a form chosen by a word
 * Numbers, in a placeholder or as `#`, go through the caller's formatter, so they follow the
 * page's locale (and its true minus sign). Tags are plain text: a string never becomes markup.
 */
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { IntlMessageFormat } from 'intl-messageformat';

export type MessageValue = string | number;
export type MessageValues = Record<string, MessageValue>;

/** A message compiled once, formatted many times. */
export type CompiledMessage = (values: MessageValues) => string;

/**
 * Compiles `template` for a BCP 47 locale tag. Throws on a template that is not a valid
 * message (the strings check reports those first, at their line).
 */
export function compileMessage(template: string, locale: string, formatNumber: (value: number) => string, key = ''): CompiledMessage {
  // A message without any placeholder is its own text (ICU's quoting aside, which the check keeps out).
  if (!template.includes('{') && !template.includes("'")) return () => template;
  let message: IntlMessageFormat;
  // intl-messageformat writes a plain {value} with String(); every number here goes through the
  // page's formatter instead, so each plain placeholder becomes a number placeholder whose
  // formatter passes text through unchanged.
  const format = (value: unknown) => (typeof value === 'number' ? formatNumber(value) : String(value));
  const numberFormat = { format } as unknown as Intl.NumberFormat;
  try {
    message = new IntlMessageFormat(asNumbers(parse(template, { ignoreTag: true })), locale, undefined, {
      ignoreTag: true,
      formatters: {
        getNumberFormat: () => numberFormat,
        getDateTimeFormat: (...args: ConstructorParameters<typeof Intl.DateTimeFormat>) => new Intl.DateTimeFormat(...args),
        getPluralRules: () => pluralRules(locale),
      },
    });
  } catch (error) {
    throw new Error(`message "${key}" is not a valid ICU message: ${explain((error as Error).message)}`);
  }
  const names = placeholderNames(template);
  return (values) => {
    for (const name of names) {
      if (values[name] === undefined) throw new Error(`message "${key}" needs a value for {${name}}`);
    }
    return String(message.format(values));
  };
}

const plurals = new Map<string, Intl.PluralRules>();
/** One Intl.PluralRules per locale for the whole build (making one costs far more than using it). */
function pluralRules(locale: string): Intl.PluralRules {
  let rules = plurals.get(locale);
  if (!rules) plurals.set(locale, (rules = new Intl.PluralRules(locale)));
  return rules;
}

function asNumbers(elements: MessageFormatElement[]): MessageFormatElement[] {
  return elements.map((el): MessageFormatElement => {
    if (el.type === TYPE.argument) return { type: TYPE.number, value: el.value, style: null, ...(el.location ? { location: el.location } : {}) };
    if (el.type === TYPE.plural || el.type === TYPE.select) {
      return { ...el, options: Object.fromEntries(Object.entries(el.options).map(([k, o]) => [k, { ...o, value: asNumbers(o.value) }])) };
    }
    if (el.type === TYPE.tag) return { ...el, children: asNumbers(el.children) };
    return el;
  });
}

/** The parser's error codes, in words. */
const EXPLAINED: Record<string, string> = {
  MISSING_OTHER_CLAUSE: 'a plural or select needs an "other" form',
  EXPECT_ARGUMENT_CLOSING_BRACE: 'a "{" is not closed by "}"',
  UNMATCHED_CLOSING_BRACE: 'a "}" closes nothing',
  EMPTY_ARGUMENT: 'a placeholder "{}" has no name',
  MALFORMED_ARGUMENT: 'a placeholder name is not a plain word',
  EXPECT_ARGUMENT_TYPE: 'expected "plural", "select" or "number" after the comma',
  INVALID_ARGUMENT_TYPE: 'expected "plural", "select" or "number" after the comma',
  EXPECT_PLURAL_ARGUMENT_SELECTOR: 'a plural form has no selector (one, few, many, other, =0...)',
  EXPECT_SELECT_ARGUMENT_SELECTOR: 'a select form has no selector word',
  EXPECT_PLURAL_ARGUMENT_SELECTOR_FRAGMENT: 'a plural selector is not followed by "{text}"',
  EXPECT_SELECT_ARGUMENT_SELECTOR_FRAGMENT: 'a select selector is not followed by "{text}"',
  DUPLICATE_PLURAL_ARGUMENT_SELECTOR: 'a plural selector appears twice',
  DUPLICATE_SELECT_ARGUMENT_SELECTOR: 'a select selector appears twice',
  INVALID_PLURAL_ARGUMENT_SELECTOR: 'a plural selector is not one of zero, one, two, few, many, other or =N',
};
const explain = (code: string) => EXPLAINED[code] ?? code.toLowerCase().replace(/_/g, ' ');

/** Formats one template (compiling it each time: for tests and one-off use). */
export function formatMessage(template: string, values: MessageValues, locale: string, formatNumber: (value: number) => string, key = ''): string {
  return compileMessage(template, locale, formatNumber, key)(values);
}

/** Why a template is not a valid message, or undefined when it is. */
export function messageSyntaxError(template: string): string | undefined {
  try {
    parse(template, { ignoreTag: true });
    return undefined;
  } catch (error) {
    return explain((error as Error).message);
  }
}

/** Names of the values a template needs (not plural or select words), for the check across locales. */
export function placeholderNames(template: string): string[] {
  const names = new Set<string>();
  const visit = (elements: MessageFormatElement[]) => {
    for (const el of elements) {
      if (el.type === TYPE.literal || el.type === TYPE.pound) continue;
      if (el.type === TYPE.tag) {
        visit(el.children);
        continue;
      }
      names.add(el.value);
      if (el.type === TYPE.plural || el.type === TYPE.select) for (const option of Object.values(el.options)) visit(option.value);
    }
  };
  try {
    visit(parse(template, { ignoreTag: true }));
  } catch {
    // An invalid template has no names; the check reports its syntax.
  }
  return [...names].sort();
}
