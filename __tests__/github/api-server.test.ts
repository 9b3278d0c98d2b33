import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { describe, expect, it, onTestFinished } from 'vitest';
import {
  ACTIONS_BOT,
  TEST_TOKENS,
  gitHubDescriptionTimings,
  parsePatch,
  startGitHubApi,
  type GitHubApi,
  type GitHubApiOptions,
} from '../helpers/github-api.js';

const OWNER = 'octo-org';
const REPO = 'octo-app';
const MARKER = '<!-- nonroot-guard -->';

/** Adds a USER line and keeps two context lines around it: RIGHT lines 1–4 are in the diff. */
const DOCKERFILE_PATCH = [
  '@@ -1,3 +1,4 @@',
  ' FROM debian:bookworm-slim',
  ' RUN apt-get update',
  '+USER 10001',
  ' CMD ["app"]',
  '@@ -20,2 +21,2 @@',
  ' EXPOSE 8080',
  '-HEALTHCHECK NONE',
  '+HEALTHCHECK CMD true',
].join('\n');

async function serve(options: GitHubApiOptions = {}): Promise<GitHubApi> {
  const api = await startGitHubApi(options);
  onTestFinished(() => api.close());
  api.addPullRequest({
    owner: OWNER,
    repo: REPO,
    number: 7,
    headSha: 'a'.repeat(40),
    files: [
      { filename: 'Dockerfile', patch: DOCKERFILE_PATCH },
      { filename: 'logo.png', status: 'added' },
    ],
  });
  return api;
}

function client(api: GitHubApi, token: string = TEST_TOKENS.installation) {
  return getOctokit(token, { baseUrl: api.url });
}

/** The HTTP error an Octokit call ended with (status, body and headers). */
async function failure(call: Promise<unknown>) {
  try {
    await call;
  } catch (error) {
    const { status, response } = error as {
      status: number;
      response?: { data: unknown; headers: Record<string, string> };
    };
    return { status, data: response?.data, headers: response?.headers ?? {} };
  }
  throw new Error('expected the call to fail');
}

describe('the GitHub API stand-in', () => {
  it('creates an issue comment on a pull request and lists it back', async () => {
    const api = await serve();
    const octokit = client(api);

    const created = await octokit.rest.issues.createComment({
      owner: OWNER,
      repo: REPO,
      issue_number: 7,
      body: `${MARKER}\nAll good`,
    });
    const listed = await octokit.rest.issues.listComments({
      owner: OWNER,
      repo: REPO,
      issue_number: 7,
    });

    expect(created.status).toBe(201);
    expect(created.headers.location).toBe(created.data.url);
    expect(created.data).toMatchObject({
      body: `${MARKER}\nAll good`,
      user: { login: 'github-actions[bot]', type: 'Bot', id: 41898282 },
      author_association: 'NONE',
      html_url: `https://github.com/${OWNER}/${REPO}/pull/7#issuecomment-${created.data.id}`,
    });
    expect(listed.data).toEqual([created.data]);
    expect(api.issueComments(OWNER, REPO, 7)).toEqual([created.data]);
    expect(
      api.requests.map(({ method, path, status, login }) => ({ method, path, status, login })),
    ).toEqual([
      {
        method: 'POST',
        path: `/repos/${OWNER}/${REPO}/issues/7/comments`,
        status: 201,
        login: ACTIONS_BOT.login,
      },
      {
        method: 'GET',
        path: `/repos/${OWNER}/${REPO}/issues/7/comments`,
        status: 200,
        login: ACTIONS_BOT.login,
      },
    ]);
    expect(api.violations).toEqual([]);
  });

  it('paginates like GitHub: per_page, page and a Link header that octokit.paginate follows', async () => {
    const api = await serve();
    for (let index = 1; index <= 250; index++) {
      api.addIssueComment({
        owner: OWNER,
        repo: REPO,
        issueNumber: 7,
        body: `comment ${index}`,
        author: { login: 'someone' },
      });
    }
    const octokit = client(api);

    const first = await octokit.rest.issues.listComments({
      owner: OWNER,
      repo: REPO,
      issue_number: 7,
      per_page: 100,
    });
    const all = await octokit.paginate(octokit.rest.issues.listComments, {
      owner: OWNER,
      repo: REPO,
      issue_number: 7,
      per_page: 100,
    });
    const byDefault = await octokit.rest.issues.listComments({
      owner: OWNER,
      repo: REPO,
      issue_number: 7,
      page: 9,
    });

    const base = `${api.url}/repos/${OWNER}/${REPO}/issues/7/comments?per_page=100`;
    expect(first.headers.link).toBe(`<${base}&page=2>; rel="next", <${base}&page=3>; rel="last"`);
    expect(all.map((comment) => comment.body)).toEqual(
      Array.from({ length: 250 }, (_, index) => `comment ${index + 1}`),
    );
    expect(api.requests.slice(1).map((request) => request.query)).toEqual([
      { per_page: '100' },
      { per_page: '100', page: '2' },
      { per_page: '100', page: '3' },
      { page: '9' },
    ]);
    // 30 a page by default: page 9 holds comments 241–250, and the last page has no next.
    expect(byDefault.data.map((comment) => comment.body)).toEqual(
      Array.from({ length: 10 }, (_, index) => `comment ${241 + index}`),
    );
    const plain = `${api.url}/repos/${OWNER}/${REPO}/issues/7/comments`;
    expect(byDefault.headers.link).toBe(
      `<${plain}?page=8>; rel="prev", <${plain}?page=1>; rel="first"`,
    );
    expect(api.violations).toEqual([]);
  });

  it('answers 403 when the token edits a comment someone else wrote, and 404 for no comment', async () => {
    const api = await serve();
    const forged = api.addIssueComment({
      owner: OWNER,
      repo: REPO,
      issueNumber: 7,
      body: `${MARKER}\nforged by someone else`,
      author: { login: 'mallory' },
    });
    const octokit = client(api);

    const denied = await failure(
      octokit.rest.issues.updateComment({
        owner: OWNER,
        repo: REPO,
        comment_id: Number(forged['id']),
        body: 'mine now',
      }),
    );
    const missing = await failure(
      octokit.rest.issues.updateComment({ owner: OWNER, repo: REPO, comment_id: 1, body: 'x' }),
    );

    expect(denied.status).toBe(403);
    expect(denied.data).toEqual({
      message: 'Resource not accessible by integration',
      documentation_url: 'https://docs.github.com/rest/issues/comments#update-an-issue-comment',
      status: '403',
    });
    expect(missing.status).toBe(404);
    expect(missing.data).toMatchObject({ message: 'Not Found' });
    expect(api.issueComments(OWNER, REPO, 7).map((comment) => comment['body'])).toEqual([
      `${MARKER}\nforged by someone else`,
    ]);
    expect(api.violations).toEqual([]);
  });

  it('updates its own comment', async () => {
    const api = await serve();
    const octokit = client(api);
    const { data: created } = await octokit.rest.issues.createComment({
      owner: OWNER,
      repo: REPO,
      issue_number: 7,
      body: 'v1',
    });

    const updated = await octokit.rest.issues.updateComment({
      owner: OWNER,
      repo: REPO,
      comment_id: created.id,
      body: 'v2',
    });

    expect(updated.status).toBe(200);
    expect(updated.data).toMatchObject({ id: created.id, body: 'v2' });
    expect(api.issueComments(OWNER, REPO, 7).map((comment) => comment['body'])).toEqual(['v2']);
    expect(api.requests.map(({ method, status }) => `${method} ${status}`)).toEqual([
      'POST 201',
      'PATCH 200',
    ]);
    expect(api.violations).toEqual([]);
  });

  it('rejects a comment body over 65536 characters with 422 and stores nothing', async () => {
    const api = await serve();
    const octokit = client(api);

    const tooLong = await failure(
      octokit.rest.issues.createComment({
        owner: OWNER,
        repo: REPO,
        issue_number: 7,
        body: 'x'.repeat(65537),
      }),
    );
    const atLimit = await octokit.rest.issues.createComment({
      owner: OWNER,
      repo: REPO,
      issue_number: 7,
      body: 'x'.repeat(65536),
    });
    const editTooLong = await failure(
      octokit.rest.issues.updateComment({
        owner: OWNER,
        repo: REPO,
        comment_id: atLimit.data.id,
        body: 'y'.repeat(65537),
      }),
    );

    expect(tooLong.status).toBe(422);
    expect(tooLong.data).toEqual({
      message: 'Validation Failed',
      errors: [
        {
          resource: 'IssueComment',
          code: 'unprocessable',
          field: 'data',
          message: 'Body is too long (maximum is 65536 characters)',
        },
      ],
      documentation_url: 'https://docs.github.com/rest/issues/comments#create-an-issue-comment',
      status: '422',
    });
    expect(atLimit.status).toBe(201);
    expect(editTooLong.status).toBe(422);
    expect(
      api.issueComments(OWNER, REPO, 7).map((comment) => String(comment['body']).length),
    ).toEqual([65536]);
    expect(api.violations).toEqual([]);
  });

  it('answers 403 "Resource not accessible by integration" to writes with a read-only token, reads still work', async () => {
    const api = await serve();
    const octokit = client(api, TEST_TOKENS.readOnly);

    const comment = await failure(
      octokit.rest.issues.createComment({
        owner: OWNER,
        repo: REPO,
        issue_number: 7,
        body: 'hello',
      }),
    );
    const review = await failure(
      octokit.rest.pulls.createReview({
        owner: OWNER,
        repo: REPO,
        pull_number: 7,
        event: 'COMMENT',
        body: 'hello',
      }),
    );
    const listed = await octokit.rest.issues.listComments({
      owner: OWNER,
      repo: REPO,
      issue_number: 7,
    });
    const pull = await octokit.rest.pulls.get({ owner: OWNER, repo: REPO, pull_number: 7 });

    expect(comment.status).toBe(403);
    expect(comment.data).toEqual({
      message: 'Resource not accessible by integration',
      documentation_url: 'https://docs.github.com/rest/issues/comments#create-an-issue-comment',
      status: '403',
    });
    expect(review.status).toBe(403);
    expect(review.data).toMatchObject({ message: 'Resource not accessible by integration' });
    expect(listed.status).toBe(200);
    expect(pull.data.head.sha).toBe('a'.repeat(40));
    expect(api.issueComments(OWNER, REPO, 7)).toEqual([]);
    expect(api.reviews(OWNER, REPO, 7)).toEqual([]);
    expect(api.violations).toEqual([]);
  });

  it('answers GET /user as GitHub does for an installation token and for a personal token', async () => {
    const api = await serve();

    const asInstallation = await failure(client(api).rest.users.getAuthenticated());
    const asUser = await client(api, TEST_TOKENS.user).rest.users.getAuthenticated();

    expect(asInstallation.status).toBe(403);
    expect(asInstallation.data).toEqual({
      message: 'Resource not accessible by integration',
      documentation_url: 'https://docs.github.com/rest/users/users#get-the-authenticated-user',
      status: '403',
    });
    expect(asUser.data).toMatchObject({ login: 'octocat', type: 'User' });
    expect(api.violations).toEqual([]);
  });

  it('answers 401 to an unknown token and to none', async () => {
    const api = await serve();

    const unknown = await failure(
      client(api, 'ghs_not_a_token').rest.pulls.get({ owner: OWNER, repo: REPO, pull_number: 7 }),
    );
    // getOctokit insists on a token: ask without one over plain HTTP.
    const anonymous = await fetch(`${api.url}/repos/${OWNER}/${REPO}/pulls/7`);

    expect(unknown.status).toBe(401);
    expect(unknown.data).toMatchObject({ message: 'Bad credentials' });
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ message: 'Requires authentication' });
    expect(api.requests.map((request) => request.login)).toEqual([null, null]);
  });

  it('answers 404 for an unknown repository, issue or pull request', async () => {
    const api = await serve();
    const octokit = client(api);

    const statuses = await Promise.all([
      failure(octokit.rest.issues.listComments({ owner: OWNER, repo: 'nope', issue_number: 7 })),
      failure(
        octokit.rest.issues.createComment({ owner: OWNER, repo: REPO, issue_number: 8, body: 'x' }),
      ),
      failure(octokit.rest.pulls.get({ owner: OWNER, repo: REPO, pull_number: 8 })),
    ]);

    expect(
      statuses.map(({ status, data }) => [status, (data as { message: string }).message]),
    ).toEqual([
      [404, 'Not Found'],
      [404, 'Not Found'],
      [404, 'Not Found'],
    ]);
    expect(api.violations).toEqual([]);
  });

  it('serves the seeded pull request and its files, same-repository and fork', async () => {
    const api = await serve();
    api.addPullRequest({
      owner: OWNER,
      repo: REPO,
      number: 8,
      fork: { owner: 'mallory' },
      files: [{ filename: 'Dockerfile', patch: DOCKERFILE_PATCH }],
    });
    const octokit = client(api);

    const same = await octokit.rest.pulls.get({ owner: OWNER, repo: REPO, pull_number: 7 });
    const fork = await octokit.rest.pulls.get({ owner: OWNER, repo: REPO, pull_number: 8 });
    const files = await octokit.rest.pulls.listFiles({ owner: OWNER, repo: REPO, pull_number: 7 });

    expect(same.data.head).toMatchObject({
      sha: 'a'.repeat(40),
      ref: 'feature-7',
      repo: { full_name: `${OWNER}/${REPO}`, fork: false },
    });
    expect(same.data.base).toMatchObject({ ref: 'main', repo: { full_name: `${OWNER}/${REPO}` } });
    expect(fork.data.head.repo).toMatchObject({ full_name: `mallory/${REPO}`, fork: true });
    expect(fork.data.user.login).toBe('mallory');
    expect([same.data.author_association, fork.data.author_association]).toEqual([
      'COLLABORATOR',
      'CONTRIBUTOR',
    ]);
    expect(
      files.data.map(({ filename, status, additions, deletions, patch }) => ({
        filename,
        status,
        additions,
        deletions,
        patch,
      })),
    ).toEqual([
      {
        filename: 'Dockerfile',
        status: 'modified',
        additions: 2,
        deletions: 1,
        patch: DOCKERFILE_PATCH,
      },
      { filename: 'logo.png', status: 'added', additions: 0, deletions: 0, patch: undefined },
    ]);
    expect(api.violations).toEqual([]);
  });

  it('builds pull_request event payloads that pass GitHub webhook schema, for a same-repository and a fork PR', async () => {
    const api = await serve();
    api.addPullRequest({
      owner: OWNER,
      repo: REPO,
      number: 8,
      fork: true,
      headSha: 'b'.repeat(40),
    });

    const same = api.pullRequestEvent(OWNER, REPO, 7) as {
      action: string;
      number: number;
      pull_request: { head: { sha: string; repo: { full_name: string; fork: boolean } } };
      repository: { full_name: string };
    };
    const fork = api.pullRequestEvent(OWNER, REPO, 8, {
      action: 'synchronize',
      before: 'c'.repeat(40),
    }) as typeof same & {
      before: string;
      after: string;
    };

    expect(same).toMatchObject({
      action: 'opened',
      number: 7,
      pull_request: {
        head: { sha: 'a'.repeat(40), repo: { full_name: `${OWNER}/${REPO}`, fork: false } },
      },
      repository: { full_name: `${OWNER}/${REPO}` },
      sender: { login: 'octocat' },
    });
    expect(fork).toMatchObject({
      action: 'synchronize',
      before: 'c'.repeat(40),
      after: 'b'.repeat(40),
      pull_request: { head: { repo: { full_name: `outside-contributor/${REPO}`, fork: true } } },
      repository: { full_name: `${OWNER}/${REPO}` },
      sender: { login: 'outside-contributor' },
    });
  });

  it('creates a review with line comments on the right side of the diff and lists them back', async () => {
    const api = await serve();
    const octokit = client(api);

    const review = await octokit.rest.pulls.createReview({
      owner: OWNER,
      repo: REPO,
      pull_number: 7,
      event: 'COMMENT',
      body: 'nonroot-guard findings',
      comments: [
        { path: 'Dockerfile', line: 3, side: 'RIGHT', body: 'USER is numeric: good' },
        {
          path: 'Dockerfile',
          start_line: 1,
          start_side: 'RIGHT',
          line: 4,
          side: 'RIGHT',
          body: 'whole block',
        },
        { path: 'Dockerfile', line: 21, side: 'LEFT', body: 'removed line' },
      ],
    });
    const listed = await octokit.paginate(octokit.rest.pulls.listReviewComments, {
      owner: OWNER,
      repo: REPO,
      pull_number: 7,
    });

    expect(review.status).toBe(200);
    expect(review.data).toMatchObject({
      state: 'COMMENTED',
      body: 'nonroot-guard findings',
      commit_id: 'a'.repeat(40),
    });
    expect(
      listed.map(
        ({
          path,
          line,
          side,
          start_line,
          start_side,
          position,
          body,
          pull_request_review_id,
          user,
        }) => ({
          path,
          line,
          side,
          start_line,
          start_side,
          position,
          body,
          pull_request_review_id,
          login: user?.login,
        }),
      ),
    ).toEqual([
      {
        path: 'Dockerfile',
        line: 3,
        side: 'RIGHT',
        start_line: null,
        start_side: null,
        position: 3,
        body: 'USER is numeric: good',
        pull_request_review_id: review.data.id,
        login: ACTIONS_BOT.login,
      },
      {
        path: 'Dockerfile',
        line: 4,
        side: 'RIGHT',
        start_line: 1,
        start_side: 'RIGHT',
        position: 4,
        body: 'whole block',
        pull_request_review_id: review.data.id,
        login: ACTIONS_BOT.login,
      },
      {
        path: 'Dockerfile',
        line: 21,
        side: 'LEFT',
        start_line: null,
        start_side: null,
        position: 7,
        body: 'removed line',
        pull_request_review_id: review.data.id,
        login: ACTIONS_BOT.login,
      },
    ]);
    expect(listed[0]?.diff_hunk).toBe(
      '@@ -1,3 +1,4 @@\n FROM debian:bookworm-slim\n RUN apt-get update\n+USER 10001',
    );
    expect(api.reviews(OWNER, REPO, 7)).toEqual([review.data]);
    expect(api.violations).toEqual([]);
  });

  it('answers 422 like GitHub for a review comment outside the diff or on a file the PR does not touch', async () => {
    const api = await serve();
    const octokit = client(api);
    const review = (
      comments: { path: string; line: number; start_line?: number; body: string }[],
    ) =>
      failure(
        octokit.rest.pulls.createReview({
          owner: OWNER,
          repo: REPO,
          pull_number: 7,
          event: 'COMMENT',
          body: 'b',
          comments,
        }),
      );

    const outside = await review([{ path: 'Dockerfile', line: 10, body: 'not in a hunk' }]);
    const outsideWithStart = await review([
      { path: 'Dockerfile', start_line: 3, line: 22, body: 'across hunks' },
    ]);
    const backwards = await review([
      { path: 'Dockerfile', start_line: 4, line: 2, body: 'backwards' },
    ]);
    const otherFile = await review([{ path: 'README.md', line: 1, body: 'not in the PR' }]);
    const binary = await review([{ path: 'logo.png', line: 1, body: 'no patch' }]);

    expect(outside.status).toBe(422);
    expect(outside.data).toEqual({
      message: 'Unprocessable Entity',
      errors: [
        "Pull request review thread line must be part of the diff and Pull request review thread diff hunk can't be blank",
      ],
      documentation_url:
        'https://docs.github.com/rest/pulls/reviews#create-a-review-for-a-pull-request',
      status: '422',
    });
    expect(outsideWithStart.data).toMatchObject({
      errors: ['Pull request review thread start line must be part of the same hunk as the line.'],
    });
    expect(backwards.data).toMatchObject({
      errors: ['Pull request review thread start line must precede the end line.'],
    });
    expect(otherFile.data).toMatchObject({ errors: ['Path could not be resolved'] });
    expect(binary.data).toMatchObject({
      errors: [
        "Pull request review thread line must be part of the diff and Pull request review thread diff hunk can't be blank",
      ],
    });
    expect(api.reviews(OWNER, REPO, 7)).toEqual([]);
    expect(api.reviewComments(OWNER, REPO, 7)).toEqual([]);
    expect(api.violations).toEqual([]);
  });

  it('refuses what GitHub refuses of reviews: Actions approving, changes requested without a body', async () => {
    const api = await serve();
    const octokit = client(api);

    const approve = await failure(
      octokit.rest.pulls.createReview({
        owner: OWNER,
        repo: REPO,
        pull_number: 7,
        event: 'APPROVE',
      }),
    );
    const requestChanges = await failure(
      octokit.rest.pulls.createReview({
        owner: OWNER,
        repo: REPO,
        pull_number: 7,
        event: 'REQUEST_CHANGES',
      }),
    );

    expect(approve.data).toMatchObject({
      errors: ['GitHub Actions is not permitted to approve pull requests.'],
    });
    expect(requestChanges.data).toMatchObject({
      errors: ['You need to leave a comment indicating the requested changes.'],
    });
    expect(api.violations).toEqual([]);
  });

  it('records a request GitHub would reject as a violation and answers it with an error', async () => {
    const api = await serve();
    const octokit = client(api);

    const numericBody = await failure(
      octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
        owner: OWNER,
        repo: REPO,
        issue_number: 7,
        body: 42 as unknown as string,
      }),
    );
    const middle = await failure(
      octokit.rest.pulls.createReview({
        owner: OWNER,
        repo: REPO,
        pull_number: 7,
        event: 'COMMENT',
        comments: [{ path: 'Dockerfile', line: 3, side: 'MIDDLE', body: 'x' }],
      }),
    );
    const typo = await failure(
      // A misspelt field: GitHub would ignore it and put the comment on the default side.
      octokit.request('POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews', {
        owner: OWNER,
        repo: REPO,
        pull_number: 7,
        event: 'COMMENT',
        comments: [
          { path: 'Dockerfile', line: 3, sid: 'RIGHT', body: 'x' } as {
            path: string;
            body: string;
          },
        ],
      }),
    );
    const badQuery = await failure(
      octokit.request('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', {
        owner: OWNER,
        repo: REPO,
        issue_number: 7,
        perPage: 100,
      }),
    );

    expect([numericBody.status, middle.status, typo.status, badQuery.status]).toEqual([
      422, 422, 422, 422,
    ]);
    expect((numericBody.data as { message: string }).message).toBe(
      'Invalid request.\n\nbody/body must be string',
    );
    const where = `/repos/${OWNER}/${REPO}`;
    expect(api.violations).toEqual([
      `POST ${where}/issues/7/comments (issues/create-comment): body/body must be string`,
      `POST ${where}/pulls/7/reviews (pulls/create-review): body/comments/0/side must be one of ["LEFT","RIGHT"]`,
      `POST ${where}/pulls/7/reviews (pulls/create-review): body/comments/0 has a property the description does not know: "sid"`,
      `GET ${where}/issues/7/comments?perPage=100 (issues/list-comments): query has a property the description does not know: "perPage"`,
    ]);
    expect(api.issueComments(OWNER, REPO, 7)).toEqual([]);
  });

  it('records an endpoint GitHub does not have, or a wrong method, as a violation and answers 404', async () => {
    const api = await serve();
    const octokit = client(api);

    const unknown = await failure(
      octokit.request('GET /repos/{owner}/{repo}/no-such-thing', { owner: OWNER, repo: REPO }),
    );
    const wrongMethod = await failure(
      octokit.request('PUT /repos/{owner}/{repo}/issues/comments/{comment_id}', {
        owner: OWNER,
        repo: REPO,
        comment_id: 1,
        body: 'x',
      }),
    );
    const badNumber = await failure(octokit.request(`GET /repos/${OWNER}/${REPO}/pulls/seven`));

    expect([unknown.status, wrongMethod.status, badNumber.status]).toEqual([404, 404, 404]);
    expect(api.violations).toEqual([
      `GET /repos/${OWNER}/${REPO}/no-such-thing: no such endpoint in GitHub's REST API description`,
      `PUT /repos/${OWNER}/${REPO}/issues/comments/1: GitHub has no PUT for this path (only DELETE, GET, PATCH)`,
      `GET /repos/${OWNER}/${REPO}/pulls/seven (pulls/get): path parameters/pull_number must be integer`,
    ]);
  });

  it('checks its own answers against the response schema: a malformed body is a violation too', async () => {
    const api = await serve();
    api.failNext({ method: 'GET', status: 404, body: { message: 42 } });

    const answer = await failure(
      client(api).rest.pulls.get({ owner: OWNER, repo: REPO, pull_number: 7 }),
    );

    expect(answer.status).toBe(404);
    expect(api.violations).toEqual([
      `GET /repos/${OWNER}/${REPO}/pulls/7 (pulls/get): our response 404 body/message must be string`,
    ]);
  });

  it('injects faults: three 500s that a retrying client rides out, then success', async () => {
    const api = await serve();
    api.failNext({ method: 'POST', path: /\/comments$/, status: 500, times: 3 });
    const octokit = getOctokit(
      TEST_TOKENS.installation,
      { baseUrl: api.url, retry: { retryAfterBaseValue: 1 } },
      retry,
    );

    const created = await octokit.rest.issues.createComment({
      owner: OWNER,
      repo: REPO,
      issue_number: 7,
      body: 'after retries',
    });

    expect(created.status).toBe(201);
    expect(api.requests.map(({ method, status }) => `${method} ${status}`)).toEqual([
      'POST 500',
      'POST 500',
      'POST 500',
      'POST 201',
    ]);
    expect(api.issueComments(OWNER, REPO, 7).map((comment) => comment['body'])).toEqual([
      'after retries',
    ]);
    expect(api.violations).toEqual([]);
  });

  it('injects rate limits with GitHub headers, a 502 after the write, and slow answers', async () => {
    const api = await serve();
    const octokit = client(api);
    api.failNext({ path: `/repos/${OWNER}/${REPO}/pulls/7`, status: 429 });
    api.failNext({ method: 'GET', status: 403, rateLimit: 'secondary', retryAfterSeconds: 60 });
    api.failNext({ method: 'POST', status: 502, applyFirst: true });

    const primary = await failure(
      octokit.rest.pulls.get({ owner: OWNER, repo: REPO, pull_number: 7 }),
    );
    const secondary = await failure(
      octokit.rest.issues.listComments({ owner: OWNER, repo: REPO, issue_number: 7 }),
    );
    const lostAnswer = await failure(
      octokit.rest.issues.createComment({
        owner: OWNER,
        repo: REPO,
        issue_number: 7,
        body: 'landed',
      }),
    );
    api.delayNext({ method: 'GET', ms: 150 });
    const started = performance.now();
    await octokit.rest.issues.listComments({ owner: OWNER, repo: REPO, issue_number: 7 });
    const elapsed = performance.now() - started;

    expect(primary.status).toBe(429);
    expect(primary.headers['x-ratelimit-remaining']).toBe('0');
    expect(Number(primary.headers['x-ratelimit-reset'])).toBeGreaterThan(Date.now() / 1000 - 1);
    expect(secondary.status).toBe(403);
    expect(secondary.headers['retry-after']).toBe('60');
    expect(secondary.data).toMatchObject({
      message: expect.stringContaining('secondary rate limit'),
    });
    expect(lostAnswer.status).toBe(502);
    expect(api.issueComments(OWNER, REPO, 7).map((comment) => comment['body'])).toEqual(['landed']);
    expect(elapsed).toBeGreaterThanOrEqual(140);
    expect(api.violations).toEqual([]);
  });

  it('parses hunk headers into commentable lines and positions', () => {
    const lines = parsePatch(DOCKERFILE_PATCH);

    expect(
      lines.filter((line) => line.newLine !== null).map((line) => [line.newLine, line.position]),
    ).toEqual([
      [1, 1],
      [2, 2],
      [3, 3],
      [4, 4],
      [21, 6],
      [22, 8],
    ]);
    expect(() => parsePatch('+orphan line')).toThrow(/before any @@ hunk header/);
  });

  it('loads the description once per process and compiles each operation lazily', () => {
    const spent = gitHubDescriptionTimings();

    expect(spent.loadMs).toBeGreaterThan(0);
    expect(Object.keys(spent.compileMs)).toContain('pulls/create-review');
    console.info(
      `GitHub OpenAPI description: load ${spent.loadMs} ms; compile ms per operation ${JSON.stringify(spent.compileMs)}`,
    );
  });
});
