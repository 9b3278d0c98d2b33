import * as core from '@actions/core';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { check } from './check.js';
import { CheckError, describeError } from './errors.js';
import { runBuildCommand } from './image/build-command.js';
import { Docker } from './image/docker.js';
import { parseOptions, type RawOptions } from './options.js';
import { planAnnotations } from './report/annotations.js';
import { renderJson } from './report/json.js';
import { renderMarkdown } from './report/markdown.js';
import { renderSarif } from './report/sarif.js';
import { renderText } from './report/text.js';
import type { Report } from './report/types.js';
import { VERSION } from './version.js';

/** The action's inputs as raw strings; defaults and validation live in options.ts. */
function readInputs(): RawOptions {
  const lines = (name: string) => core.getMultilineInput(name).filter((line) => line.trim() !== '');
  return {
    image: core.getInput('image'),
    context: core.getInput('context'),
    dockerfile: core.getInput('dockerfile'),
    target: core.getInput('target'),
    'build-args': lines('build-args'),
    platform: core.getInput('platform'),
    pull: core.getInput('pull'),
    'build-command': core.getInput('build-command'),
    policy: core.getInput('policy'),
    preset: core.getInput('preset') || undefined,
    manifests: lines('manifests'),
    'fail-on': core.getInput('fail-on') || undefined,
    probe: core.getInput('probe') || undefined,
    'sarif-file': core.getInput('sarif-file'),
  };
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
export async function run(): Promise<void> {
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
    const options = parseOptions(readInputs(), '');
    report = await check(options, {
      docker: new Docker(),
      runBuildCommand,
      log: (text) => process.stdout.write(text),
      group: (title, work) => core.group(title, work),
      cwd: process.env['GITHUB_WORKSPACE'] || process.cwd(),
      version: VERSION,
    });
    core.info(renderText(report));
    annotate(report);
    core.setOutput('verdict', report.verdict);
    core.setOutput('user', report.user.config);
    core.setOutput('uid', report.user.uid === null ? '' : String(report.user.uid));
    core.setOutput('findings', String(report.findings.length));
    core.setOutput('report', await writeReportFile(report));
    core.setOutput('sarif', await writeSarifFile(report, options.sarifFile));
    if (report.verdict === 'fail') failure = failureMessage(report);
  } catch (error) {
    failure = describeError(error);
  } finally {
    await writeSummary(report, failure);
  }
  if (failure) core.setFailed(failure);
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
    if (report) core.summary.addRaw(renderMarkdown(report), true);
    else
      core.summary
        .addHeading('❌ Non-root Guard could not check the image', 3)
        .addCodeBlock(failure ?? '');
    await core.summary.write();
  } catch (error) {
    core.warning(`could not write the job summary: ${(error as Error).message}`);
  }
}
