import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from './docker.js';

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a committed bundle with the Node that runs the tests (24), as a user or the runner would. */
export function runNode(
  script: 'dist/cli.js' | 'dist/index.js',
  args: string[],
  options: {
    env?: NodeJS.ProcessEnv;
    cwd?: string;
    timeoutMs?: number;
    /** Where the bundle's dist/ is: the repository's, or a copy (helpers/lowered-probe). */
    root?: string;
  } = {},
): Promise<RunResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [join(options.root ?? REPO_ROOT, script), ...args],
      {
        cwd: options.cwd ?? REPO_ROOT,
        env: options.env ?? process.env,
        maxBuffer: 32 * 1024 * 1024,
        timeout: options.timeoutMs ?? 300_000,
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

export const cli = (args: string[], options?: Parameters<typeof runNode>[2]) =>
  runNode('dist/cli.js', args, options);

/** A stack trace in front of a user is a bug: no "    at " frames, ever. */
export const STACK_FRAME = /^\s+at .+:\d+:\d+\)?$/m;
