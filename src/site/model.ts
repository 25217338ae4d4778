/**
 * The report model prepared for the pages, once per build: indexes by id, segment x wave grids
 * and ranked lists, so that no page scans the whole report. Built on first use and kept beside
 * the report object (a WeakMap), so every page of every locale shares one.
 */
import type {
  Report,
  ReportDrivers,
  ReportEstimate,
  ReportGuidanceTopic,
  ReportMetric,
  ReportRecommendation,
  ReportSegmentDifference,
  ReportSource,
  ReportStatistic,
} from '../schemas/report.ts';

/**
 * Up to this many segments, metric pages and the overview show every segment; above it they
 * show the highest and lowest (SEGMENT_EXTREMES of each), and the segments index is paged.
 */
export const SEGMENT_LIST_LIMIT = 24;
/** How many of the highest and of the lowest segments a summarised list shows. */
export const SEGMENT_EXTREMES = 5;
/** Segments per page of the segments index. */
export const SEGMENTS_PER_PAGE = 100;

type Segment = Report['company']['segments'][number];
type SayVsDo = Report['sayVsDo'][number];
type DriverGroup = ReportDrivers['groups'][number];

/** One metric's cuts, indexed; each index is built on first use. */
export class PreparedMetric {
  readonly metric: ReportMetric;
  #waveIndex: Map<string, number>;
  #segmentOrder: Map<string, number>;
  #bySegment?: Map<string, ReportEstimate>;
  #bySegmentWave?: Map<string, (ReportEstimate | undefined)[]>;
  #differences?: Map<string, ReportSegmentDifference>;
  #ranked?: ReportEstimate[];

  constructor(metric: ReportMetric, waveIndex: Map<string, number>, segmentOrder: Map<string, number>) {
    this.metric = metric;
    this.#waveIndex = waveIndex;
    this.#segmentOrder = segmentOrder;
  }

  /** Latest-wave estimate per segment id. */
  get bySegment(): Map<string, ReportEstimate> {
    if (!this.#bySegment) {
      this.#bySegment = new Map();
      for (const e of this.metric.result?.bySegment ?? []) if (e.segment !== null) this.#bySegment.set(e.segment, e);
    }
    return this.#bySegment;
  }

  /** Per segment id, its estimates in the order of `report.waves` (undefined where the model has none). */
  get bySegmentWave(): Map<string, (ReportEstimate | undefined)[]> {
    if (!this.#bySegmentWave) {
      const grid = new Map<string, (ReportEstimate | undefined)[]>();
      for (const e of this.metric.result?.bySegmentWave ?? []) {
        const i = e.wave === null ? undefined : this.#waveIndex.get(e.wave);
        if (e.segment === null || i === undefined) continue;
        let row = grid.get(e.segment);
        if (!row) {
          row = new Array<ReportEstimate | undefined>(this.#waveIndex.size).fill(undefined);
          grid.set(e.segment, row);
        }
        row[i] = e;
      }
      this.#bySegmentWave = grid;
    }
    return this.#bySegmentWave;
  }

  /** Latest wave: each segment against the rest of the company. */
  get differences(): Map<string, ReportSegmentDifference> {
    return (this.#differences ??= new Map((this.metric.segmentDifferences ?? []).map((d) => [d.segment, d])));
  }

  /** Latest-wave estimates with a value, highest first (ties in segment order). */
  get ranked(): ReportEstimate[] {
    if (!this.#ranked) {
      const order = (e: ReportEstimate) => this.#segmentOrder.get(e.segment ?? '') ?? Infinity;
      this.#ranked = (this.metric.result?.bySegment ?? []).filter((e) => e.value !== null).sort((x, y) => y.value! - x.value! || order(x) - order(y));
    }
    return this.#ranked;
  }
}

/**
 * The indexes of one report. Each is built on first use, so a page (or a test with a partial
 * model) pays only for what it reads.
 */
export class PreparedReport {
  readonly report: Report;
  /** More segments than pages can list one by one: metric pages and the overview summarise. */
  readonly manySegments: boolean;
  /** Values computed once per report (see `shared`), e.g. charts drawn on several pages. */
  readonly shared = new Map<string, unknown>();
  #metrics?: Map<string, PreparedMetric>;
  #segments?: Map<string, Segment>;
  #segmentOrder?: Map<string, number>;
  #statistics?: Map<string, ReportStatistic>;
  #sources?: Map<string, ReportSource>;
  #usedBy?: Map<string, ReportMetric[]>;
  #guidance?: Map<string, ReportGuidanceTopic>;
  #recommendations?: Map<string, ReportRecommendation>;
  #sayVsDo?: Map<string, SayVsDo>;
  #driverGroups?: Map<string | null, DriverGroup>;

  constructor(report: Report) {
    this.report = report;
    this.manySegments = report.company.segments.length > SEGMENT_LIST_LIMIT;
  }

  /** Each metric's cuts, indexed, by metric id. */
  get metrics(): Map<string, PreparedMetric> {
    if (!this.#metrics) {
      const waveIndex = new Map(this.report.waves.map((w, i) => [w, i]));
      this.#metrics = new Map(this.report.metrics.map((m) => [m.id, new PreparedMetric(m, waveIndex, this.segmentOrder)]));
    }
    return this.#metrics;
  }

  get segments(): Map<string, Segment> {
    return (this.#segments ??= new Map(this.report.company.segments.map((s) => [s.id, s])));
  }

  /** Position of each segment in `company.segments`. */
  get segmentOrder(): Map<string, number> {
    return (this.#segmentOrder ??= new Map(this.report.company.segments.map((s, i) => [s.id, i])));
  }

  get statistics(): Map<string, ReportStatistic> {
    return (this.#statistics ??= new Map(this.report.library.statistics.map((s) => [s.id, s])));
  }

  get sources(): Map<string, ReportSource> {
    return (this.#sources ??= new Map(this.report.library.sources.map((s) => [s.id, s])));
  }

  /** The metrics that compare with each public figure, in the model's order. */
  get usedBy(): Map<string, ReportMetric[]> {
    if (!this.#usedBy) {
      const usedBy = new Map<string, ReportMetric[]>();
      for (const m of this.report.metrics) {
        for (const c of m.comparisons) {
          const list = usedBy.get(c.statisticId) ?? [];
          if (!list.includes(m)) list.push(m);
          usedBy.set(c.statisticId, list);
        }
      }
      this.#usedBy = usedBy;
    }
    return this.#usedBy;
  }

  get guidance(): Map<string, ReportGuidanceTopic> {
    return (this.#guidance ??= new Map(this.report.guidance.map((g) => [g.topic, g])));
  }

  get recommendations(): Map<string, ReportRecommendation> {
    return (this.#recommendations ??= new Map(this.report.recommendations.map((r) => [r.topic, r])));
  }

  get sayVsDo(): Map<string, SayVsDo> {
    return (this.#sayVsDo ??= new Map(this.report.sayVsDo.map((r) => [r.segment, r])));
  }

  /** Key-driver groups by segment (null: the whole company). */
  get driverGroups(): Map<string | null, DriverGroup> {
    return (this.#driverGroups ??= new Map((this.report.drivers?.groups ?? []).map((g) => [g.segment, g])));
  }
}

const preparedReports = new WeakMap<Report, PreparedReport>();

/** The prepared model of `report`, made on the first call. */
export function prepared(report: Report): PreparedReport {
  let p = preparedReports.get(report);
  if (!p) {
    p = new PreparedReport(report);
    preparedReports.set(report, p);
  }
  return p;
}

/** A prepared metric by id; a miss is a bug in the build (ids come from the model itself). */
export function metricOf(report: Report, id: string): PreparedMetric {
  const found = prepared(report).metrics.get(id);
  if (!found) throw new Error(`no metric "${id}" in the report model`);
  return found;
}

/**
 * The highest and lowest `count` of ranked items, highest first, each once: all of them when
 * there are no more than twice `count`.
 */
export function extremes<T>(ranked: readonly T[], count = SEGMENT_EXTREMES): { highest: T[]; lowest: T[] } {
  if (ranked.length <= 2 * count) return { highest: [...ranked], lowest: [] };
  return { highest: ranked.slice(0, count), lowest: ranked.slice(-count) };
}

/** A value that is computed once per key and prepared report, e.g. a chart drawn on several pages. */
export function shared<T>(report: Report, key: string, make: () => T): T {
  const cache = prepared(report).shared;
  if (cache.has(key)) return cache.get(key) as T;
  const value = make();
  cache.set(key, value);
  return value;
}
