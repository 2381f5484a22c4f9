// Completing a check run: conclusion, title, summary and annotations within GitHub's limits. A run is never
// left in_progress: when the full completion cannot be sent, a minimal one (failure, short text) is.
import { annotationBatches, renderAnnotations, type CheckRunAnnotation } from '../report/annotations.ts';
import { fenced } from '../report/escape.ts';
import { cutUtf8, escapeMarkdown, GITHUB_SUMMARY_LIMIT, renderMarkdown, utf8Bytes } from '../report/markdown.ts';
import type { SimulationReport } from '../simulate/types.ts';
import type { GitHubRequester } from './client.ts';
import { CONFIG_FILE } from '../config/defaults.ts';
import { describeError } from './errors.ts';
import type { LogFields, LogMessage } from '../util/log.ts';

export interface CheckRunTarget {
  owner: string;
  repo: string;
  checkRunId: number;
  /** The repository's web address (`repository.html_url`): sources in the summary link to it. */
  htmlUrl?: string;
}

export type CheckOutcome = { report: SimulationReport } | { error: string; failClosed: boolean };

type Conclusion = 'success' | 'failure' | 'neutral' | 'cancelled' | 'skipped' | 'timed_out' | 'action_required';

export interface Completion {
  conclusion: Conclusion;
  title: string;
  summary: string;
  annotations?: CheckRunAnnotation[];
}

export interface PublishOptions {
  /** Annotations beyond this many are left out (each 50 cost one more write, spaced 1 s apart by Probot). */
  maxAnnotations?: number;
  /** Problems publishing (the CLI prints the message; the app logs it with the fields and the error's code). */
  log?: (message: LogMessage, fields?: LogFields, error?: unknown) => void;
}

/** Every annotation up to this many is published; the summary says when some were left out. */
const MAX_ANNOTATIONS = 1000;
const TITLE_CHARS = 1000;
/** Room kept at the end of the summary for the notes the publisher adds. */
const SUMMARY_RESERVE = 600;

/** What the run is completed with: from the report, or from the error that stopped the check. */
export function completionFor(target: CheckRunTarget, outcome: CheckOutcome, maxAnnotations = MAX_ANNOTATIONS): Completion {
  if ('error' in outcome) return errorCompletion(outcome.error, outcome.failClosed);
  const { report } = outcome;
  const md = renderMarkdown(report, {
    maxChars: GITHUB_SUMMARY_LIMIT - SUMMARY_RESERVE,
    headSha: report.head.sha,
    ...(target.htmlUrl !== undefined ? { repoUrl: target.htmlUrl } : {}),
  });
  const all = renderAnnotations(report);
  const annotations = all.slice(0, maxAnnotations);
  let summary = md.summary;
  if (all.length > annotations.length) {
    summary += `\n\n> ${all.length - annotations.length} of ${all.length} annotations are not shown on the diff (at most ${maxAnnotations} are published); the tables above list every finding.\n`;
  }
  return { conclusion: report.verdict.conclusion, title: clip(md.title, TITLE_CHARS), summary: clip(summary, GITHUB_SUMMARY_LIMIT), annotations };
}

/**
 * The completion of a check that failed to run. Failing closed (the default) is `failure`; a repository that
 * sets `blocking.errorsAtHead: false` gets `neutral`, which GitHub counts as passing, because it asked for
 * errors not to block.
 */
export function errorCompletion(error: string, failClosed: boolean): Completion {
  const why = failClosed
    ? `The check fails closed: an error means the change was not verified, so it is not let through (\`blocking.errorsAtHead\` in \`${CONFIG_FILE}\` on the default branch).`
    : `\`blocking.errorsAtHead: false\` in \`${CONFIG_FILE}\` on the default branch says errors do not block, so this run is neutral. The change was NOT verified.`;
  return {
    conclusion: failClosed ? 'failure' : 'neutral',
    title: failClosed ? 'preadmit could not check this commit (fail closed)' : 'preadmit could not check this commit (errors do not block)',
    summary: clip(
      `## ${failClosed ? '❌' : '⚠️'} preadmit could not complete the check\n\n${why}\n\n${fenced(clip(redactLines(error), 20_000), 'text')}\n` +
        'Comment `/gatekeeper recheck` on the pull request to run the check again.\n',
      GITHUB_SUMMARY_LIMIT,
    ),
  };
}

/** The completion of a run whose work was replaced by newer work for the same pull request. */
export function supersededCompletion(reason: string): Completion {
  return {
    conclusion: 'cancelled',
    title: 'Superseded',
    summary:
      `## Superseded\n\n${escapeMarkdown(reason)}\n\nThis run was concluded as \`cancelled\` without a verdict. ` +
      '`cancelled` never counts as passing a required check, so a commit is never let through by a run that did not finish; ' +
      'the check of the newer request is the one that decides.\n',
  };
}

/**
 * The completion of a run whose check was stopped before it had a verdict (a restart of the app, Ctrl-C on
 * `preadmit check-pr`): `cancelled`, which never counts as passing a required check. `detail` is our own text.
 */
export function interruptedCompletion(title: string, detail: string, next: string): Completion {
  return {
    conclusion: 'cancelled',
    title,
    summary: `## Interrupted\n\n${detail} \`cancelled\` never counts as passing a required check.\n\n${next}\n`,
  };
}

/** PATCHes the run to `completion`; annotations beyond the first 50 follow in further PATCHes. */
export async function completeCheckRun(octokit: GitHubRequester, target: CheckRunTarget, completion: Completion, options: PublishOptions = {}): Promise<void> {
  const batches = annotationBatches(completion.annotations ?? []);
  const route = 'PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}';
  const base = { owner: target.owner, repo: target.repo, check_run_id: target.checkRunId };
  const output = (annotations: CheckRunAnnotation[] | undefined) => ({
    title: completion.title,
    summary: completion.summary,
    ...(annotations !== undefined && annotations.length > 0 ? { annotations } : {}),
  });
  try {
    await octokit.request(route, { ...base, status: 'completed', conclusion: completion.conclusion, completed_at: new Date().toISOString(), output: output(batches[0]) });
  } catch (e) {
    // Whatever went wrong with the full completion (size, a validation error, GitHub down for longer than the
    // retries), the run must not stay in_progress: conclude it with a short text that fits every limit.
    options.log?.('check run completion failed; minimal completion sent', { run: target.checkRunId }, e);
    await octokit.request(route, {
      ...base,
      status: 'completed',
      conclusion: completion.conclusion,
      completed_at: new Date().toISOString(),
      output: {
        title: clip(completion.title, TITLE_CHARS),
        summary:
          `preadmit reached the conclusion \`${completion.conclusion}\` but could not publish the full result of this check ` +
          `(${escapeMarkdown(describeError(e).slice(0, 500))}). ` +
          'Comment `/gatekeeper recheck` on the pull request to run it again.',
      },
    });
    return;
  }
  for (let i = 1; i < batches.length; i++) {
    try {
      await octokit.request(route, { ...base, output: output(batches[i]) });
    } catch (e) {
      // The run is complete with its conclusion; only some annotations are missing. Say so in the summary.
      options.log?.('annotations batch failed', { run: target.checkRunId, batch: i + 1, batches: batches.length }, e);
      const shown = i * 50;
      const total = (completion.annotations ?? []).length;
      await octokit
        .request(route, {
          ...base,
          output: { title: completion.title, summary: clip(`${completion.summary}\n\n> Only ${shown} of ${total} annotations could be published (GitHub refused the rest).\n`, GITHUB_SUMMARY_LIMIT) },
        })
        .catch((e2: unknown) => options.log?.('noting missing annotations failed', { run: target.checkRunId }, e2));
      return;
    }
  }
}

/**
 * Completes the run: conclusion, title, summary (≤ 65,535 UTF-8 bytes), annotations in batches of 50 (first batch
 * with the completion, the rest in follow-up PATCHes). Never leaves the run in_progress: rejects only when
 * even the minimal completion could not be sent.
 */
export async function publishCheckRun(
  octokit: GitHubRequester,
  target: CheckRunTarget,
  outcome: CheckOutcome,
  options: PublishOptions = {},
): Promise<void> {
  await completeCheckRun(octokit, target, completionFor(target, outcome, options.maxAnnotations), options);
}

/** `text` within `max` UTF-8 bytes (GitHub's limits count bytes), ending with … when cut. */
function clip(text: string, max: number): string {
  if (utf8Bytes(text) <= max) return text;
  return `${cutUtf8(text, max - utf8Bytes('…'))}…`;
}

function redactLines(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '\ufffd');
}

