/**
 * How `check` and `build` say what happened, in the three forms the command line offers:
 *
 * - text (the default): problems as file:line:column lines on stderr, then a short summary;
 * - `--json`: one JSON document on stdout, the summary plus every problem and warning as objects;
 * - `--format github`: problems and warnings as GitHub Actions workflow commands
 *   (`::error file=…,line=…,col=…,title=…::message`), which the runner turns into annotations on
 *   the data files' lines, then the same summary as text.
 *
 * Pure: each function returns text; the scripts write it.
 */
import type { Issue } from '../pipeline/issues.ts';
import type { RunSummary } from '../build/summary.ts';

export type OutputFormat = 'text' | 'json' | 'github';

const count = (n: number, one: string, many: string) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** A problem or warning as a JSON object: every key present, absent values as null. */
export interface IssueObject {
  file: string;
  line: number;
  column: number;
  field: string | null;
  message: string;
  hint: string | null;
}

export function issueObject(issue: Issue): IssueObject {
  return { file: issue.file, line: issue.line, column: issue.column, field: issue.field ?? null, message: issue.message, hint: issue.hint ?? null };
}

export interface JsonDocument {
  /** null when the command stopped before reading anything (a missing data folder). */
  summary: RunSummary | null;
  problems: IssueObject[];
  warnings: IssueObject[];
  /** Why the command stopped when it was not a data problem (a refused output folder, a failed render). */
  error: string | null;
}

/** The one document `--json` prints: two-space indented, with a final newline. */
export function jsonDocument(summary: RunSummary | null, problems: readonly Issue[], warnings: readonly Issue[], error?: string): string {
  const document: JsonDocument = { summary, problems: problems.map(issueObject), warnings: warnings.map(issueObject), error: error ?? null };
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** A workflow command's message: %, CR and LF escaped (GitHub's escapeData). */
export function escapeData(text: string): string {
  return text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}

/** A workflow command's property value: also `:` and `,`, which separate properties (escapeProperty). */
export function escapeProperty(text: string): string {
  return escapeData(text).replaceAll(':', '%3A').replaceAll(',', '%2C');
}

/**
 * One problem (`error`) or warning as a workflow command. The line and column are given only when
 * known (a whole-file problem has neither); the title is the column or key; the message is the
 * problem's own "expected …, found …" with its hint on a second line.
 */
export function workflowCommand(kind: 'error' | 'warning', issue: Issue): string {
  const properties: [string, string][] = [['file', issue.file]];
  if (issue.line > 0) properties.push(['line', String(issue.line)]);
  if (issue.line > 0 && issue.column > 0) properties.push(['col', String(issue.column)]);
  properties.push(['title', issue.field ? `${issue.field}` : kind === 'error' ? 'data problem' : 'warning']);
  const message = issue.hint ? `${issue.message}\nhint: ${issue.hint}` : issue.message;
  return `::${kind} ${properties.map(([key, value]) => `${key}=${escapeProperty(value)}`).join(',')}::${escapeData(message)}`;
}

/** Every problem, then every warning, as workflow commands, one per line. */
export function workflowCommands(problems: readonly Issue[], warnings: readonly Issue[]): string {
  const lines = [...problems.map((issue) => workflowCommand('error', issue)), ...warnings.map((issue) => workflowCommand('warning', issue))];
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

/**
 * The summary's lines after the `ok:` (check) or `data:` (build) line, which already name the
 * company, the folder and the rows read:
 *
 *     read: 7 data files, 10 guidance articles
 *     metrics: 24 of 26 computed; 17 cells suppressed
 *     benchmarks: 3 of 33 figures stale
 *     warnings: 2
 *     pages: en 98, fi 98
 *     time: 1.2 s
 */
export function summaryLines(summary: RunSummary): string[] {
  const articles = summary.files.articles === null ? '' : `, ${count(summary.files.articles, 'guidance article', 'guidance articles')}`;
  const lines = [`read: ${count(summary.files.data.length, 'data file', 'data files')}${articles}`];
  if (summary.metrics) {
    lines.push(`metrics: ${summary.metrics.computed} of ${summary.metrics.defined} computed; ${count(summary.cellsSuppressed ?? 0, 'cell', 'cells')} suppressed`);
  }
  if (summary.staleBenchmarks !== null) lines.push(`benchmarks: ${summary.staleBenchmarks} of ${count(summary.rows.benchmarkFigures, 'figure', 'figures')} stale`);
  lines.push(`warnings: ${summary.warnings}${summary.warnings > 0 ? ' (listed above)' : ''}`);
  if (summary.pages) lines.push(`pages: ${Object.entries(summary.pages).map(([locale, n]) => `${locale} ${n.toLocaleString('en-US')}`).join(', ')}`);
  lines.push(`time: ${summary.seconds.toFixed(1)} s`);
  return lines;
}

/**
 * The single updating progress line of a terminal: the text written over the previous one
 * (carriage return, then "erase to the end of the line"), or the line cleared.
 */
export function progressText(text: string | undefined): string {
  return text === undefined ? '\r\x1b[K' : `\r\x1b[K${text}`;
}
