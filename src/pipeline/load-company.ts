/**
 * Load stage for `company/company.yaml`.
 */
import { LOCALE_CODES } from '../i18n/locales.ts';
import { companySchema, type Company } from '../schemas/company.ts';
import { dataFile, readYamlFile } from './files.ts';
import type { Issue } from './issues.ts';

/** Segment ids with a meaning of their own elsewhere: `all` is the whole company in kpis.csv. */
export const RESERVED_SEGMENT_IDS = ['all'];
/** The longest reporting period a report is built for, in quarters (ten years). */
export const MAX_QUARTERS = 40;

const quarterStart = (iso: string) => /^\d{4}-(01|04|07|10)-01$/.test(iso);
const quarterEnd = (iso: string) => /^\d{4}-(03-31|06-30|09-30|12-31)$/.test(iso);
const quarterIndex = (iso: string) => Number(iso.slice(0, 4)) * 4 + Math.floor((Number(iso.slice(5, 7)) - 1) / 3);

export async function loadCompany(dataDir: string, options: { today?: string } = {}): Promise<{ company?: Company; issues: Issue[] }> {
  const file = dataFile(dataDir, 'company/company.yaml');
  const result = await readYamlFile(file, companySchema, 'see README, "Bringing your own data"');
  const issues = [...result.issues];
  const company = result.data;
  const at = (path: PropertyKey[], field: string, message: string, hint?: string) => {
    const pos = result.locate!(path);
    issues.push({ file: file.display, line: pos.line, column: pos.column, field, message, ...(hint ? { hint } : {}) });
  };
  if (company && result.locate) {
    // Each listed once: a repeated locale or segment id would publish the same pages twice, or
    // make every row of that segment look unknown.
    const firstLocale = new Map<string, number>();
    company.locales.forEach((locale, i) => {
      const first = firstLocale.get(locale);
      if (first !== undefined) at(['locales', i], 'locales', `expected each locale once, found "${locale}" again (first at position ${first + 1})`, 'remove the repeated locale');
      else firstLocale.set(locale, i);
    });
    const firstSegment = new Map<string, number>();
    company.segments.forEach((segment, i) => {
      const first = firstSegment.get(segment.id);
      if (first !== undefined) at(['segments', i, 'id'], 'id', `expected each segment id once, found "${segment.id}" again (first at line ${result.locate!(['segments', first, 'id']).line})`, 'give each segment its own id');
      else firstSegment.set(segment.id, i);
      if (RESERVED_SEGMENT_IDS.includes(segment.id)) at(['segments', i, 'id'], 'id', `expected a segment id other than "${segment.id}", which stands for the whole company in kpis.csv`, 'rename the segment, e.g. "all-customers"');
    });
    // A period of whole quarters, of a sane length, that has begun.
    const { start, end } = company.reporting_period;
    if (!quarterStart(start)) at(['reporting_period', 'start'], 'start', `expected the first day of a quarter (1 January, 1 April, 1 July or 1 October), found "${start}"`, 'figures are computed per quarter; start the period where a quarter starts');
    if (!quarterEnd(end)) at(['reporting_period', 'end'], 'end', `expected the last day of a quarter (31 March, 30 June, 30 September or 31 December), found "${end}"`, 'figures are computed per quarter; end the period where a quarter ends');
    const quarters = quarterIndex(end) - quarterIndex(start) + 1;
    if (quarters > MAX_QUARTERS) at(['reporting_period', 'end'], 'end', `expected a reporting period of at most ${MAX_QUARTERS} quarters (ten years), found ${quarters} quarters from ${start} to ${end}`, 'check the years for a typo');
    if (options.today && quarterIndex(end) > quarterIndex(options.today)) {
      at(['reporting_period', 'end'], 'end', `expected a period that ends by the end of the current quarter (today is ${options.today}), found "${end}"`, 'check the year for a typo; a report cannot cover quarters that have not begun');
    }
    if (company.gross_margin !== undefined && company.gross_margin >= 1) {
      at(['gross_margin'], 'gross_margin', `expected a fraction of revenue between 0 and 1, found ${company.gross_margin}`, company.gross_margin <= 100 ? `write ${company.gross_margin} % as ${company.gross_margin / 100}` : 'a gross margin is a share of revenue, such as 0.32 for 32 %');
    }
  }
  if (company && result.locate) {
    company.locales.forEach((locale, i) => {
      if (LOCALE_CODES.includes(locale)) return;
      const pos = result.locate!(['locales', i]);
      issues.push({
        file: file.display,
        line: pos.line,
        column: pos.column,
        field: 'locales',
        message: `expected one of the available locales ${LOCALE_CODES.join(', ')}, found "${locale}"`,
        hint: 'see README, "Adding a locale"',
      });
    });
  }
  if (company && result.locate) {
    company.segments.forEach((segment, i) => {
      // Only the locales that exist: an unknown locale is reported once, above.
      const missing = company.locales.filter((locale) => LOCALE_CODES.includes(locale) && !(locale in segment.labels));
      if (missing.length === 0) return;
      const pos = result.locate!(['segments', i, 'labels']);
      issues.push({
        file: file.display,
        line: pos.line,
        column: pos.column,
        field: 'labels',
        message: `expected a label in every published locale, found none for ${missing.join(', ')}`,
        hint: `add ${missing.map((l) => `${l}: ...`).join(', ')} to the labels of "${segment.id}"`,
      });
    });
  }
  return { company: issues.length ? undefined : company, issues };
}
