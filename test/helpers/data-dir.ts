/**
 * Temporary copies of the shipped data folder with one file replaced or edited, so that each
 * bad-input test starts from valid data and breaks exactly one thing.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

export const DATA_DIR = new URL('../../data/', import.meta.url).pathname;

export interface TempData {
  dir: string;
  /** How the loader displays a file of this folder (relative to the working directory). */
  display(name: string): string;
  write(name: string, content: string | Uint8Array): Promise<void>;
  edit(name: string, change: (text: string) => string): Promise<void>;
  remove(): Promise<void>;
}

export async function tempDataDir(): Promise<TempData> {
  const dir = await mkdtemp(join(tmpdir(), 'trust-data-'));
  await cp(DATA_DIR, dir, { recursive: true });
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
