/**
 * Column specs for the company's own files in `company/`: survey answers, orders with their
 * deliveries, complaints, and the optional pre-aggregated kpis.csv. Each spec turns a cell into a
 * typed value or an "expected ..." message; rules across cells of one row follow each spec.
 */
import { z } from 'zod';
import { REJECT, type ColumnSpec, type RowOf, type RowRule, type TableSpec } from '../pipeline/table.ts';
import { DATE_TIME_HINT, explainDateTime, parseDateTimeText } from '../pipeline/dates.ts';
import { dateCell, enumCell, fastParsed, numberCell, optionalNumberCell, optionalTextCell, parsedText, textCell } from './cells.ts';

/** Survey waves and reporting quarters are written YYYY-Qn. */
export const WAVE = /^(\d{4})-Q([1-4])$/;

const waveCell: ColumnSpec<string> = {
  schema: z.string().regex(WAVE),
  expected: 'a quarter written as YYYY-Qn (e.g. "2026-Q3")',
  fast: (text) => (WAVE.test(text) ? text : REJECT),
};

// Any non-empty text here: whether it is one of company.yaml's segments is checked where the
// segments are known, which can then name the id of a segment written as its label ("Households").
const segmentCell: ColumnSpec<string> = {
  schema: z.string().trim().min(1),
  expected: 'a segment id from company.yaml',
  // Cells arrive trimmed, so the schema's own trim changes nothing.
  fast: (text) => (text === '' ? REJECT : text),
};

/** Two capital letters A-Z. */
const isCountryCode = (text: string) => {
  if (text.length !== 2) return false;
  const a = text.charCodeAt(0);
  const b = text.charCodeAt(1);
  return a >= 65 && a <= 90 && b >= 65 && b <= 90;
};

const countryCell = (optional = false): ColumnSpec<string | undefined> => ({
  schema: optional
    ? z.union([z.literal('').transform(() => undefined), z.string().regex(/^[A-Z]{2}$/)])
    : z.string().regex(/^[A-Z]{2}$/),
  expected: optional ? 'a two-letter country code in capitals (e.g. "FI") or an empty cell' : 'a two-letter country code in capitals (e.g. "FI")',
  optional,
  fast: (text) => (isCountryCode(text) ? text : optional && text === '' ? undefined : REJECT),
});

const idCell = (what: string): ColumnSpec<string> => textCell(`${/^[aeiou]/.test(what) ? 'an' : 'a'} ${what} id (any non-empty text)`);

const likert = () => optionalNumberCell({ min: 1, max: 5, integer: true, expected: 'a whole number from 1 to 5', hint: '1 = strongly disagree ... 5 = strongly agree; leave the cell empty for no answer' });

export const TRUST_DIMENSIONS = ['reliability', 'transparency', 'competence', 'empathy', 'consistency'] as const;
export type TrustDimension = (typeof TRUST_DIMENSIONS)[number];

export const surveyColumns = {
  respondent_id: idCell('respondent'),
  customer_id: { ...optionalTextCell('a customer id from orders.csv, or an empty cell'), optional: true },
  wave: waveCell,
  segment: segmentCell,
  country: countryCell() as ColumnSpec<string>,
  nps: optionalNumberCell({ min: 0, max: 10, integer: true, expected: 'a whole number from 0 to 10', hint: 'the answer to "How likely are you to recommend us?" on the 0-10 scale' }),
  csat: likert(),
  trust_reliability: likert(),
  trust_transparency: likert(),
  trust_competence: likert(),
  trust_empathy: likert(),
  trust_consistency: likert(),
  data_concern: likert(),
  transparency_importance: likert(),
  problem_trust: likert(),
  peer_influence: likert(),
} satisfies TableSpec;
export type SurveyRow = RowOf<typeof surveyColumns>;

export const ACQUISITION_CHANNELS = ['referral', 'search', 'social', 'advertising', 'email', 'direct', 'partner', 'other'] as const;

// A `;`-delimited file takes decimal commas: its messages do not ask for a dot.
const amount = (what: string) =>
  numberCell({
    min: 0,
    expected: `${what} as a number of 0 or more, with a dot for decimals`,
    expectedWithDecimalComma: `${what} as a number of 0 or more, with a comma or a dot for decimals`,
  });

export const orderColumns = {
  order_id: idCell('order'),
  customer_id: idCell('customer'),
  order_date: dateCell(),
  segment: segmentCell,
  country: countryCell(true),
  acquisition_channel: enumCell(ACQUISITION_CHANNELS),
  quoted_amount: amount('the quoted amount'),
  charged_amount: amount('the charged amount'),
  promised_date: dateCell(),
  delivered_date: dateCell({
    allowEmpty: true,
    expected: 'a date written as YYYY-MM-DD that exists on the calendar, or an empty cell if not delivered',
  }) as ColumnSpec<string | undefined>,
} satisfies TableSpec;
export type OrderRow = RowOf<typeof orderColumns>;

export const orderRules: RowRule<typeof orderColumns>[] = [
  (row) =>
    row.delivered_date !== undefined && row.delivered_date < row.order_date
      ? [{ field: 'delivered_date', message: `expected a delivery on or after the order date ${row.order_date}, found ${row.delivered_date}`, hint: 'check whether the two dates were swapped' }]
      : [],
  (row) =>
    row.promised_date < row.order_date
      ? [{ field: 'promised_date', message: `expected a promised date on or after the order date ${row.order_date}, found ${row.promised_date}` }]
      : [],
];

/**
 * Date and time, `YYYY-MM-DDTHH:MM` with optional seconds (and milliseconds) and `Z` or offset, or
 * `31.1.2025 14:05` as Finnish and Russian Excel write it; no offset means UTC. See
 * `src/pipeline/dates.ts`.
 */
export function parseDateTime(text: string): number | undefined {
  return parseDateTimeText(text);
}

const dateTimeSchema = parsedText(parseDateTime, 'bad date-time');

const fastDateTime = fastParsed(parseDateTime);

const dateTimeCell = (optional: boolean): ColumnSpec<number | undefined> => ({
  schema: optional ? z.union([z.literal('').transform(() => undefined), dateTimeSchema]) : dateTimeSchema,
  fast: optional ? (text) => (text === '' ? undefined : fastDateTime(text)) : fastDateTime,
  expected: `a date and time written as YYYY-MM-DDTHH:MM (UTC unless an offset is given) on a date that exists on the calendar${optional ? ', or an empty cell' : ''}`,
  hint: DATE_TIME_HINT,
  explain: (raw) => explainDateTime(raw),
});

export const complaintColumns = {
  complaint_id: idCell('complaint'),
  customer_id: idCell('customer'),
  opened_at: dateTimeCell(false) as ColumnSpec<number>,
  first_response_at: dateTimeCell(true),
  resolved_at: dateTimeCell(true),
} satisfies TableSpec;
export type ComplaintRow = RowOf<typeof complaintColumns>;

export const complaintRules: RowRule<typeof complaintColumns>[] = [
  (row) =>
    row.first_response_at !== undefined && row.first_response_at < row.opened_at
      ? [{ field: 'first_response_at', message: 'expected the first response at or after the complaint was opened, found it earlier', hint: 'check the time zone and whether the columns were swapped' }]
      : [],
  (row) =>
    row.resolved_at !== undefined && row.resolved_at < row.opened_at
      ? [{ field: 'resolved_at', message: 'expected the resolution at or after the complaint was opened, found it earlier' }]
      : [],
];

export const kpiColumns = {
  period: waveCell,
  segment: { schema: z.string().trim().min(1), expected: 'a segment id from company.yaml, or "all"' } satisfies ColumnSpec<string>,
  metric: { schema: z.string().regex(/^[a-z][a-z0-9_]*$/), expected: 'a metric id (see README, "Metrics")' } satisfies ColumnSpec<string>,
  value: numberCell(),
  n: numberCell({ min: 1, integer: true, expected: 'the whole number of respondents or customers behind the value, at least 1' }),
  low: optionalNumberCell(),
  high: optionalNumberCell(),
} satisfies TableSpec;
export type KpiRow = RowOf<typeof kpiColumns>;

export const kpiRules: RowRule<typeof kpiColumns>[] = [
  (row) =>
    (row.low === undefined) !== (row.high === undefined)
      ? [{ field: row.low === undefined ? 'low' : 'high', message: 'expected both ends of the interval or neither, found one' }]
      : [],
  (row) =>
    row.low !== undefined && row.high !== undefined && !(row.low <= row.value && row.value <= row.high)
      ? [{ field: 'value', message: `expected the value within its interval ${row.low}..${row.high}, found ${row.value}` }]
      : [],
];
