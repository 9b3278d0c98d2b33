import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import type { PublishOptions } from '../options/parse.js';
import { commentMarker, renderComment } from '../report/comment.js';
import { distinctDiffs } from '../report/describe.js';
import { markdownProse } from '../report/escape.js';
import { fenced } from '../report/markdown.js';
import type { Report } from '../report/types.js';
import { describeApiFailure, isPermissionRefusal } from './api-failure.js';
import { readOnlyReason, type PullRequestTarget } from './pull-request.js';
import { GITHUB_TIMEOUT, environmentValue } from '../options/environment.js';
import { commentableLines, fitsDiff, suggestionsFromDiff, type Suggestion } from './suggestions.js';

type Octokit = ReturnType<typeof getOctokit>;

export interface PublishLog {
  info(message: string): void;
  notice(message: string): void;
  warning(message: string): void;
}

export interface RunContext {
  eventName: string;
  target: PullRequestTarget | null;
  apiUrl: string;
  /** The workflow run's page, where the job summary is. */
  runUrl: string | undefined;
  /** e.g. https://github.com, for links to the PR's lines. */
  serverUrl: string;
  actor: string | undefined;
}

/** Retries of a 5xx or a network failure (1 s, then 4 s), then a warning. */
const RETRY = { retries: 2, retryAfterBaseValue: 1000 };
/**
 * All of the reporting gives up after this long (NONROOT_GUARD_GITHUB_TIMEOUT
 * seconds, default 60): a slow API must not hold the required check.
 */
export function githubDeadlineMs(env: NodeJS.ProcessEnv = process.env): number {
  return (environmentValue(GITHUB_TIMEOUT, env) ?? 60) * 1000;
}

/** The review comments we write start with this, so a re-run finds them. */
const SUGGESTION_MARKER = '<!-- nonroot-guard:suggestion -->';

/**
 * Puts the report on the pull request: the sticky comment, then the review
 * suggestions. Every failure becomes a notice or a warning; none changes the
 * verdict, which the caller has already decided.
 */
export async function publishToPullRequest(
  report: Report,
  options: PublishOptions & { defaultCommentId: string },
  run: RunContext,
  log: PublishLog,
): Promise<void> {
  const wantsComment = options.comment !== 'off';
  if (!wantsComment && !options.suggestions) return;
  const target = run.target;
  if (!target) {
    if (options.comment === 'always') {
      log.warning(
        `comment: always, but this run (event ${run.eventName}) is not for a pull request: no comment. Give pr-number to name one.`,
      );
    }
    return;
  }
  const readOnly = readOnlyReason(run.eventName, target);
  if (readOnly) {
    log.notice(
      `Non-root Guard wrote no PR comment: ${readOnly}. The findings are in the annotations and the job summary; to comment on fork pull requests, see the README, "Fork pull requests".`,
    );
    return;
  }
  if (!options.githubToken) {
    log.warning(
      'no github-token: no PR comment. Leave the input unset to use the job token, with permissions: pull-requests: write.',
    );
    return;
  }
  const octokit = getOctokit(
    options.githubToken,
    {
      baseUrl: run.apiUrl,
      retry: RETRY,
      request: { signal: AbortSignal.timeout(githubDeadlineMs()) },
    },
    retry,
  );
  const refused = (error: unknown, action: string, permission = 'pull-requests: write') => {
    // Dependabot's token is read-only unless the workflow grants more: expected, so a notice.
    if (
      isPermissionRefusal(error) &&
      (run.actor === 'dependabot[bot]' || target.author === 'dependabot[bot]')
    ) {
      log.notice(
        `Non-root Guard could not ${action}: Dependabot's pull requests get a read-only token unless the workflow grants \`permissions: ${permission}\`. The findings are in the annotations and the job summary.`,
      );
    } else {
      log.warning(describeApiFailure(error, action, permission));
    }
  };

  let author: Author;
  try {
    author = await whoWrites(octokit, options.githubToken);
  } catch (error) {
    refused(error, 'read who the token belongs to', 'pull-requests: write');
    return;
  }
  if (wantsComment) {
    const marker = commentMarker(options.commentId ?? options.defaultCommentId);
    try {
      await upsertComment(octokit, report, { ...options, marker }, run, target, author, log);
    } catch (error) {
      refused(error, 'write the PR comment');
    }
  }
  if (options.suggestions) {
    try {
      await suggestFixes(octokit, report, target, author, log);
    } catch (error) {
      refused(error, 'post the review suggestions');
    }
  }
}

/** Who our comments are by: the token's user, or any bot for an app's token (GITHUB_TOKEN). */
interface Author {
  login: string | null;
  isOurs(user: { login?: string; type?: string } | null | undefined): boolean;
}

async function whoWrites(octokit: Octokit, token: string): Promise<Author> {
  // `ghs_` is an installation token (GITHUB_TOKEN or a GitHub App's): /user would answer 403.
  if (!token.startsWith('ghs_')) {
    try {
      const { data } = await octokit.rest.users.getAuthenticated();
      return { login: data.login, isOurs: (user) => user?.login === data.login };
    } catch (error) {
      if ((error as { status?: number }).status !== 403) throw error;
    }
  }
  // An app's comments are by `<app>[bot]`, which the token cannot name; a forged marker in a
  // person's comment is still ignored, as it is not by a bot.
  return { login: null, isOurs: (user) => user?.type === 'Bot' };
}

async function upsertComment(
  octokit: Octokit,
  report: Report,
  options: PublishOptions & { marker: string },
  run: RunContext,
  target: PullRequestTarget,
  author: Author,
  log: PublishLog,
): Promise<void> {
  const { owner, repo, number } = target;
  const existing = await findOurComment(octokit, target, options.marker, author);
  const somethingToSay = report.verdict === 'fail' || report.findings.length > 0;
  if (!existing && !somethingToSay && options.comment === 'auto') {
    log.info(
      'No PR comment: the image passes with no findings, and there is no earlier comment to update.',
    );
    return;
  }
  const headSha = target.headSha;
  const body = renderComment(report, {
    marker: options.marker,
    runUrl: run.runUrl,
    sha: headSha ?? undefined,
    lineUrl: headSha
      ? (file, line) =>
          `${run.serverUrl}/${owner}/${repo}/blob/${headSha}/${file.split('/').map(encodeURIComponent).join('/')}#L${line}`
      : undefined,
  });
  if (existing) {
    const { data } = await octokit.rest.issues.updateComment({
      owner,
      repo,
      comment_id: existing.id,
      body,
    });
    log.info(`Updated the PR comment: ${data.html_url}`);
  } else {
    const { data } = await octokit.rest.issues.createComment({
      owner,
      repo,
      issue_number: number,
      body,
    });
    log.info(`Wrote the PR comment: ${data.html_url}`);
  }
}

/** Pages through the PR's comments until ours turns up, so the usual case reads one page. */
async function findOurComment(
  octokit: Octokit,
  { owner, repo, number }: PullRequestTarget,
  marker: string,
  author: Author,
): Promise<{ id: number } | undefined> {
  const pages = octokit.paginate.iterator(octokit.rest.issues.listComments, {
    owner,
    repo,
    issue_number: number,
    per_page: 100,
  });
  for await (const { data } of pages) {
    const found = data.find(
      (comment) => (comment.body ?? '').startsWith(marker) && author.isOurs(comment.user),
    );
    if (found) return found;
  }
  return undefined;
}

/**
 * One review with a suggestion per change of each fix whose every change lands
 * on lines the pull request's diff shows; a fix that does not fit whole stays
 * a diff in the comment only. Suggestions already posted (same file, line and
 * text) are not posted again.
 */
async function suggestFixes(
  octokit: Octokit,
  report: Report,
  target: PullRequestTarget,
  author: Author,
  log: PublishLog,
): Promise<void> {
  const fixes = distinctDiffs(report)
    .map(({ diff, rules }) => ({ rules, suggestions: suggestionsFromDiff(diff) }))
    .filter(
      (fix): fix is { rules: string[]; suggestions: Suggestion[] } => fix.suggestions !== null,
    );
  if (fixes.length === 0) return;
  const { owner, repo, number } = target;
  const files = await octokit.paginate(octokit.rest.pulls.listFiles, {
    owner,
    repo,
    pull_number: number,
    per_page: 100,
  });
  const commentable = new Map(
    files.map((file) => [file.filename, commentableLines(file.patch ?? '')]),
  );
  const fitting = fixes.filter((fix) =>
    fix.suggestions.every((s) => fitsDiff(s, commentable.get(s.path))),
  );
  if (fitting.length === 0) {
    log.info(
      'No review suggestions: no fix changes only lines this pull request changed; the fixes are in the comment.',
    );
    return;
  }
  const summaries = new Map(
    report.findings
      .filter((finding) => finding.fix)
      .map((finding) => [finding.rule, finding.fix!.summary]),
  );
  const comments = fitting.flatMap(({ rules, suggestions }) =>
    suggestions.map((suggestion, index) => ({
      path: suggestion.path,
      line: suggestion.line,
      side: 'RIGHT' as const,
      ...(suggestion.startLine < suggestion.line
        ? { start_line: suggestion.startLine, start_side: 'RIGHT' as const }
        : {}),
      body: [
        SUGGESTION_MARKER,
        `**${rules.join(', ')}**${suggestions.length > 1 ? ` (part ${index + 1} of ${suggestions.length})` : ''}: ${markdownProse(summaries.get(rules[0]!) ?? '')}`,
        '',
        ...fenced(suggestion.replacement.join('\n'), 'suggestion'),
      ].join('\n'),
    })),
  );
  const posted = await octokit.paginate(octokit.rest.pulls.listReviewComments, {
    owner,
    repo,
    pull_number: number,
    per_page: 100,
  });
  const already = new Set(
    posted
      .filter(
        (comment) => author.isOurs(comment.user) && comment.body.startsWith(SUGGESTION_MARKER),
      )
      .map(
        (comment) => `${comment.path}\n${comment.line ?? comment.original_line}\n${comment.body}`,
      ),
  );
  const fresh = comments.filter(
    (comment) => !already.has(`${comment.path}\n${comment.line}\n${comment.body}`),
  );
  if (fresh.length === 0) {
    log.info('The review suggestions are already on the pull request.');
    return;
  }
  let headSha = target.headSha;
  if (!headSha) {
    const { data } = await octokit.rest.pulls.get({ owner, repo, pull_number: number });
    headSha = data.head.sha;
  }
  const { data } = await octokit.rest.pulls.createReview({
    owner,
    repo,
    pull_number: number,
    commit_id: headSha,
    event: 'COMMENT',
    body: `Non-root Guard: ${fresh.length} suggested change${fresh.length === 1 ? '' : 's'} for ${report.summary.error + report.summary.warning + report.summary.notice} finding(s); the full report is in the PR comment.`,
    comments: fresh,
  });
  log.info(`Posted ${fresh.length} review suggestion(s): ${data.html_url}`);
}
