import { describe, expect, it } from 'vitest';
import { parseRepository, pullRequestOf, readOnlyReason } from '../../src/github/pull-request.js';
import { describeApiFailure } from '../../src/github/api-failure.js';

const repository = { owner: 'octo-org', repo: 'octo-app' };
const SHA = 'a'.repeat(40);

function event(head: string | null, base = 'octo-org/octo-app', login = 'octocat') {
  return {
    action: 'synchronize',
    number: 7,
    pull_request: {
      number: 7,
      user: { login },
      head: { sha: SHA, repo: head === null ? null : { full_name: head } },
      base: { repo: { full_name: base } },
    },
  };
}

describe('the pull request of a run', () => {
  it('is the event’s on pull_request, with head commit and author', () => {
    expect(
      pullRequestOf('pull_request', event('octo-org/octo-app'), repository, undefined),
    ).toEqual({
      ...repository,
      number: 7,
      headSha: SHA,
      fork: null,
      author: 'octocat',
    });
  });

  it('names the fork, and a deleted fork is still one', () => {
    expect(
      pullRequestOf('pull_request', event('mallory/octo-app'), repository, undefined)?.fork,
    ).toBe('mallory/octo-app');
    expect(pullRequestOf('pull_request', event(null), repository, undefined)?.fork).toBe(
      'a deleted fork',
    );
  });

  it('is none on a push or a workflow_run without pr-number', () => {
    expect(pullRequestOf('push', { ref: 'refs/heads/main' }, repository, undefined)).toBeNull();
    expect(pullRequestOf('workflow_run', { workflow_run: {} }, repository, undefined)).toBeNull();
  });

  it('is pr-number’s when given, with nothing taken from an unrelated payload', () => {
    expect(pullRequestOf('workflow_run', { workflow_run: {} }, repository, 12)).toEqual({
      ...repository,
      number: 12,
      headSha: null,
      fork: null,
      author: null,
    });
    expect(pullRequestOf('pull_request', event('mallory/x'), repository, 9)?.headSha).toBeNull();
  });

  it('ignores a head sha that is not a commit id', () => {
    const payload = event('octo-org/octo-app');
    payload.pull_request.head.sha = '../../evil';
    expect(pullRequestOf('pull_request', payload, repository, undefined)?.headSha).toBeNull();
  });
});

describe('a token that cannot write', () => {
  it('is known from a fork pull request on pull_request', () => {
    const target = pullRequestOf('pull_request', event('mallory/octo-app'), repository, undefined)!;
    expect(readOnlyReason('pull_request', target)).toBe(
      'pull request #7 comes from the fork mallory/octo-app, and GitHub gives workflows on fork pull requests a read-only token',
    );
  });

  it('is not assumed on pull_request_target or for a same-repository pull request', () => {
    const fork = pullRequestOf(
      'pull_request_target',
      event('mallory/octo-app'),
      repository,
      undefined,
    )!;
    expect(readOnlyReason('pull_request_target', fork)).toBeNull();
    const same = pullRequestOf('pull_request', event('octo-org/octo-app'), repository, undefined)!;
    expect(readOnlyReason('pull_request', same)).toBeNull();
  });

  it('GITHUB_REPOSITORY is owner/name or nothing', () => {
    expect(parseRepository('octo-org/octo-app')).toEqual(repository);
    expect(parseRepository('octo-org')).toBeNull();
    expect(parseRepository(undefined)).toBeNull();
  });
});

describe('what a failed API call tells the reader', () => {
  const failure = (status: number, data: object, headers: Record<string, string> = {}) =>
    Object.assign(new Error('x'), { status, response: { data, headers } });

  it.each([
    [
      403,
      { message: 'Resource not accessible by integration' },
      {},
      'could not write the PR comment: the token lacks the permission (403 Resource not accessible by integration). Give the job `permissions: pull-requests: write`; on pull requests from forks the token is always read-only (see the README, "Fork pull requests").',
    ],
    [
      404,
      { message: 'Not Found' },
      {},
      'could not write the PR comment: GitHub answered 404 (Not Found): the pull request does not exist or the token cannot see it. Check pr-number, and give the job `permissions: pull-requests: write` (private repositories hide what a token may not read).',
    ],
    [
      422,
      {
        message: 'Validation Failed',
        errors: [{ message: 'Body is too long (maximum is 65536 characters)' }],
      },
      {},
      'could not write the PR comment: GitHub refused the request (422 Validation Failed: Body is too long (maximum is 65536 characters)).',
    ],
    [
      403,
      { message: 'API rate limit exceeded' },
      { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1800000000' },
      "could not write the PR comment: GitHub's API rate limit is used up (it resets at 2027-01-15T08:00:00.000Z). Re-run the job later.",
    ],
    [
      502,
      { message: 'Bad Gateway' },
      {},
      "could not write the PR comment: GitHub's API failed (502 Bad Gateway) after retries. The verdict stands; re-run the job to post the report.",
    ],
  ])('%i %j', (status, data, headers, message) => {
    expect(
      describeApiFailure(
        failure(status, data, headers),
        'write the PR comment',
        'pull-requests: write',
      ),
    ).toBe(message);
  });
});
