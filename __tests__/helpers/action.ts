import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from './docker.js';
import { runNode, type RunResult } from './run.js';

export interface ActionRun extends RunResult {
  outputs: Record<string, string>;
  summary: string;
  /** `::error::`, `::warning::` … workflow commands the step printed. */
  commands: { command: string; message: string }[];
}

/** Parses the GITHUB_OUTPUT file @actions/core writes (`name<<delimiter\nvalue\ndelimiter`). */
function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const pattern = /^([^<\n]+)<<(ghadelimiter_[0-9a-f-]+)\n([\s\S]*?)\n\2$/gm;
  for (const match of text.matchAll(pattern)) outputs[match[1]!] = match[3]!;
  return outputs;
}

function decodeCommandData(value: string): string {
  return value.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
}

/**
 * Runs `node dist/index.js` the way the runner does: inputs as INPUT_* (name
 * upper-cased, spaces to underscores), the runner's file commands as real
 * files, and the event as a JSON file.
 */
export async function runAction(
  inputs: Record<string, string>,
  options: { event?: object; eventName?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {},
): Promise<ActionRun> {
  const dir = await mkdtemp(join(tmpdir(), 'nonroot-guard-runner-'));
  const files = {
    GITHUB_OUTPUT: join(dir, 'output'),
    GITHUB_STEP_SUMMARY: join(dir, 'summary.md'),
    GITHUB_EVENT_PATH: join(dir, 'event.json'),
    GITHUB_ENV: join(dir, 'env'),
    GITHUB_STATE: join(dir, 'state'),
    GITHUB_PATH: join(dir, 'path'),
  };
  // The event file once, with the event: written empty as well, side by side, whichever
  // write ended last won, and the action sometimes read an empty payload.
  const { GITHUB_EVENT_PATH: eventPath, ...empty } = files;
  await Promise.all([
    ...Object.values(empty).map((file) => writeFile(file, '')),
    writeFile(eventPath, JSON.stringify(options.event ?? {})),
  ]);
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.startsWith('INPUT_') && !key.startsWith('GITHUB_')) env[key] = value;
  }
  Object.assign(env, files, {
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_WORKSPACE: REPO_ROOT,
    GITHUB_REPOSITORY: 'octo-org/octo-app',
    GITHUB_EVENT_NAME: options.eventName ?? 'push',
    GITHUB_API_URL: 'http://127.0.0.1:9/unreachable',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_RUN_ID: '1',
    RUNNER_TEMP: dir,
    RUNNER_OS: 'Linux',
  });
  for (const [name, value] of Object.entries(inputs)) {
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
  }
  Object.assign(env, options.env);
  const result = await runNode('dist/index.js', [], {
    env,
    cwd: REPO_ROOT,
    timeoutMs: options.timeoutMs,
  });
  const commands = [...result.stdout.matchAll(/^::(error|warning|notice)[^:]*::(.*)$/gm)].map(
    (match) => ({ command: match[1]!, message: decodeCommandData(match[2]!) }),
  );
  return {
    ...result,
    outputs: parseOutputFile(await readFile(files.GITHUB_OUTPUT, 'utf8')),
    summary: await readFile(files.GITHUB_STEP_SUMMARY, 'utf8'),
    commands,
  };
}
