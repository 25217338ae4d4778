/**
 * A problem found in an input file. Validators return lists of these instead of throwing at the
 * first problem, so an analyst sees every problem in one run.
 */
export interface Issue {
  /** Path as the analyst would type it, relative to the working directory. */
  file: string;
  /** 1-based line; 0 when the problem concerns the whole file. */
  line: number;
  /** 1-based column of the cell or value; 0 when unknown. */
  column: number;
  /** The column or key the problem is about, when there is one. */
  field?: string;
  /** "expected ..., found ..." */
  message: string;
  /** What to do about it. */
  hint?: string;
}

export function formatIssue(issue: Issue): string {
  const where = `${issue.file}:${issue.line}:${issue.column}`;
  const head = issue.field ? `${where}: ${issue.field}: ${issue.message}` : `${where}: ${issue.message}`;
  return issue.hint ? `${head}\n  hint: ${issue.hint}` : head;
}

export function compareIssues(a: Issue, b: Issue): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.line - b.line || a.column - b.column || (a.field ?? '').localeCompare(b.field ?? '');
}

export function sortIssues(issues: Issue[]): Issue[] {
  return [...issues].sort(compareIssues);
}

/** Quote a raw value for a message: shows exactly what was in the file, shortened if long. */
export function quoteRaw(raw: string): string {
  if (raw === '') return 'an empty cell';
  const shown = raw.length > 60 ? `${raw.slice(0, 57)}...` : raw;
  return JSON.stringify(shown);
}

/** Thrown by the edge scripts when validation finds problems; carries all of them. */
export class InputError extends Error {
  readonly issues: Issue[];
  constructor(issues: Issue[]) {
    const sorted = sortIssues(issues);
    super(formatIssues(sorted));
    this.name = 'InputError';
    this.issues = sorted;
  }
}

export function formatIssues(issues: Issue[]): string {
  const count = issues.length;
  const lines = sortIssues(issues).map(formatIssue);
  return `${lines.join('\n')}\n\n${count} problem${count === 1 ? '' : 's'} found.`;
}

/** Edit distance, for "did you mean" hints. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = levenshtein(word.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      bestDistance = d;
      best = candidate;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

function levenshtein(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
}
