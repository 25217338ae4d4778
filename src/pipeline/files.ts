/**
 * Where inputs live inside a data folder, and reading them with problems reported as Issues.
 * Paths in messages are shown relative to the working directory, as the analyst typed them.
 */
import { readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { z } from 'zod';
import { analystErrorMap } from '../schemas/error-map.ts';
import type { Issue } from './issues.ts';
import { parseYaml, validateYaml } from './yaml.ts';

export interface DataFile {
  /** Absolute or working-directory-relative path to open. */
  path: string;
  /** Path shown in messages. */
  display: string;
  /** Path relative to the data folder, safe to publish (no machine paths). */
  name: string;
}

export function dataFile(dataDir: string, name: string): DataFile {
  const path = join(dataDir, name);
  const display = relative(process.cwd(), path) || path;
  return { path, display, name };
}

export async function exists(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

export function missingFile(file: DataFile, hint: string): Issue {
  return {
    file: file.display,
    line: 0,
    column: 0,
    message: 'expected this file, found nothing at this path',
    hint,
  };
}

/** Reads and validates a YAML file; every problem comes back as an Issue. */
export async function readYamlFile<T>(
  file: DataFile,
  schema: z.ZodType<T>,
  hint: string,
): Promise<{ data?: T; issues: Issue[]; locate?: (path: readonly PropertyKey[]) => { line: number; column: number } }> {
  if (!(await exists(file.path))) return { issues: [missingFile(file, hint)] };
  const bytes = await readFile(file.path);
  const text = new TextDecoder('utf-8').decode(bytes);
  if (text.trim() === '') {
    return {
      issues: [{ file: file.display, line: 1, column: 1, message: 'expected YAML content, found an empty file', hint }],
    };
  }
  const doc = parseYaml(text, file.display);
  const result = validateYaml(doc, file.display, schema, analystErrorMap);
  return { ...result, locate: doc.locate };
}
