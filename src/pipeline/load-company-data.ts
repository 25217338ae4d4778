/**
 * Load and compute stage for the company's own files: orders first (they give each customer a
 * segment and a loyalty tier), then complaints and the survey, each streamed row by row into its
 * aggregate. Rules across files (unknown segments, survey waves outside the reporting period,
 * customer ids that no order knows) are reported at the row that breaks them.
 */
import type { Company } from '../schemas/company.ts';
import {
  complaintColumns,
  complaintRules,
  kpiColumns,
  kpiRules,
  orderColumns,
  orderRules,
  type KpiRow,
} from '../schemas/company-data.ts';
import { createComplaintsAggregate } from '../metrics/complaints.ts';
import { createOrdersAggregate, type OrdersAggregate } from '../metrics/orders.ts';
import { createSurveyAggregate, weightingCell, type SurveyAggregate } from '../metrics/survey.ts';
import { quartersBetween } from '../metrics/quarters.ts';
import type { MetricResult } from '../metrics/results.ts';
import type { MetricKind } from '../metrics/catalogue.ts';
import { dataFile, inspectFile, type DataFile } from './files.ts';
import { closest, IssueSummary, summariseIssues, type Issue, type IssueSink } from './issues.ts';
import { StringTable } from './string-table.ts';
import { readTableFile } from './table.ts';
import { stat } from 'node:fs/promises';
import { fingerprint, isCached, stage, type StageCache } from './stage-cache.ts';
import { readSurveyInWorker, readSurveyRows, type SurveyReading, type SurveyReadSettings } from './survey-read.ts';
import { createRowChecks } from './row-checks.ts';

/** The scale each kind of metric is published on, for figures supplied in kpis.csv. */
const KPI_SCALE: Record<MetricKind, [number, number, string]> = {
  share: [0, 100, 'a percentage'],
  nps: [-100, 100, 'a Net Promoter Score'],
  index: [0, 100, 'an index'],
  hours: [0, 24 * 366, 'a number of hours'],
  orders: [0, 10_000, 'a number of orders per customer'],
};

export interface CompanyData {
  waves: string[];
  /** Metric results computed from raw files, by metric id. */
  results: Record<string, MetricResult>;
  orders?: OrdersAggregate;
  survey?: SurveyAggregate;
  /** Rows of kpis.csv, for metrics whose raw data is not here. */
  kpis: KpiRow[];
  /** Counts inside the reporting period (orders and customers with history excluded). */
  counts: { respondents: number; customers: number; orders: number; complaints: number; repeatAnswersSkipped: number };
  files: { survey: boolean; orders: boolean; complaints: boolean; kpis: boolean };
}

/** Amounts above this are typing or export errors, and would overflow the sums. */
const MAX_AMOUNT = 1_000_000_000;

export interface LoadOptions {
  today?: string;
  /** Stages kept from an earlier build (the dev server): a stage whose files did not change is reused. */
  cache?: StageCache;
  /** Read a large survey on a second core: `auto` (files from 8 MiB), `always` or `never`. */
  workers?: WorkerUse;
}

export type WorkerUse = 'auto' | 'always' | 'never';

/** A survey this size or larger is read in a worker under `workers: auto`. */
const WORKER_FROM_BYTES = 8 * 2 ** 20;

async function startSurveyReading(file: DataFile, settings: SurveyReadSettings, use: WorkerUse): Promise<SurveyReading> {
  const large = use === 'always' || (use === 'auto' && (await stat(file.path)).size >= WORKER_FROM_BYTES);
  if (large) return readSurveyInWorker(file.path, file.display, settings, { required: use === 'always' });
  return { consume: (onRow) => readSurveyRows(file.path, file.display, settings, onRow), cancel() {} };
}

export async function loadCompanyData(dataDir: string, company: Company, options: LoadOptions = {}): Promise<{ data: CompanyData; issues: Issue[] }> {
  const issues: Issue[] = [];
  const waves = quartersBetween(company.reporting_period.start, company.reporting_period.end);
  const segmentIds = company.segments.map((s) => s.id);
  const minimum = company.minimum_cell_size;
  const periodEndMs = Date.parse(`${company.reporting_period.end}T00:00:00Z`) + 86_400_000;
  const files = {
    survey: dataFile(dataDir, 'company/survey.csv'),
    orders: dataFile(dataDir, 'company/orders.csv'),
    complaints: dataFile(dataDir, 'company/complaints.csv'),
    kpis: dataFile(dataDir, 'company/kpis.csv'),
  };
  // A path that holds a folder, a device or a link out of the data folder is a problem, and the
  // file is then neither read nor taken as absent (which would publish "0 orders").
  const found = {
    survey: await inspectFile(files.survey),
    orders: await inspectFile(files.orders),
    complaints: await inspectFile(files.complaints),
    kpis: await inspectFile(files.kpis),
  };
  for (const f of Object.values(found)) if (f !== 'file' && f !== 'absent') issues.push(f);
  const present = {
    survey: found.survey === 'file',
    orders: found.orders === 'file',
    complaints: found.complaints === 'file',
    kpis: found.kpis === 'file',
  };

  // Each stage's key: the settings of company.yaml the stages read (not the whole file: a new
  // company name or locale re-reads no CSV), today's date, the stage's own file, and the keys of
  // the stages it reads from.
  const cache = options.cache;
  const settings = cache
    ? JSON.stringify([company.segments, company.reporting_period, company.complaint_resolution_days, company.weighting ?? null, company.repeat_answers, options.today ?? ''])
    : '';
  const keyOf = async (...paths: string[]) => (cache ? `${await fingerprint(paths)}\n${settings}` : '');
  const ordersKey = await keyOf(files.orders.path);

  const checksFor = (into: IssueSink) => createRowChecks(company, waves, into);

  const read = async <S extends Parameters<typeof readTableFile>[2]>(
    into: IssueSink,
    file: DataFile,
    spec: S,
    onRow: Parameters<typeof readTableFile<S>>[3],
    rules: Parameters<typeof readTableFile<S>>[4],
  ) => {
    const result = await readTableFile(file.path, file.display, spec, onRow, rules);
    for (const issue of result.issues) into.push(issue); // not push(...): a file can have 100,000s of problems
    // A problem in the header (or an empty or missing file) means no row could be read.
    return { rows: result.rows, readable: !result.issues.some((issue) => issue.line <= 1) };
  };
  // A header-only file is a truncated export, not a company with nothing to report.
  const needRows = (into: IssueSink, file: DataFile, rows: number, what: string) => {
    if (rows === 0) into.push({ file: file.display, line: 2, column: 1, message: `expected at least one ${what} below the header, found none`, hint: 'export the file again; it holds only its header row' });
  };

  // A large survey is read on a second core while this one reads the orders (see survey-read.ts);
  // the rows that need the orders wait for them.
  const surveyKey = `${ordersKey}\n${await keyOf(files.survey.path)}\n${present.survey}`;
  const reading = present.survey && !isCached(cache, 'survey', surveyKey) ? await startSurveyReading(files.survey, { segments: company.segments, waves }, options.workers ?? 'auto') : undefined;

  // Orders: each customer's segment, tier and behaviour.
  // When orders.csv has problems of its own (a bad header, rows that could not be read), the
  // survey's customer ids are not checked against it: the customers of the rejected rows would
  // all look unknown, burying the real problem under a cascade.
  const orderStage = await stage(cache, 'orders', `${ordersKey}\n${present.orders}`, async () => {
    const stageIssues = new IssueSummary();
    if (!present.orders) return { aggregate: undefined, issues: stageIssues.finish(), readable: true };
    const { problem, checkSegment } = checksFor(stageIssues);
    const aggregate = createOrdersAggregate(waves, segmentIds, company.reporting_period.end);
    const orderIds = new StringTable({ numbered: false });
    const result = await read(stageIssues, files.orders, orderColumns, (row, context) => {
      if (!checkSegment(row.segment, context)) return;
      for (const field of ['quoted_amount', 'charged_amount'] as const) {
        if (row[field] > MAX_AMOUNT) problem(context, field, `expected an amount of at most ${MAX_AMOUNT.toLocaleString('en')}, found ${row[field]}`, 'check for a misplaced decimal separator or an exponent');
      }
      if (row.quoted_amount > MAX_AMOUNT || row.charged_amount > MAX_AMOUNT) return;
      if (options.today && row.order_date > options.today) {
        problem(context, 'order_date', `expected an order date on or before today (${options.today}), found "${row.order_date}"`, 'check the year for a typo');
        return;
      }
      if (!orderIds.add(row.order_id)) {
        problem(context, 'order_id', `expected a unique order id, found "${row.order_id}" again`, 'each order appears once; remove the duplicate row');
        return;
      }
      aggregate.add(row);
    }, { rules: orderRules });
    const readable = result.readable && stageIssues.length === 0;
    if (result.readable) needRows(stageIssues, files.orders, result.rows, 'order');
    return { aggregate, issues: stageIssues.finish(), readable };
  });
  const orders: OrdersAggregate | undefined = orderStage.aggregate;
  const ordersReadable = orderStage.readable;
  for (const issue of orderStage.issues) issues.push(issue);

  // Complaints: handling times, by the customer's segment.
  const complaintStage = await stage(cache, 'complaints', `${ordersKey}\n${await keyOf(files.complaints.path)}\n${present.complaints}`, async () => {
    const stageIssues = new IssueSummary();
    if (!present.complaints) return { aggregate: undefined, issues: stageIssues.finish() };
    const { problem } = checksFor(stageIssues);
    const aggregate = createComplaintsAggregate(waves, segmentIds, periodEndMs, (id) => orders?.segmentOf(id), company.complaint_resolution_days);
    const ids = new StringTable({ numbered: false });
    await read(stageIssues, files.complaints, complaintColumns, (row, context) => {
      if (!ids.add(row.complaint_id)) {
        problem(context, 'complaint_id', `expected a unique complaint id, found "${row.complaint_id}" again`);
        return;
      }
      aggregate.add(row);
    }, { rules: complaintRules });
    return { aggregate, issues: stageIssues.finish() };
  });
  for (const issue of complaintStage.issues) issues.push(issue);
  const results: Record<string, MetricResult> = {};
  const complaintCount = complaintStage.aggregate?.complaints() ?? 0;
  if (complaintStage.aggregate) Object.assign(results, complaintStage.aggregate.results(minimum));

  // Survey: what customers say, with loyalty tiers from their orders. (Its reading started
  // before the orders: see `reading`.)
  const surveyStage = await stage(cache, 'survey', surveyKey, async () => {
    const stageIssues = new IssueSummary();
    if (!present.survey || !reading) return { aggregate: undefined, issues: stageIssues.finish() };
    const weighting = company.weighting
      ? {
          by: company.weighting.by,
          targets: new Map(company.weighting.targets.map((t) => [weightingCell(company.weighting!.by, t.segment, t.country ?? ''), t.share])),
        }
      : null;
    const aggregate = createSurveyAggregate(waves, segmentIds, orders ? (id, wave) => orders!.tierOf(id, wave) : undefined, {
      weighting,
      repeatAnswers: company.repeat_answers,
      ...(orders ? { customers: orders.customers() } : {}),
    });
    const untargeted = new Map<string, { rows: number; segment: string; country: string; at: { file: string; line: number; column: number } }>();
    const display = files.survey.display;
    const result = await reading.consume((row, at) => {
      const customer = row.customer_id !== undefined && orders ? orders.customerIndex(row.customer_id) : -1;
      if (row.customer_id !== undefined && orders && ordersReadable && customer < 0) {
        stageIssues.push({ file: display, line: at.line, column: at.customerColumn, field: 'customer_id', message: `expected a customer id that appears in ${files.orders.display}, found "${row.customer_id}"`, hint: 'leave the cell empty for respondents who are not linked to a customer' });
        return;
      }
      if (weighting && !weighting.targets.has(weightingCell(weighting.by, row.segment, row.country))) {
        // Reported once per segment and country, at its first row, with how many rows it affects.
        const key = `${row.segment}\u0000${row.country}`;
        const seen = untargeted.get(key);
        if (seen) seen.rows++;
        else untargeted.set(key, { rows: 1, segment: row.segment, country: row.country, at: { file: display, line: at.line, column: at.countryColumn } });
        return;
      }
      aggregate.add(row, customer);
    });
    for (const issue of result.issues) stageIssues.push(issue);
    if (result.readable) needRows(stageIssues, files.survey, result.rows, 'respondent');
    for (const { rows, segment, country, at } of untargeted.values()) {
      stageIssues.push({
        ...at,
        field: 'country',
        message: `expected a weighting target in company.yaml for segment "${segment}" and country "${country}", found none (${rows === 1 ? '1 row' : `${rows} rows, the first here`})`,
        hint: `add { segment: ${segment}, country: ${country}, share: … } under weighting.targets, or weight by segment only`,
      });
    }
    return { aggregate, issues: stageIssues.finish() };
  });
  for (const issue of surveyStage.issues) issues.push(issue);
  reading?.cancel();
  const surveyAggregate: SurveyAggregate | undefined = surveyStage.aggregate;
  if (surveyAggregate) Object.assign(results, surveyAggregate.results(minimum));
  if (orders) Object.assign(results, orders.results(minimum));

  // Pre-aggregated figures for what is not computed here.
  const kpis: KpiRow[] = [];
  const kpiLines = new Map<string, number>();
  const kpiShares = new Map<string, { max: number; first: { file: string; line: number; column: number } }>();
  if (present.kpis) {
    const { METRIC_IDS, metricDefinition } = await import('../metrics/catalogue.ts');
    const { problem, checkSegment, checkWave } = checksFor(issues);
    await read(issues, files.kpis, kpiColumns, (row, context) => {
      if (!METRIC_IDS.includes(row.metric)) {
        const guess = closest(row.metric, METRIC_IDS);
        problem(context, 'metric', `expected a metric id, found "${row.metric}"`, guess ? `did you mean "${guess}"?` : `known metrics: ${METRIC_IDS.join(', ')}`);
        return;
      }
      const source = metricDefinition(row.metric).source;
      if (present[source]) {
        problem(context, 'metric', `expected only metrics whose raw data is not here, found "${row.metric}", which is computed from ${files[source].display}`, `remove the row, or remove ${files[source].display}`);
        return;
      }
      if (!checkSegment(row.segment, context, true) || !checkWave(row.period, context, 'period')) return;
      // Every figure on its metric's own scale.
      const definition = metricDefinition(row.metric);
      const [min, max, what] = KPI_SCALE[definition.kind];
      let inRange = true;
      for (const field of ['value', 'low', 'high'] as const) {
        const v = row[field];
        if (v === undefined || (v >= min && v <= max)) continue;
        inRange = false;
        problem(context, field, `expected ${what} from ${min} to ${max} for ${row.metric}, found ${v}`, definition.kind === 'share' && v > 100 && v <= 10_000 ? 'shares are percentages from 0 to 100' : undefined);
      }
      if (!inRange) return;
      const key = `${row.period}|${row.segment}|${row.metric}`;
      const first = kpiLines.get(key);
      if (first !== undefined) {
        problem(context, 'metric', `expected one row per period, segment and metric, found ${row.period} ${row.segment} ${row.metric} again (first at line ${first})`, 'remove the repeated row');
        return;
      }
      kpiLines.set(key, context.line);
      kpis.push(row);
      if (definition.kind === 'share') {
        const seen = kpiShares.get(row.metric) ?? { max: 0, first: { file: context.file, line: context.line, column: context.columnOf('value') } };
        seen.max = Math.max(seen.max, row.value, row.high ?? 0);
        kpiShares.set(row.metric, seen);
      }
    }, { rules: kpiRules });
    // A share metric whose every value is at most 1 was written as fractions (0.55 for 55 %).
    for (const [metric, { max, first }] of kpiShares) {
      if (max > 0 && max <= 1) {
        issues.push({ ...first, field: 'value', message: `expected percentages from 0 to 100 for ${metric}, found only values from 0 to 1`, hint: 'the values look like fractions: write 55 % as 55, not 0.55' });
      }
    }
  }

  return {
    data: {
      waves,
      results,
      ...(orders ? { orders } : {}),
      ...(surveyAggregate ? { survey: surveyAggregate } : {}),
      kpis,
      counts: {
        respondents: surveyAggregate?.respondents() ?? 0,
        customers: orders?.customersInPeriod() ?? 0,
        orders: orders?.ordersInPeriod() ?? 0,
        complaints: complaintCount,
        repeatAnswersSkipped: surveyAggregate?.skippedRepeats() ?? 0,
      },
      files: present,
    },
    // Row-by-row problems (unknown segments, repeated ids...) shown a few at a time with a count.
    issues: summariseIssues(issues),
  };
}
