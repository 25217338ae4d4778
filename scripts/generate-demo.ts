/**
 * `node scripts/generate-demo.ts [--out DIR]`: writes the demo company's survey, orders and
 * complaints into `data/company/` (or DIR). Seeded and deterministic: the same script writes the
 * same bytes, so the committed files can be checked by regenerating them.
 *
 * The story a reader should find in the report:
 * - trust improves wave by wave;
 * - transparency is the weakest of the five trust dimensions;
 * - "deal-seekers" are satisfied (high CSAT) but not loyal (low retention, few repeat orders);
 * - the small "enterprise" segment has too few respondents to publish in 2025-Q2;
 * - key drivers of the likelihood to recommend (0-10): reliability and transparency matter most,
 *   consistency in between, competence and empathy least; for "small-business" competence matters
 *   most (enterprise is too small for a driver analysis).
 *
 * The survey is drawn after the orders and complaints, from the same random stream, so changing
 * only how survey answers are drawn leaves orders.csv and complaints.csv (and the weighting
 * targets in company.yaml, counted from the orders) as they are.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { mulberry32 } from '../src/stats/drivers.ts';

const { values } = parseArgs({ options: { out: { type: 'string' } } });
const OUT = resolve(values.out ?? 'data/company');

// --- deterministic randomness (the same generator as the bootstrap's) -------------------------
const random = mulberry32(20261123);
const uniform = (lo: number, hi: number) => lo + (hi - lo) * random();
const int = (lo: number, hi: number) => Math.floor(uniform(lo, hi + 1));
const chance = (p: number) => random() < p;
function normal(): number {
  const u = 1 - random();
  const v = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}
function poisson(mean: number): number {
  const limit = Math.exp(-mean);
  let k = 0;
  let p = random();
  while (p > limit) {
    k++;
    p *= random();
  }
  return k;
}
function pick<T>(items: readonly T[], weights: readonly number[]): T {
  const total = weights.reduce((a, b) => a + b, 0);
  let r = random() * total;
  for (let i = 0; i < items.length; i++) {
    r -= weights[i]!;
    if (r < 0) return items[i]!;
  }
  return items[items.length - 1]!;
}

// --- calendar ---------------------------------------------------------------------------------
const DAY = 86_400_000;
const QUARTERS = 16; // 2022-Q4 .. 2026-Q3: order history starts two years before the survey
const FIRST_WAVE = 8; // 2024-Q4
const quarterStart = (q: number) => Date.UTC(2022, 9 + 3 * q, 1);
const quarterName = (q: number) => {
  const d = new Date(quarterStart(q));
  return `${d.getUTCFullYear()}-Q${Math.floor(d.getUTCMonth() / 3) + 1}`;
};
const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const isoMinute = (ms: number) => new Date(ms).toISOString().slice(0, 16);
const END = quarterStart(QUARTERS); // 2026-10-01, exclusive

// --- segments ---------------------------------------------------------------------------------
interface Segment {
  id: string;
  customers: number; // share of customers
  churn: number; // chance per quarter that an active customer stops buying
  rate: number; // mean orders per active quarter
  respondents: number; // survey answers per wave
  trust: number; // latent trust (1-5 scale) in the first wave
  csatLift: number; // satisfaction beyond trust
  surcharge: number; // chance an order is charged above its quote (first quarter)
  recommend?: number[]; // weights of the dimensions in the likelihood to recommend, if not RECOMMEND
}
const SEGMENTS: Segment[] = [
  { id: 'families', customers: 0.25, churn: 0.1, rate: 0.8, respondents: 700, trust: 3.55, csatLift: 0, surcharge: 0.05 },
  { id: 'young-professionals', customers: 0.25, churn: 0.15, rate: 0.77, respondents: 640, trust: 3.4, csatLift: 0, surcharge: 0.05 },
  { id: 'seniors', customers: 0.15, churn: 0.08, rate: 0.64, respondents: 450, trust: 3.7, csatLift: 0.05, surcharge: 0.04 },
  { id: 'deal-seekers', customers: 0.22, churn: 0.34, rate: 0.95, respondents: 460, trust: 3.35, csatLift: 0.75, surcharge: 0.11 },
  // Small businesses recommend a supplier that knows its trade: competence first.
  { id: 'small-business', customers: 0.11, churn: 0.1, rate: 1.15, respondents: 200, trust: 3.5, csatLift: 0, surcharge: 0.06, recommend: [0.35, 0.3, 0.8, 0.15, 0.25] },
  { id: 'enterprise', customers: 0.02, churn: 0.05, rate: 2.8, respondents: 52, trust: 3.6, csatLift: 0, surcharge: 0.03 },
];
const COUNTRIES = ['FI', 'TH', 'VN'] as const;
const COUNTRY_WEIGHTS = [0.4, 0.35, 0.25];
/** Offsets of the five trust dimensions from a respondent's overall trust: transparency lags. */
const DIMENSIONS: Array<[string, number]> = [
  ['reliability', 0.25],
  ['transparency', -0.55],
  ['competence', 0.3],
  ['empathy', 0.0],
  ['consistency', 0.05],
];
/**
 * Key drivers: how much of a respondent's own view on each dimension (beyond their overall trust)
 * moves their 0-10 likelihood to recommend, in the order of DIMENSIONS: reliability and
 * transparency strongly, consistency in between, competence and empathy little. Overall trust
 * counts with RECOMMEND_GENERAL of its personal part.
 */
const RECOMMEND = [0.75, 0.65, 0.2, 0.15, 0.4];
const RECOMMEND_GENERAL = 0.6;

// --- customers and orders ---------------------------------------------------------------------
const CUSTOMERS = 50_000;
interface Customer {
  id: string;
  segment: Segment;
  country: string;
  /** Orders per quarter index. */
  quarters: Uint8Array;
}
const customers: Customer[] = [];
const orderLines: string[] = [];
const complaintLines: string[] = [];
let orderSeq = 0;
let complaintSeq = 0;

for (let c = 0; c < CUSTOMERS; c++) {
  const segment = pick(SEGMENTS, SEGMENTS.map((s) => s.customers));
  const country = pick(COUNTRIES, COUNTRY_WEIGHTS);
  // Acquisition grows over time: later quarters bring more new customers.
  const acquired = Math.min(QUARTERS - 1, Math.floor(QUARTERS * Math.sqrt(random())));
  const customer: Customer = { id: `C${String(100000 + c)}`, segment, country, quarters: new Uint8Array(QUARTERS) };
  customers.push(customer);
  const progress = (q: number) => q / (QUARTERS - 1);
  for (let q = acquired; q < QUARTERS; q++) {
    if (q > acquired && chance(segment.churn)) break;
    const count = q === acquired ? 1 + poisson(segment.rate * 0.4) : poisson(segment.rate);
    for (let k = 0; k < count; k++) {
      const first = q === acquired && k === 0;
      const day = quarterStart(q) + int(0, Math.round((quarterStart(q + 1) - quarterStart(q)) / DAY) - 1) * DAY;
      customer.quarters[q]!++;
      const channel = first
        ? pick(['referral', 'search', 'social', 'advertising', 'partner'] as const, [0.16 + 0.1 * progress(q), 0.32, 0.22, 0.2, 0.05])
        : pick(['direct', 'email', 'search', 'social'] as const, [0.55, 0.25, 0.15, 0.05]);
      const quoted = Math.round((segment.id === 'enterprise' ? uniform(400, 2400) : uniform(18, 240)) * 100) / 100;
      const surcharged = chance(segment.surcharge * (1.3 - 0.6 * progress(q)));
      const charged = surcharged ? Math.round(quoted * uniform(1.03, 1.15) * 100) / 100 : quoted;
      const promised = day + int(2, 7) * DAY;
      const onTime = chance(0.885 + 0.06 * progress(q));
      let delivered: number | undefined = onTime ? promised - int(0, 2) * DAY : promised + int(1, 6) * DAY;
      if (delivered < day) delivered = day;
      if (chance(0.008) || delivered >= END) delivered = undefined; // cancelled or still on its way
      orderSeq++;
      const orderId = `O${String(orderSeq).padStart(7, '0')}`;
      orderLines.push(
        [orderId, customer.id, isoDate(day), segment.id, country, channel, quoted.toFixed(2), charged.toFixed(2), isoDate(promised), delivered === undefined ? '' : isoDate(delivered)].join(','),
      );
      // Late deliveries and surcharges make complaints likelier.
      const complains = chance(0.02 + (onTime ? 0 : 0.12) + (surcharged ? 0.1 : 0));
      if (complains) {
        const opened = day + int(1, 14) * DAY + int(7 * 60, 22 * 60) * 60_000;
        if (opened >= END) continue;
        const speed = 1.25 - 0.5 * progress(q); // response gets faster over time
        const ignored = chance(0.015 + 0.03 * (1 - progress(q)));
        const firstResponse = ignored ? undefined : opened + Math.round(Math.exp(normal() * 0.8 + Math.log(14 * speed)) * 60) * 60_000;
        const resolved =
          firstResponse !== undefined && chance(0.93) ? firstResponse + Math.round(uniform(2, 200)) * 3_600_000 : undefined;
        complaintSeq++;
        const clip = (t: number | undefined) => (t === undefined || t >= END ? '' : isoMinute(t));
        complaintLines.push([`K${String(complaintSeq).padStart(6, '0')}`, customer.id, isoMinute(opened), clip(firstResponse), clip(resolved)].join(','));
      }
    }
  }
}
// Orders in date order, as an export would list them.
const byColumn = (column: number) => (a: string, b: string) => {
  const ka = a.split(',')[column]!;
  const kb = b.split(',')[column]!;
  return ka < kb ? -1 : ka > kb ? 1 : a < b ? -1 : 1;
};
orderLines.sort(byColumn(2));
complaintLines.sort(byColumn(2));

// --- survey -----------------------------------------------------------------------------------
const surveyLines: string[] = [];
let respondentSeq = 0;
const clamp = (x: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, Math.round(x)));
const item = (x: number) => (chance(0.03) ? '' : String(clamp(x, 1, 5)));
const bySegment = new Map<string, Customer[]>();
for (const customer of customers) {
  const list = bySegment.get(customer.segment.id) ?? [];
  list.push(customer);
  bySegment.set(customer.segment.id, list);
}
for (let w = 0; w < 8; w++) {
  const q = FIRST_WAVE + w;
  for (const segment of SEGMENTS) {
    let count = Math.round(segment.respondents * uniform(0.92, 1.08));
    if (segment.id === 'enterprise' && quarterName(q) === '2025-Q2') count = 22; // too few to publish
    const active = bySegment.get(segment.id)!.filter((c) => c.quarters[q]! > 0);
    for (let r = 0; r < count; r++) {
      respondentSeq++;
      const linked = active.length > 0 && chance(0.7) ? active[int(0, active.length - 1)]! : undefined;
      const country = linked?.country ?? pick(COUNTRIES, COUNTRY_WEIGHTS);
      // Orders in the last four quarters: loyal customers trust more, above all with problems.
      let recent = 0;
      if (linked) for (let k = Math.max(0, q - 3); k <= q; k++) recent += linked.quarters[k]!;
      const loyalty = linked ? Math.min(recent, 8) / 8 : 0.25;
      const personal = 0.75 * normal();
      const trust = segment.trust + 0.045 * w + 0.35 * loyalty + personal;
      const own: number[] = [];
      const dims = DIMENSIONS.map(([name, offset]) => {
        const unique = 0.55 * normal();
        own.push(unique);
        return item(trust + offset + (name === 'transparency' ? 0.02 * w : 0) + unique);
      });
      // Likelihood to recommend: the segment's and wave's trust level and loyalty as before, but of a
      // respondent's own trust only what shows in the dimensions, unequally (see RECOMMEND).
      const weights = segment.recommend ?? RECOMMEND;
      const drive = trust - (1 - RECOMMEND_GENERAL) * personal + own.reduce((sum, u, k) => sum + weights[k]! * u, 0);
      const nps = chance(0.02) ? '' : String(clamp(2.2 * (drive + segment.csatLift * 0.55) - 1.2 + 1.3 * normal(), 0, 10));
      const csat = item(trust + 0.35 + segment.csatLift + 0.6 * normal());
      const dataConcern = item(3.75 - 0.15 * (trust - 3.5) + 0.95 * normal());
      const transparencyImportance = item(4.1 + 0.8 * normal());
      const problemTrust = item(2.9 + 1.9 * loyalty + 0.5 * (trust - 3.5) + 0.8 * normal());
      const peerInfluence = item(3.55 + 0.9 * normal());
      surveyLines.push(
        [`R${String(respondentSeq).padStart(6, '0')}`, linked?.id ?? '', quarterName(q), segment.id, country, nps, csat, ...dims, dataConcern, transparencyImportance, problemTrust, peerInfluence].join(','),
      );
    }
  }
}

// --- write ------------------------------------------------------------------------------------
await mkdir(OUT, { recursive: true });
const write = (name: string, header: string, lines: string[]) => writeFile(join(OUT, name), `${header}\n${lines.join('\n')}\n`);
await write(
  'survey.csv',
  'respondent_id,customer_id,wave,segment,country,nps,csat,trust_reliability,trust_transparency,trust_competence,trust_empathy,trust_consistency,data_concern,transparency_importance,problem_trust,peer_influence',
  surveyLines,
);
await write('orders.csv', 'order_id,customer_id,order_date,segment,country,acquisition_channel,quoted_amount,charged_amount,promised_date,delivered_date', orderLines);
await write('complaints.csv', 'complaint_id,customer_id,opened_at,first_response_at,resolved_at', complaintLines);
process.stdout.write(`demo data: ${surveyLines.length} survey answers, ${customers.length} customers, ${orderLines.length} orders, ${complaintLines.length} complaints -> ${OUT}\n`);
