/**
 * Files are what they claim: a data path that holds a folder, a device, a broken link or a link
 * out of the data folder is a located problem, never "absent", and nothing behind it is read or
 * quoted.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { cp, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runDataBuild } from '../src/pipeline/run.ts';
import { formatIssue } from '../src/pipeline/issues.ts';

const BASE = fileURLToPath(new URL('./fixtures/small/', import.meta.url));
const CONTENT = fileURLToPath(new URL('./fixtures/small-content/', import.meta.url));
const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

async function problemsWith(change: (data: string, outside: string) => Promise<void>): Promise<string[]> {
  const work = await mkdtemp(join(tmpdir(), 'trust-files-'));
  dirs.push(work);
  const data = join(work, 'data');
  const outside = join(work, 'outside');
  await cp(BASE, data, { recursive: true });
  await mkdir(outside);
  await change(data, outside);
  const result = await runDataBuild({ dataDir: data, contentDir: CONTENT, today: '2026-11-23' });
  expect(result.report).toBeUndefined();
  return result.issues.map((i) => formatIssue(i).replaceAll(`${relative(process.cwd(), data)}/`, '<data>/'));
}

describe('data paths that are not plain files', () => {
  it('reports a folder where survey.csv should be', async () => {
    const found = await problemsWith(async (data) => {
      await rm(join(data, 'company', 'survey.csv'));
      await mkdir(join(data, 'company', 'survey.csv'));
    });
    expect(found).toEqual(['<data>/company/survey.csv:0:0: expected a file, found a folder\n  hint: put the file itself at this path, not a folder']);
  });

  it('reports a link to a device instead of reading it', async () => {
    const found = await problemsWith(async (data) => {
      await rm(join(data, 'company', 'orders.csv'));
      await symlink('/dev/zero', join(data, 'company', 'orders.csv'));
    });
    expect(found).toEqual(['<data>/company/orders.csv:0:0: expected a regular file, found a device, pipe or socket\n  hint: put a CSV or YAML file at this path']);
  });

  it('reports a link whose target is missing (a share that is not mounted)', async () => {
    const found = await problemsWith(async (data, outside) => {
      await rm(join(data, 'company', 'orders.csv'));
      await symlink(join(outside, 'not-mounted', 'orders.csv'), join(data, 'company', 'orders.csv'));
    });
    expect(found).toEqual(['<data>/company/orders.csv:0:0: expected a file, found a link whose target does not exist\n  hint: the link may point at a drive or share that is not mounted; copy the file into the data folder']);
  });

  it('never reads or quotes a file that a link leads to outside the data folder', async () => {
    const secret = 'SECRET_TOKEN=do-not-print-me';
    const found = await problemsWith(async (data, outside) => {
      await writeFile(join(outside, 'environ'), `${secret}\n${secret}\n`);
      await rm(join(data, 'company', 'survey.csv'));
      await symlink(join(outside, 'environ'), join(data, 'company', 'survey.csv'));
      await rm(join(data, 'benchmarks', 'sources.yaml'));
      await symlink(join(outside, 'environ'), join(data, 'benchmarks', 'sources.yaml'));
    });
    expect(found).toEqual([
      '<data>/benchmarks/sources.yaml:0:0: expected a file inside the data folder, found a link that leads outside it\n  hint: copy the file into the data folder instead of linking to it',
      '<data>/company/survey.csv:0:0: expected a file inside the data folder, found a link that leads outside it\n  hint: copy the file into the data folder instead of linking to it',
    ]);
    expect(found.join('\n')).not.toContain('SECRET');
  });

  it('follows a link that stays inside the data folder', async () => {
    const work = await mkdtemp(join(tmpdir(), 'trust-files-'));
    dirs.push(work);
    const data = join(work, 'data');
    await cp(BASE, data, { recursive: true });
    await mkdir(join(data, 'exports'));
    await cp(join(data, 'company', 'survey.csv'), join(data, 'exports', 'survey-2026.csv'));
    await rm(join(data, 'company', 'survey.csv'));
    await symlink(join('..', 'exports', 'survey-2026.csv'), join(data, 'company', 'survey.csv'));
    const result = await runDataBuild({ dataDir: data, contentDir: CONTENT, today: '2026-11-23' });
    expect(result.issues).toEqual([]);
    expect(result.counts.respondents).toBe(40);
  });
});
