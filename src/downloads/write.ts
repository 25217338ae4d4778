/**
 * Writes every download file into a folder, each streamed to disk a megabyte at a time: at
 * thousands of segments all.json alone is hundreds of megabytes, and the build never holds it
 * whole (Astro's own endpoints would hold each body twice, as text and as bytes).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Report } from '../schemas/report.ts';
import { downloadNames, downloadPieces } from './files.ts';

/** Pieces of text joined into batches of about a megabyte, for a stream to disk. */
export function* inBatches(pieces: Iterable<string>): Generator<string> {
  let batch = '';
  for (const piece of pieces) {
    batch += piece;
    if (batch.length >= 1 << 20) {
      yield batch;
      batch = '';
    }
  }
  if (batch) yield batch;
}

/** Every download of the report as a file in `folder` (created), one after the other. */
export async function writeDownloads(report: Report, folder: string): Promise<void> {
  await mkdir(folder, { recursive: true });
  for (const { name } of downloadNames(report)) await writeFile(join(folder, name), inBatches(downloadPieces(report, name)));
}
