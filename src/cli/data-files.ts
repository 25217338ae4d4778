/**
 * Every file of a data folder and every column or key in it, in the analyst's words: what it
 * means, what `check` accepts and an example. One table feeds `docs/data-files.md`, the README.md
 * that `npm run init` writes into a new data folder, and the comments of the YAML files it writes.
 * What a CSV cell accepts is taken from the column specs themselves (`expected`), so it reads
 * exactly as `check` says it; test/init.test.ts checks that every column and key the schemas
 * define is here, and nothing else.
 */
import { complaintColumns, kpiColumns, orderColumns, surveyColumns } from '../schemas/company-data.ts';
import { statisticColumns } from '../schemas/benchmarks.ts';
import type { ColumnSpec, TableSpec } from '../pipeline/table.ts';
import { METRIC_IDS } from '../metrics/catalogue.ts';
import { readFileSync } from 'node:fs';

export interface FieldDoc {
  /** Column name, or key path in a YAML file (`reporting_period.start`, `segments[].id`). */
  name: string;
  /** yes; no (may be left out; in a CSV file, the column too); a default; or (CSV) a column whose cells may be empty. */
  required: 'yes' | 'no' | 'default' | 'column';
  /** What `check` accepts. */
  accepts: string;
  example: string;
  meaning: string;
}

export interface FileDoc {
  path: string;
  /** Absent unless the company chooses it. */
  optional: boolean;
  summary: string;
  fields: FieldDoc[];
}

type Notes = Record<string, { example: string; meaning: string }>;

/** A CSV file's columns in the order of its spec, each with what its spec accepts. */
function csvFields(spec: TableSpec, notes: Notes): FieldDoc[] {
  return Object.entries(spec).map(([name, column]) => {
    const note = notes[name];
    if (!note) throw new Error(`data-files.ts: no description of column ${name}`);
    const { expected, optional } = column as ColumnSpec;
    const emptyAllowed = /or an empty cell|empty cell if/.test(expected);
    return { name, required: optional ? 'no' : emptyAllowed ? 'column' : 'yes', accepts: expected, example: note.example, meaning: note.meaning };
  });
}

/** The metric's definition as the English site states it. */
const ENGLISH_STRINGS = JSON.parse(readFileSync(new URL('../i18n/strings/en.json', import.meta.url), 'utf8')) as Record<string, string>;
function definition(metric: string): string {
  const text = ENGLISH_STRINGS[`metric.${metric}.definition`];
  if (text === undefined) throw new Error(`data-files.ts: en.json has no metric.${metric}.definition`);
  return text;
}

/** A 1-5 agreement item and the metric it feeds. */
const likert = (metric: string): { example: string; meaning: string } => ({
  example: '4',
  meaning: `1 = strongly disagree … 5 = strongly agree; empty = no answer. ${metric}${metric.startsWith('trust_') ? ' (and trust_index)' : ''}: ${definition(metric)}`,
});

const SURVEY = csvFields(surveyColumns, {
  respondent_id: { example: 'R0001', meaning: 'one respondent; the same id in two waves is the same person answering again' },
  customer_id: { example: 'C001', meaning: "the respondent's customer id in orders.csv (links what they say to what they do); empty for anonymous answers. The column may be left out" },
  wave: { example: '2025-Q3', meaning: 'the survey wave (quarter) the answer belongs to; inside the reporting period' },
  segment: { example: 'consumers', meaning: 'the id of one of the segments in company.yaml' },
  country: { example: 'FI', meaning: 'where the respondent lives (ISO 3166-1 code)' },
  nps: { example: '9', meaning: `the answer to "How likely are you to recommend us to a friend or colleague?", 0-10; empty = no answer. nps: ${definition('nps')}` },
  csat: likert('csat'),
  trust_reliability: likert('trust_reliability'),
  trust_transparency: likert('trust_transparency'),
  trust_competence: likert('trust_competence'),
  trust_empathy: likert('trust_empathy'),
  trust_consistency: likert('trust_consistency'),
  data_concern: likert('data_concern'),
  transparency_importance: likert('transparency_importance'),
  problem_trust: likert('problem_trust'),
  peer_influence: likert('peer_influence'),
});

const ORDERS = csvFields(orderColumns, {
  order_id: { example: 'O0001', meaning: 'one order; each id appears once' },
  customer_id: { example: 'C001', meaning: 'the customer who placed it; all rows of a customer give their history, loyalty tier and retention' },
  order_date: { example: '2025-08-14', meaning: 'the day the order was placed; orders before the reporting period count as history' },
  segment: { example: 'consumers', meaning: "the id of one of the segments in company.yaml; the customer's segment" },
  country: { example: 'FI', meaning: "the customer's country (ISO 3166-1 code); may be empty" },
  acquisition_channel: { example: 'referral', meaning: 'how the order came in; referral_share counts customers whose first order was a "referral"' },
  quoted_amount: { example: '59.90', meaning: 'the price quoted to the customer, in the currency of company.yaml' },
  charged_amount: { example: '59.90', meaning: 'the amount actually charged; more than half a cent above the quote counts as charged above the quote' },
  promised_date: { example: '2025-08-19', meaning: 'the delivery date promised at the order' },
  delivered_date: { example: '2025-08-18', meaning: 'the day it was delivered; on or before promised_date counts as on time; empty if not delivered' },
});

const COMPLAINTS = csvFields(complaintColumns, {
  complaint_id: { example: 'K001', meaning: 'one complaint; each id appears once' },
  customer_id: { example: 'C001', meaning: 'the customer who complained; their segment comes from orders.csv' },
  opened_at: { example: '2025-09-02T09:15', meaning: 'when the complaint was received (UTC unless an offset such as +03:00 is given)' },
  first_response_at: { example: '2025-09-02T13:40', meaning: 'the first reply to the customer; empty if there has been none' },
  resolved_at: { example: '2025-09-04T16:00', meaning: 'when it was resolved; within complaint_resolution_days counts as resolved; empty if open' },
});

const KPIS = csvFields(kpiColumns, {
  period: { example: '2025-Q3', meaning: 'the quarter (wave) the figure describes' },
  segment: { example: 'all', meaning: 'a segment id from company.yaml, or "all" for the whole company' },
  metric: { example: 'csat', meaning: `the metric, one whose raw file (survey, orders or complaints) is not in the folder: ${METRIC_IDS.join(', ')}` },
  value: { example: '51.5', meaning: "the figure on the metric's own scale (percentages 0-100, NPS -100..100, hours, orders per customer)" },
  n: { example: '412', meaning: 'respondents or customers behind the figure; below minimum_cell_size it is suppressed' },
  low: { example: '48.3', meaning: 'lower end of its 95% interval; empty to have it computed from value and n' },
  high: { example: '54.6', meaning: 'upper end of its 95% interval; empty with low' },
});

const STATISTICS = csvFields(statisticColumns, {
  id: { example: 'pew-2019-concerned-company-data-use', meaning: 'one published figure; unique in the file' },
  source: { example: 'pew-2019-privacy', meaning: 'the id of its publication in sources.yaml' },
  metric: { example: 'data_concern', meaning: 'what it measures; figures whose key a company metric names are set beside that metric' },
  measure: { example: 'level', meaning: '"level" for a figure, "relative_change" for a change in %' },
  unit: { example: 'percent', meaning: '"percent", "points" (an index or NPS) or "times" (a multiple)' },
  scale: { example: '0..100', meaning: 'the range the figure can take; a percentage level is always 0..100' },
  value: { example: '79', meaning: 'the figure as published (decimals as published: 78.0 stays 78.0); empty for a range' },
  low: { example: '', meaning: 'lower end of a published range ("5 to 25 times"); empty with value' },
  high: { example: '', meaning: 'upper end of a published range; empty with value' },
  qualifier: { example: 'about', meaning: 'how the source hedges the figure: "about", "up_to", "at_least", "more_than"; empty if not' },
  population: { example: 'Gen Z respondents', meaning: "who the figure is about, when narrower than the source's population" },
  markets: { example: 'US|GB', meaning: "countries the figure covers, when narrower than the source's markets" },
  n: { example: '1200', meaning: "respondents behind the figure, when not the source's n" },
  industry: { example: 'retail', meaning: "the industry an industry-level figure describes; matched to company.yaml's industry" },
  wording: { example: 'Are very or somewhat concerned about how companies use the data they collect about them', meaning: 'what was asked and what the figure counts, close to the source (English)' },
  status: { example: 'primary', meaning: 'how the figure was verified (sources.yaml, status)' },
  caveat: { example: 'Read in a press release, not the report.', meaning: 'what a reader must know; required for "unverified" and "misquoted" figures' },
  note: { example: '64% say the same of the government.', meaning: 'more context, shown with the figure' },
});

const yes = 'yes' as const;
const no = 'no' as const;
const byDefault = 'default' as const;

const COMPANY: FieldDoc[] = [
  { name: 'name', required: yes, accepts: 'non-empty text', example: 'Acme Oy', meaning: 'who the report is for; shown on every page' },
  { name: 'locales', required: yes, accepts: 'a list of locale codes: en, th, fi, ru, vi', example: '[fi, en]', meaning: 'the languages the site is published in' },
  { name: 'default_locale', required: yes, accepts: 'one of the listed locales', example: 'fi', meaning: 'the language a reader meets first' },
  { name: 'site_url', required: no, accepts: 'an http(s) URL', example: 'https://trust.acme.example/', meaning: 'the public address of the site, for canonical and hreflang links and the sitemap' },
  { name: 'currency', required: yes, accepts: 'a three-letter ISO 4217 code', example: 'EUR', meaning: 'the currency of the amounts in orders.csv' },
  { name: 'reporting_period', required: yes, accepts: '{ start, end }', example: '{ start: 2025-07-01, end: 2025-12-31 }', meaning: 'the period the report covers; its quarters are the waves' },
  { name: 'reporting_period.start', required: yes, accepts: 'a date written as YYYY-MM-DD', example: '2025-07-01', meaning: 'first day of the period' },
  { name: 'reporting_period.end', required: yes, accepts: 'a date written as YYYY-MM-DD, on or after start', example: '2025-12-31', meaning: 'last day of the period; every age is measured at this date' },
  { name: 'minimum_cell_size', required: byDefault, accepts: 'a whole number from 5 to 1000 (default 30)', example: '30', meaning: 'groups of fewer respondents are never published, nor recoverable by subtraction' },
  { name: 'benchmark_max_age_years', required: byDefault, accepts: 'a number above 0, at most 50 (default 5)', example: '7', meaning: 'public figures older than this at the end of the period are flagged as dated' },
  { name: 'segments', required: yes, accepts: 'a list of at least one { id, labels }', example: '- { id: consumers, labels: { en: Consumers, fi: Kuluttajat } }', meaning: 'the groups of customers the report compares' },
  { name: 'segments[].id', required: yes, accepts: 'an id of lower-case letters, digits and dashes', example: 'consumers', meaning: 'the id the CSV files use in their segment column' },
  { name: 'segments[].labels', required: yes, accepts: 'a non-empty name for every locale', example: '{ en: Consumers, fi: Kuluttajat }', meaning: "the segment's name on the site, per language" },
  { name: 'industry', required: no, accepts: 'an id of lower-case letters, digits and dashes', example: 'retail', meaning: 'matched to the industry column of industry-level public figures' },
  { name: 'markets', required: no, accepts: 'a list of two-letter country codes in capitals', example: '[FI]', meaning: "where the customers are; a public figure is a benchmark only for these; default: the survey's countries" },
  { name: 'materiality', required: byDefault, accepts: '{ share, hours, orders, metrics }', example: '{ share: 2, hours: 2, orders: 0.1 }', meaning: 'smallest change in a census figure (orders, complaints) worth calling one' },
  { name: 'materiality.share', required: byDefault, accepts: 'a number above 0, at most 50 (default 2)', example: '2', meaning: 'percentage points, for shares' },
  { name: 'materiality.hours', required: byDefault, accepts: 'a number above 0, at most 1000 (default 2)', example: '2', meaning: 'hours, for response and resolution times' },
  { name: 'materiality.orders', required: byDefault, accepts: 'a number above 0, at most 100 (default 0.1)', example: '0.1', meaning: 'orders per customer, for purchase frequency' },
  { name: 'materiality.metrics', required: byDefault, accepts: 'metric ids with positive numbers (default none)', example: '{ on_time_delivery: 1 }', meaning: "per-metric thresholds in the metric's own unit, overriding the three above" },
  { name: 'complaint_resolution_days', required: byDefault, accepts: 'a whole number from 1 to 365 (default 14)', example: '14', meaning: '"resolved" means resolved within this many days' },
  { name: 'guidance_checked_within_days', required: byDefault, accepts: 'a whole number from 1 to 3650 (default 365)', example: '365', meaning: "warn when a guidance article's law and figures were checked longer ago" },
  { name: 'repeat_answers', required: byDefault, accepts: '"first" or "all" (default first)', example: 'first', meaning: 'a customer answering twice in one wave: keep the first answer, or all' },
  { name: 'weighting', required: no, accepts: '{ by, targets }', example: '{ by: segment, targets: [...] }', meaning: 'post-stratify survey figures to the customer mix' },
  { name: 'weighting.by', required: yes, accepts: '"segment" or "segment_country"', example: 'segment', meaning: 'the cells the targets are given for' },
  { name: 'weighting.targets', required: yes, accepts: 'a list of { segment, country, share }, one per cell', example: '- { segment: consumers, share: 3847 }', meaning: 'the customer mix to weight to' },
  { name: 'weighting.targets[].segment', required: yes, accepts: 'a segment id listed under segments', example: 'consumers', meaning: "the target's segment" },
  { name: 'weighting.targets[].country', required: no, accepts: 'a two-letter country code in capitals; only with by: segment_country', example: 'FI', meaning: "the target's country" },
  { name: 'weighting.targets[].share', required: yes, accepts: 'a positive number', example: '3847', meaning: 'a share or a count of customers; the targets are normalised' },
  { name: 'gross_margin', required: no, accepts: 'a number above 0 (a share of revenue, 0-1)', example: '0.3', meaning: 'for the retention scenario: margin kept on a retained customer' },
  { name: 'acquisition_cost', required: no, accepts: 'a positive number, at most 10,000,000', example: '40', meaning: 'for the retention scenario: the average cost of winning one customer, in currency' },
];

const SOURCES: FieldDoc[] = [
  { name: 'sources', required: yes, accepts: 'a list of at least one publication', example: '- id: pew-2019-privacy', meaning: 'one entry per publication; its figures are rows of statistics.csv' },
  { name: 'sources[].id', required: yes, accepts: 'an id of lower-case letters, digits and dashes', example: 'pew-2019-privacy', meaning: 'the id statistics.csv names in its source column' },
  { name: 'sources[].publisher', required: yes, accepts: 'non-empty text', example: 'Pew Research Center', meaning: 'who published it, as printed' },
  { name: 'sources[].title', required: yes, accepts: 'non-empty text', example: 'Americans and Privacy', meaning: 'its title, as printed' },
  { name: 'sources[].descriptive', required: byDefault, accepts: 'a list of "title" and "publisher" (default none)', example: '[title]', meaning: 'fields written by you because the original is unknown; these are translated' },
  { name: 'sources[].authors', required: no, accepts: 'a list of names', example: '[Brooke Auxier, Lee Rainie]', meaning: 'authors, as printed' },
  { name: 'sources[].year', required: no, accepts: 'a whole year from 1900 to 2100', example: '2019', meaning: 'publication year as printed; leave out when no original was found' },
  { name: 'sources[].released', required: no, accepts: 'a date written as YYYY-MM-DD', example: '2019-11-15', meaning: 'release date; the age of its figures is counted from it' },
  { name: 'sources[].released_note', required: no, accepts: 'non-empty text', example: 'October 2014', meaning: 'what is known of the release date when there is no exact one' },
  { name: 'sources[].fieldwork', required: no, accepts: '{ start, end, note }', example: '{ start: 2019-06-03, end: 2019-06-17 }', meaning: 'when respondents were asked' },
  { name: 'sources[].fieldwork.start', required: no, accepts: 'a date written as YYYY-MM-DD', example: '2019-06-03', meaning: 'first day of fieldwork' },
  { name: 'sources[].fieldwork.end', required: no, accepts: 'a date written as YYYY-MM-DD', example: '2019-06-17', meaning: 'last day of fieldwork' },
  { name: 'sources[].fieldwork.note', required: no, accepts: 'non-empty text', example: 'May 2023', meaning: 'what is known of fieldwork when there are no dates' },
  { name: 'sources[].population', required: yes, accepts: 'non-empty text', example: 'US adults', meaning: 'whom it asked' },
  { name: 'sources[].markets', required: yes, accepts: 'a list of two-letter country codes in capitals, or [global]', example: '[US]', meaning: 'countries it covers' },
  { name: 'sources[].n', required: no, accepts: 'a whole number of respondents above 0', example: '4272', meaning: 'how many answered' },
  { name: 'sources[].n_note', required: no, accepts: 'non-empty text', example: 'Not a survey', meaning: 'what is known of n when there is no exact number' },
  { name: 'sources[].margin_of_error', required: no, accepts: 'a number above 0, at most 50', example: '1.9', meaning: 'margin of error in percentage points at 95% confidence, as the publisher states it' },
  { name: 'sources[].margin_note', required: no, accepts: 'non-empty text', example: 'Opt-in sample; no margin is meaningful.', meaning: 'why there is no margin' },
  { name: 'sources[].sample', required: byDefault, accepts: '"probability", "opt_in" or "unknown" (default unknown)', example: 'probability', meaning: 'how respondents were chosen; only a probability sample supports "larger than the uncertainty"' },
  { name: 'sources[].design_effect', required: no, accepts: 'a number from 1 to 20', example: '1.5', meaning: "the Kish design effect of the publisher's weighting, only where stated" },
  { name: 'sources[].method', required: yes, accepts: 'non-empty text', example: 'Online survey of a probability-based panel', meaning: 'how it was done' },
  { name: 'sources[].url', required: no, accepts: 'an http(s) URL', example: 'https://www.pewresearch.org/…', meaning: 'where the original can be read' },
  { name: 'sources[].status', required: yes, accepts: '"primary", "secondary", "unverified" or "misquoted"', example: 'primary', meaning: "primary = read in the publisher's own text; secondary = read in a write-up quoting it; unverified = no original found; misquoted = the usual citation does not match the source" },
  { name: 'sources[].caveats', required: byDefault, accepts: 'a list of non-empty texts (default none)', example: '- Opt-in online sample.', meaning: 'what a reader must know about the whole publication' },
];

const TRANSLATIONS: FieldDoc[] = [
  { name: 'sources', required: byDefault, accepts: 'source ids of sources.yaml, each with translated fields', example: 'pew-2019-privacy:', meaning: "the publications' descriptive text in this language" },
  ...(['title', 'publisher', 'population', 'method', 'fieldwork_note', 'n_note', 'margin_note', 'released_note', 'caveats'] as const).map((key) => ({
    name: `sources.<id>.${key}`,
    required: no,
    accepts: key === 'caveats' ? 'a list of translated texts, one per English caveat' : 'a translated text',
    example: key === 'population' ? 'Yhdysvaltalaiset aikuiset' : key === 'caveats' ? '- "…"' : '"…"',
    meaning:
      key === 'title' || key === 'publisher'
        ? `the ${key}, only when sources.yaml lists it under descriptive`
        : `the ${key.replace('_note', '')}${key.endsWith('_note') ? ' note' : ''} of the English entry`,
  })),
  { name: 'statistics', required: byDefault, accepts: 'figure ids of statistics.csv, each with translated fields', example: 'pew-2019-concerned-company-data-use:', meaning: "the figures' text in this language" },
  ...(['wording', 'population', 'caveat', 'note'] as const).map((key) => ({
    name: `statistics.<id>.${key}`,
    required: no,
    accepts: 'a translated text',
    example: '"…"',
    meaning: `the ${key} column of the English row`,
  })),
];

export const DATA_FILES: readonly FileDoc[] = [
  { path: 'company/company.yaml', optional: false, summary: 'Who the report is for and how it is published.', fields: COMPANY },
  { path: 'company/survey.csv', optional: false, summary: 'One row per respondent and wave. Answers may be left empty; a figure counts only the answers given.', fields: SURVEY },
  { path: 'company/orders.csv', optional: false, summary: 'One row per order, with its quote, charge and delivery dates. Customers, their segments, loyalty tiers and retention come from here.', fields: ORDERS },
  { path: 'company/complaints.csv', optional: false, summary: 'One row per complaint, with response and resolution times.', fields: COMPLAINTS },
  {
    path: 'company/kpis.csv',
    optional: true,
    summary: 'Pre-aggregated figures from a warehouse, for metrics whose raw file is not in the folder (a company may give kpis.csv instead of survey.csv, orders.csv or complaints.csv, or beside some of them). One row per period, segment and metric.',
    fields: KPIS,
  },
  { path: 'benchmarks/sources.yaml', optional: false, summary: 'One entry per public publication, with its full provenance.', fields: SOURCES },
  { path: 'benchmarks/statistics.csv', optional: false, summary: 'One row per published figure. Each row has either a value or a low and high.', fields: STATISTICS },
  {
    path: 'benchmarks/translations/<locale>.yaml',
    optional: true,
    summary: 'The library\'s descriptive text in a published language other than English (th, fi, ru, vi). Whatever is left out shows in English, marked as such, and `check` warns about it.',
    fields: TRANSLATIONS,
  },
];

const cell = (text: string) => (text === '' ? '' : text.replace(/\|/g, '\\|').replace(/\n/g, ' '));
const code = (text: string) => (text === '' ? '(empty)' : `\`${text.replace(/\|/g, '\\|')}\``);
const REQUIRED: Record<FieldDoc['required'], string> = { yes: 'yes', no: 'no', default: 'no (default)', column: 'column yes, cell may be empty' };

/** The reference: one section per file, one table row per column or key. */
export function renderReference(heading = '##'): string {
  const out: string[] = [];
  for (const file of DATA_FILES) {
    out.push(`${heading} \`${file.path}\`${file.optional ? ' (optional)' : ''}`, '', file.summary, '');
    const csv = file.path.endsWith('.csv');
    out.push(`| ${csv ? 'column' : 'key'} | required | accepts | example | meaning |`, '|---|---|---|---|---|');
    for (const field of file.fields) {
      out.push(`| \`${field.name}\` | ${REQUIRED[field.required]} | ${cell(field.accepts)} | ${code(field.example)} | ${cell(field.meaning)} |`);
    }
    out.push('');
  }
  return out.join('\n');
}

export const FORMAT_NOTES = [
  'CSV files: UTF-8 (with or without a byte-order mark), LF or CRLF, delimited by `,` or `;` (a `;` file may use decimal commas). The first row names the columns, in any order, and no others; a column whose "required" is "no" may be left out (its cells then read as empty). Dates `YYYY-MM-DD` (or `31.1.2025`), date-times `YYYY-MM-DDTHH:MM` (UTC unless an offset is given). Numbers without thousands separators.',
  'YAML files: UTF-8; `#` starts a comment.',
  'Required "no (default)": the key may be left out and then takes the default shown.',
].join('\n\n');

/** docs/data-files.md, whole. */
export function renderDataFilesDoc(): string {
  return [
    '# Data files',
    '',
    '<!-- Generated from src/cli/data-files.ts, which reads the column specs in src/schemas/: do not edit by hand.',
    '     After changing a schema or a description, run: UPDATE_DOCS=1 npx vitest run test/init.test.ts -->',
    '',
    'Every file of a data folder and every column or key in it: what `npm run check` accepts, an example and what it means.',
    '`npm run init -- <folder>` writes a starter folder with every file below, a few example rows and this reference as its README.md.',
    '',
    FORMAT_NOTES,
    '',
    renderReference('##'),
  ].join('\n');
}
