/**
 * What a failed GitHub API call means for the person reading the log: which
 * permission is missing, or that GitHub was down. Reporting failures never
 * change the verdict; they become one warning each.
 */

interface ApiError {
  status?: number;
  message?: string;
  response?: { headers?: Record<string, string | number | undefined>; data?: unknown };
}

function isApiError(error: unknown): error is ApiError {
  return typeof error === 'object' && error !== null && 'status' in error;
}

/** GitHub's own explanation: `message`, plus each `errors[].message` of a 422. */
function gitHubSays(error: ApiError): string {
  const data = error.response?.data as
    { message?: unknown; errors?: { message?: unknown; code?: unknown }[] } | undefined;
  const details = (Array.isArray(data?.errors) ? data.errors : [])
    .map((entry) => (typeof entry === 'string' ? entry : (entry.message ?? entry.code)))
    .filter((entry) => typeof entry === 'string');
  const message = typeof data?.message === 'string' ? data.message : error.message;
  return [message, ...details].filter(Boolean).join(': ');
}

/**
 * One sentence: what failed, what GitHub said, and what to do. `action` says
 * what we tried ("update the comment"), `permission` what it needs.
 */
export function describeApiFailure(error: unknown, action: string, permission: string): string {
  if (!isApiError(error)) {
    return `could not ${action}: ${error instanceof Error ? error.message : String(error)}`;
  }
  const status = error.status ?? 0;
  // Octokit reports a request that got no answer (refused, reset, aborted) as a 500 without a response.
  if (!error.response) {
    return `could not ${action}: GitHub's API did not answer (${error.message ?? 'no response'}), also after retries. The verdict stands; re-run the job to post the report.`;
  }
  const said = gitHubSays(error);
  const headers = error.response?.headers ?? {};
  if ((status === 403 || status === 429) && String(headers['x-ratelimit-remaining']) === '0') {
    const reset = Number(headers['x-ratelimit-reset']);
    const when = Number.isFinite(reset)
      ? ` (it resets at ${new Date(reset * 1000).toISOString()})`
      : '';
    return `could not ${action}: GitHub's API rate limit is used up${when}. Re-run the job later.`;
  }
  switch (status) {
    case 401:
      return `could not ${action}: GitHub refused the token (401 ${said}). Check the github-token input; the default is the job's own token.`;
    case 403:
      return `could not ${action}: the token lacks the permission (403 ${said}). Give the job \`permissions: ${permission}\`; on pull requests from forks the token is always read-only (see the README, "Fork pull requests").`;
    case 404:
      return `could not ${action}: GitHub answered 404 (${said}): the pull request does not exist or the token cannot see it. Check pr-number, and give the job \`permissions: ${permission}\` (private repositories hide what a token may not read).`;
    case 422:
      return `could not ${action}: GitHub refused the request (422 ${said}).`;
    case 429:
      return `could not ${action}: GitHub is limiting requests (429 ${said}). Re-run the job later.`;
    default:
      return status >= 500
        ? `could not ${action}: GitHub's API failed (${status} ${said}) after retries. The verdict stands; re-run the job to post the report.`
        : `could not ${action}: ${said || `status ${status}`}`;
  }
}

/** A 403 that is a refusal of permission (not the rate limit). */
export function isPermissionRefusal(error: unknown): boolean {
  if (!isApiError(error) || error.status !== 403) return false;
  return String(error.response?.headers?.['x-ratelimit-remaining']) !== '0';
}
