/**
 * Where inputs live inside a data folder, and reading them with problems reported as Issues.
 * Paths in messages are shown relative to the working directory, as the analyst typed them.
 */
import type { Stats } from 'node:fs';
import { lstat, readFile, realpath, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
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
  /** The folder the file must stay inside (the data or content folder). */
  root: string;
}

export function dataFile(dataDir: string, name: string): DataFile {
  const path = join(dataDir, name);
  const display = relative(process.cwd(), path) || path;
  return { path, display, name, root: dataDir };
}

/**
 * What is at a data path: nothing (the file is optional or missing), a regular file inside the
 * data folder, or something that must not be read: a folder, a device, a pipe, a link whose target
 * is missing, or a link that leads out of the data folder (it could make the build read and
 * publish any file on the machine). The last kinds are problems, never "absent".
 */
export async function inspectFile(file: DataFile): Promise<'absent' | 'file' | Issue> {
  const problem = (message: string, hint: string): Issue => ({ file: file.display, line: 0, column: 0, message, hint });
  let link: Stats;
  try {
    link = await lstat(file.path);
  } catch {
    return 'absent';
  }
  let target: Stats;
  try {
    target = await stat(file.path);
  } catch {
    return problem('expected a file, found a link whose target does not exist', 'the link may point at a drive or share that is not mounted; copy the file into the data folder');
  }
  if (target.isDirectory()) return problem('expected a file, found a folder', 'put the file itself at this path, not a folder');
  if (!target.isFile()) return problem('expected a regular file, found a device, pipe or socket', 'put a CSV or YAML file at this path');
  if (link.isSymbolicLink() || file.path.includes('..')) {
    const [real, root] = await Promise.all([realpath(file.path), realpath(file.root).catch(() => file.root)]);
    if (real !== root && !real.startsWith(root.endsWith(sep) ? root : root + sep)) {
      return problem('expected a file inside the data folder, found a link that leads outside it', 'copy the file into the data folder instead of linking to it');
    }
  }
  return 'file';
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
  const found = await inspectFile(file);
  if (found === 'absent') return { issues: [missingFile(file, hint)] };
  if (found !== 'file') return { issues: [found] };
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
