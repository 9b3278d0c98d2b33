import * as core from '@actions/core';
import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { readInputFile } from '../shared/files.js';
import { dirname, join, resolve } from 'node:path';
import { check } from '../check/check.js';
import { CheckError, describeError } from '../shared/errors.js';
import { runBuildCommand } from '../source/build-command.js';
import { runCommand } from '../source/command.js';
import { Docker } from '../source/docker/docker.js';
import { localEngineSocket } from '../source/docker/engine-api.js';
import { DockerSource } from '../source/docker/source.js';
import type { EarlyCalls } from '../source/docker/early-calls.js';
import { checkEnvironment } from '../options/environment.js';
import { INPUT_OPTIONS, type RawOptions } from '../options/options.js';
import { parseOptions, type CheckOptions } from '../options/parse.js';
import type { RunContext } from '../github/publish.js';
import { parseRepository, pullRequestOf } from '../github/pull-request.js';
import { planAnnotations } from '../report/annotations.js';
import { renderJson } from '../report/json.js';
import { renderSummary } from '../report/comment.js';
import { renderSarif } from '../report/sarif.js';
import { renderText } from '../report/text.js';
import { parseReport } from '../report/schema.js';
import type { Report } from '../report/types.js';
import { VERSION } from '../shared/version.js';

/** The action's inputs as raw strings, one per option of the table; defaults and validation are the schema's. */
function readInputs(): RawOptions {
  const raw: RawOptions = {};
  for (const { key, list } of INPUT_OPTIONS) {
    raw[key] = list
      ? core.getMultilineInput(key).filter((line) => line.trim() !== '')
      : core.getInput(key) || undefined;
  }
  // A secret's value is masked in the log whatever passed it in (a secret, or text built in the workflow).
  for (const line of (raw.secrets as string[] | undefined) ?? []) {
    const value = line.slice(line.indexOf('=') + 1);
    if (value) core.setSecret(value);
  }
  return raw;
}

/** The run as the runner describes it: the event, the repository, where the API and the run page are. */
function readRunContext(prNumber: number | undefined): RunContext {
  const env = process.env;
  const eventName = env['GITHUB_EVENT_NAME'] ?? '';
  let payload: Record<string, unknown> = {};
  try {
    if (env['GITHUB_EVENT_PATH'])
      payload = JSON.parse(readFileSync(env['GITHUB_EVENT_PATH'], 'utf8'));
  } catch (error) {
    core.warning(`could not read the event payload: ${(error as Error).message}`);
  }
  const repository = parseRepository(env['GITHUB_REPOSITORY']);
  const serverUrl = env['GITHUB_SERVER_URL'] || 'https://github.com';
  return {
    eventName,
    target: repository ? pullRequestOf(eventName, payload, repository, prNumber) : null,
    apiUrl: env['GITHUB_API_URL'] || 'https://api.github.com',
    serverUrl,
    runUrl:
      repository && env['GITHUB_RUN_ID']
        ? `${serverUrl}/${repository.owner}/${repository.repo}/actions/runs/${env['GITHUB_RUN_ID']}`
        : undefined,
    actor: env['GITHUB_ACTOR'],
  };
}

/** Which comment is this image's, when the comment-id input does not say: the image, else its Dockerfile. */
function defaultCommentId(options: CheckOptions): string {
  if (options.image) return options.image;
  const dockerfile = options.dockerfile ?? join(options.context ?? '.', 'Dockerfile');
  return options.target ? `${dockerfile}#${options.target}` : dockerfile;
}

async function writeReportFile(report: Report): Promise<string> {
  const directory = process.env['RUNNER_TEMP'] || process.cwd();
  const path = join(directory, `nonroot-guard-report-${process.pid}.json`);
  await writeFile(path, renderJson(report));
  return path;
}

/** One annotation per finding on its line, within GitHub's limits. */
function annotate(report: Report): void {
  const emit = { error: core.error, warning: core.warning, notice: core.notice };
  for (const annotation of planAnnotations(report)) {
    emit[annotation.severity](annotation.message, {
      title: annotation.title,
      file: annotation.file,
      startLine: annotation.line,
    });
  }
}

/** SARIF for github/codeql-action/upload-sarif, at the `sarif-file` input or in RUNNER_TEMP. */
async function writeSarifFile(report: Report, requested: string | undefined): Promise<string> {
  const workspace = process.env['GITHUB_WORKSPACE'] || process.cwd();
  const path = requested
    ? resolve(workspace, requested)
    : join(process.env['RUNNER_TEMP'] || workspace, `nonroot-guard-${process.pid}.sarif`);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, renderSarif(report));
  return path;
}

/** The action: the only module that talks to @actions/core. */
export async function run(early?: EarlyCalls): Promise<void> {
  let report: Report | undefined;
  let failure: string | undefined;
  try {
    if (process.platform !== 'linux') {
      throw new CheckError(
        'platform',
        `Non-root Guard checks Linux images and runs on Linux runners; this runner is ${process.platform}`,
        'Use runs-on: ubuntu-latest (Docker is preinstalled there).',
      );
    }
    checkEnvironment();
    const options = parseOptions(readInputs(), '');
    const run = readRunContext(options.prNumber);
    if (options.reportFile) {
      // Posting another run's report (a fork's, from its artifact): nothing is built or run here.
      report = await readReportFile(options.reportFile);
      core.info(renderText(report));
      await setOutputs(report, options.reportFile, options);
      core.info(
        `Posted from ${options.reportFile}: the verdict (${report.verdict}) is the checking run's, so this step does not fail on it.`,
      );
      await publish(report, options, run, report.dockerfile?.path ?? report.image.ref);
      return;
    }
    if (run.eventName === 'pull_request_target' && (options.context || options.buildCommand)) {
      core.warning(
        'This workflow builds code from the pull request on pull_request_target, where the token can write and secrets are available: a pull request can take them. Use pull_request (see the README, "Fork pull requests").',
      );
    }
    report = await check(options, {
      source: new DockerSource(new Docker(runCommand, 'docker', early, localEngineSocket())),
      runBuildCommand,
      log: (text) => process.stdout.write(text),
      group: (title, work) => core.group(title, work),
      cwd: process.env['GITHUB_WORKSPACE'] || process.cwd(),
      version: VERSION,
    });
    core.info(renderText(report));
    annotate(report);
    await setOutputs(report, await writeReportFile(report), options);
    if (report.verdict === 'fail') failure = failureMessage(report);
    await publish(report, options, run, defaultCommentId(options));
  } catch (error) {
    failure = describeError(error);
  } finally {
    await writeSummary(report, failure);
  }
  if (failure) core.setFailed(failure);
}

async function setOutputs(report: Report, reportPath: string, options: CheckOptions) {
  core.setOutput('verdict', report.verdict);
  core.setOutput('user', report.user.config);
  core.setOutput('uid', report.user.uid === null ? '' : String(report.user.uid));
  core.setOutput('findings', String(report.findings.length));
  core.setOutput('report', reportPath);
  core.setOutput('sarif', await writeSarifFile(report, options.sarifFile));
}

/** The comment and the suggestions; reporting never changes the verdict, even when it breaks. */
async function publish(report: Report, options: CheckOptions, run: RunContext, commentId: string) {
  try {
    // Octokit is a chunk of its own: loaded after the check, and only by the action.
    const { publishToPullRequest } = await import('../github/publish.js');
    await publishToPullRequest(report, { ...options, defaultCommentId: commentId }, run, {
      info: core.info,
      notice: core.notice,
      warning: core.warning,
    });
  } catch (error) {
    core.warning(`could not report on the pull request: ${describeError(error)}`);
  }
}

/** Largest report-file read: a report of 100,000 findings is well below it. */
const REPORT_FILE_LIMIT = 64 * 1024 * 1024;

/** A report written by another run, which may come from a fork: validated before anything renders it. */
async function readReportFile(path: string): Promise<Report> {
  const workspace = process.env['GITHUB_WORKSPACE'] || process.cwd();
  const full = resolve(workspace, path);
  const hint =
    "Give the JSON report of a Non-root Guard run (its `report` output), e.g. downloaded from that run's artifact.";
  let text: string;
  try {
    text = await readInputFile(full, `report-file ${path}`, REPORT_FILE_LIMIT, hint);
  } catch (error) {
    if (error instanceof CheckError) throw new CheckError('usage', error.message, hint);
    throw new CheckError('usage', `report-file ${path}: cannot read it (no such file)`, hint);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new CheckError(
      'usage',
      `report-file ${path}: not JSON (${(error as Error).message})`,
      hint,
    );
  }
  const parsed = parseReport(value);
  if ('problem' in parsed) {
    throw new CheckError(
      'usage',
      `report-file ${path}: not a Non-root Guard report (schemaVersion 1): ${parsed.problem}`,
      hint,
    );
  }
  return parsed.report;
}

/** Why the step fails, counting only the findings that fail it under fail-on. */
export function failureMessage(report: Report): string {
  if (report.blocked) return `Non-root Guard: ${report.image.ref}: ${report.blocked}`;
  const { error, warning } = report.summary;
  const parts = [`${error} error${error === 1 ? '' : 's'}`];
  if (report.policy.failOn === 'warning')
    parts.push(`${warning} warning${warning === 1 ? '' : 's'}`);
  const counted = parts.filter((part) => !part.startsWith('0 ')).join(' and ');
  return `Non-root Guard: ${report.image.ref} fails the policy with ${counted} (fail-on: ${report.policy.failOn})`;
}

/** The job summary is written even when the check failed, so the reason is on the run page. */
async function writeSummary(report: Report | undefined, failure: string | undefined) {
  if (!process.env['GITHUB_STEP_SUMMARY']) return;
  try {
    if (report) core.summary.addRaw(renderSummary(report), true);
    else
      core.summary
        .addHeading('❌ Non-root Guard could not check the image', 3)
        .addCodeBlock(failure ?? '');
    await core.summary.write();
  } catch (error) {
    core.warning(`could not write the job summary: ${(error as Error).message}`);
  }
}
