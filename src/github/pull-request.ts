/**
 * Which pull request a run reports on, read from the event the runner gives
 * (GITHUB_EVENT_NAME and the payload at GITHUB_EVENT_PATH) or the `pr-number`
 * input. Pure: the payload is passed in, so every event shape is a unit test.
 */

export interface Repository {
  owner: string;
  repo: string;
}

export interface PullRequestTarget extends Repository {
  number: number;
  /** The head commit: review comments are placed on its lines. Null until read from the API. */
  headSha: string | null;
  /** The head repository when it is not the base one (a fork PR), else null. */
  fork: string | null;
  /** The login that opened the pull request (dependabot[bot] for Dependabot's). */
  author: string | null;
}

/** Events whose payload is a pull request. */
const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target']);

interface PayloadRepo {
  full_name?: unknown;
}
interface PullRequestPayload {
  number?: unknown;
  user?: { login?: unknown } | null;
  head?: { sha?: unknown; repo?: PayloadRepo | null } | null;
  base?: { repo?: PayloadRepo | null } | null;
}

const isSha = (value: unknown): value is string =>
  typeof value === 'string' && /^[0-9a-f]{40}([0-9a-f]{24})?$/.test(value);

/**
 * The pull request of this run, or null when there is none (a push, a
 * schedule, or a workflow_run without `pr-number`). `pr-number` wins: it is
 * how a workflow_run reports on the pull request whose run it follows.
 */
export function pullRequestOf(
  eventName: string,
  payload: Record<string, unknown>,
  repository: Repository,
  prNumber: number | undefined,
): PullRequestTarget | null {
  const pull = payload['pull_request'] as PullRequestPayload | undefined;
  const fromEvent =
    PULL_REQUEST_EVENTS.has(eventName) && pull && Number.isSafeInteger(pull.number)
      ? (pull.number as number)
      : undefined;
  const number = prNumber ?? fromEvent;
  if (number === undefined) return null;
  const samePullRequest = fromEvent === number;
  const headRepo = samePullRequest ? pull?.head?.repo : undefined;
  const baseRepo = samePullRequest ? pull?.base?.repo : undefined;
  // A deleted fork leaves head.repo null: still a fork, and still read-only.
  const fork =
    samePullRequest && (headRepo === null || headRepo?.full_name !== baseRepo?.full_name)
      ? String(headRepo?.full_name ?? 'a deleted fork')
      : null;
  const headSha = samePullRequest ? pull?.head?.sha : undefined;
  const login = samePullRequest ? pull?.user?.login : undefined;
  return {
    ...repository,
    number,
    headSha: isSha(headSha) ? headSha : null,
    fork,
    author: typeof login === 'string' ? login : null,
  };
}

/**
 * Why the token cannot write, when the event alone tells: a `pull_request`
 * from a fork always gets a read-only GITHUB_TOKEN. (Dependabot's is read-only
 * only by default, and the workflow's `permissions` can lift that, so it is
 * tried and a refusal explained; see publish.ts.)
 */
export function readOnlyReason(eventName: string, target: PullRequestTarget): string | null {
  if (eventName !== 'pull_request' || target.fork === null) return null;
  return `pull request #${target.number} comes from the fork ${target.fork}, and GitHub gives workflows on fork pull requests a read-only token`;
}

export function parseRepository(value: string | undefined): Repository | null {
  const match = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/.exec(value ?? '');
  return match ? { owner: match[1]!, repo: match[2]! } : null;
}
