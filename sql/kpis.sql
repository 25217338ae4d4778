-- kpis.sql: the kpis.csv contract (period, segment, metric, value, n, low, high) computed inside a
-- warehouse from the raw tables `survey`, `orders` and `complaints` (the columns of
-- company/survey.csv, orders.csv and complaints.csv; see README, "Data layout"), with the
-- project's own definitions (src/metrics/survey.ts, orders.ts, complaints.ts). One row per metric,
-- quarter and segment, `all` for the whole company; a cell with no one in it has no row.
--
-- Written in ANSI SQL (CTEs, window functions, CASE, standard aggregates, EXTRACT, FLOOR, SQRT,
-- LN, EXP). It runs unchanged in DuckDB (tested: test/warehouse-sql.test.ts); the dialect notes
-- below say what to change for BigQuery, Snowflake and Spark SQL. How to run it and what differs
-- from a build on raw files: docs/warehouse.md.
--
-- What this file does not compute (the kpis.csv contract has no column for them, or the pipeline
-- needs rows): cohort retention curves, trust in problem handling by loyalty tier, the key
-- drivers, Cronbach's alpha, survey figures for some markets only, segment tests of survey
-- metrics, the retention scenario. A median time to first response that is never reached (more
-- than half of a quarter's complaints still unanswered) has no row, where a raw build says "not
-- reached". Suppression is the pipeline's job: n is written raw, and cells below
-- minimum_cell_size are hidden by the build, with the complementary cells.
--
-- DIALECT NOTES (each also marked where it applies with "dialect:")
--   SELECT without FROM: the parameter rows below use it; fine in all four. Strict ANSI would add
--     FROM (VALUES (0)) AS one(x).
--   Date literals: DATE '2026-09-30' everywhere (BigQuery also DATE('2026-09-30')).
--   Timestamps: the complaint columns must be TIMESTAMP in UTC. From text such as
--     '2025-01-31T14:05': DuckDB CAST(x AS TIMESTAMP); BigQuery
--     PARSE_TIMESTAMP('%Y-%m-%dT%H:%M', x) (or TIMESTAMP(x)); Snowflake
--     TO_TIMESTAMP_NTZ(x, 'YYYY-MM-DD"T"HH24:MI'); Spark to_timestamp(x, "yyyy-MM-dd'T'HH:mm").
--     Text with an offset (+02:00): convert to UTC first (Snowflake CONVERT_TIMEZONE('UTC', x),
--     BigQuery TIMESTAMP is always UTC, Spark to_utc_timestamp, DuckDB x::TIMESTAMPTZ AT TIME
--     ZONE 'UTC' with the session time zone set to UTC).
--   Date arithmetic: none is used. Elapsed time is computed from EXTRACT(YEAR/MONTH/DAY/HOUR/
--     MINUTE/SECOND) with a day-number formula (CTE complaint_times), which every dialect runs.
--     Native alternatives for the seconds between two timestamps a and b: DuckDB
--     date_diff('second', a, b); BigQuery TIMESTAMP_DIFF(b, a, SECOND); Snowflake
--     DATEDIFF('second', a, b); Spark unix_timestamp(b) - unix_timestamp(a).
--   QUALIFY: not used (a ROW_NUMBER() in a CTE, filtered outside), so it runs in Spark, which has
--     no QUALIFY. DuckDB, BigQuery and Snowflake may write the repeat-answer and first/latest
--     order steps with QUALIFY row_number() OVER (...) = 1 instead.
--   Median / percentiles: not used. The median hours to first response is a Kaplan-Meier median
--     (unanswered complaints are censored), which PERCENTILE_CONT / MEDIAN / APPROX_QUANTILES
--     cannot give; it is computed with window functions in CTEs km_*. Do not replace it with
--     MEDIAN(): that would drop or misplace the complaints still waiting.
--   Integer division: every ratio casts its numerator to DOUBLE PRECISION first, and the
--     quarter and day arithmetic divides by a decimal literal (3.0, 4.0, 400.0) inside FLOOR(),
--     so it means the same in DuckDB, BigQuery and Spark (where / on integers gives a double)
--     and in engines where integer / integer truncates (Postgres) or rounds to a few decimals
--     (Snowflake NUMBER).
--     DuckDB's integer division is //, BigQuery's DIV(a, b), Snowflake's FLOOR(a / b), Spark's
--     a DIV b.
--   Casts to text: CAST(x AS VARCHAR) here; BigQuery and Spark: CAST(x AS STRING).
--   String concatenation: || (all four); BigQuery and Spark also CONCAT(a, b).
--   Boolean sums: always SUM(CASE WHEN ... THEN 1 ELSE 0 END) (BigQuery has no COUNT_IF outside
--     COUNTIF, Spark has count_if, DuckDB count_if, Snowflake COUNT_IF).
--   GREATEST / LEAST: not used (CASE instead); all four have them.
--   Floating point: DOUBLE PRECISION. BigQuery: FLOAT64; Snowflake: DOUBLE (or FLOAT); Spark:
--     DOUBLE. Snowflake's NUMBER division keeps only a few decimals: keep the CAST ... AS DOUBLE
--     PRECISION where written.
--   LN / EXP / SQRT / POWER: all four have them.
--
-- EXPORT: see docs/warehouse.md (the duckdb shell's .mode csv and .output, BigQuery EXPORT DATA,
-- Snowflake COPY INTO @stage with HEADER = TRUE, Spark DataFrame.write.csv). Write NULL as an
-- empty cell and numbers with a dot decimal and no thousands separator.

WITH
-- >>> PARAMETERS: edit these to your company.yaml ----------------------------------------------
params AS (
  SELECT
    DATE '2024-10-01' AS period_start,         -- reporting_period.start
    DATE '2026-09-30' AS period_end,           -- reporting_period.end
    14 AS resolution_days,                     -- complaint_resolution_days (default 14)
    'first' AS repeat_answers,                 -- repeat_answers: 'first' (default) or 'all'
    'segment_country' AS weighting_by          -- weighting.by: 'segment', 'segment_country', or 'none'
),
-- weighting.targets: one row per cell; country is ignored when weighting_by = 'segment' (write
-- one row per segment with any country, e.g. '*'). With weighting_by = 'none' this is unused.
weighting_targets AS (
  SELECT 'families' AS segment, 'FI' AS country, 3847 AS share
  UNION ALL SELECT 'families', 'TH', 3289
  UNION ALL SELECT 'families', 'VN', 2376
  UNION ALL SELECT 'young-professionals', 'FI', 3432
  UNION ALL SELECT 'young-professionals', 'TH', 3133
  UNION ALL SELECT 'young-professionals', 'VN', 2139
  UNION ALL SELECT 'seniors', 'FI', 2394
  UNION ALL SELECT 'seniors', 'TH', 2119
  UNION ALL SELECT 'seniors', 'VN', 1420
  UNION ALL SELECT 'deal-seekers', 'FI', 2434
  UNION ALL SELECT 'deal-seekers', 'TH', 2093
  UNION ALL SELECT 'deal-seekers', 'VN', 1477
  UNION ALL SELECT 'small-business', 'FI', 1784
  UNION ALL SELECT 'small-business', 'TH', 1506
  UNION ALL SELECT 'small-business', 'VN', 1130
  UNION ALL SELECT 'enterprise', 'FI', 322
  UNION ALL SELECT 'enterprise', 'TH', 322
  UNION ALL SELECT 'enterprise', 'VN', 200
),
-- The raw tables. `seq` is the order of the rows as the pipeline reads them (file order): it
-- decides which answer is a customer's first in a wave, and which order is a customer's first
-- or latest on a day with two. A warehouse table has no row order: use a load sequence if you
-- have one (Snowflake METADATA$FILE_ROW_NUMBER at load, an ingestion timestamp), else the id as
-- here (on the demo data, id order is file order). Empty text cells become NULL.
survey_in AS (
  SELECT respondent_id AS seq, NULLIF(TRIM(customer_id), '') AS customer_id, wave, segment, country,
    nps, csat, trust_reliability, trust_transparency, trust_competence, trust_empathy, trust_consistency,
    data_concern, transparency_importance, problem_trust, peer_influence
  FROM survey
),
orders_in AS (
  SELECT order_id AS seq, customer_id, order_date, segment, acquisition_channel,
    quoted_amount, charged_amount, promised_date, delivered_date
  FROM orders
),
complaints_in AS (
  -- dialect: opened_at, first_response_at, resolved_at as TIMESTAMP in UTC (see the notes above).
  SELECT complaint_id, customer_id, opened_at, first_response_at, resolved_at
  FROM complaints
),
-- <<< PARAMETERS ------------------------------------------------------------------------------

-- Quarters are numbered year * 4 + (quarter - 1), as src/metrics/quarters.ts does.
period AS (
  SELECT
    CAST(EXTRACT(YEAR FROM period_start) * 4 + FLOOR((EXTRACT(MONTH FROM period_start) - 1) / 3.0) AS INTEGER) AS first_q,
    CAST(EXTRACT(YEAR FROM period_end) * 4 + FLOOR((EXTRACT(MONTH FROM period_end) - 1) / 3.0) AS INTEGER) AS last_q,
    period_end, resolution_days, repeat_answers, weighting_by
  FROM params
),
digits AS (
  SELECT 0 AS d UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4
  UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9
),
-- The reporting quarters (at most 100: 25 years) with their names, YYYY-Qn.
quarters AS (
  SELECT q, CAST(CAST(FLOOR(q / 4.0) AS INTEGER) AS VARCHAR) || '-Q' || CAST(q - 4 * CAST(FLOOR(q / 4.0) AS INTEGER) + 1 AS VARCHAR) AS period  -- dialect: STRING in BigQuery and Spark
  FROM (SELECT p.first_q + 10 * a.d + b.d AS q, p.last_q FROM period p CROSS JOIN digits a CROSS JOIN digits b) x
  WHERE q <= last_q
),

-- ===== orders ================================================================================
orders_q AS (
  SELECT o.*,
    CAST(EXTRACT(YEAR FROM order_date) * 4 + FLOOR((EXTRACT(MONTH FROM order_date) - 1) / 3.0) AS INTEGER) AS q,
    CAST(EXTRACT(YEAR FROM promised_date) * 4 + FLOOR((EXTRACT(MONTH FROM promised_date) - 1) / 3.0) AS INTEGER) AS promised_q
  FROM orders_in o
),
-- On-time delivery: orders by the quarter of the promised date (on or before the end of the
-- period); kept when delivered on or before the promised date. Order's own segment.
on_time AS (
  SELECT qt.period, o.segment, COUNT(*) AS n,
    SUM(CASE WHEN o.delivered_date IS NOT NULL AND o.delivered_date <= o.promised_date THEN 1 ELSE 0 END) AS kept
  FROM orders_q o JOIN quarters qt ON qt.q = o.promised_q CROSS JOIN period p
  WHERE o.promised_date <= p.period_end
  GROUP BY qt.period, o.segment
),
-- Charged above the quote: orders placed in the quarter, charged more than half a cent above.
above_quote AS (
  SELECT qt.period, o.segment, COUNT(*) AS n,
    SUM(CASE WHEN o.charged_amount > o.quoted_amount + 0.005 THEN 1 ELSE 0 END) AS above
  FROM orders_q o JOIN quarters qt ON qt.q = o.q
  GROUP BY qt.period, o.segment
),
-- Each customer's first order (earliest date, earlier row on a tie) and latest (latest date,
-- later row on a tie): the quarter and channel of the first, the segment of the latest.
order_rank AS (
  SELECT customer_id, segment, acquisition_channel, q,
    ROW_NUMBER() OVER (PARTITION BY customer_id ORDER BY order_date, seq) AS first_rank,
    ROW_NUMBER() OVER (PARTITION BY customer_id ORDER BY order_date DESC, seq DESC) AS latest_rank
  FROM orders_q
),
customers AS (
  SELECT customer_id,
    MAX(CASE WHEN latest_rank = 1 THEN segment END) AS segment,
    MAX(CASE WHEN first_rank = 1 THEN q END) AS first_q,
    MAX(CASE WHEN first_rank = 1 AND acquisition_channel = 'referral' THEN 1 ELSE 0 END) AS first_referral
  FROM order_rank
  GROUP BY customer_id
),
-- Orders per customer and quarter, from 8 quarters before the period to its end.
customer_quarters AS (
  SELECT o.customer_id, o.q, COUNT(*) AS orders
  FROM orders_q o CROSS JOIN period p
  WHERE o.q BETWEEN p.first_q - 8 AND p.last_q
  GROUP BY o.customer_id, o.q
),
-- Per customer and reporting quarter Q: orders in the last year (Q-3..Q) and the year before
-- (Q-7..Q-4).
customer_years AS (
  SELECT qt.q, qt.period, cq.customer_id,
    SUM(CASE WHEN cq.q BETWEEN qt.q - 3 AND qt.q THEN cq.orders ELSE 0 END) AS last_year,
    SUM(CASE WHEN cq.q BETWEEN qt.q - 7 AND qt.q - 4 THEN cq.orders ELSE 0 END) AS prior_year
  FROM customer_quarters cq JOIN quarters qt ON cq.q BETWEEN qt.q - 7 AND qt.q
  GROUP BY qt.q, qt.period, cq.customer_id
),
-- Retention: of those who ordered in the year before, the share who ordered in the last year.
-- Repeat purchase: of those who ordered in the last year, the share with 2 or more orders.
-- Purchase frequency: orders per customer who ordered in the last year.
-- Referral share: of the customers whose first order fell in the quarter, the share referred.
-- Customer metrics use the customer's current segment (that of the latest order).
customer_cells AS (
  SELECT y.period, c.segment,
    SUM(CASE WHEN y.prior_year > 0 THEN 1 ELSE 0 END) AS base,
    SUM(CASE WHEN y.prior_year > 0 AND y.last_year > 0 THEN 1 ELSE 0 END) AS retained,
    SUM(CASE WHEN y.last_year > 0 THEN 1 ELSE 0 END) AS active,
    SUM(CASE WHEN y.last_year >= 2 THEN 1 ELSE 0 END) AS repeaters,
    SUM(CASE WHEN y.last_year > 0 THEN y.last_year ELSE 0 END) AS orders,
    SUM(CASE WHEN c.first_q = y.q THEN 1 ELSE 0 END) AS new_customers,
    SUM(CASE WHEN c.first_q = y.q AND c.first_referral = 1 THEN 1 ELSE 0 END) AS referred
  FROM customer_years y JOIN customers c ON c.customer_id = y.customer_id
  GROUP BY y.period, c.segment
),
order_figures AS (
  SELECT period, segment, 'on_time_delivery' AS metric, 100 * CAST(kept AS DOUBLE PRECISION) / n AS value, n FROM on_time
  UNION ALL SELECT period, 'all', 'on_time_delivery', 100 * CAST(SUM(kept) AS DOUBLE PRECISION) / SUM(n), SUM(n) FROM on_time GROUP BY period
  UNION ALL SELECT period, segment, 'price_above_quote', 100 * CAST(above AS DOUBLE PRECISION) / n, n FROM above_quote
  UNION ALL SELECT period, 'all', 'price_above_quote', 100 * CAST(SUM(above) AS DOUBLE PRECISION) / SUM(n), SUM(n) FROM above_quote GROUP BY period
  UNION ALL SELECT period, segment, 'retention_rate', 100 * CAST(retained AS DOUBLE PRECISION) / base, base FROM customer_cells WHERE base > 0
  UNION ALL SELECT period, 'all', 'retention_rate', 100 * CAST(SUM(retained) AS DOUBLE PRECISION) / SUM(base), SUM(base) FROM customer_cells GROUP BY period HAVING SUM(base) > 0
  UNION ALL SELECT period, segment, 'repeat_purchase_rate', 100 * CAST(repeaters AS DOUBLE PRECISION) / active, active FROM customer_cells WHERE active > 0
  UNION ALL SELECT period, 'all', 'repeat_purchase_rate', 100 * CAST(SUM(repeaters) AS DOUBLE PRECISION) / SUM(active), SUM(active) FROM customer_cells GROUP BY period HAVING SUM(active) > 0
  UNION ALL SELECT period, segment, 'purchase_frequency', CAST(orders AS DOUBLE PRECISION) / active, active FROM customer_cells WHERE active > 0
  UNION ALL SELECT period, 'all', 'purchase_frequency', CAST(SUM(orders) AS DOUBLE PRECISION) / SUM(active), SUM(active) FROM customer_cells GROUP BY period HAVING SUM(active) > 0
  UNION ALL SELECT period, segment, 'referral_share', 100 * CAST(referred AS DOUBLE PRECISION) / new_customers, new_customers FROM customer_cells WHERE new_customers > 0
  UNION ALL SELECT period, 'all', 'referral_share', 100 * CAST(SUM(referred) AS DOUBLE PRECISION) / SUM(new_customers), SUM(new_customers) FROM customer_cells GROUP BY period HAVING SUM(new_customers) > 0
),

-- ===== complaints ============================================================================
-- Seconds since 1970-01-01 of each time, from its fields (days from the civil date: Howard
-- Hinnant's days_from_civil, as src/metrics/quarters.ts), so no dialect's date functions are
-- needed. The three times of a complaint are put in one column and back, so the formula is
-- written once. dialect: may be replaced by a native epoch (see the notes above).
complaint_times_long AS (
  SELECT complaint_id, 'o' AS k, opened_at AS t FROM complaints_in
  UNION ALL SELECT complaint_id, 'f', first_response_at FROM complaints_in WHERE first_response_at IS NOT NULL
  UNION ALL SELECT complaint_id, 'r', resolved_at FROM complaints_in WHERE resolved_at IS NOT NULL
),
complaint_fields AS (
  SELECT complaint_id, k,
    EXTRACT(YEAR FROM t) - CASE WHEN EXTRACT(MONTH FROM t) <= 2 THEN 1 ELSE 0 END AS y,
    CASE WHEN EXTRACT(MONTH FROM t) > 2 THEN EXTRACT(MONTH FROM t) - 3 ELSE EXTRACT(MONTH FROM t) + 9 END AS mp,
    EXTRACT(DAY FROM t) AS d,
    EXTRACT(HOUR FROM t) * 3600 + EXTRACT(MINUTE FROM t) * 60 + FLOOR(EXTRACT(SECOND FROM t)) AS secs,
    CAST(EXTRACT(YEAR FROM t) * 4 + FLOOR((EXTRACT(MONTH FROM t) - 1) / 3.0) AS INTEGER) AS q
  FROM complaint_times_long
),
complaint_epoch AS (
  SELECT complaint_id, k, q,
    ((FLOOR(y / 400.0) * 146097
      + (y - FLOOR(y / 400.0) * 400) * 365 + FLOOR((y - FLOOR(y / 400.0) * 400) / 4.0) - FLOOR((y - FLOOR(y / 400.0) * 400) / 100.0)
      + FLOOR((153 * mp + 2) / 5.0) + d - 1
      - 719468) * 86400 + secs) AS s
  FROM complaint_fields
),
-- The end of the period, exclusive (midnight after period_end), in the same seconds.
period_end_epoch AS (
  SELECT
    ((FLOOR(y / 400.0) * 146097
      + (y - FLOOR(y / 400.0) * 400) * 365 + FLOOR((y - FLOOR(y / 400.0) * 400) / 4.0) - FLOOR((y - FLOOR(y / 400.0) * 400) / 100.0)
      + FLOOR((153 * mp + 2) / 5.0) + d - 1
      - 719468) + 1) * 86400 AS end_s,
    resolution_days * 86400 AS window_s
  FROM (
    SELECT EXTRACT(YEAR FROM period_end) - CASE WHEN EXTRACT(MONTH FROM period_end) <= 2 THEN 1 ELSE 0 END AS y,
      CASE WHEN EXTRACT(MONTH FROM period_end) > 2 THEN EXTRACT(MONTH FROM period_end) - 3 ELSE EXTRACT(MONTH FROM period_end) + 9 END AS mp,
      EXTRACT(DAY FROM period_end) AS d, resolution_days
    FROM period
  ) x
),
-- One row per complaint opened in a reporting quarter: its segment (the customer's current
-- segment; 'all' only for a customer with no orders), opening, first response and resolution.
complaint_rows AS (
  SELECT qt.period, cu.segment, o.s AS opened, f.s AS responded, r.s AS resolved
  FROM complaints_in c
  JOIN complaint_epoch o ON o.complaint_id = c.complaint_id AND o.k = 'o'
  JOIN quarters qt ON qt.q = o.q
  LEFT JOIN complaint_epoch f ON f.complaint_id = c.complaint_id AND f.k = 'f'
  LEFT JOIN complaint_epoch r ON r.complaint_id = c.complaint_id AND r.k = 'r'
  LEFT JOIN customers cu ON cu.customer_id = c.customer_id
),
-- Each complaint twice: in its segment (when it has one) and in 'all'.
complaint_cells AS (
  SELECT period, segment AS cell, opened, responded, resolved FROM complaint_rows WHERE segment IS NOT NULL
  UNION ALL SELECT period, 'all', opened, responded, resolved FROM complaint_rows
),
-- Resolution rate: of complaints that have had the whole window before the end of the period,
-- the share resolved within it. Unanswered after 48 h: of complaints opened at least 48 h before
-- the end, the share with no response within 48 h.
complaint_counts AS (
  SELECT c.period, c.cell,
    SUM(CASE WHEN c.opened + e.window_s <= e.end_s THEN 1 ELSE 0 END) AS due,
    SUM(CASE WHEN c.opened + e.window_s <= e.end_s AND c.resolved IS NOT NULL AND c.resolved - c.opened <= e.window_s THEN 1 ELSE 0 END) AS resolved,
    SUM(CASE WHEN c.opened + 172800 <= e.end_s THEN 1 ELSE 0 END) AS due48,
    SUM(CASE WHEN c.opened + 172800 <= e.end_s AND (c.responded IS NULL OR c.responded - c.opened > 172800) THEN 1 ELSE 0 END) AS unanswered
  FROM complaint_cells c CROSS JOIN period_end_epoch e
  GROUP BY c.period, c.cell
),
-- Median hours to first response, Kaplan-Meier (src/stats/survival.ts): time waited, in whole
-- seconds; a complaint with no response before the end of the period is censored at the end.
km_times AS (
  SELECT c.period, c.cell,
    CASE WHEN c.responded IS NOT NULL AND c.responded < e.end_s THEN c.responded ELSE e.end_s END - c.opened AS waited,
    CASE WHEN c.responded IS NOT NULL AND c.responded < e.end_s THEN 1 ELSE 0 END AS event
  FROM complaint_cells c CROSS JOIN period_end_epoch e
),
-- Per distinct time: responses (deaths), complaints leaving the risk set, and those at risk
-- (still waiting just before that time).
km_groups AS (
  SELECT period, cell, waited, SUM(event) AS deaths, COUNT(*) AS leaving,
    SUM(COUNT(*)) OVER (PARTITION BY period, cell ORDER BY waited DESC ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS at_risk,
    SUM(COUNT(*)) OVER (PARTITION BY period, cell) AS n
  FROM km_times
  GROUP BY period, cell, waited
),
-- Survival after each response time: the product of (1 - deaths / at_risk), as a sum of logs;
-- zero from the first time everyone still waiting is answered.
km_curve AS (
  SELECT period, cell, waited, n,
    SUM(CASE WHEN deaths < at_risk THEN LN(1 - CAST(deaths AS DOUBLE PRECISION) / at_risk) ELSE 0 END)
      OVER (PARTITION BY period, cell ORDER BY waited ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS log_s,
    MAX(CASE WHEN deaths = at_risk THEN 1 ELSE 0 END)
      OVER (PARTITION BY period, cell ORDER BY waited ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS emptied,
    LEAD(waited) OVER (PARTITION BY period, cell ORDER BY waited) AS next_waited
  FROM km_groups
  WHERE deaths > 0
),
-- The median: the first response time where survival falls below one half; exactly one half
-- (within 1e-12): the middle of the flat stretch up to the next response time.
km_median AS (
  SELECT period, cell, n,
    CASE WHEN ABS(s - 0.5) < 1e-12 AND next_waited IS NOT NULL THEN (CAST(waited AS DOUBLE PRECISION) / 3600 + CAST(next_waited AS DOUBLE PRECISION) / 3600) / 2
      ELSE CAST(waited AS DOUBLE PRECISION) / 3600 END AS hours
  FROM (
    SELECT period, cell, n, waited, next_waited,
      CASE WHEN emptied = 1 THEN 0 ELSE EXP(log_s) END AS s,
      ROW_NUMBER() OVER (PARTITION BY period, cell ORDER BY waited) AS k
    FROM km_curve
    WHERE (CASE WHEN emptied = 1 THEN 0 ELSE EXP(log_s) END) < 0.5 + 1e-12
  ) x
  WHERE k = 1
),
complaint_figures AS (
  SELECT period, cell AS segment, 'complaint_resolution_rate' AS metric, 100 * CAST(resolved AS DOUBLE PRECISION) / due AS value, due AS n FROM complaint_counts WHERE due > 0
  UNION ALL SELECT period, cell, 'complaint_unanswered_48h', 100 * CAST(unanswered AS DOUBLE PRECISION) / due48, due48 FROM complaint_counts WHERE due48 > 0
  UNION ALL SELECT period, cell, 'complaint_first_response_hours', hours, n FROM km_median
),

-- ===== survey ================================================================================
-- Answers of the reporting quarters; with repeat_answers = 'first', a customer's first answer
-- in a wave (by seq) and no other. Answers without a customer id are all kept.
survey_ranked AS (
  SELECT s.*, ROW_NUMBER() OVER (PARTITION BY customer_id, wave ORDER BY seq) AS answer_rank
  FROM survey_in s JOIN quarters qt ON qt.period = s.wave
),
answers AS (
  SELECT s.*, CASE WHEN p.weighting_by = 'segment' THEN '*' ELSE s.country END AS weight_country
  FROM survey_ranked s CROSS JOIN period p
  WHERE s.customer_id IS NULL OR p.repeat_answers = 'all' OR s.answer_rank = 1
),
-- Weights (src/metrics/survey.ts): in each wave an answer of weighting cell c weighs
-- target_c / (sum of the targets of the wave's cells) x (answers in the wave) / (answers in c);
-- a cell without a target weighs 1; without weighting every answer weighs 1.
weight_cells AS (
  SELECT wave, segment, weight_country, COUNT(*) AS answers FROM answers GROUP BY wave, segment, weight_country
),
weight_targets AS (
  SELECT c.wave, c.segment, c.weight_country, c.answers, t.share AS target,
    SUM(c.answers) OVER (PARTITION BY c.wave) AS wave_answers,
    SUM(t.share) OVER (PARTITION BY c.wave) AS wave_targets
  FROM weight_cells c CROSS JOIN period p
  LEFT JOIN (SELECT segment, CASE WHEN (SELECT weighting_by FROM period) = 'segment' THEN '*' ELSE country END AS country, share FROM weighting_targets) t
    ON p.weighting_by <> 'none' AND t.segment = c.segment AND t.country = c.weight_country
),
weights AS (
  SELECT wave, segment, weight_country,
    CASE WHEN target IS NULL OR wave_targets IS NULL OR wave_targets = 0 THEN 1.0
      ELSE (CAST(target AS DOUBLE PRECISION) / wave_targets) * wave_answers / answers END AS w
  FROM weight_targets
),
-- One row per answer and item, in long form: the item's value for the figure (1/0 for shares,
-- the 0-100 index for trust items), and for NPS the promoter and detractor flags.
answer_items AS (
  SELECT a.*, wt.w,
    CASE WHEN trust_reliability IS NULL THEN 0 ELSE 1 END + CASE WHEN trust_transparency IS NULL THEN 0 ELSE 1 END
      + CASE WHEN trust_competence IS NULL THEN 0 ELSE 1 END + CASE WHEN trust_empathy IS NULL THEN 0 ELSE 1 END
      + CASE WHEN trust_consistency IS NULL THEN 0 ELSE 1 END AS trust_answered,
    COALESCE(trust_reliability, 0) + COALESCE(trust_transparency, 0) + COALESCE(trust_competence, 0)
      + COALESCE(trust_empathy, 0) + COALESCE(trust_consistency, 0) AS trust_sum
  FROM answers a JOIN weights wt ON wt.wave = a.wave AND wt.segment = a.segment AND wt.weight_country = a.weight_country
),
item_values AS (
  SELECT wave, segment, w, 'csat' AS metric, 'share' AS kind, CASE WHEN csat >= 4 THEN CAST(1 AS DOUBLE PRECISION) ELSE 0 END AS x, CAST(0 AS DOUBLE PRECISION) AS det FROM answer_items WHERE csat IS NOT NULL
  UNION ALL SELECT wave, segment, w, 'data_concern', 'share', CASE WHEN data_concern >= 4 THEN CAST(1 AS DOUBLE PRECISION) ELSE 0 END, 0 FROM answer_items WHERE data_concern IS NOT NULL
  UNION ALL SELECT wave, segment, w, 'transparency_importance', 'share', CASE WHEN transparency_importance >= 4 THEN CAST(1 AS DOUBLE PRECISION) ELSE 0 END, 0 FROM answer_items WHERE transparency_importance IS NOT NULL
  UNION ALL SELECT wave, segment, w, 'problem_trust', 'share', CASE WHEN problem_trust >= 4 THEN CAST(1 AS DOUBLE PRECISION) ELSE 0 END, 0 FROM answer_items WHERE problem_trust IS NOT NULL
  UNION ALL SELECT wave, segment, w, 'peer_influence', 'share', CASE WHEN peer_influence >= 4 THEN CAST(1 AS DOUBLE PRECISION) ELSE 0 END, 0 FROM answer_items WHERE peer_influence IS NOT NULL
  -- NPS: x = promoter (9-10), det = detractor (0-6).
  UNION ALL SELECT wave, segment, w, 'nps', 'nps', CASE WHEN nps >= 9 THEN CAST(1 AS DOUBLE PRECISION) ELSE 0 END, CASE WHEN nps <= 6 THEN CAST(1 AS DOUBLE PRECISION) ELSE 0 END FROM answer_items WHERE nps IS NOT NULL
  -- Trust dimensions: (answer - 1) / 4 x 100.
  UNION ALL SELECT wave, segment, w, 'trust_reliability', 'mean', (CAST(trust_reliability AS DOUBLE PRECISION) - 1) / 4 * 100, 0 FROM answer_items WHERE trust_reliability IS NOT NULL
  UNION ALL SELECT wave, segment, w, 'trust_transparency', 'mean', (CAST(trust_transparency AS DOUBLE PRECISION) - 1) / 4 * 100, 0 FROM answer_items WHERE trust_transparency IS NOT NULL
  UNION ALL SELECT wave, segment, w, 'trust_competence', 'mean', (CAST(trust_competence AS DOUBLE PRECISION) - 1) / 4 * 100, 0 FROM answer_items WHERE trust_competence IS NOT NULL
  UNION ALL SELECT wave, segment, w, 'trust_empathy', 'mean', (CAST(trust_empathy AS DOUBLE PRECISION) - 1) / 4 * 100, 0 FROM answer_items WHERE trust_empathy IS NOT NULL
  UNION ALL SELECT wave, segment, w, 'trust_consistency', 'mean', (CAST(trust_consistency AS DOUBLE PRECISION) - 1) / 4 * 100, 0 FROM answer_items WHERE trust_consistency IS NOT NULL
  -- Trust index: the mean of the items answered (at least three of five), rescaled.
  UNION ALL SELECT wave, segment, w, 'trust_index', 'mean', (CAST(trust_sum AS DOUBLE PRECISION) / trust_answered - 1) / 4 * 100, 0 FROM answer_items WHERE trust_answered >= 3
),
-- Weighted sums per wave, metric and cell (each segment, and 'all').
item_cells AS (
  SELECT wave, segment, metric, kind, COUNT(*) AS n, SUM(w) AS sw, SUM(w * w) AS sw2,
    SUM(w * x) AS swx, SUM(w * x * x) AS swxx, SUM(w * det) AS swd
  FROM item_values GROUP BY wave, segment, metric, kind
  UNION ALL
  SELECT wave, 'all', metric, kind, COUNT(*), SUM(w), SUM(w * w), SUM(w * x), SUM(w * x * x), SUM(w * det)
  FROM item_values GROUP BY wave, metric, kind
),
-- Means (m = weighted mean, m2 = weighted mean of squares) and Kish's effective sample size.
item_means AS (
  SELECT c.wave, c.segment, c.metric, c.kind, c.n, p.weighting_by <> 'none' AS weighted,
    c.swx / c.sw AS m, c.swxx / c.sw AS m2, c.swd / c.sw AS md,
    CASE WHEN p.weighting_by = 'none' THEN CAST(c.n AS DOUBLE PRECISION) ELSE c.sw * c.sw / c.sw2 END AS n_eff
  FROM item_cells c CROSS JOIN period p
),
-- Student's t quantile (0.975) for the mean intervals: exact for 1 to 30 degrees of freedom
-- (src/stats/student-t.ts), above that the Cornish-Fisher expansion in z = 1.959963984540054 to
-- the fifth order (error below 1e-9). Weighted figures have fractional degrees of freedom
-- (n_eff - 1): the expansion alone, error below 1e-6 from 10 degrees of freedom.
t_table AS (
  SELECT 1 AS df, 12.70620473617464 AS t UNION ALL SELECT 2, 4.302652729749298 UNION ALL SELECT 3, 3.1824463052839747
  UNION ALL SELECT 4, 2.776445105197581 UNION ALL SELECT 5, 2.5705818356359487 UNION ALL SELECT 6, 2.446911851144705
  UNION ALL SELECT 7, 2.364624251592886 UNION ALL SELECT 8, 2.306004135204148 UNION ALL SELECT 9, 2.262157162798303
  UNION ALL SELECT 10, 2.2281388519863867 UNION ALL SELECT 11, 2.200985160091932 UNION ALL SELECT 12, 2.1788128296670948
  UNION ALL SELECT 13, 2.1603686564626514 UNION ALL SELECT 14, 2.144786687917531 UNION ALL SELECT 15, 2.1314495455594624
  UNION ALL SELECT 16, 2.1199052992210454 UNION ALL SELECT 17, 2.10981557783316 UNION ALL SELECT 18, 2.1009220402406754
  UNION ALL SELECT 19, 2.0930240544080334 UNION ALL SELECT 20, 2.08596344726584 UNION ALL SELECT 21, 2.079613844728101
  UNION ALL SELECT 22, 2.0738730679036053 UNION ALL SELECT 23, 2.06865761041945 UNION ALL SELECT 24, 2.0638985616283207
  UNION ALL SELECT 25, 2.0595385527535655 UNION ALL SELECT 26, 2.0555294386426795 UNION ALL SELECT 27, 2.051830516480095
  UNION ALL SELECT 28, 2.048407141795451 UNION ALL SELECT 29, 2.0452296421331084 UNION ALL SELECT 30, 2.042272456300907
),
mean_intervals AS (
  SELECT m.*, COALESCE(tt.t,
      -- z + (z^3 + z) / 4df + (5z^5 + 16z^3 + 3z) / 96df^2 + (3z^7 + 19z^5 + 17z^3 - 15z) / 384df^3
      --   + (79z^9 + 776z^7 + 1482z^5 - 1920z^3 - 945z) / 92160df^4
      --   + (27z^11 + 339z^9 + 930z^7 - 1782z^5 - 765z^3 + 17955z) / 368640df^5, coefficients worked out:
      1.959963984540054
      + 2.372271230298562 / m.df
      + 2.8224986157396112 / POWER(m.df, 2)
      + 2.555849679507722 / POWER(m.df, 3)
      + 1.5895340533938225 / POWER(m.df, 4)
      + 0.7328982119816051 / POWER(m.df, 5)) AS t
  FROM (
    SELECT im.*,
      CASE WHEN weighted THEN (CASE WHEN n_eff - 1 > 1 THEN n_eff - 1 ELSE 1 END) ELSE n - 1 END AS df,
      CASE WHEN weighted
        THEN (CASE WHEN m2 - m * m > 0 THEN m2 - m * m ELSE 0 END) * n_eff / (CASE WHEN n_eff - 1 > 1 THEN n_eff - 1 ELSE 1 END) / n_eff
        ELSE (CASE WHEN n > 1 AND m2 * n - n * m * m > 0 THEN (m2 * n - n * m * m) / (n - 1) ELSE 0 END) / n END AS var_of_mean
    FROM item_means im
    WHERE kind = 'mean'
  ) m
  LEFT JOIN t_table tt ON NOT m.weighted AND tt.df = m.df
),
-- NPS: % promoters - % detractors; adjusted-Wald interval (Rocks 2016): 3/4 of an answer added to
-- promoters and to detractors, n + 3 in all, centred on the adjusted score, within -100..100.
nps_intervals AS (
  SELECT wave, segment, n, 100 * (m - md) AS value,
    100 * (pa - da) - 1.959963984540054 * 100 * SQRT((pa + da - (pa - da) * (pa - da)) / (n_eff + 3)) AS low,
    100 * (pa - da) + 1.959963984540054 * 100 * SQRT((pa + da - (pa - da) * (pa - da)) / (n_eff + 3)) AS high
  FROM (SELECT im.*, (m * n_eff + 0.75) / (n_eff + 3) AS pa, (md * n_eff + 0.75) / (n_eff + 3) AS da FROM item_means im WHERE kind = 'nps') x
),
-- Shares: % answering 4-5. Unweighted, low/high are left empty and the build computes the same
-- Wilson interval from value and n; weighted, the Wilson interval on the effective sample size
-- is written here (kpis.csv has no column for it).
share_intervals AS (
  SELECT wave, segment, metric, n, 100 * m AS value, weighted,
    100 * ((m + zz / (2 * n_eff)) / (1 + zz / n_eff) - (1.959963984540054 / (1 + zz / n_eff)) * SQRT(m * (1 - m) / n_eff + zz / (4 * n_eff * n_eff))) AS low,
    100 * ((m + zz / (2 * n_eff)) / (1 + zz / n_eff) + (1.959963984540054 / (1 + zz / n_eff)) * SQRT(m * (1 - m) / n_eff + zz / (4 * n_eff * n_eff))) AS high
  FROM (SELECT im.*, 1.959963984540054 * 1.959963984540054 AS zz FROM item_means im WHERE kind = 'share') x
),
survey_figures AS (
  SELECT wave AS period, segment, metric, m AS value, n,
    CASE WHEN n > 1 THEN m - t * SQRT(var_of_mean) END AS low,
    CASE WHEN n > 1 THEN m + t * SQRT(var_of_mean) END AS high
  FROM mean_intervals
  UNION ALL
  SELECT wave, segment, 'nps', value, n,
    CASE WHEN low < -100 THEN -100 ELSE low END, CASE WHEN high > 100 THEN 100 ELSE high END
  FROM nps_intervals
  UNION ALL
  SELECT wave, segment, metric, value, n,
    CASE WHEN weighted THEN (CASE WHEN low < 0 THEN 0 ELSE low END) END,
    CASE WHEN weighted THEN (CASE WHEN high > 100 THEN 100 ELSE high END) END
  FROM share_intervals
),

-- ===== kpis.csv ==============================================================================
figures AS (
  SELECT period, segment, metric, CAST(value AS DOUBLE PRECISION) AS value, CAST(n AS BIGINT) AS n,
    CAST(NULL AS DOUBLE PRECISION) AS low, CAST(NULL AS DOUBLE PRECISION) AS high FROM order_figures
  UNION ALL SELECT period, segment, metric, value, n, NULL, NULL FROM complaint_figures
  UNION ALL SELECT period, segment, metric, value, n, low, high FROM survey_figures
)
SELECT period, segment, metric, value, n, low, high
FROM figures
ORDER BY metric, period, segment;
