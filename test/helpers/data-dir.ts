/**
 * Temporary copies of the shipped data folder with one file replaced or edited, so that each
 * bad-input test starts from valid data and breaks exactly one thing.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';

export const DATA_DIR = new URL('../../data/', import.meta.url).pathname;

export interface TempData {
  dir: string;
  /** How the loader displays a file of this folder (relative to the working directory). */
  display(name: string): string;
  write(name: string, content: string | Uint8Array): Promise<void>;
  edit(name: string, change: (text: string) => string): Promise<void>;
  remove(): Promise<void>;
}

/** The small valid data set of the bad-input corpus (two segments, a few dozen rows). */
export const SMALL_DATA_DIR = new URL('../fixtures/small/', import.meta.url).pathname;

/**
 * A copy of the demo data (or of `from`, e.g. SMALL_DATA_DIR); `company: false` leaves out the
 * company CSV files (the caller writes them).
 */
export async function tempDataDir(options: { from?: string; company?: boolean } = {}): Promise<TempData> {
  const from = options.from ?? DATA_DIR;
  const dir = await mkdtemp(join(tmpdir(), 'trust-data-'));
  const rows = new Set(['survey.csv', 'orders.csv', 'complaints.csv'].map((name) => join(from, 'company', name)));
  await cp(from, dir, { recursive: true, filter: (source) => options.company !== false || !rows.has(resolve(source)) });
  return {
    dir,
    display: (name) => relative(process.cwd(), join(dir, name)),
    write: (name, content) => writeFile(join(dir, name), content),
    edit: async (name, change) => {
      const path = join(dir, name);
      await writeFile(path, change(await readFile(path, 'utf8')));
    },
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

/** Replaces one cell of the row whose first cell is `id`. Works on the shipped comma file. */
export function setCell(csv: string, id: string, column: string, value: string): string {
  const lines = csv.split('\n');
  const header = lines[0]!.split(',');
  const index = header.indexOf(column);
  if (index < 0) throw new Error(`no column ${column}`);
  return lines
    .map((line) => {
      if (!line.startsWith(`${id},`)) return line;
      const cells = splitCsvLine(line);
      cells[index] = value;
      return cells.join(',');
    })
    .join('\n');
}

function splitCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (ch === '"') {
      quoted = !quoted;
      cell += ch;
    } else if (ch === ',' && !quoted) {
      cells.push(cell);
      cell = '';
    } else {
      cell += ch;
    }
  }
  cells.push(cell);
  return cells;
}

/** Lines of the demo's company files kept whole at their top, so tests can edit a line by its number. */
const SAMPLE_HEAD = 40;
/** Beyond the head, one survey answer and one complaint in this many is kept. */
const SAMPLE_EVERY = 25;

/**
 * A copy of the demo data whose company files are thinned to a few thousand rows: the same
 * company.yaml, benchmarks and translations, the first lines of each company file unchanged (so
 * a line number and its cells are the demo's), then every 25th survey answer and complaint, and
 * every order of the customers those rows name (whole order histories, so each customer is as
 * consistent as in the demo). A data build of it takes a fraction of a second instead of
 * reading the 187k orders, with the same messages for a broken cell.
 */
export async function tempSampleDataDir(): Promise<TempData> {
  const data = await tempDataDir({ company: false });
  for (const [name, text] of Object.entries(await (sample ??= sampleCompanyFiles()))) await data.write(`company/${name}`, text);
  return data;
}

let sample: Promise<Record<string, string>> | undefined;

async function sampleCompanyFiles(): Promise<Record<string, string>> {
  const read = async (name: string) => (await readFile(join(DATA_DIR, 'company', name), 'utf8')).split('\n');
  const keep = (lines: string[]) => lines.filter((line, i) => line !== '' && (i <= SAMPLE_HEAD || i % SAMPLE_EVERY === 0));
  const survey = keep(await read('survey.csv'));
  const complaints = keep(await read('complaints.csv'));
  const customers = new Set([...survey.slice(1), ...complaints.slice(1)].map((line) => line.split(',')[1]!));
  const orders = (await read('orders.csv')).filter((line, i) => line !== '' && (i <= SAMPLE_HEAD || customers.has(line.split(',')[1]!)));
  const text = (lines: string[]) => `${lines.join('\n')}\n`;
  return { 'survey.csv': text(survey), 'complaints.csv': text(complaints), 'orders.csv': text(orders) };
}
