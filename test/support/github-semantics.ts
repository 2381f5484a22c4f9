// GitHub's behaviour as both stand-ins model it (test/app/fake-github.ts in nock, test/e2e/standin.ts over HTTP):
// written once, so the two cannot drift apart. Sources: GitHub's REST docs for check runs, pull request files
// and pagination.

/** A request GitHub refuses, with its status and message. */
export class GitHubRefusal extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export interface CheckRunFields {
  status: string;
  conclusion: string | null;
}

/** What a check-run create or update body changes, after GitHub's checks. */
export interface CheckRunChange {
  status: string;
  conclusion: string | null;
  strings: Partial<Record<'name' | 'details_url' | 'external_id' | 'started_at' | 'completed_at', string>>;
  output?: { title?: string; summary?: string; text?: string; annotations: Record<string, unknown>[] };
}

/**
 * GitHub's rules for a check-run body: a conclusion sets the status to completed; a completed run needs a
 * conclusion; the summary holds at most 65,535 bytes of UTF-8 (GitHub counts bytes whatever its message says);
 * at most 50 annotations per request (they append across updates). Throws a 422 GitHubRefusal otherwise.
 */
export function checkRunChange(run: CheckRunFields, body: Record<string, unknown>): CheckRunChange {
  const strings: CheckRunChange['strings'] = {};
  for (const k of ['name', 'details_url', 'external_id', 'started_at', 'completed_at'] as const) {
    const v = body[k];
    if (typeof v === 'string') strings[k] = v;
  }
  let status = typeof body.status === 'string' ? body.status : run.status;
  let conclusion = run.conclusion;
  if (typeof body.conclusion === 'string') {
    // "Providing conclusion will automatically set the status parameter to completed."
    conclusion = body.conclusion;
    status = 'completed';
  }
  if (status === 'completed' && conclusion === null) throw new GitHubRefusal(422, 'Invalid request: conclusion is required when status is completed');
  const change: CheckRunChange = { status, conclusion, strings };
  const o = body.output;
  if (typeof o === 'object' && o !== null && !Array.isArray(o)) {
    const out = o as Record<string, unknown>;
    const output: NonNullable<CheckRunChange['output']> = { annotations: [] };
    if (typeof out.title === 'string') output.title = out.title;
    if (typeof out.summary === 'string') {
      const bytes = Buffer.byteLength(out.summary, 'utf8');
      if (bytes > 65535) throw new GitHubRefusal(422, `Invalid request. Only 65535 characters are allowed; ${bytes} were supplied.`);
      output.summary = out.summary;
    }
    if (typeof out.text === 'string') output.text = out.text;
    if (Array.isArray(out.annotations)) {
      if (out.annotations.length > 50) throw new GitHubRefusal(422, 'Invalid request. Only 50 annotations are allowed per request.');
      output.annotations = out.annotations.filter((a): a is Record<string, unknown> => typeof a === 'object' && a !== null);
    }
    change.output = output;
  }
  return change;
}

/** The git arguments whose output `pullFiles` reads: the head against the merge base (GitHub's three-dot diff). */
export function pullFilesDiffArgs(mergeBase: string, head: string): string[] {
  return ['diff-tree', '-r', '-z', '-M', '--raw', '--no-commit-id', mergeBase, head];
}

/** A pull request's files list (`GET /pulls/{n}/files`) from `git diff-tree -z --raw` output. */
export function pullFiles(raw: string): Record<string, unknown>[] {
  const fields = raw.split('\0');
  const out: Record<string, unknown>[] = [];
  for (let i = 0; i < fields.length; ) {
    const meta = fields[i++] ?? '';
    if (!meta.startsWith(':')) continue;
    const [, , oldSha, newSha, status = ''] = meta.slice(1).split(' ');
    const letter = status[0];
    if (letter === 'R' || letter === 'C') {
      const from = fields[i++] ?? '';
      const to = fields[i++] ?? '';
      out.push({ sha: newSha, filename: to, previous_filename: from, status: letter === 'R' ? 'renamed' : 'copied', additions: 0, deletions: 0, changes: 0 });
      continue;
    }
    const file = fields[i++] ?? '';
    const st = letter === 'A' ? 'added' : letter === 'D' ? 'removed' : 'modified';
    out.push({ sha: letter === 'D' ? oldSha : newSha, filename: file, status: st, additions: 0, deletions: 0, changes: 0 });
  }
  return out;
}

/** GitHub's pagination of a listing: `per_page` (default 30, at most 100) and `page` (from 1). */
export function pageOf<T>(all: T[], q: URLSearchParams): { items: T[]; per: number; page: number; last: number } {
  const per = Math.min(100, Number(q.get('per_page') ?? '30') || 30);
  const page = Math.max(1, Number(q.get('page') ?? '1') || 1);
  const last = Math.max(1, Math.ceil(all.length / per));
  return { items: all.slice((page - 1) * per, page * per), per, page, last };
}
