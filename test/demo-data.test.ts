/** The committed demo company is exactly what the seeded generator writes. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { runScript, treeDigest } from './helpers/build.ts';
import { DATA_DIR } from './helpers/data-dir.ts';

it('regenerates the demo data byte for byte', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'trust-demo-'));
  try {
    const result = await runScript('generate-demo.ts', ['--out', dir]);
    expect(result.code).toBe(0);
    const committed = await treeDigest(join(DATA_DIR, 'company'));
    const generated = await treeDigest(dir);
    for (const name of ['survey.csv', 'orders.csv', 'complaints.csv']) expect(generated[name], name).toBe(committed[name]);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}, 60_000);
