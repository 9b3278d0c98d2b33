import { CheckError } from '../shared/errors.js';

/**
 * The environment variables the check reads, each with its validation and
 * default: one table, from which the README's list is generated. Both
 * programs validate all of them at start, so a bad value fails before any
 * image is built, with the variable named.
 */

export interface EnvironmentVariable<T> {
  name: string;
  /** For the README. */
  description: string;
  /** What an unset (or empty) variable means. */
  defaultText: string;
  /** What a valid value looks like, for the error. */
  expected: string;
  example: string;
  parse(raw: string): T | null;
}

/** Seconds, as a number greater than 0 and at most an hour. */
function seconds(raw: string): number | null {
  if (!/^\s*\d+(\.\d+)?\s*$/.test(raw)) return null;
  const value = Number(raw);
  return value > 0 && value <= 3600 ? value : null;
}

export const PROBE_TIMEOUT: EnvironmentVariable<number> = {
  name: 'NONROOT_GUARD_PROBE_TIMEOUT',
  description:
    'Seconds the probe container may run before it is stopped (and the check fails closed).',
  defaultText: '120',
  expected: 'a number of seconds greater than 0 and at most 3600',
  example: '300',
  parse: seconds,
};

export const PROBE_TRANSFER: EnvironmentVariable<'mount' | 'copy'> = {
  name: 'NONROOT_GUARD_PROBE_TRANSFER',
  description:
    'How the probe binary reaches the container: `mount` (a read-only bind mount) or `copy` (`docker cp` into the created container, for a daemon that does not share this machine’s files).',
  defaultText: '`copy` when DOCKER_HOST is not a unix socket, else `mount`',
  expected: 'mount or copy',
  example: 'copy',
  parse: (raw) => (raw === 'mount' || raw === 'copy' ? raw : null),
};

export const GITHUB_TIMEOUT: EnvironmentVariable<number> = {
  name: 'NONROOT_GUARD_GITHUB_TIMEOUT',
  description:
    'Seconds all of the action’s GitHub API calls (comment, suggestions) may take together; then it warns and goes on.',
  defaultText: '60',
  expected: 'a number of seconds greater than 0 and at most 3600',
  example: '120',
  parse: seconds,
};

export const ENVIRONMENT: readonly EnvironmentVariable<unknown>[] = [
  PROBE_TIMEOUT,
  PROBE_TRANSFER,
  GITHUB_TIMEOUT,
];

/** The variable's value, undefined when unset or empty; a bad value is a usage error. */
export function environmentValue<T>(
  variable: EnvironmentVariable<T>,
  env: NodeJS.ProcessEnv = process.env,
): T | undefined {
  const raw = env[variable.name];
  if (raw === undefined || raw.trim() === '') return undefined;
  const value = variable.parse(raw.trim());
  if (value === null) {
    throw new CheckError(
      'usage',
      `${variable.name}=${JSON.stringify(raw)}: expected ${variable.expected}`,
      `Unset it for the default (${variable.defaultText.replace(/`/g, '')}), or give e.g. ${variable.name}=${variable.example}.`,
    );
  }
  return value;
}

/** Validates every variable of the table: called by both programs before any work. */
export function checkEnvironment(env: NodeJS.ProcessEnv = process.env): void {
  for (const variable of ENVIRONMENT) environmentValue(variable, env);
}
