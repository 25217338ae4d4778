/**
 * The GitHub Actions workflow (.github/workflows/site.yml) is valid YAML and runs exactly the
 * commands the README documents, in CI's order; `.ci/run` runs the README's test command, which
 * type-checks and lints before the tests; and Pages deploys only from the default branch when
 * enabled.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from './helpers/build.ts';

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
  id?: string;
}
interface Job {
  'runs-on': string;
  container?: { image: string; options?: string };
  needs?: string;
  if?: string;
  permissions?: Record<string, string>;
  environment?: { name: string; url: string };
  steps: Step[];
}
interface Workflow {
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  jobs: Record<string, Job>;
}

const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const workflow = parse(read('.github/workflows/site.yml')) as Workflow;
const readme = read('README.md');
const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts;
/** The commands of the README's command table, e.g. `npm run build`. */
const documented = [...readme.matchAll(/^\| `(npm [^`]+)` \|/gm)].map((m) => m[1]!);
const ON_DEFAULT_BRANCH_WHEN_ENABLED =
  "github.event_name != 'pull_request' && github.ref == format('refs/heads/{0}', github.event.repository.default_branch) && vars.DEPLOY_PAGES == 'true'";

describe('the workflow', () => {
  const site = workflow.jobs.site!;
  const commands = site.steps.filter((s) => s.run !== undefined && !s.run.includes('apt-get')).map((s) => s.run!.trim());

  it('runs on every push and pull request', () => {
    expect(Object.keys(workflow.on)).toEqual(['push', 'pull_request', 'workflow_dispatch']);
    expect(workflow.permissions).toEqual({ contents: 'read' });
  });

  it('installs, checks with annotations, tests (type check and lint included) and builds, in that order', () => {
    expect(commands).toEqual(['npm install --no-audit --no-fund', 'npm run check -- --format github', 'npm test', 'npm run build']);
  });

  it('runs only commands the README documents, with scripts package.json has', () => {
    for (const command of commands) {
      const [, script] = /^npm (?:run )?(\w+)/.exec(command)!;
      if (script === 'install') {
        expect(readme, command).toContain('`npm install`, not `npm ci`');
        continue;
      }
      expect(scripts[script!], command).toBeDefined();
      expect(documented, command).toContain(script === 'test' ? 'npm test' : `npm run ${script}`);
    }
    expect(readme).toContain('--format github');
  });

  it('installs the Debian packages .ci/run installs, on Node 24', () => {
    const apt = site.steps.find((s) => s.run?.includes('apt-get install'))!.run!;
    for (const pkg of ['chromium', 'fonts-thai-tlwg']) {
      expect(apt).toContain(` ${pkg}`);
      expect(read('.ci/run')).toContain(`need+=(${pkg})`);
    }
    expect(site.container).toEqual({ image: 'debian:bookworm', options: '--shm-size=1g' });
    expect(site.steps.find((s) => s.uses?.startsWith('actions/setup-node@'))!.with).toEqual({ 'node-version': 24 });
  });

  it('uploads dist/ as an artifact on every run', () => {
    const upload = site.steps.find((s) => s.uses?.startsWith('actions/upload-artifact@'))!;
    expect(upload.if).toBeUndefined();
    expect(upload.with).toMatchObject({ name: 'site', path: 'dist/' });
  });

  it('deploys dist/ to GitHub Pages only from the default branch, when DEPLOY_PAGES is true', () => {
    const pages = site.steps.find((s) => s.uses?.startsWith('actions/upload-pages-artifact@'))!;
    expect(pages.if).toBe(ON_DEFAULT_BRANCH_WHEN_ENABLED);
    expect(pages.with).toEqual({ path: 'dist/' });
    const deploy = workflow.jobs.deploy!;
    expect(deploy.needs).toBe('site');
    expect(deploy.if).toBe(ON_DEFAULT_BRANCH_WHEN_ENABLED);
    expect(deploy.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression, kept literally
    expect(deploy.environment).toEqual({ name: 'github-pages', url: '${{ steps.deployment.outputs.page_url }}' });
    expect(deploy.steps.map((s) => [s.id, s.uses?.replace(/@.*/, '')])).toEqual([['deployment', 'actions/deploy-pages']]);
  });
});

describe("the project's own CI", () => {
  it('runs the README test command, which type-checks and lints before the tests', () => {
    const run = read('.ci/run').split('\n').filter((line) => line.trim() !== '' && !line.startsWith('#'));
    expect(run.at(-1)).toBe('npm test');
    expect(scripts.test).toBe('npm run typecheck && npm run lint && vitest run --config test/vitest.config.ts');
    expect(documented).toEqual(expect.arrayContaining(['npm test', 'npm run typecheck', 'npm run lint']));
  });
});
