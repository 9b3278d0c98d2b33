import { readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import {
  afterEach,
  beforeAll,
  beforeEach,
  describe,
  expect,
  inject,
  it,
  onTestFailed,
} from 'vitest';
import { runAction, type ActionRun } from '../helpers/action.js';
import { buildImage, FIXTURES } from '../helpers/docker.js';
import { startGitHubApi, TEST_TOKENS, type GitHubApi } from '../helpers/github-api.js';
import { STACK_FRAME } from '../helpers/run.js';

/**
 * The action as the runner runs it on pull_request events, against the local
 * GitHub API stand-in (every request checked against GitHub's OpenAPI
 * description) and real images.
 */

const OWNER = 'octo-org';
const REPO = 'octo-app';
const PR = 7;
const HEAD = 'c0ffee0000000000000000000000000000000001';
const FAILING = {
  image: 'nonroot-guard-pr/root:test',
  dockerfile: 'fixtures/images/root-by-default/Dockerfile',
};
const PASSING = {
  image: 'nonroot-guard-pr/app-uid:test',
  dockerfile: 'fixtures/images/app-uid-dotnet-base/Dockerfile',
};
const MARKER = '<!-- nonroot-guard:comment api -->';

/** The pull request adds both Dockerfiles whole, so every line of them is in its diff. */
async function addedFilePatch(path: string): Promise<string> {
  const lines = (await readFile(join(FIXTURES, '..', path), 'utf8')).replace(/\n$/, '').split('\n');
  return [`@@ -0,0 +1,${lines.length} @@`, ...lines.map((line) => `+${line}`)].join('\n');
}

let api: GitHubApi;

async function seedPullRequest(options: { fork?: boolean } = {}) {
  api.addPullRequest({
    owner: OWNER,
    repo: REPO,
    number: PR,
    headSha: HEAD,
    fork: options.fork ? { owner: 'mallory' } : undefined,
    files: await Promise.all(
      [FAILING.dockerfile, PASSING.dockerfile].map(async (filename) => ({
        filename,
        status: 'added' as const,
        patch: await addedFilePatch(filename),
      })),
    ),
  });
}

function runOnPullRequest(
  image: { image: string; dockerfile: string },
  inputs: Record<string, string> = {},
  options: { token?: string; env?: NodeJS.ProcessEnv; event?: object } = {},
): Promise<ActionRun> {
  const run = runAction(
    {
      ...image,
      'comment-id': 'api',
      'github-token': options.token ?? TEST_TOKENS.installation,
      ...inputs,
    },
    {
      eventName: 'pull_request',
      event: options.event ?? api.pullRequestEvent(OWNER, REPO, PR),
      env: {
        GITHUB_API_URL: api.url,
        GITHUB_REPOSITORY: `${OWNER}/${REPO}`,
        GITHUB_RUN_ID: '42',
        ...options.env,
      },
    },
  );
  // A failing assertion after the run shows what the step printed.
  void run.then((result) => onTestFailed(() => console.log(result.stdout, result.stderr)));
  return run;
}

/** A same-repository pull_request payload without the stand-in (for an unreachable API). */
function pullRequestPayload() {
  const repo = { full_name: `${OWNER}/${REPO}` };
  return {
    action: 'opened',
    number: PR,
    pull_request: {
      number: PR,
      head: { sha: HEAD, repo },
      base: { repo },
      user: { login: 'octocat' },
    },
  };
}

/** A local URL where nothing listens (a port just released). */
async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}`;
}

const writes = () => api.requests.filter((request) => request.method !== 'GET');
const summaryOf = (request: { method: string; path: string; status: number }) =>
  `${request.method} ${request.path} ${request.status}`;

describe.skipIf(!inject('docker'))('the action on a pull request', () => {
  beforeAll(async () => {
    await buildImage(join(FIXTURES, 'images/root-by-default'), FAILING.image);
    await buildImage(join(FIXTURES, 'images/app-uid-dotnet-base'), PASSING.image);
  });

  beforeEach(async () => {
    api = await startGitHubApi();
  });

  afterEach(async () => {
    expect(api.violations).toEqual([]);
    await api.close();
  });

  it('creates one comment, then updates it, then says the image passes; one review of suggestions', async () => {
    await seedPullRequest();

    const first = await runOnPullRequest(FAILING);
    expect(first.code, first.stdout + first.stderr).toBe(1);
    expect(first.outputs).toMatchObject({ verdict: 'fail', uid: '0' });
    expect(writes().map(summaryOf)).toEqual([
      `POST /repos/${OWNER}/${REPO}/issues/${PR}/comments 201`,
      `POST /repos/${OWNER}/${REPO}/pulls/${PR}/reviews 200`,
    ]);
    const [comment] = api.issueComments(OWNER, REPO, PR);
    const body = comment!['body'] as string;
    expect(body.split('\n')[0]).toBe(MARKER);
    expect(body.split('\n')[1]).toBe(
      '### ❌ Non-root Guard: fail — <code>nonroot&#45;guard&#45;pr/root&#58;test</code> (3 errors)',
    );
    expect(body).toContain(
      `| 🔴 error | NR001<br><sub>user-not-set</sub> | <a href="https://github.com/${OWNER}/${REPO}/blob/${HEAD}/fixtures/images/root-by-default/Dockerfile#L1">line 1</a> |`,
    );
    expect(body).toContain('```diff\n--- a/fixtures/images/root-by-default/Dockerfile');
    expect(body).toContain(
      `checked ${HEAD.slice(0, 7)} · [run](https://github.com/${OWNER}/${REPO}/actions/runs/42)`,
    );
    expect(first.stdout).toContain(
      `Wrote the PR comment: https://github.com/${OWNER}/${REPO}/pull/${PR}#issuecomment-`,
    );

    const [review] = api.reviews(OWNER, REPO, PR);
    expect(review).toMatchObject({ commit_id: HEAD, state: 'COMMENTED' });
    const suggestions = api.reviewComments(OWNER, REPO, PR);
    expect(suggestions.length).toBeGreaterThan(0);
    for (const suggestion of suggestions) {
      expect(suggestion).toMatchObject({ path: FAILING.dockerfile, side: 'RIGHT' });
      expect(suggestion['body']).toMatch(
        /^<!-- nonroot-guard:suggestion -->\n\*\*NR001, NR010\*\*.*\n\n```suggestion\n/,
      );
    }

    const second = await runOnPullRequest(FAILING);
    expect(second.code, second.stdout + second.stderr).toBe(1);
    expect(writes().slice(2).map(summaryOf)).toEqual([
      `PATCH /repos/${OWNER}/${REPO}/issues/comments/${comment!['id']} 200`,
    ]);
    expect(second.stdout).toContain('The review suggestions are already on the pull request.');
    expect(api.issueComments(OWNER, REPO, PR)).toHaveLength(1);
    expect(api.reviews(OWNER, REPO, PR)).toHaveLength(1);

    const fixed = await runOnPullRequest(PASSING);
    expect(fixed.code, fixed.stdout + fixed.stderr).toBe(0);
    const comments = api.issueComments(OWNER, REPO, PR);
    expect(comments).toHaveLength(1);
    expect((comments[0]!['body'] as string).split('\n')[1]).toMatch(
      /^### ✅ Non-root Guard: pass — <code>nonroot&#45;guard&#45;pr\/app&#45;uid&#58;test<\/code>/,
    );
    expect(
      writes()
        .slice(3)
        .map((request) => request.method),
    ).toEqual(['PATCH']);
  });

  it('writes nothing on a first run that passes cleanly (comment: auto), and does with comment: always', async () => {
    await seedPullRequest();
    const quiet = await runOnPullRequest(PASSING);
    expect(quiet.code, quiet.stdout + quiet.stderr).toBe(0);
    expect(writes()).toEqual([]);
    expect(quiet.stdout).toContain(
      'No PR comment: the image passes with no findings, and there is no earlier comment to update.',
    );
    const always = await runOnPullRequest(PASSING, { comment: 'always' });
    expect(always.code, always.stdout + always.stderr).toBe(0);
    expect(writes().map((request) => request.method)).toEqual(['POST']);
  });

  it('keeps one comment per comment-id, found on a later page among many', async () => {
    await seedPullRequest();
    for (let index = 0; index < 120; index++) {
      api.addIssueComment({
        owner: OWNER,
        repo: REPO,
        issueNumber: PR,
        body: `chatter ${index}`,
        author: { login: 'octocat' },
      });
    }
    await runOnPullRequest(FAILING, { suggestions: 'false' });
    await runOnPullRequest(FAILING, { suggestions: 'false' });
    await runOnPullRequest(FAILING, { suggestions: 'false', 'comment-id': 'worker' });
    const ours = api
      .issueComments(OWNER, REPO, PR)
      .filter((comment) => !(comment['body'] as string).startsWith('chatter'));
    expect(ours.map((comment) => (comment['body'] as string).split('\n')[0])).toEqual([
      MARKER,
      '<!-- nonroot-guard:comment worker -->',
    ]);
    const reads = api.requests.filter(
      (request) => request.method === 'GET' && request.path.endsWith(`/issues/${PR}/comments`),
    );
    // Each run pages until its comment turns up: ours is on page 2, after 120 others.
    expect(reads.map((request) => request.query['page'] ?? '1')).toEqual([
      '1',
      '2',
      '1',
      '2',
      '1',
      '2',
    ]);
  });

  it('ignores a forged marker in a comment it did not write', async () => {
    await seedPullRequest();
    const forged = api.addIssueComment({
      owner: OWNER,
      repo: REPO,
      issueNumber: PR,
      body: `${MARKER}\n### ✅ Non-root Guard: pass (forged)`,
      author: { login: 'mallory', type: 'User' },
    });
    const run = await runOnPullRequest(FAILING, { suggestions: 'false' });
    expect(run.code, run.stdout + run.stderr).toBe(1);
    expect(writes().map((request) => request.method)).toEqual(['POST']);
    const comments = api.issueComments(OWNER, REPO, PR);
    expect(comments[0]).toEqual(forged);
    expect(comments).toHaveLength(2);
  });

  it('on a fork pull request writes nothing, says why, and fails only on the verdict', async () => {
    await seedPullRequest({ fork: true });
    const passing = await runOnPullRequest(
      PASSING,
      { comment: 'always' },
      { token: TEST_TOKENS.readOnly },
    );
    expect(passing.code, passing.stdout + passing.stderr).toBe(0);
    const failing = await runOnPullRequest(FAILING, {}, { token: TEST_TOKENS.readOnly });
    expect(failing.code, failing.stdout + failing.stderr).toBe(1);
    expect(api.requests).toEqual([]);
    const notice = failing.commands.find((command) => command.command === 'notice');
    expect(notice?.message).toBe(
      `Non-root Guard wrote no PR comment: pull request #${PR} comes from the fork mallory/${REPO}, and GitHub gives workflows on fork pull requests a read-only token. The findings are in the annotations and the job summary; to comment on fork pull requests, see the README, "Fork pull requests".`,
    );
    expect(failing.commands.filter((command) => command.command === 'error').at(-1)?.message).toBe(
      'Non-root Guard: nonroot-guard-pr/root:test fails the policy with 3 errors (fail-on: error)',
    );
    expect(failing.summary).toContain('### ❌ Non-root Guard: fail');
  });

  it('turns a refused write into a warning naming the permission, and keeps the verdict', async () => {
    await seedPullRequest();
    const run = await runOnPullRequest(
      PASSING,
      { comment: 'always' },
      { token: TEST_TOKENS.readOnly },
    );
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.commands).toContainEqual({
      command: 'warning',
      message:
        'could not write the PR comment: the token lacks the permission (403 Resource not accessible by integration). Give the job `permissions: pull-requests: write`; on pull requests from forks the token is always read-only (see the README, "Fork pull requests").',
    });
    expect(api.issueComments(OWNER, REPO, PR)).toEqual([]);
  });

  it('says a refusal on a Dependabot pull request is expected, in a notice', async () => {
    await seedPullRequest();
    const run = await runOnPullRequest(
      PASSING,
      { comment: 'always' },
      {
        token: TEST_TOKENS.readOnly,
        env: { GITHUB_ACTOR: 'dependabot[bot]' },
      },
    );
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.commands.filter((command) => command.command === 'warning')).toEqual([]);
    expect(run.commands).toContainEqual({
      command: 'notice',
      message:
        "Non-root Guard could not write the PR comment: Dependabot's pull requests get a read-only token unless the workflow grants `permissions: pull-requests: write`. The findings are in the annotations and the job summary.",
    });
  });

  it('retries a 500 twice, then warns, and the step still passes', async () => {
    await seedPullRequest();
    api.failNext({
      method: 'POST',
      path: `/repos/${OWNER}/${REPO}/issues/${PR}/comments`,
      status: 500,
      times: 3,
    });
    const run = await runOnPullRequest(PASSING, { comment: 'always' });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(writes().map((request) => request.status)).toEqual([500, 500, 500]);
    const warning = run.commands.find((command) => command.command === 'warning');
    expect(warning?.message).toMatch(
      /^could not write the PR comment: GitHub's API failed \(500 .*\) after retries\. The verdict stands; re-run the job to post the report\.$/,
    );
    expect(run.stdout).not.toMatch(STACK_FRAME);
    expect(api.issueComments(OWNER, REPO, PR)).toEqual([]);
  });

  it('turns a 422 on the review into a warning, after the comment is written', async () => {
    await seedPullRequest();
    api.failNext({
      method: 'POST',
      path: `/repos/${OWNER}/${REPO}/pulls/${PR}/reviews`,
      status: 422,
    });
    const run = await runOnPullRequest(FAILING);
    expect(run.code, run.stdout + run.stderr).toBe(1);
    expect(api.issueComments(OWNER, REPO, PR)).toHaveLength(1);
    const warning = run.commands.find((command) => command.command === 'warning');
    expect(warning?.message).toMatch(
      /^could not post the review suggestions: GitHub refused the request \(422 /,
    );
    expect(run.commands.filter((command) => command.command === 'error').at(-1)?.message).toBe(
      'Non-root Guard: nonroot-guard-pr/root:test fails the policy with 3 errors (fail-on: error)',
    );
  });

  it('turns an unreachable API into a warning, and the step still passes', async () => {
    const run = await runOnPullRequest(
      PASSING,
      { comment: 'always' },
      { env: { GITHUB_API_URL: await closedPortUrl() }, event: pullRequestPayload() },
    );
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const warnings = run.commands.filter((command) => command.command === 'warning');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.message).toMatch(
      /^could not write the PR comment: GitHub's API did not answer \(.*\), also after retries\. The verdict stands; re-run the job to post the report\.$/,
    );
    expect(run.stdout).not.toMatch(STACK_FRAME);
  });

  it('warns when it builds pull request code on pull_request_target', async () => {
    await seedPullRequest();
    const run = await runAction(
      {
        context: 'fixtures/images/user-1654',
        image: 'nonroot-guard-pr/target:test',
        comment: 'off',
        suggestions: 'false',
      },
      { eventName: 'pull_request_target', event: api.pullRequestEvent(OWNER, REPO, PR) },
    );
    expect(run.commands[0]).toEqual({
      command: 'warning',
      message:
        'This workflow builds code from the pull request on pull_request_target, where the token can write and secrets are available: a pull request can take them. Use pull_request (see the README, "Fork pull requests").',
    });
  });

  it('posts a report file for a pull request named by pr-number (the fork-safe recipe), and refuses a tampered one', async () => {
    await seedPullRequest({ fork: true });
    // The checking run: on the fork's pull_request, read-only, comment off.
    const check = await runOnPullRequest(
      FAILING,
      { comment: 'off' },
      { token: TEST_TOKENS.readOnly },
    );
    expect(check.code, check.stdout + check.stderr).toBe(1);
    expect(api.requests).toEqual([]);
    // The posting run: workflow_run, write token, only the report.
    const post = await runAction(
      {
        'report-file': check.outputs['report']!,
        'pr-number': String(PR),
        'github-token': TEST_TOKENS.installation,
      },
      {
        eventName: 'workflow_run',
        event: { action: 'completed', workflow_run: { id: 1, event: 'pull_request' } },
        env: {
          GITHUB_API_URL: api.url,
          GITHUB_REPOSITORY: `${OWNER}/${REPO}`,
          GITHUB_RUN_ID: '43',
        },
      },
    );
    expect(post.code, post.stdout + post.stderr).toBe(0);
    expect(post.outputs).toMatchObject({ verdict: 'fail', uid: '0' });
    expect(writes().map(summaryOf)).toEqual([
      `POST /repos/${OWNER}/${REPO}/issues/${PR}/comments 201`,
      `POST /repos/${OWNER}/${REPO}/pulls/${PR}/reviews 200`,
    ]);
    expect(api.requests.map((request) => request.method + ' ' + request.path)).toContain(
      `GET /repos/${OWNER}/${REPO}/pulls/${PR}`,
    );
    const body = api.issueComments(OWNER, REPO, PR)[0]!['body'] as string;
    expect(body.split('\n')[0]).toBe(
      '<!-- nonroot-guard:comment fixtures%2Fimages%2Froot-by-default%2FDockerfile -->',
    );

    const tampered = JSON.parse(await readFile(check.outputs['report']!, 'utf8'));
    tampered.findings[0].rule = '<img src=x onerror=alert(1)>';
    const path = join(post.outputs['report']!, '..', 'tampered.json');
    await writeFile(path, JSON.stringify(tampered));
    const refused = await runAction(
      { 'report-file': path, 'pr-number': String(PR), 'github-token': TEST_TOKENS.installation },
      {
        eventName: 'workflow_run',
        env: { GITHUB_API_URL: api.url, GITHUB_REPOSITORY: `${OWNER}/${REPO}` },
      },
    );
    expect(refused.code, refused.stdout + refused.stderr).toBe(1);
    expect(refused.commands[0]).toEqual({
      command: 'error',
      message: `report-file ${path}: not a Non-root Guard report (schemaVersion 1): findings.0.rule: Invalid string: must match pattern /^NR\\d{3}$/\nFix: Give the JSON report of a Non-root Guard run (its \`report\` output), e.g. downloaded from that run's artifact.`,
    });
    expect(writes()).toHaveLength(2);
  });
});
