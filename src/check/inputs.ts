import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { CheckOptions } from '../options/parse.js';
import { DEFAULT_POLICY_PATH, type LoadedPolicy } from '../policy/config.js';
import { CheckError } from '../shared/errors.js';
import { INPUT_FILE_LIMIT, MissingFileError, readInputFile } from '../shared/files.js';

/** The check's files from the repository: the policy and the Dockerfile, bounded and checked. */

export interface DockerfileSource {
  /** As shown in reports: relative to cwd, forward slashes. */
  displayPath: string;
  text: string;
}

/** The policy file given, else .github/nonroot-guard.yml when it exists, else none. */
export async function readPolicy(options: CheckOptions, cwd: string): Promise<LoadedPolicy | null> {
  const path = resolve(cwd, options.policy ?? DEFAULT_POLICY_PATH);
  const shown = options.policy ?? DEFAULT_POLICY_PATH;
  const hint = 'Check the policy path; it is relative to the repository root.';
  let text: string;
  try {
    // Above the parser's own 1 MiB limit, which says so in its words.
    text = await readInputFile(path, `the policy file ${shown}`, INPUT_FILE_LIMIT, hint);
  } catch (error) {
    if (!(error instanceof MissingFileError)) throw error;
    if (!options.policy) return null;
    throw new CheckError('input', `cannot read the policy file ${shown}: no such file`, hint);
  }
  const { parsePolicy } = await import('../policy/parse.js');
  return parsePolicy(text, displayPath(cwd, path));
}

function displayPath(cwd: string, path: string): string {
  const rel = relative(cwd, path);
  return isAbsolute(rel) || rel.startsWith('..') ? path : rel.split(sep).join('/');
}

export async function readDockerfile(
  options: CheckOptions,
  cwd: string,
): Promise<DockerfileSource | null> {
  const given = options.dockerfile;
  if (!given && !options.context) return null;
  const path = given ? resolve(cwd, given) : join(resolve(cwd, options.context!), 'Dockerfile');
  const hint = given
    ? 'Check the dockerfile path; it is relative to the working directory (the repository root in a workflow).'
    : 'Put a Dockerfile in the build context or name it with the dockerfile input (--dockerfile).';
  let text: string;
  try {
    text = await readInputFile(path, `the Dockerfile ${path}`, INPUT_FILE_LIMIT, hint);
  } catch (error) {
    if (!(error instanceof MissingFileError)) throw error;
    // With build-command the Dockerfile is optional (dotnet publish needs none).
    if (!given && options.buildCommand) return null;
    throw new CheckError('input', `cannot read the Dockerfile ${path}: no such file`, hint);
  }
  return { displayPath: displayPath(cwd, path), text };
}
