/**
 * The one line that says what was read: which company, from which folder, how many answers,
 * customers, orders and complaints, and the benchmark library's size. Only what is there is
 * named: a company that gives kpis.csv instead of raw rows gets no "0 survey answers".
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { RunResult } from '../pipeline/run.ts';
import { displayFolder } from './folders.ts';

const count = (n: number, one: string, many: string) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** `Northwind Goods (data/): 18,998 survey answers, …; 16 sources, 33 benchmark figures` */
export function describeData(result: RunResult, dataDir: string): string {
  const has = (name: string) => isFile(join(dataDir, 'company', name));
  const { counts } = result;
  const own: string[] = [];
  if (has('survey.csv')) {
    const skipped = counts.repeatAnswersSkipped > 0 ? ` (${count(counts.repeatAnswersSkipped, 'repeat answer', 'repeat answers')} set aside)` : '';
    own.push(`${count(counts.respondents, 'survey answer', 'survey answers')}${skipped}`);
  }
  if (has('orders.csv')) own.push(count(counts.customers, 'customer', 'customers'), count(counts.orders, 'order', 'orders'));
  if (has('complaints.csv')) own.push(count(counts.complaints, 'complaint', 'complaints'));
  if (has('kpis.csv')) own.push('pre-aggregated figures from kpis.csv');
  const name = result.report?.company.name;
  const who = `${name ?? 'the company'} (${displayFolder(dataDir)})`;
  const library = `${count(counts.sources, 'source', 'sources')}, ${count(counts.statistics, 'benchmark figure', 'benchmark figures')}`;
  return own.length > 0 ? `${who}: ${own.join(', ')}; ${library}` : `${who}: ${library}`;
}
