/**
 * `node scripts/bench/duck.ts --data DIR --out FILE`: the reference for the data bench. DuckDB reads
 * the same company CSV files, counts what the project's validation rules would reject, and computes
 * the published figures with the project's definitions (src/metrics/survey.ts, orders.ts,
 * complaints.ts), written to FILE as figures keyed like figures.ts. Runs as its own process, so
 * its wall time and peak memory can be measured like the project's.
 *
 * Each file is read twice: once into the validation counts, once into a narrow table in file order
 * (the repeat-answer rule and the first and latest order of a customer depend on the order of the
 * lines). Orders, then complaints, then the survey, each table dropped when done, so that memory
 * holds one file's narrow table and the customers at a time.
 *
 * Written for the generator's files (and the demo's): comma-separated, dates as YYYY-MM-DD, times
 * as YYYY-MM-DDTHH:MM in UTC. Survey figures are plain counts: a company.yaml with `weighting`
 * gets no survey figures here.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { parse } from 'yaml';
import { figureKey, type FigureFile, type Figure } from './figures.ts';

const TRUST = ['reliability', 'transparency', 'competence', 'empathy', 'consistency'] as const;
const SHARES = ['csat', 'data_concern', 'transparency_importance', 'problem_trust', 'peer_influence'] as const;
const LIKERT = ['csat', ...TRUST.map((d) => `trust_${d}`), 'data_concern', 'transparency_importance', 'problem_trust', 'peer_influence'];
const CHANNELS = ['referral', 'search', 'social', 'advertising', 'email', 'direct', 'partner', 'other'];
const HOUR_MS = 3_600_000;
const HISTORY_QUARTERS = 8;


interface Company {
  reporting_period: { start: string | Date; end: string | Date };
  segments: Array<{ id: string }>;
  minimum_cell_size?: number;
  complaint_resolution_days?: number;
  repeat_answers?: 'first' | 'all';
  weighting?: unknown;
}

const iso = (d: string | Date) => (d instanceof Date ? d.toISOString().slice(0, 10) : String(d));
const quarterOf = (isoDate: string) => Number(isoDate.slice(0, 4)) * 4 + Math.floor((Number(isoDate.slice(5, 7)) - 1) / 3);
const quarterName = (q: number) => `${Math.floor(q / 4)}-Q${(q % 4) + 1}`;
const quote = (text: string) => `'${text.replaceAll("'", "''")}'`;

async function rows(con: DuckDBConnection, sql: string): Promise<Record<string, unknown>[]> {
  const reader = await con.runAndReadAll(sql);
  return reader.getRowObjectsJS() as Record<string, unknown>[];
}
const num = (v: unknown) => (v === null || v === undefined ? 0 : Number(v));

/**
 * Kaplan-Meier median from (time, events, leaving) groups in ascending time, as
 * src/stats/survival.ts defines it: the first time survival drops below one half; at exactly one
 * half, the middle of the flat stretch up to the next event time; null when never reached.
 */
export function kaplanMeierMedianGrouped(groups: ReadonlyArray<{ time: number; deaths: number; leaving: number }>): number | null {
  let atRisk = groups.reduce((sum, g) => sum + g.leaving, 0);
  let survival = 1;
  for (let i = 0; i < groups.length; i++) {
    const { time, deaths, leaving } = groups[i]!;
    if (deaths > 0) {
      survival *= 1 - deaths / atRisk;
      if (Math.abs(survival - 0.5) < 1e-12) {
        for (let j = i + 1; j < groups.length; j++) if (groups[j]!.deaths > 0) return (time + groups[j]!.time) / 2;
        return time;
      }
      if (survival < 0.5) return time;
    }
    atRisk -= leaving;
  }
  return null;
}

export async function runDuck(dataDir: string, options: { log?: (line: string) => void } = {}): Promise<FigureFile> {
  const started = performance.now();
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const phase = (name: string) => log(`duckdb: ${name} at ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const company = parse(readFileSync(join(dataDir, 'company', 'company.yaml'), 'utf8')) as Company;
  const start = iso(company.reporting_period.start);
  const end = iso(company.reporting_period.end);
  const minimum = company.minimum_cell_size ?? 30;
  const resolutionDays = company.complaint_resolution_days ?? 14;
  const firstWave = quarterOf(start);
  const W = quarterOf(end) - firstWave + 1;
  const waves = Array.from({ length: W }, (_, w) => quarterName(firstWave + w));
  const axisStart = firstWave - HISTORY_QUARTERS;
  const last = W + HISTORY_QUARTERS - 1; // axis index of the latest wave
  const segments = company.segments.map((s) => s.id);
  const periodEndMs = Date.parse(`${end}T00:00:00Z`) + 86_400_000;
  const windowMs = resolutionDays * 24 * HOUR_MS;
  const file = (name: string) => quote(join(dataDir, 'company', name));

  const instance = await DuckDBInstance.create(':memory:');
  const con = await instance.connect();
  // Spill files (if any) go to the system's temporary folder, never into the working directory.
  await con.run(`SET temp_directory = ${quote(join(tmpdir(), `trust-bench-duckdb-${process.pid}`))}`);
  await con.run(`CREATE MACRO qnum(d) AS year(d) * 4 + (month(d) - 1) // 3`);
  await con.run(`CREATE TABLE segs AS SELECT unnest([${segments.map(quote).join(',')}]) AS segment`);
  await con.run(`CREATE TABLE waves AS SELECT unnest([${waves.map(quote).join(',')}]) AS wave`);
  const ORDER_COLUMNS = {
    order_id: 'VARCHAR',
    customer_id: 'VARCHAR',
    order_date: 'DATE',
    segment: 'VARCHAR',
    country: 'VARCHAR',
    acquisition_channel: 'VARCHAR',
    quoted_amount: 'DOUBLE',
    charged_amount: 'DOUBLE',
    promised_date: 'DATE',
    delivered_date: 'DATE',
  };
  const COMPLAINT_COLUMNS = { complaint_id: 'VARCHAR', customer_id: 'VARCHAR', opened_at: 'TIMESTAMP', first_response_at: 'TIMESTAMP', resolved_at: 'TIMESTAMP' };
  const SURVEY_COLUMNS = {
    respondent_id: 'VARCHAR',
    customer_id: 'VARCHAR',
    wave: 'VARCHAR',
    segment: 'VARCHAR',
    country: 'VARCHAR',
    nps: 'INTEGER',
    ...Object.fromEntries(LIKERT.map((c) => [c, 'INTEGER'])),
  };
  /**
   * A typed scan of one file. Each file is read twice: once for the validation counts (cells that
   * cannot be read are kept in a rejects table and counted), once into a narrow table in file
   * order (DuckDB keeps insertion order, so rowid is the line order) for the figures.
   */
  const csv = (name: string, columns: Record<string, string>, validation: boolean) => {
    const table = name.replace('.csv', '');
    const types = Object.entries(columns).map(([c, t]) => `${quote(c)}: ${quote(t)}`).join(', ');
    const errors = validation ? `store_rejects = true, rejects_table = 'rejects_${table}', rejects_scan = 'scan_${table}'` : 'ignore_errors = true';
    const times = name === 'complaints.csv' ? `, timestampformat = '%Y-%m-%dT%H:%M'` : '';
    return `read_csv(${file(name)}, header = true, delim = ',', quote = '"', escape = '"', auto_detect = false, columns = {${types}}, ${errors}${times})`;
  };
  const inSegs = (col: string) => `${col} IN (SELECT segment FROM segs)`;
  const validation: Record<string, number> = {};
  const count = async (sql: string) => {
    for (const [k, x] of Object.entries((await rows(con, sql))[0]!)) validation[k] = num(x);
  };
  const rejects = async (table: string) => num((await rows(con, `SELECT count(*) AS n FROM rejects_${table}`))[0]!.n);

  // --- the project's validation rules, as counts, and the narrow tables --------------------------
  await count(
    `SELECT count(*) AS order_rows, count(*) - count(DISTINCT order_id) AS order_duplicate_ids,
      count_if(quoted_amount NOT BETWEEN 0 AND 1e9) + count_if(charged_amount NOT BETWEEN 0 AND 1e9) AS order_amounts_out_of_range,
      count_if(NOT ${inSegs('segment')}) AS order_unknown_segments,
      count_if(acquisition_channel NOT IN (${CHANNELS.map(quote).join(',')})) + count_if(country IS NOT NULL AND NOT regexp_full_match(country, '[A-Z]{2}')) AS order_bad_codes,
      count_if(promised_date < order_date) + count_if(delivered_date < order_date) AS order_dates_out_of_order
    FROM ${csv('orders.csv', ORDER_COLUMNS, true)}`,
  );
  validation.unreadable_cells = await rejects('orders');
  // One row per order, in file order: its quarters on the axis (history included).
  await con.run(
    `CREATE TABLE ord AS SELECT customer_id, segment, acquisition_channel = 'referral' AS referral,
      date_diff('day', DATE '1970-01-01', order_date) AS day,
      (qnum(order_date) - ${axisStart})::SMALLINT AS q, (qnum(promised_date) - ${axisStart})::SMALLINT AS qp,
      promised_date <= DATE ${quote(end)} AS promise_due,
      delivered_date IS NOT NULL AND delivered_date <= promised_date AS kept,
      charged_amount > quoted_amount + 0.005 AS above
    FROM ${csv('orders.csv', ORDER_COLUMNS, false)}`,
  );
  phase('orders read and validated');

  const figures: Record<string, Figure> = {};
  const put = (metric: string, wave: string, segment: string | null, n: number, value: number | null, tier: string | null = null) => {
    figures[figureKey(metric, wave, segment, tier)] = { n, value };
  };
  /** Grouping-set rows: a segment, or (grouping bit set) the whole company; customers of no segment dropped. */
  const cells = (result: Record<string, unknown>[]): Array<Record<string, unknown> & { segment: string | null }> =>
    result.filter((r) => num(r.g) === 1 || r.segment !== null).map((r) => ({ ...r, segment: num(r.g) === 1 ? null : (r.segment as string) }));
  const wave = (q: number) => waves[q - HISTORY_QUARTERS]!;
  /** Sum of a customer's orders in axis quarters from..to (clipped to the axis). */
  const quarters = (from: number, to: number) => {
    const terms: string[] = [];
    for (let k = Math.max(0, from); k <= Math.min(last, to); k++) terms.push(`q${k}`);
    return terms.length ? `(${terms.join(' + ')})` : '0';
  };

  // --- orders ------------------------------------------------------------------------------------
  // Orders by promised quarter (promises due by the end of the period) and by order quarter.
  for (const r of cells(
    await rows(
      con,
      `SELECT qp AS q, segment, grouping(segment) AS g, count(*) AS n, count_if(kept) AS kept
      FROM ord WHERE ${inSegs('segment')} AND qp BETWEEN ${HISTORY_QUARTERS} AND ${last} AND promise_due GROUP BY GROUPING SETS ((qp, segment), (qp))`,
    ),
  )) {
    put('on_time_delivery', wave(num(r.q)), r.segment, num(r.n), (100 * num(r.kept)) / num(r.n));
  }
  for (const r of cells(
    await rows(
      con,
      `SELECT q, segment, grouping(segment) AS g, count(*) AS n, count_if(above) AS above
      FROM ord WHERE ${inSegs('segment')} AND q BETWEEN ${HISTORY_QUARTERS} AND ${last} GROUP BY GROUPING SETS ((q, segment), (q))`,
    ),
  )) {
    put('price_above_quote', wave(num(r.q)), r.segment, num(r.n), (100 * num(r.above)) / num(r.n));
  }
  // Customers: current segment (latest order; the later line on a tie), the channel and quarter of
  // the first order (the earlier line on a tie), and orders per axis quarter.
  await con.run(
    `CREATE TABLE cust AS SELECT customer_id,
      arg_max(segment, day * 4294967296 + line) AS segment,
      arg_min(referral, day * 4294967296 + line) AS first_referral,
      arg_min(q, day * 4294967296 + line) AS first_q,
      ${Array.from({ length: last + 1 }, (_, k) => `count(*) FILTER (WHERE q = ${k})::INTEGER AS q${k}`).join(',\n      ')}
    FROM (SELECT rowid AS line, * FROM ord) WHERE ${inSegs('segment')} GROUP BY customer_id`,
  );
  await con.run('DROP TABLE ord');
  // Per reporting quarter q: orders in the last year (q-3..q) and in the year before (q-7..q-4).
  const perWave = waves.map((_, w) => {
    const q = w + HISTORY_QUARTERS;
    return `SELECT ${q} AS q, segment, grouping(segment) AS g,
      count_if(b > 0) AS base, count_if(b > 0 AND r > 0) AS retained, count_if(r > 0) AS active, count_if(r >= 2) AS repeaters,
      coalesce(sum(r) FILTER (WHERE r > 0), 0)::DOUBLE AS orders, count_if(first_q = ${q}) AS new, count_if(first_q = ${q} AND first_referral) AS referred
    FROM (SELECT segment, first_q, first_referral, ${quarters(q - 3, q)} AS r, ${quarters(q - 7, q - 4)} AS b FROM cust)
    GROUP BY GROUPING SETS ((segment), ())`;
  });
  for (const r of cells(await rows(con, perWave.join('\nUNION ALL\n')))) {
    const w = wave(num(r.q));
    const [base, active, fresh] = [num(r.base), num(r.active), num(r.new)];
    put('retention_rate', w, r.segment, base, base > 0 ? (100 * num(r.retained)) / base : null);
    put('repeat_purchase_rate', w, r.segment, active, active > 0 ? (100 * num(r.repeaters)) / active : null);
    put('purchase_frequency', w, r.segment, active, active > 0 ? num(r.orders) / active : null);
    put('referral_share', w, r.segment, fresh, fresh > 0 ? (100 * num(r.referred)) / fresh : null);
  }
  // Cohorts: customers by the quarter of their first order, and who ordered k quarters later.
  for (const r of await rows(
    con,
    `SELECT first_q AS q, count(*) AS n, ${Array.from({ length: last + 1 }, (_, k) => `count_if(q${k} > 0) AS a${k}`).join(', ')}
    FROM cust WHERE first_q BETWEEN ${HISTORY_QUARTERS} AND ${last} GROUP BY first_q`,
  )) {
    const q = num(r.q);
    const size = num(r.n);
    for (let k = 0; q + k <= last; k++) put('cohort', wave(q), null, size, (100 * num(r[`a${q + k}`])) / size, `k${k}`);
  }
  phase('order figures');

  // --- complaints --------------------------------------------------------------------------------
  await count(
    `SELECT count(*) AS complaint_rows, count(*) - count(DISTINCT complaint_id) AS complaint_duplicate_ids,
      count_if(first_response_at < opened_at) + count_if(resolved_at < opened_at) AS complaint_times_out_of_order
    FROM ${csv('complaints.csv', COMPLAINT_COLUMNS, true)}`,
  );
  validation.unreadable_cells! += await rejects('complaints');
  await con.run(
    `CREATE TABLE cmp AS SELECT k.segment, qnum(opened_at) - ${firstWave} AS w, epoch_ms(opened_at) AS o, epoch_ms(first_response_at) AS f, epoch_ms(resolved_at) AS r
    FROM ${csv('complaints.csv', COMPLAINT_COLUMNS, false)} LEFT JOIN cust k USING (customer_id) WHERE qnum(opened_at) - ${firstWave} BETWEEN 0 AND ${W - 1}`,
  );
  const E = periodEndMs;
  for (const r of cells(
    await rows(
      con,
      `SELECT w, segment, grouping(segment) AS g,
        count_if(o + ${windowMs} <= ${E}) AS due, count_if(o + ${windowMs} <= ${E} AND r IS NOT NULL AND r - o <= ${windowMs}) AS resolved,
        count_if(o + ${48 * HOUR_MS} <= ${E}) AS due48, count_if(o + ${48 * HOUR_MS} <= ${E} AND (f IS NULL OR f - o > ${48 * HOUR_MS})) AS unanswered
      FROM cmp GROUP BY GROUPING SETS ((w, segment), (w))`,
    ),
  )) {
    const w = waves[num(r.w)]!;
    const [due, due48] = [num(r.due), num(r.due48)];
    put('complaint_resolution_rate', w, r.segment, due, due > 0 ? (100 * num(r.resolved)) / due : null);
    put('complaint_unanswered_48h', w, r.segment, due48, due48 > 0 ? (100 * num(r.unanswered)) / due48 : null);
  }
  // Hours to the first response per cell and distinct time: responses (events) and all (leaving).
  const km = new Map<string, Array<{ time: number; deaths: number; leaving: number }>>();
  for (const r of cells(
    await rows(
      con,
      `SELECT w, segment, grouping(segment) AS g, hours, count_if(responded) AS deaths, count(*) AS leaving
      FROM (SELECT w, segment, (CASE WHEN f IS NOT NULL AND f < ${E} THEN f ELSE ${E} END - o) / ${HOUR_MS} AS hours, f IS NOT NULL AND f < ${E} AS responded FROM cmp)
      GROUP BY GROUPING SETS ((w, segment, hours), (w, hours))`,
    ),
  )) {
    const key = `${num(r.w)}|${r.segment ?? ''}`;
    const list = km.get(key) ?? [];
    list.push({ time: Number(r.hours), deaths: num(r.deaths), leaving: num(r.leaving) });
    km.set(key, list);
  }
  for (const [key, groups] of km) {
    const [w, segment] = key.split('|') as [string, string];
    groups.sort((a, b) => a.time - b.time);
    const n = groups.reduce((sum, g) => sum + g.leaving, 0);
    put('complaint_first_response_hours', waves[Number(w)]!, segment === '' ? null : segment, n, kaplanMeierMedianGrouped(groups));
  }
  await con.run('DROP TABLE cmp');
  phase('complaint figures');

  // --- survey ------------------------------------------------------------------------------------
  await count(
    `SELECT count(*) AS survey_rows, count(*) - count(DISTINCT respondent_id) AS survey_duplicate_ids,
      count_if(nps NOT BETWEEN 0 AND 10) + ${LIKERT.map((c) => `count_if(${c} NOT BETWEEN 1 AND 5)`).join(' + ')} AS survey_out_of_range,
      count_if(NOT ${inSegs('segment')}) AS survey_unknown_segments,
      count_if(wave NOT IN (SELECT wave FROM waves)) AS survey_waves_outside_period,
      count_if(NOT regexp_full_match(country, '[A-Z]{2}')) AS survey_bad_countries,
      count_if(customer_id IS NOT NULL AND customer_id NOT IN (SELECT customer_id FROM cust)) AS survey_unknown_customers
    FROM ${csv('survey.csv', SURVEY_COLUMNS, true)}`,
  );
  validation.unreadable_cells! += await rejects('survey');
  phase('survey validated');
  if (!company.weighting) {
    // Narrow, in file order; then the repeat-answer rule (first answer of a customer in a wave).
    const small = (c: string) => `TRY_CAST(${c} AS UTINYINT) AS ${c}`;
    await con.run(
      `CREATE TABLE sv AS SELECT customer_id, wave, segment, ${small('nps')}, ${LIKERT.map(small).join(', ')} FROM ${csv('survey.csv', SURVEY_COLUMNS, false)}`,
    );
    const first = company.repeat_answers === 'all' ? '' : `QUALIFY customer_id IS NULL OR row_number() OVER (PARTITION BY customer_id, wave ORDER BY line) = 1`;
    await con.run(
      `CREATE TABLE answers AS SELECT * FROM (SELECT rowid AS line, * FROM sv) WHERE ${inSegs('segment')} AND wave IN (SELECT wave FROM waves) ${first}`,
    );
    await con.run('DROP TABLE sv');
    const answered = TRUST.map((d) => `(trust_${d} IS NOT NULL)::INTEGER`).join(' + ');
    const sum = TRUST.map((d) => `coalesce(trust_${d}, 0)`).join(' + ');
    const toIndex = (x: string) => `((${x}) - 1) / 4 * 100`;
    const result = await rows(
      con,
      `SELECT wave, segment, grouping(segment) AS g,
        count(nps) AS nps_n, 100 * (count_if(nps >= 9) / count(nps) - count_if(nps <= 6) / count(nps)) AS nps_v,
        ${SHARES.map((c) => `count(${c}) AS ${c}_n, 100 * (count_if(${c} >= 4) / count(${c})) AS ${c}_v`).join(',\n')},
        ${TRUST.map((d) => `count(trust_${d}) AS trust_${d}_n, avg(${toIndex(`trust_${d}`)}) AS trust_${d}_v`).join(',\n')},
        count(idx) AS trust_index_n, avg(idx) AS trust_index_v
      FROM (SELECT *, CASE WHEN ${answered} >= 3 THEN ${toIndex(`(${sum}) / (${answered})`)} END AS idx FROM answers)
      GROUP BY GROUPING SETS ((wave, segment), (wave))`,
    );
    for (const r of cells(result)) {
      for (const metric of ['nps', ...SHARES, ...TRUST.map((d) => `trust_${d}`), 'trust_index']) {
        const n = num(r[`${metric}_n`]);
        put(metric, r.wave as string, r.segment, n, n > 0 ? Number(r[`${metric}_v`]) : null);
      }
    }
    // Trust in problem handling by loyalty tier: linked answers of the latest wave, with the tier
    // from the customer's orders in the last year (q-3..q).
    for (const r of await rows(
      con,
      `SELECT CASE WHEN recent >= 4 THEN 'very_loyal' WHEN recent >= 2 THEN 'regular' ELSE 'occasional' END AS tier,
        count(*) AS n, count_if(problem_trust >= 4) AS agreed
      FROM (SELECT a.problem_trust, ${quarters(last - 3, last)} AS recent
        FROM answers a JOIN cust c USING (customer_id) WHERE a.wave = ${quote(waves[W - 1]!)} AND a.problem_trust IS NOT NULL)
      GROUP BY ALL`,
    )) {
      put('problem_trust', waves[W - 1]!, null, num(r.n), (100 * num(r.agreed)) / num(r.n), r.tier as string);
    }
    phase('survey figures');
  }
  instance.closeSync();
  return { source: 'duckdb', minimum, waves, segments, figures, validation, survey: !company.weighting };
}

if (import.meta.main) {
  const { values } = parseArgs({ options: { data: { type: 'string' }, out: { type: 'string' } } });
  if (!values.data || !values.out) {
    process.stderr.write('usage: node scripts/bench/duck.ts --data DIR --out FILE\n');
    process.exit(2);
  }
  const result = await runDuck(values.data);
  writeFileSync(values.out, JSON.stringify(result));
  const problems = Object.entries(result.validation ?? {}).filter(([k, n]) => !k.endsWith('_rows') && n > 0);
  process.stdout.write(`duckdb: ${Object.keys(result.figures).length} figures; ${problems.length === 0 ? 'no rule broken' : problems.map(([k, n]) => `${k} ${n}`).join(', ')}\n`);
}
