/**
 * Property test: whatever happens to an input file (random byte edits, truncation, duplicated or
 * swapped lines, stray BOMs, quotes and NUL bytes), the data build returns a report or a list of
 * located problems. It never throws, never hangs, and never quotes more than a short excerpt.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runDataBuild } from '../src/pipeline/run.ts';
import { formatIssue } from '../src/pipeline/issues.ts';
import { mulberry32 } from '../src/stats/drivers.ts';

const BASE = fileURLToPath(new URL('./fixtures/small/', import.meta.url));
const CONTENT = fileURLToPath(new URL('./fixtures/small-content/', import.meta.url));
const FILES = ['company/survey.csv', 'company/orders.csv', 'company/complaints.csv', 'company/company.yaml', 'benchmarks/statistics.csv', 'benchmarks/sources.yaml'];
const CASES = 180;

/** A small seeded generator, so a failure can be replayed from its case number. */
const random = mulberry32;

const SPECIAL = [0x00, 0x22, 0x2c, 0x3b, 0x0a, 0x0d, 0x3a, 0x2d, 0x26, 0x2a, 0x21, 0x7b, 0xff, 0xfe, 0xef, 0xbb, 0xbf, 0x20, 0x39, 0x65];

function mutate(bytes: Buffer, next: () => number): { bytes: Buffer; what: string } {
  const pick = (n: number) => Math.floor(next() * n);
  const at = pick(Math.max(1, bytes.length));
  switch (pick(7)) {
    case 0: {
      const out = Buffer.from(bytes);
      for (let k = 0; k < 1 + pick(8); k++) out[pick(out.length)] = SPECIAL[pick(SPECIAL.length)]!;
      return { bytes: out, what: 'bytes replaced' };
    }
    case 1:
      return { bytes: bytes.subarray(0, at), what: `truncated at ${at}` };
    case 2:
      return { bytes: Buffer.concat([bytes.subarray(0, at), Buffer.from([SPECIAL[pick(SPECIAL.length)]!]), bytes.subarray(at)]), what: `byte inserted at ${at}` };
    case 3:
      return { bytes: Buffer.concat([bytes.subarray(0, at), bytes.subarray(Math.min(bytes.length, at + 1 + pick(40)))]), what: `bytes deleted at ${at}` };
    case 4: {
      const lines = bytes.toString('latin1').split('\n');
      const i = pick(lines.length);
      lines.splice(i, 0, ...Array.from({ length: 1 + pick(3) }, () => lines[i]!));
      return { bytes: Buffer.from(lines.join('\n'), 'latin1'), what: `line ${i + 1} repeated` };
    }
    case 5: {
      const lines = bytes.toString('latin1').split('\n');
      const i = pick(lines.length);
      const j = pick(lines.length);
      [lines[i], lines[j]] = [lines[j]!, lines[i]!];
      return { bytes: Buffer.from(lines.join('\n'), 'latin1'), what: `lines ${i + 1} and ${j + 1} swapped` };
    }
    default:
      return { bytes: Buffer.concat([bytes.subarray(0, at), Buffer.from('\ufeff"\u0000'), bytes.subarray(at)]), what: `BOM, quote and NUL at ${at}` };
  }
}

const work: string[] = [];
afterAll(async () => {
  await Promise.all(work.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('mutated inputs', () => {
  it(`never throw, never hang, always say where (${CASES} seeded cases)`, async () => {
    const failures: string[] = [];
    for (let c = 0; c < CASES; c++) {
      const next = random(1000 + c);
      const dir = await mkdtemp(join(tmpdir(), 'trust-fuzz-'));
      work.push(dir);
      await cp(BASE, join(dir, 'data'), { recursive: true });
      const file = FILES[c % FILES.length]!;
      const path = join(dir, 'data', file);
      const { bytes, what } = mutate(await readFile(path), next);
      await writeFile(path, bytes);
      const label = `case ${c}: ${file}, ${what}`;
      try {
        const result = await Promise.race([
          runDataBuild({ dataDir: join(dir, 'data'), contentDir: CONTENT, today: '2026-11-23' }),
          new Promise<never>((_, reject) => setTimeout(() => reject(new Error('no answer within 20 s')), 20_000)),
        ]);
        if (!result.report && result.issues.length === 0) failures.push(`${label}: neither a report nor a problem`);
        for (const issue of result.issues) {
          const text = formatIssue(issue);
          if (!issue.file || !Number.isInteger(issue.line)) failures.push(`${label}: a problem without a place: ${text}`);
          if (text.length > 1_000) failures.push(`${label}: a problem of ${text.length} characters`);
        }
      } catch (error) {
        failures.push(`${label}: threw ${(error as Error).stack?.split('\n').slice(0, 3).join(' | ')}`);
      }
      await rm(dir, { recursive: true, force: true });
    }
    expect(failures).toEqual([]);
  }, 600_000);
});
