/**
 * Writes a value as compact JSON, exactly as `JSON.stringify(value)` would, to a file in pieces
 * of about a megabyte: the report model of thousands of segments is over a hundred megabytes of
 * JSON, which the build then never holds as one string.
 */
import { writeFile } from 'node:fs/promises';
import { inBatches } from '../downloads/write.ts';

/** JSON.stringify's text of a plain data value (no toJSON, no replacer), piece by piece. */
function* jsonPieces(value: unknown): Generator<string> {
  if (value === null || typeof value !== 'object') {
    yield JSON.stringify(value) ?? 'null';
    return;
  }
  if (Array.isArray(value)) {
    yield '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) yield ',';
      const item: unknown = value[i];
      if (item === undefined || typeof item === 'function' || typeof item === 'symbol') yield 'null';
      else yield* jsonPieces(item);
    }
    yield ']';
    return;
  }
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    yield JSON.stringify(value);
    return;
  }
  yield '{';
  let first = true;
  for (const [key, item] of Object.entries(value)) {
    if (item === undefined || typeof item === 'function' || typeof item === 'symbol') continue;
    yield `${first ? '' : ','}${JSON.stringify(key)}:`;
    first = false;
    yield* jsonPieces(item);
  }
  yield '}';
}

export async function writeJsonFile(file: string, value: unknown): Promise<void> {
  await writeFile(file, inBatches(jsonPieces(value)));
}

/** The same text as one string (for tests). */
export function jsonText(value: unknown): string {
  return [...jsonPieces(value)].join('');
}
