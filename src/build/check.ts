/**
 * What `check` checks and `build` checks first: every data file, the guidance articles and the
 * UI strings. Reads only.
 */
import type { Issue } from '../pipeline/issues.ts';
import type { RunResult } from '../pipeline/run.ts';

export interface CheckOptions {
  dataDir: string;
  contentDir: string;
  /** Today's date (YYYY-MM-DD); default: today, or TRUST_TODAY when set (tests pin it). */
  today?: string;
}

export interface CheckedInputs {
  result: RunResult;
  /** The data build's problems and the UI strings' problems together. */
  problems: Issue[];
}

export async function checkInputs(options: CheckOptions): Promise<CheckedInputs> {
  // Loaded when first needed, so that --help and usage problems answer at once.
  const { runDataBuild, today } = await import('../pipeline/run.ts');
  const { checkTranslations } = await import('../i18n/check.ts');
  const { sortIssues } = await import('../pipeline/issues.ts');
  const result = await runDataBuild({ dataDir: options.dataDir, contentDir: options.contentDir, today: options.today ?? today() });
  const translationIssues = await checkTranslations();
  return { result, problems: translationIssues.length > 0 ? sortIssues([...result.issues, ...translationIssues]) : result.issues };
}
