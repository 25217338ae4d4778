/**
 * `node scripts/bench/generate.ts --out DIR --survey N --orders N --segments K [--seed S]`: writes a
 * data folder in the project's exact contract for the benchmarks: `company/company.yaml` (the demo's
 * shape with K segments labelled in five locales, no weighting, so survey figures are plain counts),
 * `company/survey.csv`, `company/orders.csv`, `company/complaints.csv`, and a copy of the repository's
 * `benchmarks/`. Seeded (mulberry32) and deterministic: the same parameters write the same bytes.
 *
 * The shape follows the demo: order history from 2022-10-01 to 2026-09-30 in date order, about five
 * orders per customer, survey waves 2024-Q4 to 2026-Q3, about 70 % of respondents linked to a
 * customer of their segment who was active around the wave (so some answer in several waves, and
 * a few twice in one wave), about 3 % empty answers, complaints on about 3.3 % of orders.
 *
 * Memory stays small (a few typed arrays per order and customer); lines are written in chunks of
 * about a megabyte, so 10M + 10M rows take a minute or two.
 */
import { closeSync, cpSync, mkdirSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { mulberry32 } from '../../src/stats/drivers.ts';

/** Bump when the output for the same parameters changes: cached folders are keyed by it. */
export const GENERATOR_VERSION = 1;

export interface GenerateOptions {
  /** The data folder to write (created; files in it are overwritten). */
  out: string;
  survey: number;
  orders: number;
  segments: number;
  seed?: number;
}

export interface GenerateSummary {
  survey: number;
  orders: number;
  customers: number;
  complaints: number;
  seconds: number;
}

export const DEFAULT_SEED = 20261201;

/** The repository's public benchmark files, copied into every generated folder. */
export const REPO_BENCHMARKS = resolve(import.meta.dirname, '../../data/benchmarks');

const SURVEY_HEADER =
  'respondent_id,customer_id,wave,segment,country,nps,csat,trust_reliability,trust_transparency,trust_competence,trust_empathy,trust_consistency,data_concern,transparency_importance,problem_trust,peer_influence';
const ORDERS_HEADER = 'order_id,customer_id,order_date,segment,country,acquisition_channel,quoted_amount,charged_amount,promised_date,delivered_date';
const COMPLAINTS_HEADER = 'complaint_id,customer_id,opened_at,first_response_at,resolved_at';

// --- calendar: day numbers from 2022-10-01 ------------------------------------------------------
const DAY = 86_400_000;
const START_MS = Date.UTC(2022, 9, 1);
const END_MS = Date.UTC(2026, 9, 1); // exclusive
const DAYS = (END_MS - START_MS) / DAY;
const QUARTERS = 16; // 2022-Q4 .. 2026-Q3
const FIRST_WAVE = 8; // 2024-Q4
const quarterStartDay = (q: number) => (Date.UTC(2022, 9 + 3 * q, 1) - START_MS) / DAY;
const quarterName = (q: number) => {
  const d = new Date(Date.UTC(2022, 9 + 3 * q, 1));
  return `${d.getUTCFullYear()}-Q${Math.floor(d.getUTCMonth() / 3) + 1}`;
};
/** ISO dates of every day number a row can name (promises and deliveries run past the end). */
const DATES = Array.from({ length: DAYS + 40 }, (_, d) => new Date(START_MS + d * DAY).toISOString().slice(0, 10));
const isoMinute = (ms: number) => new Date(ms).toISOString().slice(0, 16);

const COUNTRIES = ['FI', 'TH', 'VN'] as const;
const NEW_CHANNELS = ['referral', 'search', 'social', 'advertising', 'partner'] as const;
const REPEAT_CHANNELS = ['direct', 'email', 'search', 'social'] as const;

/** Segment ids seg-001 ... and their labels in the five locales. */
export function segmentIds(count: number): string[] {
  const width = Math.max(3, String(count).length);
  return Array.from({ length: count }, (_, i) => `seg-${String(i + 1).padStart(width, '0')}`);
}

function companyYaml(segments: number): string {
  const labels = segmentIds(segments).map((id, i) => {
    const n = i + 1;
    return `  - id: ${id}\n    labels: { en: Segment ${n}, th: กลุ่มลูกค้า ${n}, fi: Asiakasryhmä ${n}, ru: Сегмент ${n}, vi: Phân khúc ${n} }\n`;
  });
  return `# Generated for the benchmarks (scripts/bench/generate.ts): the demo's shape, ${segments} segments, no weighting.
name: Northwind Goods
locales: [en, th, fi, ru, vi]
default_locale: en
currency: EUR
site_url: https://trust.northwind.example/
reporting_period: { start: 2024-10-01, end: 2026-09-30 }
minimum_cell_size: 30
benchmark_max_age_years: 7
industry: retail
markets: [FI, TH, VN]
materiality: { share: 2, hours: 2, orders: 0.1 }
complaint_resolution_days: 14
repeat_answers: first
gross_margin: 0.32
acquisition_cost: 38
segments:
${labels.join('')}`;
}

/** Appends text and writes it to the file in chunks of about a megabyte. */
class ChunkWriter {
  private fd: number;
  private buffer = '';
  constructor(path: string, header: string) {
    this.fd = openSync(path, 'w');
    this.buffer = `${header}\n`;
  }
  line(text: string): void {
    this.buffer += text;
    if (this.buffer.length > 1 << 20) this.flush();
  }
  flush(): void {
    if (this.buffer.length > 0) writeSync(this.fd, this.buffer);
    this.buffer = '';
  }
  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}

/** Writes one data folder; see the file comment. */
export function generate(options: GenerateOptions): GenerateSummary {
  const started = performance.now();
  const { survey: SURVEY, orders: ORDERS, segments: K } = options;
  if (!(Number.isInteger(SURVEY) && SURVEY >= 1 && Number.isInteger(ORDERS) && ORDERS >= 1 && Number.isInteger(K) && K >= 1)) {
    throw new Error('expected whole numbers: --survey N >= 1, --orders N >= 1, --segments K >= 1');
  }
  const random = mulberry32(options.seed ?? DEFAULT_SEED);
  const uniform = (lo: number, hi: number) => lo + (hi - lo) * random();
  const int = (lo: number, hi: number) => lo + Math.floor((hi - lo + 1) * random());
  const chance = (p: number) => random() < p;
  let spare: number | undefined;
  /** Standard normal (Box-Muller, both values used). */
  const normal = (): number => {
    if (spare !== undefined) {
      const value = spare;
      spare = undefined;
      return value;
    }
    const r = Math.sqrt(-2 * Math.log(1 - random()));
    const angle = 2 * Math.PI * random();
    spare = r * Math.sin(angle);
    return r * Math.cos(angle);
  };
  /** Index into cumulative weights (binary search). */
  const pickIndex = (cumulative: Float64Array): number => {
    const r = random() * cumulative[cumulative.length - 1]!;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cumulative[mid]! > r) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
  const cumulate = (weights: number[]) => {
    const out = new Float64Array(weights.length);
    let sum = 0;
    weights.forEach((w, i) => (out[i] = sum += w));
    return out;
  };

  const out = resolve(options.out);
  const companyDir = join(out, 'company');
  mkdirSync(companyDir, { recursive: true });
  writeFileSync(join(companyDir, 'company.yaml'), companyYaml(K));
  cpSync(REPO_BENCHMARKS, join(out, 'benchmarks'), { recursive: true });

  // --- segments: each its own loyalty, pricing and trust ------------------------------------------
  const ids = segmentIds(K);
  const customerShare = cumulate(ids.map(() => uniform(0.6, 1.4)));
  const churn = Float64Array.from(ids, () => uniform(0.06, 0.3)); // chance per quarter of leaving
  const surcharge = Float64Array.from(ids, () => uniform(0.03, 0.1));
  const onTimeBase = Float64Array.from(ids, () => uniform(0.86, 0.92));
  const trustBase = Float64Array.from(ids, () => uniform(3.3, 3.75));
  const csatLift = Float64Array.from(ids, () => (chance(0.2) ? uniform(0.4, 0.8) : uniform(0, 0.1)));
  const respondentShare = ids.map(() => uniform(0.85, 1.15));

  // --- customers: segment, country, first order, last active day ----------------------------------
  const CUSTOMERS = Math.max(1, Math.min(ORDERS, Math.round(ORDERS / 5)));
  const customerWidth = String(CUSTOMERS).length;
  const customerId = (c: number) => `C${String(c + 1).padStart(customerWidth, '0')}`;
  const customerSegment = new Int32Array(CUSTOMERS);
  const customerCountry = new Uint8Array(CUSTOMERS);
  const acquired = new Int16Array(CUSTOMERS);
  const lastDay = new Int16Array(CUSTOMERS);
  const countryWeights = cumulate([0.4, 0.35, 0.25]);
  for (let c = 0; c < CUSTOMERS; c++) {
    const s = pickIndex(customerShare);
    customerSegment[c] = s;
    customerCountry[c] = pickIndex(countryWeights);
    // Acquisition grows over time; a customer stays for a geometric number of quarters.
    const first = Math.min(DAYS - 1, Math.floor(DAYS * Math.sqrt(random())));
    acquired[c] = first;
    const stay = Math.round((-Math.log(1 - random()) / churn[s]!) * 91.3);
    lastDay[c] = Math.min(DAYS - 1, first + stay);
  }

  // --- orders: one at acquisition, the rest spread over the customers' active spans ---------------
  const orderDay = new Int16Array(ORDERS);
  const orderCustomer = new Int32Array(ORDERS);
  for (let c = 0; c < CUSTOMERS; c++) {
    orderDay[c] = acquired[c]!;
    orderCustomer[c] = c;
  }
  for (let o = CUSTOMERS; o < ORDERS; o++) {
    // Customers who stay longer order more: accept a customer with a chance growing with the span.
    let c: number;
    for (;;) {
      c = Math.floor(random() * CUSTOMERS);
      if (random() * 1.25 < 0.25 + (lastDay[c]! - acquired[c]!) / DAYS) break;
    }
    orderCustomer[o] = c;
    orderDay[o] = int(acquired[c]!, lastDay[c]!);
  }
  // Counting sort by day: orders.csv lists orders in date order, as an export would.
  const perDay = new Int32Array(DAYS + 1);
  for (let o = 0; o < ORDERS; o++) perDay[orderDay[o]! + 1]!++;
  for (let d = 0; d < DAYS; d++) perDay[d + 1]! += perDay[d]!;
  const byDate = new Int32Array(ORDERS);
  for (let o = 0; o < ORDERS; o++) byDate[perDay[orderDay[o]!]!++] = o;

  const orderWidth = Math.max(7, String(ORDERS).length);
  const orders = new ChunkWriter(join(companyDir, 'orders.csv'), ORDERS_HEADER);
  const hasOrdered = new Uint8Array(CUSTOMERS);
  const complaintOpened: number[] = [];
  const complaintLines: string[] = [];
  const newChannels = cumulate([0.2, 0.32, 0.22, 0.2, 0.06]);
  const repeatChannels = cumulate([0.55, 0.25, 0.15, 0.05]);
  for (let i = 0; i < ORDERS; i++) {
    const c = orderCustomer[byDate[i]!]!;
    const day = orderDay[byDate[i]!]!;
    const s = customerSegment[c]!;
    const progress = day / DAYS;
    const first = hasOrdered[c] === 0;
    hasOrdered[c] = 1;
    const channel = first ? NEW_CHANNELS[pickIndex(newChannels)]! : REPEAT_CHANNELS[pickIndex(repeatChannels)]!;
    const quoted = Math.round(uniform(18, 240) * 100) / 100;
    const surcharged = chance(surcharge[s]! * (1.3 - 0.6 * progress));
    const charged = surcharged ? Math.round(quoted * uniform(1.03, 1.15) * 100) / 100 : quoted;
    const promised = day + int(2, 7);
    const onTime = chance(onTimeBase[s]! + 0.06 * progress);
    let delivered = onTime ? promised - int(0, 2) : promised + int(1, 6);
    if (delivered < day) delivered = day;
    const undelivered = chance(0.008) || delivered >= DAYS; // cancelled or still on its way
    orders.line(
      `O${String(i + 1).padStart(orderWidth, '0')},${customerId(c)},${DATES[day]},${ids[s]},${COUNTRIES[customerCountry[c]!]},${channel},${quoted.toFixed(2)},${charged.toFixed(2)},${DATES[promised]},${undelivered ? '' : DATES[delivered]}\n`,
    );
    // Late deliveries and surcharges make complaints likelier.
    if (chance(0.0225 + (onTime ? 0 : 0.11) + (surcharged ? 0.1 : 0))) {
      const opened = START_MS + (day + int(1, 14)) * DAY + int(7 * 60, 22 * 60) * 60_000;
      if (opened >= END_MS) continue;
      const speed = 1.25 - 0.5 * progress; // responses get faster over time
      const ignored = chance(0.015 + 0.03 * (1 - progress));
      const response = ignored ? undefined : opened + Math.round(Math.exp(normal() * 0.8 + Math.log(14 * speed)) * 60) * 60_000;
      const resolved = response !== undefined && chance(0.93) ? response + Math.round(uniform(2, 200)) * 3_600_000 : undefined;
      const clip = (t: number | undefined) => (t === undefined || t >= END_MS ? '' : isoMinute(t));
      complaintOpened.push(opened);
      complaintLines.push(`,${customerId(c)},${isoMinute(opened)},${clip(response)},${clip(resolved)}\n`);
    }
  }
  orders.close();

  // --- complaints: in the order they were opened -------------------------------------------------
  const complaintOrder = Array.from(complaintLines.keys()).sort((a, b) => complaintOpened[a]! - complaintOpened[b]! || a - b);
  const complaintWidth = Math.max(6, String(complaintLines.length).length);
  const complaints = new ChunkWriter(join(companyDir, 'complaints.csv'), COMPLAINTS_HEADER);
  complaintOrder.forEach((k, i) => complaints.line(`K${String(i + 1).padStart(complaintWidth, '0')}${complaintLines[k]}`));
  complaints.close();
  complaintLines.length = 0;

  // --- survey: waves x segments, about the same number of answers per segment ---------------------
  // Customers grouped by segment, for linking respondents to customers of their own segment.
  const segmentStart = new Int32Array(K + 1);
  for (let c = 0; c < CUSTOMERS; c++) segmentStart[customerSegment[c]! + 1]!++;
  for (let s = 0; s < K; s++) segmentStart[s + 1]! += segmentStart[s]!;
  const bySegment = new Int32Array(CUSTOMERS);
  {
    const next = segmentStart.slice();
    for (let c = 0; c < CUSTOMERS; c++) bySegment[next[customerSegment[c]!]!++] = c;
  }
  const WAVES = QUARTERS - FIRST_WAVE;
  const cellWeights: number[] = [];
  for (let w = 0; w < WAVES; w++) for (let s = 0; s < K; s++) cellWeights.push(respondentShare[s]! * uniform(0.92, 1.08));
  const weightSum = cellWeights.reduce((a, b) => a + b, 0);
  const cellCounts = cellWeights.map((x) => Math.floor((SURVEY * x) / weightSum));
  let left = SURVEY - cellCounts.reduce((a, b) => a + b, 0);
  for (let i = 0; left > 0; i = (i + 1) % cellCounts.length, left--) cellCounts[i]!++;

  const respondentWidth = Math.max(6, String(SURVEY).length);
  const surveyFile = new ChunkWriter(join(companyDir, 'survey.csv'), SURVEY_HEADER);
  const clamp = (x: number, lo: number, hi: number) => (x < lo ? lo : x > hi ? hi : Math.round(x));
  const item = (x: number) => (chance(0.03) ? '' : String(clamp(x, 1, 5)));
  const offsets = [0.25, -0.55, 0.3, 0, 0.05]; // reliability, transparency, competence, empathy, consistency
  const answeredIn = new Uint8Array(CUSTOMERS); // the latest wave (1-based) each customer answered in
  let respondent = 0;
  for (let w = 0; w < WAVES; w++) {
    const q = FIRST_WAVE + w;
    const from = quarterStartDay(q);
    const to = quarterStartDay(q + 1) - 1;
    for (let s = 0; s < K; s++) {
      const pool = segmentStart[s + 1]! - segmentStart[s]!;
      for (let r = cellCounts[w * K + s]!; r > 0; r--) {
        respondent++;
        // Linked to a customer of the segment, preferably one active around the wave.
        // A customer who already answered in this wave is passed over while others can be found.
        let linked = -1;
        if (pool > 0 && chance(0.7)) {
          for (let attempt = 0; attempt < 6; attempt++) {
            linked = bySegment[segmentStart[s]! + Math.floor(random() * pool)]!;
            if (acquired[linked]! <= to && lastDay[linked]! >= from && answeredIn[linked] !== w + 1) break;
          }
          answeredIn[linked] = w + 1;
        }
        const country = linked >= 0 ? COUNTRIES[customerCountry[linked]!]! : COUNTRIES[pickIndex(countryWeights)]!;
        const loyalty = linked >= 0 ? Math.min(1, (Math.min(lastDay[linked]!, to) - acquired[linked]!) / 365) : 0.25;
        const personal = 0.75 * normal();
        const trust = trustBase[s]! + 0.045 * w + 0.35 * Math.max(0, loyalty) + personal;
        let dims = '';
        let drive = trust - 0.4 * personal;
        for (let k = 0; k < 5; k++) {
          const unique = 0.55 * normal();
          drive += 0.4 * unique;
          dims += `,${item(trust + offsets[k]! + (k === 1 ? 0.02 * w : 0) + unique)}`;
        }
        const nps = chance(0.02) ? '' : String(clamp(2.2 * (drive + csatLift[s]! * 0.55) - 1.2 + 1.3 * normal(), 0, 10));
        const csat = item(trust + 0.35 + csatLift[s]! + 0.6 * normal());
        const dataConcern = item(3.75 - 0.15 * (trust - 3.5) + 0.95 * normal());
        const importance = item(4.1 + 0.8 * normal());
        const problemTrust = item(2.9 + 1.9 * Math.max(0, loyalty) + 0.5 * (trust - 3.5) + 0.8 * normal());
        const peer = item(3.55 + 0.9 * normal());
        surveyFile.line(
          `R${String(respondent).padStart(respondentWidth, '0')},${linked >= 0 ? customerId(linked) : ''},${quarterName(q)},${ids[s]},${country},${nps},${csat}${dims},${dataConcern},${importance},${problemTrust},${peer}\n`,
        );
      }
    }
  }
  surveyFile.close();
  return { survey: SURVEY, orders: ORDERS, customers: CUSTOMERS, complaints: complaintOrder.length, seconds: (performance.now() - started) / 1000 };
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      out: { type: 'string' },
      survey: { type: 'string', default: '20000' },
      orders: { type: 'string', default: '200000' },
      segments: { type: 'string', default: '6' },
      seed: { type: 'string' },
    },
  });
  if (!values.out) {
    process.stderr.write('usage: node scripts/bench/generate.ts --out DIR [--survey N] [--orders N] [--segments K] [--seed S]\n');
    process.exit(2);
  }
  const count = (text: string) => Number(text.replace(/_/g, '').replace(/k$/i, '000').replace(/m$/i, '000000'));
  const summary = generate({
    out: values.out,
    survey: count(values.survey),
    orders: count(values.orders),
    segments: count(values.segments),
    ...(values.seed ? { seed: Number(values.seed) } : {}),
  });
  process.stdout.write(
    `generated ${summary.survey} survey answers, ${summary.orders} orders (${summary.customers} customers), ${summary.complaints} complaints in ${summary.seconds.toFixed(1)} s -> ${resolve(values.out)}\n`,
  );
}
