// GitHub's answers as preadmit reads them, validated where they arrive. Only the fields the code reads are
// described (anything else GitHub sends is dropped); the types the rest of the code uses are derived from
// these schemas, so nothing is cast after validation. An answer that does not fit becomes a GitHubApiError
// naming the request and the first fields that are wrong, which the check concludes on its run like any
// other failure.
import { z } from 'zod/v4';
import { GitHubApiError } from './errors.ts';

const sha = z.string().regex(/^[0-9a-f]{40}$/, 'expected a 40-hex sha');
const id = z.number().int().positive();

/** `GET /repos/{o}/{r}/pulls/{n}` */
export const PullRequestAnswer = z.object({
  state: z.string(),
  user: z.object({ login: z.string() }).nullish(),
  changed_files: z.number().int().nonnegative().optional(),
  head: z.object({ sha }),
  base: z.object({
    sha,
    ref: z.string().min(1),
    repo: z.object({ default_branch: z.string().min(1).optional(), html_url: z.string().optional() }).nullish(),
  }),
});

/** The same answer as GitHubSource reads it: which head the files list describes, and how many files it has. */
export const PullRequestHeadAnswer = PullRequestAnswer.pick({ head: true, changed_files: true });

/** `GET /repos/{o}/{r}` */
export const RepositoryAnswer = z.object({ default_branch: z.string().min(1), html_url: z.string().optional() });

/** `POST /repos/{o}/{r}/check-runs` */
export const CreatedCheckRunAnswer = z.object({ id, html_url: z.string().nullish() });

/** `GET .../commits/{ref}/check-runs` and `GET .../check-suites/{id}/check-runs` */
export const CheckRunListAnswer = z.object({
  check_runs: z.array(
    z.object({
      id,
      status: z.string(),
      external_id: z.string().nullish(),
      app: z.object({ id: z.number().int() }).nullish(),
    }),
  ),
});

/** `GET /repos/{o}/{r}/commits/{ref}` */
export const CommitAnswer = z.object({ sha });

/** `GET /repos/{o}/{r}/git/ref/{ref}` */
export const GitRefAnswer = z.object({ object: z.object({ sha }) });

/** `GET /repos/{o}/{r}/compare/{base}...{head}` */
export const CompareAnswer = z.object({ merge_base_commit: z.object({ sha }) });

/**
 * `GET /repos/{o}/{r}/contents/{path}`: a file (content inline up to 1 MB: `encoding` "none" beyond), a
 * directory (a list), a symlink or submodule (other types), or raw text when that media type was asked for.
 */
export const ContentsAnswer = z.union([
  z.string(),
  z.array(z.unknown()),
  z.object({ type: z.string(), content: z.string().optional(), encoding: z.string().optional() }),
]);

/** `GET /repos/{o}/{r}/collaborators/{login}/permission` */
export const CollaboratorPermissionAnswer = z.object({ permission: z.string().optional(), role_name: z.string().optional() });

/** `GET /app` */
export const AppAnswer = z.object({ id });

/** `GET /repos/{o}/{r}/git/trees/{sha}` (recursive or one level). */
export const TreeAnswer = z.object({
  sha,
  truncated: z.boolean().optional(),
  tree: z.array(z.object({ path: z.string(), mode: z.string(), type: z.string(), sha: z.string() })),
});

/** `GET /repos/{o}/{r}/git/blobs/{sha}` */
export const BlobAnswer = z.object({ content: z.string(), encoding: z.string() });

/** A page of `GET /repos/{o}/{r}/pulls/{n}/files` */
export const PullFilesAnswer = z.array(z.object({ filename: z.string(), status: z.string(), previous_filename: z.string().optional() }));

export type PullRequestAnswer = z.infer<typeof PullRequestAnswer>;
export type TreeAnswer = z.infer<typeof TreeAnswer>;
export type ContentsAnswer = z.infer<typeof ContentsAnswer>;
export type TreeEntryAnswer = TreeAnswer['tree'][number];
export type PullFileAnswer = z.infer<typeof PullFilesAnswer>[number];

/** `data` as `schema` describes it, or a GitHubApiError naming `request` and what does not fit. */
export function parseAnswer<S extends z.ZodType>(schema: S, data: unknown, request: string): z.output<S> {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const issues = result.error.issues.slice(0, 3).map((i) => `${i.path.length > 0 ? i.path.join('.') : 'the answer'}: ${i.message}`);
  const more = result.error.issues.length > 3 ? ` (and ${result.error.issues.length - 3} more)` : '';
  throw new GitHubApiError(`${request}: GitHub's answer is not what its API documents: ${issues.join('; ')}${more}`, request);
}
