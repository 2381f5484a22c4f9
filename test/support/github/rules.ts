// GitHub's rules as the fake GitHub (model.ts) enforces them, written once for the nock and the HTTP front:
// what a check-run create or update may carry, how a pull request's files are listed and how listings page.
// Sources: GitHub's REST docs and OpenAPI description (checks/create, checks/update, pulls/list-files,
// pagination), summed up in docs/github-app.md §2.1.

/** A request GitHub refuses, with its status and message. */
export class GitHubRefusal extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

const STATUSES = ['queued', 'in_progress', 'completed'];
/** `stale` is GitHub's own (after 14 days); an app cannot set it. */
const CONCLUSIONS = ['action_required', 'cancelled', 'failure', 'neutral', 'success', 'skipped', 'timed_out'];
const LEVELS = ['notice', 'warning', 'failure'];
/** Markdown fields of `output`: GitHub counts UTF-8 bytes, whatever its message says. */
const OUTPUT_BYTES = 65535;
const ANNOTATIONS_PER_REQUEST = 50;
const ANNOTATION_TEXT_BYTES = 64 * 1024;
const ANNOTATION_TITLE_CHARS = 255;
const MAX_ACTIONS = 3;
const ACTION_LIMITS = { label: 20, description: 40, identifier: 20 } as const;

export interface CheckRunFields {
  status: string;
  conclusion: string | null;
}

export interface CheckRunAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  annotation_level: string;
  message: string;
  title?: string;
  raw_details?: string;
  start_column?: number;
  end_column?: number;
}

/** What a check-run create or update body changes, after GitHub's checks. */
export interface CheckRunChange {
  status: string;
  conclusion: string | null;
  strings: Partial<Record<'name' | 'details_url' | 'external_id' | 'started_at' | 'completed_at', string>>;
  output?: { title?: string; summary?: string; text?: string; annotations: CheckRunAnnotation[] };
  actions?: { label: string; description: string; identifier: string }[];
}

function invalid(detail: string): GitHubRefusal {
  return new GitHubRefusal(422, `Invalid request.\n\n${detail}`);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function oneOf(field: string, v: unknown, allowed: string[]): string {
  if (typeof v !== 'string' || !allowed.includes(v)) throw invalid(`For 'properties/${field}', ${JSON.stringify(v)} is not one of ${JSON.stringify(allowed)}.`);
  return v;
}

function bytesAtMost(field: string, v: string, limit: number): void {
  const bytes = Buffer.byteLength(v, 'utf8');
  if (bytes > limit) throw invalid(`${field}: only ${limit} characters are allowed; ${bytes} were supplied.`);
}

function positiveInt(field: string, v: unknown): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) throw invalid(`For 'properties/${field}', ${JSON.stringify(v)} is not a positive integer.`);
  return v;
}

function annotation(a: unknown, i: number): CheckRunAnnotation {
  const at = `output.annotations[${i}]`;
  if (!isRecord(a)) throw invalid(`${at} is not an object.`);
  for (const k of ['path', 'message'] as const) if (typeof a[k] !== 'string' || a[k] === '') throw invalid(`"${k}" wasn't supplied for ${at}.`);
  const out: CheckRunAnnotation = {
    path: a.path as string,
    start_line: positiveInt(`${at}.start_line`, a.start_line),
    end_line: positiveInt(`${at}.end_line`, a.end_line),
    annotation_level: oneOf(`${at}.annotation_level`, a.annotation_level, LEVELS),
    message: a.message as string,
  };
  bytesAtMost(`${at}.message`, out.message, ANNOTATION_TEXT_BYTES);
  if (a.title !== undefined) {
    if (typeof a.title !== 'string' || [...a.title].length > ANNOTATION_TITLE_CHARS) throw invalid(`${at}.title must be a string of at most ${ANNOTATION_TITLE_CHARS} characters.`);
    out.title = a.title;
  }
  if (a.raw_details !== undefined) {
    if (typeof a.raw_details !== 'string') throw invalid(`${at}.raw_details must be a string.`);
    bytesAtMost(`${at}.raw_details`, a.raw_details, ANNOTATION_TEXT_BYTES);
    out.raw_details = a.raw_details;
  }
  for (const k of ['start_column', 'end_column'] as const) {
    if (a[k] === undefined) continue;
    if (out.start_line !== out.end_line) throw invalid(`${at}: ${k} is only allowed when start_line and end_line are equal.`);
    out[k] = positiveInt(`${at}.${k}`, a[k]);
  }
  return out;
}

/**
 * GitHub's rules for a check-run body (`run` undefined: a create). A create needs `name` and `head_sha`;
 * `status` and `conclusion` take the documented values only; a conclusion sets the status to completed, and a
 * completed run needs one; `output` needs a summary (and on create a title); summary and text hold at most
 * 65,535 bytes; at most 50 annotations per request, each with path, lines, level and message; at most 3
 * actions with short labels. Throws a 422 GitHubRefusal, before anything changes, otherwise.
 */
export function checkRunChange(run: CheckRunFields | undefined, body: unknown): CheckRunChange {
  if (!isRecord(body)) throw invalid('The body is not a JSON object.');
  const creating = run === undefined;
  if (creating) {
    for (const k of ['name', 'head_sha'] as const) if (typeof body[k] !== 'string' || body[k] === '') throw invalid(`"${k}" wasn't supplied.`);
  }
  const strings: CheckRunChange['strings'] = {};
  for (const k of ['name', 'details_url', 'external_id', 'started_at', 'completed_at'] as const) {
    const v = body[k];
    if (v === undefined) continue;
    if (typeof v !== 'string') throw invalid(`For 'properties/${k}', ${JSON.stringify(v)} is not a string.`);
    if ((k === 'started_at' || k === 'completed_at') && Number.isNaN(Date.parse(v))) throw invalid(`For 'properties/${k}', ${JSON.stringify(v)} is not a date-time.`);
    if (k === 'name' && v === '') throw invalid('"name" must not be empty.');
    strings[k] = v;
  }
  let status = body.status !== undefined ? oneOf('status', body.status, STATUSES) : (run?.status ?? 'queued');
  let conclusion = run?.conclusion ?? null;
  if (body.conclusion !== undefined) {
    // "Providing conclusion will automatically set the status parameter to completed."
    conclusion = oneOf('conclusion', body.conclusion, CONCLUSIONS);
    status = 'completed';
  }
  if (status === 'completed' && conclusion === null) throw invalid('"conclusion" is required when "status" is completed.');
  const change: CheckRunChange = { status, conclusion, strings };
  if (body.output !== undefined) {
    const o = body.output;
    if (!isRecord(o)) throw invalid("For 'properties/output', the value is not an object.");
    const output: NonNullable<CheckRunChange['output']> = { annotations: [] };
    if (typeof o.summary !== 'string') throw invalid('"summary" wasn\'t supplied in output.');
    if (creating && typeof o.title !== 'string') throw invalid('"title" wasn\'t supplied in output.');
    if (o.title !== undefined) {
      if (typeof o.title !== 'string') throw invalid('output.title must be a string.');
      output.title = o.title;
    }
    bytesAtMost('output.summary', o.summary, OUTPUT_BYTES);
    output.summary = o.summary;
    if (o.text !== undefined) {
      if (typeof o.text !== 'string') throw invalid('output.text must be a string.');
      bytesAtMost('output.text', o.text, OUTPUT_BYTES);
      output.text = o.text;
    }
    if (o.annotations !== undefined) {
      if (!Array.isArray(o.annotations)) throw invalid('output.annotations must be an array.');
      if (o.annotations.length > ANNOTATIONS_PER_REQUEST) throw invalid(`Only ${ANNOTATIONS_PER_REQUEST} annotations are allowed per request.`);
      output.annotations = o.annotations.map(annotation);
    }
    change.output = output;
  }
  if (body.actions !== undefined) {
    if (!Array.isArray(body.actions) || body.actions.length > MAX_ACTIONS) throw invalid(`actions: at most ${MAX_ACTIONS} are allowed.`);
    change.actions = body.actions.map((a, i) => {
      if (!isRecord(a)) throw invalid(`actions[${i}] is not an object.`);
      const out = { label: '', description: '', identifier: '' };
      for (const [k, limit] of Object.entries(ACTION_LIMITS) as [keyof typeof ACTION_LIMITS, number][]) {
        const v = a[k];
        if (typeof v !== 'string' || v === '' || [...v].length > limit) throw invalid(`actions[${i}].${k} must be 1 to ${limit} characters.`);
        out[k] = v;
      }
      return out;
    });
  }
  return change;
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

/** At most this many files in `GET /pulls/{n}/files`, whatever the pull request changes. */
export const PULL_FILES_CAP = 3000;

/** GitHub's pagination of a listing: `per_page` (default 30, at most 100) and `page` (from 1). */
export function pageOf<T>(all: T[], q: URLSearchParams): { items: T[]; per: number; page: number; last: number } {
  const per = Math.min(100, Number(q.get('per_page') ?? '30') || 30);
  const page = Math.max(1, Number(q.get('page') ?? '1') || 1);
  const last = Math.max(1, Math.ceil(all.length / per));
  return { items: all.slice((page - 1) * per, page * per), per, page, last };
}

/** The `link` header of page `page` of `last` (none on the last page); `url` is the listing's, its query kept. */
export function linkHeader(url: URL, page: number, per: number, last: number): Record<string, string> {
  if (page >= last) return {};
  const at = (n: number): string => {
    const u = new URL(url);
    u.searchParams.set('per_page', String(per));
    u.searchParams.set('page', String(n));
    return u.toString();
  };
  return { link: `<${at(page + 1)}>; rel="next", <${at(last)}>; rel="last"` };
}
