import { CheckError } from '../shared/errors.js';
import type { BuildCommandRunner } from './acquire.js';

/**
 * @actions/exec splits the command line into argv the way the runner does
 * (quotes respected) and runs it without a shell: a workflow author who needs
 * pipes or `&&` writes `bash -c "…"` and says so. Loaded only by checks that
 * have a build command (it is a chunk of its own).
 */
export const runBuildCommand: BuildCommandRunner = async (commandLine, cwd, onOutput) => {
  const { getExecOutput } = await import('@actions/exec');
  try {
    const result = await getExecOutput(commandLine, [], {
      cwd,
      ignoreReturnCode: true,
      silent: true,
      listeners: {
        stdout: (data) => onOutput(data.toString()),
        stderr: (data) => onOutput(data.toString()),
      },
    });
    return { exitCode: result.exitCode, output: `${result.stdout}\n${result.stderr}` };
  } catch (error) {
    throw new CheckError(
      'image',
      `the build command could not start: ${error instanceof Error ? error.message : String(error)}`,
      'Check the program name and the working directory (context). The command runs without a shell: wrap pipes or && in bash -c "…".',
    );
  }
};
