/**
 * The fast cell checks (`ColumnSpec.fast`) are an accelerator for the zod schemas, which stay the
 * source of truth: whatever a fast check accepts, its schema accepts with the same value. The
 * cells of the demo data must all take the fast path, or it would accelerate nothing.
 */
import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { REJECT, type TableSpec } from '../src/pipeline/table.ts';
import { complaintColumns, kpiColumns, orderColumns, surveyColumns } from '../src/schemas/company-data.ts';
import { statisticColumns } from '../src/schemas/benchmarks.ts';
import { fastIsoDate } from '../src/schemas/cells.ts';
import { parseCsvText } from '../src/pipeline/csv.ts';
import { mulberry32 } from '../src/stats/drivers.ts';

const SPECS: Record<string, TableSpec> = { survey: surveyColumns, orders: orderColumns, complaints: complaintColumns, kpis: kpiColumns, statistics: statisticColumns };

/** Values near every rule's edges, and random strings from the characters the rules care about. */
const EDGES = [
  '', ' ', '0', '-0', '00', '1', '5', '6', '10', '11', '-1', '+1', '1.', '.5', '1.5', '1,5', '1e1', '7.0', '-', '--1', '1-', '01',
  '999999999999999999999', '12345678901234567890', '1'.repeat(25), 'NaN', 'Infinity', '٣', '５',
  '2024-02-29', '2023-02-29', '1900-02-29', '2000-02-29', '0050-01-01', '0100-01-01', '9999-12-31', '2024-13-01', '2024-00-10', '2024-01-00', '2024-04-31',
  '2024-1-01', '1.10.2022', '2024-01-01 00:00:00', '2024-01-01T00:00:00.000Z', '2024-01-31T14:05', '2024-01-31T24:05', '31.1.2025 14:05',
  '2026-Q3', '2026-Q5', '2026Q3', 'FI', 'fi', 'F', 'FIN', 'ÄÖ', 'families', 'Families', 'seg-1', 'referral', 'Referral', 'R000001', 'x',
];
const ALPHABET = '0123456789-.,+eEQTZ: aAfF_';

function randomStrings(count: number, seed: number): string[] {
  const next = mulberry32(seed);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const length = Math.floor(next() * 12);
    let text = '';
    for (let j = 0; j < length; j++) text += ALPHABET[Math.floor(next() * ALPHABET.length)];
    out.push(text);
  }
  // Dates with random digits: most of them do not exist.
  for (let i = 0; i < count / 4; i++) {
    const digit = () => String(Math.floor(next() * 10));
    out.push(`${digit()}${digit()}${digit()}${digit()}-${digit()}${digit()}-${digit()}${digit()}`);
  }
  return out;
}

describe('fast cell checks agree with their schemas', () => {
  // Cells reach both checks trimmed, as the table reader hands them over.
  const values = [...new Set([...EDGES, ...randomStrings(4000, 13)].map((text) => text.trim()))];
  for (const [name, spec] of Object.entries(SPECS)) {
    it(`${name}: every value a fast check accepts, the schema accepts with the same value`, () => {
      const disagreements: string[] = [];
      for (const [field, column] of Object.entries(spec)) {
        if (!column.fast) continue;
        for (const text of values) {
          const fast = column.fast(text);
          if (fast === REJECT) continue;
          const slow = column.schema.safeParse(text);
          if (!slow.success || !Object.is(slow.data, fast)) disagreements.push(`${field} ${JSON.stringify(text)}: fast ${String(fast)}, schema ${slow.success ? String(slow.data) : 'rejects'}`);
        }
      }
      expect(disagreements).toEqual([]);
    });
  }

  it('reads a date exactly when the calendar has it, years 100 to 9999', () => {
    expect(fastIsoDate('2024-02-29')).toBe('2024-02-29');
    expect(fastIsoDate('2000-02-29')).toBe('2000-02-29');
    expect(fastIsoDate('1900-02-29')).toBe(REJECT);
    expect(fastIsoDate('2023-02-29')).toBe(REJECT);
    expect(fastIsoDate('2024-04-31')).toBe(REJECT);
    expect(fastIsoDate('0050-01-01')).toBe(REJECT);
    expect(fastIsoDate('1.10.2022')).toBe(REJECT);
  });
});

describe('the demo data takes the fast path', () => {
  for (const [name, file, spec] of [
    ['survey', 'data/company/survey.csv', surveyColumns],
    ['orders', 'data/company/orders.csv', orderColumns],
    ['complaints', 'data/company/complaints.csv', complaintColumns],
  ] as const) {
    it(`every cell of ${name}.csv`, async () => {
      const text = await readFile(file, 'utf8');
      let header: string[] = [];
      const slow = new Map<string, number>();
      parseCsvText(text.split('\n').slice(0, 3000).join('\n'), file, {
        header(record) {
          header = record.cells.map((cell) => cell.trim());
        },
        record(record) {
          record.cells.forEach((cell, i) => {
            const column = (spec as TableSpec)[header[i]!];
            if (column?.fast && column.fast(cell.trim()) === REJECT) slow.set(header[i]!, (slow.get(header[i]!) ?? 0) + 1);
          });
        },
        issue() {},
      });
      expect(Object.fromEntries(slow)).toEqual({});
    });
  }
});
